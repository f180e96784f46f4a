"""List-table columns every ledger uses: dates through `cn_date`, and the cached due date with
its overdue marker."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html

from fazhi.lib.cn_date import cn_date
from fazhi.lib.money import fen_to_yuan_text

TABLE_ATTRS = {"class": "table table-sm table-hover stack-on-phone", "id": "case-table"}


class DateColumn(tables.Column):
    def render(self, value: Any) -> str:
        return format_html('<span class="date-cell">{}</span>', cn_date(value))


class MoneyColumn(tables.Column):
    """An amount in 分 (`*_fen`), shown in 元."""

    def render(self, value: Any) -> str:
        return fen_to_yuan_text(value)


class YesNoColumn(tables.Column):
    def render(self, value: Any) -> str:
        return "是" if value else "否"


class DueColumn(tables.Column):
    """The row's cached due date (`DueCache`): "2027年日历未确认" when that is why it is empty,
    and "（已超期）" on a row still open past it."""

    def __init__(self, cache: Any, **kwargs: Any) -> None:
        kwargs.setdefault("empty_values", ())
        super().__init__(**kwargs)
        self.cache = cache

    def render(self, value: Any, record: Any, table: Any) -> Any:
        text = self.cache.text(record)
        if self.cache.is_overdue(record):
            return format_html('<span class="clock-overdue">{}（已超期）</span>', text)
        # Another clock of the row has run out (the list sets `late_clocks` for its page).
        late = getattr(table, "late_clocks", {}).get(record.pk)
        if late:
            return format_html('{}<div class="small clock-overdue">{}已超期</div>', text, late)
        return text
