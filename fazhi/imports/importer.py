"""All-or-nothing import: check every row, write only if none failed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO, Any

from django.db import transaction

from fazhi.imports import matching
from fazhi.imports.columns import CellError
from fazhi.imports.excel import WorkbookError, read_rows
from fazhi.imports.sheet import ImportReport, Problem, SheetSpec, Written

MAX_PROBLEMS = 500  # enough to fix a sheet; a wholly wrong file should not fill the page
PROGRESS_EVERY = 500  # rows between two progress reports
Progress = Callable[[str, int, int], None]  # (phase, done, total)


def _silent(phase: str, done: int, total: int) -> None:
    return None


def check_headers(spec: SheetSpec, headers: list[str]) -> list[Problem]:
    problems = []
    known = set(spec.headers) | {c.header for c in spec.shown}  # an export's extras: ignored
    for h in headers:
        if h and h not in known and not spec.foreign_export:
            problems.append(Problem(1, h, f"未知列“{h}”，请使用导入模板的列名"))
    for col in spec.columns:
        if col.required and col.header not in headers:
            problems.append(Problem(1, col.header, f"缺少必填列“{col.header}”"))
    seen: set[str] = set()
    for h in headers:
        if h and h in seen:
            problems.append(Problem(1, h, f"列“{h}”重复"))
        seen.add(h)
    return problems


def parse(
    spec: SheetSpec, headers: list[str], body: list[list[Any]], progress: Progress = _silent
) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    """Every non-empty row with its values; a cell that cannot be read becomes None and a
    problem, so that the row's other checks still run and the user sees everything at once."""
    index = {h: i for i, h in enumerate(headers) if h}
    parsed: list[tuple[int, dict[str, Any]]] = []
    problems: list[Problem] = []
    for n, raw in enumerate(body, start=2):
        if n % PROGRESS_EVERY == 0:
            progress("读取单元格", n - 1, len(body))
        if all(c is None or str(c).strip() == "" for c in raw):
            continue
        values: dict[str, Any] = {}
        for col in spec.columns:
            i = index.get(col.header)
            cell = raw[i] if i is not None and i < len(raw) else None
            try:
                values[col.key] = col.parse(cell)
            except CellError as exc:
                problems.append(Problem(n, col.header, str(exc)))
                values[col.key] = None
        parsed.append((n, values))
    return parsed, problems


def run_import(
    spec: SheetSpec,
    upload: IO[bytes] | bytes,
    *,
    by: Any,
    context: Any = None,
    progress: Progress = _silent,
) -> ImportReport:
    """Read, check every cell and row, and create the rows in one transaction, or none.
    `progress(phase, done, total)` is called along the way (a background job shows it)."""
    started = time.perf_counter()
    progress("读取文件", 0, 0)
    try:
        headers, body = read_rows(upload, allow_csv=spec.foreign_export)
    except WorkbookError as exc:
        return ImportReport(problems=[Problem(0, "", str(exc))])
    problems = check_headers(spec, headers)
    if problems:
        return ImportReport(problems=problems)
    if not body:
        return ImportReport(problems=[Problem(2, "", "没有数据行")])
    parsed, problems = parse(spec, headers, body, progress)
    del body  # the raw cells: 100,000 rows of them are ~150 MB no longer needed
    unreadable = {(p.row, p.column) for p in problems}
    matched = matching.split(spec, parsed, by, context)
    later: list[Problem] = list(matched.problems)
    if spec.check_all is not None and matched.fresh:
        later += spec.check_all(matched.fresh, context)
    if spec.check_row is not None:
        row_values = dict(parsed) if matched.updates else {}
        checked = [*matched.fresh, *((n, row_values[n]) for n, _, _ in matched.updates)]
        for i, (n, values) in enumerate(checked, start=1):
            if i % PROGRESS_EVERY == 0:
                progress("检查各行", i, len(checked))
            later += spec.check_row(n, values, context)
    # A cell already reported as unreadable is not reported again by the cross-column checks.
    problems += [p for p in later if (p.row, p.column) not in unreadable]
    if problems:
        problems.sort(key=lambda p: (p.row, p.column))
        return ImportReport(
            problems=problems[:MAX_PROBLEMS] if len(problems) > MAX_PROBLEMS else problems
        )
    assert spec.create is not None
    progress("写入数据库", len(parsed), len(parsed))
    with transaction.atomic():
        updated = matching.apply(spec, matched.updates, by)
        written = spec.create([v for _, v in matched.fresh], by, context) if matched.fresh else 0
    if not isinstance(written, Written):
        written = Written(created=written)
    return ImportReport(
        created=written.created,
        updated=written.updated + updated,
        unchanged=written.unchanged + matched.unchanged,
        seconds=time.perf_counter() - started,
    )
