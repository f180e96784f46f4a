"""A unit's report written elsewhere and uploaded (docx/pdf/txt, with its publication URL), and the
`review/` checks on any unit's report, drafted here or uploaded (the tracker's review column)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from fazhi.casework.transitions import TransitionError
from fazhi.org.models import Department, Jurisdiction
from fazhi.reports.draft import report_title, unit_name
from fazhi.reports.models import AnnualReport, Origin, Status
from fazhi.reports.units import ensure_recipients
from review import analyse_text, check
from review.checks import Finding
from review.reading import ReadError, read_bytes

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ALLOWED_SUFFIXES = (".docx", ".pdf", ".txt")


class UploadError(ValueError):
    """An upload refused; the message is shown and nothing is saved."""


def read_upload(name: str, data: bytes) -> str:
    """The text of an uploaded report, or UploadError saying why it is not one."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadError(
            f"不支持“{suffix or '无扩展名'}”格式的文件，请上传 .docx、.pdf 或 .txt 格式的报告"
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(
            f"文件过大（{len(data) / 1024 / 1024:.1f} MB），报告文件不能超过"
            f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB"
        )
    if not data:
        raise UploadError("上传的文件是空的")
    try:
        doc = read_bytes(name, data)
    except ReadError as exc:
        raise UploadError(str(exc)) from exc
    if doc.problems:
        raise UploadError("；".join(doc.problems))
    analysed = analyse_text(name, doc.text)
    if not any(analysed.structure.statutory_parts.values()):
        raise UploadError(
            "文件中找不到年度报告的任何法定内容（主要举措和成效、存在的不足和原因、"
            "党政主要负责人履职、下一年度工作安排），不像是一份法治政府建设年度报告"
        )
    return doc.text


def _url(url: str) -> str:
    url = url.strip()
    if not url:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise UploadError(f"公开网址“{url[:80]}”格式不正确，应以 http:// 或 https:// 开头") from exc
    if len(url) > 200:
        raise UploadError(f"公开网址最多200个字符，现在有{len(url)}个")
    return url


@transaction.atomic
def upload(
    jur: Jurisdiction,
    year: int,
    *,
    department: Department | None,
    name: str,
    data: bytes,
    by: Any,
    submitted_on: dt.date | None = None,
    published_on: dt.date | None = None,
    url: str = "",
) -> AnnualReport:
    """Record a unit's report written elsewhere: as 定稿; with a submission date every recipient
    row is recorded (报送); with the publication URL and date it is 公开."""
    today = timezone.localdate()
    if not 2000 <= year <= today.year:
        raise UploadError(f"报告年度应在2000年至{today.year}年之间，您填写的是{year}")
    text = read_upload(name, data)
    url = _url(url)
    for d, what in ((submitted_on, "报送日期"), (published_on, "公开日期")):
        if d is not None and d > today:
            raise UploadError(f"{what}不能晚于今天")
    if (url and published_on is None) or (published_on is not None and not url):
        raise UploadError("登记公开须同时填写公开网址和公开日期")
    if published_on is not None and submitted_on is None:
        raise UploadError("登记公开前须先填写报送日期")
    if published_on and submitted_on and published_on < submitted_on:
        raise UploadError("公开日期不能早于报送日期")
    existing = AnnualReport.objects.filter(jurisdiction=jur, year=year, department=department)
    if existing.exclude(origin=Origin.UPLOADED).exists():
        raise UploadError(f"{year}年度报告已在系统中起草，请在系统中完成，不必上传")
    if existing.exclude(status=Status.FINAL).exists():
        raise UploadError(f"{year}年度报告已登记报送，不能再替换上传的文件")
    existing.delete()
    status = (
        Status.PUBLISHED if published_on else (Status.SUBMITTED if submitted_on else Status.FINAL)
    )
    report = AnnualReport(
        jurisdiction=jur,
        year=year,
        department=department,
        origin=Origin.UPLOADED,
        title=report_title(jur, year, department),
        signer=unit_name(jur, department),
        drafting_department=department,
        uploaded_text=text,
        status=status,
        issued_on=submitted_on or today,
        submitted_on=submitted_on,
        published_on=published_on,
        published_url=url,
        drafted_at=timezone.now(),
    )
    if published_on:
        # A report published elsewhere has been through its own 保密审查 there.
        report.secrecy_checked_on = published_on
        report.secrecy_note = "报告在系统外编写并公开，保密审查在系统外完成"
    report._history_user = by if getattr(by, "is_authenticated", False) else None  # type: ignore[attr-defined]
    report.uploaded_file.save(name[-100:], ContentFile(data), save=False)
    report.save()
    rows = ensure_recipients(report)
    if submitted_on:
        for row in rows:
            row.sent_on = submitted_on
            row.sent_by = by if getattr(by, "is_authenticated", False) else None
            row.save(update_fields=["sent_on", "sent_by"])
    return report


def report_text(report: AnnualReport) -> str:
    """The text `review/` reads: the uploaded file's, or the rendered draft's."""
    if report.origin == Origin.UPLOADED:
        return report.uploaded_text
    from fazhi.reports.render import plain_text

    return plain_text(report)


@dataclass
class ReviewResult:
    """What the tracker shows of `review/`'s checks on one report."""

    findings: list[Finding]
    unwritten: bool = False  # the text still holds a 【待补充…】 placeholder

    def _codes(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.code == code]

    @property
    def missing_parts(self) -> list[str]:
        return [f.message.split("“")[1].split("”")[0] for f in self._codes("missing_part")]

    @property
    def identity_errors(self) -> int:
        return len(self._codes("identity_failed"))

    @property
    def rates_over_100(self) -> int:
        return len(self._codes("rate_over_100"))

    @property
    def vague(self) -> bool:
        return bool(self._codes("vague_shortcomings"))

    @property
    def copied(self) -> int:
        return len(self._codes("copied_paragraph"))

    @property
    def placeholder(self) -> bool:
        """A part still holding the drafting placeholder 【待补充…】."""
        return bool(self._codes("placeholder_shortcomings")) or self.unwritten

    @property
    def problem_count(self) -> int:
        return (
            int(self.placeholder)
            + len(self.missing_parts)
            + self.identity_errors
            + self.rates_over_100
            + int(self.vague)
            + self.copied
        )


def review_findings(report: AnnualReport, previous: AnnualReport | None = None) -> list[Finding]:
    """`review/` checks on the report's text, against last year's report of the same unit."""
    if previous is None:
        previous = AnnualReport.objects.filter(
            jurisdiction_id=report.jurisdiction_id,
            department_id=report.department_id,
            year=report.year - 1,
        ).first()
    this = analyse_text(report.title, report_text(report))
    last = analyse_text(previous.title, report_text(previous)) if previous else None
    return check(this, previous=last)


def review_result(report: AnnualReport, previous: AnnualReport | None = None) -> ReviewResult:
    from fazhi.reports.draft import PLACEHOLDER_RE

    unwritten = bool(PLACEHOLDER_RE.search(report_text(report)))
    return ReviewResult(review_findings(report, previous), unwritten=unwritten)


__all__ = [
    "TransitionError",
    "UploadError",
    "read_upload",
    "report_text",
    "review_result",
    "upload",
]
