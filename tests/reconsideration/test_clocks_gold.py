"""The reconsideration gold cases of clock-cases.json, driven through the case workflow."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fazhi import audit, clocks
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.states import Outcome, Procedure, State

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def gold(shared_dir) -> dict[str, dict]:  # noqa: ANN001
    data = json.loads((shared_dir / "spec" / "clock-cases.json").read_text(encoding="utf-8"))
    cases = {c["id"]: c for c in data["cases"] if c["ledger"] == "reconsideration"}
    assert len(cases) >= 20
    return cases


def expected(gold: dict, key: str) -> dt.date | None:
    value = gold[key]["expected_due"]
    return D(value) if value else None


def test_2023_acceptance_review_and_deemed_acceptance(gold, new_case, officer):
    g = "recon-2023law-accept-review-over-national-day"
    case = new_case(D(gold[g]["start_date"]))
    assert case.law_version == "2023"
    assert clocks.due(case, specs_for(case).acceptance_review) == expected(gold, g)
    # Still running on the last day: nothing happens.
    assert not workflow.deem_accepted(case, today=D("2024-10-10"))
    assert workflow.deem_accepted(case, today=D("2024-10-11"))
    case.refresh_from_db()
    assert case.state == State.ACCEPTED and case.deemed_accepted
    assert case.accepted_on == D("2024-10-10")
    assert clocks.due(case, specs_for(case).decision) == expected(
        gold, "recon-2023law-decision-60-after-deemed-acceptance"
    )
    assert case.decision_due_on == D("2024-12-09")
    assert audit.transitions(case) == ["received", "deemed_accepted"]


@pytest.mark.parametrize(
    "key",
    [
        "recon-2023law-accept-review-spring-festival-2025",
        "recon-2023law-accept-review-eve-of-national-day-ends-on-makeup-saturday",
        "recon-2023law-accept-review-received-on-holiday",
        "recon-2023law-accept-review-national-day-2025-sunday-makeup",
        "recon-2017law-accept-review-5wd-spring-festival-2023",
    ],
)
def test_acceptance_review(gold, new_case, key):
    case = new_case(D(gold[key]["start_date"]))
    assert case.law_version == gold[key]["law_version"]
    assert clocks.due(case, specs_for(case).acceptance_review) == expected(gold, key)


def test_correction_notice_and_response(gold, new_case, officer):
    g = gold["recon-2023law-correction-notice-5wd-labour-day"]
    case = new_case(D(g["start_date"]))
    workflow.request_correction(case, on=D("2025-05-09"), by=officer, note="身份证明复印件")
    assert clocks.due(case, specs_for(case).correction_notice) == D(g["expected_due"])
    g2 = gold["recon-2023law-correction-response-10wd-dragon-boat"]
    case2 = new_case(D("2025-05-20"))
    # The period runs from receipt of the notice (Art. 31(2)): served the day it was issued.
    workflow.request_correction(
        case2, on=D(g2["start_date"]), served_on=D(g2["start_date"]), method="post", by=officer
    )
    assert clocks.due(case2, specs_for(case2).correction_response) == D(g2["expected_due"])
    assert case2.state == State.CORRECTION_REQUESTED


def test_review_restarts_after_correction(gold, new_case, officer):
    g = gold["recon-2023law-review-restart-after-correction"]
    case = new_case(D(g["start_date"]))
    workflow.request_correction(case, on=D("2025-05-22"), by=officer)
    workflow.receive_correction(case, on=D(g["restart"]["date"]), by=officer)
    assert clocks.due(case, specs_for(case).acceptance_review) == D(g["expected_due"])
    assert audit.transitions(case) == ["received", "correction_requested", "corrected"]


def _accepted(new_case, officer, on, *, accepted=None, procedure=Procedure.ORDINARY):
    case = new_case(on, procedure=procedure)
    workflow.accept(case, on=accepted or on, by=officer)
    return case


def test_answer_periods(gold, new_case, officer):
    g = gold["recon-2023law-answer-10wd-two-makeup-days"]
    case = _accepted(new_case, officer, D("2024-09-20"))
    workflow.send_copy(case, on=D(g["start_date"]), served_on=D(g["start_date"]), by=officer)
    assert clocks.due(case, specs_for(case).respondent_answer) == D(g["expected_due"])
    g = gold["recon-2023law-answer-10wd-plain-weeks"]
    case = _accepted(new_case, officer, D("2025-02-26"))
    workflow.send_copy(case, on=D(g["start_date"]), served_on=D(g["start_date"]), by=officer)
    assert clocks.due(case, specs_for(case).respondent_answer) == D(g["expected_due"])
    g = gold["recon-2017law-answer-10cd-national-day-2023"]
    case = _accepted(new_case, officer, D("2023-09-20"))
    assert case.law_version == "2017"
    workflow.send_copy(case, on=D(g["start_date"]), served_on=D(g["start_date"]), by=officer)
    assert clocks.due(case, specs_for(case).respondent_answer) == D(g["expected_due"])


def test_copy_to_respondent(gold, new_case, officer):
    g = gold["recon-2023law-copy-to-respondent-7wd-labour-day-2026"]
    case = _accepted(new_case, officer, D("2026-04-28"), accepted=D(g["start_date"]))
    assert clocks.due(case, specs_for(case).copy_to_respondent) == D(g["expected_due"])


def test_simplified_procedure(gold, new_case, officer):
    g = gold["recon-2023law-simplified-decision-30-national-day-2025"]
    case = _accepted(
        new_case,
        officer,
        D("2025-09-01"),
        accepted=D(g["start_date"]),
        procedure=Procedure.SIMPLIFIED,
    )
    assert clocks.due(case, specs_for(case).decision) == D(g["expected_due"])
    g = gold["recon-2023law-simplified-answer-5wd-spring-festival-2026"]
    case = _accepted(new_case, officer, D("2026-02-09"), procedure=Procedure.SIMPLIFIED)
    workflow.send_copy(case, on=D(g["start_date"]), served_on=D(g["start_date"]), by=officer)
    assert clocks.due(case, specs_for(case).respondent_answer) == D(g["expected_due"])


def test_extension_by_head(gold, new_case, officer, head):
    g = gold["recon-2023law-decision-extended-30-national-day-2024"]
    case = _accepted(new_case, officer, D("2024-07-01"), accepted=D(g["start_date"]))
    with pytest.raises(workflow.TransitionError, match="负责人批准"):
        workflow.extend(case, on=D("2024-08-20"), days=30, by=officer)
    workflow.extend(case, on=D("2024-08-20"), days=30, by=head)
    assert clocks.due(case, specs_for(case).decision) == D(g["expected_due"])
    case.refresh_from_db()
    assert case.decision_due_on == D(g["expected_due"])
    with pytest.raises(workflow.TransitionError, match="已延期"):
        workflow.extend(case, on=D("2024-08-21"), days=1, by=head)


def test_suspension_pauses_decision(gold, new_case, officer):
    g = gold["recon-2023law-decision-suspended"]
    case = _accepted(new_case, officer, D("2024-05-06"))
    workflow.send_copy(case, on=D("2024-05-08"), by=officer)
    workflow.suspend(
        case, on=D("2024-05-20"), ground="other_case", reason="和解，双方同意中止", by=officer
    )
    assert case.state == State.SUSPENDED
    workflow.resume(case, on=D("2024-06-19"), by=officer)
    assert case.state == State.ANSWER_REQUESTED
    assert clocks.due(case, specs_for(case).decision) == D(g["expected_due"])


def test_extended_and_suspended(gold, new_case, officer, head):
    g = gold["recon-2023law-decision-extended-and-suspended"]
    case = _accepted(new_case, officer, D(g["start_date"]))
    workflow.suspend(
        case, on=D("2025-09-10"), ground="other_case", reason="等待其他案件结果", by=officer
    )
    workflow.resume(case, on=D("2025-09-20"), by=officer)
    workflow.extend(case, on=D("2025-10-20"), days=30, by=head)
    assert clocks.due(case, specs_for(case).decision) == D(g["expected_due"])


def test_2017_accepted_as_of_receipt(gold, new_case, officer):
    g = gold["recon-2017law-decision-60-from-receipt-into-2024"]
    case = new_case(D(g["start_date"]))
    assert workflow.deem_accepted(case, today=D("2023-12-01"))
    case.refresh_from_db()
    assert case.accepted_on == D(g["start_date"]) and case.law_version == "2017"
    assert clocks.due(case, specs_for(case).decision) == D(g["expected_due"])


def test_2017_extension(gold, new_case, officer, head, county):
    from fazhi.org.models import Role
    from tests.conftest import make_user

    g = gold["recon-2017law-decision-extended-30"]
    case = _accepted(new_case, officer, D(g["start_date"]))
    # 2017 Art. 31: approved by the head of the 复议机关 (the government), not of the 复议机构.
    with pytest.raises(workflow.TransitionError, match="批准"):
        workflow.extend(case, on=D("2023-07-20"), days=30, by=head)
    governor = make_user("governor", Role.LEADER, county, None, full_name="孙县长")
    workflow.extend(case, on=D("2023-07-20"), days=30, by=governor)
    assert clocks.due(case, specs_for(case).decision) == D(g["expected_due"])


def test_2017_correction_time_excluded(gold, new_case, officer):
    g = gold["recon-2017law-decision-correction-time-excluded"]
    case = new_case(D(g["start_date"]))
    workflow.request_correction(case, on=D("2023-03-06"), by=officer)
    workflow.receive_correction(case, on=D("2023-03-15"), by=officer)
    assert workflow.deem_accepted(case, today=D("2023-04-01"))
    case.refresh_from_db()
    assert case.accepted_on == D("2023-03-01")
    assert clocks.due(case, specs_for(case).decision) == D(g["expected_due"])


def test_decision_into_unconfirmed_year(gold, new_case, officer):
    g = gold["recon-2023law-decision-60-into-2027"]
    case = _accepted(new_case, officer, D("2026-11-18"), accepted=D(g["start_date"]))
    clock = clocks.get(case, specs_for(case).decision)
    assert clock is not None and clock.due_on is None and clock.flag == g["expected_flag"]
    assert clock.flag_year == g["expected_flag_year"]


def test_on_time_is_recorded_at_closure(new_case, officer):
    case = _accepted(new_case, officer, D("2024-03-01"))
    workflow.send_copy(case, on=D("2024-03-04"), by=officer)
    workflow.record_answer(case, on=D("2024-03-12"), by=officer)
    workflow.hold_hearing(case, on=D("2024-03-20"), form="opinions", by=officer)
    workflow.decide(case, outcome=Outcome.UPHELD, on=D("2024-04-30"), by=officer)
    case.refresh_from_db()
    assert case.concluded_on_time is True and case.decision_due_on == D("2024-04-30")
    late = _accepted(new_case, officer, D("2024-03-01"))
    workflow.send_copy(late, on=D("2024-03-04"), by=officer)
    workflow.hold_hearing(late, on=D("2024-03-20"), form="opinions", by=officer)
    workflow.decide(late, outcome=Outcome.REVOKED, on=D("2024-05-06"), by=officer)
    late.refresh_from_db()
    assert late.concluded_on_time is False
