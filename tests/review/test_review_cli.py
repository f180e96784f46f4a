"""The fazhi-review command line: help texts, extract, check, compare, eval."""

from __future__ import annotations

import argparse
import importlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from review_helpers import GOLD, TEXTS, seed_path

from review import compare
from review.cli import build_parser, main
from review.compare import VENDORED_ECHARTS, write_html

GOLD_KEYS = {"span", "number_text", "value", "unit", "qualifier", "indicator"}


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_every_command_and_option_has_help() -> None:
    parser = build_parser()
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(subs) == 1
    commands = subs[0]
    assert set(commands.choices) == {"extract", "check", "compare", "eval"}
    helps = {c.dest: c.help for c in commands._choices_actions}
    missing = [name for name, text in helps.items() if not text]
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            if not action.help:
                missing.append(f"{name} {action.dest}")
    assert missing == []


def test_extract_json_one_line_per_file() -> None:
    code, out = run("extract", "--json", str(seed_path("000")), str(seed_path("004")))
    assert code == 0
    lines = out.strip().split("\n")
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["source"] == seed_path("000").name
    assert len(first["figures"]) == 29
    fig = first["figures"][0]
    assert GOLD_KEYS | {"start", "end", "section"} <= set(fig)
    assert fig["value"] == 17 and fig["unit"] == "项"
    assert fig["indicator"] == "office.internal_rules_revised"
    assert fig["section"] == "一、主要工作开展情况和成效"
    text = seed_path("000").read_text(encoding="utf-8")
    assert text[fig["start"] : fig["end"]] == fig["span"]


def test_extract_table() -> None:
    code, out = run("extract", str(seed_path("001")))
    assert code == 0
    assert "250000" in out and "hotline.tickets_received" in out


def test_check_strict_exit_code() -> None:
    code, out = run("check", str(seed_path("000")))
    assert code == 0
    assert "80 ≠ 7 + 1 + 7 + 4 + 2 + 55 = 76" in out
    code, _ = run("check", "--strict", str(seed_path("000")))
    assert code == 1
    code, _ = run("check", "--strict", str(seed_path("003")))
    assert code == 0


def test_check_previous_finds_copied_paragraph() -> None:
    code, out = run(
        "check",
        "--json",
        "--previous",
        str(TEXTS / "previous_office.txt"),
        str(TEXTS / "flawed_office.txt"),
    )
    assert code == 0
    findings = json.loads(out)["findings"]
    codes = [f["code"] for f in findings]
    assert codes.count("identity_failed") == 3
    assert "rate_over_100" in codes
    assert "rate_unverified" in codes
    assert "duplicate_indicator" in codes
    assert "vague_shortcomings" in codes
    assert "copied_paragraph" in codes
    assert "missing_part" in codes
    for f in findings:
        assert f["severity"] in ("error", "warning", "info")
        assert f["message"]


def test_check_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    code, out = run("check", "--strict", str(bad))
    assert code == 1
    assert "Word" in out


def test_compare_writes_xlsx_and_html(tmp_path: Path) -> None:
    files = [str(seed_path(p)) for p in ("000", "002", "003")] + [str(TEXTS / "sample_county.txt")]
    xlsx = tmp_path / "out.xlsx"
    page = tmp_path / "out.html"
    code, out = run("compare", *files, "--xlsx", str(xlsx), "--html", str(page))
    assert code == 0
    assert xlsx.stat().st_size > 2000
    html = page.read_text(encoding="utf-8")
    assert '<script src="echarts.min.js"></script>' in html
    assert "受理（立案审理）" in html
    assert (tmp_path / "echarts.min.js").exists() == VENDORED_ECHARTS.exists()
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(xlsx))
    rows = wb.get_sheet_by_name("指标对比").to_python()
    assert rows[0][:3] == ["指标代码", "指标", "单位"]
    received = next(r for r in rows if r[0] == "reconsideration.received")
    assert received[3] == 106 and received[6] == 152


def test_compare_computes_rates_and_marks_outliers() -> None:
    from review.pipeline import analyse_text

    reports = [
        analyse_text(f"r{i}.txt", f"全年共收到行政复议申请{n}件，受理{n - 2}件。")
        for i, n in enumerate([50, 52, 48, 51, 500])
    ]
    table = compare(reports)
    row = next(r for r in table.rows if r.indicator == "reconsideration.received")
    assert [c.outlier for c in row.cells.values()] == [False, False, False, False, True]
    reports = [analyse_text("a.txt", "调处矛盾纠纷200件，调解成功150件。")]
    rate = next(r for r in compare(reports).rows if r.indicator == "mediation.success_rate")
    assert rate.cells["a.txt"].value == 75.0 and rate.cells["a.txt"].computed


def test_html_says_when_echarts_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mod = importlib.import_module("review.compare")  # the package exports a function of that name
    monkeypatch.setattr(mod, "VENDORED_ECHARTS", tmp_path / "none.js")
    ok = write_html(compare([]), tmp_path / "x.html")
    assert not ok
    assert "未找到 echarts.min.js" in (tmp_path / "x.html").read_text(encoding="utf-8")


def test_eval_prints_one_line_per_document_and_a_total() -> None:
    code, out = run("eval", str(GOLD))
    assert code == 0
    lines = out.strip().split("\n")
    assert len(lines) == 6
    assert lines[-1].startswith("figures P=")
    f1 = float(lines[-1].split("F1=")[1].split()[0])
    acc = float(lines[-1].split("acc=")[1].split()[0])
    prec = float(lines[-1].split("prec=")[1].split()[0])
    assert f1 >= 0.97 and acc >= 0.90 and prec >= 0.90


def test_python_dash_m_review() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "review", "extract", "--json", str(seed_path("004"))],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["figures"]) == 13
