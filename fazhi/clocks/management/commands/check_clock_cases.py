"""Check gold cases (schema of shared/spec/clock-cases.json) against the engine and the DB calendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.clocks.engine import Due, compute
from fazhi.clocks.spec import ClockError


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def compute_case(case: dict[str, Any]) -> Due:
    start = dt.date.fromisoformat(case["start_date"])
    extension = case.get("extension") or {}
    if extension and extension.get("unit", case["unit"]) != case["unit"]:
        raise ClockError("延长期限的单位与基本期限不同")
    return compute(
        start,
        case["length"],
        case["unit"],
        pauses=[
            (_date(p["from"]), _date(p.get("to")), p.get("reason", ""))
            for p in case.get("pauses", [])
        ],
        extension=int(extension.get("length", 0)),
        restart=_date((case.get("restart") or {}).get("date")),
    )


def check_case(case: dict[str, Any]) -> tuple[str, list[str]]:
    """(computed text, problems)."""
    try:
        result = compute_case(case)
    except (ClockError, KeyError, ValueError) as exc:
        return "错误", [str(exc)]
    problems = []
    expected = case.get("expected_due")
    got = result.due_on.isoformat() if result.due_on else None
    if got != expected:
        problems.append(f"届满日应为{expected}")
    if (result.flag or None) != case.get("expected_flag"):
        problems.append(f"标记应为{case.get('expected_flag')}")
    if case.get("expected_flag_year") not in (None, result.flag_year):
        problems.append(f"标记年度应为{case['expected_flag_year']}")
    if result.due_on is not None:
        marker = f"{result.due_on.month}月{result.due_on.day}日"
        if marker not in result.explanation:
            problems.append(f"说明未包含{marker}")
    if result.flag:
        computed = f"null [{result.flag} {result.flag_year}]"
    else:
        computed = got or "null"
    return computed, problems


class Command(BaseCommand):
    help = "用期限引擎和数据库中的工作日历核对金标准案例（clock-cases.json 格式），有不符即返回非零"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="案例文件（JSON）")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到案例文件：{path}")
        data = json.loads(path.read_text(encoding="utf-8"))
        cases = data["cases"] if isinstance(data, dict) else data
        passed = failed = 0
        for case in cases:
            computed, problems = check_case(case)
            expected = case.get("expected_due") or f"null [{case.get('expected_flag')}]"
            status = "ok" if not problems else "FAIL " + "；".join(problems)
            self.stdout.write(
                f"{case.get('id')}  expected={expected}  computed={computed}  {status}"
            )
            if problems:
                failed += 1
            else:
                passed += 1
        self.stdout.write(f"{passed} passed, {failed} failed")
        if failed:
            raise SystemExit(1)
