"""Demo 督办事项 and 整改台账 for 示例县 and 样板县, 2023 to today, walked through the real workflow:
notices from 领导批示, 会议议定, 上级督察反馈, 审计 and 巡视巡察 with two to four items each (dated
limits and working-day limits), the yearly 法治督察 feedback with one rectification task per
finding; most items signed for, reported on and closed on evidence, some extended by the office,
some returned once, and open ones — some of them past their limit."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fazhi.casework.demo import Place, pick, places
from fazhi.ledgers.supervision import workflow
from fazhi.ledgers.supervision.models import SupervisionItem, SupervisionNotice
from fazhi.ledgers.supervision.states import Area, Kind, LimitKind, Source
from fazhi.org.demo import DemoContext

ORDER = 80
DAY = dt.timedelta(days=1)
MATTERS = {
    Source.LEADER_INSTRUCTION: (
        "关于督办城区停车难问题的通知",
        ["制定城区停车泊位增设方案", "清理占道停车和僵尸车", "公布新增停车泊位位置"],
    ),
    Source.MEETING_DECISION: (
        "关于落实县政府常务会议议定事项的督办通知",
        [
            "完成农贸市场改造项目招标",
            "出台企业开办全程网办实施方案",
            "完成老旧小区改造年度任务",
            "推进政务服务事项“一网通办”",
        ],
    ),
    Source.SUPERIOR_FEEDBACK: (
        "关于市政府督查反馈问题整改的督办通知",
        ["整改行政许可事项清单未动态调整问题", "整改“双随机、一公开”抽查比例不足问题"],
    ),
    Source.AUDIT: (
        "关于审计发现问题整改的督办通知",
        ["追缴欠缴的国有资源有偿使用收入", "规范政府采购合同备案"],
    ),
    Source.INSPECTION_TOUR: (
        "关于巡察反馈意见整改的督办通知",
        ["整改工程项目审批程序不规范问题", "健全“三重一大”集体决策记录"],
    ),
}
FINDINGS = [
    (
        Area.ENFORCEMENT,
        "部分执法案卷调查取证不充分、文书制作不规范",
        "开展案卷评查并组织执法文书制作培训",
    ),
    (Area.ENFORCEMENT, "行政执法公示信息更新不及时", "建立执法公示信息季度更新制度"),
    (Area.ENFORCEMENT, "个别执法人员未持证执法", "清理执法人员资格，未持证人员一律调离执法岗位"),
    (
        Area.NORMATIVE_DOCUMENTS,
        "个别规范性文件未经合法性审核即印发",
        "对未审核文件进行补充审核并建立发文前审核台账",
    ),
    (Area.NORMATIVE_DOCUMENTS, "规范性文件备案不及时", "完善备案提醒机制，逾期备案纳入考核"),
    (Area.DECISIONS, "重大行政决策目录未按时公布", "编制并公布年度重大行政决策事项目录"),
    (Area.DISPUTES, "行政机关负责人出庭应诉比例偏低", "落实负责人出庭应诉制度，按季通报出庭情况"),
    (Area.DISCLOSURE, "政府信息公开申请答复格式不统一", "制定依申请公开答复文书范本"),
    (Area.PUBLICITY, "“谁执法谁普法”责任清单落实不到位", "修订普法责任清单并开展年度履职评议"),
]


def _evidence(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, "%PDF-1.4 演示佐证材料".encode(), content_type="application/pdf"
    )


def _walk(item: SupervisionItem, rng: random.Random, today: dt.date, by: Any) -> None:
    fate = pick(rng, {"closed": 70, "extended": 10, "returned": 5, "open": 15})
    acked = item.assigned_on + DAY * rng.randint(1, 4)
    if acked > today:
        return
    workflow.acknowledge(item, on=acked, by=by)
    due = item.due_on or acked + DAY * 30
    progress = acked + DAY * rng.randint(5, 20)
    if progress <= today:
        workflow.report_progress(item, on=progress, by=by, note="已制定工作方案，正在推进")
    if fate == "open":
        return
    if fate == "extended" and due - DAY * 3 <= today and due - DAY * 3 >= acked:
        if item.limit_kind == LimitKind.DATE:
            workflow.extend(
                item,
                on=due - DAY * 3,
                extended_to=due + DAY * 30,
                extension_days=None,
                by=by,
                note="涉及资金安排，需延期",
            )
        else:
            workflow.extend(
                item,
                on=due - DAY * 3,
                extended_to=None,
                extension_days=10,
                by=by,
                note="需协调多个部门",
            )
        item.refresh_from_db()
        due = item.due_on or due
    done = max(progress, acked) + DAY * rng.randint(5, 40)
    if fate == "extended":
        done = due + DAY * rng.randint(-10, 5)  # now and then after the limit
    if done > today:
        return
    workflow.add_evidence(item, [_evidence("办结情况报告.pdf")], on=done, by=by)
    workflow.request_closure(item, on=done, by=by, note="已按要求办结，附办结情况报告")
    if fate == "returned":
        back = done + DAY * 3
        if back > today:
            return
        workflow.return_request(item, on=back, by=by, note="佐证材料不能证明整改到位，请补充")
        done = back + DAY * 10
        if done > today:
            return
        workflow.add_evidence(item, [_evidence("补充佐证材料.pdf")], on=done, by=by)
        workflow.request_closure(item, on=done, by=by, note="已补充佐证材料")
    closed = done + DAY * rng.randint(1, 7)
    if closed <= today:
        workflow.close(item, on=closed, by=by)


def _notice(place: Place, office: Any, number: str, source: str, title: str, on: dt.date) -> Any:
    return SupervisionNotice(
        jurisdiction=place.jurisdiction,
        notice_number=number,
        source=source,
        title=title,
        issued_on=on,
        office=office,
    )


def _year(
    place: Place, office: Any, year: int, rng: random.Random, today: dt.date, by: Any, prefix: str
) -> None:
    serial = 0
    for on in sorted(
        dt.date(year, 1, 1) + DAY * rng.randint(10, 340) for _ in range(rng.randint(6, 9))
    ):
        if on > today:
            continue
        serial += 1
        source = rng.choice(list(MATTERS))
        title, tasks = MATTERS[source]
        notice = _notice(place, office, f"{prefix}督办〔{year}〕{serial}号", source, title, on)
        for task in rng.sample(tasks, k=min(len(tasks), rng.randint(2, 4))):
            days = rng.choice((10, 15, 20, 30))
            item = workflow.receive(
                SupervisionItem(
                    jurisdiction=place.jurisdiction,
                    notice=notice,
                    kind=Kind.MATTER,
                    task=task,
                    office=office,
                    lead_department=rng.choice(place.respondents),
                    assigned_on=on,
                    limit_kind=LimitKind.WORKING_DAYS if rng.random() < 0.5 else LimitKind.DATE,
                    time_limit_days=days,
                    time_limit_on=on + DAY * (days * 2),
                ),
                by=by,
            )
            notice = item.notice
            _walk(item, rng, today, by)
    # The yearly 法治督察 feedback: one rectification task per finding.
    on = dt.date(year, 9, 10) + DAY * rng.randint(0, 20)
    if on > today:
        return
    serial += 1
    notice = _notice(
        place,
        office,
        f"{prefix}督办〔{year}〕{serial}号",
        Source.RULE_OF_LAW_INSPECTION,
        f"关于{year}年度法治政府建设督察反馈问题整改的通知",
        on,
    )
    for area, finding, task in rng.sample(FINDINGS, k=rng.randint(4, 6)):
        item = workflow.receive(
            SupervisionItem(
                jurisdiction=place.jurisdiction,
                notice=notice,
                kind=Kind.RECTIFICATION,
                area=area,
                finding=finding,
                task=task,
                office=office,
                lead_department=rng.choice(place.respondents),
                assigned_on=on,
                limit_kind=LimitKind.DATE,
                time_limit_on=on + DAY * rng.choice((60, 90)),
            ),
            by=by,
        )
        notice = item.notice
        _walk(item, rng, today, by)


def populate(ctx: DemoContext) -> None:
    if SupervisionItem.objects.exists():
        ctx.log.append("督查督办：已有记录，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    for place in places(ctx):
        code = place.jurisdiction.code
        office = ctx.departments.get((code, "县政府办公室")) or place.handling
        prefix = place.jurisdiction.doc_prefix or place.jurisdiction.name[:1]
        for year in range(2023, today.year + 1):
            _year(place, office, year, rng, today, users[code], prefix)
    ctx.log.append(
        f"督查督办：示例县、样板县演示督办事项和整改任务 {SupervisionItem.objects.count()} 件"
    )
