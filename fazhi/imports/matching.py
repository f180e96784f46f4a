"""Re-import by number: a sheet row whose key (案号) is already in the ledger is compared with the
row as the export writes it, instead of being refused as "已被使用".

- identical (every column reads back the same): left alone and counted unchanged, so that an
  export imported again changes nothing;
- different only in the sheet's `updatable` columns (descriptive text: 事由, 备注…): those fields
  are set, with one history row per record (event `import_updated`);
- different in any other column (a date, a result, a department: what the workflow and its
  clocks follow): refused with the column, both values and where to make the change instead.

The ledger keeps its own checks: `check_row` runs on the rows that change, `check_all` and
`create` see only the new rows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from fazhi.imports.columns import CellError, Column
from fazhi.imports.history import update_values_audited
from fazhi.imports.sheet import Problem, SheetSpec

UPDATE_EVENT = "import_updated"
UPDATE_EVENT_LABEL = "Excel导入修改"


@dataclass
class Matched:
    fresh: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # rows to create
    updates: list[tuple[int, Any, dict[str, Any]]] = field(
        default_factory=list
    )  # (n, row, changes)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


def stored(column: Column, obj: Any) -> Any:
    """The value the sheet would read back from this row's export."""
    raw = column.export(obj)
    try:
        return column.parse(raw)
    except CellError:
        return raw


def same(a: Any, b: Any) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    return bool(a == b)


def shown(column: Column, value: Any) -> str:
    """A value as the sheet shows it, for a message."""
    if value in (None, ""):
        return "空"
    if column.kind == "choice":
        return str(dict(column.choices).get(value, value))
    if column.kind == "bool":
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= 30 else text[:29] + "…"


def split(
    spec: SheetSpec, parsed: list[tuple[int, dict[str, Any]]], by: Any, context: Any
) -> Matched:
    """Sort the parsed rows into new rows, updates, unchanged rows and problems."""
    out = Matched()
    if spec.existing is None:
        out.fresh = parsed
        return out
    key = spec.key_column
    header = next(c.header for c in spec.columns if c.key == key)
    numbers = list(dict.fromkeys(v[key] for _, v in parsed if v.get(key)))
    found = spec.existing(numbers, by, context) if numbers else {}
    updatable = set(spec.updatable)
    first_row: dict[str, int] = {}
    for n, v in parsed:
        number: str = v.get(key) or ""
        obj = found.get(number) if number else None
        if obj is None:
            out.fresh.append((n, v))
            continue
        if number in first_row:
            msg = f"{header}“{number}”与第{first_row[number]}行重复"
            out.problems.append(Problem(n, header, msg))
            continue
        first_row[number] = n
        changes: dict[str, Any] = {}
        fixed: list[tuple[Column, Any]] = []  # differing columns an import may not change
        for col in spec.columns:
            if col.key == key:
                continue
            old = stored(col, obj)
            if same(old, v[col.key]):
                continue
            if col.key in updatable:
                changes[col.key] = v[col.key]
            else:
                fixed.append((col, old))
        if fixed:
            out.problems += _refusals(spec, n, header, number, v, fixed)
            continue
        if not changes:
            out.unchanged += 1
        else:
            out.updates.append((n, obj, changes))
    return out


ANOTHER_ROW = 3  # more columns differing than this: another record under a number in use


def _refusals(
    spec: SheetSpec,
    n: int,
    header: str,
    number: str,
    v: dict[str, Any],
    fixed: list[tuple[Column, Any]],
) -> list[Problem]:
    if len(fixed) > ANOTHER_ROW:
        names = "、".join(c.header for c, _ in fixed)
        return [
            Problem(
                n,
                header,
                f"{header}“{number}”已被使用：台账中该{header}的记录有{len(fixed)}列与本行不同"
                f"（{names}）。新记录请清空{header}，由系统自动编号",
            )
        ]
    return [
        Problem(
            n,
            col.header,
            f"{header}“{number}”已在台账中，本列与台账不同（台账：{shown(col, old)}；"
            f"表中：{shown(col, v[col.key])}）。办理进度和结果请在该记录的页面登记，"
            f"导入只能修改{_names(spec)}",
        )
        for col, old in fixed
    ]


def _names(spec: SheetSpec) -> str:
    names = [c.header for c in spec.columns if c.key in set(spec.updatable)]
    return "、".join(names) if names else "（无可修改的列）"


def apply(spec: SheetSpec, updates: list[tuple[int, Any, dict[str, Any]]], by: Any) -> int:
    """Write the changed fields: one UPDATE per set of columns changed, one history row each."""
    if not updates:
        return 0
    model = type(updates[0][1])
    pk = model._meta.pk.attname
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for _, obj, changes in updates:
        fields = tuple(sorted(changes))
        groups[fields].append({pk: obj.pk, **{k: _db_value(v) for k, v in changes.items()}})
    return sum(
        update_values_audited(model, rows, fields=list(fields), by=by, event=UPDATE_EVENT)
        for fields, rows in groups.items()
    )


def _db_value(value: Any) -> Any:
    return "" if value is None else value
