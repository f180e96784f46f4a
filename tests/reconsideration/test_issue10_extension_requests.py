"""Issue 10: the 承办人 requests 延期 with reasons; the 复议机构负责人 sees pending requests on
the home page and approves or refuses; both are history entries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from fazhi import audit, clocks
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.states import Procedure

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def case(new_case, officer):  # noqa: ANN001, ANN201
    c = new_case(D("2025-03-03"))
    workflow.accept(c, on=D("2025-03-05"), by=officer)
    workflow.send_copy(c, on=D("2025-03-06"), served_on=D("2025-03-06"), by=officer)
    return c


def test_request_then_approval_on_the_home_page(case, officer, head, coordinator):
    with pytest.raises(workflow.TransitionError, match="请写明申请延期的理由"):
        workflow.request_extension(case, on=D("2025-04-20"), days=30, by=officer)
    workflow.request_extension(
        case, on=D("2025-04-20"), days=20, by=officer, note="需调取外地证据，情况复杂"
    )
    assert case.extension_pending and case.extension_requested_by == officer
    codes = [t.code for t in workflow.available(case, officer)]
    assert "request_extension" not in codes and "extend" not in codes
    with pytest.raises(workflow.TransitionError, match="待行政复议机构负责人审批"):
        workflow.request_extension(case, on=D("2025-04-21"), days=10, by=officer, note="再申请")
    home = client_for(head).get("/").content.decode()
    assert "待您审批的行政复议延期申请（1件）" in home
    assert case.case_number in home and "申请延长20日" in home and "需调取外地证据" in home
    for user in (officer, coordinator):
        assert "待您审批的行政复议延期申请" not in client_for(user).get("/").content.decode()
    form = client_for(head).get(f"/ledgers/reconsideration/{case.pk}/action/extend/").content
    assert 'value="20"' in form.decode()
    workflow.extend(case, on=D("2025-04-22"), days=20, by=head, note="同意")
    # 60 + 20 days from 5 March 2025: 24 May 2025 is a Saturday → Monday 26 May.
    assert clocks.due(case, specs_for(case).decision) == D("2025-05-26")
    assert audit.transitions(case)[-2:] == ["extension_requested", "extended"]
    assert "待您审批的行政复议延期申请" not in client_for(head).get("/").content.decode()


def test_refusal_is_recorded_and_a_new_request_may_follow(case, officer, head, coordinator):
    workflow.request_extension(case, on=D("2025-04-20"), days=30, by=officer, note="情况复杂")
    with pytest.raises(workflow.TransitionError, match="延期申请须由行政复议机构负责人审批"):
        workflow.refuse_extension(case, on=D("2025-04-21"), by=coordinator, note="不同意")
    with pytest.raises(workflow.TransitionError, match="请写明不批准延期的理由"):
        workflow.refuse_extension(case, on=D("2025-04-21"), by=head)
    workflow.refuse_extension(case, on=D("2025-04-21"), by=head, note="证据已齐，应按期审结")
    case.refresh_from_db()
    assert not case.extension_pending and case.extended_on is None
    assert audit.transitions(case)[-2:] == ["extension_requested", "extension_refused"]
    entry = case.history.order_by("-history_date", "-history_id").first()
    assert entry.history_change_reason.endswith("不批准30日延期申请：证据已齐，应按期审结")
    with pytest.raises(workflow.TransitionError, match="没有待审批的延期申请"):
        workflow.refuse_extension(case, on=D("2025-04-22"), by=head, note="x")
    workflow.request_extension(case, on=D("2025-04-25"), days=10, by=officer, note="新证据")
    assert case.extension_pending


def test_no_request_in_the_simplified_procedure(new_case, officer):
    c = new_case(D("2025-03-03"), procedure=Procedure.SIMPLIFIED)
    workflow.accept(c, on=D("2025-03-05"), by=officer)
    with pytest.raises(workflow.TransitionError, match="简易程序案件不得延长"):
        workflow.request_extension(c, on=D("2025-03-20"), days=10, by=officer, note="复杂")
