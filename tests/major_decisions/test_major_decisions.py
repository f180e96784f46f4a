"""重大行政决策: the decision gate, the two windows (hand-computed), the catalog, indicators
against hand counts, the report paragraph, import errors and bad input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.casework.transitions import TransitionError
from fazhi.imports.importer import run_import
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import TOKEN_RE
from fazhi.ledgers.major_decisions import workflow
from fazhi.ledgers.major_decisions.clocks import COMMENT_WINDOW, LEGALITY_REVIEW
from fazhi.ledgers.major_decisions.importers import SPEC
from fazhi.ledgers.major_decisions.indicators import FIGURES, build_section
from fazhi.ledgers.major_decisions.models import DecisionCatalog, MajorDecision
from fazhi.ledgers.major_decisions.states import ReviewResult, State
from fazhi.org.models import Department, Jurisdiction, Role, User
from tests.conftest import make_user
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
P = "major_decisions."


@pytest.fixture
def catalog(county: Jurisdiction) -> DecisionCatalog:
    return DecisionCatalog.objects.create(
        jurisdiction=county,
        year=2025,
        title="示例县人民政府2025年度重大行政决策事项目录",
        party_agreed_on=D("2025-02-13"),
        published_on=D("2025-02-20"),
    )


@pytest.fixture
def new(
    county: Jurisdiction,
    justice_bureau: Department,
    police: Department,
    coordinator: User,
    catalog: DecisionCatalog,
) -> Any:
    def make(listed: str = "2025-02-03", **kw: Any) -> MajorDecision:
        d = MajorDecision(
            jurisdiction=county,
            catalog=catalog,
            title="城区停车收费标准调整",
            sponsor_department=police,
            review_office=justice_bureau,
            listed_on=D(listed),
            **kw,
        )
        return workflow.receive(d, by=coordinator)

    return make


def consulted(d: MajorDecision, by: User, start: str = "2025-03-03") -> None:
    workflow.open_consultation(d, on=D(start), by=by, comment_until=D("2025-04-02"))
    workflow.close_consultation(d, on=D("2025-04-02"), by=by, comments_received=12)


def reviewed(d: MajorDecision, by: User, result: str = ReviewResult.LAWFUL) -> None:
    workflow.submit_review(d, on=D("2025-04-07"), by=by, review_deadline=D("2025-04-16"))
    workflow.record_review(
        d,
        on=D("2025-04-15"),
        by=by,
        legality_result=result,
        counsel_kind="legal_adviser",
        counsel_name="刘律师",
        note="符合法律规定",
    )


def discussed(d: MajorDecision, by: User) -> None:
    workflow.discuss(
        d,
        on=D("2025-04-20"),
        by=by,
        meeting_name="县政府第8次常务会议",
        attendees="县长、副县长",
        dissent="",
    )


def decide(d: MajorDecision, by: User) -> None:
    workflow.decide(d, on=D("2025-04-20"), by=by, head_decision="县长：同意实施")


# --- the gate ------------------------------------------------------------------------------------


def test_decided_is_refused_naming_each_missing_step(new: Any, coordinator: User) -> None:
    d = new(risk_assessment_required=True)
    before = audit.transitions(d)
    with pytest.raises(TransitionError) as exc:
        decide(d, coordinator)
    assert exc.value.message == (
        "尚未完成公众参与（公开征求意见）、风险评估、合法性审查、集体讨论，不能作出决定"
        "（《重大行政决策程序暂行条例》第二十五条、第三十条）"
    )
    consulted(d, coordinator)
    reviewed(d, coordinator)
    with pytest.raises(TransitionError, match="^尚未完成风险评估、集体讨论，不能作出决定"):
        decide(d, coordinator)
    discussed(d, coordinator)
    with pytest.raises(TransitionError, match="^尚未完成风险评估，不能作出决定"):
        decide(d, coordinator)
    d.refresh_from_db()
    assert d.state == State.COLLECTIVE_DECISION and d.decided_on is None
    assert audit.transitions(d)[: len(before)] == before
    # A late risk assessment before the decision unblocks it.
    workflow.risk_assessment(d, on=D("2025-04-21"), by=coordinator, note="低风险")
    workflow.decide(d, on=D("2025-04-22"), by=coordinator, head_decision="县长：同意")
    assert d.state == State.DECIDED


def test_a_draft_open_for_comment_cannot_go_to_review(new: Any, coordinator: User) -> None:
    d = new()
    with pytest.raises(TransitionError, match="结束征求意见后方可送请合法性审查"):
        workflow.submit_review(
            d, on=D("2025-03-03"), by=coordinator, review_deadline=D("2025-03-31")
        )


def test_a_decision_with_every_step_is_made_and_the_head_speaks_last(
    new: Any, coordinator: User
) -> None:
    d = new(expert_review_required=True)
    consulted(d, coordinator)
    workflow.expert_review(d, on=D("2025-04-03"), by=coordinator, note="方案可行")
    reviewed(d, coordinator)
    discussed(d, coordinator)
    with pytest.raises(TransitionError, match="请记录行政首长"):
        workflow.decide(d, on=D("2025-04-20"), by=coordinator, head_decision=" ")
    decide(d, coordinator)
    d.refresh_from_db()
    assert (d.state, d.decided_on, d.head_decision) == (
        State.DECIDED,
        D("2025-04-20"),
        "县长：同意实施",
    )
    assert d.expert_opinion == "方案可行" and d.legality_opinion == "符合法律规定"
    assert clocks.get(d, LEGALITY_REVIEW).state == "stopped"  # type: ignore[union-attr]


def test_not_public_decision_needs_its_reason_and_then_no_consultation(
    county: Jurisdiction, justice_bureau: Department, police: Department, coordinator: User
) -> None:
    d = MajorDecision(
        jurisdiction=county,
        title="某涉密事项",
        sponsor_department=police,
        review_office=justice_bureau,
        listed_on=D("2025-02-03"),
        participation_required=False,
    )
    with pytest.raises(TransitionError, match="不公开征求意见的，请说明依法不予公开的理由"):
        workflow.receive(d, by=coordinator)
    assert MajorDecision.objects.count() == 0
    d.not_public_reason = "涉及国家秘密"
    workflow.receive(d, by=coordinator)
    with pytest.raises(TransitionError, match="依法不公开征求意见"):
        workflow.open_consultation(
            d, on=D("2025-03-03"), by=coordinator, comment_until=D("2025-05-01")
        )
    reviewed(d, coordinator)
    discussed(d, coordinator)
    decide(d, coordinator)
    assert d.state == State.DECIDED


def test_an_unlawful_draft_cannot_go_to_the_meeting(new: Any, coordinator: User) -> None:
    d = new(participation_required=False, not_public_reason="涉密")
    reviewed(d, coordinator, result=ReviewResult.UNLAWFUL)
    with pytest.raises(TransitionError, match="经合法性审查不合法，不得提交集体讨论"):
        discussed(d, coordinator)


def test_only_the_review_office_gives_the_legality_opinion(
    new: Any, coordinator: User, county: Jurisdiction, police: Department, officer: User
) -> None:
    d = new(participation_required=False, not_public_reason="涉密")
    workflow.submit_review(d, on=D("2025-04-07"), by=coordinator, review_deadline=D("2025-04-16"))
    sponsor = make_user("police_lo", Role.LEGAL_OFFICER, county, police)
    kw = {"legality_result": "lawful", "counsel_kind": "none", "counsel_name": "", "note": "合法"}
    with pytest.raises(TransitionError, match="合法性审查意见由合法性审查机构（司法局）出具"):
        workflow.record_review(d, on=D("2025-04-10"), by=sponsor, **kw)
    workflow.record_review(d, on=D("2025-04-10"), by=officer, **kw)  # 司法局's own officer
    assert d.state == State.COLLECTIVE_DECISION


# --- the windows, hand-computed ------------------------------------------------------------------


def test_comment_window_is_at_least_30_days_unless_a_reason_is_given(
    new: Any, coordinator: User
) -> None:
    d = new()
    # 2025-03-03 + 30 calendar days (the start day not counted) = 2025-04-02, a Wednesday.
    assert workflow.comment_window_end(D("2025-03-03")) == D("2025-04-02")
    with pytest.raises(TransitionError) as exc:
        workflow.open_consultation(
            d, on=D("2025-03-03"), by=coordinator, comment_until=D("2025-04-01")
        )
    assert exc.value.message == (
        "公开征求意见的期限一般不少于30日：自2025年3月3日起，截止日期不得早于2025年4月2日；"
        "确需缩短的，请填写缩短期限的理由（第十五条）"
    )
    d.refresh_from_db()
    assert (
        d.state == State.DRAFTING
        and d.comment_from is None
        and clocks.get(d, COMMENT_WINDOW) is None
    )
    workflow.open_consultation(
        d,
        on=D("2025-03-03"),
        by=coordinator,
        comment_until=D("2025-03-18"),
        short_window_reason="上级督办限期出台",
    )
    clock = clocks.get(d, COMMENT_WINDOW)
    assert clock is not None and clock.due_on == D("2025-04-02")
    assert "30日" in clock.explanation and "2025年4月2日" in clock.explanation
    # A minimum, not a deadline: recorded and closed at once, never on the deadline board.
    assert clock.state == "stopped"
    assert clock.outcome_label == "征求意见至2025年3月18日（缩短，已说明理由）"
    with pytest.raises(TransitionError, match="截止日期（2025年3月18日）前不能结束征求意见"):
        workflow.close_consultation(d, on=D("2025-03-17"), by=coordinator, comments_received=0)
    workflow.close_consultation(d, on=D("2025-03-18"), by=coordinator, comments_received=3)
    assert d.state == State.DRAFTING and d.short_window_reason == "上级督办限期出台"


def test_a_window_ending_on_a_weekend_runs_to_the_next_working_day(db: None) -> None:
    # 2024-11-28 + 30 = Saturday 2024-12-28 → Monday 2024-12-30.
    assert workflow.comment_window_end(D("2024-11-28")) == D("2024-12-30")


@pytest.mark.parametrize(
    ("sent", "earliest"),
    [
        # Mon 3 Mar: 4,5,6,7 (4), 10,11,12 → Wed 12 Mar.
        ("2025-03-03", "2025-03-12"),
        # Fri 26 Sep 2025: Sun 28 Sep 补班 (1), 29, 30 (3), 1–8 Oct 国庆中秋, 9, 10 (5),
        # Sat 11 Oct 补班 (6), Mon 13 Oct (7).
        ("2025-09-26", "2025-10-13"),
    ],
)
def test_the_reviewer_gets_seven_working_days(
    new: Any, coordinator: User, sent: str, earliest: str
) -> None:
    d = new(participation_required=False, not_public_reason="涉密")
    assert workflow.review_window_end(D(sent)) == D(earliest)
    too_soon = D(earliest) - dt.timedelta(days=1)
    with pytest.raises(TransitionError, match=f"审查期限不得早于{D(earliest).year}年"):
        workflow.submit_review(d, on=D(sent), by=coordinator, review_deadline=too_soon)
    assert MajorDecision.objects.get(pk=d.pk).state == State.DRAFTING
    workflow.submit_review(d, on=D(sent), by=coordinator, review_deadline=D(earliest))
    d.refresh_from_db()
    assert d.state == State.LEGALITY_REVIEW and d.review_due_on == D(earliest)
    clock = clocks.get(d, LEGALITY_REVIEW)
    assert clock is not None and "7个工作日" in clock.explanation


def test_hearing_materials_seven_days_ahead_or_a_reason(new: Any, coordinator: User) -> None:
    d = new()
    with pytest.raises(TransitionError, match="听证材料应当于听证会7日前公布（最迟2025年3月13日）"):
        workflow.hold_hearing(
            d, on=D("2025-03-20"), by=coordinator, hearing_materials_on=D("2025-03-15")
        )
    workflow.hold_hearing(
        d, on=D("2025-03-20"), by=coordinator, hearing_materials_on=D("2025-03-13")
    )
    assert d.hearing_on == D("2025-03-20")


# --- catalog ----------------------------------------------------------------------------------


def test_an_item_added_after_publication_needs_its_reason(new: Any) -> None:
    with pytest.raises(
        TransitionError, match="目录已于2025年2月20日公布，公布后增补的事项请填写增补理由"
    ):
        new(listed="2025-06-01")
    assert MajorDecision.objects.count() == 0
    d = new(listed="2025-06-01", added_reason="县委常委会研究增补")
    assert d.case_number == "示决策〔2025〕1号"


def test_removal_needs_a_reason_and_leaves_the_catalog_count(
    new: Any, coordinator: User, county: Jurisdiction
) -> None:
    d = new()
    with pytest.raises(TransitionError, match="请填写调出目录的理由"):
        workflow.remove(d, on=D("2025-05-01"), by=coordinator)
    workflow.remove(d, on=D("2025-05-01"), by=coordinator, note="上级政策调整")
    assert (d.state, d.removal_reason) == (State.REMOVED, "上级政策调整")
    assert FIGURES.counts(Scope.year(county, 2025))[P + "catalog_items"] == 0


def test_catalog_page_publishes_only_after_the_party_committee_agrees(
    coordinator: User, outsider: User, county: Jurisdiction
) -> None:
    client = Client()
    client.force_login(coordinator)
    url = reverse("major_decisions:catalogs")
    data = {
        "year": 2026,
        "title": "示例县人民政府2026年度重大行政决策事项目录",
        "published_on": "2026-01-10",
    }
    resp = client.post(url, data)
    assert resp.status_code == 422
    assert "目录经同级党委同意后方可公布" in resp.content.decode()
    assert not DecisionCatalog.objects.exists()
    resp = client.post(url, {**data, "party_agreed_on": "2026-01-05"})
    assert resp.status_code == 302
    catalog = DecisionCatalog.objects.get()
    assert catalog.jurisdiction == county and catalog.history.count() == 1
    assert "2026年度重大行政决策事项目录" in client.get(url).content.decode()
    clerk = Client()
    clerk.force_login(outsider)
    assert (
        clerk.post(url, {**data, "year": 2027, "party_agreed_on": "2026-01-05"}).status_code == 404
    )
    assert DecisionCatalog.objects.count() == 1


# --- indicators, report -----------------------------------------------------------------------


def test_indicators_against_hand_counts(
    new: Any, coordinator: User, county: Jurisdiction, catalog: DecisionCatalog
) -> None:
    a = new(expert_review_required=True, risk_assessment_required=True)
    consulted(a, coordinator)
    workflow.expert_review(a, on=D("2025-04-03"), by=coordinator)
    workflow.risk_assessment(a, on=D("2025-04-04"), by=coordinator)
    reviewed(a, coordinator)
    discussed(a, coordinator)
    decide(a, coordinator)
    b = new(participation_required=False, not_public_reason="涉密")
    reviewed(b, coordinator)  # reviewed, not yet discussed
    c = new()
    workflow.open_consultation(c, on=D("2025-05-06"), by=coordinator, comment_until=D("2025-06-06"))
    new(listed="2025-02-10")  # a fourth item, nothing done yet
    e = new()
    workflow.remove(e, on=D("2025-03-01"), by=coordinator, note="调整")
    unpublished = DecisionCatalog.objects.create(jurisdiction=county, year=2024, title="2024目录")
    old = new(listed="2024-03-01")
    old.catalog = unpublished
    old.save()
    counts = FIGURES.counts(Scope.year(county, 2025))
    assert {k.removeprefix(P): v for k, v in counts.items()} == {
        "count": 1,
        "catalog_items": 4,  # a, b, c, the fourth; e removed
        "public_consultations": 2,  # a, c
        "expert_reviews": 1,
        "risk_assessments": 1,
        "legality_reviewed": 2,  # a, b
    }
    assert counts == FIGURES.counts_orm(Scope.year(county, 2025))
    assert FIGURES.counts(Scope.year(county, 2024))[P + "catalog_items"] == 0  # not published
    rows = FIGURES.rows(P + "legality_reviewed", Scope.year(county, 2025))
    assert set(rows.values_list("pk", flat=True)) == {a.pk, b.pk}


def test_the_report_paragraph_carries_every_figure() -> None:
    (text,) = build_section(Scope(frozenset({1}), D("2025-01-01"), D("2026-01-01")))
    assert set(TOKEN_RE.findall(text)) == {
        P + k
        for k in (
            "catalog_items",
            "count",
            "public_consultations",
            "expert_reviews",
            "risk_assessments",
            "legality_reviewed",
        )
    }
    assert text.startswith("严格落实《重大行政决策程序暂行条例》")


def test_detail_page_names_the_blocking_steps(new: Any, coordinator: User) -> None:
    d = new(risk_assessment_required=True)
    client = Client()
    client.force_login(coordinator)
    html = client.get(d.get_absolute_url()).content.decode()
    assert "尚未完成公众参与（公开征求意见）、风险评估、合法性审查、集体讨论，不能作出决定" in html
    assert "需要，尚未评估" in html


# --- import ---------------------------------------------------------------------------------------

HEADERS = [
    "目录年度",
    "决策事项*",
    "决策承办单位*",
    "列入目录（启动）日期*",
    "需风险评估",
    "公开征求意见开始日期",
    "公开征求意见截止日期",
    "征求意见结束日期",
    "送请合法性审查日期",
    "给予的审查期限",
    "出具合法性审查意见日期",
    "合法性审查结论",
    "集体讨论会议",
    "集体讨论日期",
    "作出决定日期",
]


def _row(**kw: Any) -> dict[str, Any]:
    base = {
        "目录年度": 2025,
        "决策事项*": "老旧小区改造方案",
        "决策承办单位*": "公安局",
        "列入目录（启动）日期*": D("2025-02-03"),
        "需风险评估": "否",
        "公开征求意见开始日期": D("2025-03-03"),
        "公开征求意见截止日期": D("2025-04-02"),
        "征求意见结束日期": D("2025-04-02"),
        "送请合法性审查日期": D("2025-04-07"),
        "给予的审查期限": D("2025-04-16"),
        "出具合法性审查意见日期": D("2025-04-15"),
        "合法性审查结论": "合法",
        "集体讨论会议": "县政府第8次常务会议",
        "集体讨论日期": D("2025-04-20"),
        "作出决定日期": D("2025-04-20"),
    }
    return {**base, **kw}


def test_import_refuses_every_bad_row_and_saves_none(
    coordinator: User, catalog: DecisionCatalog, police: Department
) -> None:
    headers = [
        c.header for c in SPEC.columns if c.header.rstrip("*") in {h.rstrip("*") for h in HEADERS}
    ]
    assert len(headers) == len(HEADERS)

    def cells(**kw: Any) -> dict[str, Any]:
        r = {k.rstrip("*"): v for k, v in _row(**kw).items()}
        return {h: r[h.rstrip("*")] for h in headers}

    rows = [
        cells(),
        cells(**{"需风险评估": "是"}),
        cells(**{"出具合法性审查意见日期": None, "合法性审查结论": None}),
        cells(**{"公开征求意见截止日期": D("2025-03-20"), "征求意见结束日期": D("2025-03-20")}),
        cells(**{"给予的审查期限": D("2025-04-10")}),
        cells(**{"目录年度": 2023}),
    ]
    report = run_import(
        SPEC, workbook_bytes(headers, rows), by=coordinator, context=SPEC.context(coordinator)
    )
    assert [str(p) for p in report.problems] == [
        "第3行“作出决定日期”：尚未完成风险评估，不能登记为已作出决定",
        "第4行“作出决定日期”：尚未完成合法性审查，不能登记为已作出决定",
        "第5行“征求意见期限少于30日的理由”：征求意见期限少于30日（最早应至2025年4月2日），请填写理由",
        "第6行“给予的审查期限”：合法性审查时间不得少于7个工作日，审查期限不得早于2025年4月16日",
        "第7行“目录年度”：本区划尚未建立2023年度重大行政决策事项目录",
    ]
    assert MajorDecision.objects.count() == 0
    report = run_import(
        SPEC, workbook_bytes(headers, rows[:1]), by=coordinator, context=SPEC.context(coordinator)
    )
    assert report.ok and report.created == 1
    d = MajorDecision.objects.get()
    assert (d.state, d.catalog, d.case_number) == (State.DECIDED, catalog, "示决策〔2025〕1号")


def test_the_draft_report_says_both_ledgers_figures(
    new: Any,
    coordinator: User,
    county: Jurisdiction,
    justice_bureau: Department,
    police: Department,
) -> None:
    from fazhi.ledgers.legality_review import workflow as review
    from fazhi.ledgers.legality_review.models import LegalityReview
    from fazhi.reports.draft import draft
    from fazhi.reports.tokens import render

    d = new(participation_required=False, not_public_reason="涉密")
    reviewed(d, coordinator)
    discussed(d, coordinator)
    decide(d, coordinator)
    r = review.receive(
        LegalityReview(
            jurisdiction=county,
            reviewing_office=justice_bureau,
            submitting_department=police,
            kind="contract",
            title="保洁合同",
            amount_fen=250_000_000,
            submitted_on=D("2025-03-03"),
            materials_complete_on=D("2025-03-03"),
        ),
        by=coordinator,
    )
    review.give_opinion(
        r,
        on=D("2025-03-06"),
        by=coordinator,
        result="approved_with_changes",
        opinion_count=4,
        reviewer_kind="staff",
        reviewer_name="",
        note="完善违约条款",
    )
    report = draft(county, 2025, by=coordinator)
    tokens = {t.indicator_id: t for t in report.figures.all()}
    text = render(report.parts.get(number=1).text, tokens)[0]
    assert "推进重大行政决策科学化民主化法治化" in text
    assert "全年作出重大行政决策1件，公开征求意见0件" in text
    assert "经合法性审查1件" in text
    assert (
        "审核各类合同、协议、涉法文件1件，其中合同（协议）1份、涉及金额250万元，提出审核意见4条。"
        in text
    )
