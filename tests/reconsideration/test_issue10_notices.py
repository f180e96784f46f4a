"""Issue 10, notices: the six old and four new notices read back with python-docx for their cited
articles and dates."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from fazhi import clocks
from fazhi.ledgers.reconsideration import documents as docs
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.clocks import specs_for

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def ready(case) -> set[str]:  # noqa: ANN001
    return {d.code for d in docs.DOCUMENTS if d.ready(case)}


def accepted(new_case, officer, received="2025-03-03", on="2025-03-05", **kw):  # noqa: ANN001, ANN003, ANN201
    case = new_case(D(received), **kw)
    workflow.accept(case, on=D(on), by=officer)
    return case


def reviewed(new_case, officer, **kw):  # noqa: ANN001, ANN003, ANN201
    case = accepted(new_case, officer, **kw)
    workflow.send_copy(case, on=case.accepted_on + dt.timedelta(days=1), by=officer)
    return case


# --- 不予受理决定书 -------------------------------------------------------------------------------


def test_refusal_names_the_6_month_suit_period_and_says_refused_once(new_case, officer):
    case = new_case(D("2024-10-09"), knew_of_act_on=D("2024-08-02"))
    workflow.refuse(case, on=D("2024-10-10"), by=officer, note=workflow.late_refusal_reason(case))
    body = text(docs.refusal_decision(case))
    assert body.count("决定不予受理") == 1
    assert "申请期限至2024年10月8日届满" in body
    assert "6个月内" in body and "《中华人民共和国行政诉讼法》第四十六条" in body
    assert "15日内" not in body
    assert "《中华人民共和国行政复议法》第三十条的规定，本机关决定不予受理" in body


def test_refusal_where_review_comes_first_and_for_lack_of_jurisdiction(new_case, officer):
    case = new_case(D("2025-03-03"), review_first=True)
    workflow.refuse(
        case,
        on=D("2025-03-05"),
        competent_body="示例市人民政府",
        by=officer,
        note="被申请人系市政府工作部门，不属于本机关管辖，决定不予受理。",
    )
    body = text(docs.refusal_decision(case))
    assert body.count("决定不予受理") == 1
    assert (
        "可以向有管辖权的示例市人民政府提出行政复议申请（《中华人民共和国行政复议法》第三十条第二款）"
        in body
    )
    assert "自收到本决定书之日起15日内" in body and "第三十四条" in body
    assert "第四十六条" not in body


# --- 受理通知书 ----------------------------------------------------------------------------------


def test_acceptance_notice_shows_the_unextended_60_days(new_case, officer, head):
    case = reviewed(new_case, officer)
    # 60 days from 5 March 2025 is 4 May, in the Labour Day holiday (1–5 May): 6 May.
    before = text(docs.acceptance_notice(case))
    assert "自受理之日起60日内，即至2025年5月6日（含当日）" in before
    assert "第六十二条第一款" in before and "第三十条" in before
    workflow.extend(case, on=D("2025-04-20"), days=30, by=head, note="案情复杂")
    after = text(docs.acceptance_notice(case))
    assert "即至2025年5月6日（含当日）" in after and "2025年6月3日" not in after
    extension = text(docs.extension_notice(case))
    assert "延长30日，至2025年6月3日（含当日）" in extension
    assert "行政复议机构负责人批准" in extension and "第六十二条第一款" in extension


def test_provisional_date_when_the_calendar_is_unconfirmed(new_case, officer):
    case = accepted(new_case, officer, received="2026-11-16", on="2026-11-20")
    body = text(docs.acceptance_notice(case))
    assert "（期限待日历确认）" not in body and "（（" not in body
    assert (
        "即至2027年1月19日（含当日；暂定：2027年节假日安排尚未公布，按仅扣除周末计算，"
        "如遇法定节假日顺延）"
    ) in body


# --- 2017 cases cite the 2017 text ----------------------------------------------------------------


def test_2017_notices_cite_the_2017_articles(new_case, officer, county):
    from fazhi.org.models import Role
    from tests.conftest import make_user

    case = new_case(D("2023-06-01"))
    workflow.request_correction(case, on=D("2023-06-02"), by=officer, note="身份证明")
    correction = text(docs.correction_notice(case))
    assert "《中华人民共和国行政复议法实施条例》第二十九条" in correction
    assert "自收到本通知之日起10日内提交补正材料" in correction
    workflow.receive_correction(case, on=D("2023-06-05"), by=officer)
    workflow.accept(case, on=D("2023-06-06"), by=officer)
    acceptance = text(docs.acceptance_notice(case))
    assert "（2017年修正）第十七条" in acceptance and "第三十一条" in acceptance
    assert "第六十二条" not in acceptance
    workflow.send_copy(case, on=D("2023-06-07"), served_on=D("2023-06-08"), by=officer)
    answer = text(docs.answer_notice(case))
    assert "（2017年修正）第二十三条" in answer and "10日内" in answer
    assert "答复期限至2023年6月19日（含当日）" in answer  # 10 days from 8 June: Sunday 18 → 19
    governor = make_user("governor", Role.LEADER, county, None, full_name="孙县长")
    workflow.extend(case, on=D("2023-07-20"), days=30, by=governor, note="案情复杂")
    extension = text(docs.extension_notice(case))
    assert "（2017年修正）第三十一条第一款" in extension and "本机关负责人批准" in extension
    assert "第六十二条" not in extension
    skeleton = text(docs.decision_skeleton(case))
    assert "（2017年修正）第（　）条" in skeleton


# --- the four new notices ------------------------------------------------------------------------


def test_suspension_and_resumption_notices(new_case, officer):
    case = reviewed(new_case, officer)
    assert not {"suspension", "resumption"} & ready(case)
    workflow.suspend(
        case, on=D("2025-03-10"), ground="other_case", reason="等待（2025）示行初1号", by=officer
    )
    assert "suspension" in ready(case) and "resumption" not in ready(case)
    body = text(docs.suspension_notice(case))
    assert "审理需要以其他案件的审理结果为依据" in body and "等待（2025）示行初1号" in body
    assert "第三十九条" in body and "自2025年3月10日起中止审理" in body
    workflow.resume(case, on=D("2025-03-20"), by=officer)
    body = text(docs.resumption_notice(case))
    assert "自2025年3月20日起恢复审理" in body and "2025年3月10日中止审理" in body
    # 60 days from 5 March, 10 days of 中止 (10–19 March) not counted: 14 May.
    assert "本案审理期限至2025年5月14日（含当日）" in body


def test_hearing_notice(new_case, officer):
    case = reviewed(new_case, officer)
    workflow.schedule_hearing(case, on=D("2025-03-28"), notice_on=D("2025-03-18"), by=officer)
    assert "hearing" in ready(case)
    body = text(docs.hearing_notice(case))
    assert "于2025年3月28日举行听证" in body and "第五十一条" in body
    # Five working days before Friday 28 March: Friday 21 March.
    assert "即2025年3月21日前（含当日）送达当事人" in body
    assert body.rstrip().endswith("2025年3月18日")


def test_termination_decision(new_case, officer):
    case = reviewed(new_case, officer)
    workflow.suspend(case, on=D("2025-03-10"), ground="applicant_died", by=officer)
    workflow.terminate(case, reason="suspension_lapsed", on=D("2025-05-12"), by=officer)
    assert "termination" in ready(case)
    body = text(docs.termination_decision(case))
    assert "中止审理满60日，中止的原因仍未消除" in body
    assert "第四十一条第五项" in body and "终止本案行政复议" in body
    assert body.rstrip().endswith("2025年5月12日")


def test_mediation_agreement(new_case, officer):
    case = reviewed(new_case, officer)
    workflow.mediate(case, on=D("2025-03-25"), by=officer, note="被申请人将罚款调整为一千元")
    assert "mediation" in ready(case)
    body = text(docs.mediation_agreement(case))
    assert "当事人自愿达成如下协议：被申请人将罚款调整为一千元" in body
    assert "第七十三条" in body and body.rstrip().endswith("2025年3月25日")


# --- 第三人 (Art. 16) on the case and on the notices to the parties ----------------------------


def test_third_party_is_addressed_by_the_notices(new_case, officer, head):
    case = reviewed(new_case, officer)
    with pytest.raises(workflow.TransitionError, match="请填写第三人姓名"):
        workflow.add_third_party(case, on=D("2025-03-10"), name=" ", by=officer)
    workflow.add_third_party(case, on=D("2025-03-10"), name="李四", notified=True, by=officer)
    with pytest.raises(workflow.TransitionError, match="李四已是本案第三人"):
        workflow.add_third_party(case, on=D("2025-03-11"), name="李四", by=officer)
    assert [t.name for t in case.third_parties.all()] == ["李四"]
    entry = case.history.order_by("-history_date", "-history_id").first()
    assert "通知李四作为第三人参加行政复议" in entry.history_change_reason
    workflow.extend(case, on=D("2025-04-20"), days=30, by=head, note="案情复杂")
    assert "张三、示例县公安局、李四：" in text(docs.extension_notice(case))
    workflow.schedule_hearing(case, on=D("2025-04-28"), by=officer)
    assert "张三、示例县公安局、李四：" in text(docs.hearing_notice(case))
    assert "第三人：李四。" in text(docs.decision_skeleton(case))


def test_2017_acceptance_notice_leaves_out_the_correction_time(new_case, officer):
    case = new_case(D("2023-06-01"))
    workflow.request_correction(case, on=D("2023-06-02"), by=officer, note="身份证明")
    workflow.receive_correction(case, on=D("2023-06-05"), by=officer)
    workflow.accept(case, on=D("2023-06-06"), by=officer)
    # 60 days from 1 June, the 补正 days 2–5 June not counted (条例 Art. 29): 4 August 2023.
    assert clocks.due(case, specs_for(case).decision) == D("2023-08-04")
    assert "即至2023年8月4日（含当日）" in text(docs.acceptance_notice(case))
