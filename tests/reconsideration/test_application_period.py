"""The applicant's 60-day 申请期限 (2023 Art. 20; 2017 Art. 9) and the lapsed 补正 clock's label.

Dates computed by hand: 2024-08-02 + 60 days = 2024-10-01, National Day; 1–7 October 2024 are
holidays, so the period ends on Tuesday 2024-10-08 (末日顺延). 2025-03-01 + 60 days =
2025-04-30, a Wednesday and a working day.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import State

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


def clock_row(html: str, label: str) -> str:
    """The <tr> of the case page's clock table whose first cell is `label`."""
    table = html.split('<div id="clocks">', 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
    (row,) = [r for r in rows if re.search(rf"<td>{re.escape(label)}</td>", r)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()


def test_period_rolls_past_national_day_and_binds_at_receipt(new_case, officer):
    case = new_case(D("2024-10-08"), knew_of_act_on=D("2024-08-02"))
    spec = specs_for(case).application_period
    assert clocks.due(case, spec) == D("2024-10-08")
    clock = clocks.get(case, spec)
    assert clock.start_on == D("2024-08-02") and clock.stopped_on == D("2024-10-08")
    assert spec.basis.endswith("第二十条")
    assert audit.transitions(case) == ["received"]  # the clock adds no case history entry
    html = client_for(officer).get(case.get_absolute_url()).content.decode()
    assert (
        "申请期限：自2024年8月2日知道之日起60日，至2024年10月8日届满（含当日）；"
        "本申请于2024年10月8日收到，在期限内"
    ) in html
    row = clock_row(html, "申请期限")
    assert "在申请期限内" in row and "按期办结" not in row
    # In time: 不予受理 offers no reason.
    form = client_for(officer).get(reverse("reconsideration:action", args=[case.pk, "refuse"]))
    assert "超过法定申请期限" not in form.content.decode()


def test_late_application_is_shown_and_refusal_offers_the_reason(new_case, officer):
    case = new_case(D("2024-10-09"), knew_of_act_on=D("2024-08-02"))
    period = workflow.application_period(case)
    assert period.due_on == D("2024-10-08") and period.late is True
    c = client_for(officer)
    html = c.get(case.get_absolute_url()).content.decode()
    assert (
        "申请期限：自2024年8月2日知道之日起60日，至2024年10月8日届满（含当日）；"
        "本申请于2024年10月9日收到，已超过申请期限"
    ) in html
    assert "超过申请期限" in clock_row(html, "申请期限")
    url = reverse("reconsideration:action", args=[case.pk, "refuse"])
    form = c.get(url).content.decode()
    reason = (
        "超过法定申请期限：申请人于2024年8月2日知道该行政行为，申请期限至2024年10月8日届满，"
        "本机关于2024年10月9日收到申请，不符合《中华人民共和国行政复议法》第二十条、第三十条"
        "规定的受理条件"
    )
    assert reason in form
    assert c.post(url, {"on": "2024-10-10", "note": reason}).status_code == 302
    case.refresh_from_db()
    assert case.state == State.NOT_ACCEPTED and case.closure_note == reason


def test_ordinary_date_and_2017_basis(new_case):
    case = new_case(D("2025-04-30"), knew_of_act_on=D("2025-03-01"))
    assert workflow.application_period(case).due_on == D("2025-04-30")
    assert workflow.application_period(case).late is False
    old = new_case(D("2023-05-10"), knew_of_act_on=D("2023-03-01"))
    spec = specs_for(old).application_period
    assert spec.basis.endswith("第九条") and spec.law_version == "2017"
    # 2023-03-01 + 60 = 2023-04-30, a Sunday before the May Day holiday (29 Apr–3 May 2023);
    # 4 May 2023 is the next working day.
    assert clocks.due(old, spec) == D("2023-05-04")
    assert "第九条、第十七条" in workflow.late_refusal_reason(old)


def test_without_the_date_there_is_no_clock(new_case, officer):
    case = new_case(D("2025-03-03"))
    assert clocks.get(case, specs_for(case).application_period) is None
    assert workflow.application_period(case) is None
    html = client_for(officer).get(case.get_absolute_url()).content.decode()
    assert "申请期限：" not in html


def test_knew_after_receipt_is_refused(new_case):
    with pytest.raises(workflow.TransitionError, match="不能晚于收到申请日期"):
        new_case(D("2025-03-03"), knew_of_act_on=D("2025-03-04"))
    assert ReconsiderationCase.objects.count() == 0


def test_form_field_on_create_and_once_on_edit(officer, police):
    c = client_for(officer)
    data = {
        "received_on": "2025-06-03",
        "knew_of_act_on": "2025-06-04",
        "channel": "in_person",
        "procedure": "ordinary",
        "respondent_department": police.pk,
        "respondent_name": "示例县公安局",
        "act_category": "penalty",
        "act_description": "行政处罚决定",
        "applicants-TOTAL_FORMS": "1",
        "applicants-INITIAL_FORMS": "0",
        "applicants-MIN_NUM_FORMS": "1",
        "applicants-MAX_NUM_FORMS": "1000",
        "applicants-0-kind": "natural_person",
        "applicants-0-name": "李四",
    }
    html = c.post(reverse("reconsideration:create"), data).content.decode()
    assert "知道该行政行为之日（2025年6月4日）不能晚于收到申请日期（2025年6月3日）" in html
    data["knew_of_act_on"] = ""
    assert c.post(reverse("reconsideration:create"), data).status_code == 302
    case = ReconsiderationCase.objects.get()
    assert case.knew_of_act_on is None
    # Added later on the edit page: the clock is started then, and the field is fixed after.
    edit = reverse("reconsideration:edit", args=[case.pk])
    form_html = c.get(edit).content.decode()
    assert 'name="knew_of_act_on"' in form_html
    applicant = case.applicants.get()
    data.update(
        {
            "knew_of_act_on": "2025-04-01",
            "case_number": case.case_number,
            "applicants-INITIAL_FORMS": "1",
            "applicants-0-id": applicant.pk,
            "applicants-0-case": case.pk,
        }
    )
    del data["received_on"]
    assert c.post(edit, data).status_code == 302
    case.refresh_from_db()
    assert case.knew_of_act_on == D("2025-04-01")
    # 2025-04-01 + 60 = 2025-05-31 (Saturday) → 2025-06-03 (端午 31 May–2 June 2025).
    assert workflow.application_period(case).due_on == D("2025-06-03")
    assert workflow.application_period(case).late is False
    assert 'name="knew_of_act_on"' not in c.get(edit).content.decode()


# --- task: the lapsed 补正 clock no longer reads 按期办结 ---------------------------------------


def test_lapsed_correction_clock_is_labelled_lapsed(new_case, officer):
    case = new_case(D("2025-03-03"))
    workflow.request_correction(
        case,
        on=D("2025-03-04"),
        served_on=D("2025-03-04"),
        method="post",
        by=officer,
        note="身份证明",
    )
    assert workflow.deem_abandoned(case, today=D("2025-03-19")) is True
    html = client_for(officer).get(case.get_absolute_url()).content.decode()
    row = clock_row(html, "申请人补正")
    assert "逾期未补正（视为放弃）" in row and "按期办结" not in row
    assert "2025年3月18日" in row  # the due date still shown


def test_correction_received_in_time_still_reads_met(new_case, officer):
    case = new_case(D("2025-03-03"))
    workflow.request_correction(
        case,
        on=D("2025-03-04"),
        served_on=D("2025-03-04"),
        method="post",
        by=officer,
        note="身份证明",
    )
    workflow.receive_correction(case, on=D("2025-03-10"), by=officer)
    html = client_for(officer).get(case.get_absolute_url()).content.decode()
    row = clock_row(html, "申请人补正")
    assert "按期办结" in row and "逾期未补正" not in row


def test_lapse_is_recorded_on_the_clock_itself(new_case, officer):
    """The kernel knows the outcome, so the deadline board and any clock table read it too."""
    case = new_case(D("2025-03-03"))
    workflow.request_correction(
        case,
        on=D("2025-03-04"),
        served_on=D("2025-03-04"),
        method="post",
        by=officer,
        note="身份证明",
    )
    assert workflow.deem_abandoned(case, today=D("2025-03-19")) is True
    clock = clocks.get(case, specs_for(case).correction_response)
    assert (clock.outcome, clock.status_label) == ("lapsed", "逾期未补正（视为放弃）")
    # The acceptance review stopped the same day is not a lapse of the applicant's period.
    review = clocks.get(case, specs_for(case).acceptance_review)
    assert review.outcome == "" and review.status_label != "逾期未补正（视为放弃）"


def test_application_period_label_is_on_the_clock(new_case, officer):
    late = new_case(D("2024-10-09"), knew_of_act_on=D("2024-08-02"))
    in_time = new_case(D("2025-04-30"), knew_of_act_on=D("2025-03-01"))
    assert clocks.get(late, specs_for(late).application_period).status_label == "超过申请期限"
    assert clocks.get(in_time, specs_for(in_time).application_period).status_label == "在申请期限内"


def test_migration_records_outcomes_on_existing_clocks(new_case, officer):
    import importlib

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    from fazhi.clocks.models import Clock

    name = "0007_clock_outcomes"
    module = importlib.import_module(f"fazhi.ledgers.reconsideration.migrations.{name}")
    state_apps = MigrationLoader(connection).project_state(("reconsideration", name)).apps
    abandoned = new_case(D("2025-03-03"))
    workflow.request_correction(
        abandoned,
        on=D("2025-03-04"),
        served_on=D("2025-03-04"),
        method="post",
        by=officer,
        note="身份证明",
    )
    workflow.deem_abandoned(abandoned, today=D("2025-03-19"))
    late = new_case(D("2024-10-09"), knew_of_act_on=D("2024-08-02"))
    # As before the fields existed (test data, not a transition).
    for clock in Clock.objects.all():
        clock.outcome = clock.outcome_label = ""
        clock.save(update_fields=["outcome", "outcome_label"])
    module.backfill(state_apps, None)
    lapsed = clocks.get(abandoned, specs_for(abandoned).correction_response)
    assert (lapsed.outcome, lapsed.status_label) == ("lapsed", "逾期未补正（视为放弃）")
    assert clocks.get(late, specs_for(late).application_period).status_label == "超过申请期限"
    review = clocks.get(abandoned, specs_for(abandoned).acceptance_review)
    assert (review.outcome, review.outcome_label) == ("", "")
