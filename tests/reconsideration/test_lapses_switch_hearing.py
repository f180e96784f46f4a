"""简易程序→普通程序 (Art. 55), 补正 lapse and extension (Art. 31(2)), 听证 notice (Art. 51)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.indicators.scope import Scope
from fazhi.ledgers.reconsideration import indicators, workflow
from fazhi.ledgers.reconsideration.clocks import (
    DECISION_2023,
    DECISION_SIMPLIFIED,
    HEARING_NOTICE_2023,
    RESPONDENT_ANSWER_2023,
    RESPONDENT_ANSWER_SIMPLIFIED,
    specs_for,
)
from fazhi.ledgers.reconsideration.states import Procedure, State

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


# --- 简易程序 → 普通程序 ----------------------------------------------------------------------


@pytest.fixture
def simplified(new_case, officer):
    case = new_case(D("2025-03-03"), procedure=Procedure.SIMPLIFIED)
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    workflow.send_copy(case, on=D("2025-03-06"), served_on=D("2025-03-06"), by=officer)
    case.refresh_from_db()
    return case


def test_switch_needs_the_head_and_a_reason(simplified, officer, head):
    assert "switch_to_ordinary" not in [a.code for a in workflow.available(simplified, officer)]
    assert "switch_to_ordinary" in [a.code for a in workflow.available(simplified, head)]
    with pytest.raises(workflow.TransitionError, match="须经行政复议机构负责人批准"):
        workflow.switch_to_ordinary(simplified, on=D("2025-03-10"), by=officer, note="案情复杂")
    with pytest.raises(workflow.TransitionError, match="请写明转为普通程序的理由"):
        workflow.switch_to_ordinary(simplified, on=D("2025-03-10"), by=head)
    simplified.refresh_from_db()
    assert simplified.procedure == Procedure.SIMPLIFIED
    assert audit.transitions(simplified) == ["received", "accepted", "copy_sent"]


def test_switch_runs_60_days_from_the_original_acceptance(simplified, officer, head):
    # Simplified: 30 days from 5 March = 4 April (清明), rolled to 7 April.
    assert clocks.due(simplified, DECISION_SIMPLIFIED) == D("2025-04-07")
    assert simplified.decision_due_on == D("2025-04-07")
    workflow.switch_to_ordinary(simplified, on=D("2025-03-20"), by=head, note="案情复杂")
    simplified.refresh_from_db()
    assert simplified.procedure == Procedure.ORDINARY
    assert simplified.procedure_switched_on == D("2025-03-20")
    assert audit.transitions(simplified) == [
        "received",
        "accepted",
        "copy_sent",
        "procedure_switched",
    ]
    # 60 days from the ORIGINAL acceptance (5 March): 4 May, Labour Day, rolled to 6 May.
    ordinary = clocks.get(simplified, DECISION_2023)
    assert ordinary is not None and ordinary.start_on == D("2025-03-05")
    assert ordinary.due_on == D("2025-05-06") and simplified.decision_due_on == D("2025-05-06")
    assert clocks.get(simplified, DECISION_SIMPLIFIED).state == "stopped"
    # The respondent now has the ordinary 10 working days from the copy (6 March → 20 March).
    assert clocks.get(simplified, RESPONDENT_ANSWER_SIMPLIFIED).state == "stopped"
    assert clocks.due(simplified, RESPONDENT_ANSWER_2023) == D("2025-03-20")
    workflow.record_answer(simplified, on=D("2025-03-18"), by=officer)
    assert clocks.get(simplified, RESPONDENT_ANSWER_2023).state == "stopped"
    # An extension is now possible, by the head.
    assert "extend" in [a.code for a in workflow.available(simplified, head)]
    workflow.extend(simplified, on=D("2025-04-30"), days=30, by=head)
    simplified.refresh_from_db()
    assert simplified.decision_due_on == D("2025-06-03")
    with pytest.raises(workflow.TransitionError, match="本案适用普通程序"):
        workflow.switch_to_ordinary(simplified, on=D("2025-05-01"), by=head, note="再次")


def test_switch_carries_a_closed_suspension_over(new_case, officer, head):
    case = new_case(D("2025-03-03"), procedure=Procedure.SIMPLIFIED)
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    workflow.suspend(case, on=D("2025-03-10"), ground="other_case", reason="协商和解", by=officer)
    with pytest.raises(workflow.TransitionError, match="中止状态"):
        workflow.switch_to_ordinary(case, on=D("2025-03-12"), by=head, note="案情复杂")
    workflow.resume(case, on=D("2025-03-20"), by=officer)  # 10 days out
    workflow.switch_to_ordinary(case, on=D("2025-03-21"), by=head, note="案情复杂")
    case.refresh_from_db()
    assert case.decision_due_on == D("2025-05-14")  # 60 + 10 days from 5 March


def test_switch_via_the_page(simplified, head):
    url = reverse("reconsideration:action", args=[simplified.pk, "switch_to_ordinary"])
    r = client_for(head).post(url, {"on": "2025-03-20", "note": "案情复杂"})
    assert r.status_code == 302
    simplified.refresh_from_db()
    assert simplified.procedure == Procedure.ORDINARY
    html = client_for(head).get(simplified.get_absolute_url()).content.decode()
    assert "简易程序转为普通程序" in html and "2025年5月6日" in html


# --- 补正 lapse and extension ------------------------------------------------------------------


@pytest.fixture
def awaiting(new_case, officer):
    case = new_case(D("2025-03-03"))
    workflow.request_correction(
        case,
        on=D("2025-03-04"),
        served_on=D("2025-03-04"),
        method="post",
        by=officer,
        note="身份证明",
    )
    return case


def test_correction_lapse_is_deemed_abandoned(awaiting, officer, county):
    spec = specs_for(awaiting).correction_response
    assert clocks.due(awaiting, spec) == D("2025-03-18")  # 10 working days
    assert workflow.deem_abandoned(awaiting, today=D("2025-03-18")) is False
    assert workflow.deem_abandoned(awaiting, today=D("2025-03-19")) is True
    awaiting.refresh_from_db()
    assert awaiting.state == State.WITHDRAWN and awaiting.deemed_abandoned
    assert awaiting.closed_on == D("2025-03-18")
    assert "视为放弃" in awaiting.closure_note
    assert audit.transitions(awaiting) == ["received", "correction_requested", "deemed_abandoned"]
    assert not any(c.is_open for c in clocks.clocks_for(awaiting))
    # Counted as withdrawn before acceptance: the received partition still holds.
    figures = indicators.counts(Scope(frozenset({county.pk}), D("2025-01-01"), D("2026-01-01")))
    assert figures["reconsideration.received"] == 1
    assert figures["reconsideration.withdrawn_before_acceptance"] == 1
    assert figures["reconsideration.correction_requested"] == 0
    assert workflow.deem_abandoned(awaiting, today=D("2025-04-01")) is False  # only once


def test_reasonable_extension_has_no_cap(awaiting, officer):
    assert "extend_correction" in [a.code for a in workflow.available(awaiting, officer)]
    with pytest.raises(workflow.TransitionError, match="正当理由"):
        workflow.extend_correction(awaiting, on=D("2025-03-10"), workdays=5, by=officer)
    workflow.extend_correction(
        awaiting, on=D("2025-03-10"), workdays=40, by=officer, note="申请人住院"
    )
    spec = specs_for(awaiting).correction_response
    assert clocks.due(awaiting, spec) == D("2025-05-16")  # 50 working days after 4 March
    assert workflow.deem_abandoned(awaiting, today=D("2025-03-19")) is False
    assert audit.transitions(awaiting)[-1] == "correction_extended"


def test_lapses_command_does_both(new_case, awaiting, officer):
    other = new_case(D("2025-03-03"))  # review lapses 10 March → deemed accepted
    out = __import__("io").StringIO()
    call_command("run_lapses", "--today", "2025-03-20", stdout=out)
    # Other ledgers' lapses run too (and report 0 here): this test reads 行政复议's lines.
    assert [x for x in out.getvalue().splitlines() if x.startswith("行政复议：")] == [
        "行政复议：审查期限届满视为受理 1 件",
        "行政复议：逾期未补正视为放弃 1 件",
    ]
    other.refresh_from_db()
    awaiting.refresh_from_db()
    assert other.state == State.ACCEPTED and awaiting.state == State.WITHDRAWN


def test_old_law_case_has_no_automatic_abandonment(new_case, officer):
    case = new_case(D("2023-12-04"))
    workflow.request_correction(case, on=D("2023-12-05"), by=officer, note="身份证明")
    assert workflow.deem_abandoned(case, today=D("2024-06-01")) is False
    assert "extend_correction" not in [a.code for a in workflow.available(case, officer)]


# --- 听证 notice ------------------------------------------------------------------------------


def test_hearing_notice_counted_back_and_shown(simplified, officer):
    workflow.schedule_hearing(simplified, on=D("2025-03-24"), by=officer)
    clock = clocks.get(simplified, HEARING_NOTICE_2023)
    assert clock is not None and clock.due_on == D("2025-03-17")
    html = client_for(officer).get(simplified.get_absolute_url()).content.decode()
    assert "听证通知" in html and "最迟应于2025年3月17日发出通知" in html
    assert "行政复议法（2023修订）第五十一条" in html
    # Moved earlier, with the notice sent on 12 March: met.
    workflow.schedule_hearing(simplified, on=D("2025-03-21"), notice_on=D("2025-03-12"), by=officer)
    clock = clocks.get(simplified, HEARING_NOTICE_2023)
    assert clock.due_on == D("2025-03-14") and clock.state == "stopped"
    assert clock.stopped_on == D("2025-03-12") and clock.status_label == "按期办结"
    simplified.refresh_from_db()
    assert simplified.hearing_scheduled_on == D("2025-03-21")
    assert audit.transitions(simplified)[-2:] == ["hearing_scheduled", "hearing_rescheduled"]


def test_hearing_held_without_recorded_notice_closes_late(simplified, officer):
    workflow.schedule_hearing(simplified, on=D("2025-03-24"), by=officer)
    workflow.hold_hearing(simplified, on=D("2025-03-24"), form="hearing", by=officer)
    clock = clocks.get(simplified, HEARING_NOTICE_2023)
    assert clock.state == "stopped" and clock.status_label == "逾期办结"
    with pytest.raises(workflow.TransitionError, match="已登记听证"):
        workflow.schedule_hearing(simplified, on=D("2025-03-28"), by=officer)


def test_closing_before_a_scheduled_hearing_stops_its_notice_clock_that_day(simplified, officer):
    workflow.schedule_hearing(simplified, on=D("2025-03-24"), by=officer)
    simplified.refresh_from_db()
    workflow.mediate(simplified, on=D("2025-03-10"), by=officer)
    clock = clocks.get(simplified, HEARING_NOTICE_2023)
    assert clock.state == "stopped" and clock.stopped_on == D("2025-03-10")
