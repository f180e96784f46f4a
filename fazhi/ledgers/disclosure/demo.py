"""Demo disclosure requests for 示例县 and 样板县, 2023 to today, each walked through the real
workflow (补正 with and without the corrected request, consultations, a fee, extensions, replies
of every type, late replies and open ones past their due date), a few linked to the 政府信息公开
复议 cases and lawsuits; and the yearly 主动公开, 政务新媒体 and 第二部分 figures."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import company_name, dates_in, person_name, pick
from fazhi.casework.transitions import TransitionError
from fazhi.clocks.spec import ClockError
from fazhi.ledgers.disclosure import workflow
from fazhi.ledgers.disclosure.models import (
    AnnualFigures,
    DisclosureRequest,
    NewMediaAccount,
    NewMediaInspection,
    ProactiveItem,
)
from fazhi.ledgers.disclosure.states import (
    GROUNDS,
    ApplicantKind,
    Channel,
    Platform,
    ProactiveCategory,
    ReplyType,
)
from fazhi.org.demo import DemoContext

ORDER = 60  # after 行政复议 (40) and 行政应诉 (50): requests link to their 信息公开 cases
DAY = dt.timedelta(days=1)
KINDS = {
    ApplicantKind.NATURAL_PERSON: 74,
    ApplicantKind.COMMERCIAL: 10,
    ApplicantKind.RESEARCH: 2,
    ApplicantKind.PUBLIC_INTEREST: 2,
    ApplicantKind.LEGAL_SERVICE: 7,
    ApplicantKind.OTHER_ORG: 5,
}
CHANNELS = {
    Channel.ONLINE: 45,
    Channel.IN_PERSON: 20,
    Channel.REGISTERED_POST: 25,
    Channel.ORDINARY_LETTER: 7,
    Channel.FAX: 3,
}
REPLIES = {
    ReplyType.DISCLOSED: 42,
    ReplyType.PARTIALLY_DISCLOSED: 12,
    ReplyType.WITHHELD: 8,
    ReplyType.UNABLE: 22,
    ReplyType.NOT_PROCESSED: 12,
    "other": 4,
}
DEPARTMENTS = {
    "县政府办公室": 30,
    "自然资源局": 25,
    "住房和城乡建设局": 20,
    "人力资源和社会保障局": 8,
    "生态环境局": 7,
    "公安局": 5,
    "市场监督管理局": 5,
}
SUBJECTS = [
    "某地块征收补偿安置方案",
    "城区道路改造项目预算及决算",
    "某小区规划许可证及附图",
    "本人社会保险缴费记录",
    "某企业环境影响评价批复",
    "某村集体土地征收批准文件",
    "房屋征收决定及风险评估报告",
    "行政处罚决定书",
    "某项目招标文件及中标结果",
    "年度财政专项资金使用情况",
]


def _org_name(rng: random.Random, kind: str) -> str:
    names: dict[str, str] = {
        ApplicantKind.COMMERCIAL: company_name(rng),
        ApplicantKind.RESEARCH: "示例农业科学研究所",
        ApplicantKind.PUBLIC_INTEREST: "示例市绿色环保志愿者协会",
        ApplicantKind.LEGAL_SERVICE: rng.choice(
            ["示例律师事务所", "明德律师事务所", "城关法律服务所"]
        ),
        ApplicantKind.OTHER_ORG: rng.choice(["城关镇东街社区居民委员会", "河西村村民委员会"]),
    }
    return names.get(kind, person_name(rng))


def _request(
    ctx: DemoContext,
    code: str,
    evidence: dt.date,
    rng: random.Random,
    today: dt.date,
    by: Any,
    links: dict[str, list[Any]],
) -> None:
    kind = pick(rng, KINDS)
    channel = pick(rng, CHANNELS)
    dept = ctx.departments[(code, pick(rng, DEPARTMENTS))]
    submitted = (
        evidence - DAY * rng.randint(1, 4)
        if channel in (Channel.REGISTERED_POST, Channel.ORDINARY_LETTER)
        else None
    )
    reply_type = pick(rng, REPLIES)
    req = DisclosureRequest(
        jurisdiction=ctx.jurisdictions[code],
        department=dept,
        applicant_name=_org_name(rng, kind),
        applicant_kind=kind,
        subject=rng.choice(SUBJECTS),
        requested_form=rng.choice(["纸质", "电子邮件", "光盘"]),
        channel=channel,
        submitted_on=submitted,
        evidence_on=evidence,
    )
    if reply_type in (ReplyType.WITHHELD, ReplyType.PARTIALLY_DISCLOSED, ReplyType.UNABLE):
        if links["review"] and rng.random() < 0.3:
            req.reconsideration_case_id = links["review"].pop().pk
        elif links["suit"] and rng.random() < 0.2:
            req.litigation_case_id = links["suit"].pop().pk
    workflow.receive(req, by=by)
    day = evidence
    roll = rng.random()

    def at(days: int) -> dt.date | None:
        nonlocal day
        nxt = day + DAY * days
        if nxt > today:
            return None
        day = nxt
        return nxt

    if roll < 0.10:  # unclear: one 补正 notice
        on = at(rng.randint(1, 9))  # now and then later than 7 working days
        if on is None:
            return
        workflow.request_correction(
            req,
            on=on,
            correction_items="请写明所需信息的名称、文号或者便于查询的其他特征描述",
            by=by,
        )
        if rng.random() < 0.3:
            return  # silence: deemed abandoned by the lapse run
        on = at(rng.randint(2, 12))
        if on is None:
            return
        workflow.receive_correction(req, on=on, by=by)
        if reply_type == "other" or rng.random() < 0.15:
            reply_type = ReplyType.UNABLE
            ground = "still_unclear"
        else:
            ground = ""
    else:
        on = at(rng.randint(1, 4))
        if on is None:
            return
        workflow.confirm_complete(req, on=on, by=by)
        ground = ""
    if rng.random() < 0.08:  # a third party or co-author agency is asked
        third = rng.random() < 0.6
        on = at(rng.randint(3, 8))
        if on is None:
            return
        workflow.consult(
            req,
            on=on,
            consultee_kind="third_party" if third else "other_agency",
            consultee_name=company_name(rng) if third else "示例县自然资源局",
            consultation_served_on=on + DAY * 2 if on + DAY * 2 <= today else on,
            by=by,
        )
        on = at(rng.randint(8, 25))
        if on is None:
            return
        workflow.record_opinion(
            req, on=on, opinion=rng.choice(["agree", "disagree", "silent"]), by=by
        )
        if reply_type == ReplyType.DISCLOSED and rng.random() < 0.5:
            reply_type, ground = ReplyType.PARTIALLY_DISCLOSED, "third_party"
    fee = rng.random() < 0.02
    if fee:
        on = at(rng.randint(2, 6))
        if on is None:
            return
        workflow.notify_fee(
            req, on=on, fee_by_request=None, fee_by_volume=rng.choice([30, 60, 120]), by=by
        )
        if rng.random() < 0.25:
            reply_type, ground = "other", "fee_unpaid"
        else:
            on = at(rng.randint(2, 8))
            if on is None:
                return
            workflow.pay_fee(req, on=on, by=by)
    if rng.random() < 0.08:
        on = at(rng.randint(5, 15))
        if on is None:
            return
        try:
            workflow.extend(
                req,
                on=on,
                extension_days=rng.choice([10, 15, 20]),
                head_approved=True,
                approver="赵主任",
                notified_on=on,
                by=by,
            )
        except (TransitionError, ClockError):
            pass
    on = at(rng.randint(5, 30))  # now and then after the due date
    if on is None:
        return
    if reply_type == "other":
        reply_type, ground = ReplyType.OTHER, ground or "other"
    if not ground and GROUNDS[reply_type]:
        ground = rng.choice(GROUNDS[reply_type])
        if ground in ("correction_overdue", "fee_unpaid", "still_unclear"):
            ground = "other" if reply_type == ReplyType.OTHER else GROUNDS[reply_type][0]
    workflow.answer(req, on=on, reply_type=reply_type, reply_ground=ground, by=by)


def _yearly(ctx: DemoContext, code: str, rng: random.Random, today: dt.date) -> None:
    jurisdiction = ctx.jurisdictions[code]
    for year in range(2023, today.year):
        for category in ProactiveCategory:
            n = (
                rng.randint(600, 2500)
                if category == ProactiveCategory.NEWS
                else rng.randint(20, 400)
            )
            ProactiveItem.objects.get_or_create(
                jurisdiction=jurisdiction,
                department=None,
                year=year,
                category=category,
                defaults={"count": n, "evidence": "政府门户网站信息公开栏目统计导出"},
            )
        AnnualFigures.objects.get_or_create(
            jurisdiction=jurisdiction,
            department=None,
            year=year,
            defaults={
                "normative_issued": rng.randint(3, 9),
                "normative_repealed": rng.randint(0, 4),
                "normative_in_force": rng.randint(40, 70),
                "licensing_decisions": rng.randint(3000, 9000),
                "penalty_decisions": rng.randint(800, 2500),
                "coercion_decisions": rng.randint(20, 120),
                "fees_fen": rng.randint(200, 900) * 1_000_000,
                "evidence": "政务服务平台、执法监督平台年度统计；财政局非税收入统计",
                "problems": "依申请公开答复文书的规范性有待提高，个别部门答复期限把握不严。下一步将加强业务培训，完善答复文书模板和期限提醒。",
            },
        )
    depts = [d for d in ctx.departments_of(code) if not d.is_legal_office]
    for i, dept in enumerate(depts):
        for platform in (Platform.WECHAT, Platform.VIDEO)[: 1 + i % 2]:
            opened = dt.date(2019 + i % 4, 1 + i, 10)
            closed = dt.date(2024, 6, 30) if i == 3 and platform == Platform.VIDEO else None
            account, _ = NewMediaAccount.objects.get_or_create(
                jurisdiction=jurisdiction,
                department=dept,
                name=f"{jurisdiction.name}{dept.name}",
                platform=platform,
                defaults={"opened_on": opened, "closed_on": closed},
            )
            for year in range(2023, today.year + 1):
                for month in (3, 9):
                    on = dt.date(year, month, 15)
                    if on > today or (closed and on > closed) or rng.random() < 0.15:
                        continue
                    passed = rng.random() > 0.1
                    NewMediaInspection.objects.create(
                        account=account,
                        inspected_on=on,
                        passed=passed,
                        findings="" if passed else "更新不及时，超过两周未更新",
                    )


def populate(ctx: DemoContext) -> None:
    if DisclosureRequest.objects.exists():
        ctx.log.append("依申请公开：已有申请，跳过演示数据")
        return
    from fazhi.ledgers.litigation.api import disclosure_lawsuits
    from fazhi.ledgers.reconsideration.api import disclosure_cases

    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    for code in ("990102", "990103"):
        by = users[code]
        links: dict[str, list[Any]] = {
            "review": disclosure_cases(ctx.jurisdictions[code].pk),
            "suit": disclosure_lawsuits(ctx.jurisdictions[code].pk),
        }
        for year in range(2023, today.year + 1):
            n = rng.randint(45, 70)
            if year == today.year:
                n = n * today.timetuple().tm_yday // 365
            for evidence in dates_in(rng, year, n, today):
                _request(ctx, code, evidence, rng, today, by, links)
        _yearly(ctx, code, rng, today)
    abandoned = workflow.run_abandonment(today)
    ctx.log.append(
        f"依申请公开：示例县、样板县演示申请 {DisclosureRequest.objects.count()} 件（逾期未补正视为放弃 {abandoned} 件）"
    )
