"""`SheetSpec`: what a ledger declares to get a template, an import and an export.

A ledger's `importers.py` builds one and registers it with `fazhi.imports.registry.register`.
The kernel reads and checks every cell; the ledger adds cross-column checks (`check_row`)
and writes the rows (`create`), which the kernel calls only when no row failed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from fazhi.imports.columns import Column


@dataclass
class Problem:
    row: int  # the sheet's row number as Excel shows it (header = 1); 0 = the whole file
    column: str  # the header, or "" for the whole row
    message: str

    def __str__(self) -> str:
        if self.row <= 0:  # about the file, not a row: never "第0行"
            return f"“{self.column}”：{self.message}" if self.column else self.message
        where = f"第{self.row}行" + (f"“{self.column}”" if self.column else "")
        return f"{where}：{self.message}"


@dataclass
class ImportReport:
    created: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    # An import that updates rows it finds again by their key (`SheetSpec.create` returns a
    # `Written`): rows changed, and rows found identical and left alone.
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rejected(self) -> int:
        """Data rows with at least one problem (none of the file was saved)."""
        return len({p.row for p in self.problems if p.row >= 2})


@dataclass(frozen=True)
class Written:
    """What an updating import's `create` did (a plain `create` returns the number created)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class SheetSpec:
    key: str  # URL key, e.g. "reconsideration"
    title: str  # sheet / file title, e.g. "行政复议案件"
    columns: Sequence[Column]
    # (row number, parsed values, context) -> problems; for checks across columns and the database
    check_row: Callable[[int, dict[str, Any], Any], list[Problem]] | None = None
    # Called once before check_row with all parsed rows: duplicate checks across the file
    check_all: Callable[[list[tuple[int, dict[str, Any]]], Any], list[Problem]] | None = None
    # (rows, user, context) -> number created (or a `Written`); runs inside one transaction
    create: Callable[[list[dict[str, Any]], Any, Any], int | Written] | None = None
    # user -> context (e.g. the jurisdiction and department the rows go to), or None if not allowed
    context: Callable[[Any], Any] | None = None
    instructions: Sequence[str] = ()
    example: dict[str, Any] | None = None  # one example row for the template
    # Columns the export adds after the template's (what the ledger's list shows that the
    # template has no column for: 状态, 结案方式, named as on screen); an import of that export
    # accepts and ignores them.
    shown: Sequence[Column] = ()
    # A platform's export rather than our template: columns the spec does not name are ignored
    # instead of refused, and a .csv file is read as well as an .xlsx.
    foreign_export: bool = False
    # Rows already in the ledger by their number (the casework kit sets this for each ledger
    # whose sheet has a 案号 column): (numbers, user, context) -> {number: row as the export
    # reads it}. A sheet row found there is compared instead of created (imports.matching):
    # unchanged, updated in the `updatable` columns (text columns of the row itself), or refused.
    existing: Callable[[list[str], Any, Any], dict[str, Any]] | None = None
    key_column: str = "case_number"
    updatable: Sequence[str] = ()
    # False for a sheet whose `create` updates rows by its own key (12345's 工单编号).
    match_existing: bool = True

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]
