"""填报: opening a round, submitting with evidence, return / correct / approve, closing and
reopening for one unit, the indicators fed (marked 填报), bad input and who may do what."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from fazhi.filing import services
from fazhi.filing.models import FiledValue, FilingUnit, ValueState
from fazhi.indicators import registry
from fazhi.indicators.compute import for_jurisdiction_year
from fazhi.indicators.testing import FakeLedger
from tests.filing.conftest import PDF, XLSX


def _unit(rnd, **kw) -> FilingUnit:
    return FilingUnit.objects.get(round=rnd, **kw)


def _submit(unit, ind="petitions.total", value="12", name="scan.pdf", data=PDF, by=None, note=""):
    return services.submit_value(
        unit, ind, value, note=note, evidence=services.Evidence(name, data) if name else None, by=by
    )


# --- opening a round -------------------------------------------------------------------------


def test_a_round_refuses_rates_and_ids_a_ledger_computes(county, police, coordinator) -> None:
    kw = dict(
        year=2025,
        title="t",
        deadline=dt.date.today(),
        units=[(police, None)],
        by=coordinator,
    )
    with pytest.raises(services.FilingError, match="“信访办结率”是比率，不能直接填报"):
        services.open_round(county, indicator_ids=["petitions.completion_rate"], **kw)
    # 行政复议 is a registered ledger in this code base: its ids have one source, the ledger.
    with pytest.raises(services.FilingError, match="由行政复议台账计算，不能再填报"):
        services.open_round(county, indicator_ids=["reconsideration.received"], **kw)
    with pytest.raises(services.FilingError, match="请至少选择一个填报指标"):
        services.open_round(county, indicator_ids=[], **kw)
    rnd = services.open_round(county, indicator_ids=["petitions.total"], **kw)
    with pytest.raises(services.FilingError, match="2025年度已有填报轮次包含：信访总量"):
        services.open_round(county, indicator_ids=["petitions.total"], **kw)
    assert rnd.units.count() == 1


def test_a_ledger_registered_later_takes_the_id_over(round25, township, town_clerk, coordinator):
    """'A ledger computes it' is read from the registry at run time, not from a list."""
    unit = _unit(round25, township=township)
    value = _submit(unit, by=town_clerk)
    services.approve(value, by=coordinator)
    assert for_jurisdiction_year(township.parent, 2025)["petitions.total"].value == 12
    petitions = FakeLedger("petitions")
    petitions.data[(township.parent.pk, 2025)] = {"petitions.total": 7}
    with registry.replaced(petitions.registration()):
        assert services.fillable_problem("petitions.total") == (
            "“信访总量”由信访台账计算，不能再填报（同一数字只能有一个来源）"
        )
        fig = for_jurisdiction_year(township.parent, 2025)["petitions.total"]
        assert (fig.value, fig.source) == (7, "台账")  # never 12 + 7, never 12
        with pytest.raises(services.FilingError, match="由信访台账计算"):
            _submit(unit, ind="petitions.letters", by=town_clerk)


# --- submitting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "name", "data", "message"),
    [
        ("12", None, None, "请上传佐证材料"),
        ("12", "run.exe", b"MZ...", "佐证材料不支持“.exe”格式"),
        (
            "12",
            "scan.pdf",
            b"%PDF" + b"x" * (5 * 1024 * 1024),
            "佐证材料过大（5.0 MB），不能超过5 MB",
        ),
        ("12", "scan.pdf", b"hello", "内容与扩展名.pdf不符"),
        ("85%", "scan.pdf", PDF, "不能填写百分比"),
        ("-3", "scan.pdf", PDF, "不能为负数"),
        ("2.5", "scan.pdf", PDF, "以件计，应为整数"),
        ("十二", "scan.pdf", PDF, "不是数字"),
        ("", "scan.pdf", PDF, "请填写“信访总量”的数值"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(
    round25, township, town_clerk, value, name, data, message
) -> None:
    unit = _unit(round25, township=township)
    with pytest.raises(services.FilingError, match=message):
        _submit(unit, value=value, name=name, data=data, by=town_clerk)
    assert FiledValue.objects.count() == 0


def test_a_rate_or_an_id_outside_the_round_is_refused(round25, township, town_clerk) -> None:
    unit = _unit(round25, township=township)
    with pytest.raises(services.FilingError, match="是比率，不能直接填报"):
        _submit(unit, ind="petitions.completion_rate", by=town_clerk)
    with pytest.raises(services.FilingError, match="由行政复议台账计算"):
        _submit(unit, ind="reconsideration.received", by=town_clerk)
    with pytest.raises(services.FilingError, match="不在本轮填报范围内"):
        _submit(unit, ind="office.documents_issued", by=town_clerk)
    assert FiledValue.objects.count() == 0


def test_return_correct_approve_feeds_the_county_marked_filled(
    round25,
    county,
    township,
    other_township,
    police,
    town_clerk,
    other_town_clerk,
    police_clerk,
    coordinator,
) -> None:
    v = _submit(_unit(round25, township=township), value="12", by=town_clerk, note="含网上信访")
    with pytest.raises(services.TransitionError, match="请填写退回理由"):
        services.return_value(v, by=coordinator, reason=" ")
    services.return_value(v, by=coordinator, reason="与信访系统导出数不符，应为14件")
    v.refresh_from_db()
    assert (v.state, v.return_reason, v.reviewed_by) == (
        ValueState.RETURNED,
        "与信访系统导出数不符，应为14件",
        coordinator,
    )
    # not counted while returned
    assert not for_jurisdiction_year(county, 2025)["petitions.total"].has_source
    v = _submit(_unit(round25, township=township), value="14", name=None, by=town_clerk)
    assert v.state == ValueState.SUBMITTED and v.evidence_name == "scan.pdf"  # kept
    services.approve(v, by=coordinator)
    w = _submit(_unit(round25, township=other_township), value="5", by=other_town_clerk)
    services.approve(w, by=coordinator)
    x = _submit(
        _unit(round25, department=police), value="3", name="t.xlsx", data=XLSX, by=police_clerk
    )
    services.approve(x, by=coordinator)
    fig = for_jurisdiction_year(county, 2025)["petitions.total"]
    assert (fig.value, fig.source, fig.row_count) == (22, "填报", 3)
    assert fig.url.startswith("/filing/values/?indicator=petitions.total")
    # a township's own figure, a department's own figure
    assert for_jurisdiction_year(township, 2025)["petitions.total"].value == 14
    from fazhi.indicators.compute import evaluate
    from fazhi.reports.draft import report_scope

    dept = evaluate(report_scope(county, 2025, police), ids=["petitions.total"])
    assert dept["petitions.total"].value == 3
    # the city rolls its counties up
    assert for_jurisdiction_year(county.parent, 2025)["petitions.total"].value == 22
    out = StringIO()
    call_command("indicators", jurisdiction="990102", year=2025, json=True, stdout=out)
    data = {i["id"]: i for i in json.loads(out.getvalue())["indicators"]}
    assert (data["petitions.total"]["value"], data["petitions.total"]["source"]) == (22, "填报")
    assert data["emergency.drills"]["source"] == "" and not data["emergency.drills"]["has_source"]
    with pytest.raises(services.FilingError, match="已审核通过，不能修改"):
        _submit(_unit(round25, township=township), value="15", by=town_clerk)


def test_after_the_deadline_only_a_reopened_unit_submits_late(
    round25, township, other_township, town_clerk, other_town_clerk, coordinator
) -> None:
    services.close_round(round25, by=coordinator)
    unit = _unit(round25, township=township)
    with pytest.raises(services.FilingError, match="已于.*截止，不能再报送"):
        _submit(unit, by=town_clerk)
    with pytest.raises(services.FilingError, match="请填写准予补报的理由"):
        services.reopen(unit, until=dt.date.today(), reason="", by=coordinator)
    services.reopen(
        unit, until=dt.date.today(), reason="镇信访办人员调整，数据晚到", by=coordinator
    )
    unit.refresh_from_db()
    assert (unit.reopened_by, unit.reopen_reason) == (coordinator, "镇信访办人员调整，数据晚到")
    v = _submit(unit, by=town_clerk)
    assert v.late is True
    with pytest.raises(services.FilingError, match="截止"):  # only that unit
        _submit(_unit(round25, township=other_township), by=other_town_clerk)
    assert unit.history.filter(reopen_reason="镇信访办人员调整，数据晚到").exists()


# --- pages and permissions -------------------------------------------------------------------


def _post_value(client, unit, value="12", name="scan.pdf", data=PDF, ind="petitions.total"):
    payload = {"indicator": ind, "value": value, "note": ""}
    if name:
        payload["evidence"] = SimpleUploadedFile(name, data)
    return client.post(reverse("filing:unit", args=[unit.pk]), payload)


def test_a_unit_sees_and_edits_only_its_own(
    client, round25, township, other_township, town_clerk, police, police_clerk
) -> None:
    mine, theirs = _unit(round25, township=township), _unit(round25, township=other_township)
    client.force_login(town_clerk)
    assert client.get(reverse("filing:round", args=[round25.pk])).url == reverse(
        "filing:unit", args=[mine.pk]
    )
    assert client.get(reverse("filing:unit", args=[theirs.pk])).status_code == 404
    assert _post_value(client, theirs).status_code == 404
    resp = _post_value(client, mine, name="virus.exe", data=b"MZ")
    assert resp.status_code == 422 and "佐证材料不支持“.exe”格式" in resp.content.decode()
    assert _post_value(client, mine).status_code == 302
    v = FiledValue.objects.get()
    assert client.post(reverse("filing:value_action", args=[v.pk, "approve"])).status_code == 404
    client.force_login(police_clerk)
    assert client.get(reverse("filing:evidence", args=[v.pk])).status_code == 404
    assert client.get(reverse("filing:unit", args=[mine.pk])).status_code == 404


def test_the_office_sees_all_and_the_city_reads_only(
    client, round25, township, town_clerk, coordinator, reader
) -> None:
    unit = _unit(round25, township=township)
    v = _submit(unit, by=town_clerk)
    client.force_login(coordinator)
    html = client.get(reverse("filing:round", args=[round25.pk])).content.decode()
    assert "城关镇人民政府" in html and "东河乡人民政府" in html and "公安局" in html
    page = client.get(reverse("filing:unit", args=[unit.pk])).content.decode()
    assert "审核通过" in page and "退回" in page
    client.force_login(reader)
    page = client.get(reverse("filing:unit", args=[unit.pk])).content.decode()
    assert "12" in page and "审核通过</button>" not in page and "报送</button>" not in page
    assert client.post(reverse("filing:value_action", args=[v.pk, "approve"])).status_code == 404
    assert _post_value(client, unit).status_code == 404
    assert client.get(reverse("filing:evidence", args=[v.pk])).status_code == 200
    v.refresh_from_db()
    assert v.state == ValueState.SUBMITTED
    assert client.get(reverse("filing:new")).status_code == 404


def test_the_drilldown_lists_approved_values_with_evidence(
    client, round25, county, township, town_clerk, coordinator
) -> None:
    v = _submit(_unit(round25, township=township), by=town_clerk)
    services.approve(v, by=coordinator)
    client.force_login(coordinator)
    url = for_jurisdiction_year(county, 2025)["petitions.total"].url
    html = client.get(url).content.decode()
    assert "城关镇人民政府" in html and reverse("filing:evidence", args=[v.pk]) in html
    page = client.get(reverse("indicators:page") + "?j=990102&year=2025")
    assert page.status_code == 200
    text = page.content.decode()
    assert '>12件</a> <span class="badge text-bg-info"' in text


def test_opening_a_round_on_the_page(client, county, township, police, coordinator) -> None:
    client.force_login(coordinator)
    resp = client.get(reverse("filing:new"))
    html = resp.content.decode()
    assert "信访总量" in html and "信访办结率" not in html and "收到行政复议申请" not in html
    resp = client.post(
        reverse("filing:new"),
        {
            "year": "2025",
            "title": "2025年度填报",
            "deadline": "2020-01-01",
            "indicators": ["petitions.total"],
            "units": [f"t{township.pk}"],
        },
    )
    assert resp.status_code == 422 and "不能早于今天" in resp.content.decode()
    resp = client.post(
        reverse("filing:new"),
        {
            "year": "2025",
            "title": "2025年度填报",
            "deadline": dt.date.today().isoformat(),
            "indicators": ["petitions.total", "gov_audit.projects"],
            "units": [f"t{township.pk}", f"d{police.pk}"],
        },
    )
    assert resp.status_code == 302
    unit_count = FilingUnit.objects.filter(round__title="2025年度填报").count()
    assert unit_count == 2
