"""规范性文件: the gates, the clocks (hand-computed), cleanup, indicators against hand counts,
import errors, bad input, the public list and the api."""

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
from fazhi.ledgers.normative_documents import api, cleanup, filing, workflow
from fazhi.ledgers.normative_documents.clocks import EVALUATION, FILING, REVIEW
from fazhi.ledgers.normative_documents.importers import SPEC
from fazhi.ledgers.normative_documents.indicators import FIGURES, build_section, timely_filing
from fazhi.ledgers.normative_documents.ledger import sample
from fazhi.ledgers.normative_documents.models import CleanupEntry, NormativeDocument
from fazhi.ledgers.normative_documents.states import (
    FilingResult,
    Outcome,
    Recipient,
    ReviewResult,
    State,
)
from fazhi.lib.ratio import Ratio
from fazhi.org.models import Department, Jurisdiction, User
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
P = "normative_documents."


@pytest.fixture
def new(
    county: Jurisdiction, justice_bureau: Department, police: Department, coordinator: User
) -> Any:
    def make(on: str = "2025-01-02", **kw: Any) -> NormativeDocument:
        doc = sample(county, justice_bureau, police, coordinator, D(on))
        for k, v in kw.items():
            setattr(doc, k, v)
        if kw:
            doc.save(update_fields=list(kw))
        return doc

    return make


def reviewed(doc: NormativeDocument, by: User, *, on: str, days: int | None = None) -> None:
    workflow.start_consultation(doc, on=doc.drafted_on, by=by)
    workflow.request_review(doc, on=D(on), by=by, review_working_days=days)
    workflow.give_opinion(
        doc, on=D(on), by=by, review_result=ReviewResult.APPROVED, review_opinion="无意见"
    )


def published(new: Any, by: User, on: str = "2025-01-02", **kw: Any) -> NormativeDocument:
    doc = new(on)
    reviewed(doc, by, on=on)
    workflow.deliberate(doc, on=D(on), by=by, deliberation_meeting="县政府第1次常务会议")
    workflow.publish(doc, on=D(on), by=by, **kw)
    return doc


# --- the gates ---------------------------------------------------------------------------------


def test_publication_without_legality_review_is_refused_naming_the_step(new, coordinator):
    doc = new()
    before = audit.transitions(doc)
    with pytest.raises(TransitionError, match="未经合法性审核（缺少：合法性审核）"):
        workflow.publish(doc, on=D("2025-01-10"), by=coordinator)
    doc.refresh_from_db()
    assert (doc.state, doc.document_number, audit.transitions(doc)) == (
        State.DRAFTING,
        "",
        before,
    )


def test_publication_without_collective_deliberation_is_refused_naming_the_step(new, coordinator):
    doc = new()
    reviewed(doc, coordinator, on="2025-01-06")
    assert doc.state == State.REVIEWED
    with pytest.raises(TransitionError, match="未经集体审议（缺少：集体审议），不能公布"):
        workflow.publish(doc, on=D("2025-01-10"), by=coordinator)
    doc.refresh_from_db()
    assert doc.state == State.REVIEWED and doc.published_on is None
    assert workflow.publish not in workflow_available(doc, coordinator)


def workflow_available(doc: NormativeDocument, user: User) -> list[Any]:
    from fazhi.casework.transitions import available

    return available(workflow.TRANSITIONS, doc, user)


def test_deliberation_before_the_review_opinion_is_refused(new, coordinator):
    doc = new()
    workflow.start_consultation(doc, on=D("2025-01-03"), by=coordinator)
    workflow.request_review(doc, on=D("2025-01-06"), by=coordinator)
    with pytest.raises(TransitionError, match="未经合法性审核（缺少：合法性审核）"):
        workflow.deliberate(doc, on=D("2025-01-07"), by=coordinator, deliberation_meeting="会")


def test_a_rejected_draft_goes_back_and_cannot_pass_the_gates(new, coordinator):
    doc = new()
    workflow.start_consultation(doc, on=D("2025-01-03"), by=coordinator)
    workflow.request_review(doc, on=D("2025-01-06"), by=coordinator)
    workflow.give_opinion(
        doc,
        on=D("2025-01-08"),
        by=coordinator,
        review_result=ReviewResult.REJECTED,
        review_opinion="第五条设定罚款，超越权限",
    )
    assert doc.state == State.DRAFTING
    with pytest.raises(TransitionError, match="“不同意”"):
        workflow.publish(doc, on=D("2025-01-09"), by=coordinator)
    # Resubmitted: the review period runs again from the new acceptance.
    workflow.request_review(doc, on=D("2025-01-13"), by=coordinator)
    assert clocks.get(doc, REVIEW).start_on == D("2025-01-13")
    assert doc.review_result == "" and doc.state == State.REVIEWING


def test_review_needs_the_public_consultation_when_required(new, coordinator):
    doc = new()
    with pytest.raises(TransitionError, match="缺少：征求意见"):
        workflow.request_review(doc, on=D("2025-01-06"), by=coordinator)
    exempt = new(consultation_required=False)
    workflow.request_review(exempt, on=D("2025-01-06"), by=coordinator)
    assert exempt.state == State.REVIEWING


def test_only_the_legal_office_gives_the_opinion_and_registers_publication(
    new, coordinator, county, police
):
    from fazhi.org.models import Role
    from tests.conftest import make_user

    clerk = make_user("police_fzy", Role.LEGAL_OFFICER, county, police, full_name="公安法制员")
    doc = new()
    workflow.start_consultation(doc, on=D("2025-01-03"), by=clerk)
    workflow.request_review(doc, on=D("2025-01-06"), by=clerk)
    with pytest.raises(TransitionError, match="司法局"):
        workflow.give_opinion(
            doc, on=D("2025-01-08"), by=clerk, review_result="approved", review_opinion="同意"
        )
    assert doc.state == State.REVIEWING
    workflow.give_opinion(
        doc, on=D("2025-01-08"), by=coordinator, review_result="approved", review_opinion="同意"
    )
    workflow.deliberate(doc, on=D("2025-01-09"), by=clerk, deliberation_meeting="常务会议")
    with pytest.raises(TransitionError, match="统一登记、统一编号由司法局"):
        workflow.publish(doc, on=D("2025-01-10"), by=clerk)
    workflow.publish(doc, on=D("2025-01-10"), by=coordinator)
    filing.file_document(doc, on=D("2025-01-15"), by=clerk, recipient=Recipient.NPC)
    assert doc.filings.get(recipient=Recipient.NPC).filed_on == D("2025-01-15")


# --- clocks ------------------------------------------------------------------------------------


def test_review_clock_15_working_days_over_national_day_2025(new, coordinator):
    """Accepted Mon 2025-09-22: 9/23–26 (4), Sun 9/28 调休上班 (5), 9/29–30 (7), 10/1–8 not
    counted, 10/9–10 (9), Sat 10/11 调休上班 (10), 10/13–17 (15) → 2025-10-17."""
    doc = new("2025-09-01")
    workflow.start_consultation(doc, on=D("2025-09-02"), by=coordinator)
    workflow.request_review(doc, on=D("2025-09-22"), by=coordinator)
    assert clocks.due(doc, REVIEW) == D("2025-10-17")
    assert doc.review_due_on == D("2025-10-17")
    assert workflow.short_review_warning(doc) == ""


def test_fewer_than_5_working_days_allowed_is_warned_not_refused(new, coordinator):
    doc = new()
    workflow.start_consultation(doc, on=D("2025-01-03"), by=coordinator)
    workflow.request_review(doc, on=D("2025-01-06"), by=coordinator, review_working_days=3)
    assert clocks.due(doc, REVIEW) == D("2025-01-09")  # Tue, Wed, Thu
    assert "少于5个工作日" in workflow.short_review_warning(doc)
    last = doc.history.order_by("-history_id").first()
    assert last.history_change_reason == (
        "event:review_requested 审核期限3个工作日；合法性审核期限仅3个工作日，少于5个工作日，审核时间可能不足"
    )


def test_filing_clock_30_days_over_spring_festival_2025(new, coordinator):
    """Gold case normative-doc-filing-30d-spring-festival-2025: 1月2日公布, 第30日2月1日在春节
    假期（1月28日至2月4日）, 顺延至2月5日. Both recipients, one row each."""
    doc = published(new, coordinator, "2025-01-02")
    assert doc.document_number == "示政规〔2025〕1号"
    assert doc.case_number == "示政规审〔2025〕1号"
    assert clocks.due(doc, FILING[Recipient.GOVERNMENT]) == D("2025-02-05")
    assert clocks.due(doc, FILING[Recipient.NPC]) == D("2025-02-05")
    names = sorted(doc.filings.values_list("recipient_name", flat=True))
    assert names == ["示例县人大常委会", "示例市人民政府"]


def test_filing_period_is_configurable_per_recipient(new, coordinator, settings):
    settings.NORMATIVE_DOCUMENTS = {"filing_days": {"npc": 15}}
    doc = published(new, coordinator, "2025-01-02")
    assert clocks.due(doc, FILING[Recipient.NPC]) == D("2025-01-17")
    assert clocks.due(doc, FILING[Recipient.GOVERNMENT]) == D("2025-02-05")
    assert doc.filings.get(recipient=Recipient.NPC).period_days == 15


def test_validity_and_the_evaluation_six_months_before_expiry(new, coordinator):
    doc = published(new, coordinator, "2025-01-02", effective_on=D("2025-03-01"), validity_years=1)
    assert doc.expires_on == D("2026-02-28")
    # 6 months back from 2026-02-28 is Thu 2025-08-28, a working day.
    assert clocks.due(doc, EVALUATION) == D("2025-08-28")
    default = published(new, coordinator, "2025-01-03")
    assert (default.validity_years, default.expires_on) == (5, D("2030-01-02"))


def test_expiry_lapse_ends_the_document_and_the_unevaluated_clock(new, coordinator):
    doc = published(new, coordinator, "2023-03-01", validity_years=2)
    assert doc.expires_on == D("2025-02-28")
    assert workflow.expire_all(D("2026-12-06")) == 1
    doc.refresh_from_db()
    assert (doc.state, doc.ended_on) == (State.EXPIRED, D("2025-03-01"))
    assert clocks.get(doc, EVALUATION).outcome == "lapsed"
    assert workflow.expire_all(D("2026-12-06")) == 0


# --- 报备 --------------------------------------------------------------------------------------


def test_a_filing_date_before_publication_is_refused_and_saves_nothing(new, coordinator):
    doc = published(new, coordinator, "2025-01-02")
    before = audit.transitions(doc)
    with pytest.raises(TransitionError, match="报备日期（2024年12月31日）不能早于公布日期"):
        filing.file_document(
            doc, on=D("2024-12-31"), by=coordinator, recipient=Recipient.GOVERNMENT
        )
    assert audit.transitions(doc) == before
    assert not doc.filings.filter(filed_on__isnull=False).exists()


def test_filing_stops_its_clock_and_the_result_is_recorded(new, coordinator):
    doc = published(new, coordinator, "2025-01-02")
    filing.file_document(doc, on=D("2025-01-10"), by=coordinator, recipient=Recipient.NPC)
    assert clocks.get(doc, FILING[Recipient.NPC]).status_label_on(D("2025-03-01")) == "按期办结"
    with pytest.raises(TransitionError, match="已于2025年1月10日向示例县人大常委会报备"):
        filing.file_document(doc, on=D("2025-01-11"), by=coordinator, recipient=Recipient.NPC)
    with pytest.raises(TransitionError, match="尚未向示例市人民政府报备"):
        filing.record_filing_result(
            doc,
            on=D("2025-01-20"),
            by=coordinator,
            recipient=Recipient.GOVERNMENT,
            filing_result=FilingResult.PASSED,
        )
    filing.record_filing_result(
        doc,
        on=D("2025-01-20"),
        by=coordinator,
        recipient=Recipient.NPC,
        filing_result=FilingResult.REVOKED,
    )
    doc.refresh_from_db()
    assert (doc.state, doc.ended_on) == (State.REVOKED, D("2025-01-20"))


# --- 清理 --------------------------------------------------------------------------------------


def _batch(county, justice_bureau, coordinator, effective: str = "2025-06-30") -> Any:
    return cleanup.create_batch(
        jurisdiction=county,
        department=justice_bureau,
        name="2025年规范性文件集中清理",
        basis="省政府办公厅关于开展规范性文件清理工作的通知",
        started_on=D("2025-05-01"),
        decided_on=D("2025-06-20"),
        effective_on=D(effective),
        by=coordinator,
    )


def test_cleanup_batch_applies_each_outcome_on_its_effective_date(
    new, coordinator, county, justice_bureau
):
    docs = [published(new, coordinator, f"2024-0{i + 1}-05") for i in range(4)]
    batch = _batch(county, justice_bureau, coordinator)
    for doc, outcome in zip(docs, Outcome.values, strict=True):
        cleanup.add_entry(batch, doc, outcome, reason="", by=coordinator)
    with pytest.raises(TransitionError, match="尚未到"):
        cleanup.apply_batch(batch, by=coordinator, today=D("2025-06-29"))
    assert cleanup.apply_batch(batch, by=coordinator, today=D("2025-06-30")) == 4
    states = [NormativeDocument.objects.get(pk=d.pk).state for d in docs]
    assert states == [State.ISSUED, State.ISSUED, State.REPEALED, State.DECLARED_INVALID]
    assert NormativeDocument.objects.get(pk=docs[2].pk).ended_on == D("2025-06-30")
    assert audit.transitions(docs[0])[-1] == "cleanup_kept"
    counts = FIGURES.counts(Scope.year(county, 2025))
    got = {k: counts[P + "cleanup_" + k] for k in ("reviewed", "kept", "amended", "repealed")}
    assert got == {"reviewed": 4, "kept": 1, "amended": 1, "repealed": 2}


def test_a_cleanup_outcome_on_a_document_not_in_force_is_refused(
    new, coordinator, county, justice_bureau
):
    draft = new()
    doc = published(new, coordinator, "2024-02-05")
    batch = _batch(county, justice_bureau, coordinator)
    with pytest.raises(TransitionError, match="不是现行有效文件，不能作出清理结论"):
        cleanup.add_entry(batch, draft, Outcome.REPEALED, by=coordinator)
    assert not CleanupEntry.objects.exists()
    cleanup.add_entry(batch, doc, Outcome.REPEALED, by=coordinator)
    # Repealed by the filing body before the batch took effect: the whole batch is refused.
    filing.file_document(doc, on=D("2024-02-06"), by=coordinator, recipient=Recipient.NPC)
    filing.record_filing_result(
        doc,
        on=D("2024-03-01"),
        by=coordinator,
        recipient=Recipient.NPC,
        filing_result=FilingResult.REVOKED,
    )
    with pytest.raises(TransitionError, match="备案审查撤销"):
        cleanup.apply_batch(batch, by=coordinator, today=D("2025-07-01"))
    batch.refresh_from_db()
    assert batch.applied_on is None


# --- indicators, report, api -------------------------------------------------------------------


def test_indicators_against_hand_counts(new, coordinator, county):
    a = published(new, coordinator, "2025-02-03")  # filed with both, both passed
    b = published(new, coordinator, "2025-02-04")  # filed with the government only
    c = published(new, coordinator, "2025-02-05")  # filed with both, 人大 asks for 纠正
    published(new, coordinator, "2024-12-02")  # another year
    new("2025-03-03")  # a draft
    for doc in (a, c):
        for r in Recipient.values:
            filing.file_document(doc, on=D("2025-02-20"), by=coordinator, recipient=r)
    filing.file_document(b, on=D("2025-02-20"), by=coordinator, recipient=Recipient.GOVERNMENT)
    for r in Recipient.values:
        filing.record_filing_result(
            a, on=D("2025-03-01"), by=coordinator, recipient=r, filing_result="passed"
        )
    filing.record_filing_result(
        c, on=D("2025-03-01"), by=coordinator, recipient=Recipient.NPC, filing_result="corrected"
    )
    counts = FIGURES.counts(Scope.year(county, 2025))
    assert {k.removeprefix(P): v for k, v in counts.items() if not k.startswith(P + "cleanup")} == {
        "issued": 3,
        "reviewed": 3,
        "filed": 2,
        "filing_review_passed": 1,
    }
    assert set(FIGURES.rows(P + "filed", Scope.year(county, 2025))) == {a, c}
    assert api.year_counts(county.pk, 2025) == api.YearCounts(issued=3, repealed=0, in_force=4)
    # 及时报备率: a's two and c's two on 2025-02-20 (due 2025-03-05/06/07), b's one: all on time;
    # a late one for b (due 2025-03-06) makes 5 of 6.
    filing.file_document(b, on=D("2025-03-20"), by=coordinator, recipient=Recipient.NPC)
    assert timely_filing(Scope.year(county, 2025)) == Ratio(5, 6)
    text = "".join(build_section(Scope.year(county, 2025)))
    assert "{{fig:normative_documents.filing_rate}}" in text
    assert "{{fig:normative_documents.cleanup_repealed}}" in text


def test_the_public_list_shows_documents_in_force_without_login(new, coordinator, county):
    doc = published(new, coordinator, "2025-01-02")
    draft = new("2025-02-01")
    resp = Client().get(reverse("normative_documents:public") + "?j=990102")
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "示例县现行有效行政规范性文件目录" in html
    assert doc.document_number in html and doc.title in html and "2030年1月1日" in html
    assert draft.case_number not in html and doc.case_number not in html


# --- import ------------------------------------------------------------------------------------

HEADERS = [
    "文件名称",
    "制定机关",
    "起草单位",
    "起草登记日期",
    "合法性审核意见日期",
    "合法性审核结论",
    "审议会议",
    "集体审议日期",
    "公布日期",
    "报上一级人民政府备案日期",
]


def test_import_is_all_or_nothing_with_row_errors(coordinator, police):
    rows = [
        [
            "停车管理办法",
            "示例县人民政府",
            "公安局",
            D("2025-01-02"),
            D("2025-01-10"),
            "同意",
            "常务会议",
            D("2025-01-15"),
            D("2025-01-20"),
            D("2025-01-25"),
        ],
        [
            "未审核的文件",
            "示例县人民政府",
            "公安局",
            D("2025-01-02"),
            None,
            None,
            "常务会议",
            D("2025-01-15"),
            D("2025-01-20"),
            None,
        ],
        [
            "先报备后公布",
            "示例县人民政府",
            "公安局",
            D("2025-01-02"),
            D("2025-01-10"),
            "同意",
            "常务会议",
            D("2025-01-15"),
            D("2025-01-20"),
            D("2025-01-19"),
        ],
    ]
    data = workbook_bytes(HEADERS, [dict(zip(HEADERS, r, strict=True)) for r in rows])
    report = run_import(SPEC, data, by=coordinator, context=SPEC.context(coordinator))
    messages = [str(p) for p in report.problems]
    assert not report.ok and NormativeDocument.objects.count() == 0
    assert "第3行“公布日期”：未经合法性审核（或审核未通过）的文件不能登记为已公布" in messages
    assert "第4行“报备日期”：报备日期早于公布日期" in messages
    report = run_import(
        SPEC,
        workbook_bytes(HEADERS, [dict(zip(HEADERS, rows[0], strict=True))]),
        by=coordinator,
        context=SPEC.context(coordinator),
    )
    assert report.ok, report.problems
    doc = NormativeDocument.objects.get()
    assert (doc.state, doc.document_number) == (State.ISSUED, "示政规〔2025〕1号")
    assert clocks.get(doc, FILING[Recipient.GOVERNMENT]).stopped_on == D("2025-01-25")
    assert clocks.due(doc, FILING[Recipient.NPC]) == D("2025-02-19")


def test_the_review_period_default_is_configurable(new, coordinator, settings):
    settings.NORMATIVE_DOCUMENTS = {"review_working_days": 5}
    doc = new()
    workflow.start_consultation(doc, on=D("2025-01-03"), by=coordinator)
    workflow.request_review(doc, on=D("2025-01-06"), by=coordinator)  # Mon
    assert doc.review_working_days == 5
    assert clocks.due(doc, REVIEW) == D("2025-01-13")  # Tue–Fri, Mon


def test_report_paragraph_with_the_figures(new, coordinator, county):
    from fazhi.reports import render
    from fazhi.reports.draft import draft

    a = published(new, coordinator, "2025-02-03")
    published(new, coordinator, "2025-02-04")
    for r in Recipient.values:
        filing.file_document(a, on=D("2025-02-10"), by=coordinator, recipient=r)
    report = draft(county, 2025, by=coordinator)
    text = render.plain_text(report)
    assert "严格规范性文件管理" in text
    assert "全年制定（公布）行政规范性文件2件，均经合法性审核2件，合法性审核率100.0%" in text
    assert "按规定报送备案1件，报备率50.0%" in text


def test_the_daily_lapses_apply_a_batch_on_its_effective_date(
    new, coordinator, county, justice_bureau
):
    from fazhi.casework.lapses import run_all

    doc = published(new, coordinator, "2024-02-05")
    batch = _batch(county, justice_bureau, coordinator, effective="2025-07-01")
    cleanup.add_entry(batch, doc, Outcome.DECLARED_INVALID, reason="已不适用", by=coordinator)
    run_all(D("2025-06-30"))
    doc.refresh_from_db()
    assert doc.state == State.ISSUED
    assert ("规范性文件", "清理结果到期执行", 1) in run_all(D("2025-07-01"))
    doc.refresh_from_db()
    batch.refresh_from_db()
    assert (doc.state, doc.ended_on, batch.applied_on) == (
        State.DECLARED_INVALID,
        D("2025-07-01"),
        D("2025-07-01"),
    )
    assert clocks.get(doc, EVALUATION).state == "stopped"
    assert api.year_counts(county.pk, 2025).repealed == 1


def test_pages_the_gate_and_the_batch_forms(new, coordinator, county, justice_bureau, outsider):
    client = Client()
    client.force_login(coordinator)
    doc = new()
    url = reverse("normative_documents:action", args=[doc.pk, "publish"])
    resp = client.post(url, {"on": "2025-01-10"})
    assert resp.status_code == 422
    assert "该文件未经合法性审核（缺少：合法性审核）" in resp.content.decode()
    doc.refresh_from_db()
    assert doc.state == State.DRAFTING
    detail = client.get(doc.get_absolute_url()).content.decode()
    assert "登记公布" not in detail and "公开征求意见" in detail
    # A batch with bad dates is refused and nothing saved; a good one is created.
    batches = reverse("normative_documents:batches")
    form = {
        "name": "专项清理",
        "basis": "通知",
        "started_on": "2025-05-01",
        "decided_on": "2025-04-01",
        "effective_on": "2025-06-30",
    }
    resp = client.post(batches, form)
    assert "开始日期不能晚于清理决定日期" in resp.content.decode()
    assert not cleanup.CleanupBatch.objects.exists()
    resp = client.post(batches, {**form, "decided_on": "2025-06-01"})
    batch = cleanup.CleanupBatch.objects.get()
    assert resp.status_code == 302 and resp["Location"] == batch.get_absolute_url()
    # The draft is not offered, and a forged choice of it is refused.
    page = client.get(batch.get_absolute_url()).content.decode()
    assert doc.title not in page
    resp = client.post(batch.get_absolute_url(), {"document": doc.pk, "outcome": "repealed"})
    assert not CleanupEntry.objects.exists() and resp.status_code == 200
    # Another department's clerk: no batch form, and the batch itself is a 404.
    other = Client()
    other.force_login(outsider)
    assert other.post(batches, {**form, "decided_on": "2025-06-01"}).status_code == 404
    assert other.get(batch.get_absolute_url()).status_code == 404
    assert cleanup.CleanupBatch.objects.count() == 1
