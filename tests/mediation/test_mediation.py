"""人民调解: the Art. 29 signature gate, the clocks by hand, indicators against hand counts,
quick entry, import errors and bad input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from fazhi import audit, clocks
from fazhi.casework.transitions import TransitionError
from fazhi.imports.importer import run_import
from fazhi.indicators.scope import Scope
from fazhi.ledgers.mediation import workflow
from fazhi.ledgers.mediation.clocks import CONFIRMATION, MEDIATION
from fazhi.ledgers.mediation.documents import agreement
from fazhi.ledgers.mediation.importers import SPEC
from fazhi.ledgers.mediation.indicators import FIGURES, build_section
from fazhi.ledgers.mediation.ledger import sample
from fazhi.ledgers.mediation.models import (
    ConsultationDay,
    MediationCase,
    MediationCommittee,
    Mediator,
)
from fazhi.ledgers.mediation.states import State
from fazhi.lib.gongwen import docx_text
from fazhi.org.models import Department, Jurisdiction, User
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
P = "mediation."


@pytest.fixture
def new(
    county: Jurisdiction, justice_bureau: Department, police: Department, coordinator: User
) -> Any:
    def make(on: str = "2025-03-03") -> MediationCase:
        return sample(county, justice_bureau, police, coordinator, D(on))

    return make


def test_mediation_clock_one_month_rolls_past_national_day(new: Any) -> None:
    # 2024-09-01 + 1 month = 2024-10-01, 国庆 holiday (1–7 Oct) → Tuesday 2024-10-08.
    case = new("2024-09-01")
    clock = clocks.get(case, MEDIATION)
    assert clock is not None and clock.due_on == D("2024-10-08")
    assert "顺延至2024年10月8日" in clock.explanation
    assert case.mediation_due_on == D("2024-10-08")


@override_settings(MEDIATION_PERIOD=(15, "calendar_day"))
def test_mediation_period_is_configurable(new: Any) -> None:
    case = new("2025-03-03")  # + 15 days = 2025-03-18 (Tue)
    assert clocks.due(case, MEDIATION) == D("2025-03-18")


def test_agreement_takes_effect_only_with_every_signature_and_the_seal(
    new: Any, coordinator: User
) -> None:
    case = new("2025-01-02")
    workflow.resolve_written(
        case, on=D("2025-01-02"), agreement_terms="李四赔偿张三800元", by=coordinator
    )
    assert case.state == State.SIGNING
    assert clocks.get(case, MEDIATION).state == "stopped"
    before = audit.transitions(case)
    with pytest.raises(
        TransitionError, match="当事人张三、当事人李四、调解员、调解委员会（盖章）尚未签名或盖章"
    ):
        workflow.take_effect(case, on=D("2025-01-03"), by=coordinator)
    workflow.sign(case, on=D("2025-01-02"), signer="party", party_name="张三", by=coordinator)
    workflow.sign(case, on=D("2025-01-02"), signer="mediator", by=coordinator)
    with pytest.raises(TransitionError, match="当事人李四、调解委员会（盖章）尚未签名"):
        workflow.take_effect(case, on=D("2025-01-03"), by=coordinator)
    with pytest.raises(TransitionError, match="没有名为“王五”的当事人"):
        workflow.sign(case, on=D("2025-01-02"), signer="party", party_name="王五", by=coordinator)
    workflow.sign(case, on=D("2025-01-03"), signer="all", by=coordinator)
    case.refresh_from_db()
    assert case.state == State.SIGNING and case.agreement_effective_on is None
    with pytest.raises(TransitionError, match="不能早于最后一方签名或盖章的日期（2025年1月3日）"):
        workflow.take_effect(case, on=D("2025-01-02"), by=coordinator)
    assert audit.transitions(case) == [*before, "signed", "signed", "signed"]
    workflow.take_effect(case, on=D("2025-01-03"), by=coordinator)
    case.refresh_from_db()
    assert case.state == State.RESOLVED and case.agreement_effective_on == D("2025-01-03")
    assert [p.signed_on for p in case.parties.all()] == [D("2025-01-02"), D("2025-01-03")]
    # 司法确认 window: 2025-01-03 + 30 days = 2025-02-02, in the Spring Festival holiday
    # (28 Jan – 4 Feb) → Wednesday 2025-02-05.
    assert clocks.due(case, CONFIRMATION) == D("2025-02-05")
    text = docx_text(agreement(case))
    assert "人民调解协议书" in text and "李四赔偿张三800元" in text and "2025年1月3日" in text
    workflow.apply_confirmation(
        case, on=D("2025-01-20"), confirmation_court="示例县人民法院", by=coordinator
    )
    assert clocks.get(case, CONFIRMATION).status == "met"


def test_confirmation_window_lapses(new: Any, coordinator: User) -> None:
    case = new("2025-01-02")
    workflow.resolve_written(case, on=D("2025-01-02"), agreement_terms="分期付款", by=coordinator)
    workflow.sign(case, on=D("2025-01-02"), signer="all", by=coordinator)
    workflow.take_effect(case, on=D("2025-01-02"), by=coordinator)
    assert workflow.lapse_confirmation(D("2025-02-20")) == 1
    assert workflow.lapse_confirmation(D("2025-02-21")) == 0  # idempotent
    clock = clocks.get(case, CONFIRMATION)
    assert clock.status_label == "未申请司法确认"
    with pytest.raises(TransitionError):
        workflow.resolve_oral(case, on=D("2025-01-05"), by=coordinator)


def test_oral_agreement_is_effective_when_reached_and_failure_needs_a_channel(
    new: Any, coordinator: User
) -> None:
    a, b = new("2025-03-03"), new("2025-03-04")
    workflow.resolve_oral(a, on=D("2025-03-05"), by=coordinator)
    a.refresh_from_db()
    assert (a.state, a.agreement_effective_on) == (State.RESOLVED, D("2025-03-05"))
    with pytest.raises(TransitionError, match="请选择引导当事人解决纠纷的途径"):
        workflow.fail(b, on=D("2025-03-05"), referral="", by=coordinator)
    with pytest.raises(TransitionError, match="只有已生效的书面调解协议才能申请司法确认"):
        workflow.apply_confirmation(
            a, on=D("2025-03-06"), confirmation_court="法院", by=coordinator
        )


def _counts(county: Jurisdiction, year: int = 2025) -> dict[str, Any]:
    return FIGURES.counts(Scope.year(county, year))


def test_indicators_against_hand_counts(new: Any, coordinator: User, county: Jurisdiction) -> None:
    rows = [new("2025-02-01") for _ in range(5)] + [new("2024-12-20")]
    workflow.resolve_oral(rows[0], on=D("2025-02-02"), by=coordinator)
    workflow.resolve_oral(rows[5], on=D("2025-01-03"), by=coordinator)  # received 2024
    workflow.resolve_written(rows[1], on=D("2025-02-03"), agreement_terms="x", by=coordinator)
    rows[2].is_major = True
    rows[2].save()
    workflow.resolve_written(rows[2], on=D("2025-02-03"), agreement_terms="x", by=coordinator)
    workflow.fail(rows[3], on=D("2025-02-04"), referral="referred_to_litigation", by=coordinator)
    committee = rows[0].committee
    Mediator.objects.create(
        committee=committee, name="王调解", kind="full_time", appointed_on=D("2020-01-01")
    )
    Mediator.objects.create(
        committee=committee,
        name="赵调解",
        kind="part_time",
        appointed_on=D("2020-01-01"),
        left_on=D("2024-06-30"),
    )
    MediationCommittee.objects.create(
        jurisdiction=county,
        department=committee.department,
        name="旧村调委会",
        kind="village",
        established_on=D("2010-01-01"),
        dissolved_on=D("2024-12-31"),
    )
    ConsultationDay.objects.create(committee=committee, on=D("2025-02-01"), count=4)
    ConsultationDay.objects.create(committee=committee, on=D("2025-02-02"), count=3)
    ConsultationDay.objects.create(committee=committee, on=D("2024-02-02"), count=9)
    got = _counts(county)
    assert {k.removeprefix(P): v for k, v in got.items()} == {
        "organizations": 1,
        "mediators": 1,
        "disputes_received": 5,
        "disputes_resolved": 4,
        "agreements_oral": 2,
        "agreements_written": 2,
        "major_cases_resolved": 1,
        "referred_to_litigation": 1,
        "consultations": 7,
    }
    assert got == FIGURES.counts_orm(Scope.year(county, 2025))
    assert _counts(county, 2024)[P + "organizations"] == 2
    assert FIGURES.rows(P + "agreements_written", Scope.year(county, 2025)).count() == 2
    text = "".join(build_section(Scope.year(county, 2025)))
    assert "{{fig:mediation.success_rate}}" in text and "{{fig:mediation.consultations}}" in text


def test_quick_entry_saves_and_opens_a_fresh_form_with_the_last_committee(
    new: Any, coordinator: User
) -> None:
    first = new("2025-03-03")
    client = Client()
    client.force_login(coordinator)
    url = reverse("mediation:create")
    data = {
        "received_on": "2025-03-10",
        "committee": first.committee_id,
        "dispute_type": "marriage_family",
        "source": "application",
        "parties_text": "王五、赵六 钱七",
        "outcome": "oral",
        "concluded_on": "2025-03-11",
        "save_next": "1",
    }
    resp = client.post(url, data)
    assert resp.status_code == 302 and resp["Location"] == url
    case = MediationCase.objects.get(received_on=D("2025-03-10"))
    assert case.state == State.RESOLVED and case.agreement_form == "oral_agreement"
    assert case.party_names == "王五、赵六、钱七"
    assert audit.transitions(case) == ["received", "resolved_oral"]
    html = client.get(url).content.decode()
    assert f'value="{first.committee_id}" selected' in html and "autofocus" in html
    assert 'value="marriage_family" selected' in html


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"parties_text": "王五"}, "parties_text", "至少两方"),
        ({"outcome": "failed"}, "referral", "请选择引导当事人解决纠纷的途径"),
        ({"outcome": "written"}, "agreement_terms", "书面协议请填写协议内容"),
        ({"concluded_on": "2025-03-01"}, "concluded_on", "不能早于受理日期"),
        ({"received_on": "2099-01-01"}, "received_on", "不能晚于今天"),
    ],
)
def test_bad_quick_entry_saves_nothing(
    new: Any, coordinator: User, change: dict[str, str], field: str, message: str
) -> None:
    first = new("2025-03-03")
    client = Client()
    client.force_login(coordinator)
    data = {
        "received_on": "2025-03-10",
        "committee": first.committee_id,
        "dispute_type": "neighbour",
        "source": "application",
        "parties_text": "王五、赵六",
        "outcome": "oral",
        "concluded_on": "2025-03-11",
        "referral": "",
        **change,
    }
    resp = client.post(reverse("mediation:create"), data)
    assert resp.status_code == 200
    assert message in str(resp.context["form"].errors[field])
    assert MediationCase.objects.count() == 1


def test_negative_consultation_count_is_refused(new: Any, coordinator: User) -> None:
    first = new("2025-03-03")
    client = Client()
    client.force_login(coordinator)
    url = reverse("mediation:consultations")
    resp = client.post(url, {"committee": first.committee_id, "on": "2025-03-03", "count": "-3"})
    assert "现场解答人次不能为负数" in resp.content.decode()
    assert not ConsultationDay.objects.exists()
    client.post(url, {"committee": first.committee_id, "on": "2025-03-03", "count": "5"})
    client.post(url, {"committee": first.committee_id, "on": "2025-03-03", "count": "6"})
    assert list(ConsultationDay.objects.values_list("count", flat=True)) == [6]


def test_import_is_all_or_nothing_with_row_errors(
    new: Any, coordinator: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    committee = new("2025-01-02").committee
    headers = [
        "调解组织",
        "受理日期",
        "当事人",
        "纠纷类型",
        "调解终结日期",
        "协议形式",
        "协议生效日期",
        "调解不成引导途径",
    ]
    good = [
        committee.name,
        D("2025-03-03"),
        "张三、李四",
        "邻里纠纷",
        D("2025-03-04"),
        "书面协议",
        D("2025-03-05"),
        "",
    ]
    rows = [
        good,
        ["不存在调委会", D("2025-03-03"), "张三", "邻里纠纷", None, "", None, ""],
        [
            committee.name,
            D("2025-03-03"),
            "张三、李四",
            "邻里纠纷",
            D("2025-03-04"),
            "口头协议",
            D("2025-03-05"),
            "引导诉讼",
        ],
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(SPEC, data, by=coordinator, context=SPEC.context(coordinator))
    messages = [str(p) for p in report.problems]
    assert "第3行“调解组织”：本区划没有名为“不存在调委会”的调解组织" in messages
    assert "第3行“当事人”：请填写纠纷双方当事人（至少两方），以顿号分隔" in messages
    assert "第4行“调解不成引导途径”：已达成协议的纠纷不能同时填写调解不成引导途径" in messages
    assert any(m.startswith("第4行“协议生效日期”：只有书面协议") for m in messages)
    assert MediationCase.objects.count() == 1
    data = workbook_bytes(headers, [dict(zip(headers, good, strict=True))])
    report = run_import(SPEC, data, by=coordinator, context=SPEC.context(coordinator))
    assert report.ok and report.created == 1
    case = MediationCase.objects.latest("id")
    assert case.state == State.RESOLVED and case.missing_signatures() == []
    # Imported long after its 司法确认 window closed: no clock to lapse on the board.
    assert clocks.get(case, CONFIRMATION) is None
    # Imported on 2025-03-20, inside the window: 3-05 + 30 = 4-04 (清明) → 4-07.
    monkeypatch.setattr(timezone, "localdate", lambda *a: D("2025-03-20"))
    other = [*good]
    other[2] = "王五、赵六"
    data = workbook_bytes(headers, [dict(zip(headers, other, strict=True))])
    report = run_import(SPEC, data, by=coordinator, context=SPEC.context(coordinator))
    assert report.ok
    case = MediationCase.objects.latest("id")
    assert clocks.due(case, CONFIRMATION) == D("2025-04-07")
