"""The list's cached 审理期限届满日 follows the decision clock when the calendar is edited
(fazhi.clocks.signals.due_changed), and an unconfirmed year is shown as such, not as "—"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Q
from django.test import Client
from django.urls import reverse

from fazhi import audit
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.filters import CaseFilter
from fazhi.ledgers.reconsideration.ledger import LEDGER
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.workflow.base import DUE
from fazhi.workcal.models import CalendarDay, CalendarYear, DayKind

D = dt.date.fromisoformat


def overdue_q(today: dt.date) -> Q:
    return DUE.overdue_q(today)


pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


def test_calendar_edit_moves_the_cached_due_and_the_overdue_filter(
    new_case, officer, django_capture_on_commit_callbacks
):
    case = new_case(D("2025-03-03"))
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    case.refresh_from_db()
    assert case.decision_due_on == D("2025-05-06")
    on_may_7 = ReconsiderationCase.objects.filter(overdue_q(D("2025-05-07")))
    assert list(on_may_7) == [case]
    before = audit.transitions(case)

    # A local holiday on 6 May is entered: the period now ends on 7 May.
    with django_capture_on_commit_callbacks(execute=True):
        CalendarDay.objects.create(
            date=D("2025-05-06"),
            kind=DayKind.HOLIDAY,
            name="测试假日",
            calendar_year=CalendarYear.objects.get(year=2025),
        )
    case.refresh_from_db()
    assert case.decision_due_on == D("2025-05-07")
    assert not ReconsiderationCase.objects.filter(overdue_q(D("2025-05-07"))).exists()
    assert list(ReconsiderationCase.objects.filter(overdue_q(D("2025-05-08")))) == [case]
    # The change is in the case's history, labelled, with the old and new dates.
    assert audit.transitions(case) == [*before, "due_recomputed"]
    entry = audit.history_entries(case, event_labels=LEDGER.event_labels)[0]
    assert "2025年5月6日" in entry.note and "2025年5月7日" in entry.note
    html = client_for(officer).get(reverse("reconsideration:list")).content.decode()
    assert "2025年5月7日" in html and "2025年5月6日" not in html


def test_unconfirmed_year_is_shown_on_the_list_and_cleared_when_confirmed(
    new_case, officer, django_capture_on_commit_callbacks
):
    case = new_case(D("2026-11-18"))
    workflow.accept(case, on=D("2026-11-20"), by=officer)  # 60th day: 19 January 2027
    case.refresh_from_db()
    assert case.decision_due_on is None and case.decision_due_flag_year == 2027
    c = client_for(officer)
    html = c.get(reverse("reconsideration:list")).content.decode()
    assert "2027年日历未确认" in html
    html = c.get(case.get_absolute_url()).content.decode()
    assert '<td id="decision-due">2027年日历未确认</td>' in html

    with django_capture_on_commit_callbacks(execute=True):
        year = CalendarYear.objects.create(year=2027, confirmed=True, source_note="测试")
        CalendarDay.objects.create(
            date=D("2027-01-01"), kind=DayKind.HOLIDAY, name="元旦", calendar_year=year
        )
    case.refresh_from_db()
    assert case.decision_due_on == D("2027-01-19") and case.decision_due_flag_year is None
    html = c.get(reverse("reconsideration:list")).content.decode()
    assert "2027年1月19日" in html and "日历未确认" not in html


def test_transitions_keep_one_history_entry_each(new_case, officer):
    case = new_case(D("2025-03-03"))
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    workflow.send_copy(case, on=D("2025-03-06"), by=officer)
    workflow.suspend(case, on=D("2025-03-10"), ground="other_case", reason="协商和解", by=officer)
    case.refresh_from_db()
    assert case.decision_due_on is None
    workflow.resume(case, on=D("2025-03-20"), by=officer)
    case.refresh_from_db()
    assert case.decision_due_on == D("2025-05-14")
    assert audit.transitions(case) == ["received", "accepted", "copy_sent", "suspended", "resumed"]


def test_overdue_filter_empty_choice_reads_all(officer):
    f = CaseFilter({}, queryset=ReconsiderationCase.objects.all(), user=officer)
    choices = [str(label) for _, label in f.form.fields["overdue"].widget.choices]
    assert choices[0] == "全部" and "未知" not in choices
