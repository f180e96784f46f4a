from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from fazhi.workcal.models import CalendarDay, CalendarState, CalendarYear
from fazhi.workcal.seed import PACKAGE_YEARS, seed_from_package


class Command(BaseCommand):
    help = "从 chinese-calendar 1.11.0 导入2004—2026年节假日安排（已有年度默认跳过）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace", action="store_true", help="覆盖已有年度（慎用：会替换人工录入的数据）"
        )
        parser.add_argument("--year", type=int, action="append", help="只导入指定年度，可重复")

    def handle(self, *args: Any, **options: Any) -> None:
        years = options["year"] or list(PACKAGE_YEARS)
        bad = [y for y in years if y not in PACKAGE_YEARS]
        if bad:
            self.stderr.write(f"chinese-calendar 1.11.0 只包含2004—2026年，不能导入：{bad}")
            raise SystemExit(2)
        written = seed_from_package(
            CalendarYear, CalendarDay, CalendarState, years, replace=options["replace"]
        )
        # bulk writes send no signals: tell open clocks and this process's cache ourselves
        from fazhi.workcal.signals import calendar_changed

        if written:
            calendar_changed(set(written) | {y - 1 for y in written})
        self.stdout.write(
            f"已导入 {len(written)} 个年度：{written}" if written else "没有需要导入的年度"
        )
