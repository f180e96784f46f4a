"""Units' reports: the coordinating office's tracker (sortable, Excel, reminders) and a unit's
upload of a report written elsewhere."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.indicators.access import get_visible_jurisdiction_or_404
from fazhi.org.access import get_visible_or_404
from fazhi.org.models import Department, Jurisdiction, Level, Role
from fazhi.reports import tracker
from fazhi.reports.models import AnnualReport, ReportReminder
from fazhi.reports.unit_reports import UploadError, upload
from fazhi.reports.units import units_of

TRACKER_ROLES = (Role.COORDINATOR, Role.LEADER, Role.SUPERIOR_VIEWER, Role.ADMIN)


def _tracker_jurisdiction(request: HttpRequest) -> tuple[Jurisdiction, bool]:
    """The jurisdiction whose units are tracked, and whether the user may act (chase) there.
    The coordinating office acts on its own; a city viewer reads its counties."""
    user: Any = request.user
    if not (user.is_superuser or user.role in TRACKER_ROLES):
        raise Http404("只有法治办统筹人员、领导和上级查看人员可以查看报送情况")
    code = request.GET.get("jurisdiction") or request.POST.get("jurisdiction") or ""
    if not code:
        if user.jurisdiction is None:
            raise Http404("请选择区划")
        code = user.jurisdiction.code
    jur = get_visible_jurisdiction_or_404(user, code)
    if jur.level == Level.TOWNSHIP:
        raise Http404("乡镇（街道）没有下属单位的报告")
    may_act = (
        user.is_superuser
        or user.role == Role.ADMIN
        or (user.role == Role.COORDINATOR and user.jurisdiction_id == jur.pk)
    )
    return jur, may_act


def _year(value: str | None) -> int:
    today = timezone.localdate()
    try:
        year = int(value or today.year - 1)
    except ValueError as exc:
        raise Http404("年度不正确") from exc
    if not 2000 <= year <= today.year:
        raise Http404("年度不正确")
    return year


@login_required
def tracker_page(request: HttpRequest) -> HttpResponse:
    jur, may_act = _tracker_jurisdiction(request)
    year = _year(request.GET.get("year"))
    sort = request.GET.get("sort", "unit")
    rows = tracker.rows_for(jur, year, sort=sort)
    if request.GET.get("format") == "xlsx":
        resp = HttpResponse(
            tracker.xlsx_bytes(jur, year, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = quote(f"{jur.name}{year}年度法治政府建设年度报告报送情况.xlsx")
        resp["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
        return resp
    user: Any = request.user
    counties = (
        jur.children.exclude(level=Level.TOWNSHIP).order_by("code")
        if jur.level in (Level.CITY, Level.PROVINCE)
        else []
    )
    return render(
        request,
        "reports/tracker.html",
        {
            "jur": jur,
            "year": year,
            "rows": rows,
            "sort": sort,
            "may_act": may_act,
            "counties": counties,
            "years": range(timezone.localdate().year, timezone.localdate().year - 4, -1),
            "submit_due": rows[0].submit_due if rows else None,
            "publish_due": rows[0].publish_due if rows else None,
            "gov_info_due": tracker.disclosure_report_deadline(year),
            "is_viewer": user.role == Role.SUPERIOR_VIEWER,
        },
    )


@login_required
def compare_page(request: HttpRequest) -> HttpResponse:
    from fazhi.reports.unit_compare import comparison

    jur, _ = _tracker_jurisdiction(request)
    year = _year(request.GET.get("year"))
    result, mismatches = comparison(jur, year)
    if request.GET.get("format") == "xlsx":
        resp = HttpResponse(
            result.xlsx,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = quote(f"{jur.name}{year}年度各单位年度报告数字对比.xlsx")
        resp["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
        return resp
    return render(
        request,
        "reports/unit_compare.html",
        {"jur": jur, "year": year, "result": result, "mismatches": mismatches},
    )


@login_required
@require_POST
def remind(request: HttpRequest) -> HttpResponse:
    """催办: record who was chased for which report, by whom and when."""
    jur, may_act = _tracker_jurisdiction(request)
    if not may_act:
        raise Http404("只有本级法治办统筹人员可以催办")
    year = _year(request.POST.get("year"))
    key = request.POST.get("unit", "")
    unit = next((u for u in units_of(jur) if u.key == key), None)
    if unit is None:
        messages.error(request, "请选择要催办的单位")
    else:
        ReportReminder.objects.create(
            jurisdiction=jur,
            year=year,
            department=unit.department,
            township=None if unit.department else unit.jurisdiction,
            note=request.POST.get("note", "").strip()[:300]
            or f"请尽快报送并公开{year}年度法治政府建设年度报告",
            by=request.user,  # type: ignore[misc]  # login_required
        )
        messages.success(request, f"已记录催办：{unit.name}")
    url = reverse("reports:tracker") + f"?jurisdiction={jur.code}&year={year}"
    return redirect(url)


def _unit_of(user: Any) -> tuple[Jurisdiction, Department | None] | None:
    """The unit a user reports for: their department, or their township's government."""
    if user.department_id and user.role in (Role.LEGAL_OFFICER, Role.CLERK):
        return user.department.jurisdiction, user.department
    if user.jurisdiction_id and user.role == Role.COORDINATOR:
        return user.jurisdiction, None
    return None


@login_required
def upload_view(request: HttpRequest) -> HttpResponse:
    unit = _unit_of(request.user)
    if unit is None:
        raise Http404("只有部门法制员、录入员或乡镇（街道）统筹人员可以上传本单位的报告")
    jur, department = unit
    form: dict[str, str] = {}
    if request.method == "POST":
        form = {
            k: request.POST.get(k, "").strip()
            for k in ("year", "submitted_on", "published_on", "url")
        }
        f = request.FILES.get("file")
        try:
            if f is None:
                raise UploadError("请选择要上传的报告文件（.docx、.pdf 或 .txt）")
            try:
                year = int(form["year"])
            except ValueError as exc:
                raise UploadError("请填写报告年度，如 2025") from exc
            report = upload(
                jur,
                year,
                department=department,
                name=f.name or "report.txt",
                data=f.read(UPLOAD_READ_LIMIT),
                by=request.user,
                submitted_on=_date(form["submitted_on"], "报送日期"),
                published_on=_date(form["published_on"], "公开日期"),
                url=form["url"],
            )
        except UploadError as exc:
            messages.error(request, str(exc))
            return render(
                request,
                "reports/upload.html",
                {"form": form, "unit_name": _name(jur, department)},
                status=422,
            )
        messages.success(request, f"已上传《{report.title}》")
        return redirect(report)
    form = {"year": str(timezone.localdate().year - 1)}
    return render(
        request, "reports/upload.html", {"form": form, "unit_name": _name(jur, department)}
    )


# Read at most one byte over the limit: enough to refuse an over-size file without holding it.
UPLOAD_READ_LIMIT = 10 * 1024 * 1024 + 1


def _name(jur: Jurisdiction, department: Department | None) -> str:
    return f"{jur.name}{department.name}" if department else jur.government_name


def _date(value: str, what: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UploadError(f"{what}“{value[:20]}”格式不正确，请按 2026-02-10 的格式填写") from exc


@login_required
def uploaded_file(request: HttpRequest, pk: int) -> FileResponse:
    report = get_visible_or_404(AnnualReport, request.user, pk=pk)
    if not report.uploaded_file:
        raise Http404("该报告没有上传的文件")
    return FileResponse(
        report.uploaded_file.open("rb"),
        as_attachment=True,
        filename=(report.uploaded_file.name or "report").rsplit("/", 1)[-1],
    )


__all__ = ["compare_page", "remind", "tracker_page", "upload_view", "uploaded_file"]
