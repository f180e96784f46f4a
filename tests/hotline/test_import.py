"""12345热线 import: idempotent by ticket number, all or nothing, a saved platform mapping, .csv."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.imports import registry
from fazhi.imports.importer import run_import
from fazhi.ledgers.hotline.clocks import REPLY
from fazhi.ledgers.hotline.importers import SPEC, context_for
from fazhi.ledgers.hotline.mapping import mapping_problems
from fazhi.ledgers.hotline.models import HotlineTicket, PlatformMapping
from fazhi.ledgers.hotline.states import State
from fazhi.org.models import Department, User
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
HEADERS = [c.header for c in SPEC.columns]


def row(number: str = "SL001", **kw: Any) -> dict[str, Any]:
    base = {
        "工单编号": number,
        "受理日期": D("2025-03-03"),
        "诉求类型": "投诉",
        "诉求标题": "路灯不亮",
        "承办单位": "公安局",
        "派单日期": D("2025-03-03"),
        "回复日期": D("2025-03-07"),
        "评价结果": "满意",
        "办结日期": D("2025-03-10"),
    }
    base.update(kw)
    return {k: v for k, v in base.items() if v is not None}


@pytest.fixture
def office(county) -> Department:
    return Department.objects.create(jurisdiction=county, name="县政府办公室")


@pytest.fixture
def importer(coordinator: User, police: Department, office: Department) -> Any:
    def go(rows: list[dict[str, Any]], spec: Any = SPEC, data: bytes | None = None) -> Any:
        blob = data if data is not None else workbook_bytes([c.header for c in spec.columns], rows)
        return run_import(spec, blob, by=coordinator, context=context_for(coordinator))

    return go


def test_reimport_updates_never_duplicates(importer, coordinator, office):
    rows = [row("SL001"), row("SL002", 回复日期=None, 评价结果=None, 办结日期=None)]
    first = importer(rows)
    assert first.ok and (first.created, first.updated, first.unchanged) == (2, 0, 0)
    t1, t2 = HotlineTicket.objects.order_by("case_number")
    assert (t1.state, t1.rating, t1.office, t1.replied_on_time) == (
        State.CONCLUDED,
        "satisfied",
        office,
        True,  # 7 Mar is within 5 working days of 3 Mar (due 10 Mar)
    )
    assert t2.state == State.HANDLING and t2.reply_due_on == D("2025-03-10")
    assert clocks.due(t2, REPLY) == D("2025-03-10")  # the open ticket's clock runs
    assert audit.transitions(t1) == ["imported"]

    again = importer(rows)
    assert again.ok and (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert HotlineTicket.objects.count() == 2 and audit.transitions(t1) == ["imported"]

    rows[1] = row("SL002", 回复日期=D("2025-03-06"), 评价结果=None, 办结日期=None)
    third = importer(rows)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 1)
    t2.refresh_from_db()
    assert (t2.state, t2.replied_on) == (State.REPLIED, D("2025-03-06"))
    assert audit.transitions(t2) == ["imported", "imported"]
    assert clocks.get(t2, REPLY).state == "stopped"  # the platform says it was replied
    assert HotlineTicket.objects.count() == 2


def test_a_number_repeated_with_different_contents_saves_nothing(importer):
    report = importer([row("SL001"), row("SL009"), row("SL001", 诉求标题="噪音扰民")])
    assert [str(p) for p in report.problems] == [
        "第4行：工单编号“SL001”与第2行重复，但内容不同，请核对后只保留一行"
    ]
    assert report.rejected == 1 and HotlineTicket.objects.count() == 0
    same = importer([row("SL001"), row("SL001")])  # an identical repeat is one ticket
    assert same.ok and same.created == 1


def test_every_bad_row_is_listed_and_nothing_is_saved(importer):
    report = importer(
        [
            row("SL001", 承办单位="教育局"),
            row("SL002", 回复日期=D("2025-03-01")),
            row("SL003", 回复日期=None),
            row("SL004", 诉求类型="闲聊"),
        ]
    )
    assert [str(p) for p in report.problems] == [
        "第2行“承办单位”：本区划没有名为“教育局”的部门",
        "第3行“回复日期”：回复日期早于派单日期",
        "第4行“办结日期”：已填写办结日期，请填写回复日期",
        "第4行“评价结果”：已填写评价结果，请填写回复日期",
        "第5行“诉求类型”：“闲聊”不在可选项中（可选：咨询、求助、投诉、举报、意见建议、表扬）",
    ]
    assert report.rejected == 4 and HotlineTicket.objects.count() == 0


PLATFORM = {
    "case_number": "工单号",
    "received_on": "来电时间",
    "category": "诉求类别",
    "title": "标题",
    "department": "承办单位",
    "replied_on": "反馈时间",
    "rating": "满意度",
    "concluded_on": "办结时间",
}


def test_a_saved_mapping_reads_the_platforms_csv(importer, county):
    mapping = PlatformMapping.objects.create(
        name="示例省平台", columns=PLATFORM, values={"rating": {"非常满意": "satisfied"}}
    )
    spec = registry.get(f"hotline__{mapping.pk}")
    assert spec is not None and spec.foreign_export
    csv = (
        "工单号,来电时间,来电人电话,诉求类别,标题,承办单位,反馈时间,满意度,办结时间\n"
        "SD01,2025-03-03 08:12:00,13800000000,投诉,噪音,示例县公安局,2025-03-05 10:00:00,非常满意,2025-03-06 09:00:00\n"
    ).encode("gb18030")
    report = importer([], spec=spec, data=csv)
    assert report.ok and report.created == 1, report.problems
    t = HotlineTicket.objects.get()
    # No 派单时间 column: dispatched the day it was received.
    assert (t.rating, t.dispatched_on, t.department.name, t.state) == (
        "satisfied",
        D("2025-03-03"),
        "公安局",
        State.CONCLUDED,
    )
    missing = b"\xef\xbb\xbf\xe5\xb7\xa5\xe5\x8d\x95\xe5\x8f\xb7\nSD02\n"  # only 工单号
    report = importer([], spec=spec, data=missing)
    assert "第1行“来电时间”：缺少必填列“来电时间”" in [str(p) for p in report.problems]


def test_a_mapping_missing_a_required_column_says_which(coordinator, county):
    columns = {k: v for k, v in PLATFORM.items() if k != "received_on"}
    assert mapping_problems(columns, {}) == ["缺少必填列“受理日期”的对应列名"]
    assert mapping_problems({**PLATFORM, "title": "工单号"}, {}) == [
        "平台列名“工单号”同时对应“工单编号”和“诉求标题”"
    ]
    assert mapping_problems(PLATFORM, {"rating": {"一般": "so-so"}}) == [
        "“评价结果”的取值“一般”对应的“so-so”不在可选项中"
    ]
    broken = PlatformMapping.objects.create(name="旧版平台", columns=columns)
    good = PlatformMapping.objects.create(name="示例省平台", columns=PLATFORM)
    assert registry.get(f"hotline__{broken.pk}") is None
    client = Client()
    client.force_login(coordinator)
    page = client.get(reverse("hotline:import")).content.decode()
    assert "旧版平台 </span>" not in page
    assert "映射不可用：缺少必填列“受理日期”的对应列名" in page
    assert reverse("imports:upload", args=[f"hotline__{good.pk}"]) in page
    assert client.get(reverse("imports:upload", args=[f"hotline__{broken.pk}"])).status_code == 404


def test_a_mapping_of_another_county_cannot_be_used(county, other_county_officer):
    mapping = PlatformMapping.objects.create(
        name="示例县专用", columns=PLATFORM, jurisdiction=county
    )
    spec = registry.get(f"hotline__{mapping.pk}")
    assert spec is not None and spec.context is not None
    assert spec.context(other_county_officer) is None
