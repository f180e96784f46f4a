"""Guards of the 行政复议 workflow: impossible moves are refused in Chinese and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi import audit
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.ledger import LEDGER
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import Outcome, Procedure, State, TerminationReason

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def under_review(new_case, officer, received="2025-03-03", **kw):
    case = new_case(D(received), **kw)
    workflow.accept(case, on=case.received_on + dt.timedelta(days=2), by=officer)
    workflow.send_copy(case, on=case.accepted_on + dt.timedelta(days=1), by=officer)
    workflow.record_answer(case, on=case.copy_sent_on + dt.timedelta(days=7), by=officer)
    return case


def test_case_number_and_law_version_set_at_intake(new_case, officer):
    a = new_case(D("2023-12-29"))
    b = new_case(D("2024-01-02"))
    c = new_case(D("2024-02-02"))
    assert (a.case_number, a.law_version) == ("示政复〔2023〕1号", "2017")
    assert (b.case_number, b.law_version) == ("示政复〔2024〕1号", "2023")
    assert c.case_number == "示政复〔2024〕2号"
    assert audit.transitions(a) == ["received"]
    assert a.applicants.get().name == "张三" and a.applicant_names == "张三"


def test_hand_typed_number_collision_refused_and_skipped(new_case, officer):
    new_case(D("2025-01-06"), case_number="示政复〔2025〕2号")
    with pytest.raises(workflow.TransitionError, match="已被使用"):
        new_case(D("2025-01-07"), case_number="示政复〔2025〕2号")
    first = new_case(D("2025-01-08"))
    second = new_case(D("2025-01-09"))
    assert [first.case_number, second.case_number] == ["示政复〔2025〕1号", "示政复〔2025〕3号"]
    assert ReconsiderationCase.objects.count() == 3


def test_accept_before_receipt_refused(new_case, officer):
    case = new_case(D("2025-03-10"))
    with pytest.raises(
        workflow.TransitionError,
        match="受理日期（2025年3月9日）不能早于收到申请日期（2025年3月10日）",
    ):
        workflow.accept(case, on=D("2025-03-09"), by=officer)
    case.refresh_from_db()
    assert case.state == State.RECEIVED and case.accepted_on is None
    assert audit.transitions(case) == ["received"]


def test_cannot_decide_before_acceptance(new_case, officer):
    case = new_case(D("2025-03-10"))
    with pytest.raises(workflow.TransitionError, match="不能作出复议决定"):
        workflow.decide(case, outcome=Outcome.UPHELD, on=D("2025-04-01"), by=officer)


def test_accept_needs_materials_after_correction(new_case, officer):
    case = new_case(D("2025-03-10"))
    workflow.request_correction(case, on=D("2025-03-11"), by=officer, note="身份证明")
    with pytest.raises(workflow.TransitionError, match="补正中"):
        workflow.accept(case, on=D("2025-03-12"), by=officer)
    with pytest.raises(workflow.TransitionError, match="不能早于补正通知日期"):
        workflow.receive_correction(case, on=D("2025-03-10"), by=officer)


def test_outcome_required_and_dates_in_order(new_case, officer):
    case = under_review(new_case, officer)
    with pytest.raises(workflow.TransitionError, match="请选择复议决定的结果"):
        workflow.decide(case, outcome="", on=D("2025-04-01"), by=officer)
    with pytest.raises(workflow.TransitionError, match="结案日期.*不能早于答复日期"):
        workflow.decide(case, outcome=Outcome.UPHELD, on=D("2025-03-06"), by=officer)
    with pytest.raises(workflow.TransitionError, match="请填写结案日期"):
        workflow.decide(case, outcome=Outcome.UPHELD, on=None, by=officer)  # type: ignore[arg-type]
    case.refresh_from_db()
    assert case.state == State.UNDER_REVIEW and case.closed_on is None


def test_closing_with_open_suspension_refused(new_case, officer):
    case = under_review(new_case, officer)
    workflow.suspend(
        case, on=D("2025-03-20"), ground="applicant_died", reason="等待其他案件结果", by=officer
    )
    for close in (
        lambda: workflow.decide(case, outcome=Outcome.UPHELD, on=D("2025-04-01"), by=officer),
        lambda: workflow.mediate(case, on=D("2025-04-01"), by=officer),
        lambda: workflow.terminate(
            case, reason=TerminationReason.WITHDRAWN, on=D("2025-04-01"), by=officer
        ),
    ):
        with pytest.raises(workflow.TransitionError, match="中止状态，请先恢复审理"):
            close()
    # 中止满60日: 终止 is the lawful way out (Art. 41).
    workflow.terminate(
        case, reason=TerminationReason.SUSPENSION_LAPSED, on=D("2025-05-20"), by=officer
    )
    assert case.state == State.CONCLUDED and case.outcome == Outcome.TERMINATED


def test_simplified_cannot_be_extended(new_case, officer, head):
    case = under_review(new_case, officer, procedure=Procedure.SIMPLIFIED)
    with pytest.raises(workflow.TransitionError, match="简易程序案件不得延长"):
        workflow.extend(case, on=D("2025-03-20"), days=10, by=head)
    assert "extend" not in [a.code for a in workflow.available(case, head)]


def test_confirmed_invalid_not_for_2017_cases(new_case, officer):
    case = under_review(new_case, officer, received="2023-06-01")
    with pytest.raises(workflow.TransitionError, match="旧法案件不适用"):
        workflow.decide(case, outcome=Outcome.CONFIRMED_INVALID, on=D("2023-07-01"), by=officer)


def test_one_history_entry_per_transition(new_case, officer, head):
    case = under_review(new_case, officer)
    workflow.hold_hearing(case, on=D("2025-03-15"), form="hearing", by=officer)
    workflow.suspend(case, on=D("2025-03-20"), ground="other_case", reason="双方和解", by=officer)
    workflow.resume(case, on=D("2025-03-30"), by=officer)
    workflow.extend(case, on=D("2025-04-20"), days=30, by=head)
    workflow.decide(case, outcome=Outcome.CHANGED, on=D("2025-05-20"), by=officer)
    assert audit.transitions(case) == [
        "received",
        "accepted",
        "copy_sent",
        "answered",
        "hearing_held",
        "suspended",
        "resumed",
        "extended",
        "decided",
    ]
    entries = audit.history_entries(case, event_labels=LEDGER.event_labels)
    assert entries[0].event == "作出复议决定"
    assert any(c.label == "结案方式" and c.new == "变更" for c in entries[0].changes)
    assert entries[0].user == "李承办"


def test_second_click_loses_cleanly(new_case, officer):
    case = new_case(D("2025-03-10"))
    stale = ReconsiderationCase.objects.get(pk=case.pk)
    workflow.accept(case, on=D("2025-03-11"), by=officer)
    # The stale copy still believes the case awaits acceptance; the guarded UPDATE refuses it.
    with pytest.raises(workflow.TransitionError, match="已被他人处理，请刷新"):
        workflow.accept(stale, on=D("2025-03-12"), by=officer)
    stale.refresh_from_db()
    with pytest.raises(
        workflow.TransitionError, match="当前为“已受理（待发送申请书副本）”，不能受理"
    ):
        workflow.accept(stale, on=D("2025-03-12"), by=officer)
    assert audit.transitions(case) == ["received", "accepted"]


def test_available_matches_guards(new_case, officer, reader, outsider):
    case = new_case(D("2025-03-10"))
    codes = [a.code for a in workflow.available(case, officer)]
    assert codes == ["request_correction", "accept", "refuse", "withdraw", "redirect"]
    assert workflow.available(case, reader) == []
    assert workflow.available(case, outsider) == []
    workflow.accept(case, on=D("2025-03-11"), by=officer)
    assert [a.code for a in workflow.available(case, officer)] == [
        "send_copy",
        "add_third_party",
        "suspend",
        "request_extension",
        "mediate",
        "terminate",
    ]


def test_refusal_needs_reason(new_case, officer):
    case = new_case(D("2025-03-10"))
    with pytest.raises(workflow.TransitionError, match="须写明理由"):
        workflow.refuse(case, on=D("2025-03-12"), by=officer)
    workflow.refuse(case, on=D("2025-03-12"), by=officer, note="不属于行政复议范围")
    assert case.state == State.NOT_ACCEPTED and case.closed_on == D("2025-03-12")


def test_deem_accepted_command(new_case, officer):
    from io import StringIO

    from django.core.management import call_command

    case = new_case(D("2025-03-03"))
    out = StringIO()
    call_command("run_lapses", "--today", "2025-03-20", stdout=out)
    assert "行政复议：审查期限届满视为受理 1 件" in out.getvalue()
    case.refresh_from_db()
    assert (
        case.state == State.ACCEPTED
        and case.deemed_accepted
        and case.accepted_on == D("2025-03-10")
    )
    assert audit.transitions(case)[-1] == "deemed_accepted"
