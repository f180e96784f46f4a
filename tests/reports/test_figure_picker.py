"""插入数据 in the part editor: the indicators with their current value for the report's own scope
(a unit's report counts that unit only), their 口径 and source; search by Chinese words; only for
those who may edit the parts (404 for anyone else); no English on screen but the token."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse

from fazhi.casework.registry import get
from fazhi.org.models import Department, Role
from fazhi.reports import workflow
from fazhi.reports.draft import draft, snapshot_for
from fazhi.reports.models import AnnualReport
from tests.conftest import make_user

RECEIVED = "{{fig:reconsideration.received}}"


@pytest.fixture
def cases(county, justice_bureau, police, market, coordinator) -> list[Any]:
    """Five 行政复议 applications received in 2025: three against 公安局, two against 市场监管局;
    one more in 2024, which no 2025 figure counts."""
    sample = get("reconsideration").sample
    days = ("2025-03-03", "2025-04-01", "2025-05-06", "2025-06-02", "2025-07-01")
    out = [
        sample(county, justice_bureau, dept, coordinator, dt.date.fromisoformat(on))
        for dept, on in zip((police, police, police, market, market), days, strict=True)
    ]
    sample(county, justice_bureau, police, coordinator, dt.date(2024, 12, 2))
    return out


@pytest.fixture
def police_clerk(police: Department):
    return make_user("police_clerk", Role.CLERK, police.jurisdiction, police, full_name="吴录入")


def _choices(client, report: AnnualReport, q: str = "") -> tuple[int, str]:
    resp = client.get(reverse("reports:figure_choices", args=[report.pk]), {"q": q})
    return resp.status_code, resp.content.decode()


def _row(html: str, indicator_id: str) -> str:
    m = re.search(rf'<li[^>]*data-indicator="{re.escape(indicator_id)}".*?</li>', html, re.S)
    assert m, f"{indicator_id} not listed"
    return m.group(0)


def _visible_text(html: str) -> str:
    """What a reader sees: no tags, attributes or the inserted token's <code>."""
    html = re.sub(r"<code[^>]*>.*?</code>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_a_row_has_the_chinese_name_the_value_for_the_report_its_basis_and_source(
    client, cases, county, coordinator
) -> None:
    report = draft(county, 2025)
    client.force_login(coordinator)
    status, html = _choices(client, report, "收到行政复议")
    assert status == 200
    row = _row(html, "reconsideration.received")
    assert "收到行政复议申请" in row and ">5件</span>" in row  # 2025 only: not the 2024 one
    assert "台账" in row and "行政复议" in row and RECEIVED in row
    assert f'data-fig-token="{RECEIVED}"' in row and ">插入</button>" in row
    rate = _row(_choices(client, report, "纠错率")[1], "reconsideration.correction_rate")
    assert "纠错率" in rate and "口径：纠错0件 ÷ 实体审结0件" in rate and ">—</span>" in rate


def test_search_filters_by_chinese_words_and_says_when_nothing_matches(
    client, cases, county, coordinator
) -> None:
    report = draft(county, 2025)
    client.force_login(coordinator)
    hotline = _choices(client, report, "热线")[1]
    assert 'data-indicator="hotline.tickets_received"' in hotline
    assert "reconsideration." not in hotline
    # Two words must both match: the ledger's name and the indicator's.
    both = _choices(client, report, "复议 撤销")[1]
    ids = re.findall(r'data-indicator="([^"]+)"', both)
    assert ids and all(i.startswith("reconsideration.") for i in ids)
    assert "reconsideration.received" not in ids
    many = _choices(client, report, "复议")[1]
    assert len(re.findall(r"data-indicator=", many)) == 20
    assert re.search(r"另有\d+项相符", many)
    assert "没有找到与“不存在的指标”相符的指标" in _choices(client, report, "不存在的指标")[1]


def test_the_default_list_shows_indicators_with_data_first(
    client, cases, county, coordinator
) -> None:
    report = draft(county, 2025)
    client.force_login(coordinator)
    html = _choices(client, report)[1]
    ids = re.findall(r'data-indicator="([^"]+)"', html)
    assert ids[0] == "reconsideration.received" and len(ids) == 20
    assert "无数据来源" not in html
    assert "有数据的指标" in html and re.search(r"另有\d+项有数据的指标", html)


def test_nothing_but_the_token_is_in_english(client, cases, county, coordinator) -> None:
    report = draft(county, 2025)
    client.force_login(coordinator)
    for q in ("", "复议", "热线", "无此指标"):
        text = _visible_text(_choices(client, report, q)[1])
        assert not re.search(r"[A-Za-z]", text), (q, re.findall(r"\S*[A-Za-z]+\S*", text)[:5])
    form = client.get(reverse("reports:part_edit", args=[report.pk, 4])).content.decode()
    assert "插入数据" in form and reverse("reports:figure_choices", args=[report.pk]) in form


def test_only_those_who_may_edit_the_parts_get_the_list(
    client, cases, county, coordinator, head, outsider, other_county_officer
) -> None:
    report = draft(county, 2025)
    for user in (head, outsider, other_county_officer):  # 审核 may read, not write
        client.force_login(user)
        assert _choices(client, report, "复议")[0] == 404, user
    client.force_login(coordinator)
    assert _choices(client, report)[0] == 200
    workflow.submit_for_review(report, by=coordinator)  # 审核: the text may still change
    assert _choices(client, report)[0] == 200
    reasons = {i.key: "已核实" for i in workflow.reconcile(report).blocking}
    workflow.approve(report, by=head, reasons=reasons, today=dt.date(2026, 2, 10))
    assert _choices(client, report)[0] == 404  # 定稿: no part can be edited


def test_a_unit_report_lists_the_units_own_count_as_saving_freezes_it(
    client, cases, county, police, coordinator, police_clerk
) -> None:
    report = draft(county, 2025, department=police)
    client.force_login(coordinator)  # the county's writer does not write a department's report
    assert _choices(client, report)[0] == 404
    client.force_login(police_clerk)
    row = _row(_choices(client, report, "收到行政复议申请")[1], "reconsideration.received")
    assert ">3件</span>" in row
    assert snapshot_for(report)["reconsideration.received"].text == "3件"
    resp = client.post(
        reverse("reports:part_edit", args=[report.pk, 4]),
        {"text": f"继续办理{RECEIVED}。"},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 200 and "继续办理" in resp.content.decode()
    assert ">3件</a>" in resp.content.decode()
    again = _row(_choices(client, report, "收到行政复议申请")[1], "reconsideration.received")
    assert "报告已引用" in again and "取数时" not in again  # frozen value equals today's


def test_a_figure_frozen_earlier_says_which_value_the_text_shows(
    client, cases, county, justice_bureau, police, coordinator
) -> None:
    report = draft(county, 2025)
    workflow.save_part(report.parts.get(number=4), f"办理{RECEIVED}。", by=coordinator)
    get("reconsideration").sample(county, justice_bureau, police, coordinator, dt.date(2025, 8, 4))
    client.force_login(coordinator)
    row = _row(_choices(client, report, "收到行政复议申请")[1], "reconsideration.received")
    assert ">6件</span>" in row and "正文按取数时的5件显示" in row


def test_a_filed_value_is_listed_as_filed(
    client, county, police, coordinator, police_clerk
) -> None:
    from fazhi.filing import services
    from fazhi.filing.models import FilingUnit

    rnd = services.open_round(
        county,
        year=2025,
        title="2025年度无台账指标填报",
        deadline=dt.date.today() + dt.timedelta(days=10),
        indicator_ids=["petitions.total"],
        units=[(police, None)],
        by=coordinator,
    )
    unit = FilingUnit.objects.get(round=rnd)
    value = services.submit_value(
        unit,
        "petitions.total",
        "7",
        note="",
        evidence=services.Evidence("scan.pdf", b"%PDF-1.4\n% evidence scan\n"),
        by=police_clerk,
    )
    services.approve(value, by=coordinator)
    report = draft(county, 2025)
    client.force_login(coordinator)
    html = _choices(client, report, "信访")[1]
    row = _row(html, "petitions.total")
    assert "信访总量" in row and ">7件</span>" in row and ">填报</span>" in row
    none = _row(html, "petitions.letters")  # in the catalog, but nobody counts or files it
    assert ">无数据来源</span>" in none
