"""Demo documents for 示例县 and 样板县, 2023 to today, each walked through the real workflow:
drafts at every stage (one sent back with 不同意), published documents filed on time, late or not
at all (overdue), one 纠正 by the filing body, short-term (试行) documents near or past expiry, and
one cleanup batch per county with all four outcomes."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import Place, dates_in, places
from fazhi.ledgers.normative_documents import cleanup, filing, workflow
from fazhi.ledgers.normative_documents.models import NormativeDocument
from fazhi.ledgers.normative_documents.states import FilingResult, Outcome, Recipient, State
from fazhi.org.demo import DemoContext

ORDER = 60
DAY = dt.timedelta(days=1)
SUBJECTS = [
    "城区停车管理办法",
    "农村宅基地审批管理办法",
    "城镇燃气安全管理规定",
    "困难群众临时救助实施办法",
    "城区占道经营管理办法",
    "建设工程渣土运输管理办法",
    "农村集体资产管理办法",
    "政府投资项目管理办法",
    "行政执法公示实施办法",
    "城市绿化管理办法",
    "住房公积金缴存管理办法",
    "校外培训机构管理办法",
    "养犬管理规定",
    "城区户外广告设置管理办法",
    "征地补偿安置实施办法",
    "重大行政决策程序规定",
]


def _draft(place: Place, on: dt.date, rng: random.Random, by: Any, n: int) -> NormativeDocument:
    jur = place.jurisdiction
    subject = SUBJECTS[n % len(SUBJECTS)]
    doc = NormativeDocument(
        jurisdiction=jur,
        review_department=place.handling,
        drafting_department=rng.choice(place.respondents),
        issuing_body=jur.government_name or f"{jur.name}人民政府",
        title=f"{jur.name}{subject}" + ("（试行）" if n % 7 == 3 else ""),
        drafted_on=on,
        consultation_required=n % 5 != 0,
    )
    return workflow.receive(doc, by=by)


def _walk(doc: NormativeDocument, rng: random.Random, today: dt.date, by: Any, n: int) -> None:
    """Up to 集体审议; publication comes after, in order of the meeting dates."""
    on = doc.drafted_on
    steps = [5, 30, 10, 7]  # consultation, review request, opinion, deliberation

    def nxt(i: int) -> dt.date | None:
        nonlocal on
        on = on + DAY * (steps[i] + rng.randint(0, 6))
        return on if on <= today else None

    if doc.consultation_required:
        if nxt(0) is None:
            return
        workflow.start_consultation(doc, on=on, by=by)
    if nxt(1) is None:
        return
    workflow.request_review(doc, on=on, by=by, review_working_days=3 if n % 23 == 4 else None)
    if nxt(2) is None or (n % 6 == 5 and on >= today - DAY * 150):
        return  # the opinion is still awaited (overdue once the period has run)
    if n % 11 == 2:  # sent back, revised, resubmitted
        workflow.give_opinion(
            doc,
            on=on,
            by=by,
            review_result="rejected",
            review_opinion="第八条设定行政许可，超越制定权限；第十二条罚款无上位法依据。",
        )
        if nxt(1) is None:
            return
        workflow.request_review(doc, on=on, by=by)
        if nxt(2) is None:
            return
    result = "approved_with_changes" if n % 3 == 0 else "approved"
    workflow.give_opinion(
        doc,
        on=on,
        by=by,
        review_result=result,
        review_opinion="经审核，制定主体、权限和程序合法。"
        + ("建议删除第九条关于“先缴费后办证”的表述。" if result != "approved" else ""),
    )
    if nxt(3) is None or (n % 8 == 7 and on >= today - DAY * 120):
        return  # reviewed, awaiting the meeting
    meeting = f"{doc.jurisdiction.name}人民政府第{on.month * 2}次常务会议"
    workflow.deliberate(doc, on=on, by=by, deliberation_meeting=meeting)
    return


def _publish(
    doc: NormativeDocument, on: dt.date, rng: random.Random, today: dt.date, by: Any, n: int
) -> None:
    years = 2 if "试行" in doc.title else 5
    workflow.publish(doc, on=on, by=by, effective_on=on + DAY * 20, validity_years=years)
    published = on
    for i, recipient in enumerate(Recipient.values):
        late = n % 9 == 1
        filed = published + DAY * (rng.randint(36, 50) if late else rng.randint(5, 25) + i)
        if published >= today - DAY * 200 and (n + i) % 3 != 0:
            continue  # recent and not yet filed: overdue on the board
        if filed > today:
            continue
        filing.file_document(doc, on=filed, by=by, recipient=recipient)
        result_on = filed + DAY * 20
        if result_on <= today:
            corrected = recipient == Recipient.NPC and n % 13 == 6
            filing.record_filing_result(
                doc,
                on=result_on,
                by=by,
                recipient=recipient,
                filing_result=FilingResult.CORRECTED if corrected else FilingResult.PASSED,
            )
    assert doc.expires_on is not None
    evaluation = doc.expires_on - DAY * 200
    if years == 2 and evaluation <= today and n % 2 == 0:
        workflow.evaluate(doc, on=evaluation, by=by)


def _cleanup(place: Place, by: Any, rng: random.Random) -> None:
    in_force = list(
        NormativeDocument.objects.filter(
            jurisdiction=place.jurisdiction,
            state=State.ISSUED,
            published_on__lt=dt.date(2025, 1, 1),
            expires_on__gt=dt.date(2025, 9, 30),
        ).order_by("published_on")
    )
    if len(in_force) < 4:
        return
    batch = cleanup.create_batch(
        jurisdiction=place.jurisdiction,
        department=place.handling,
        name="2025年行政规范性文件集中清理",
        basis="《示例省人民政府办公厅关于开展行政规范性文件清理工作的通知》",
        started_on=dt.date(2025, 7, 1),
        decided_on=dt.date(2025, 9, 15),
        effective_on=dt.date(2025, 9, 30),
        by=by,
    )
    outcomes = [Outcome.REPEALED, Outcome.DECLARED_INVALID, Outcome.AMENDED]
    for i, doc in enumerate(in_force):
        outcome = (
            outcomes[i]
            if i < len(outcomes)
            else (Outcome.KEPT if rng.random() < 0.8 else Outcome.AMENDED)
        )
        reason = {
            Outcome.REPEALED: "上位法已修改，主要内容不再适用",
            Outcome.DECLARED_INVALID: "调整对象已消失，实际已停止执行",
            Outcome.AMENDED: "部分条款与新修订的上位法不一致",
        }.get(outcome, "")
        cleanup.add_entry(batch, doc, outcome, reason=reason, by=by)
    cleanup.apply_batch(batch, by=by, today=batch.effective_on)


def populate(ctx: DemoContext) -> None:
    if NormativeDocument.objects.exists():
        ctx.log.append("规范性文件：已有文件，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    for place in places(ctx):
        by = users[place.jurisdiction.code]
        n = 0
        for year in range(2023, today.year + 1):
            count = rng.randint(9, 14)
            for on in dates_in(rng, year, count, today):
                doc = _draft(place, on, rng, by, n)
                _walk(doc, rng, today, by, n)
                n += 1
        # 统一编号 in the order of publication: publish after the meetings, in their order.
        ready = NormativeDocument.objects.filter(
            jurisdiction=place.jurisdiction, state=State.DELIBERATED
        ).order_by("deliberated_on", "id")
        last = dt.date(2023, 1, 1)
        ready = list(ready)
        for i, doc in enumerate(ready):
            assert doc.deliberated_on is not None
            on = max(doc.deliberated_on + DAY * rng.randint(3, 8), last)
            if on > today or i == len(ready) - 1:
                continue  # still awaiting publication
            _publish(doc, on, rng, today, by, i)
            last = on
        _cleanup(place, by, rng)
    expired = workflow.expire_all(today)
    ctx.log.append(
        f"规范性文件：示例县、样板县演示文件 {NormativeDocument.objects.count()} 件"
        f"（其中有效期届满失效 {expired} 件）"
    )
