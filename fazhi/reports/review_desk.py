"""审查台 (review desk): a coordinator uploads published or draft annual reports, or picks reports
already in fazhi (the jurisdiction's own of every year, its units', a city's counties'), and sees
what the `review` package finds in each (structure, statutory parts, figures, findings) and, for
two or more, the indicator × report comparison. Every report is named by a short label (issuer and
year, 示例县人民政府 2025年), never by a file name. This module holds the form and the result the
page shows; the review itself runs in the background (desk_jobs), the pages are in desk_views. The
comparison workbook travels back inside the page as a data: link."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import F, QuerySet

from fazhi.org.models import Level, Role
from fazhi.reports.models import AnnualReport
from review import Finding, ReadError, Report, analyse_document, analyse_text, read_bytes
from review.catalog import Catalog
from review.checks import SEVERITY_ZH
from review.compare import Comparison, Row
from review.structure import PART_LABELS, Structure

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 20
SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
DESK_ROLES = (Role.COORDINATOR, Role.LEADER, Role.SUPERIOR_VIEWER, Role.ADMIN)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
QUALIFIER_ZH = {"at_least": "以上/余", "at_most": "以下/以内", "approx": "约"}


def may_use_desk(user: Any) -> bool:
    """Coordinators, leaders, superior viewers and admins; department staff do not review reports."""
    return bool(user.is_superuser or getattr(user, "role", "") in DESK_ROLES)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[Any]]:
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


EMPTY = (
    "请在“系统内的报告”中勾选至少一份报告，或选择至少一个报告文件（.txt、.docx、.pdf 或 .html）"
    "上传；选两份以上可做指标对比"
)
NOT_VISIBLE = "所选的报告（编号 %(value)s）不存在或您无权查看，未开始审查；请刷新页面后重新选择"


def desk_reports(user: Any) -> QuerySet[AnnualReport]:
    """The reports in fazhi the user may put on the desk: those `visible_to` him, oldest year
    first, the government before its units (the order of the comparison's columns)."""
    qs: QuerySet[AnnualReport] = AnnualReport.objects.visible_to(user)
    return qs.select_related("jurisdiction", "department").order_by(
        "year", "jurisdiction__path", F("department__name").asc(nulls_first=True)
    )


class DeskForm(forms.Form):
    report_files = MultipleFileField(
        label="报告文件", required=False, allow_empty_file=True
    )  # empty: clean_report_files
    reports = forms.ModelMultipleChoiceField(
        label="系统内的报告",
        queryset=AnnualReport.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": NOT_VISIBLE,
            "invalid_pk_value": "“%(pk)s”不是有效的报告编号，请刷新页面后重新选择",
        },
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["reports"].queryset = desk_reports(user)  # type: ignore[attr-defined]

    def clean_report_files(self) -> list[UploadedFile[Any]]:
        files: list[UploadedFile[Any]] = self.cleaned_data["report_files"]
        errors = []
        for f in files:
            name = f.name or ""
            if not name.lower().endswith(SUFFIXES):
                errors.append(
                    f"文件“{name}”的类型不支持，请上传 .txt、.docx、.pdf 或 .html 格式的报告"
                )
            elif (f.size or 0) > MAX_FILE_BYTES:
                errors.append(
                    f"文件“{name}”有 {(f.size or 0) / 1024 / 1024:.1f} MB，超过每个文件"
                    f" {MAX_FILE_BYTES // 1024 // 1024} MB 的上限，请压缩或拆分后再上传"
                )
            elif not f.size:
                errors.append(f"文件“{name}”是空的（0 字节），请检查后重新选择")
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:  # a refused report or file says so itself
            return data
        total = len(data.get("report_files") or []) + len(data.get("reports") or [])
        if total == 0:
            raise forms.ValidationError(EMPTY)
        if total > MAX_FILES:
            raise forms.ValidationError(
                f"一次最多审查 {MAX_FILES} 份报告，您选择了 {total} 份，请减少后再审查"
            )
        return data

    def chosen_reports(self) -> list[AnnualReport]:
        """The picked reports in column order (the field filters desk_reports, keeping its order)."""
        return list(self.cleaned_data.get("reports") or [])

    def choice_groups(self) -> list[tuple[int, list[ReportChoice]]]:
        """The checklist: the visible reports by year, newest year first."""
        picked = self.data.getlist("reports") if self.is_bound else self.initial.get("reports", [])  # type: ignore[attr-defined]
        chosen = {str(v) for v in picked}
        by_year: dict[int, list[ReportChoice]] = {}
        for r in self.fields["reports"].queryset:  # type: ignore[attr-defined]
            by_year.setdefault(r.year, []).append(
                ReportChoice(r, kind_of(r, self.user), str(r.pk) in chosen)
            )
        return sorted(by_year.items(), reverse=True)


@dataclass(frozen=True)
class ReportChoice:
    report: AnnualReport
    kind: str  # 本级政府, 部门, 乡镇（街道）, 下级政府
    checked: bool

    @property
    def search(self) -> str:
        r = self.report
        return f"{r.title} {r.unit_name} {r.year} {self.kind} {r.get_status_display()}"


def kind_of(report: AnnualReport, user: Any) -> str:
    if report.department_id:
        return "部门"
    if report.jurisdiction_id == getattr(user, "jurisdiction_id", None):
        return "本级政府"
    return "乡镇（街道）" if report.jurisdiction.level == Level.TOWNSHIP else "下级政府"


def report_label(report: AnnualReport) -> str:
    """A report in fazhi on the desk: 示例县人民政府 2025年, 示例县公安局 2024年."""
    return f"{report.unit_name} {report.year}年"


def upload_label(structure: Structure, n: int) -> str:
    """An upload by what it says of itself: issuer and year, else its title; never its file
    name (uploads arrive as 000_3f9a….txt)."""
    if structure.issuer:
        return f"{structure.issuer} {structure.year}年" if structure.year else structure.issuer
    if structure.title:
        return structure.title
    return f"{structure.year}年度报告（上传第{n}份）" if structure.year else f"上传的第{n}份报告"


def unique_label(label: str, seen: set[str]) -> str:
    """The same label twice (one report uploaded and picked, two copies) gets （2）, （3）…"""
    candidate, n = label, 2
    while candidate in seen:
        candidate, n = f"{label}（{n}）", n + 1
    seen.add(candidate)
    return candidate


@dataclass
class FileResult:
    report: Report  # report.source is the label, the comparison's column
    findings: list[Finding]
    catalog: Catalog
    size: int = 0
    file_name: str = ""  # an upload's, shown small under the label
    state: str = ""  # a report in fazhi: 起草, 定稿, 公开…
    url: str = ""  # a report in fazhi: its page

    @property
    def label(self) -> str:
        return self.report.source

    @property
    def structure(self) -> Structure:
        return self.report.structure

    @property
    def parts(self) -> list[tuple[str, bool]]:
        got = self.structure.statutory_parts
        return [(label, bool(got.get(key))) for key, label in PART_LABELS.items()]

    @property
    def missing_required(self) -> int:
        return sum(
            1
            for key in PART_LABELS
            if key != "other" and not self.structure.statutory_parts.get(key)
        )

    @property
    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    @property
    def rows(self) -> list[dict[str, Any]]:
        out = []
        for f in self.findings:
            out.append(
                {
                    "severity": f.severity,
                    "severity_zh": SEVERITY_ZH.get(f.severity, f.severity),
                    "section": f.section,
                    "span": f.span,
                    "message": f.message,
                    "code": f.code,
                }
            )
        return out

    @property
    def figures(self) -> list[dict[str, Any]]:
        out = []
        for f in self.report.figures:
            ind = self.catalog.indicators.get(f.indicator or "")
            out.append(
                {
                    "number": f.number_text,
                    "value": f.value,
                    "unit": f.unit,
                    "qualifier": QUALIFIER_ZH.get(f.qualifier or "", ""),
                    "indicator": f.indicator or "",
                    "scope": bool(f.scope),  # 每月一次, 至少配备一名: not a result
                    "indicator_name": ind.name_zh if ind else "",
                    "section": f.section,
                    "span": f.span,
                }
            )
        return out


@dataclass
class DeskResult:
    files: list[FileResult] = field(default_factory=list)
    comparison: Comparison | None = None
    xlsx: bytes = b""

    @property
    def xlsx_b64(self) -> str:
        return base64.b64encode(self.xlsx).decode("ascii")

    @cached_property  # the template reads it four times
    def chart_rows(self) -> list[dict[str, Any]]:
        if self.comparison is None:
            return []
        return [
            {
                "id": row.indicator,
                "title": f"{row.name}（{row.unit}）",
                "x": list(row.cells),
                "y": [c.value for c in row.cells.values()],
                "outlier": [c.outlier for c in row.cells.values()],
            }
            for row in self._by_coverage
            if len(row.cells) >= 2
        ]

    @cached_property
    def _by_coverage(self) -> list[Row]:
        """Indicators stated by the most reports first (catalog order among equals)."""
        rows = self.comparison.rows if self.comparison else []
        return sorted(rows, key=lambda r: -len(r.cells))

    @property
    def heads(self) -> list[tuple[str, str]]:
        """(label, file name of an upload or "") per column."""
        files = {fr.label: fr.file_name for fr in self.files}
        return (
            [(src, files.get(src, "")) for src in self.comparison.sources]
            if self.comparison
            else []
        )

    @property
    def table(self) -> list[dict[str, Any]]:
        if self.comparison is None:
            return []
        return [
            {
                "indicator": row.indicator,
                "name": row.name,
                "unit": row.unit,
                "cells": [row.cells.get(src) for src in self.comparison.sources],
            }
            for row in self._by_coverage
        ]

    @property
    def outliers(self) -> int:
        rows = self.comparison.rows if self.comparison else []
        return sum(1 for r in rows for c in r.cells.values() if c.outlier)


def analyse_source(name: str, data: bytes | str, catalog: Catalog) -> Report:
    """Read and analyse one upload (bytes) or one report of fazhi rendered to text (str); a file
    that cannot be read becomes a report with a problem, which `check` turns into an
    `unreadable` finding (never an exception)."""
    if isinstance(data, str):
        return analyse_text(name, data, catalog=catalog)
    try:
        doc = read_bytes(name, data)
    except ReadError as exc:
        return Report(source=name, text="", structure=Structure(), problems=[str(exc)])
    report = analyse_document(doc, catalog=catalog)
    report.source = name  # read_bytes keeps only the base name
    return report
