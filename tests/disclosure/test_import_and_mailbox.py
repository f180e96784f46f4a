"""依申请公开 import errors; 政府信箱: the reply clock, routing, publication, bad input, the
figures against hand counts (the public/non-public partition) and the public page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit
from fazhi.casework.transitions import TransitionError
from fazhi.imports.importer import run_import
from fazhi.indicators.scope import Scope
from fazhi.ledgers.disclosure.importers import SPEC as DISCLOSURE_SHEET
from fazhi.ledgers.disclosure.models import DisclosureRequest
from fazhi.ledgers.mailbox import workflow
from fazhi.ledgers.mailbox.importers import SPEC as MAILBOX_SHEET
from fazhi.ledgers.mailbox.indicators import FIGURES
from fazhi.ledgers.mailbox.models import MailboxLetter, State
from fazhi.org.models import Department, Jurisdiction, User
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
P = "mailbox."


def test_disclosure_import_is_all_or_nothing_with_row_errors(
    coordinator: User, justice_bureau: Department
) -> None:
    headers = [
        "受理机关（部门）",
        "申请人",
        "申请人类别",
        "申请公开的政府信息",
        "提交方式",
        "签收或确认日期",
        "处理结果",
        "具体情形",
        "答复（办结）日期",
        "按期答复",
    ]
    good = [
        "司法局",
        "张三",
        "自然人",
        "法律援助经费",
        "当面提交",
        D("2025-03-03"),
        "予以公开",
        "",
        D("2025-03-20"),
        "是",
    ]
    rows = [
        good,
        [
            "司法局",
            "李四",
            "商业企业",
            "某批复",
            "传真",
            D("2025-03-05"),
            "不予公开",
            "",
            D("2025-03-25"),
            "是",
        ],
        ["不存在局", "王五", "自然人", "某文件", "互联网渠道", D("2025-03-06"), "", "", None, ""],
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(
        DISCLOSURE_SHEET, data, by=coordinator, context=DISCLOSURE_SHEET.context(coordinator)
    )
    assert [str(p) for p in report.problems] == [
        "第3行“具体情形”：处理结果为“不予公开”的，请选择具体情形（理由）",
        "第4行“受理机关（部门）”：本区划没有名为“不存在局”的部门",
    ]
    assert DisclosureRequest.objects.count() == 0
    report = run_import(
        DISCLOSURE_SHEET,
        workbook_bytes(headers, [dict(zip(headers, good, strict=True))]),
        by=coordinator,
        context=DISCLOSURE_SHEET.context(coordinator),
    )
    assert report.ok and report.created == 1
    req = DisclosureRequest.objects.get()
    assert (req.case_number, req.received_on, req.state, req.answered_on_time) == (
        "示依公开〔2025〕1号",
        D("2025-03-03"),
        "answered",
        True,
    )


@pytest.fixture
def letter(county: Jurisdiction, justice_bureau: Department, coordinator: User) -> Any:
    def make(on: str = "2025-03-03", public: bool = True) -> MailboxLetter:
        return workflow.receive(
            MailboxLetter(
                jurisdiction=county,
                department=justice_bureau,
                writer_name="王五",
                subject="路灯维修",
                content="东街路灯损坏。",
                wants_public=public,
                received_on=D(on),
            ),
            by=coordinator,
        )

    return make


def test_reply_limit_is_five_working_days_and_configurable(letter: Any, settings: Any) -> None:
    # Received Friday 26 September 2025: Sunday 28 Sep is a 补班 day (1), 29, 30 Sep (2, 3);
    # 国庆中秋 1–8 October; 9, 10 October (4, 5).
    assert letter("2025-09-26").reply_due_on == D("2025-10-10")
    # Ten: then Saturday 11 October (补班, 6) and 13–16 October (7–10).
    settings.MAILBOX_REPLY_DAYS = 10
    assert letter("2025-09-26").reply_due_on == D("2025-10-16")


def test_reply_route_publish_and_bad_input(letter: Any, coordinator: User) -> None:
    a, b, c = letter(), letter(public=False), letter()
    with pytest.raises(TransitionError, match="写信人未同意公开"):
        workflow.reply(b, on=D("2025-03-05"), reply_text="已维修。", publish=True, by=coordinator)
    with pytest.raises(TransitionError, match="请填写回复内容"):
        workflow.reply(a, on=D("2025-03-05"), reply_text="  ", publish=False, by=coordinator)
    with pytest.raises(TransitionError, match="最多延长10个工作日"):
        workflow.extend(a, on=D("2025-03-04"), extension_days=11, approver="赵", by=coordinator)
    b.refresh_from_db()
    assert b.state == State.RECEIVED and len(audit.transitions(b)) == 1
    workflow.reply(a, on=D("2025-03-05"), reply_text="已维修。", publish=True, by=coordinator)
    workflow.reply(b, on=D("2025-03-12"), reply_text="已维修。", publish=False, by=coordinator)
    workflow.route(
        c,
        on=D("2025-03-04"),
        route="petition",
        route_ref="信访2025-8",
        reply_text="已转信访局办理。",
        by=coordinator,
    )
    for x in (a, b, c):
        x.refresh_from_db()
    assert (a.published_on, a.replied_on_time) == (D("2025-03-05"), True)
    assert (b.published_on, b.replied_on_time) == (None, False)  # due 10 March
    assert (c.state, c.route, c.route_ref) == (State.ROUTED, "petition", "信访2025-8")
    with pytest.raises(TransitionError, match="写信人未同意公开"):
        workflow.publish(b, on=D("2025-03-13"), by=coordinator)


def test_figures_match_hand_counts_and_the_partition_holds(
    letter: Any, coordinator: User, county: Jurisdiction
) -> None:
    a, b, c, _open = (
        letter("2025-03-03"),
        letter("2025-03-04", public=False),
        letter("2025-12-30"),
        letter("2025-12-31"),
    )
    letter("2024-12-30")  # last year's
    workflow.reply(a, on=D("2025-03-05"), reply_text="已办。", publish=True, by=coordinator)
    workflow.reply(b, on=D("2025-03-06"), reply_text="已办。", publish=False, by=coordinator)
    workflow.route(
        c, on=D("2026-01-04"), route="disclosure", route_ref="", reply_text="已转。", by=coordinator
    )
    got = FIGURES.counts(Scope.year(county, 2025))
    assert got[P + "letters_received"] == 4
    assert got[P + "letters_concluded"] == 2  # c was routed in 2026
    assert (got[P + "letters_public"], got[P + "letters_nonpublic"]) == (1, 3)
    assert got[P + "letters_public"] + got[P + "letters_nonpublic"] == got[P + "letters_received"]
    assert got[P + "reply_time_limit"] == 5


def test_public_page_shows_published_letters_only(letter: Any, coordinator: User) -> None:
    a, b = letter(), letter()
    workflow.reply(
        a, on=D("2025-03-05"), reply_text="路灯已于3月5日修复。", publish=True, by=coordinator
    )
    workflow.reply(
        b, on=D("2025-03-05"), reply_text="不公开的回复。", publish=False, by=coordinator
    )
    html = Client().get(reverse("mailbox:public") + "?j=990102").content.decode()
    assert "路灯已于3月5日修复。" in html and "不公开的回复" not in html and "王五" not in html


def test_mailbox_import_checks_publication(coordinator: User, justice_bureau: Department) -> None:
    headers = [
        "承办单位",
        "写信人",
        "信件标题",
        "信件内容",
        "写信人同意公开",
        "收信日期",
        "回复内容",
        "回复（办结）日期",
        "按期回复",
        "公开日期",
    ]
    rows = [
        [
            "司法局",
            "王五",
            "路灯",
            "东街路灯坏了",
            "否",
            D("2025-03-03"),
            "已修",
            D("2025-03-05"),
            "是",
            D("2025-03-06"),
        ]
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(
        MAILBOX_SHEET, data, by=coordinator, context=MAILBOX_SHEET.context(coordinator)
    )
    assert [str(p) for p in report.problems] == ["第2行“公开日期”：写信人未同意公开，不能公开"]
    assert MailboxLetter.objects.count() == 0


def test_proactive_counts_import_from_the_portal_export(
    coordinator: User, justice_bureau: Department, county: Jurisdiction
) -> None:
    from fazhi.ledgers.disclosure.importers import PROACTIVE_SPEC
    from fazhi.ledgers.disclosure.models import ProactiveItem

    headers = ["年度", "公开机关（部门）", "类别", "条数", "数据来源"]
    rows = [
        [2025, "", "规划、计划（第二十条第三项）", 36, "门户网站导出"],
        [2025, "", "政策类、动态类信息", 800, "门户网站导出"],
        [2025, "", "规划、计划（第二十条第三项）", 5, "门户网站导出"],
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(
        PROACTIVE_SPEC, data, by=coordinator, context=PROACTIVE_SPEC.context(coordinator)
    )
    assert [str(p) for p in report.problems] == ["第4行“类别”：与第2行重复（同一机关、年度、类别）"]
    assert ProactiveItem.objects.count() == 0
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows[:2]])
    report = run_import(
        PROACTIVE_SPEC, data, by=coordinator, context=PROACTIVE_SPEC.context(coordinator)
    )
    assert report.ok and report.created == 2
    from fazhi.ledgers.disclosure.indicators import FIGURES as DISCLOSURE_FIGURES

    got = DISCLOSURE_FIGURES.counts(Scope.year(county, 2025))
    assert (got["disclosure.proactive_items"], got["disclosure.news_items"]) == (36, 800)
