"""The first draft, built from the ledgers' registered sections with figures frozen as tokens."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.indicators.compute import Snapshot, for_jurisdiction_year
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import PART_NUMERALS, PARTS, sections_for
from fazhi.org.models import Department, Jurisdiction
from fazhi.reports import tokens
from fazhi.reports.models import AnnualReport, ReportPart, Status

PLACEHOLDER_RE = re.compile(r"【待补充[^】]*】")
ORDINAL_RE = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]\s*")
CN_ORDINALS = "一二三四五六七八九十"
HEADING_PREFIX = "## "


class DraftError(ValueError):
    pass


def placeholder(part: int) -> str:
    return (
        f"【待补充：暂无台账为“{PARTS[part]}”提供内容，请起草人根据实际情况撰写本部分，不得留空。】"
    )


def part_heading(number: int) -> str:
    return f"{PART_NUMERALS[number]}、{PARTS[number]}"


def report_title(jur: Jurisdiction, year: int) -> str:
    return f"{jur.government_name}关于{year}年度法治政府建设情况的报告"


def opening(jur: Jurisdiction, year: int) -> str:
    return f"根据《法治政府建设与责任落实督察工作规定》，现将{jur.name}{year}年度法治政府建设情况报告如下。"


def part_text(number: int, scope: Scope) -> str:
    lines: list[str] = []
    n = 0
    for section in sections_for(number):
        paragraphs = [p.strip() for p in section.build(scope) if p and p.strip()]
        if not paragraphs:
            continue
        title = ORDINAL_RE.sub("", section.title).strip()
        if title:
            lines.append(f"{HEADING_PREFIX}（{CN_ORDINALS[n] if n < 10 else n + 1}）{title}")
            n += 1
        lines.extend(paragraphs)
    if not any(not line.startswith(HEADING_PREFIX) for line in lines):
        return placeholder(number)
    return "\n".join(lines)


@transaction.atomic
def draft(
    jur: Jurisdiction, year: int, *, by: Any = None, snapshot: Snapshot | None = None
) -> AnnualReport:
    """Create (or rebuild, while still 起草) the report of a jurisdiction-year from the ledgers."""
    this_year = timezone.localdate().year
    if not 2000 <= year <= this_year:
        raise DraftError(f"报告年度应在2000年至{this_year}年之间，您填写的是{year}")
    report: AnnualReport | None = (
        AnnualReport.objects.select_for_update().filter(jurisdiction=jur, year=year).first()
    )
    if report is not None and report.status != Status.DRAFT:
        raise DraftError(f"{year}年度报告已处于“{report.get_status_display()}”状态，不能重新起草")
    snapshot = snapshot or for_jurisdiction_year(jur, year)
    scope = snapshot.scope
    legal = Department.objects.filter(jurisdiction=jur, is_legal_office=True).first()
    header = {
        "title": report_title(jur, year),
        "opening": opening(jur, year),
        "recipient": jur.parent.government_name if jur.parent else "",
        "signer": jur.government_name,
        "drafting_department": legal,
        "drafted_at": timezone.now(),
    }
    if report is None:
        report = AnnualReport(jurisdiction=jur, year=year, **header)
        report._history_user = by if getattr(by, "is_authenticated", False) else None  # type: ignore[attr-defined]
        report.save()
    else:
        for k, v in header.items():
            setattr(report, k, v)
        report.save(update_fields=[*header])
        report.figures.all().delete()
    texts = {number: part_text(number, scope) for number in PARTS}
    unknown = [t for text in texts.values() for t in tokens.unknown_tokens(text)]
    if unknown:
        raise DraftError("台账报告段落中的数字标记指向未知指标：" + "、".join(unknown))
    report.kept_parts = []  # type: ignore[attr-defined]
    for number, text in texts.items():
        part = ReportPart.objects.filter(report=report, number=number).first()
        if part is None:
            part = ReportPart(report=report, number=number, title=part_heading(number))
        elif part.text != part.drafted_text and part.text.strip():
            report.kept_parts.append(part.title)  # type: ignore[attr-defined]
            text = part.text  # written by hand since the last draft: keep it
        part.text = text
        part.drafted_text = texts[number]
        part.save()
        for ind_id in tokens.ids_in(text):
            if ind_id in snapshot.figures:
                tokens.freeze(report, snapshot[ind_id])
    return report
