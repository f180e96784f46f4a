"""Columns of an Excel sheet: how a cell is read, checked and written back.

A column knows its Chinese header, whether it is required, and how to turn a cell into a
value; a bad cell raises `CellError` with a message that names the problem, never the code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


class CellError(ValueError):
    """A cell that cannot be read; the message is shown as 第N行：<列>：<message>."""


TRUE_WORDS = {"是", "有", "y", "yes", "true", "1", "√"}
FALSE_WORDS = {"否", "无", "n", "no", "false", "0", ""}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text | date | int | bool | choice
    required: bool = False
    choices: Sequence[tuple[str, str]] = ()  # (value, label); the sheet shows labels
    max_length: int | None = None
    width: int = 14
    comment: str = ""
    # For export: obj -> cell value; defaults to getattr(obj, key)
    getter: Callable[[Any], Any] | None = field(default=None, compare=False)

    @property
    def labels(self) -> list[str]:
        return [label for _, label in self.choices]

    def parse(self, raw: Any) -> Any:
        """Cell value (as python-calamine returns it) → Python value, or CellError."""
        if type(raw) is str and self.kind == "text" and raw:
            # The common cell, first: 100,000 rows × a dozen columns pass here.
            text = raw.strip()
            if text:
                if self.max_length is not None and len(text) > self.max_length:
                    raise CellError(f"超过{self.max_length}个字")
                return text
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            if self.required:
                raise CellError("必填，不能为空")
            return (
                None
                if self.kind in ("date", "int", "choice")
                else (False if self.kind == "bool" else "")
            )
        if self.kind == "date":
            return _parse_date(raw)
        if self.kind == "int":
            if isinstance(raw, float) and raw.is_integer():
                return int(raw)
            if isinstance(raw, int) and not isinstance(raw, bool):
                return raw
            if isinstance(raw, str) and raw.isdigit():
                return int(raw)
            raise CellError(f"“{raw}”不是整数")
        if self.kind == "bool":
            text = (
                str(raw).strip().lower() if not isinstance(raw, bool) else ("是" if raw else "否")
            )
            if text in TRUE_WORDS:
                return True
            if text in FALSE_WORDS:
                return False
            raise CellError(f"“{raw}”应填“是”或“否”")
        if self.kind == "choice":
            text = str(raw).strip()
            for value, label in self.choices:
                if text in (label, value):
                    return value
            raise CellError(f"“{text}”不在可选项中（可选：{'、'.join(self.labels)}）")
        text = _text(raw)
        if self.max_length is not None and len(text) > self.max_length:
            raise CellError(f"超过{self.max_length}个字")
        return text

    def export(self, obj: Any) -> Any:
        value = self.getter(obj) if self.getter else getattr(obj, self.key, "")
        if self.kind == "choice":
            return dict(self.choices).get(value, value or "")
        if self.kind == "bool":
            return "是" if value else "否"
        return "" if value is None else value


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    return str(raw)


TIME_RE = re.compile(r"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


def _parse_date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raise CellError(f"“{_text(raw)}”不是日期，请填写如 2025-03-01 的日期")
    text = str(raw).strip()
    # A platform's export writes timestamps ("2025-03-01 08:31:22", "2025/3/1 8:31"): the day is
    # what a legal date keeps.
    day, _, clock = text.replace("T", " ", 1).partition(" ")
    if clock and not TIME_RE.fullmatch(clock.strip()):
        raise CellError(f"“{text}”不是日期，请填写如 2025-03-01 的日期")
    if len(day) == 10 and day[4] == "-" and day[7] == "-":
        try:
            return dt.date.fromisoformat(day)  # the common case, without strptime's cost
        except ValueError:
            pass
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(day, fmt).date()
        except ValueError:
            continue
    raise CellError(f"“{text}”不是日期，请填写如 2025-03-01 的日期")
