"""审查台 (review desk): a coordinator uploads published or draft annual reports and sees what the
`review` package finds in each (structure, statutory parts, figures, findings) and, for two or more,
the indicator × report comparison. This module holds the form and the result the page shows; the
review itself runs in the background (desk_jobs), the pages are in desk_views. The comparison
workbook travels back inside the page as a data: link."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from fazhi.org.models import Role
from review import Finding, ReadError, Report, analyse_document, read_bytes
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
        if not files:
            raise forms.ValidationError("请选择至少一个报告文件（.txt、.docx、.pdf 或 .html）")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class DeskForm(forms.Form):
    report_files = MultipleFileField(
        label="报告文件", allow_empty_file=True
    )  # empty: clean_report_files

    def clean_report_files(self) -> list[UploadedFile[Any]]:
        files: list[UploadedFile[Any]] = self.cleaned_data["report_files"]
        errors = []
        if len(files) > MAX_FILES:
            errors.append(f"一次最多审查 {MAX_FILES} 份报告，您选择了 {len(files)} 份")
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


@dataclass
class FileResult:
    report: Report
    findings: list[Finding]
    catalog: Catalog
    size: int = 0

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
        """(file name, issuer and year) per column, so 000_….txt says whose report it is."""
        by_source = {fr.report.source: fr.structure for fr in self.files}
        out = []
        for src in self.comparison.sources if self.comparison else []:
            st = by_source.get(src)
            out.append((src, " ".join(str(x) for x in (st.issuer, st.year) if x) if st else ""))
        return out

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


def unique_name(name: str, seen: set[str]) -> str:
    base, n = Path(name).name or "未命名", 2
    candidate = base
    while candidate in seen:
        candidate, n = f"{base}（{n}）", n + 1
    seen.add(candidate)
    return candidate


def analyse_upload(name: str, data: bytes, catalog: Catalog) -> Report:
    """Read and analyse one upload; a file that cannot be read becomes a report with a problem,
    which `check` turns into an `unreadable` finding (never an exception)."""
    try:
        doc = read_bytes(name, data)
    except ReadError as exc:
        return Report(source=name, text="", structure=Structure(), problems=[str(exc)])
    report = analyse_document(doc, catalog=catalog)
    report.source = name  # read_bytes keeps only the base name; we need the de-duplicated one
    return report
