"""Compare reports: indicator × report table (xlsx) and charts (html with ECharts).

Rates that a report does not state but whose counts it gives are computed
(per-case normalisation, marked 计算); with a population table, counts are
also shown per 10,000 residents (per-capita). Values far from the median of
their row (beyond 3 × the median absolute deviation) are marked as outliers.
"""

from __future__ import annotations

import html
import json
import logging
import shutil
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from review.catalog import Catalog, load_catalog
from review.pipeline import Report

logger = logging.getLogger(__name__)

VENDORED_ECHARTS = (
    Path(__file__).resolve().parents[1]
    / "fazhi"
    / "static"
    / "vendor"
    / "echarts"
    / "echarts.min.js"
)


@dataclass
class Cell:
    value: float
    text: str
    computed: bool = False
    outlier: bool = False


@dataclass
class Row:
    indicator: str
    name: str
    unit: str
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass
class Comparison:
    sources: list[str]
    rows: list[Row]
    per_capita: list[Row] = field(default_factory=list)


def _first_values(report: Report) -> dict[str, tuple[float, str]]:
    out: dict[str, tuple[float, str]] = {}
    for f in report.figures:
        if f.indicator and f.scope is None and f.indicator not in out:
            q = {"at_least": "≥", "at_most": "≤", "approx": "≈"}.get(f.qualifier or "", "")
            out[f.indicator] = (float(f.value), f"{q}{f.number_text}")
    return out


def _mark_outliers(row: Row) -> None:
    values = [c.value for c in row.cells.values()]
    if len(values) < 4:
        return
    med = statistics.median(values)
    mad = statistics.median(abs(v - med) for v in values)
    if mad == 0:
        return
    for c in row.cells.values():
        if abs(c.value - med) > 3 * 1.4826 * mad:
            c.outlier = True


def compare(
    reports: list[Report],
    catalog: Catalog | None = None,
    population: dict[str, float] | None = None,
) -> Comparison:
    """Build the indicator × report table. population: source → residents (persons)."""
    catalog = catalog or load_catalog()
    sources = [r.source for r in reports]
    values = {r.source: _first_values(r) for r in reports}
    rows: list[Row] = []
    for ind in catalog.indicators.values():
        row = Row(ind.id, ind.name_zh, ind.unit)
        for src in sources:
            got = values[src].get(ind.id)
            if got is not None:
                row.cells[src] = Cell(got[0], got[1])
            elif ind.kind == "rate" and ind.numerator:
                num = values[src].get(ind.numerator)
                for den_id in ind.denominators:
                    den = values[src].get(den_id)
                    if num and den and den[0]:
                        v = round(num[0] / den[0] * 100, 1)
                        row.cells[src] = Cell(v, f"{v}%（计算）", computed=True)
                        break
        if row.cells:
            _mark_outliers(row)
            rows.append(row)
    per_capita: list[Row] = []
    if population:
        for row in rows:
            ind = catalog.indicators[row.indicator]
            if ind.kind != "count":
                continue
            pc = Row(row.indicator, row.name + "（每万人）", row.unit)
            for src, cell in row.cells.items():
                pop = population.get(src)
                if pop:
                    v = round(cell.value / pop * 10_000, 2)
                    pc.cells[src] = Cell(v, str(v), computed=True)
            if pc.cells:
                _mark_outliers(pc)
                per_capita.append(pc)
    return Comparison(sources=sources, rows=rows, per_capita=per_capita)


def write_xlsx(comparison: Comparison, path: str | Path) -> None:
    Path(path).write_bytes(xlsx_bytes(comparison))


def xlsx_bytes(comparison: Comparison) -> bytes:
    """The comparison workbook (the CLI writes it to a file, the web review desk serves it)."""
    import io

    import xlsxwriter

    buf = io.BytesIO()
    # File names and labels are text: one beginning with = must not become a live formula.
    wb = xlsxwriter.Workbook(
        buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    plain = wb.add_format({"border": 1})
    computed = wb.add_format({"border": 1, "italic": True, "font_color": "#555555"})
    outlier = wb.add_format({"border": 1, "bg_color": "#F8CBAD", "bold": True})
    for title, rows in (("指标对比", comparison.rows), ("每万人", comparison.per_capita)):
        if not rows and title == "每万人":
            continue
        ws = wb.add_worksheet(title)
        ws.write_row(0, 0, ["指标代码", "指标", "单位", *comparison.sources], head)
        ws.set_column(0, 0, 38)
        ws.set_column(1, 1, 28)
        ws.set_column(3, 3 + len(comparison.sources), 16)
        for r, row in enumerate(rows, start=1):
            ws.write_row(r, 0, [row.indicator, row.name, row.unit], plain)
            for c, src in enumerate(comparison.sources, start=3):
                cell = row.cells.get(src)
                if cell is None:
                    ws.write_blank(r, c, None, plain)
                    continue
                fmt = outlier if cell.outlier else computed if cell.computed else plain
                ws.write_number(r, c, cell.value, fmt)
                if cell.outlier:
                    ws.write_comment(r, c, "异常值：与各报告中位数相差超过3倍中位数绝对偏差")
                elif cell.computed:
                    ws.write_comment(r, c, "报告未直接写明，由分子分母计算")
        ws.freeze_panes(1, 3)
    notes = wb.add_worksheet("说明")
    notes.write(
        0, 0, "斜体灰字：由报告中的分子、分母计算所得；红底：异常值（偏离中位数超过3倍MAD）。"
    )
    wb.close()
    return buf.getvalue()


def write_html(comparison: Comparison, path: str | Path) -> bool:
    """Write the html page; returns whether echarts.min.js could be copied next to it."""
    out = Path(path)
    target = out.parent / "echarts.min.js"
    have_echarts = target.exists()
    if VENDORED_ECHARTS.exists():
        shutil.copyfile(VENDORED_ECHARTS, target)
        have_echarts = True
    else:
        logger.warning("未找到 %s，图表需要同目录下的 echarts.min.js", VENDORED_ECHARTS)
    head_cells = "".join(f"<th>{html.escape(s)}</th>" for s in comparison.sources)
    body_rows = []
    charts = []
    for row in comparison.rows:
        tds = []
        for src in comparison.sources:
            cell = row.cells.get(src)
            if cell is None:
                tds.append("<td>—</td>")
                continue
            cls = "outlier" if cell.outlier else "computed" if cell.computed else ""
            title = " title='异常值'" if cell.outlier else ""
            tds.append(f"<td class='{cls}'{title}>{html.escape(cell.text)}</td>")
        body_rows.append(
            f"<tr><td>{html.escape(row.name)}<br><small>{row.indicator}</small></td>"
            f"<td>{html.escape(row.unit)}</td>{''.join(tds)}</tr>"
        )
        if len(row.cells) >= 2:
            charts.append(
                {
                    "id": row.indicator,
                    "title": f"{row.name}（{row.unit}）",
                    "x": list(row.cells),
                    "y": [c.value for c in row.cells.values()],
                    "outlier": [c.outlier for c in row.cells.values()],
                }
            )
    missing = (
        ""
        if have_echarts
        else "<p class='warn'>未找到 echarts.min.js（应由项目 fazhi/static/vendor/echarts/ 提供），"
        "图表无法显示；请将 echarts.min.js 放在本文件同一目录下。</p>"
    )
    chart_divs = "".join(f"<div class='chart' id='c{i}'></div>" for i in range(len(charts)))
    page = f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>法治政府建设年度报告指标对比</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; }}
table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #999; padding: 3px 6px; }}
th {{ background: #DDEBF7; }} td.outlier {{ background: #F8CBAD; font-weight: bold; }}
td.computed {{ color: #555; font-style: italic; }} .warn {{ color: #B00; }}
.chart {{ width: 640px; height: 300px; display: inline-block; }}
</style>
<script src="echarts.min.js"></script></head><body>
<h1>法治政府建设年度报告指标对比</h1>
<p>共 {len(comparison.sources)} 份报告。斜体为由分子分母计算的比率，红底为异常值（偏离中位数超过 3 倍 MAD）。</p>
{missing}
<table><thead><tr><th>指标</th><th>单位</th>{head_cells}</tr></thead>
<tbody>{"".join(body_rows)}</tbody></table>
<h2>图表</h2>{chart_divs}
<script>
var charts = {json.dumps(charts, ensure_ascii=False)};
if (window.echarts) {{
  charts.forEach(function (c, i) {{
    var chart = echarts.init(document.getElementById('c' + i));
    chart.setOption({{
      title: {{ text: c.title, textStyle: {{ fontSize: 13 }} }},
      tooltip: {{}},
      xAxis: {{ type: 'category', data: c.x, axisLabel: {{ rotate: 20 }} }},
      yAxis: {{ type: 'value' }},
      series: [{{ type: 'bar', data: c.y.map(function (v, k) {{
        return {{ value: v, itemStyle: {{ color: c.outlier[k] ? '#C00000' : '#5470C6' }} }};
      }}) }}]
    }});
  }});
}}
</script></body></html>
"""
    out.write_text(page, encoding="utf-8")
    return have_echarts
