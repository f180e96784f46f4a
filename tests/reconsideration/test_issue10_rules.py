"""Issue 10: the workflow rules the 行政复议法 sets, each reproduced by a test first."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.states import Procedure, State

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def edit_data(case, **changes):  # noqa: ANN001, ANN003, ANN201
    applicant = case.applicants.get()
    data = {
        "case_number": case.case_number,
        "channel": case.channel,
        "procedure": case.procedure,
        "respondent_department": case.respondent_department_id,
        "respondent_name": case.respondent_name,
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
        "applicants-0-name": applicant.name,
    }
    data.update(changes)
    return data


# --- rule 1: 审理程序 is not switched by editing the case --------------------------------------


@pytest.mark.parametrize(
    ("start", "typed"),
    [(Procedure.ORDINARY, Procedure.SIMPLIFIED), (Procedure.SIMPLIFIED, Procedure.ORDINARY)],
)
def test_procedure_cannot_be_edited_after_acceptance(new_case, officer, start, typed):
    case = new_case(D("2025-03-03"), procedure=start)
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    due = case.decision_due_on
    client = Client()
    client.force_login(officer)
    url = reverse("reconsideration:edit", args=[case.pk])
    assert 'name="procedure"' not in client.get(url).content.decode()
    r = client.post(url, edit_data(case, procedure=typed, respondent_name="示例县公安局（更正）"))
    assert r.status_code == 302, r.content.decode()[:2000]
    case.refresh_from_db()
    assert case.respondent_name == "示例县公安局（更正）"
    assert case.procedure == start
    assert case.decision_due_on == due and due is not None
    assert clocks.due(case, specs_for(case).decision) == due


def test_procedure_still_chosen_before_acceptance(new_case, officer):
    case = new_case(D("2025-03-03"))
    client = Client()
    client.force_login(officer)
    url = reverse("reconsideration:edit", args=[case.pk])
    r = client.post(url, edit_data(case, procedure=Procedure.SIMPLIFIED))
    assert r.status_code == 302, r.content.decode()[:2000]
    case.refresh_from_db()
    assert case.procedure == Procedure.SIMPLIFIED
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    # 30 days from 5 March 2025: 4 April is 清明 (4–6 April), so the last day rolls to 7 April.
    assert case.decision_due_on == D("2025-04-07")


# --- rule 2: 补正 and 不予受理 only within the 5-working-day review -------------------------------


def test_correction_after_the_review_lapsed_is_refused(new_case, officer):
    case = new_case(D("2025-03-03"))  # review: 5 working days, ends Monday 10 March
    with pytest.raises(workflow.TransitionError, match="审查期限已于2025年3月10日届满.*视为受理"):
        workflow.request_correction(case, on=D("2025-03-11"), by=officer, note="身份证明")
    case.refresh_from_db()
    assert case.state == State.RECEIVED and audit.transitions(case) == ["received"]
    workflow.request_correction(case, on=D("2025-03-10"), by=officer, note="身份证明")
    assert case.state == State.CORRECTION_REQUESTED


def test_refusal_after_the_review_lapsed_is_refused(new_case, officer):
    case = new_case(D("2025-03-03"))
    with pytest.raises(workflow.TransitionError, match="驳回行政复议申请（行政复议法第三十三条）"):
        workflow.refuse(case, on=D("2025-03-12"), by=officer, note="不属于受理范围")
    case.refresh_from_db()
    assert case.state == State.RECEIVED and audit.transitions(case) == ["received"]
    workflow.refuse(case, on=D("2025-03-10"), by=officer, note="不属于受理范围")
    assert case.state == State.NOT_ACCEPTED


def test_refusal_after_materials_counts_from_the_restarted_review(new_case, officer):
    case = new_case(D("2025-03-03"))
    workflow.request_correction(case, on=D("2025-03-04"), by=officer, note="身份证明")
    workflow.receive_correction(case, on=D("2025-03-14"), by=officer)
    # The review restarts on Friday 14 March: ends Friday 21 March.
    workflow.refuse(case, on=D("2025-03-21"), by=officer, note="不属于受理范围")
    assert case.state == State.NOT_ACCEPTED
