"""行政应诉: the 出庭 rule, the gold clocks, indicators against hand counts, bad input, the report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.casework.transitions import TransitionError
from fazhi.imports.importer import run_import
from fazhi.indicators.scope import Scope
from fazhi.ledgers.litigation import workflow
from fazhi.ledgers.litigation.clocks import DEFENCE
from fazhi.ledgers.litigation.importers import SPEC
from fazhi.ledgers.litigation.indicators import FIGURES, appearance_rates
from fazhi.ledgers.litigation.ledger import sample
from fazhi.ledgers.litigation.models import LEADER_Q, Hearing, LitigationCase
from fazhi.ledgers.litigation.states import Disposition, Instance, OrganRelation, Role, State
from fazhi.org.models import Department, Jurisdiction, User
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
P = "litigation."


@pytest.fixture
def new(
    county: Jurisdiction, justice_bureau: Department, police: Department, coordinator: User
) -> Any:
    def make(on: str = "2025-03-03", **kw: Any) -> LitigationCase:
        case = sample(county, justice_bureau, police, coordinator, D(on))
        for k, v in kw.items():
            setattr(case, k, v)
        return case

    return make


def heard(case: LitigationCase, on: str, by: User, **appearance: Any) -> None:
    fields = {
        "role": Role.DEPUTY,
        "appearer_name": "赵副局长",
        "organ_relation": OrganRelation.OWN,
        "identity_proved": True,
        **appearance,
    }
    workflow.hold_hearing(case, on=D(on), by=by, **fields)


@pytest.mark.parametrize(
    ("appearance", "counts", "why"),
    [
        ({}, True, "计为负责人出庭"),
        ({"role": Role.LAWYER, "appearer_name": "陈律师"}, False, "仅律师出庭"),
        ({"organ_relation": OrganRelation.SUBORDINATE}, False, "下级或受委托机关负责人"),
        ({"identity_proved": False}, False, "未提交加盖印章的身份证明"),
        ({"role": Role.STAFF, "appearer_name": "钱科长"}, False, "相应的工作人员"),
        ({"role": Role.PRINCIPAL, "appearer_name": "孙局长"}, True, "正职"),
    ],
)
def test_who_counts_as_a_leader_appearance(new, coordinator, appearance, counts, why):
    case = new()
    heard(case, "2025-04-10", coordinator, **appearance)
    hearing = case.hearings.get()
    assert hearing.is_leader_appearance is counts
    assert Hearing.objects.filter(LEADER_Q, pk=hearing.pk).exists() is counts
    assert why in hearing.appearance_text
    assert case.state == State.HEARD


def test_defence_clock_gold_cases(shared_dir: Path, new):
    gold = [
        c
        for c in json.loads((shared_dir / "spec" / "clock-cases.json").read_text("utf-8"))["cases"]
        if c["ledger"] == "litigation" and c["clock"] == DEFENCE.name
    ]
    assert len(gold) >= 2
    for c in gold:
        case = new(c["start_date"]) if D(c["start_date"]) <= dt.date.today() else None
        if case is None:  # a gold case in the future: the clock engine alone
            from fazhi.clocks.engine import compute

            due = compute(D(c["start_date"]), 15, DEFENCE.unit).due_on
        else:
            due = clocks.due(case, DEFENCE)
            assert case.answer_due_on == due
        assert due == D(c["expected_due"]), c["id"]


def test_answer_records_on_time_and_stops_the_clock(new, coordinator):
    case = new("2025-03-03")
    assert case.answer_due_on == D("2025-03-18")
    workflow.answer(case, on=D("2025-03-20"), by=coordinator)
    case.refresh_from_db()
    assert case.answered_on_time is False and case.state == State.ANSWERED
    assert not clocks.get(case, DEFENCE).is_open
    assert audit.transitions(case) == ["received", "answered"]


def test_bad_input_is_refused_with_chinese_messages(new, coordinator, other_county):
    case = new("2025-03-03")
    with pytest.raises(TransitionError, match="开庭日期（2025年3月1日）不能早于收到起诉状副本日期"):
        heard(case, "2025-03-01", coordinator)
    with pytest.raises(TransitionError, match="请填写裁判日期"):
        workflow.decide(
            case,
            on=None,
            decision_kind="judgment",
            disposition="revoked",
            served_on=None,
            by=coordinator,
        )
    with pytest.raises(TransitionError, match="只有作出一审判决或裁定的案件才能上诉|不能上诉"):
        workflow.appeal(case, on=D("2025-04-01"), appellant="plaintiff", by=coordinator)
    with pytest.raises(TransitionError, match="与裁判类型"):
        workflow.decide(
            case,
            on=D("2025-04-01"),
            decision_kind="ruling",
            disposition=Disposition.REVOKED,
            served_on=None,
            by=coordinator,
        )
    case.refresh_from_db()
    assert case.state == State.RECEIVED and case.hearings.count() == 0
    assert audit.transitions(case) == ["received"]


def test_link_to_another_countys_reconsideration_case_is_refused(
    new, coordinator, other_county_officer
):
    from fazhi.ledgers.reconsideration.ledger import sample as reconsideration_sample

    office = Department.objects.get(
        jurisdiction=other_county_officer.jurisdiction, is_legal_office=True
    )
    theirs = reconsideration_sample(
        other_county_officer.jurisdiction, office, office, other_county_officer, D("2025-01-06")
    )
    client = Client()
    client.force_login(coordinator)
    resp = client.post(
        reverse("litigation:create"),
        {
            "court_name": "示例县人民法院",
            "trial_level": Instance.FIRST,
            "complaint_received_on": "2025-03-03",
            "plaintiffs": "张三",
            "defendant_name": "示例县公安局",
            "act_category": "penalty",
            "act_description": "罚款决定",
            "reconsideration_case": theirs.pk,
            "mandatory_attendance": "none",
        },
    )
    assert "关联的行政复议案件不属于本区划" in resp.content.decode()
    assert LitigationCase.objects.count() == 0


def test_indicators_against_hand_counts(new, coordinator, county):
    a = new("2025-01-06")
    workflow.answer(a, on=D("2025-01-15"), by=coordinator)
    workflow.schedule_hearing(
        a, on=D("2025-02-20"), notice_received_on=D("2025-02-10"), by=coordinator
    )
    heard(a, "2025-02-20", coordinator)
    heard(a, "2025-03-20", coordinator, role=Role.LAWYER, appearer_name="陈律师")
    workflow.decide(
        a,
        on=D("2025-04-01"),
        decision_kind="judgment",
        disposition=Disposition.REVOKED,
        served_on=D("2025-04-03"),
        by=coordinator,
    )
    b = new("2025-02-03")
    workflow.withdraw(
        b,
        on=D("2025-03-01"),
        withdrawal_reason="act_changed",
        act_changed_on=D("2025-02-25"),
        by=coordinator,
    )
    c = new("2024-11-04")  # carried into 2025, decided in 2025, not lost
    heard(c, "2025-01-10", coordinator, organ_relation=OrganRelation.SUBORDINATE)
    workflow.decide(
        c,
        on=D("2025-02-01"),
        decision_kind="judgment",
        disposition=Disposition.CLAIMS_REJECTED,
        served_on=None,
        by=coordinator,
    )
    scope = Scope.year(county, 2025)
    got = FIGURES.counts(scope)
    assert {k: got[P + k] for k in ("cases", "first_instance", "second_instance", "retrial")} == {
        "cases": 3,
        "first_instance": 3,
        "second_instance": 0,
        "retrial": 0,
    }
    assert (got[P + "concluded"], got[P + "lost"], got[P + "withdrawn"]) == (3, 1, 1)
    assert (got[P + "hearings"], got[P + "leader_appearances"]) == (3, 1)
    assert got == FIGURES.counts_orm(scope)
    rates = [r.ratio for r in appearance_rates(scope)]
    assert [(r.numerator, r.denominator) for r in rates] == [(1, 3), (1, 2), (1, 2)]
    assert list(FIGURES.rows(P + "lost", scope)) == [a]
    assert FIGURES.counts(Scope.year(county, 2024))[P + "cases"] == 1


def test_report_draft_has_the_paragraph_and_the_part_three_sentence(new, coordinator, county):
    from fazhi.reports.draft import draft

    case = new("2025-01-06")
    heard(case, "2025-02-20", coordinator)
    report = draft(county, 2025, by=coordinator)
    text = "\n".join(p.text for p in report.parts.order_by("number"))
    assert "加强和规范行政应诉工作" in text
    assert "{{fig:litigation.leader_appearance_rate}}" in text
    part3 = report.parts.get(number=3).text
    assert "带头履行行政机关负责人出庭应诉职责" in part3 and "待补充" not in part3


def test_import_is_all_or_nothing_with_row_errors(coordinator, police):
    rows = [
        [
            "示例县人民法院",
            "一审",
            dt.date(2025, 3, 3),
            "张三",
            "公安局",
            "示例县公安局",
            "行政处罚",
            "罚款",
        ],
        [
            "示例县人民法院",
            "一审",
            dt.date(2025, 3, 5),
            "李四",
            "不存在局",
            "示例县某局",
            "行政处罚",
            "罚款",
        ],
    ]
    headers = [
        "受理法院",
        "审级",
        "收到起诉状（上诉状）副本日期",
        "原告",
        "被告部门",
        "被告",
        "被诉行政行为类别",
        "被诉行政行为",
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(SPEC, data, by=coordinator, context=SPEC.context(coordinator))
    assert [str(p) for p in report.problems] == ["第3行“被告部门”：本区划没有名为“不存在局”的部门"]
    assert LitigationCase.objects.count() == 0
    report = run_import(
        SPEC,
        workbook_bytes(headers, [dict(zip(headers, rows[0], strict=True))]),
        by=coordinator,
        context=SPEC.context(coordinator),
    )
    assert report.ok and report.created == 1
    case = LitigationCase.objects.get()
    assert case.case_number == "示政诉〔2025〕1号" and case.answer_due_on == D("2025-03-18")


def test_the_link_to_a_reconsideration_case_shows_on_both_pages(
    new, coordinator, county, justice_bureau, police
):
    from fazhi.ledgers.reconsideration.ledger import sample as reconsideration_sample

    theirs = reconsideration_sample(county, justice_bureau, police, coordinator, D("2025-01-06"))
    case = new("2025-03-03")
    case.reconsideration_case_id = theirs.pk
    case.save(update_fields=["reconsideration_case"])
    client = Client()
    client.force_login(coordinator)
    html = client.get(case.get_absolute_url()).content.decode()
    assert f'<a href="{theirs.get_absolute_url()}">{theirs.case_number}</a>' in html
    html = client.get(theirs.get_absolute_url()).content.decode()
    assert (
        f'<a href="{case.get_absolute_url()}">{case.case_number}</a>（一审·示例县人民法院·待答辩举证）'
        in html
    )


def test_only_a_case_still_awaiting_the_answer_is_overdue(new, coordinator):
    from fazhi.ledgers.litigation.workflow import DUE

    waiting = new("2025-03-03")  # due 18 March, never answered
    answered = new("2025-03-03")
    workflow.answer(answered, on=D("2025-03-25"), by=coordinator)  # late, but done
    overdue = LitigationCase.objects.filter(DUE.overdue_q(D("2025-04-01")))
    assert list(overdue) == [waiting]
    assert DUE.is_overdue(waiting, D("2025-04-01")) and not DUE.is_overdue(
        answered, D("2025-04-01")
    )


def test_saving_the_edit_form_unchanged_writes_nothing(new, coordinator):
    case = new("2025-03-03")
    client = Client()
    client.force_login(coordinator)
    url = reverse("litigation:edit", args=[case.pk])
    form = client.get(url).context["form"]
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    before = case.history.count()
    resp = client.post(url, data)
    assert resp.status_code == 302
    assert case.history.count() == before
