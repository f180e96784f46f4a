"""Dates users type are bounded: nothing happened after today (a hearing may be scheduled up to a
year ahead), so no transition, form or import row writes a future date, and no such date reaches
the clocks engine. Also the 60 days of 中止 before 终止 on that ground (Art. 41)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fazhi import audit
from fazhi.casework.transitions import Transition
from fazhi.imports.importer import run_import
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.importers import SPEC
from fazhi.ledgers.reconsideration.ledger import LEDGER
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import Outcome, Procedure, State, TerminationReason
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


def today() -> dt.date:
    return timezone.localdate()


def case_in(state: str, new_case, officer, **kw) -> ReconsiderationCase:  # noqa: ANN001
    """A case driven through the workflow into `state` (2025 dates, all in the past)."""
    unserved = kw.pop("unserved", False)
    case = new_case(D("2025-03-03"), **kw)
    kw = {"unserved": unserved}
    if state == State.RECEIVED:
        return case
    if state == State.CORRECTION_REQUESTED:
        served = {} if kw.pop("unserved", False) else {"served_on": D("2025-03-04")}
        workflow.request_correction(
            case, on=D("2025-03-04"), method="in_person", by=officer, note="补充证据", **served
        )
        return case
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    if state == State.SUSPENDED:
        workflow.suspend(
            case, on=D("2025-03-10"), ground="applicant_died", reason="等待其他案件结果", by=officer
        )
        return case
    if state in (State.ANSWER_REQUESTED, State.UNDER_REVIEW):
        workflow.send_copy(case, on=D("2025-03-06"), by=officer)
    if state == State.UNDER_REVIEW:
        workflow.record_answer(case, on=D("2025-03-14"), by=officer)
    assert case.state == state
    return case


def action_kwargs(action: Transition, on: dt.date) -> dict[str, Any]:
    values: dict[str, Any] = {
        "on": on,
        "note": "理由",
        "outcome": Outcome.UPHELD,
        "reason": TerminationReason.WITHDRAWN if action.code == "terminate" else "等待其他案件结果",
        "form": "hearing",
        "days": 10,
        "workdays": 5,
        "notice_on": None,
        "served_on": None,
        "ground": "applicant_died",
        "competent_body": "",
        "name": "李四",
        "notified": True,
        "method": "post",
    }
    return {k: values[k] for k in action.inputs}


@pytest.mark.parametrize("code", sorted(LEDGER.transition_map))
def test_no_transition_accepts_a_date_after_today(code, new_case, officer, coordinator, head):
    action = LEDGER.transition_map[code]
    state = action.source[-1] if code == "terminate" else action.source[0]
    kw: dict[str, Any] = {"procedure": Procedure.SIMPLIFIED} if code == "switch_to_ordinary" else {}
    if code == "serve_correction":
        kw["unserved"] = True
    case = case_in(state, new_case, officer, **kw)
    if code == "refuse_extension":  # needs a pending request
        workflow.request_extension(case, on=D("2025-03-20"), days=10, by=officer, note="复杂")
    before = audit.transitions(case)
    late = today() + dt.timedelta(days=400 if code == "schedule_hearing" else 1)
    kwargs = action_kwargs(action, late)
    if code == "terminate":
        kwargs["reason"] = TerminationReason.SUSPENSION_LAPSED  # the one way out of 中止
    with pytest.raises(workflow.TransitionError, match="不能晚于"):
        action(case, by=head if action.perm == "approve" else coordinator, **kwargs)
    case.refresh_from_db()
    assert case.state == state and audit.transitions(case) == before


def test_hearing_can_be_scheduled_within_a_year(new_case, officer):
    case = case_in(State.ANSWER_REQUESTED, new_case, officer)
    with pytest.raises(workflow.TransitionError, match="听证日期.*不能晚于"):
        workflow.schedule_hearing(case, on=today() + dt.timedelta(days=400), by=officer)
    with pytest.raises(workflow.TransitionError, match="听证通知日期.*不能晚于今天"):
        workflow.schedule_hearing(
            case,
            on=today() + dt.timedelta(days=30),
            notice_on=today() + dt.timedelta(1),
            by=officer,
        )
    workflow.schedule_hearing(case, on=today() + dt.timedelta(days=30), by=officer)
    assert case.hearing_scheduled_on == today() + dt.timedelta(days=30)


def test_intake_refuses_a_future_receipt_date(new_case):
    with pytest.raises(workflow.TransitionError, match="收到申请日期.*不能晚于今天"):
        new_case(today() + dt.timedelta(days=1))
    assert not ReconsiderationCase.objects.exists()


@pytest.mark.parametrize("on", ["2099-06-01", "9999-12-31"])
def test_action_form_refuses_future_dates_without_a_500(on, new_case, officer):
    case = case_in(State.RECEIVED, new_case, officer)
    url = reverse("reconsideration:action", args=[case.pk, "accept"])
    r = client_for(officer).post(url, {"on": on})
    assert r.status_code == 200
    assert "受理日期不能晚于今天" in r.content.decode()
    case.refresh_from_db()
    assert case.state == State.RECEIVED and case.accepted_on is None


def test_action_form_hearing_dates(new_case, officer):
    case = case_in(State.ANSWER_REQUESTED, new_case, officer)
    url = reverse("reconsideration:action", args=[case.pk, "schedule_hearing"])
    c = client_for(officer)
    far = (today() + dt.timedelta(days=400)).isoformat()
    html = c.post(url, {"on": far}).content.decode()
    assert "听证日期最迟只能安排在一年以内" in html
    html = c.post(url, {"on": "9999-12-31"}).content.decode()
    assert "听证日期最迟只能安排在一年以内" in html
    soon = today() + dt.timedelta(days=20)
    notice = (today() + dt.timedelta(days=1)).isoformat()
    html = c.post(url, {"on": soon.isoformat(), "notice_on": notice}).content.decode()
    assert "听证通知发出日期不能晚于今天" in html
    assert c.post(url, {"on": soon.isoformat()}).status_code == 302
    case.refresh_from_db()
    assert case.hearing_scheduled_on == soon
    # Holding a hearing records a past event.
    url = reverse("reconsideration:action", args=[case.pk, "hold_hearing"])
    html = c.post(url, {"on": soon.isoformat(), "form": "hearing"}).content.decode()
    assert "听证日期不能晚于今天" in html


def test_extend_correction_workdays_have_a_sane_bound(new_case, officer):
    case = case_in(State.CORRECTION_REQUESTED, new_case, officer)
    with pytest.raises(workflow.TransitionError, match="延长的工作日数过大"):
        workflow.extend_correction(
            case, on=D("2025-03-10"), workdays=10**9, by=officer, note="申请人在外地"
        )
    url = reverse("reconsideration:action", args=[case.pk, "extend_correction"])
    r = client_for(officer).post(url, {"on": "2025-03-10", "workdays": "999999999", "note": "x"})
    assert r.status_code == 200 and "延长的工作日数过大" in r.content.decode()


def sheet(rows: list[dict]) -> bytes:
    return workbook_bytes(list(dict.fromkeys(h for row in rows for h in row)), rows)


def import_row(**over: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "收到申请日期": D("2025-03-03"),
        "申请方式": "邮寄",
        "申请人": "赵六",
        "申请人类型": "自然人",
        "被申请人": "示例县公安局",
        "被申请人部门": "公安局",
        "行政行为类别": "行政处罚",
        "被申请复议的行政行为": "罚款决定",
    }
    out.update(over)
    return out


def test_import_refuses_every_future_date(officer, police):  # noqa: ARG001
    later = today() + dt.timedelta(days=1)
    rows = [
        import_row(受理日期=D("2025-03-05"), 发送副本日期=later),
        import_row(受理日期=D("2025-03-05"), 听证日期=later, 审理方式="听证"),
    ]
    report = run_import(SPEC, sheet(rows), by=officer, context=SPEC.context(officer))
    text = [str(p) for p in report.problems]
    assert report.created == 0
    assert any("第2行" in t and "发送副本日期晚于今天" in t for t in text), text
    assert any("第3行" in t and "听证日期晚于今天" in t for t in text), text
    assert not ReconsiderationCase.objects.exists()


@pytest.fixture
def process_tz_off_by_a_day(monkeypatch) -> dt.date:  # noqa: ANN001
    """Put the process clock (what `date.today()` reads) in a zone whose calendar day differs
    from Shanghai's right now; returns that wrong day. A server's TZ is not ours to rely on."""
    now = timezone.localtime()  # Shanghai
    zone = "Etc/GMT+12" if now.hour < 20 else "Etc/GMT-14"  # UTC-12 is behind, UTC+14 ahead
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    yield dt.date.today()
    monkeypatch.undo()
    time.tzset()


def test_import_today_is_the_local_day(officer, police, process_tz_off_by_a_day):  # noqa: ARG001
    local_today = today()
    assert process_tz_off_by_a_day != local_today
    rows = [
        import_row(收到申请日期=local_today),
        import_row(收到申请日期=local_today + dt.timedelta(1)),
    ]
    report = run_import(SPEC, sheet(rows), by=officer, context=SPEC.context(officer))
    assert [str(p) for p in report.problems] == ["第3行“收到申请日期”：收到申请日期晚于今天"]


def test_terminate_for_lapsed_suspension_needs_60_days(new_case, officer):
    case = case_in(State.SUSPENDED, new_case, officer)  # suspended 2025-03-10
    with pytest.raises(workflow.TransitionError, match="中止满60日方可以此理由终止"):
        workflow.terminate(
            case, reason=TerminationReason.SUSPENSION_LAPSED, on=D("2025-03-11"), by=officer
        )
    with pytest.raises(workflow.TransitionError, match="中止满60日方可以此理由终止"):
        workflow.terminate(
            case, reason=TerminationReason.SUSPENSION_LAPSED, on=D("2025-05-08"), by=officer
        )
    case.refresh_from_db()
    assert case.state == State.SUSPENDED
    # 2025-03-10 + 60 days = 2025-05-09: the 中止 has lasted 60 days.
    workflow.terminate(
        case, reason=TerminationReason.SUSPENSION_LAPSED, on=D("2025-05-09"), by=officer
    )
    assert case.state == State.CONCLUDED and case.termination_reason == "suspension_lapsed"


def test_lapsed_suspension_reason_needs_a_suspended_case(new_case, officer):
    case = case_in(State.UNDER_REVIEW, new_case, officer)
    with pytest.raises(workflow.TransitionError, match="未处于中止状态"):
        workflow.terminate(
            case, reason=TerminationReason.SUSPENSION_LAPSED, on=D("2025-06-09"), by=officer
        )
