"""Demo units' reports of 示例县 for 2025 in every state, for the tracker: one drafted here and
published on time, one late, one missing the 不足 part, one with an identity error, one copying
last year's paragraphs, townships in 起草 and 审核, one township with nothing and a reminder."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.org.demo import DemoContext, _user
from fazhi.org.models import Role
from fazhi.reports import workflow
from fazhi.reports.draft import draft
from fazhi.reports.models import AnnualReport, ReportReminder
from fazhi.reports.reconcile import reconcile
from fazhi.reports.unit_reports import upload

ORDER = 950  # after the ledgers and 填报 (900): the drafts quote their figures

INTRO = "{unit}关于{year}年度法治政府建设情况的报告\n"
ACHIEVE = (
    "一、主要举措和成效\n"
    "（一）严格规范公正文明执法。全年办理行政处罚案件{cases}件，组织执法人员培训6次，参训420人次，"
    "开展行政执法案卷评查2次，评查案卷80份。\n"
)
SHORT = (
    "二、存在的不足和原因\n"
    "一是行政执法案卷评查发现12份案卷证据不完整，原因是办案人员对证据规则掌握不够；"
    "二是执法人员持证率仍需提高，由于新入职人员较多，尚有15人未取得执法证。\n"
)
LEADER = (
    "三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的情况\n"
    "主要负责人主持召开专题会议4次，带头学法2次，年终述法1次。\n"
)
NEXT = (
    "四、下一年度工作安排\n继续推进严格规范公正文明执法，开展执法人员轮训，实现持证上岗全覆盖。\n"
)
OTHER = "五、其他需要报告的事项\n无。\n"
COPIED = (
    "（二）深化政务公开。坚持以公开为常态、不公开为例外，全面提升政务公开质量和实效，"
    "不断完善政府信息依申请公开工作机制，依法保障人民群众合理信息需求。\n"
)
IDENTITY = (
    "（二）行政复议应诉。本年度共收到行政复议申请60件，审结45件，其中维持20件，撤销5件，"
    "驳回8件，终止7件。\n"
)

# What the 公安局's drafter wrote by hand where no ledger drafts (parts 2, 4, 5).
GAJ_PARTS = {
    2: "一是部分基层所队行政处罚案件法制审核流于形式，原因是法制员配备不足、审核标准不统一；"
    "二是行政复议被纠错案件中反映出执法程序不规范的问题，原因是执法人员对新修订的行政复议法学习不够。",
    4: "加强基层所队法制员队伍建设，统一法制审核标准；开展新修订行政复议法专题培训；"
    "落实行政执法责任制，对被纠错案件逐案分析、整改。",
    5: "无。",
}


def _text(unit: str, year: int, *, cases: int, short: bool = True, extra: str = "") -> bytes:
    body = INTRO.format(unit=unit, year=year) + ACHIEVE.format(cases=cases) + extra
    body += (SHORT if short else "") + LEADER + NEXT + OTHER
    return body.encode()


def populate(ctx: DemoContext) -> None:
    county = ctx.jurisdictions["990102"]
    if AnnualReport.objects.filter(
        jurisdiction=county, year=2025, department__isnull=False
    ).exists():
        return
    from fazhi.filing.demo import townships

    towns = townships(ctx)
    dept = {name: d for (code, name), d in ctx.departments.items() if code == "990102"}
    office = ctx.users["fzb"]
    d = dt.date

    def up(name: str, data: bytes, **kw: Any) -> AnnualReport:
        return upload(
            county,
            kw.pop("year", 2025),
            department=dept[name],
            name=f"{name}.txt",
            data=data,
            by=office,
            **kw,
        )

    # published on time, in full
    up(
        "交通运输局",
        _text("示例县交通运输局", 2024, cases=150, extra=COPIED),
        year=2024,
        submitted_on=d(2025, 2, 21),
        published_on=d(2025, 3, 25),
        url="https://www.example.gov.cn/sfj/jtj/2024.html",
    )
    up(
        "交通运输局",
        _text("示例县交通运输局", 2025, cases=188, extra=COPIED),
        submitted_on=d(2026, 2, 26),
        published_on=d(2026, 3, 27),
        url="https://www.example.gov.cn/sfj/jtj/2025.html",
    )
    up(
        "生态环境局",
        _text("示例县生态环境局", 2025, cases=64),
        submitted_on=d(2026, 2, 12),
        published_on=d(2026, 3, 16),
        url="https://www.example.gov.cn/sthjj/2025.html",
    )
    # late: sent 5 March, published 8 April
    up(
        "市场监督管理局",
        _text("示例县市场监督管理局", 2025, cases=402),
        submitted_on=d(2026, 3, 5),
        published_on=d(2026, 4, 8),
        url="https://www.example.gov.cn/scjg/2025.html",
    )
    # missing the 不足 part
    up(
        "自然资源局",
        _text("示例县自然资源局", 2025, cases=57, short=False),
        submitted_on=d(2026, 2, 27),
    )
    # an identity error
    up("人力资源和社会保障局", _text("示例县人力资源和社会保障局", 2025, cases=23, extra=IDENTITY))
    # drafted here from the ledgers: 公安局 (its own figures) through to 公开; 司法局 in 审核
    gaj = draft(county, 2025, department=dept["公安局"], by=ctx.users["gaj"])
    head = _user(
        "gaj_ld", "郑局长", Role.LEADER, county, dept["公安局"], "公安局副局长（分管法制）"
    )
    for part in gaj.parts.filter(number__in=GAJ_PARTS):
        workflow.save_part(part, GAJ_PARTS[part.number], by=ctx.users["gaj"])
    workflow.submit_for_review(gaj, by=ctx.users["gaj"])
    reasons = {i.key: "演示：已逐项核实" for i in reconcile(gaj).blocking}
    workflow.approve(gaj, by=head, reasons=reasons, today=d(2026, 2, 10))
    for i, row in enumerate(gaj.recipients.order_by("position")):
        workflow.send(gaj, row.pk, by=ctx.users["gaj"], on=d(2026, 2, 12 + i))
    workflow.secrecy_check(
        gaj, by=head, on=d(2026, 3, 2), note="经审查不涉及国家秘密和工作秘密，同意公开"
    )
    workflow.publish(
        gaj, by=ctx.users["gaj"], on=d(2026, 3, 10), url="https://www.example.gov.cn/gaj/2025.html"
    )
    sfj = draft(county, 2025, department=dept["司法局"], by=ctx.users["fuyi"])
    workflow.submit_for_review(sfj, by=ctx.users["fuyi"])
    # the townships: 城关镇 in 审核, 东河乡 in 起草, 西山镇 nothing yet (chased twice)
    cgz = draft(towns["城关镇"], 2025, by=ctx.users["cgz"])
    workflow.submit_for_review(cgz, by=ctx.users["cgz"])
    draft(towns["东河乡"], 2025, by=ctx.users["dhx"])
    for note in ("请于2月28日前报送2025年度法治政府建设年度报告", "已逾期，请即报送"):
        ReportReminder.objects.create(
            jurisdiction=county, year=2025, township=towns["西山镇"], note=note, by=office
        )
    ReportReminder.objects.create(
        jurisdiction=county,
        year=2025,
        department=dept["住房和城乡建设局"],
        note="请报送2025年度法治政府建设年度报告",
        by=office,
    )
    ctx.log.append(
        "各单位年度报告：示例县10个部门、3个乡镇的2025年度报告处于各个阶段（法治办 fzb 的“报送情况”页）；"
        "公安局的报告在系统中起草（gaj），经分管副局长（gaj_ld）定稿、报送、保密审查后按期公开"
    )
