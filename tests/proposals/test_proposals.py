"""建议提案: month clocks (hand-computed), the gates, re-handling, indicators against hand counts,
the 答复函, the report sentence, import errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.casework.transitions import TransitionError
from fazhi.imports.importer import run_import
from fazhi.indicators.compute import evaluate
from fazhi.indicators.scope import Scope
from fazhi.ledgers.proposals import workflow
from fazhi.ledgers.proposals.clocks import REHANDLE, reply_spec
from fazhi.ledgers.proposals.documents import reply_letter
from fazhi.ledgers.proposals.importers import SPEC
from fazhi.ledgers.proposals.indicators import FIGURES
from fazhi.ledgers.proposals.ledger import sample
from fazhi.ledgers.proposals.models import Proposal
from fazhi.ledgers.proposals.states import Category, Kind, Rating, State
from fazhi.lib.gongwen import docx_text
from fazhi.org.models import Department, Jurisdiction, Role, User
from tests.conftest import make_user
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
P = "proposals."


@pytest.fixture
def new(
    county: Jurisdiction, justice_bureau: Department, police: Department, coordinator: User
) -> Any:
    def make(on: str = "2025-02-20", **kw: Any) -> Proposal:
        item = sample(county, justice_bureau, police, coordinator, D(on))
        if kw:
            for k, v in kw.items():
                setattr(item, k, v)
            item.save(update_fields=list(kw))
        return item

    return make


def answered(item: Proposal, by: User, *, assigned: str, contacted: str, replied: str) -> None:
    workflow.assign(item, on=D(assigned), by=by)
    workflow.contact(item, on=D(contacted), contact_method="in_person", by=by)
    workflow.reply(item, on=D(replied), category=Category.A, by=by)


# --- clocks: months, hand-computed (statutes.md §1 rule 3) ---------------------------------------


@pytest.mark.parametrize(
    ("received", "assigned", "difficult_on", "due", "why"),
    [
        # 11-30 + 3 months: February has no 30th → its last day; 2026-02-28 is a 春节 调休
        # Saturday, a working day, so no roll.
        (
            "2025-11-20",
            "2025-11-30",
            None,
            "2026-02-28",
            "以月末日2026年2月28日为最后一日（调休上班",
        ),
        # 2023-11-30 + 3 months: leap February, 2024-02-29 (Thursday).
        ("2023-11-20", "2023-11-30", None, "2024-02-29", "以月末日2024年2月29日"),
        # 07-01 + 3 months = 10-01, National Day: rolls past the 8-day holiday to 10-09.
        ("2025-06-20", "2025-07-01", None, "2025-10-09", "顺延至2025年10月9日"),
        # Difficult: 04-01 + 6 months = 10-01 → 2024-10-08 (holiday 10-01..10-07).
        ("2024-03-20", "2024-04-01", "2024-05-10", "2024-10-08", "延长3个月，共6个月"),
    ],
)
def test_reply_clock_in_months(new, coordinator, received, assigned, difficult_on, due, why):
    item = new(received)
    workflow.assign(item, on=D(assigned), by=coordinator)
    if difficult_on:
        workflow.mark_difficult(item, on=D(difficult_on), by=coordinator, note="涉及多部门资金")
    spec = reply_spec(item.kind, item.assigned_on)
    assert clocks.due(item, spec) == D(due)
    assert why in clocks.get(item, spec).explanation
    item.refresh_from_db()
    assert item.reply_due_on == D(due)


def test_law_version_follows_the_day_of_assignment_and_cppcc_has_its_own_basis(new, coordinator):
    before, after = new("2025-03-01"), new("2025-03-01")
    workflow.assign(before, on=D("2025-03-10"), by=coordinator)
    workflow.assign(after, on=D("2025-03-11"), by=coordinator)
    assert clocks.get(before, reply_spec("npc", before.assigned_on)).law_version == "2015"
    got = clocks.get(after, reply_spec("npc", after.assigned_on))
    assert got.law_version == "2025" and "第五十一条" in got.basis
    cppcc = new("2025-03-01", kind=Kind.CPPCC)
    workflow.assign(cppcc, on=D("2025-03-11"), by=coordinator)
    assert "政协提案" in clocks.get(cppcc, reply_spec("cppcc", cppcc.assigned_on)).basis


# --- gates --------------------------------------------------------------------------------------


def test_reply_before_assignment_is_refused_and_changes_nothing(new, coordinator):
    item = new()
    with pytest.raises(TransitionError, match="该件尚未交办，不能答复"):
        workflow.reply(item, on=D("2025-03-01"), category=Category.A, by=coordinator)
    workflow.assign(item, on=D("2025-03-05"), by=coordinator)
    workflow.contact(item, on=D("2025-03-06"), contact_method="phone", by=coordinator)
    with pytest.raises(TransitionError, match="答复日期（2025年3月4日）不能早于交办日期"):
        workflow.reply(item, on=D("2025-03-04"), category=Category.A, by=coordinator)
    item.refresh_from_db()
    assert item.state == State.ASSIGNED and item.replied_on is None
    assert audit.transitions(item) == ["received", "assigned", "contacted"]


def test_reply_needs_a_meeting_with_the_deputy_first(new, coordinator):
    item = new()
    workflow.assign(item, on=D("2025-03-05"), by=coordinator)
    with pytest.raises(TransitionError, match="答复前须先与代表见面沟通"):
        workflow.reply(item, on=D("2025-04-01"), category=Category.A, by=coordinator)
    with pytest.raises(TransitionError, match="请选择答复类别"):
        workflow.contact(item, on=D("2025-03-20"), contact_method="phone", by=coordinator)
        workflow.reply(item, on=D("2025-04-01"), category="", by=coordinator)
    workflow.reply(item, on=D("2025-04-01"), category=Category.B, by=coordinator)
    item.refresh_from_db()
    assert item.state == State.REPLIED and item.first_replied_on == D("2025-04-01")
    assert clocks.get(item, reply_spec("npc", item.assigned_on)).state == "stopped"


def test_difficult_needs_a_reason_in_advance_and_the_offices_approval(
    new, coordinator, county, police
):
    item = new()
    workflow.assign(item, on=D("2025-03-05"), by=coordinator)  # due 2025-06-05
    with pytest.raises(TransitionError, match="请填写涉及面广、处理难度大的具体理由"):
        workflow.mark_difficult(item, on=D("2025-04-01"), by=coordinator, note=" ")
    clerk = make_user("jc", Role.LEGAL_OFFICER, county, police, full_name="公安法制员")
    with pytest.raises(TransitionError, match="难度较大件须由交办单位认定"):
        workflow.mark_difficult(item, on=D("2025-04-01"), by=clerk, note="理由")
    with pytest.raises(TransitionError, match="须在三个月答复期限届满（2025年6月5日）前事先认定"):
        workflow.mark_difficult(item, on=D("2025-06-06"), by=coordinator, note="理由")
    item.refresh_from_db()
    assert not item.difficult and item.reply_due_on == D("2025-06-05")
    workflow.mark_difficult(item, on=D("2025-06-05"), by=coordinator, note="需跨年度安排资金")
    item.refresh_from_db()
    assert item.difficult and item.difficult_reason == "需跨年度安排资金"
    assert item.reply_due_on == D("2025-09-05")


def test_dissatisfied_reopens_once_and_needs_a_new_meeting(new, coordinator):
    item = new()
    answered(item, coordinator, assigned="2025-03-05", contacted="2025-04-01", replied="2025-04-10")
    with pytest.raises(TransitionError, match="应重新办理"):
        workflow.rate(item, on=D("2025-04-20"), rating=Rating.DISSATISFIED, by=coordinator)
    workflow.reopen(item, on=D("2025-04-20"), by=coordinator, note="未给出解决时限")
    item.refresh_from_db()
    assert item.state == State.REHANDLING and item.rehandle_count == 1
    assert item.reply_due_on == D("2025-05-20")  # one month from the rating
    with pytest.raises(TransitionError, match="重新办理的，答复前须再次与代表见面沟通"):
        workflow.reply(item, on=D("2025-05-06"), category=Category.B, by=coordinator)
    workflow.contact(item, on=D("2025-05-05"), contact_method="meeting", by=coordinator)
    workflow.reply(item, on=D("2025-05-06"), category=Category.B, by=coordinator)
    assert clocks.get(item, REHANDLE).state == "stopped"
    item.refresh_from_db()
    assert workflow.reopen.blocked(item) is not None  # only one 重办
    workflow.rate(item, on=D("2025-05-20"), rating=Rating.DISSATISFIED, by=coordinator)
    item.refresh_from_db()
    assert item.state == State.CONCLUDED and item.rating == Rating.DISSATISFIED
    assert item.first_replied_on == D("2025-04-10") and item.replied_on == D("2025-05-06")


# --- indicators ---------------------------------------------------------------------------------


def test_indicators_against_hand_counts(new, coordinator, county):
    a = new("2025-02-20")  # npc, answered, 满意
    answered(a, coordinator, assigned="2025-03-01", contacted="2025-04-01", replied="2025-04-10")
    workflow.rate(a, on=D("2025-04-20"), rating=Rating.SATISFIED, by=coordinator)
    b = new("2025-02-21")  # npc, answered, 基本满意
    answered(b, coordinator, assigned="2025-03-01", contacted="2025-04-01", replied="2025-04-10")
    workflow.rate(b, on=D("2025-04-20"), rating=Rating.BASICALLY_SATISFIED, by=coordinator)
    c = new("2025-02-22", kind=Kind.CPPCC)  # cppcc, answered, reopened: not satisfied
    answered(c, coordinator, assigned="2025-03-01", contacted="2025-04-01", replied="2025-04-10")
    workflow.reopen(c, on=D("2025-04-20"), by=coordinator, note="不满意")
    d = new("2025-02-23", kind=Kind.CPPCC)  # cppcc, assigned only
    workflow.assign(d, on=D("2025-03-01"), by=coordinator)
    e = new("2025-12-20")  # npc, answered in 2026: received in 2025, not 办复 in 2025
    answered(e, coordinator, assigned="2025-12-25", contacted="2026-01-05", replied="2026-01-10")
    new("2024-05-01")  # another year
    scope = Scope.year(county, 2025)
    got = FIGURES.counts(scope)
    assert {k.removeprefix(P): v for k, v in got.items()} == {
        "total": 5,
        "npc_suggestions": 3,
        "cppcc_proposals": 2,
        "concluded": 3,
        "npc_concluded": 2,
        "cppcc_concluded": 1,
        "satisfied": 2,
        "npc_satisfied": 2,
        "cppcc_satisfied": 0,
    }
    assert got == FIGURES.counts_orm(scope)
    assert set(FIGURES.rows(P + "satisfied", scope)) == {a, b}
    snap = evaluate(scope, jurisdiction=county, year=2025)
    assert snap[P + "completion_rate"].text == "60.0%"
    assert snap[P + "npc_satisfaction_rate"].text == "66.7%"
    assert snap[P + "cppcc_satisfaction_rate"].text == "0.0%"
    held = {r.identity.id: r.status for r in snap.identities if r.identity.id.startswith(P)}
    assert held == {P + "total_partition": "holds", P + "concluded_partition": "holds"}
    # A setting, read when the process compiles its aggregate: the ORM path shows the switch.
    with override_settings(PROPOSALS_BASICALLY_SATISFIED_COUNTS=False):
        assert FIGURES.counts_orm(scope)[P + "satisfied"] == 1
    assert FIGURES.counts(Scope.year(county, 2026))[P + "total"] == 0


def test_report_draft_has_the_sentence_with_figure_tokens(new, coordinator, county):
    from fazhi.reports.draft import draft

    new("2025-02-20")
    report = draft(county, 2025, by=coordinator)
    text = report.parts.get(number=1).text
    assert "认真办理人大代表建议和政协提案" in text
    for rid in ("npc_suggestions", "cppcc_proposals", "completion_rate", "satisfaction_rate"):
        assert "{{fig:proposals." + rid + "}}" in text
    assert "满意件数含“满意”和“基本满意”" in text


# --- documents and pages ------------------------------------------------------------------------


def test_reply_letter_carries_the_configured_class(new, coordinator):
    item = new()
    answered(item, coordinator, assigned="2025-03-05", contacted="2025-04-01", replied="2025-04-10")
    text = docx_text(reply_letter(item))
    assert "关于县第十八届人民代表大会第四次会议第1号建议的答复" in text
    assert "尊敬的张三代表：" in text and "答复类别：A类（已解决或基本解决）。" in text
    assert "2025年4月1日以当面沟通方式与您沟通" in text
    with override_settings(PROPOSALS_CATEGORY_LABELS={"category_a": "A类（所提问题已经解决）"}):
        assert "答复类别：A类（所提问题已经解决）。" in docx_text(reply_letter(item))


def test_detail_and_list_show_the_gate_and_the_rates_with_their_basis(new, coordinator):
    item = new()
    workflow.assign(item, on=D("2025-03-05"), by=coordinator)
    client = Client()
    client.force_login(coordinator)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "尚未登记（答复前必须见面沟通）" in html and "2025年6月5日" in html
    html = client.get(reverse("proposals:list")).content.decode()
    assert "建议提案办复率、满意率（满意件数含“满意”和“基本满意”）" in html


# --- import -------------------------------------------------------------------------------------

HEADERS = [
    "类别",
    "届次会议",
    "建议（提案）号",
    "领衔代表（提案人）",
    "标题",
    "收到日期",
    "主办单位",
    "协办单位",
    "交办日期",
    "见面沟通日期",
    "答复日期",
    "答复类别",
]


def _row(**kw: Any) -> dict[str, Any]:
    base = {
        "类别": "人大代表建议",
        "届次会议": "县第十八届人民代表大会第四次会议",
        "建议（提案）号": "第1号",
        "领衔代表（提案人）": "张三",
        "标题": "关于加强校园周边交通安全的建议",
        "收到日期": dt.date(2025, 2, 20),
        "主办单位": "公安局",
        "交办日期": dt.date(2025, 3, 5),
    }
    return {**base, **kw}


def test_import_is_all_or_nothing_with_row_errors(coordinator, police, market):
    rows = [
        _row(),
        _row(
            **{
                "建议（提案）号": "第2号",
                "交办日期": None,
                "见面沟通日期": None,
                "答复日期": dt.date(2025, 4, 1),
                "答复类别": "A类",
            }
        ),
        _row(
            **{
                "建议（提案）号": "第3号",
                "见面沟通日期": None,
                "答复日期": dt.date(2025, 4, 1),
                "答复类别": "A类",
            }
        ),
        _row(
            **{
                "建议（提案）号": "第4号",
                "主办单位": "不存在局",
                "协办单位": "市场监督管理局、无此局",
            }
        ),
        _row(),  # the same number as row 2
    ]
    report = run_import(
        SPEC, workbook_bytes(HEADERS, rows), by=coordinator, context=SPEC.context(coordinator)
    )
    assert [str(p) for p in report.problems] == [
        "第3行“答复日期”：尚未交办的不能答复，请填写交办日期",
        "第3行“见面沟通日期”：答复前须先与代表（委员）见面沟通，请填写见面沟通日期",
        "第4行“见面沟通日期”：答复前须先与代表（委员）见面沟通，请填写见面沟通日期",
        "第5行“主办单位”：本区划没有名为“不存在局”的部门",
        "第5行“协办单位”：本区划没有名为“无此局”的部门",
        "第6行“建议（提案）号”：县第十八届人民代表大会第四次会议第1号与第2行重复",
    ]
    assert Proposal.objects.count() == 0
    report = run_import(
        SPEC, workbook_bytes(HEADERS, rows[:1]), by=coordinator, context=SPEC.context(coordinator)
    )
    assert report.ok and report.created == 1
    item = Proposal.objects.get()
    assert item.case_number == "示建提〔2025〕1号" and item.state == State.ASSIGNED
    assert item.reply_due_on == D("2025-06-05")


def test_the_create_form_checks_the_co_handling_departments(coordinator, police, market):
    client = Client()
    client.force_login(coordinator)
    form = {
        "kind": "cppcc",
        "session": "县政协第十届委员会第四次会议",
        "proposal_number": "第8号",
        "authors": "李四",
        "title": "关于加强食品安全监管的提案",
        "received_on": "2025-02-20",
        "office": police.pk,
        "lead_department": market.pk,
        "co_departments": "公安局，无此局",
    }
    html = client.post(reverse("proposals:create"), form).content.decode()
    assert "本区划没有名为“无此局”的部门" in html and Proposal.objects.count() == 0
    html = client.post(
        reverse("proposals:create"), {**form, "co_departments": "市场监督管理局"}
    ).content.decode()
    assert "主办单位不能同时列为协办单位" in html
    resp = client.post(reverse("proposals:create"), {**form, "co_departments": "公安局"})
    assert resp.status_code == 302
    item = Proposal.objects.get()
    assert item.co_departments == "公安局" and item.state == State.REGISTERED
