"""The units' figures side by side (review/'s comparison table and chart over the reports already in
fazhi, drafted or uploaded), and each report's figures against its own unit's ledgers: where a
report says 12 and the ledgers hold 9, it is listed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fazhi.indicators.catalog import KIND_RATE, get_catalog
from fazhi.indicators.compute import evaluate
from fazhi.org.models import Jurisdiction
from fazhi.reports.draft import report_scope
from fazhi.reports.models import AnnualReport
from fazhi.reports.review_desk import DeskResult
from fazhi.reports.unit_reports import report_text
from fazhi.reports.units import units_of
from review import analyse_text
from review.compare import compare, xlsx_bytes


@dataclass(frozen=True)
class Mismatch:
    unit: str
    indicator: str
    name: str
    stated: str  # as the report prints it
    ledger: str  # the ledgers' figure for that unit and year
    source: str  # 台账 / 填报
    url: str

    @property
    def message(self) -> str:
        return f"{self.unit}报告称“{self.name}”{self.stated}，{self.source}为{self.ledger}"


def reports_of(jur: Jurisdiction, year: int) -> list[AnnualReport]:
    """The government's own report and every unit's, in the tracker's order."""
    out = list(AnnualReport.objects.filter(jurisdiction=jur, year=year, department__isnull=True))
    by_unit = {
        (r.jurisdiction_id, r.department_id): r
        for r in AnnualReport.objects.filter(
            year=year, jurisdiction_id__in={u.jurisdiction.pk for u in units_of(jur)}
        ).select_related("jurisdiction", "department")
    }
    for unit in units_of(jur):
        key = (unit.jurisdiction.pk, unit.department.pk if unit.department else None)
        if key in by_unit and by_unit[key] not in out:
            out.append(by_unit[key])
    return out


def _label(report: AnnualReport) -> str:
    if report.department_id:
        return report.department.name  # type: ignore[union-attr]
    return report.jurisdiction.government_name


def comparison(jur: Jurisdiction, year: int) -> tuple[DeskResult, list[Mismatch]]:
    catalog = get_catalog()
    analysed = []
    mismatches: list[Mismatch] = []
    for report in reports_of(jur, year):
        label = _label(report)
        read = analyse_text(label, report_text(report))
        analysed.append(read)
        stated: dict[str, tuple[float, str]] = {}
        for f in read.figures:
            if f.indicator and f.scope is None and not f.qualifier and f.indicator not in stated:
                stated[f.indicator] = (float(f.value), f"{f.number_text}{f.unit}")
        ids = [i for i in stated if i in catalog.indicators]
        if not ids:
            continue
        scope = report_scope(report.jurisdiction, year, report.department)
        snap = evaluate(
            scope, jurisdiction=report.jurisdiction, year=year, ids=ids, with_rows=False
        )
        for ind_id in ids:
            fig = snap[ind_id]
            if not fig.has_source or fig.value is None:
                continue
            if catalog[ind_id].kind == KIND_RATE:
                same = abs(Decimal(str(stated[ind_id][0])) - Decimal(fig.value)) < Decimal("0.1")
            else:
                same = Decimal(str(stated[ind_id][0])) == Decimal(fig.value)
            if not same:
                mismatches.append(
                    Mismatch(
                        label,
                        ind_id,
                        catalog[ind_id].name_zh,
                        stated[ind_id][1],
                        fig.text,
                        fig.source or "台账",
                        fig.url,
                    )
                )
    comp = compare(analysed, catalog)
    return DeskResult(comparison=comp, xlsx=xlsx_bytes(comp)), mismatches
