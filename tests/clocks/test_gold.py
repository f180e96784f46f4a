"""Every gold case of shared/spec/clock-cases.json through the engine and the seeded DB calendar.
A missing file skips these tests in a bare clone and fails them in CI (tests/shared_data.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shared_data
from django.core.management import call_command

from fazhi.clocks.management.commands.check_clock_cases import check_case, compute_case

CASES_FILE = shared_data.SHARED / "spec" / "clock-cases.json"
CASES = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"] if CASES_FILE.exists() else []
pytestmark = pytest.mark.shared


def test_gold_file_has_41_cases() -> None:
    if not CASES_FILE.exists():
        shared_data.missing(CASES_FILE)
    assert len(CASES) == 41


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c["id"]) for c in CASES]
    # without ../shared: one placeholder skipped with the shared reason (counted in its one line)
    or [pytest.param({}, id="no-shared", marks=pytest.mark.skip(reason=shared_data.SKIP_REASON))],
)
def test_gold_case(case: dict) -> None:
    result = compute_case(case)
    expected = case["expected_due"]
    assert (result.due_on.isoformat() if result.due_on else None) == expected
    assert result.flag == case.get("expected_flag")
    if result.flag:
        assert result.flag_year == case["expected_flag_year"]
        assert f"{result.flag_year}年日历未确认" in result.explanation
    else:
        assert f"{result.due_on.month}月{result.due_on.day}日" in result.explanation
        assert "\n" not in result.explanation
    assert check_case(case)[1] == []


@pytest.mark.django_db
def test_command_on_shared_file(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("check_clock_cases", str(CASES_FILE))
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "41 passed, 0 failed"
    assert len(out) == 42


@pytest.mark.django_db
def test_command_fails_on_wrong_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = dict(CASES[0], expected_due="2024-10-11")
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"cases": [bad, CASES[1]]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        call_command("check_clock_cases", str(path))
    assert exc.value.code == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and out.strip().splitlines()[-1] == "1 passed, 1 failed"
