"""Reconciliation before approval, approval with recorded reasons, edits, deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.audit import transitions
from fazhi.indicators.sections import replaced_sections
from fazhi.reports import workflow
from fazhi.reports.deadlines import deadlines
from fazhi.reports.draft import draft
from fazhi.reports.models import Status
from fazhi.reports.reconcile import (
    CHANGED,
    HAND_TYPED,
    IDENTITY,
    PART,
    hand_typed_numbers,
    reconcile,
)
from fazhi.reports.tokens import UnknownIndicator
from tests.reports.conftest import SECTIONS

R = "reconsideration."


def _kinds(rec) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for i in rec.issues:
        out.setdefault(i.kind, []).append(i.key)
    return out


def test_reconciliation_finds_a_deliberately_broken_identity(fake, county) -> None:
    fake.set(
        county.pk, 2025, {R + "concluded": 11}
    )  # outcomes still add up to 10 (睢县-style error)
    report = draft(county, 2025)
    rec = reconcile(report, today=dt.date(2026, 2, 1))
    kinds = _kinds(rec)
    # 审结 11 breaks every identity it is part of, and nothing else.
    assert kinds[IDENTITY] == [
        f"identity:{R}caseload_disposition",
        f"identity:{R}concluded_partition",
        f"identity:{R}merits_split",
    ]
    issue = next(i for i in rec.issues if i.key == f"identity:{R}concluded_partition")
    assert "审结11件 ≠" in issue.message and "相差1件" in issue.message
    assert kinds[PART] == ["part:3", "part:4", "part:5"]  # placeholders
    assert CHANGED not in kinds and HAND_TYPED not in kinds
    assert rec.deadline_lines == [
        "报送上级：截至2026年2月28日，还有27天",
        "向社会公开：截至2026年3月31日，还有58天",
    ]


def test_changed_figure_and_hand_typed_numbers_are_listed(fake, county, coordinator) -> None:
    report = draft(county, 2025)
    fake.set(county.pk, 2025, {R + "received": 13})  # a case entered after drafting
    part = report.parts.get(number=1)
    workflow.save_part(
        part,
        part.text + "\n另接待法律咨询35人次，于2025年3月1日召开推进会，第3次会议。",
        by=coordinator,
    )
    rec = reconcile(report, today=dt.date(2026, 2, 1))
    changed = [i for i in rec.issues if i.kind == CHANGED]
    assert [i.key for i in changed] == [f"changed:{R}received"]
    assert changed[0].message == "“收到行政复议申请”起草时为12件，台账现为13件"
    assert [i.key for i in rec.issues if i.kind == HAND_TYPED] == ["hand:1:35人次"]
    workflow.refreeze(report, [R + "received"], by=coordinator)
    assert CHANGED not in _kinds(reconcile(report))


def test_hand_typed_ignores_dates_ordinals_and_doc_numbers() -> None:
    assert hand_typed_numbers("2025年3月1日前，第3条，示政〔2026〕3号，（二）") == []
    assert hand_typed_numbers(
        "办理12件，约三十余人，{{fig:reconsideration.received}}，提升5.5%"
    ) == ["12件", "三十余人", "5.5%"]


def test_approval_needs_each_issue_resolved_or_acknowledged(
    fake, county, coordinator, head
) -> None:
    fake.set(county.pk, 2025, {R + "concluded": 11})
    report = draft(county, 2025)
    workflow.submit_for_review(report, by=coordinator)
    with pytest.raises(workflow.TransitionError, match="还有6个核对问题"):
        workflow.approve(report, by=head, reasons={})
    keys = [i.key for i in reconcile(report).blocking]
    reasons = {k: "经核实，1件审结案件的结案方式尚待补录，报告按现数上报" for k in keys}
    reasons["part:3"] = "  "  # blank reasons do not count
    with pytest.raises(workflow.TransitionError, match="还有1个"):
        workflow.approve(report, by=head, reasons=reasons)
    reasons["part:3"] = "第三部分由县委依法治县办另行报送"
    workflow.approve(report, by=head, reasons=reasons, today=dt.date(2026, 2, 10))
    report.refresh_from_db()
    assert report.status == Status.FINAL and report.issued_on == dt.date(2026, 2, 10)
    assert sorted(a.key for a in report.acknowledgements.all()) == sorted(keys)
    assert report.acknowledgements.get(key="part:3").by == head
    assert transitions(report)[-2:] == ["submitted_for_review", "approved"]
    with pytest.raises(workflow.TransitionError, match="不能再修改"):
        workflow.save_part(report.parts.get(number=1), "x", by=coordinator)
    workflow.submit(report, by=coordinator, on=dt.date(2026, 2, 20))
    workflow.secrecy_check(report, by=head, on=dt.date(2026, 3, 2), note="不涉密，同意公开")
    workflow.publish(
        report, by=coordinator, on=dt.date(2026, 3, 20), url="https://example.gov.cn/r"
    )
    report.refresh_from_db()
    assert report.status == Status.PUBLISHED
    assert reconcile(report, today=dt.date(2026, 4, 2)).deadline_lines == [
        "报送上级：已于2026年2月20日完成，期限2026年2月28日",
        "向社会公开：已于2026年3月20日完成，期限2026年3月31日",
    ]


def test_unknown_token_refused_at_save_with_the_token_named(fake, county, coordinator) -> None:
    report = draft(county, 2025)
    part = report.parts.get(number=4)
    with pytest.raises(UnknownIndicator) as err:
        workflow.save_part(
            part, "计划办理{{fig:reconsideration.recieved}}，{{fig:nothing}}。", by=coordinator
        )
    assert "{{fig:reconsideration.recieved}}" in str(err.value) and "{{fig:nothing}}" in str(
        err.value
    )
    part.refresh_from_db()
    assert "recieved" not in part.text
    # A new token to a known indicator is frozen at save; history keeps every version.
    workflow.save_part(part, "2026年力争听证审理{{fig:reconsideration.hearings}}。", by=coordinator)
    assert report.figures.get(indicator_id=R + "hearings").text == "【无数据来源：听证审理】"
    assert part.history.count() == 2
    assert part.history.first().history_user == coordinator


def test_deadlines_are_the_day_before_1_march_and_1_april() -> None:
    submit, publish = deadlines(2023)
    assert (submit.due_on, publish.due_on) == (
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 31),
    )  # leap year
    submit, _ = deadlines(2025)
    assert submit.due_on == dt.date(2026, 2, 28)
    assert submit.describe(dt.date(2026, 2, 28)) == "报送上级：今天（2026年2月28日）是最后一天"
    assert submit.describe(dt.date(2026, 3, 2)) == "报送上级：已逾期2天（期限2026年2月28日）"


def test_the_person_who_sent_the_report_for_review_cannot_approve_it(
    fake, county, coordinator, head
) -> None:
    """Two people for 起草 and 定稿 (issue 17): the sender is refused, another person approves."""
    report = draft(county, 2025, by=coordinator)
    workflow.submit_for_review(report, by=coordinator)
    reasons = {i.key: "已核实" for i in reconcile(report).blocking}
    with pytest.raises(workflow.TransitionError, match="须由起草人以外的人审核定稿"):
        workflow.approve(report, by=coordinator, reasons=reasons)
    report.refresh_from_db()
    assert report.status == Status.REVIEW and not report.acknowledgements.exists()
    workflow.approve(report, by=head, reasons=reasons)
    report.refresh_from_db()
    assert report.status == Status.FINAL


def test_the_report_page_calls_a_placeholder_shortcomings_part_unwritten_not_vague(
    client, fake, county, coordinator
) -> None:
    """Issue #18's second half, through the page's 报告审查提示 (the `review` package alone is
    tests/reports/test_units.py::test_a_placeholder_is_unwritten_not_vague)."""
    with replaced_sections(SECTIONS[0]):  # nothing feeds part 二: it gets the 【待补充】 text
        report = draft(county, 2025)
    assert report.parts.get(number=2).text.startswith("【待补充")
    client.force_login(coordinator)
    html = client.get(report.get_absolute_url()).content.decode()
    assert "“不足和原因”部分尚未撰写（仍为【待补充】占位文字），不评价其具体程度。" in html
    assert "较空泛" not in html
    # Once written, vaguely, the same check scores it.
    workflow.save_part(
        report.parts.get(number=2), "工作还存在一定差距，还需进一步加强。", by=coordinator
    )
    html = client.get(report.get_absolute_url()).content.decode()
    assert "“不足和原因”部分较空泛" in html and "尚未撰写" not in html
