"""Command-line tool `fazhi-review` (also `python -m review`)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from review.catalog import load_catalog
from review.checks import ERROR, SEVERITY_ZH, check
from review.compare import compare, write_html, write_xlsx
from review.evaluate import evaluate
from review.pipeline import Report, analyse_file

QUALIFIER_ZH = {"at_least": "以上", "at_most": "以内", "approx": "约", None: ""}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fazhi-review",
        description="法治政府建设年度报告审查：提取数据、核对勾稽关系、多份报告对比、按标注评分。",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")

    p = sub.add_parser("extract", help="提取报告中的全部数据（数值、单位、限定词、指标）")
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件（.txt、.docx、.pdf、.html）")
    p.add_argument("--json", action="store_true", help="每个文件输出一行 JSON，而不是表格")

    p = sub.add_parser(
        "check", help="审查报告：法定内容、勾稽关系、比率、重复、空泛的不足、照搬上年"
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件（.txt、.docx、.pdf、.html）")
    p.add_argument("--previous", metavar="FILE", help="上一年度的报告，用于查找照搬的段落")
    p.add_argument("--strict", action="store_true", help="发现任何错误时以状态码 1 退出")
    p.add_argument("--json", action="store_true", help="每个文件输出一行 JSON")

    p = sub.add_parser("compare", help="多份报告按指标对比，输出 Excel 表和带图表的网页")
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件（.txt、.docx、.pdf、.html）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="输出 Excel 文件（指标 × 报告）")
    p.add_argument("--html", metavar="OUT.html", help="输出网页（表格和 ECharts 图表）")
    p.add_argument(
        "--population",
        metavar="FILE.json",
        help="各报告辖区常住人口（JSON：{文件名: 人数}），用于计算每万人指标",
    )

    p = sub.add_parser("eval", help="按标注文件评分（精确率、召回率、F1、指标准确率等）")
    p.add_argument(
        "gold_dir", metavar="GOLD_DIR", help="标注 JSON 所在目录；报告正文在其上一级目录"
    )
    p.add_argument("--verbose", action="store_true", help="列出漏提、多提和指标不一致的数据")
    return parser


def _figure_table(report: Report, out: TextIO) -> None:
    out.write(f"== {report.source}（{len(report.figures)} 项数据）\n")
    for problem in report.problems:
        out.write(f"  ！{problem}\n")
    if not report.figures:
        return
    out.write(
        "  序号  数值          单位      限定  指标                                        章节 | 原文\n"
    )
    for i, f in enumerate(report.figures, start=1):
        value = f"{f.value:g}" if isinstance(f.value, float) else str(f.value)
        out.write(
            f"  {i:>4}  {value:<12}  {f.unit:<8}  {QUALIFIER_ZH.get(f.qualifier, ''):<4}  "
            f"{(f.indicator or '—'):<42}  {f.section[:16]} | {f.span}\n"
        )


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    catalog = load_catalog()
    for name in args.files:
        report = analyse_file(name, catalog)
        if args.json:
            # written figure by figure (the same line json.dumps would give): a report
            # with 100,000 figures is not first built as one string in memory
            out.write('{"source": ' + json.dumps(report.source, ensure_ascii=False))
            out.write(', "figures": [')
            for i, f in enumerate(report.figures):
                out.write((", " if i else "") + json.dumps(f.to_json(), ensure_ascii=False))
            out.write("]")
            if report.problems:
                out.write(', "problems": ' + json.dumps(report.problems, ensure_ascii=False))
            out.write("}\n")
        else:
            _figure_table(report, out)
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    catalog = load_catalog()
    previous = analyse_file(args.previous, catalog) if args.previous else None
    if previous is not None and previous.problems:
        out.write(f"上一年度报告无法读取：{'；'.join(previous.problems)}\n")
        previous = None
    any_error = False
    for name in args.files:
        report = analyse_file(name, catalog)
        findings = check(report, previous=previous, catalog=catalog)
        errors = sum(1 for f in findings if f.severity == ERROR)
        any_error = any_error or errors > 0
        if args.json:
            obj = {"source": report.source, "findings": [f.to_json() for f in findings]}
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            continue
        warnings = len(findings) - errors
        out.write(f"== {report.source}：{errors} 个错误，{warnings} 个警告或提示\n")
        for f in findings:
            where = f"〔{f.section}〕" if f.section else ""
            ref = f"（{f.ref}）" if f.ref else ""
            out.write(f"  [{SEVERITY_ZH.get(f.severity, f.severity)}]{where} {f.message}{ref}\n")
            if f.span:
                out.write(f"      原文：{' '.join(f.span.split())[:160]}\n")
    return 1 if args.strict and any_error else 0


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    catalog = load_catalog()
    reports = [analyse_file(name, catalog) for name in args.files]
    for r in reports:
        for problem in r.problems:
            out.write(f"{r.source}：{problem}\n")
    population = None
    if args.population:
        population = {
            str(k): float(v)
            for k, v in json.loads(Path(args.population).read_text(encoding="utf-8")).items()
        }
    comparison = compare(reports, catalog, population=population)
    if args.xlsx:
        write_xlsx(comparison, args.xlsx)
        out.write(f"已写入 {args.xlsx}（{len(comparison.rows)} 项指标 × {len(reports)} 份报告）\n")
    if args.html:
        ok = write_html(comparison, args.html)
        note = "" if ok else "（未找到 echarts.min.js，图表无法显示）"
        out.write(f"已写入 {args.html}{note}\n")
    if not args.xlsx and not args.html:
        for row in comparison.rows:
            cells = "  ".join(
                f"{src}={row.cells[src].text}{'*' if row.cells[src].outlier else ''}"
                for src in comparison.sources
                if src in row.cells
            )
            out.write(f"{row.name}（{row.unit}）：{cells}\n")
    return 0


def cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    gold_dir = Path(args.gold_dir)
    if not gold_dir.is_dir():
        out.write(f"找不到标注目录：{gold_dir}\n")
        return 2
    result = evaluate(gold_dir)
    for doc in result.documents:
        if args.verbose:
            for g in doc.missed:
                out.write(
                    f"  漏提 {doc.source}: {g['span']} "
                    f"[{g.get('value')} {g.get('unit')} {g.get('qualifier') or ''}]\n"
                )
            for p in doc.spurious:
                out.write(
                    f"  多提 {doc.source}: {p.span} [{p.value} {p.unit} {p.qualifier or ''}]\n"
                )
            for g, p in doc.wrong_indicator:
                out.write(
                    f"  指标 {doc.source}: {g['span']} 标注={g.get('indicator')} 结果={p.indicator}\n"
                )
    for line in result.lines():
        out.write(line + "\n")
    return 0


COMMANDS = {"extract": cmd_extract, "check": cmd_check, "compare": cmd_compare, "eval": cmd_eval}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args, out or sys.stdout)
    except BrokenPipeError:
        # output piped into `head`: stop quietly, as other command-line tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
