"""法律援助: the gates (no assignment before the decision, written reasons, one supplement
notice), the clocks by hand (calendar days, the supplement pause, hours, lapses), the 先行提供
alert, indicators against hand counts, the board, import errors and negative input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.casework.transitions import TransitionError
from fazhi.imports.importer import run_import
from fazhi.indicators.scope import Scope
from fazhi.ledgers.legal_aid import workflow
from fazhi.ledgers.legal_aid.clocks import ADVANCE, ASSIGN, DECISION, FORWARD, OBJECTION, SUPPLEMENT
from fazhi.ledgers.legal_aid.documents import refusal
from fazhi.ledgers.legal_aid.importers import SPEC
from fazhi.ledgers.legal_aid.indicators import FIGURES, build_section
from fazhi.ledgers.legal_aid.ledger import is_urgent, sample
from fazhi.ledgers.legal_aid.models import LegalAidCase, ServiceDay
from fazhi.ledgers.legal_aid.states import State
from fazhi.lib.gongwen import docx_text
from fazhi.org.models import Department, Jurisdiction, User
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
SH = ZoneInfo("Asia/Shanghai")
P = "legal_aid."


@pytest.fixture
def new(
    county: Jurisdiction, justice_bureau: Department, police: Department, coordinator: User
) -> Any:
    def make(on: str = "2025-03-03", **kw: Any) -> LegalAidCase:
        if not kw:
            return sample(county, justice_bureau, police, coordinator, D(on))
        case = LegalAidCase(
            jurisdiction=county,
            department=justice_bureau,
            applicant="李四",
            matter_type="criminal",
            matter="刑事辩护",
            basis="economic_hardship",
            received_on=D(on),
            **kw,
        )
        return workflow.receive(case, by=coordinator)

    return make


def test_decision_in_seven_calendar_days_rolls_past_national_day(new: Any) -> None:
    # 2025-09-28 (a 调休 Sunday) + 7 = 10-05, in the 国庆 holiday (1–8 Oct) → Thursday 10-09.
    case = new("2025-09-28")
    assert clocks.due(case, DECISION) == D("2025-10-09")
    assert case.due_on == D("2025-10-09")


def test_supplement_time_is_paused_and_configurable(new: Any, coordinator: User) -> None:
    case = new("2025-03-03")
    workflow.request_supplement(
        case, on=D("2025-03-05"), supplement_days=10, note="请补充低保证明", by=coordinator
    )
    assert case.state == State.SUPPLEMENT and clocks.get(case, DECISION).state == "paused"
    workflow.supplement(case, on=D("2025-03-12"), by=coordinator)
    with pytest.raises(TransitionError, match="只能一次性告知"):
        workflow.request_supplement(
            case, on=D("2025-03-13"), supplement_days=5, note="再补", by=coordinator
        )
    # Counted: 3-04 (1 day); 3-05..3-11 paused; then 3-12..3-17 (6 days) → 2025-03-17.
    clock = clocks.get(case, DECISION)
    assert clock.due_on == D("2025-03-17")
    assert "3月5日至11日补充申请材料共7日不计" in clock.explanation
    assert clocks.get(case, SUPPLEMENT).status == "met"


@override_settings(LEGAL_AID_PAUSE_FOR_SUPPLEMENT=False)
def test_supplement_pause_can_be_switched_off(new: Any, coordinator: User) -> None:
    case = new("2025-03-03")
    workflow.request_supplement(
        case, on=D("2025-03-05"), supplement_days=10, note="请补充", by=coordinator
    )
    assert clocks.due(case, DECISION) == D("2025-03-10")


@override_settings(LEGAL_AID_DECISION_PERIOD=(7, "working_day"))
def test_decision_period_in_working_days(new: Any) -> None:
    assert clocks.due(new("2025-03-03"), DECISION) == D("2025-03-12")


def test_assignment_before_the_decision_is_refused(new: Any, coordinator: User) -> None:
    case = new("2025-04-28")
    before = audit.transitions(case)
    with pytest.raises(TransitionError, match="尚未作出给予法律援助的决定，不能指派承办"):
        workflow.assign(case, on=D("2025-04-29"), provider="李律师", by=coordinator)
    case.refresh_from_db()
    assert case.state == State.RECEIVED and case.assigned_on is None
    assert audit.transitions(case) == before
    workflow.grant(case, on=D("2025-04-30"), by=coordinator)
    # 4-30 + 3 = 5-03, in the 劳动节 holiday (1–5 May) → Tuesday 5-06.
    assert clocks.due(case, ASSIGN) == D("2025-05-06")
    case.refresh_from_db()
    assert case.due_on == D("2025-05-06") and clocks.get(case, DECISION).status == "met"
    with pytest.raises(TransitionError, match="请填写承办律师"):
        workflow.assign(case, on=D("2025-05-06"), provider=" ", by=coordinator)
    workflow.assign(case, on=D("2025-05-07"), provider="李律师", by=coordinator)
    assert clocks.get(case, ASSIGN).status == "late"
    with pytest.raises(TransitionError, match="挽回经济损失不能为负数"):
        workflow.close(case, on=D("2025-06-01"), amount_recovered="-100", by=coordinator)
    with pytest.raises(TransitionError, match="小数超过两位"):
        workflow.close(case, on=D("2025-06-01"), amount_recovered="1.234", by=coordinator)
    workflow.close(case, on=D("2025-06-01"), amount_recovered="12345.67", by=coordinator)
    case.refresh_from_db()
    assert case.amount_recovered_fen == 1234567


def test_refusal_needs_reasons_and_objection_is_decided_in_five_days(
    new: Any, coordinator: User
) -> None:
    case = new("2025-03-03")
    with pytest.raises(TransitionError, match="请写明不予法律援助的理由"):
        workflow.refuse(case, on=D("2025-03-05"), by=coordinator)
    workflow.refuse(case, on=D("2025-03-05"), note="家庭收入高于当地经济困难标准", by=coordinator)
    case.refresh_from_db()
    assert case.refusal_reasons == "家庭收入高于当地经济困难标准"
    assert "理由：家庭收入高于当地经济困难标准" in docx_text(refusal(case))
    workflow.object_(case, on=D("2025-03-10"), by=coordinator)
    # 3-10 + 5 = 3-15 (Saturday) → Monday 3-17.
    assert clocks.due(case, OBJECTION) == D("2025-03-17")
    workflow.order_aid(case, on=D("2025-03-14"), by=coordinator)
    assert case.state == State.GRANTED and clocks.due(case, ASSIGN) == D("2025-03-17")


def test_lapsed_supplement_notice_deems_the_application_withdrawn(
    new: Any, coordinator: User
) -> None:
    case = new("2025-03-03")
    workflow.request_supplement(
        case, on=D("2025-03-05"), supplement_days=10, note="请补充", by=coordinator
    )
    # 3-05 + 10 = 3-15 (Saturday) → 3-17; withdrawn the day after it ran out.
    assert clocks.due(case, SUPPLEMENT) == D("2025-03-17")
    assert workflow.lapse_supplements(D("2025-03-17")) == 0
    assert workflow.lapse_supplements(D("2025-03-18")) == 1
    assert workflow.lapse_supplements(D("2025-03-19")) == 0
    case.refresh_from_db()
    assert (case.state, case.withdrawn_on) == (State.WITHDRAWN, D("2025-03-18"))
    assert clocks.get(case, SUPPLEMENT).status_label == "逾期未补充"
    assert clocks.get(case, DECISION).status_label == "视为撤回申请"
    with pytest.raises(TransitionError, match="已视为撤回申请"):
        workflow.grant(case, on=D("2025-03-19"), by=coordinator)


def test_notification_is_assigned_within_three_days(new: Any) -> None:
    case = new("2025-03-03", channel="criminal_notification")
    assert case.state == State.GRANTED and case.basis == "notified"
    assert clocks.get(case, DECISION) is None
    assert clocks.due(case, ASSIGN) == D("2025-03-06")


def test_detainee_request_forwarded_within_24_hours(new: Any, coordinator: User) -> None:
    got = dt.datetime(2025, 3, 3, 15, 20, tzinfo=SH)
    late = new(
        "2025-03-05",
        channel="detainee",
        request_received_at=got,
        forwarded_at=dt.datetime(2025, 3, 4, 16, 0, tzinfo=SH),
    )
    clock = clocks.get(late, FORWARD)
    assert clock.explanation == (
        "自2025年3月3日15时20分起24小时（连续计算，休息日、节假日不扣除），至2025年3月4日15时20分届满"
    )
    assert clock.status == "late"
    pending = new("2025-03-04", channel="detainee", request_received_at=got)
    assert clocks.get(pending, FORWARD).state == "running"
    with pytest.raises(TransitionError, match="不能早于收到申请时刻"):
        workflow.record_forwarding(
            pending, on=D("2025-03-03"), forwarded_time=dt.time(9, 0), by=coordinator
        )
    workflow.record_forwarding(
        pending, on=D("2025-03-04"), forwarded_time=dt.time(15, 0), by=coordinator
    )
    assert clocks.get(pending, FORWARD).status == "met"
    with pytest.raises(TransitionError, match="尚未登记转交"):
        workflow.record_forwarding(
            pending, on=D("2025-03-04"), forwarded_time=dt.time(15, 5), by=coordinator
        )
    with pytest.raises(TransitionError, match="收到申请的时刻"):
        new("2025-03-04", channel="detainee")


def test_advance_provision_alert_under_seven_days(new: Any, coordinator: User) -> None:
    case = new("2025-03-03", limitation_on=D("2025-03-20"))
    assert clocks.due(case, ADVANCE) == D("2025-03-13")  # 3-20 − 7 days
    assert not is_urgent(case, D("2025-03-13")) and is_urgent(case, D("2025-03-14"))
    workflow.grant(case, on=D("2025-03-15"), by=coordinator)
    case.refresh_from_db()
    assert case.provisional and clocks.get(case, ADVANCE).state == "stopped"


def test_indicators_against_hand_counts(
    new: Any, coordinator: User, county: Jurisdiction, justice_bureau: Department
) -> None:
    a, b, c = new("2025-02-03"), new("2025-02-03"), new("2024-12-30")
    a.beneficiaries = 3
    a.save()
    for case in (a, b, c):
        workflow.grant(
            case, on=D("2025-02-05") if case is not c else D("2025-01-02"), by=coordinator
        )
    workflow.assign(a, on=D("2025-02-06"), provider="甲", by=coordinator)
    workflow.assign(c, on=D("2025-01-03"), provider="乙", by=coordinator)
    workflow.close(a, on=D("2025-05-06"), amount_recovered="12345.67", by=coordinator)
    workflow.close(c, on=D("2025-05-06"), amount_recovered="20000", by=coordinator)
    new("2025-03-03", channel="criminal_notification")  # granted, not yet assigned
    ServiceDay.objects.create(
        jurisdiction=county,
        department=justice_bureau,
        on=D("2025-02-03"),
        consultations=5,
        documents_drafted=2,
    )
    ServiceDay.objects.create(
        jurisdiction=county,
        department=justice_bureau,
        on=D("2024-02-03"),
        consultations=9,
        documents_drafted=9,
    )
    scope = Scope.year(county, 2025)
    got = FIGURES.counts(scope)
    assert got == {
        P + "cases": 2,
        P + "beneficiaries": 4,
        P + "amount_recovered": Decimal("3.2346"),  # 3,234,567分 = 3.2346万元
        P + "consultations": 5,
        P + "documents_drafted": 2,
    }
    assert got == FIGURES.counts_orm(scope)
    assert "{{fig:legal_aid.amount_recovered}}" in "".join(build_section(scope))


def test_legal_aid_clocks_are_on_the_deadline_board(new: Any, coordinator: User) -> None:
    case = new("2025-03-03")
    got = dt.datetime(2025, 3, 3, 15, 20, tzinfo=SH)
    detainee = new("2025-03-04", channel="detainee", request_received_at=got)
    client = Client()
    client.force_login(coordinator)
    rows = client.get(reverse("clocks:board_json") + "?ledger=legal_aid").json()["results"]
    seen = {(r["object_label"], r["label"], r["due_on"], r["ledger_label"]) for r in rows}
    assert (case.case_number, "审查决定", "2025-03-10", "法律援助") in seen
    assert (detainee.case_number, "转交申请", "2025-03-04", "法律援助") in seen
    html = client.get(reverse("clocks:board")).content.decode()
    assert case.case_number in html and "至2025年3月4日15时20分届满" in html


def test_negative_daily_counts_are_refused(coordinator: User, justice_bureau: Department) -> None:
    client = Client()
    client.force_login(coordinator)
    url = reverse("legal_aid:services")
    html = client.post(
        url, {"on": "2025-03-03", "consultations": "-1", "documents_drafted": "-2"}
    ).content.decode()
    assert "法律咨询人次不能为负数" in html and "代写法律文书份数不能为负数" in html
    assert not ServiceDay.objects.exists()
    client.post(url, {"on": "2025-03-03", "consultations": "4", "documents_drafted": "1"})
    client.post(url, {"on": "2025-03-03", "consultations": "6", "documents_drafted": "1"})
    assert list(ServiceDay.objects.values_list("consultations", flat=True)) == [6]


def test_negative_beneficiaries_on_the_form_save_nothing(coordinator: User) -> None:
    client = Client()
    client.force_login(coordinator)
    resp = client.post(
        reverse("legal_aid:create"),
        {
            "channel": "application",
            "received_on": "2025-03-03",
            "applicant": "张三",
            "beneficiaries": "-2",
            "matter_type": "labour",
            "matter": "讨薪",
            "basis": "economic_hardship",
            "hardship_proof": "低保证",
        },
    )
    assert resp.status_code == 200 and "不能为负数" in resp.content.decode()
    assert not LegalAidCase.objects.exists()


def test_import_is_all_or_nothing_with_row_errors(coordinator: User) -> None:
    headers = [
        "来源",
        "法律援助机构收到申请（通知）日期",
        "申请人（受援人）",
        "受援人数",
        "案件类别",
        "事项",
        "给予法律援助的依据",
        "决定日期",
        "指派日期",
        "挽回经济损失（元）",
    ]
    good = [
        "当事人申请",
        D("2025-03-03"),
        "张三",
        2,
        "民事",
        "赡养费",
        "经济困难",
        D("2025-03-05"),
        D("2025-03-06"),
        "",
    ]
    rows = [
        good,
        [
            "当事人申请",
            D("2025-03-03"),
            "李四",
            1,
            "民事",
            "赡养费",
            "经济困难",
            None,
            D("2025-03-06"),
            "",
        ],
        [
            "当事人申请",
            D("2025-03-03"),
            "王五",
            -1,
            "民事",
            "赡养费",
            "经济困难",
            D("2025-03-05"),
            None,
            "-500",
        ],
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(SPEC, data, by=coordinator, context=SPEC.context(coordinator))
    messages = [str(p) for p in report.problems]
    assert "第3行“指派日期”：尚未作出给予法律援助的决定，不能指派（请填写决定日期）" in messages
    assert "第4行“受援人数”：受援人数至少为1，不能为负数或0" in messages
    assert "第4行“挽回经济损失（元）”：挽回经济损失不能为负数" in messages
    assert not LegalAidCase.objects.exists()
    data = workbook_bytes(headers, [dict(zip(headers, good, strict=True))])
    report = run_import(SPEC, data, by=coordinator, context=SPEC.context(coordinator))
    assert report.ok and report.created == 1
    assert LegalAidCase.objects.get().state == State.ASSIGNED
