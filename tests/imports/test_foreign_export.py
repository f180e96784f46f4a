"""Kit: what a platform's export needs of the importer — .csv as well as .xlsx (UTF-8 or GBK),
timestamps read as days, columns we do not use ignored, an updating import's counts, a family of
specs (one per saved mapping), and audited bulk updates."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.imports import registry
from fazhi.imports.columns import CellError, Column
from fazhi.imports.excel import WorkbookError, read_rows
from fazhi.imports.history import update_values_audited
from fazhi.imports.importer import run_import
from fazhi.imports.sheet import SheetSpec, Written


def test_csv_is_read_only_where_the_spec_allows_it() -> None:
    data = "工单编号,受理时间\nA1,2025-03-01 08:31:22\n".encode("gb18030")
    assert read_rows(data, allow_csv=True) == (
        ["工单编号", "受理时间"],
        [["A1", "2025-03-01 08:31:22"]],
    )
    utf8 = "\ufeff编号\nA1\n\n".encode()
    assert read_rows(utf8, allow_csv=True) == (["编号"], [["A1"]])
    with pytest.raises(WorkbookError, match="无法读取该文件"):
        read_rows(data)  # an .xlsx-only spec still refuses it


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-03-01 08:31:22", dt.date(2025, 3, 1)),
        ("2025/3/1 8:31", dt.date(2025, 3, 1)),
        ("2025-03-01T08:31:22", dt.date(2025, 3, 1)),
        ("2025年3月1日", dt.date(2025, 3, 1)),
    ],
)
def test_timestamps_are_read_as_days(text: str, day: dt.date) -> None:
    assert Column("d", "日期", kind="date").parse(text) == day


def test_a_bad_timestamp_says_so() -> None:
    with pytest.raises(CellError, match="不是日期"):
        Column("d", "日期", kind="date").parse("2025-03-01 下午")
    with pytest.raises(CellError, match="不是日期"):
        Column("d", "日期", kind="date").parse("2025-02-30")


def test_a_foreign_export_ignores_other_columns_and_reports_updates(db: None) -> None:
    seen: list[dict] = []

    def create(rows: list[dict], by: object, context: object) -> Written:
        seen.extend(rows)
        return Written(created=1, updated=2, unchanged=3)

    spec = SheetSpec(
        key="t",
        title="t",
        columns=[Column("n", "编号", required=True)],
        create=create,
        foreign_export=True,
    )
    report = run_import(spec, "编号,来电人\nA1,王女士\n".encode(), by=None)
    assert report.ok and (report.created, report.updated, report.unchanged) == (1, 2, 3)
    assert seen == [{"n": "A1"}]
    strict = SheetSpec(key="s", title="s", columns=spec.columns, create=create)
    from tests.xlsx import workbook_bytes

    refused = run_import(strict, workbook_bytes(["编号", "来电人"], [{"编号": "A1"}]), by=None)
    assert [str(p) for p in refused.problems] == [
        "第1行“来电人”：未知列“来电人”，请使用导入模板的列名"
    ]


def test_a_family_of_specs_is_built_on_demand() -> None:
    made = SheetSpec(key="fam__7", title="七", columns=[])
    registry.register_family("fam", lambda arg: made if arg == "7" else None)
    assert registry.get("fam__7") is made
    assert registry.get("fam__8") is None and registry.get("nofam__7") is None


def test_update_values_audited_writes_one_history_row_each(county, officer) -> None:
    from fazhi.indicators.models import RateDefinition

    row = RateDefinition.objects.create(
        indicator_id="hotline.satisfaction_rate",
        jurisdiction=county,
        year=2025,
        numerator="hotline.tickets_satisfied",
        denominator="hotline.tickets_rated",
    )
    n = update_values_audited(
        RateDefinition,
        [{"id": row.pk, "note": "含基本满意", "year": 2024}],
        fields=["note", "year"],
        by=officer,
        event="imported",
    )
    row.refresh_from_db()
    assert n == 1 and (row.note, row.year) == ("含基本满意", 2024)
    last = RateDefinition.history.filter(id=row.pk).order_by("-history_id").first()
    assert (last.note, last.year, last.history_type, last.history_change_reason) == (
        "含基本满意",
        2024,
        "~",
        "event:imported",
    )
    assert last.history_user_id == officer.pk
