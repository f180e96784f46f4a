"""`manage.py indicators --jurisdiction 990102 --year 2025 [--json] [--own]`: every catalog id."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.indicators.compute import NO_SOURCE, evaluate
from fazhi.indicators.scope import Scope
from fazhi.org.models import Jurisdiction


class Command(BaseCommand):
    help = "列出某区划某年度的全部指标（数值、单位、分子、分母、口径、行数）及恒等式核验结果"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jurisdiction", required=True, help="区划代码，如 990102")
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument("--json", action="store_true", help="输出 JSON")
        parser.add_argument("--own", action="store_true", help="只统计本级，不汇总下级区划")
        parser.add_argument("--no-rows", action="store_true", help="不统计每项指标的行数（更快）")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            jur = Jurisdiction.objects.get(code=opts["jurisdiction"])
        except Jurisdiction.DoesNotExist as exc:
            raise CommandError(f"找不到区划代码 {opts['jurisdiction']}") from exc
        year = opts["year"]
        scope = Scope.year(jur, year, rollup=not opts["own"])
        snap = evaluate(scope, jurisdiction=jur, year=year, with_rows=not opts["no_rows"])
        if opts["json"]:
            data = snap.as_dict()
            data["jurisdiction_name"] = jur.name
            data["rollup"] = not opts["own"]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{jur.name}（{jur.code}）{year}年度指标{'（本级）' if opts['own'] else '（含下级）'}"
        )
        ledger = None
        for fig in snap.figures.values():
            if fig.indicator.ledger != ledger:
                ledger = fig.indicator.ledger
                self.stdout.write(f"\n【{ledger}】")
            value = fig.text if fig.has_source else NO_SOURCE
            rows = "" if fig.row_count is None else f"  行数 {fig.row_count}"
            basis = f"  口径：{fig.basis_text}" if fig.indicator.is_rate else ""
            self.stdout.write(
                f"  {fig.id:<52} {fig.indicator.name_zh:<20} {value:>10}{basis}{rows}"
            )
        self.stdout.write("\n恒等式核验")
        for res in snap.identities:
            self.stdout.write(f"  {res.identity.id:<45} {res.status_zh}  {res.message}")
