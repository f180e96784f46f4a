"""Every ledger's export imports again (#18): rows found by 案号 are compared, not refused as
"已被使用": identical rows are left alone, free-text changes are written with a history row, and
a changed date or result is refused with the column named, changing nothing."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from python_calamine import CalamineWorkbook

from fazhi import audit
from fazhi.casework.registry import LedgerSpec, ledgers
from fazhi.imports import jobs
from fazhi.imports.excel import read_rows
from fazhi.imports.importer import run_import
from fazhi.imports.matching import UPDATE_EVENT
from fazhi.imports.models import ImportJob, JobState
from fazhi.org.models import User
from tests.casework.conftest import MARCH_3
from tests.casework.test_every_ledger import _ids
from tests.xlsx import workbook_bytes

SHEETS = [s for s in ledgers() if s.sheet is not None]
UPDATING = [s for s in SHEETS if s.sheet.match_existing]


@pytest.fixture
def rows(make: Any) -> Any:
    """Two rows of a ledger, received on consecutive days."""

    def two(spec: LedgerSpec) -> list[Any]:
        return [make(spec, MARCH_3 + dt.timedelta(days=i)) for i in range(2)]

    return two


def _export(spec: LedgerSpec, user: User) -> tuple[list[str], list[dict[str, Any]]]:
    client = Client()
    client.force_login(user)
    response = client.get(reverse(f"{spec.key}:list") + "?export=xlsx")
    assert response.status_code == 200
    headers, body = read_rows(response.content)
    return headers, [dict(zip(headers, r, strict=False)) for r in body]


def _import(spec: LedgerSpec, user: User, headers: list[str], body: list[dict[str, Any]]) -> Any:
    context = spec.sheet.context(user) if spec.sheet.context else None
    assert context is not None, f"{spec.key}: 协调员不能导入"
    return run_import(spec.sheet, workbook_bytes(headers, body), by=user, context=context)


def _history_count(spec: LedgerSpec) -> int:
    return int(spec.model.history.count())


@pytest.mark.parametrize("spec", SHEETS, ids=_ids)
def test_an_export_imported_again_changes_nothing(
    spec: LedgerSpec, rows: Any, coordinator: User
) -> None:
    made = rows(spec)
    headers, body = _export(spec, coordinator)
    assert len(body) == len(made)
    history = _history_count(spec)
    for _ in range(2):  # and again: idempotent
        report = _import(spec, coordinator, headers, body)
        assert report.ok, [str(p) for p in report.problems]
        assert (report.created, report.updated, report.unchanged) == (0, 0, len(made))
    assert spec.model.objects.count() == len(made)
    assert _history_count(spec) == history


@pytest.mark.parametrize("spec", [s for s in UPDATING if s.sheet.updatable], ids=_ids)
def test_a_changed_text_cell_updates_the_row_with_a_history_row(
    spec: LedgerSpec, rows: Any, coordinator: User
) -> None:
    first, _second = rows(spec)
    headers, body = _export(spec, coordinator)
    column = next(c for c in spec.sheet.columns if c.key in spec.sheet.updatable)
    number_header = next(c.header for c in spec.sheet.columns if c.key == "case_number")
    line = next(r for r in body if r[number_header] == first.case_number)
    line[column.header] = "导入修改后的内容"
    report = _import(spec, coordinator, headers, body)
    assert report.ok, [str(p) for p in report.problems]
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    first.refresh_from_db()
    assert getattr(first, column.key) == "导入修改后的内容"
    assert audit.transitions(first)[-1] == UPDATE_EVENT
    last = first.history.order_by("-history_id").first()
    assert last.history_user_id == coordinator.pk
    again = _import(spec, coordinator, headers, body)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def _workflow_column(spec: LedgerSpec, line: dict[str, Any]) -> Any:
    """A date column the row has a value in (a date the workflow and its clocks follow)."""
    for c in spec.sheet.columns:
        if c.kind == "date" and line.get(c.header) not in (None, ""):
            return c
    raise AssertionError(f"{spec.key}: 导出的记录没有日期")


@pytest.mark.parametrize("spec", UPDATING, ids=_ids)
def test_a_changed_date_is_refused_naming_the_column_and_nothing_is_saved(
    spec: LedgerSpec, rows: Any, coordinator: User
) -> None:
    first, _second = rows(spec)
    headers, body = _export(spec, coordinator)
    line = body[0]
    column = _workflow_column(spec, line)
    before = line[column.header]
    line[column.header] = dt.date(2025, 1, 2)
    text_column = next((c for c in spec.sheet.columns if c.key in spec.sheet.updatable), None)
    if text_column is not None:
        body[1][text_column.header] = "另一行的修改也不保存"
    history = _history_count(spec)
    report = _import(spec, coordinator, headers, body)
    assert not report.ok
    messages = [str(p) for p in report.problems]
    assert any(
        p.row == 2 and p.column == column.header and "已在台账中" in p.message
        for p in report.problems
    ), messages
    assert any(f"台账：{_iso(before)}" in m and "表中：2025-01-02" in m for m in messages), messages
    assert _history_count(spec) == history
    for obj in spec.model.objects.all():
        assert "另一行的修改也不保存" not in {str(v) for v in vars(obj).values()}


def _iso(value: Any) -> str:
    return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()


def test_a_number_twice_in_the_file_is_named(rows: Any, coordinator: User) -> None:
    spec = next(s for s in UPDATING if s.key == "litigation")
    rows(spec)
    headers, body = _export(spec, coordinator)
    report = _import(spec, coordinator, headers, [body[0], dict(body[0]), body[1]])
    assert [str(p) for p in report.problems] == [f"第3行“案号”：案号“{body[0]['案号']}”与第2行重复"]


def test_the_upload_page_says_how_many_were_updated_and_unchanged(
    rows: Any, coordinator: User
) -> None:
    spec = next(s for s in UPDATING if s.key == "litigation")
    rows(spec)
    headers, body = _export(spec, coordinator)
    body[0]["备注"] = "补充说明"
    client = Client()
    client.force_login(coordinator)
    upload = BytesIO(workbook_bytes(headers, body))
    upload.name = "导出.xlsx"
    response = client.post(reverse("imports:upload", args=[spec.sheet.key]), {"file": upload})
    job = ImportJob.objects.get(requested_by=coordinator)
    assert jobs.run_import_job.call(job.pk) == JobState.DONE  # what db_worker does
    page = client.get(response["Location"]).content.decode()
    assert "导入成功：共新增 0 条记录，更新 1 条，未变化 1 条，拒绝 0 条。" in page
    notes = page.split('id="import-notes"')[1].split("</details>")[0]
    assert "<li>案号已在台账中的行（如本台账导出的表格）：内容相同的不作改动" in notes
    template = client.get(reverse("imports:template", args=[spec.sheet.key])).content
    book = CalamineWorkbook.from_filelike(BytesIO(template))
    notes = [r[0] for r in book.get_sheet_by_name("填写说明").to_python()]
    assert any(
        line.startswith("案号已在台账中的行") and "只改了" in line and "备注" in line
        for line in notes
    ), notes
