"""合同及涉法文件审核: request → opinion → result between a department and the 司法局, the review
clock with its pause (hand-computed), amounts in 分, indicators against hand counts, the report
sentence, import errors and bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.casework.transitions import TransitionError
from fazhi.imports.importer import run_import
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import TOKEN_RE
from fazhi.ledgers.legality_review import workflow
from fazhi.ledgers.legality_review.clocks import REVIEW
from fazhi.ledgers.legality_review.importers import SPEC
from fazhi.ledgers.legality_review.indicators import FIGURES, build_sentence
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.ledgers.legality_review.states import Kind, State
from fazhi.org.models import Department, Jurisdiction, Role, User
from tests.conftest import make_user
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
P = "legality_review."


@pytest.fixture
def police_officer(county: Jurisdiction, police: Department) -> User:
    return make_user("police_lo", Role.LEGAL_OFFICER, county, police, full_name="陈法制")


@pytest.fixture
def new(
    county: Jurisdiction, justice_bureau: Department, police: Department, police_officer: User
) -> Any:
    def make(on: str = "2025-03-03", kind: str = Kind.CONTRACT, **kw: Any) -> LegalityReview:
        r = LegalityReview(
            jurisdiction=county,
            reviewing_office=justice_bureau,
            submitting_department=police,
            kind=kind,
            title="执法记录仪采购合同",
            counterparty="城关科技有限公司",
            submitted_on=D(on),
            **kw,
        )
        return workflow.receive(r, by=police_officer)

    return make


def opinion(
    r: LegalityReview, by: User, on: str, n: int = 3, result: str = "approved_with_changes"
) -> None:
    workflow.give_opinion(
        r,
        on=D(on),
        by=by,
        result=result,
        opinion_count=n,
        reviewer_kind="legal_adviser",
        reviewer_name="刘律师",
        note="建议完善违约责任条款",
    )


def test_request_opinion_result_between_the_department_and_the_justice_bureau(
    new: Any, police_officer: User, officer: User
) -> None:
    r = new(amount_fen=123_456_789)
    assert (r.state, r.case_number) == (State.SUBMITTED, "示合审〔2025〕1号")
    # The department cannot accept its own request nor answer it.
    with pytest.raises(TransitionError, match="该操作由审核机构（司法局）办理"):
        workflow.accept(r, on=D("2025-03-03"), by=police_officer)
    workflow.accept(r, on=D("2025-03-03"), by=officer)
    with pytest.raises(TransitionError, match="该操作由审核机构（司法局）办理"):
        opinion(r, police_officer, "2025-03-05")
    opinion(r, officer, "2025-03-05")
    with pytest.raises(TransitionError, match="请选择审核意见的采纳情况"):
        workflow.close(r, on=D("2025-03-07"), by=police_officer, adoption="")
    workflow.close(r, on=D("2025-03-07"), by=police_officer, adoption="adopted")
    r.refresh_from_db()
    assert (r.state, r.result, r.opinion_count, r.reviewer_name) == (
        State.CLOSED,
        "approved_with_changes",
        3,
        "刘律师",
    )
    assert audit.transitions(r)[-3:] == ["accepted", "reviewed", "closed"]
    # Both sides see the row; another department does not.
    for user, status in ((police_officer, 200), (officer, 200)):
        c = Client()
        c.force_login(user)
        assert c.get(r.get_absolute_url()).status_code == status


def test_the_justice_bureau_sees_every_departments_rows_a_department_its_own(
    new: Any,
    county: Jurisdiction,
    justice_bureau: Department,
    market: Department,
    officer: User,
    police_officer: User,
) -> None:
    mine = new()
    other = workflow.receive(
        LegalityReview(
            jurisdiction=county,
            reviewing_office=justice_bureau,
            submitting_department=market,
            kind=Kind.LEGAL_DOCUMENT,
            title="行政处罚决定书",
            submitted_on=D("2025-03-04"),
        ),
        by=officer,
    )
    assert set(LegalityReview.objects.visible_to(officer)) == {mine, other}
    assert set(LegalityReview.objects.visible_to(police_officer)) == {mine}
    c = Client()
    c.force_login(police_officer)
    assert c.get(other.get_absolute_url()).status_code == 404
    html = c.get(mine.get_absolute_url()).content.decode()
    assert "待司法局受理" in html


def test_the_clock_runs_five_working_days_and_pauses_for_supplements(
    new: Any, officer: User, police_officer: User
) -> None:
    r = new(amount_fen=50_000_000)
    workflow.accept(r, on=D("2025-03-03"), by=officer)  # Monday; the day itself not counted
    assert r.review_due_on == D("2025-03-10")  # 4, 5, 6, 7, 10 March
    with pytest.raises(TransitionError, match="请写明需要补充的材料"):
        workflow.return_for_supplement(r, on=D("2025-03-05"), by=officer)
    workflow.return_for_supplement(r, on=D("2025-03-05"), by=officer, note="请补充预算批复")
    clock = clocks.get(r, REVIEW)
    assert clock is not None and clock.state == "paused" and r.review_due_on is None
    workflow.resupply(r, on=D("2025-03-10"), by=police_officer)
    # Counted: 4 March (1); 5–10 March paused (the return day and the arrival day included);
    # then 11, 12, 13, 14 March (5).
    r.refresh_from_db()
    assert (r.state, r.review_due_on) == (State.REVIEWING, D("2025-03-14"))
    clock = clocks.get(r, REVIEW)
    assert clock is not None and "5个工作日" in clock.explanation
    opinion(r, officer, "2025-03-17")
    clock = clocks.get(r, REVIEW)
    assert clock is not None and clock.state == "stopped"


def test_over_a_holiday(new: Any, officer: User) -> None:
    r = new(on="2025-09-29")
    workflow.accept(r, on=D("2025-09-30"), by=officer)
    # 1–8 Oct 国庆中秋 off; 9 (1), 10 (2), Sat 11 补班 (3), 13 (4), 14 (5).
    assert r.review_due_on == D("2025-10-14")


@pytest.mark.parametrize(
    ("amount", "message"),
    [(Decimal("1.5"), "合同金额须为整数分"), (-100, "合同金额不能为负数")],
)
def test_a_bad_amount_saves_nothing(new: Any, amount: Any, message: str) -> None:
    with pytest.raises(TransitionError, match=message):
        new(amount_fen=amount)
    assert LegalityReview.objects.count() == 0


def test_the_form_reads_yuan_exactly_and_refuses_the_rest(
    police_officer: User, police: Department, justice_bureau: Department
) -> None:
    c = Client()
    c.force_login(police_officer)
    url = reverse("legality_review:create")
    data = {
        "kind": "contract",
        "title": "保洁合同",
        "submitting_department": police.pk,
        "submitted_on": "2025-03-03",
    }
    for typed, error in (
        ("1234.567", "金额小数超过两位"),
        ("-5", "合同金额不能为负数"),
        ("一百", "不是数字"),
    ):
        resp = c.post(url, {**data, "amount_fen": typed})
        assert resp.status_code in (200, 422) and error in resp.content.decode()
    assert LegalityReview.objects.count() == 0
    resp = c.post(url, {**data, "amount_fen": "1,234,567.89"})
    assert resp.status_code == 302
    r = LegalityReview.objects.get()
    assert r.amount_fen == 123_456_789 and r.submitting_department == police
    html = c.get(r.get_absolute_url()).content.decode()
    assert "1,234,567.89元" in html


def test_opinion_guards(new: Any, officer: User) -> None:
    r = new()
    workflow.accept(r, on=D("2025-03-03"), by=officer)
    with pytest.raises(TransitionError, match="审核结论为“修改后同意”的，请填写提出的审核意见条数"):
        opinion(r, officer, "2025-03-05", n=0)
    with pytest.raises(TransitionError, match="由法律顾问审核的，请填写其姓名"):
        workflow.give_opinion(
            r,
            on=D("2025-03-05"),
            by=officer,
            result="approved",
            opinion_count=0,
            reviewer_kind="legal_adviser",
            reviewer_name="",
            note="同意",
        )
    assert LegalityReview.objects.get(pk=r.pk).state == State.REVIEWING


def test_indicators_against_hand_counts(new: Any, officer: User, county: Jurisdiction) -> None:
    a = new(amount_fen=120_000_000)  # 120万元
    b = new(kind=Kind.ADMINISTRATIVE_AGREEMENT, amount_fen=3_456_789)  # 3.456789万元
    c = new(kind=Kind.LEGAL_DOCUMENT)
    d = new(kind=Kind.MEETING_TOPIC)
    e = new(amount_fen=99_999_999)  # not reviewed: counts nowhere
    late = new(on="2024-12-20", amount_fen=1_000_000)
    for r, n in ((a, 3), (b, 0), (c, 5), (d, 2)):
        workflow.accept(r, on=D("2025-03-03"), by=officer)
        opinion(
            r, officer, "2025-03-06", n=n, result="approved" if n == 0 else "approved_with_changes"
        )
    workflow.accept(e, on=D("2025-03-03"), by=officer)
    workflow.accept(late, on=D("2024-12-20"), by=officer)
    opinion(late, officer, "2024-12-27", n=1)
    scope = Scope.year(county, 2025)
    counts = FIGURES.counts(scope)
    assert counts == {
        P + "contracts_reviewed": 2,
        P + "documents_reviewed": 4,
        P + "opinions": 10,
        P + "amount": Decimal("123.456789"),
    }
    assert counts == FIGURES.counts_orm(scope)
    assert FIGURES.counts(Scope.year(county, 2024))[P + "amount"] == Decimal("1")
    assert set(FIGURES.rows(P + "opinions", scope)) == {a, c, d}
    assert set(FIGURES.rows(P + "amount", scope)) == {a, b}


def test_the_report_sentence_carries_the_four_figures() -> None:
    (text,) = build_sentence(Scope(frozenset({1}), D("2025-01-01"), D("2026-01-01")))
    assert TOKEN_RE.findall(text) == [
        P + "documents_reviewed",
        P + "contracts_reviewed",
        P + "amount",
        P + "opinions",
    ]
    assert "审核各类合同、协议、涉法文件" in text


def test_import_lists_every_problem_and_saves_nothing(
    coordinator: User, police: Department
) -> None:
    headers = [
        "类别*",
        "送审事项*",
        "送审单位*",
        "合同金额（元）",
        "送审日期*",
        "材料齐全日期",
        "出具审核意见日期",
        "审核结论",
        "审核意见（条）",
    ]
    good = [
        "合同",
        "保洁合同",
        "公安局",
        "1250000.50",
        D("2025-03-03"),
        D("2025-03-03"),
        D("2025-03-07"),
        "修改后同意",
        4,
    ]
    rows = [
        good,
        ["合同", "采购合同", "公安局", "12.345", D("2025-03-03"), None, None, None, None],
        ["合同", "采购合同", "公安局", "-1", D("2025-03-03"), None, None, None, None],
        [
            "会议议题",
            "常务会议议题",
            "不存在局",
            None,
            D("2025-03-05"),
            D("2025-03-04"),
            D("2025-03-06"),
            None,
            None,
        ],
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(SPEC, data, by=coordinator, context=SPEC.context(coordinator))
    assert sorted(str(p) for p in report.problems) == [
        "第3行“合同金额（元）”：金额小数超过两位",
        "第4行“合同金额（元）”：合同金额不能为负数",
        "第5行“审核意见（条）”：已出具审核意见的，请填写意见条数（没有的填0）",
        "第5行“审核结论”：已出具审核意见的，请填写审核结论",
        "第5行“材料齐全日期”：材料齐全日期早于送审日期",
        "第5行“送审单位”：本区划没有名为“不存在局”的部门",
    ]
    assert LegalityReview.objects.count() == 0
    data = workbook_bytes(headers, [dict(zip(headers, good, strict=True))])
    report = run_import(SPEC, data, by=coordinator, context=SPEC.context(coordinator))
    assert report.ok and report.created == 1
    r = LegalityReview.objects.get()
    assert (r.state, r.amount_fen, r.opinion_count) == (State.REVIEWED, 125_000_050, 4)
