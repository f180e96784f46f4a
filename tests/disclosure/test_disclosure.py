"""依申请公开: receipt by channel, the gold clocks driven through the workflow, the lapse, bad
input, the documents, indicators and the annual table against hand counts, the import, the links."""

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
from fazhi.indicators.scope import Scope
from fazhi.ledgers.disclosure import annual, workflow
from fazhi.ledgers.disclosure.clocks import (
    CORRECTION_NOTICE,
    REPLY,
    THIRD_PARTY_OPINION,
    correction_period,
)
from fazhi.ledgers.disclosure.documents import reply_notice
from fazhi.ledgers.disclosure.indicators import FIGURES
from fazhi.ledgers.disclosure.models import DisclosureRequest
from fazhi.ledgers.disclosure.states import Channel, Ground, ReplyType, State
from fazhi.lib.gongwen import docx_text
from fazhi.org.models import Department, Jurisdiction, User

D = dt.date.fromisoformat
P = "disclosure."


@pytest.fixture
def new(county: Jurisdiction, justice_bureau: Department, coordinator: User) -> Any:
    def make(
        on: str = "2025-03-03", channel: str = Channel.IN_PERSON, **kw: Any
    ) -> DisclosureRequest:
        req = DisclosureRequest(
            jurisdiction=county,
            department=justice_bureau,
            applicant_name=kw.pop("applicant_name", "张三"),
            applicant_kind=kw.pop("applicant_kind", "natural_person"),
            subject="城区道路改造项目预算",
            channel=channel,
            evidence_on=D(on),
            **kw,
        )
        return workflow.receive(req, by=coordinator)

    return make


# --- receipt by channel (Art. 31) ---------------------------------------------------------------


def test_receipt_date_follows_the_channel_and_its_evidence(new: Any) -> None:
    # An ordinary letter posted on 3 March and confirmed with the applicant on 6 March is received
    # on the 6th; 20 working days from then: 7 Mar (1), 10–14 (2–6), 17–21 (7–11), 24–28 (12–16),
    # 31 Mar–3 Apr (17–20); 清明 4–6 April is after the last day. Due 3 April 2025.
    req = new("2025-03-06", Channel.ORDINARY_LETTER, submitted_on=D("2025-03-03"))
    assert req.received_on == D("2025-03-06")
    assert req.reply_due_on == D("2025-04-03")
    assert "与申请人确认之日2025年3月6日为收到申请之日" in req.receipt_explanation
    assert "第三十一条第二项" in req.receipt_explanation
    assert "2025年3月3日提交（寄出），不以该日起算" in req.receipt_explanation
    post = new("2025-03-05", Channel.REGISTERED_POST, submitted_on=D("2025-03-03"))
    assert post.received_on == D("2025-03-05")
    assert "签收之日" in post.receipt_explanation
    online = new("2025-03-04", Channel.ONLINE)
    assert (
        "双方确认之日" in online.receipt_explanation
        and "第三十一条第三项" in online.receipt_explanation
    )


def test_evidence_before_submission_is_refused(new: Any) -> None:
    with pytest.raises(TransitionError, match="不能早于申请人提交"):
        new("2025-03-02", Channel.REGISTERED_POST, submitted_on=D("2025-03-03"))
    assert DisclosureRequest.objects.count() == 0


# --- the gold cases of clock-cases.json, through the workflow ---------------------------------


def _gold(shared_dir: Path) -> dict[str, Any]:
    cases = json.loads((shared_dir / "spec" / "clock-cases.json").read_text("utf-8"))["cases"]
    return {c["id"]: c for c in cases if c["ledger"] == "gov_info_request"}


def test_gold_reply_over_a_makeup_saturday(shared_dir: Path, new: Any) -> None:
    c = _gold(shared_dir)["gov-info-reply-20wd-friday-start-makeup-saturday"]
    req = new(c["start_date"])
    assert req.reply_due_on == D(c["expected_due"]) == D("2024-06-06")


def test_gold_correction_notice_over_labour_day(shared_dir: Path, new: Any) -> None:
    c = _gold(shared_dir)["gov-info-correction-notice-7wd-labour-day"]
    req = new(c["start_date"])
    assert clocks.due(req, CORRECTION_NOTICE) == D(c["expected_due"]) == D("2025-05-12")


def test_gold_correction_restarts_the_reply(shared_dir: Path, new: Any, coordinator: User) -> None:
    c = _gold(shared_dir)["gov-info-reply-restart-after-correction"]
    req = new(c["start_date"])
    workflow.request_correction(
        req, on=D("2025-03-05"), correction_items="请写明项目名称", by=coordinator
    )
    req.refresh_from_db()
    assert req.state == State.CORRECTION
    assert clocks.get(req, REPLY).state == "paused"
    # the 7-wd notice period was met: notice on day 2
    assert clocks.get(req, CORRECTION_NOTICE).stopped_on <= clocks.due(req, CORRECTION_NOTICE)
    workflow.receive_correction(req, on=D(c["restart"]["date"]), by=coordinator)
    req.refresh_from_db()
    assert req.reply_due_on == D(c["expected_due"]) == D("2025-04-18")
    assert "2025年3月20日" in clocks.get(req, REPLY).explanation


def test_gold_third_party_consultation_is_paused_out(
    shared_dir: Path, new: Any, coordinator: User
) -> None:
    c = _gold(shared_dir)["gov-info-reply-third-party-pause"]
    req = new(c["start_date"])
    pause = c["pauses"][0]
    workflow.consult(
        req,
        on=D(pause["from"]),
        consultee_kind="third_party",
        consultee_name="某建筑公司",
        consultation_served_on=None,
        by=coordinator,
    )
    req.refresh_from_db()
    assert req.state == State.CONSULTING
    workflow.record_opinion(req, on=D(pause["to"]), opinion="disagree", by=coordinator)
    req.refresh_from_db()
    assert req.reply_due_on == D(c["expected_due"]) == D("2024-10-25")


def test_gold_extension_over_spring_festival(shared_dir: Path, new: Any, coordinator: User) -> None:
    c = _gold(shared_dir)["gov-info-reply-extended-20wd-spring-festival-2025"]
    req = new(c["start_date"])
    assert req.reply_due_on == D("2025-01-14")
    workflow.extend(
        req,
        on=D("2025-01-10"),
        extension_days=20,
        head_approved=True,
        approver="赵主任",
        notified_on=D("2025-01-10"),
        by=coordinator,
    )
    req.refresh_from_db()
    assert req.reply_due_on == D(c["expected_due"]) == D("2025-02-17")
    assert req.extension_days == 20 and req.extension_approver == "赵主任"


def test_gold_restart_pause_and_extension(shared_dir: Path, new: Any, coordinator: User) -> None:
    c = _gold(shared_dir)["gov-info-reply-restart-pause-and-extension"]
    req = new(c["start_date"])
    workflow.request_correction(
        req, on=D("2026-01-06"), correction_items="补充地块编号", by=coordinator
    )
    workflow.receive_correction(req, on=D("2026-01-12"), by=coordinator)
    workflow.consult(
        req,
        on=D("2026-01-20"),
        consultee_kind="other_agency",
        consultee_name="示例县自然资源局",
        consultation_served_on=None,
        by=coordinator,
    )
    workflow.record_opinion(req, on=D("2026-02-06"), opinion="agree", by=coordinator)
    workflow.extend(
        req,
        on=D("2026-02-10"),
        extension_days=20,
        head_approved=True,
        approver="赵主任",
        notified_on=D("2026-02-10"),
        by=coordinator,
    )
    req.refresh_from_db()
    assert req.reply_due_on == D(c["expected_due"]) == D("2026-04-02")


def test_gold_third_party_opinion_period(shared_dir: Path, new: Any, coordinator: User) -> None:
    c = _gold(shared_dir)["gov-info-third-party-opinion-15wd-spring-festival-2026"]
    req = new("2026-01-26")
    workflow.consult(
        req,
        on=D("2026-01-29"),
        consultee_kind="third_party",
        consultee_name="李四",
        consultation_served_on=D(c["start_date"]),
        by=coordinator,
    )
    assert clocks.due(req, THIRD_PARTY_OPINION) == D(c["expected_due"]) == D("2026-02-27")


def test_fee_notice_pauses_the_reply_until_payment(new: Any, coordinator: User) -> None:
    # Received Mon 9 June 2025 (after 端午). Unpaused, day 20 is 7 July. Fee notice Wed 11 June,
    # paid Fri 13 June: 11–13 June do not count, so day 20 moves three working days to 10 July.
    req = new("2025-06-09")
    assert req.reply_due_on == D("2025-07-07")
    workflow.notify_fee(
        req, on=D("2025-06-11"), fee_by_request=None, fee_by_volume=50, by=coordinator
    )
    req.refresh_from_db()
    assert (req.state, req.fee_basis, req.fee_fen) == (State.AWAITING_FEE, "per_volume", 5000)
    workflow.pay_fee(req, on=D("2025-06-13"), by=coordinator)
    req.refresh_from_db()
    assert req.reply_due_on == D("2025-07-10")


def test_per_request_fee_bands() -> None:
    assert [workflow.per_request_fee_fen(n) for n in (1, 10, 11, 30, 31, 40, 41)] == [
        0,
        0,
        10000,
        10000,
        20000,
        20000,
        30000,
    ]


def test_silence_after_correction_is_deemed_abandoned(new: Any, coordinator: User) -> None:
    req = new("2025-03-03")
    workflow.request_correction(
        req,
        on=D("2025-03-04"),
        correction_items="请写明文件名称",
        correction_period_days=10,
        by=coordinator,
    )
    due = clocks.due(req, correction_period(10))
    assert due == D("2025-03-18")  # 5–7, 10–14, 17–18 March
    assert workflow.run_abandonment(D("2025-03-18")) == 0  # the last day is still the applicant's
    assert workflow.run_abandonment(D("2025-03-19")) == 1
    req.refresh_from_db()
    assert (req.state, req.reply_type, req.reply_ground) == (
        State.ABANDONED,
        ReplyType.OTHER,
        Ground.CORRECTION_OVERDUE,
    )
    assert req.replied_on == D("2025-03-19")
    assert clocks.get(req, correction_period(10)).outcome == "lapsed"
    assert workflow.run_abandonment(D("2025-03-20")) == 0  # idempotent


# --- bad input: a Chinese message and nothing saved --------------------------------------------


@pytest.mark.parametrize(
    ("step", "kwargs", "message"),
    [
        (
            "answer",
            {"on": "2025-03-02", "reply_type": "disclosed", "reply_ground": ""},
            "不能早于收到申请日期",
        ),
        (
            "answer",
            {"on": "2025-03-10", "reply_type": "withheld", "reply_ground": ""},
            "请选择具体情形",
        ),
        (
            "answer",
            {"on": "2025-03-10", "reply_type": "withheld", "reply_ground": "not_held"},
            "不属于“不予公开”",
        ),
        (
            "answer",
            {"on": "2025-03-10", "reply_type": "other", "reply_ground": "fee_unpaid"},
            "未发出收费通知",
        ),
        (
            "extend",
            {
                "on": "2025-03-10",
                "extension_days": 21,
                "head_approved": True,
                "approver": "赵",
                "notified_on": "2025-03-10",
            },
            "最多延长20个工作日",
        ),
        (
            "extend",
            {
                "on": "2025-03-10",
                "extension_days": 10,
                "head_approved": False,
                "approver": "赵",
                "notified_on": "2025-03-10",
            },
            "须经政府信息公开工作机构负责人同意",
        ),
        (
            "extend",
            {
                "on": "2025-03-10",
                "extension_days": 10,
                "head_approved": True,
                "approver": "赵",
                "notified_on": None,
            },
            "应当告知申请人",
        ),
        (
            "consult",
            {
                "on": None,
                "consultee_kind": "third_party",
                "consultee_name": "某公司",
                "consultation_served_on": None,
            },
            "请填写征求意见发函日期",
        ),
        (
            "notify_fee",
            {"on": "2025-03-10", "fee_by_request": 100, "fee_by_volume": 20},
            "不能同时按件和按量收取",
        ),
    ],
)
def test_bad_input_is_refused_in_chinese_and_changes_nothing(
    new: Any, coordinator: User, step: str, kwargs: dict[str, Any], message: str
) -> None:
    req = new("2025-03-03")
    before = (audit.transitions(req), clocks.clocks_for(req)[0].due_on)
    kw = {
        k: D(v) if isinstance(v, str) and k in ("on", "notified_on") else v
        for k, v in kwargs.items()
    }
    with pytest.raises(TransitionError, match=message):
        getattr(workflow, step)(req, by=coordinator, **kw)
    req.refresh_from_db()
    assert req.state == State.RECEIVED and req.reply_type == "" and req.extension_days is None
    assert req.fee_notice_on is None and req.consulted_on is None
    assert (audit.transitions(req), clocks.clocks_for(req)[0].due_on) == before


def test_correction_is_told_once(new: Any, coordinator: User) -> None:
    req = new("2025-03-03")
    workflow.request_correction(req, on=D("2025-03-04"), correction_items="名称", by=coordinator)
    workflow.receive_correction(req, on=D("2025-03-06"), by=coordinator)
    with pytest.raises(TransitionError, match="补正只能一次性告知"):
        workflow.request_correction(
            req, on=D("2025-03-07"), correction_items="又一项", by=coordinator
        )


# --- the reply and its 答复告知书 ------------------------------------------------------------------


def test_partial_reply_and_its_notice(new: Any, coordinator: User) -> None:
    req = new("2025-03-03")
    workflow.answer(
        req,
        on=D("2025-03-20"),
        reply_type="partially_disclosed",
        reply_ground="third_party",
        by=coordinator,
    )
    req.refresh_from_db()
    assert (req.state, req.answered_on_time) == (State.ANSWERED, True)
    text = docx_text(reply_notice(req))
    assert "政府信息公开申请答复告知书（部分公开）" in text
    assert "第三十七条" in text and "保护第三方合法权益" in text and "第十五条" in text
    assert "2025年3月20日作出本答复" in text and "至2025年3月31日" in text


# --- indicators and the annual table against hand counts --------------------------------------


@pytest.fixture
def year_rows(new: Any, coordinator: User) -> dict[str, DisclosureRequest]:
    """Hand-counted rows for 2025: one carried from 2024 and answered in 2025; one carried from
    2024 still open; four new (a company's answered late, a person's withheld, a law firm's
    open at the year end, a person's abandoned)."""
    rows = {
        "carried_answered": new("2024-12-20"),
        "carried_open": new("2024-12-23", applicant_kind="research"),
        "company": new("2025-02-03", applicant_kind="commercial"),
        "withheld": new("2025-04-01"),
        "law_firm": new("2025-12-15", applicant_kind="legal_service"),
        "abandoned": new("2025-05-06"),
        "next_year": new("2026-01-05"),
    }
    workflow.answer(
        rows["carried_answered"],
        on=D("2025-01-10"),
        reply_type="disclosed",
        reply_ground="",
        by=coordinator,
    )
    workflow.answer(
        rows["company"],
        on=D("2025-04-30"),
        reply_type="unable",
        reply_ground="not_held",
        by=coordinator,
    )
    workflow.answer(
        rows["withheld"],
        on=D("2025-04-15"),
        reply_type="withheld",
        reply_ground="process_info",
        by=coordinator,
    )
    workflow.request_correction(
        rows["abandoned"], on=D("2025-05-07"), correction_items="名称", by=coordinator
    )
    workflow.run_abandonment(D("2025-07-01"))
    return rows


def test_indicators_match_hand_counts(year_rows: Any, county: Jurisdiction) -> None:
    got = FIGURES.counts(Scope.year(county, 2025))
    assert got[P + "requests_received"] == 4
    assert got[P + "requests_answered"] == 4  # incl. the abandoned one (其他处理)
    assert got[P + "requests_answered_on_time"] == 3  # the company's reply (30 April) was late
    assert FIGURES.rows(P + "requests_answered", Scope.year(county, 2025)).count() == 4


def test_annual_table_adds_up_and_matches_hand_counts(year_rows: Any, county: Jurisdiction) -> None:
    report = annual.build(county, 2025)
    t = report.table3
    assert t["new"] == {
        "natural_person": 2,
        "commercial": 1,
        "research": 0,
        "public_interest": 0,
        "legal_service": 1,
        "other_org": 0,
        "total": 4,
    }
    assert (
        t["carried"]["natural_person"] == 1
        and t["carried"]["research"] == 1
        and t["carried"]["total"] == 2
    )
    assert t["disclosed"]["total"] == 1
    assert t["withheld:process_info"]["natural_person"] == 1
    assert t["unable:not_held"]["commercial"] == 1
    assert t["other:correction_overdue"]["natural_person"] == 1
    assert t["total"]["total"] == 4
    assert t["carry_forward"] == {
        "natural_person": 0,
        "commercial": 0,
        "research": 1,
        "public_interest": 0,
        "legal_service": 1,
        "other_org": 0,
        "total": 2,
    }
    assert report.issues == []
    # the checks catch a table that does not add up
    t["withheld:process_info"]["natural_person"] += 1
    messages = [i.message for i in annual.check_table3(t)]
    assert any("各类申请人之和为2，总计栏为1" in m for m in messages)
    assert (
        any("本年新收2 + 上年结转1 = 3，而办理结果总计3 + 结转下年度0 = 3" in m for m in messages)
        is False
    )
    assert any(i.check == "results_total" for i in annual.check_table3(t))


def test_annual_report_renders_as_docx_with_real_tables(
    year_rows: Any, county: Jurisdiction
) -> None:
    import io

    from docx import Document

    from fazhi.ledgers.disclosure.annual_render import to_docx, to_html

    report = annual.build(county, 2025)
    doc = Document(io.BytesIO(to_docx(report)))
    assert len(doc.tables) == 3
    t3 = doc.tables[1]
    assert t3.rows[0].cells[1].text == "申请人情况"
    labels = [r.cells[0].text for r in t3.rows]
    assert "一、本年新收政府信息公开申请数量" in labels and "四、结转下年度继续办理" in labels
    assert len(t3.rows) == 3 + 2 + 21 + 2
    html = to_html(report)
    assert "示例县人民政府2025年政府信息公开工作年度报告" in html and "勾稽核对" in html
    assert '<td colspan="7" rowspan="1">申请人情况</td>' in html
    assert '<td colspan="5" rowspan="1">行政复议</td>' in html


def test_public_report_page_needs_no_login(year_rows: Any, county: Jurisdiction) -> None:
    resp = Client().get(reverse("disclosure:annual") + "?j=990102&year=2025")
    assert resp.status_code == 200 and "三、收到和处理政府信息公开申请情况" in resp.content.decode()
    assert (
        Client().get(reverse("disclosure:annual") + "?j=990102&year=2025&format=docx").status_code
        == 302
    )


# --- links to 复议 and 诉讼 ----------------------------------------------------------------------


def test_a_request_links_to_the_review_it_led_to(
    new: Any,
    coordinator: User,
    county: Jurisdiction,
    justice_bureau: Department,
    police: Department,
) -> None:
    from fazhi.ledgers.reconsideration.ledger import sample as review_sample

    review = review_sample(county, justice_bureau, police, coordinator, D("2025-04-20"))
    req = new("2025-03-03", reconsideration_case=review)
    client = Client()
    client.force_login(coordinator)
    page = client.get(reverse("reconsideration:detail", args=[review.pk])).content.decode()
    assert 'id="linked-disclosure"' in page and req.case_number in page
    page = client.get(reverse("disclosure:detail", args=[req.pk])).content.decode()
    assert 'id="linked-reconsideration"' in page and review.case_number in page


def test_home_page_shows_the_annual_report_deadlines(coordinator: User) -> None:
    from fazhi.ledgers.disclosure.panels import report_year

    assert report_year(D("2026-03-31")) == 2025 and report_year(D("2026-04-01")) == 2026
    client = Client()
    client.force_login(coordinator)
    html = client.get(reverse("home")).content.decode()
    assert 'id="disclosure-deadlines"' in html and "人民政府向社会公布" in html


def test_part_one_paragraph_uses_catalog_ids(shared_dir: Path) -> None:
    from fazhi.indicators.sections import TOKEN_RE
    from fazhi.ledgers.disclosure.indicators import build_section
    from fazhi.ledgers.mailbox.indicators import build_section as mailbox_section

    catalog = json.loads((shared_dir / "spec" / "indicators.json").read_text("utf-8"))
    ids = {i["id"] for i in catalog["indicators"]}
    scope = Scope(frozenset({1}), D("2025-01-01"), D("2026-01-01"))
    tokens = TOKEN_RE.findall(" ".join(build_section(scope) + mailbox_section(scope)))
    assert len(tokens) == 13 and set(tokens) <= ids


def test_yearly_page_enters_proactive_counts(coordinator: User, county: Jurisdiction) -> None:
    from fazhi.ledgers.disclosure.models import ProactiveItem

    client = Client()
    client.force_login(coordinator)
    url = reverse("disclosure:yearly") + "?year=2025"
    assert client.get(url).status_code == 200
    form = {
        "form": "proactive",
        "year": 2025,
        "category": "plans",
        "count": 12,
        "evidence": "门户网站导出",
    }
    client.post(url, form)
    assert ProactiveItem.objects.get().count == 12
    resp = client.post(url, form)  # the same category and year again
    assert "该年度该类别已有数据" in resp.content.decode() and ProactiveItem.objects.count() == 1
    assert FIGURES.counts(Scope.year(county, 2025))[P + "proactive_items"] == 12


def test_yearly_page_registers_accounts_and_inspections(
    coordinator: User, county: Jurisdiction, justice_bureau: Department
) -> None:
    from fazhi.ledgers.disclosure.models import NewMediaAccount, NewMediaInspection

    client = Client()
    client.force_login(coordinator)
    url = reverse("disclosure:yearly") + "?year=2025"
    client.post(
        url,
        {
            "form": "account",
            "department": justice_bureau.pk,
            "name": "示例县司法局",
            "platform": "wechat",
            "opened_on": "2020-05-01",
        },
    )
    account = NewMediaAccount.objects.get()
    resp = client.post(
        url,
        {"form": "inspection", "account": account.pk, "inspected_on": "2025-03-15", "findings": ""},
    )
    assert (
        "检查不合格的，请填写发现的问题" in resp.content.decode()
        and NewMediaInspection.objects.count() == 0
    )
    client.post(
        url,
        {"form": "inspection", "account": account.pk, "inspected_on": "2025-03-15", "passed": "on"},
    )
    got = FIGURES.counts(Scope.year(county, 2025))
    assert (got[P + "new_media_accounts"], got[P + "new_media_inspected"]) == (1, 1)
