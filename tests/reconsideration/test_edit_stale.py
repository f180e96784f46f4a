"""The edit page writes only the columns its form changed: a transition committed after the page
read the row (another officer sent the copy) survives the save, and the history shows it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit
from fazhi.casework import views
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import State

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


def twin(case: ReconsiderationCase) -> ReconsiderationCase:
    return ReconsiderationCase.objects.get(pk=case.pk)


def test_edit_saved_on_a_stale_page_keeps_a_transition(new_case, officer, monkeypatch):
    """The edit view read the row; before it saves, someone else sends the copy. The edit writes
    only what the form changed, and the history entry shows the row as it now is."""
    case = new_case(D("2025-03-03"))
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    real_get = views.get_visible_or_404

    def get_then_transition(model, user, **kw):  # noqa: ANN001, ANN202
        stale = real_get(model, user, **kw)
        workflow.send_copy(twin(stale), on=D("2025-03-06"), by=officer)
        return stale

    monkeypatch.setattr(views, "get_visible_or_404", get_then_transition)
    applicant = case.applicants.get()
    data = {
        "case_number": case.case_number,
        "channel": case.channel,
        "procedure": case.procedure,
        "respondent_department": case.respondent_department_id,
        "respondent_name": "示例县公安局（更正）",
        "act_category": case.act_category,
        "act_description": case.act_description,
        "handler": "",
        "applicants-TOTAL_FORMS": "1",
        "applicants-INITIAL_FORMS": "1",
        "applicants-MIN_NUM_FORMS": "1",
        "applicants-MAX_NUM_FORMS": "1000",
        "applicants-0-id": applicant.pk,
        "applicants-0-case": case.pk,
        "applicants-0-kind": applicant.kind,
        "applicants-0-name": "张三",
    }
    r = client_for(officer).post(reverse("reconsideration:edit", args=[case.pk]), data)
    assert r.status_code == 302, r.content.decode()[:3000]
    case.refresh_from_db()
    assert case.respondent_name == "示例县公安局（更正）"
    assert case.state == State.ANSWER_REQUESTED and case.copy_sent_on == D("2025-03-06")
    assert audit.transitions(case)[-2:] == ["copy_sent", "edited"]
    last = case.history.order_by("-history_date", "-history_id").first()
    assert last.state == State.ANSWER_REQUESTED and last.copy_sent_on == D("2025-03-06")
