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


# --- rule 3: the applicant's 补正 period runs from receipt of the notice ------------------------


def _docx_text(content: bytes) -> str:
    import io

    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def test_correction_period_runs_from_service_not_issue(new_case, officer):
    from fazhi.ledgers.reconsideration.documents import correction_notice

    case = new_case(D("2025-03-03"))
    workflow.request_correction(case, on=D("2025-03-04"), by=officer, note="身份证明")
    spec = specs_for(case).correction_response
    assert clocks.get(case, spec) is None  # not served yet: no period, no lapse
    assert workflow.deem_abandoned(case, today=D("2025-04-30")) is False
    text = _docx_text(correction_notice(case))
    assert "自收到本通知之日起10个工作日内提交补正材料" in text and "前）" not in text
    with pytest.raises(workflow.TransitionError, match="请选择送达方式"):
        workflow.serve_correction(case, on=D("2025-03-07"), by=officer)
    with pytest.raises(workflow.TransitionError, match="不能早于补正通知日期"):
        workflow.serve_correction(case, on=D("2025-03-03"), method="post", by=officer)
    workflow.serve_correction(case, on=D("2025-03-07"), method="post", by=officer)
    case.refresh_from_db()
    assert (case.correction_served_on, case.correction_service_method) == (D("2025-03-07"), "post")
    # 10 working days from Friday 7 March (not counted): Friday 21 March.
    assert clocks.due(case, spec) == D("2025-03-21")
    assert workflow.deem_abandoned(case, today=D("2025-03-21")) is False
    text = _docx_text(correction_notice(case))
    assert "本通知于2025年3月7日送达，补正期限至2025年3月21日（含当日）" in text
    assert "行政复议法》第三十一条" in text
    assert audit.transitions(case)[-1] == "correction_served"
    with pytest.raises(workflow.TransitionError, match="已于2025年3月7日送达"):
        workflow.serve_correction(case, on=D("2025-03-08"), method="post", by=officer)
    assert workflow.deem_abandoned(case, today=D("2025-03-24")) is True


def test_service_recorded_with_the_notice(new_case, officer):
    case = new_case(D("2025-03-03"))
    workflow.request_correction(
        case, on=D("2025-03-04"), served_on=D("2025-03-05"), method="in_person", by=officer
    )
    assert clocks.due(case, specs_for(case).correction_response) == D("2025-03-19")
    assert "serve_correction" not in [t.code for t in workflow.available(case, officer)]


# --- rule 4: 延期 only by the 复议机构负责人 (Art. 62(1); 2017 Art. 31: 复议机关负责人) -------------


def _answer_requested(new_case, officer, received="2025-03-03", **kw):  # noqa: ANN001, ANN003, ANN201
    case = new_case(D(received), **kw)
    workflow.accept(case, on=case.received_on + dt.timedelta(days=2), by=officer)
    workflow.send_copy(case, on=case.accepted_on + dt.timedelta(days=1), by=officer)
    return case


def test_extension_only_by_the_head_of_the_reconsideration_body(
    new_case, officer, head, coordinator, county, police
):
    from fazhi.org.models import Role
    from tests.conftest import make_user

    governor = make_user("governor", Role.LEADER, county, None, full_name="孙县长")
    police_chief = make_user("police_chief", Role.LEADER, county, police, full_name="钱局长")
    case = _answer_requested(new_case, officer)
    for user in (coordinator, governor, police_chief, officer):
        assert "extend" not in [t.code for t in workflow.available(case, user)]
        with pytest.raises(workflow.TransitionError, match="行政复议机构负责人.*批准"):
            workflow.extend(case, on=D("2025-04-01"), days=30, by=user, note="案情复杂")
    case.refresh_from_db()
    assert case.extended_on is None
    assert "extend" in [t.code for t in workflow.available(case, head)]
    workflow.extend(case, on=D("2025-04-01"), days=30, by=head, note="案情复杂")
    assert case.extension_approved_by == head


def test_2017_extension_by_the_head_of_the_government(new_case, officer, head, county):
    from fazhi.org.models import Role
    from tests.conftest import make_user

    governor = make_user("governor", Role.LEADER, county, None, full_name="孙县长")
    case = _answer_requested(new_case, officer, received="2023-06-01")
    assert case.law_version == "2017"
    assert "extend" not in [t.code for t in workflow.available(case, head)]
    workflow.extend(case, on=D("2023-07-20"), days=30, by=governor, note="案情复杂")
    assert case.extension_approved_by == governor


# --- rule 5: 中止 grounds are Art. 39's; ending after 60 days only for items (一)(二)(四) ---------


def test_suspension_needs_a_statutory_ground(new_case, officer):
    case = _answer_requested(new_case, officer)
    with pytest.raises(workflow.TransitionError, match="请选择中止审理的法定情形"):
        workflow.suspend(case, on=D("2025-03-10"), reason="等待其他案件结果", by=officer)
    workflow.suspend(
        case, on=D("2025-03-10"), ground="other_case", reason="等待（2025）示行初1号", by=officer
    )
    case.refresh_from_db()
    assert (case.suspension_ground, case.suspension_reason) == (
        "other_case",
        "等待（2025）示行初1号",
    )
    pause = clocks.get(case, specs_for(case).decision).pauses.get()
    assert pause.reason.startswith("（八）审理需要以其他案件的审理结果为依据")


@pytest.mark.parametrize(
    ("ground", "allowed"),
    [
        ("applicant_died", True),
        ("incapacitated", True),
        ("organisation_ended", True),
        ("missing", False),
        ("other_case", False),
        ("mediation", False),
    ],
)
def test_termination_after_60_days_only_for_items_one_two_four(new_case, officer, ground, allowed):
    case = _answer_requested(new_case, officer)
    workflow.suspend(case, on=D("2025-03-10"), ground=ground, by=officer)
    end = dict(reason="suspension_lapsed", on=D("2025-05-12"), by=officer)
    if allowed:
        workflow.terminate(case, **end)
        assert case.state == State.CONCLUDED
    else:
        with pytest.raises(workflow.TransitionError, match="第四十一条第五项.*请恢复审理"):
            workflow.terminate(case, **end)
        case.refresh_from_db()
        assert case.state == State.SUSPENDED


# --- rule 6: ordinary procedure hears the parties before the decision (Art. 49) ---------------


def test_ordinary_decision_needs_opinions_heard(new_case, officer):
    case = _answer_requested(new_case, officer)
    workflow.record_answer(case, on=D("2025-03-14"), by=officer)
    with pytest.raises(
        workflow.TransitionError, match="应当听取当事人的意见（行政复议法第四十九条）"
    ):
        workflow.decide(case, outcome="upheld", on=D("2025-04-01"), by=officer)
    case.refresh_from_db()
    assert case.state == State.UNDER_REVIEW
    workflow.hold_hearing(case, on=D("2025-03-20"), form="opinions", by=officer)
    workflow.decide(case, outcome="upheld", on=D("2025-04-01"), by=officer)
    assert case.state == State.CONCLUDED


def test_opinions_prevented_by_the_party_is_recorded(new_case, officer):
    case = _answer_requested(new_case, officer)
    with pytest.raises(workflow.TransitionError, match="请写明因当事人原因"):
        workflow.record_opinions_prevented(case, on=D("2025-03-10"), by=officer)
    workflow.record_opinions_prevented(
        case, on=D("2025-03-10"), by=officer, note="三次电话联系申请人未果"
    )
    assert audit.transitions(case)[-1] == "opinions_prevented"
    codes = [t.code for t in workflow.available(case, officer)]
    assert "record_opinions_prevented" not in codes
    workflow.decide(case, outcome="upheld", on=D("2025-04-01"), by=officer)
    assert case.state == State.CONCLUDED


def test_simplified_and_2017_cases_may_be_decided_in_writing(new_case, officer):
    simplified = _answer_requested(new_case, officer, procedure=Procedure.SIMPLIFIED)
    workflow.decide(simplified, outcome="upheld", on=D("2025-03-20"), by=officer)
    old = _answer_requested(new_case, officer, received="2023-06-01")
    workflow.decide(old, outcome="upheld", on=D("2023-07-01"), by=officer)
    assert simplified.state == old.state == State.CONCLUDED


# --- rule 7: a 2017 case is accepted on the day of receipt (2017 Art. 17(2)) --------------------


def test_2017_case_accepted_as_of_receipt(new_case, officer):
    case = new_case(D("2023-06-01"))
    workflow.accept(case, on=D("2023-06-06"), by=officer)
    case.refresh_from_db()
    assert case.accepted_on == D("2023-06-01")
    # 60 days from 1 June 2023: 31 July (a Monday).
    assert clocks.due(case, specs_for(case).decision) == D("2023-07-31")
    entry = case.history.order_by("-history_date", "-history_id").first()
    assert "第十七条第二款" in entry.history_change_reason
    new = new_case(D("2025-03-03"))
    workflow.accept(new, on=D("2025-03-05"), by=officer)
    assert new.accepted_on == D("2025-03-05")  # 2023 text: the day the officer accepted


# --- rule 8: 驳回复议请求 and 责令履行 only for 不履行法定职责; the 2017 outcome list -----------------


@pytest.mark.parametrize("outcome", ["claims_rejected", "ordered_to_perform"])
def test_performance_outcomes_only_for_failure_to_act(new_case, officer, outcome):
    penalty = _answer_requested(new_case, officer, procedure=Procedure.SIMPLIFIED)
    with pytest.raises(workflow.TransitionError, match="只适用于申请人认为被申请人不履行法定职责"):
        workflow.decide(penalty, outcome=outcome, on=D("2025-03-20"), by=officer)
    penalty.refresh_from_db()
    assert penalty.state == State.ANSWER_REQUESTED
    failure = _answer_requested(
        new_case, officer, procedure=Procedure.SIMPLIFIED, act_category="nonperformance"
    )
    workflow.decide(failure, outcome=outcome, on=D("2025-03-20"), by=officer)
    assert failure.outcome == outcome


def test_2017_case_has_no_claims_rejected(new_case, officer):
    case = _answer_requested(
        new_case, officer, received="2023-06-01", act_category="nonperformance"
    )
    with pytest.raises(workflow.TransitionError, match="实施条例第四十八条"):
        workflow.decide(case, outcome="claims_rejected", on=D("2023-07-01"), by=officer)
    workflow.decide(case, outcome="application_dismissed", on=D("2023-07-01"), by=officer)
    assert case.outcome == "application_dismissed"


# --- rule 9: the application period (Arts. 20–21) ------------------------------------------------


def _period(case):  # noqa: ANN001, ANN202
    return workflow.application_period(case)


def test_posted_application_is_filed_on_its_postmark(new_case):
    # Knew on 2 Aug 2024: 60 days end 1 Oct, National Day, rolled to 8 Oct.
    case = new_case(
        D("2024-10-11"), knew_of_act_on=D("2024-08-02"), channel="post", posted_on=D("2024-10-08")
    )
    period = _period(case)
    assert period.late is False
    assert "本申请于2024年10月8日交邮（2024年10月11日收到，在途时间不计），在期限内" in period.text
    assert clocks.get(case, specs_for(case).application_period).status_label == "在申请期限内"
    assert workflow.late_refusal_reason(case) == ""


def test_obstacle_pauses_the_period(new_case):
    # Knew 1 March 2025; hospitalised 10–29 March (20 days not counted): 60 days end 20 May.
    case = new_case(
        D("2025-05-20"),
        knew_of_act_on=D("2025-03-01"),
        obstacle_from=D("2025-03-10"),
        obstacle_to=D("2025-03-29"),
    )
    period = _period(case)
    assert period.due_on == D("2025-05-20") and period.late is False
    assert "因障碍耽误的期间不计入" in period.text
    without = new_case(D("2025-05-20"), knew_of_act_on=D("2025-03-01"))
    assert _period(without).late is True


def test_not_told_of_the_right_counts_from_learning_capped_at_a_year(new_case):
    told_late = new_case(
        D("2025-06-20"),
        knew_of_act_on=D("2025-01-10"),
        right_not_told=True,
        learned_of_right_on=D("2025-05-06"),
    )
    assert _period(told_late).late is False  # 60 days from 6 May
    capped = new_case(
        D("2026-01-12"),
        knew_of_act_on=D("2025-01-10"),
        right_not_told=True,
        learned_of_right_on=D("2025-12-20"),
    )
    period = _period(capped)
    assert period.cap_on == D("2026-01-10") and period.late is True
    assert "最长至2026年1月10日（知道该行政行为之日起一年）" in period.text
    assert "申请期限至2026年1月10日届满" in workflow.late_refusal_reason(capped)


def test_outer_limits_five_and_twenty_years(new_case):
    five = new_case(D("2025-03-03"), knew_of_act_on=D("2025-02-01"), act_made_on=D("2020-02-01"))
    assert _period(five).outer_on == D("2025-02-01") and _period(five).late is True
    assert "第二十一条、第三十条" in workflow.late_refusal_reason(five)
    land = new_case(
        D("2025-03-03"),
        knew_of_act_on=D("2025-02-01"),
        act_made_on=D("2020-02-01"),
        real_property=True,
        act_category="expropriation",
    )
    assert _period(land).outer_on == D("2040-02-01") and _period(land).late is False


def test_period_facts_are_checked_on_the_form(county, justice_bureau, officer):
    from fazhi.ledgers.reconsideration.forms import CaseForm

    form = CaseForm(
        data={
            "received_on": "2025-03-03",
            "channel": "in_person",
            "procedure": "ordinary",
            "respondent_name": "示例县公安局",
            "act_category": "penalty",
            "act_description": "罚款",
            "knew_of_act_on": "2025-02-01",
            "posted_on": "2025-02-28",
            "obstacle_from": "2025-02-10",
            "learned_of_right_on": "2025-02-20",
        },
        jurisdiction=county,
    )
    assert not form.is_valid()
    assert form.errors["posted_on"] == ["只有邮寄的申请才填写邮寄日期（邮戳日期）"]
    assert form.errors["obstacle_to"] == ["耽误申请期限的障碍须填写发生日和消除日"]
    assert form.errors["learned_of_right_on"] == [
        "仅在作出行政行为时未告知申请复议权利的情形下填写"
    ]


def test_period_citation_is_article_20_3_not_21():
    import inspect

    from fazhi.ledgers.reconsideration import clocks as recon_clocks

    source = inspect.getsource(recon_clocks)
    assert "one-year cap when the right was not told is Art. 20(3)" in source
    assert "notified (Art. 21)" not in source


def test_period_row_plainly_in_time_while_the_calendar_is_unconfirmed(new_case, officer):
    """Received 14 days after knowing of the act: in time, whatever 2027's calendar says."""
    case = new_case(D("2026-12-04"), knew_of_act_on=D("2026-11-20"))
    period = _period(case)
    assert period.due_on is None  # 60 days end in January 2027, whose calendar is not loaded
    assert period.late is False
    assert period.text.endswith("本申请于2026年12月4日收到，在期限内")
    assert "待日历确认" not in period.text
    assert clocks.get(case, specs_for(case).application_period).status_label == "在申请期限内"
    html = Client()
    html.force_login(officer)
    row = html.get(case.get_absolute_url()).content.decode()
    assert "在期限内" in row and "能否在期限内待日历确认" not in row


# --- rule 10: the answer period runs from the respondent's receipt of the copy (Arts. 48, 54) ---


def test_answer_period_runs_from_receipt_of_the_copy(new_case, officer):
    from fazhi.ledgers.reconsideration.documents import DOCUMENTS, answer_notice

    case = new_case(D("2025-03-03"))
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    ready = {d.code for d in DOCUMENTS if d.ready(case)}
    assert "answer" not in ready  # not before the copy is recorded as sent
    workflow.send_copy(case, on=D("2025-03-06"), by=officer)
    spec = specs_for(case).respondent_answer
    assert clocks.get(case, spec) is None
    assert "answer" in {d.code for d in DOCUMENTS if d.ready(case)}
    text = _docx_text(answer_notice(case))
    assert "自收到申请书副本之日起10个工作日内，提出书面答复" in text
    with pytest.raises(workflow.TransitionError, match="不能早于发送副本日期"):
        workflow.serve_copy(case, on=D("2025-03-05"), by=officer)
    workflow.serve_copy(case, on=D("2025-03-10"), by=officer)
    # 10 working days from Monday 10 March (not counted): Monday 24 March.
    assert clocks.due(case, spec) == D("2025-03-24")
    text = _docx_text(answer_notice(case))
    assert "你单位于2025年3月10日收到副本，答复期限至2025年3月24日（含当日）" in text
    assert "第四十八条" in text
    assert "serve_copy" not in [t.code for t in workflow.available(case, officer)]


def test_copy_service_recorded_with_the_copy(new_case, officer):
    case = new_case(D("2025-03-03"), procedure=Procedure.SIMPLIFIED)
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    with pytest.raises(workflow.TransitionError, match="不能早于发送副本日期"):
        workflow.send_copy(case, on=D("2025-03-06"), served_on=D("2025-03-05"), by=officer)
    workflow.send_copy(case, on=D("2025-03-06"), served_on=D("2025-03-07"), by=officer)
    # Simplified: 5 working days from Friday 7 March: Friday 14 March.
    assert clocks.due(case, specs_for(case).respondent_answer) == D("2025-03-14")


# --- the case page names the roles and shows the new facts -------------------------------------


def test_case_page_names_the_handler_as_the_reconsideration_clerk(new_case, officer):
    case = new_case(D("2025-03-03"), handler=officer)
    workflow.request_correction(case, on=D("2025-03-04"), by=officer, note="身份证明")
    client = Client()
    client.force_login(officer)
    html = client.get(case.get_absolute_url()).content.decode()
    assert '<th>复议机构承办人</th><td id="case-handler">李承办（司法局）</td>' in html
    assert "尚未登记送达" in html


# --- import: the 补正 service date and the 中止 ground ---------------------------------------------


def test_import_reads_the_service_date_and_the_suspension_ground(officer, police):
    from fazhi.imports import registry
    from fazhi.imports.importer import run_import
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase
    from tests.xlsx import workbook_bytes

    spec = registry.get("reconsideration")
    base = {
        "申请方式": "邮寄",
        "申请人": "赵六",
        "申请人类型": "自然人",
        "被申请人": "示例县公安局",
        "被申请人部门": "公安局",
        "行政行为类别": "行政处罚",
        "被申请复议的行政行为": "罚款决定",
    }
    rows = [
        {
            **base,
            "收到申请日期": D("2025-03-03"),
            "补正通知日期": D("2025-03-04"),
            "补正通知送达日期": D("2025-03-06"),
        },
        {
            **base,
            "收到申请日期": D("2025-03-03"),
            "受理日期": D("2025-03-05"),
            "中止日期": D("2025-03-20"),
            "中止情形": "（一）作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议",
        },
    ]
    bad = [
        {
            **base,
            "收到申请日期": D("2025-03-03"),
            "补正通知日期": D("2025-03-04"),
            "补正通知送达日期": D("2025-03-03"),
            "中止情形": "（三）作为申请人的公民下落不明",
        }
    ]
    headers = [c.header for c in spec.columns]
    ctx = spec.context(officer)
    report = run_import(spec, workbook_bytes(headers, bad), by=officer, context=ctx)
    assert sorted(str(p) for p in report.problems) == [
        "第2行“中止情形”：填写了中止情形，请填写中止日期",
        "第2行“补正通知送达日期”：送达日期早于补正通知日期",
    ]
    report = run_import(spec, workbook_bytes(headers, rows), by=officer, context=ctx)
    assert report.created == 2, [str(p) for p in report.problems]
    waiting, suspended = ReconsiderationCase.objects.order_by("id")
    assert waiting.correction_served_on == D("2025-03-06")
    assert clocks.due(waiting, specs_for(waiting).correction_response) == D("2025-03-20")
    assert suspended.suspension_ground == "applicant_died"
