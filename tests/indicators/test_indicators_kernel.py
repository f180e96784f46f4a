"""Indicators kernel: catalog, no-data-source, rates from parts, roll-up, 口径 versions, identities."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from fazhi.indicators import registry
from fazhi.indicators.catalog import CATALOG_PATH, get_catalog
from fazhi.indicators.compute import (
    FAILS,
    HOLDS,
    NOT_EVALUABLE,
    evaluate,
    for_jurisdiction_year,
    side_by_side,
)
from fazhi.indicators.models import RateDefinition
from fazhi.indicators.scope import Scope

R = "reconsideration."


def test_project_catalog_covers_every_shared_id(shared_dir: Path) -> None:
    shared = json.loads((shared_dir / "spec" / "indicators.json").read_text(encoding="utf-8"))
    ours = get_catalog()
    missing = sorted({i["id"] for i in shared["indicators"]} - set(ours.indicators))
    assert missing == [], (
        f"共享指标目录新增了项目目录中没有的指标：{missing}（请更新 {CATALOG_PATH}）"
    )
    assert {i["id"] for i in shared["identities"]} <= {i.id for i in ours.identities}
    assert len(ours.indicators) >= 184


def test_scope_is_half_open_and_rolls_up_the_subtree(city, county, other_county) -> None:
    scope = Scope.year(city, 2025)
    assert scope.jurisdiction_ids == frozenset({city.pk, county.pk, other_county.pk})
    assert (scope.start, scope.end, scope.last_day) == (
        dt.date(2025, 1, 1),
        dt.date(2026, 1, 1),
        dt.date(2025, 12, 31),
    )
    assert Scope.own_year(city, 2025).jurisdiction_ids == frozenset({city.pk})
    with pytest.raises(ValueError):
        Scope(frozenset(), dt.date(2025, 1, 2), dt.date(2025, 1, 1))


def test_ids_without_a_ledger_are_no_data_source_never_zero(county) -> None:
    with registry.replaced():
        snap = for_jurisdiction_year(county, 2025)
    fig = snap[R + "received"]
    assert fig.has_source is False and fig.value is None and fig.text == "无数据来源"
    assert snap[R + "correction_rate"].text == "无数据来源"
    assert all(r.status == NOT_EVALUABLE for r in snap.identities)
    assert len(snap.figures) == len(get_catalog().indicators)


def test_counts_and_rate_with_its_basis(fake, county) -> None:
    fake.set(
        county.pk, 2025, {R + "corrected": 6, R + "concluded_on_merits": 50, R + "concluded": 60}
    )
    snap = for_jurisdiction_year(county, 2025)
    rate = snap[R + "correction_rate"]
    assert (rate.numerator, rate.denominator, rate.value) == (6, 50, Decimal("12.00"))
    assert rate.text == "12.0%"
    assert rate.basis_text == "纠错6件 ÷ 实体审结50件"
    assert rate.url.startswith("/fake/reconsideration/reconsideration.concluded_on_merits/")
    assert snap[R + "corrected"].text == "6件"
    assert snap[R + "corrected"].row_count == 1
    # A rate whose denominator is zero prints "—", never 0%.
    assert snap[R + "on_time_rate"].has_source is False  # concluded_on_time not provided
    fake.set(county.pk, 2025, {R + "concluded_on_time": 0, R + "concluded": 0})
    assert for_jurisdiction_year(county, 2025)[R + "on_time_rate"].text == "—"
    # Ledgers are asked once per evaluation, not once per id.
    fake.calls = 0
    evaluate(Scope.year(county, 2025))
    assert fake.calls == 1


def test_rollup_sums_counts_and_recomputes_rates_never_averages(
    fake, city, county, other_county
) -> None:
    fake.set(
        county.pk, 2025, {R + "corrected": 1, R + "concluded_on_merits": 10, R + "received": 12}
    )
    fake.set(
        other_county.pk,
        2025,
        {R + "corrected": 9, R + "concluded_on_merits": 90, R + "received": 100},
    )
    fake.set(city.pk, 2025, {R + "corrected": 0, R + "concluded_on_merits": 0, R + "received": 3})
    fake.set(county.pk, 2024, {R + "received": 1000})  # another year: not counted
    snap = for_jurisdiction_year(city, 2025)
    assert snap[R + "received"].value == 115
    rate = snap[R + "correction_rate"]
    assert (rate.numerator, rate.denominator) == (10, 100)
    assert rate.text == "10.0%"  # the mean of 10% and 10% would agree; make it differ:
    fake.set(
        county.pk, 2025, {R + "corrected": 5}
    )  # county 60%, other 10%: mean 35%, pooled 14/100
    assert for_jurisdiction_year(city, 2025)[R + "correction_rate"].text == "14.0%"
    side = side_by_side(city, 2025, [R + "received", R + "correction_rate"])
    assert [(j.code, s[R + "received"].value, s[R + "correction_rate"].text) for j, s in side] == [
        ("990102", 12, "50.0%"),
        ("990103", 100, "10.0%"),
    ]


def test_rate_bases_one_query_nearest_row_wins_over_all_jurisdictions_row(
    city, county, other_county, django_assert_num_queries
) -> None:
    from fazhi.indicators.compute import rate_bases
    from fazhi.org.models import Jurisdiction

    def row(jurisdiction, year, denominator):  # type: ignore[no-untyped-def]
        RateDefinition.objects.create(
            indicator_id=R + "correction_rate",
            jurisdiction=jurisdiction,
            year=year,
            numerator=R + "corrected",
            denominator=R + denominator,
        )

    row(None, 2020, "concluded")
    row(city.parent, 2026, "received")  # the province, but only from 2026
    row(other_county, 2021, "received")  # a sibling: never applies to the county
    fresh = Jurisdiction.objects.get(pk=county.pk)  # ancestors not loaded yet
    with django_assert_num_queries(1):
        basis = rate_bases(fresh, 2025)[R + "correction_rate"]
    assert (basis.denominator, basis.source) == (R + "concluded", "全部区划自2020年度口径")
    row(city, 2022, "concluded_on_merits")
    basis = rate_bases(fresh, 2025)[R + "correction_rate"]
    assert (basis.denominator, basis.source) == (R + "concluded_on_merits", "示例市自2022年度口径")
    assert rate_bases(fresh, 2026)[R + "correction_rate"].denominator == R + "concluded_on_merits"
    assert rate_bases(city.parent, 2026)[R + "correction_rate"].denominator == R + "received"
    assert rate_bases(None, 2025)[R + "correction_rate"].denominator == R + "concluded"


def test_rate_definition_per_jurisdiction_and_year_with_history(
    fake, city, county, coordinator
) -> None:
    fake.set(
        county.pk, 2025, {R + "corrected": 6, R + "concluded_on_merits": 50, R + "concluded": 60}
    )
    fake.set(
        county.pk, 2023, {R + "corrected": 6, R + "concluded_on_merits": 50, R + "concluded": 60}
    )
    RateDefinition.objects.create(
        indicator_id=R + "correction_rate",
        jurisdiction=city,
        year=2024,
        numerator=R + "corrected",
        denominator=R + "concluded",
        note="纠错含撤销、变更、确认违法、确认无效、责令履行",
        created_by=coordinator,
    )
    snap = for_jurisdiction_year(county, 2025)  # the city's 口径 applies to its counties
    rate = snap[R + "correction_rate"]
    assert rate.text == "10.0%"
    assert rate.basis_text == "纠错6件 ÷ 审结60件；纠错含撤销、变更、确认违法、确认无效、责令履行"
    assert rate.basis.source == "示例市自2024年度口径"
    assert (
        for_jurisdiction_year(county, 2023)[R + "correction_rate"].text == "12.0%"
    )  # before 2024: default
    own = RateDefinition.objects.create(
        indicator_id=R + "correction_rate",
        jurisdiction=county,
        year=2025,
        numerator=R + "corrected",
        denominator=R + "concluded_on_merits",
    )
    assert for_jurisdiction_year(county, 2025)[R + "correction_rate"].text == "12.0%"  # nearer wins
    own.denominator = R + "concluded"
    own.save()
    assert own.history.count() == 2


def test_rate_definition_validates_ids() -> None:
    from django.core.exceptions import ValidationError

    bad = RateDefinition(
        indicator_id=R + "received", year=2025, numerator="x.y", denominator=R + "correction_rate"
    )
    with pytest.raises(ValidationError) as err:
        bad.full_clean()
    assert set(err.value.message_dict) == {"indicator_id", "numerator", "denominator"}


def test_identities_hold_fail_or_are_not_evaluable(fake, county) -> None:
    outcomes = {
        R + k: 1
        for k in (
            "upheld",
            "revoked",
            "changed",
            "confirmed_illegal",
            "confirmed_invalid",
            "ordered_to_perform",
            "claims_rejected",
            "application_dismissed",
            "terminated",
            "mediated",
        )
    }
    fake.set(county.pk, 2025, {**outcomes, R + "concluded": 11})  # 睢县-style error: 11 ≠ 10
    fake.set(
        county.pk,
        2025,
        {
            R + "received": 5,
            R + "accepted": 3,
            R + "not_accepted": 1,
            R + "withdrawn_before_acceptance": 1,
        },
    )
    snap = for_jurisdiction_year(county, 2025)
    res = {r.identity.id: r for r in snap.identities}
    assert res[R + "concluded_partition"].status == FAILS
    assert res[R + "concluded_partition"].message.startswith("审结11件 ≠ 维持1 + 撤销1")
    assert "相差1件" in res[R + "concluded_partition"].message
    assert res[R + "received_partition"].status == HOLDS
    assert res["litigation.instance_partition"].status == NOT_EVALUABLE
    # A stand-in: an undifferentiated 驳回 replaces its two kinds when they are not given.
    fake.data[(county.pk, 2025)].pop(R + "claims_rejected")
    fake.data[(county.pk, 2025)].pop(R + "application_dismissed")
    fake.set(county.pk, 2025, {R + "rejected": 3})
    again = {r.identity.id: r for r in for_jurisdiction_year(county, 2025).identities}
    assert again[R + "concluded_partition"].status == HOLDS
    assert R + "rejected" in again[R + "concluded_partition"].used_parts


def test_command_json_and_table(fake, county) -> None:
    fake.set(
        county.pk, 2025, {R + "received": 12, R + "corrected": 6, R + "concluded_on_merits": 50}
    )
    out = StringIO()
    call_command("indicators", "--jurisdiction", "990102", "--year", "2025", "--json", stdout=out)
    data = json.loads(out.getvalue())
    figs = {f["id"]: f for f in data["indicators"]}
    assert len(figs) == len(get_catalog().indicators)
    assert figs[R + "received"] == {
        **figs[R + "received"],
        "value": 12,
        "unit": "件",
        "row_count": 1,
    }
    rate = figs[R + "correction_rate"]
    assert (rate["value"], rate["numerator"], rate["denominator"], rate["basis"]) == (
        12.0,
        6,
        50,
        "纠错6件 ÷ 实体审结50件",
    )
    assert (
        figs["litigation.cases"]["has_source"] is False
        and figs["litigation.cases"]["value"] is None
    )
    assert figs["litigation.cases"]["text"] == "无数据来源"
    assert {i["status"] for i in data["identities"]} <= {"holds", "fails", "not_evaluable"}
    table = StringIO()
    call_command("indicators", "--jurisdiction", "990102", "--year", "2025", stdout=table)
    text = table.getvalue()
    assert (
        "12件" in text
        and "无数据来源" in text
        and "口径：纠错6件 ÷ 实体审结50件" in text
        and "恒等式核验" in text
    )
