"""Guards hold in the transition and in its UPDATE, not only in the buttons: a second press, or
two people pressing at once (two instances read before either wrote), get one winner and one
history entry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import HearingForm, Procedure, State, TerminationReason

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db
STALE = "该案件已被他人处理"


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


def answer_requested(new_case, officer, **kw) -> ReconsiderationCase:  # noqa: ANN001
    case = new_case(D("2025-03-03"), **kw)
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    workflow.send_copy(case, on=D("2025-03-06"), by=officer)
    return case


def twin(case: ReconsiderationCase) -> ReconsiderationCase:
    """Another request's copy of the row, read now."""
    return ReconsiderationCase.objects.get(pk=case.pk)


def test_hearing_cannot_be_recorded_twice(new_case, officer):
    case = answer_requested(new_case, officer)
    workflow.hold_hearing(case, on=D("2025-03-10"), form=HearingForm.HEARING, by=officer)
    with pytest.raises(workflow.TransitionError, match="本案已登记听证或听取意见"):
        workflow.hold_hearing(case, on=D("2025-03-12"), form=HearingForm.OPINIONS, by=officer)
    case.refresh_from_db()
    assert (case.hearing_on, case.hearing_form) == (D("2025-03-10"), HearingForm.HEARING)
    assert audit.transitions(case).count("hearing_held") == 1


def test_hearing_twice_over_http(new_case, officer):
    case = answer_requested(new_case, officer)
    url = reverse("reconsideration:action", args=[case.pk, "hold_hearing"])
    c = client_for(officer)
    assert c.post(url, {"on": "2025-03-10", "form": "hearing"}).status_code == 302
    r = c.post(url, {"on": "2025-03-12", "form": "opinions"})
    assert "本案已登记听证或听取意见" in r.content.decode()
    case.refresh_from_db()
    assert (case.hearing_on, case.hearing_form) == (D("2025-03-10"), HearingForm.HEARING)
    assert audit.transitions(case).count("hearing_held") == 1


def test_two_hearing_presses_at_once_one_wins(new_case, officer):
    case = answer_requested(new_case, officer)
    a, b = twin(case), twin(case)
    workflow.hold_hearing(a, on=D("2025-03-10"), form=HearingForm.HEARING, by=officer)
    with pytest.raises(workflow.TransitionError, match=STALE):
        workflow.hold_hearing(b, on=D("2025-03-12"), form=HearingForm.OPINIONS, by=officer)
    case.refresh_from_db()
    assert case.hearing_on == D("2025-03-10")
    assert audit.transitions(case).count("hearing_held") == 1


def test_schedule_after_a_hearing_recorded_elsewhere_refused(new_case, officer):
    case = answer_requested(new_case, officer)
    a, b = twin(case), twin(case)
    workflow.hold_hearing(a, on=D("2025-03-10"), form=HearingForm.HEARING, by=officer)
    with pytest.raises(workflow.TransitionError, match=STALE):
        workflow.schedule_hearing(b, on=D("2025-03-20"), by=officer)
    assert twin(case).hearing_scheduled_on is None


def test_two_hearing_moves_at_once_one_wins(new_case, officer):
    case = answer_requested(new_case, officer)
    workflow.schedule_hearing(case, on=D("2025-03-20"), by=officer)
    a, b = twin(case), twin(case)
    workflow.schedule_hearing(a, on=D("2025-03-24"), by=officer)
    with pytest.raises(workflow.TransitionError, match=STALE):
        workflow.schedule_hearing(b, on=D("2025-03-26"), by=officer)
    assert twin(case).hearing_scheduled_on == D("2025-03-24")
    assert audit.transitions(case)[-2:] == ["hearing_scheduled", "hearing_rescheduled"]


def test_two_correction_notices_at_once_one_wins(new_case, officer):
    case = new_case(D("2025-03-03"))
    a, b = twin(case), twin(case)
    workflow.request_correction(a, on=D("2025-03-04"), by=officer, note="补充证据")
    workflow.receive_correction(a, on=D("2025-03-06"), by=officer)  # back to `received`
    with pytest.raises(workflow.TransitionError, match=STALE):
        workflow.request_correction(b, on=D("2025-03-07"), by=officer, note="再补充")
    assert audit.transitions(case).count("correction_requested") == 1
    assert twin(case).correction_requested_on == D("2025-03-04")


@pytest.fixture
def deputy(county, justice_bureau):  # noqa: ANN001, ANN201
    """A second leader of the 复议机构 (both may approve)."""
    from fazhi.org.models import Role
    from tests.conftest import make_user

    return make_user("deputy", Role.LEADER, county, justice_bureau, full_name="钱副局长")


def test_two_extensions_at_once_one_wins(new_case, officer, head, deputy):
    case = answer_requested(new_case, officer)
    a, b = twin(case), twin(case)
    workflow.extend(a, on=D("2025-04-01"), days=30, by=head)
    with pytest.raises(workflow.TransitionError, match=STALE):
        workflow.extend(b, on=D("2025-04-02"), days=20, by=deputy)
    case.refresh_from_db()
    assert (case.extended_on, case.extension_days) == (D("2025-04-01"), 30)
    assert audit.transitions(case).count("extended") == 1


def test_two_switches_at_once_one_wins(new_case, officer, head, deputy):
    case = answer_requested(new_case, officer, procedure=Procedure.SIMPLIFIED)
    a, b = twin(case), twin(case)
    workflow.switch_to_ordinary(a, on=D("2025-03-10"), by=head, note="案情复杂")
    with pytest.raises(workflow.TransitionError, match=STALE):
        workflow.switch_to_ordinary(b, on=D("2025-03-11"), by=deputy, note="案情复杂")
    assert audit.transitions(case).count("procedure_switched") == 1


def test_lapsed_termination_after_a_resume_elsewhere_refused(new_case, officer):
    case = answer_requested(new_case, officer)
    workflow.suspend(
        case, on=D("2025-03-10"), ground="applicant_died", reason="等待其他案件结果", by=officer
    )
    a, b = twin(case), twin(case)
    workflow.resume(a, on=D("2025-05-12"), by=officer)
    with pytest.raises(workflow.TransitionError, match=STALE):
        workflow.terminate(
            b, reason=TerminationReason.SUSPENSION_LAPSED, on=D("2025-05-12"), by=officer
        )
    assert twin(case).state == State.ANSWER_REQUESTED
