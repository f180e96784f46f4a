"""The first draft, built from the ledgers' registered sections with figures frozen as tokens."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.indicators.compute import Snapshot, evaluate
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import PART_NUMERALS, PARTS, sections_for
from fazhi.org.models import Department, Jurisdiction
from fazhi.reports import tokens
from fazhi.reports.models import AnnualReport, Origin, ReportPart, Status

PLACEHOLDER_RE = re.compile(r"【待补充[^】]*】")
ORDINAL_RE = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]\s*")
CN_ORDINALS = "一二三四五六七八九十"


def cn_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (headings（十二）, never（12）)."""
    if n <= 10:
        return CN_ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "十" if tens == 1 else CN_ORDINALS[tens - 1] + "十"
    return head + (CN_ORDINALS[ones - 1] if ones else "")


HEADING_PREFIX = "## "


class DraftError(ValueError):
    pass


def placeholder(part: int) -> str:
    return (
        f"【待补充：暂无台账为“{PARTS[part]}”提供内容，请起草人根据实际情况撰写本部分，不得留空。】"
    )


def part_heading(number: int) -> str:
    return f"{PART_NUMERALS[number]}、{PARTS[number]}"


def unit_name(jur: Jurisdiction, department: Department | None = None) -> str:
    return f"{jur.name}{department.name}" if department is not None else jur.government_name


def report_title(jur: Jurisdiction, year: int, department: Department | None = None) -> str:
    return f"{unit_name(jur, department)}关于{year}年度法治政府建设情况的报告"


def opening(jur: Jurisdiction, year: int, department: Department | None = None) -> str:
    who = unit_name(jur, department) if department is not None else jur.name
    return (
        f"根据《法治政府建设与责任落实督察工作规定》，现将{who}{year}年度法治政府建设情况报告如下。"
    )


def report_scope(jur: Jurisdiction, year: int, department: Department | None = None) -> Scope:
    """What a report's figures count: a government's jurisdiction with everything below it, or
    one department's own rows."""
    if department is not None:
        return Scope.department_year(department, year)
    return Scope.year(jur, year)


def snapshot_for(report: AnnualReport, **kw: Any) -> Snapshot:
    """The figures of a report's own scope (a department's report counts that department only)."""
    scope = report_scope(report.jurisdiction, report.year, report.department)
    return evaluate(scope, jurisdiction=report.jurisdiction, year=report.year, **kw)


def part_text(number: int, scope: Scope) -> str:
    lines: list[str] = []
    n = 0
    for section in sections_for(number):
        paragraphs = [p.strip() for p in section.build(scope) if p and p.strip()]
        if not paragraphs:
            continue
        title = ORDINAL_RE.sub("", section.title).strip()
        if title:
            lines.append(f"{HEADING_PREFIX}（{cn_ordinal(n + 1)}）{title}")
            n += 1
        lines.extend(paragraphs)
    if not any(not line.startswith(HEADING_PREFIX) for line in lines):
        return placeholder(number)
    return "\n".join(lines)


@transaction.atomic
def draft(
    jur: Jurisdiction,
    year: int,
    *,
    by: Any = None,
    snapshot: Snapshot | None = None,
    department: Department | None = None,
) -> AnnualReport:
    """Create (or rebuild, while still 起草) the report of a jurisdiction-year from the ledgers;
    with `department`, that department's own report, its figures counted over its own rows."""
    this_year = timezone.localdate().year
    if not 2000 <= year <= this_year:
        raise DraftError(f"报告年度应在2000年至{this_year}年之间，您填写的是{year}")
    if department is not None and department.jurisdiction_id != jur.pk:
        raise DraftError(f"{department.name}不属于{jur.name}")
    report: AnnualReport | None = (
        AnnualReport.objects.select_for_update()
        .filter(jurisdiction=jur, year=year, department=department)
        .first()
    )
    if report is not None and report.status != Status.DRAFT:
        raise DraftError(f"{year}年度报告已处于“{report.get_status_display()}”状态，不能重新起草")
    if report is not None and report.origin == Origin.UPLOADED:
        raise DraftError(f"{year}年度报告已以上传文件报来，不能再从台账起草")
    if snapshot is None:
        snapshot = evaluate(report_scope(jur, year, department), jurisdiction=jur, year=year)
    scope = snapshot.scope
    drafting: Department | None
    if department is not None:
        drafting = department
        signer = unit_name(jur, department)
        recipient = f"中共{jur.name}委员会、{jur.government_name}"  # 本级党委和政府
    else:
        drafting = Department.objects.filter(jurisdiction=jur, is_legal_office=True).first()
        signer = jur.government_name
        recipient = jur.parent.government_name if jur.parent else ""
    header = {
        "title": report_title(jur, year, department),
        "opening": opening(jur, year, department),
        "recipient": recipient,
        "signer": signer,
        "drafting_department": drafting,
        "drafted_at": timezone.now(),
    }
    if report is None:
        report = AnnualReport(jurisdiction=jur, year=year, department=department, **header)
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
