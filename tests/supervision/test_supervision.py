"""督查督办 / 整改台账: the 办结时限 clocks (hand-computed), the 销号 gate, the office's approvals,
indicators against hand counts, the part-2 paragraph, the evidence page, import errors, api."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.casework.transitions import TransitionError
from fazhi.imports.importer import run_import
from fazhi.indicators.compute import evaluate
from fazhi.indicators.scope import Scope
from fazhi.ledgers.supervision import api, workflow
from fazhi.ledgers.supervision.clocks import spec_for
from fazhi.ledgers.supervision.importers import SPEC
from fazhi.ledgers.supervision.indicators import FIGURES, build_shortcomings
from fazhi.ledgers.supervision.models import SupervisionItem, SupervisionNotice
from fazhi.ledgers.supervision.states import Area, Kind, LimitKind, Source, State
from fazhi.org.models import Department, Jurisdiction, Role, User
from tests.conftest import make_user
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
P = "supervision."


@pytest.fixture
def new(county: Jurisdiction, justice_bureau: Department, police: Department, coordinator: User):
    def make(
        assigned: str = "2025-03-03",
        *,
        number: str = "示督办〔2025〕1号",
        source: str = Source.LEADER_INSTRUCTION,
        issued: str | None = None,
        reuse: bool = True,
        **kw: Any,
    ) -> SupervisionItem:
        found = SupervisionNotice.objects.filter(jurisdiction=county, notice_number=number)
        notice = (found.first() if reuse else None) or SupervisionNotice(
            jurisdiction=county,
            notice_number=number,
            source=source,
            title="关于督办有关事项的通知",
            issued_on=D(issued or assigned),
            office=justice_bureau,
        )
        fields = {
            "kind": Kind.MATTER,
            "task": "制定城区停车泊位增设方案",
            "limit_kind": LimitKind.WORKING_DAYS,
            "time_limit_days": 20,
            **kw,
        }
        item = SupervisionItem(
            jurisdiction=county,
            notice=notice,
            office=justice_bureau,
            lead_department=police,
            assigned_on=D(assigned),
            **fields,
        )
        return workflow.receive(item, by=coordinator)

    return make


def pdf(name: str = "整改报告.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 evidence", content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(tmp_path: Path):
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        yield


def close_on_evidence(item: SupervisionItem, by: User, *, acked: str, done: str, closed: str):
    workflow.acknowledge(item, on=D(acked), by=by)
    workflow.add_evidence(item, [pdf()], on=D(done), by=by)
    workflow.request_closure(item, on=D(done), by=by, note="已办结")
    workflow.close(item, on=D(closed), by=by)


# --- clocks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("assigned", "kw", "due", "why"),
    [
        # A date limit on National Day 2025 (10-01..10-08 off) rolls to Thursday 10-09.
        (
            "2025-09-20",
            {"limit_kind": "date", "time_limit_on": D("2025-10-01")},
            "2025-10-09",
            "顺延",
        ),
        # A plain date limit: the date itself.
        (
            "2025-03-03",
            {"limit_kind": "date", "time_limit_on": D("2025-04-30")},
            "2025-04-30",
            "2025年4月30日",
        ),
        # 10 working days from Friday 2025-09-26: 9-28 (Sunday, 调休上班) 1, 9-29 2, 9-30 3,
        # [10-01..10-08 holiday], 10-09 4, 10-10 5, 10-11 (Saturday, 调休上班) 6, 10-13 7,
        # 10-14 8, 10-15 9, 10-16 10.
        (
            "2025-09-26",
            {"limit_kind": "working_days", "time_limit_days": 10},
            "2025-10-16",
            "10个工作日",
        ),
    ],
)
def test_completion_clock(new, assigned, kw, due, why):
    item = new(assigned, **kw)
    clock = clocks.get(item, spec_for(item))
    assert clock.due_on == D(due) and item.due_on == D(due)
    assert why in clock.explanation


def test_extension_is_the_offices_and_moves_the_limit(new, coordinator, county, police):
    dated = new(limit_kind="date", time_limit_on=D("2025-04-30"))
    clerk = make_user("jc", Role.LEGAL_OFFICER, county, police, full_name="公安法制员")
    with pytest.raises(TransitionError, match="延期须由交办单位批准"):
        workflow.extend(
            dated,
            on=D("2025-04-20"),
            extended_to=D("2025-05-30"),
            extension_days=None,
            by=clerk,
            note="理由",
        )
    with pytest.raises(TransitionError, match="延期后的办结日期须晚于原办结时限（2025年4月30日）"):
        workflow.extend(
            dated,
            on=D("2025-04-20"),
            extended_to=D("2025-04-30"),
            extension_days=None,
            by=coordinator,
            note="理由",
        )
    workflow.extend(
        dated,
        on=D("2025-04-20"),
        extended_to=D("2025-05-30"),
        extension_days=None,
        by=coordinator,
        note="资金未到位",
    )
    dated.refresh_from_db()
    assert dated.due_on == D("2025-05-30") and dated.extended_to == D("2025-05-30")
    assert clocks.get(dated, spec_for(dated)).extension_approved_by == "王法治"
    days = new("2025-03-03", number="示督办〔2025〕2号")  # 20 wd from 3-3 → 3-31
    assert days.due_on == D("2025-03-31")
    workflow.extend(
        days, on=D("2025-03-20"), extended_to=None, extension_days=5, by=coordinator, note="需协调"
    )
    days.refresh_from_db()
    assert days.due_on == D("2025-04-08")  # 4-4 清明 off: 4-1, 4-2, 4-3, 4-7, 4-8
    assert audit.transitions(days) == ["received", "extended"]


# --- gates --------------------------------------------------------------------------------------


def test_closing_without_evidence_is_refused_and_changes_nothing(new, coordinator):
    item = new()
    workflow.acknowledge(item, on=D("2025-03-04"), by=coordinator)
    with pytest.raises(TransitionError, match="没有办结（整改）佐证材料，不能销号"):
        workflow.request_closure(item, on=D("2025-03-20"), by=coordinator, note="已办结")
    item.refresh_from_db()
    assert item.state == State.HANDLING and item.requested_on is None
    assert audit.transitions(item) == ["received", "acknowledged"]
    with pytest.raises(TransitionError, match="请填写办理（整改）进展情况"):
        workflow.report_progress(item, on=D("2025-03-10"), by=coordinator, note="")
    workflow.report_progress(item, on=D("2025-03-10"), by=coordinator, note="已拟定方案")
    assert list(item.reports.values_list("content", flat=True)) == ["已拟定方案"]


def test_closing_is_the_offices_approval_and_stops_the_clock_on_the_request(
    new, coordinator, county, police
):
    item = new()  # due 2025-03-31
    workflow.acknowledge(item, on=D("2025-03-04"), by=coordinator)
    workflow.add_evidence(item, [pdf()], on=D("2025-03-28"), by=coordinator)
    workflow.request_closure(item, on=D("2025-03-28"), by=coordinator, note="方案已印发")
    clerk = make_user("jc", Role.LEGAL_OFFICER, county, police, full_name="公安法制员")
    with pytest.raises(TransitionError, match="销号须由交办单位审核"):
        workflow.close(item, on=D("2025-04-02"), by=clerk)
    workflow.return_request(item, on=D("2025-03-31"), by=coordinator, note="未附印发文件")
    workflow.request_closure(item, on=D("2025-04-01"), by=coordinator, note="已补充")
    workflow.close(item, on=D("2025-04-03"), by=coordinator)
    item.refresh_from_db()
    assert item.state == State.CLOSED and item.closed_by == coordinator
    clock = clocks.get(item, spec_for(item))
    assert clock.stopped_on == D("2025-04-01") and clock.due_on == D("2025-03-31")
    assert audit.transitions(item)[-5:] == [
        "evidence_added",
        "closure_requested",
        "closure_returned",
        "closure_requested",
        "closed",
    ]


def test_a_notice_number_must_keep_its_source_and_date(new, coordinator):
    new("2025-03-03")
    with pytest.raises(TransitionError, match="已登记（领导批示，2025年3月3日下发），与本次填写"):
        new("2025-03-05", source=Source.AUDIT, issued="2025-03-05", task="另一事项", reuse=False)
    assert SupervisionNotice.objects.count() == 1 and SupervisionItem.objects.count() == 1
    with pytest.raises(TransitionError, match="整改任务须填写督察、检查发现的问题"):
        new("2025-03-03", kind=Kind.RECTIFICATION, finding=" ")
    with pytest.raises(TransitionError, match="交办日期（2025年3月1日）不能早于通知下发日期"):
        new("2025-03-01", number="示督办〔2025〕9号", issued="2025-03-02")


# --- indicators and the report ------------------------------------------------------------------


def test_indicators_against_hand_counts(new, coordinator, county):
    a = new("2025-03-03")  # notice 1 (2025): closed in 2025
    close_on_evidence(a, coordinator, acked="2025-03-04", done="2025-03-20", closed="2025-03-25")
    new("2025-03-03", task="第二项")  # notice 1: open
    c = new("2025-12-01", number="示督办〔2025〕2号")  # notice 2: closed in 2026
    close_on_evidence(c, coordinator, acked="2025-12-02", done="2026-01-05", closed="2026-01-08")
    new("2025-01-10", number="示督办〔2024〕9号", issued="2024-12-30")  # 2024 notice, 2025 item
    new("2024-06-03", number="示督办〔2024〕3号")  # 2024
    scope = Scope.year(county, 2025)
    got = FIGURES.counts(scope)
    assert got == {P + "items": 4, P + "items_concluded": 1, P + "notices_issued": 2}
    assert got == FIGURES.counts_orm(scope)
    assert FIGURES.counts(Scope.year(county, 2024)) == {
        P + "items": 1,
        P + "items_concluded": 0,
        P + "notices_issued": 2,
    }
    assert FIGURES.rows(P + "notices_issued", scope).count() == 3  # the items of the 2 notices
    snap = evaluate(scope, jurisdiction=county, year=2025)
    assert snap[P + "completion_rate"].text == "25.0%"


def test_part_two_names_the_findings_and_their_state(new, coordinator, county, market):
    found = dict(
        kind=Kind.RECTIFICATION,
        limit_kind="date",
        number="示督办〔2025〕5号",
        source=Source.RULE_OF_LAW_INSPECTION,
    )
    late = new(
        "2025-09-15",
        area=Area.ENFORCEMENT,
        finding="部分执法案卷文书不规范",
        task="开展案卷评查",
        time_limit_on=D("2025-11-14"),
        **found,
    )
    done = new(
        "2025-09-15",
        area=Area.ENFORCEMENT,
        finding="执法公示信息更新不及时",
        task="建立季度更新制度",
        time_limit_on=D("2025-11-14"),
        **found,
    )
    close_on_evidence(done, coordinator, acked="2025-09-16", done="2025-10-20", closed="2025-10-22")
    new(
        "2025-09-15",
        area=Area.DECISIONS,
        finding="重大行政决策目录未按时公布",
        task="公布目录",
        time_limit_on=D("2026-01-31"),
        **found,
    )  # rolls to Monday 2-2
    new("2025-09-15", task="普通督办事项", number="示督办〔2025〕6号")  # not a finding
    assert late.due_on == D("2025-11-14")
    (text,) = build_shortcomings(Scope.year(county, 2025))
    assert text.startswith("对照法治督察、巡视巡察、审计和上级督察反馈的问题")
    assert "{{fig:supervision.items}}" in text and "{{fig:supervision.completion_rate}}" in text
    assert (
        "一是行政执法方面：部分执法案卷文书不规范（公安局负责，整改时限2025年11月14日，已超期尚未完成）；"
        "执法公示信息更新不及时（公安局负责，已于2025年10月22日整改销号）。"
    ) in text
    assert (
        "二是重大行政决策方面：重大行政决策目录未按时公布（公安局负责，正在整改，时限2026年2月2日）。"
        in text
    )  # 1-31 is a Saturday
    assert "普通督办事项" not in text
    assert build_shortcomings(Scope.year(county, 2023)) == []


def test_report_draft_has_both_sentences(new, coordinator, county):
    from fazhi.reports.draft import draft
    from fazhi.reports.reconcile import hand_typed_numbers

    new(
        "2025-09-15",
        kind=Kind.RECTIFICATION,
        area=Area.DISCLOSURE,
        finding="依申请公开答复格式不统一",
        limit_kind="date",
        time_limit_on=D("2025-10-31"),
    )
    report = draft(county, 2025, by=coordinator)
    part1, part2 = report.parts.get(number=1).text, report.parts.get(number=2).text
    assert "{{fig:supervision.notices_issued}}" in part1 and "强化督查督办" in part1
    assert "依申请公开答复格式不统一（公安局负责，整改时限2025年10月31日，已超期尚未完成）" in part2
    assert hand_typed_numbers(part2) == []  # every number in the paragraph is a linked figure


# --- pages --------------------------------------------------------------------------------------


def test_evidence_page_keeps_the_file_and_refuses_a_bad_one(new, coordinator):
    item = new()
    workflow.acknowledge(item, on=D("2025-03-04"), by=coordinator)
    client = Client()
    client.force_login(coordinator)
    url = reverse("supervision:evidence", args=[item.pk])
    resp = client.post(url, {"evidence": [SimpleUploadedFile("a.exe", b"MZ")]})
    assert "文件“a.exe”的类型不允许上传" in resp.content.decode()
    assert item.evidence.count() == 0
    resp = client.post(url, {"evidence": [pdf("整改报告.pdf"), pdf("照片.pdf")]})
    assert resp.status_code == 302
    assert list(item.evidence.values_list("name", flat=True)) == ["整改报告.pdf", "照片.pdf"]
    html = client.get(item.get_absolute_url()).content.decode()
    assert "整改报告.pdf" in html and "上传佐证材料" in html
    f = item.evidence.first()
    got = client.get(reverse("supervision:evidence_file", args=[item.pk, f.pk]))
    assert b"".join(got.streaming_content) == b"%PDF-1.4 evidence"
    assert audit.transitions(item)[-1] == "evidence_added"


def test_api_finds_an_item_by_number_within_the_jurisdiction(new, county, other_county):
    item = new(kind=Kind.RECTIFICATION, finding="执法文书不规范")
    ref = api.item_by_number(county.pk, f" {item.case_number} ")
    assert ref is not None and ref.pk == item.pk and ref.state_label == "已交办（待签收）"
    assert ref.lead_department == "公安局" and ref.url == item.get_absolute_url()
    assert api.item_by_number(other_county.pk, item.case_number) is None
    assert [r.pk for r in api.rectifications_in(county.pk, 2025)] == [item.pk]


# --- import -------------------------------------------------------------------------------------

HEADERS = [
    "督办通知文号",
    "来源",
    "通知标题",
    "通知下发日期",
    "类型",
    "发现的问题",
    "督办事项（整改任务）",
    "责任单位",
    "交办日期",
    "办结时限方式",
    "限定办结日期",
    "办结时限（工作日）",
    "销号日期",
]


def _row(**kw: Any) -> dict[str, Any]:
    base = {
        "督办通知文号": "示督办〔2025〕3号",
        "来源": "领导批示",
        "通知标题": "关于督办停车难问题的通知",
        "通知下发日期": dt.date(2025, 3, 3),
        "类型": "督办事项",
        "督办事项（整改任务）": "制定停车泊位增设方案",
        "责任单位": "公安局",
        "交办日期": dt.date(2025, 3, 3),
        "办结时限方式": "工作日数",
        "办结时限（工作日）": 20,
    }
    return {**base, **kw}


def test_import_is_all_or_nothing_with_row_errors(coordinator, police):
    rows = [
        _row(),
        _row(**{"来源": "审计"}),
        _row(**{"销号日期": dt.date(2025, 3, 20)}),
        _row(**{"类型": "整改任务", "责任单位": "不存在局"}),
        _row(
            **{
                "办结时限方式": "限定日期",
                "办结时限（工作日）": None,
                "限定办结日期": dt.date(2025, 3, 1),
            }
        ),
    ]
    report = run_import(
        SPEC, workbook_bytes(HEADERS, rows), by=coordinator, context=SPEC.context(coordinator)
    )
    assert [str(p) for p in report.problems] == [
        "第3行“督办通知文号”：通知“示督办〔2025〕3号”的来源、标题或下发日期与第2行不一致",
        "第4行“销号日期”：销号须上传佐证材料并经交办单位审核，不能通过导入销号，请留空",
        "第5行“发现的问题”：整改任务须填写督察、检查发现的问题",
        "第5行“责任单位”：本区划没有名为“不存在局”的部门",
        "第6行“限定办结日期”：限定办结日期（2025年3月1日）须晚于交办日期（2025年3月3日）",
    ]
    assert SupervisionItem.objects.count() == 0 and SupervisionNotice.objects.count() == 0
    report = run_import(
        SPEC,
        workbook_bytes(HEADERS, [rows[0], _row(**{"督办事项（整改任务）": "公布泊位"})]),
        by=coordinator,
        context=SPEC.context(coordinator),
    )
    assert report.ok and report.created == 2
    assert SupervisionNotice.objects.get().notice_number == "示督办〔2025〕3号"
    first = SupervisionItem.objects.order_by("id").first()
    assert first.case_number == "示督〔2025〕1号" and first.due_on == D("2025-03-31")


def test_the_create_form_registers_the_notice_once_and_refuses_a_conflicting_one(
    coordinator, police, justice_bureau
):
    client = Client()
    client.force_login(coordinator)
    url = reverse("supervision:create")
    form = {
        "notice_number": "示督办〔2025〕7号",
        "notice_source": "meeting_decision",
        "notice_title": "关于落实常务会议议定事项的督办通知",
        "notice_issued_on": "2025-03-03",
        "kind": "rectification",
        "area": "enforcement",
        "finding": "执法文书不规范",
        "task": "开展案卷评查",
        "office": justice_bureau.pk,
        "lead_department": police.pk,
        "assigned_on": "2025-03-04",
        "limit_kind": "date",
        "time_limit_on": "2025-04-30",
    }
    resp = client.post(url, form)
    assert resp.status_code == 302
    item = SupervisionItem.objects.get()
    assert item.notice.notice_number == "示督办〔2025〕7号" and item.due_on == D("2025-04-30")
    resp = client.post(url, {**form, "task": "第二项"})
    assert resp.status_code == 302 and SupervisionNotice.objects.count() == 1
    html = client.post(url, {**form, "notice_source": "audit", "task": "第三项"}).content.decode()
    assert "已登记（会议议定，2025年3月3日下发），与本次填写的来源或下发日期不一致" in html
    html = client.post(
        url, {**form, "task": "第四项", "finding": "", "time_limit_on": "2025-03-01"}
    ).content.decode()
    assert "整改任务须填写督察、检查发现的问题" in html
    assert SupervisionItem.objects.count() == 2
