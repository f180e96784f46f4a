"""工作日历 pages: list of years, yearly entry from the notice, confirmation by a second person.
The calendar is national data that every county's clocks use, so only administrators enter and
confirm it; coordinators may read the list. Others get a 404 like any refused object."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.org.models import Role
from fazhi.workcal.entry import EntryError, as_text, confirm, discard_pending, save_entry
from fazhi.workcal.forms import YearEntryForm
from fazhi.workcal.models import CalendarYear


def _is_admin(request: HttpRequest) -> bool:
    user = request.user
    return bool(
        user.is_authenticated and (user.is_superuser or getattr(user, "role", "") == Role.ADMIN)
    )


def _refused(request: HttpRequest, *, readers: bool = False) -> HttpResponse | None:
    """A 404 page for anyone but admins (and coordinators, for reading) — rendered here rather
    than raised, so it does not depend on how middleware treats Http404."""
    if _is_admin(request):
        return None
    if readers and getattr(request.user, "role", "") == Role.COORDINATOR:
        return None
    return render(request, "404.html", status=404)


@login_required
def years(request: HttpRequest) -> HttpResponse:
    if (refused := _refused(request, readers=True)) is not None:
        return refused
    rows = (
        CalendarYear.objects.select_related("entered_by", "confirmed_by")
        .annotate(
            holidays=Count("days", filter=Q(days__kind="holiday")),
            workdays=Count("days", filter=Q(days__kind="workday")),
        )
        .order_by("-year")  # the year being entered or confirmed first
    )
    return render(request, "workcal/years.html", {"years": rows, "can_edit": _is_admin(request)})


@login_required
def edit(request: HttpRequest, year: int | None = None) -> HttpResponse:
    if (refused := _refused(request)) is not None:
        return refused
    existing = CalendarYear.objects.filter(year=year).first() if year else None
    if request.method == "POST":
        form = YearEntryForm(request.POST)
        if form.is_valid():
            try:
                cal = save_entry(
                    form.cleaned_data["year"],
                    source_note=form.cleaned_data["source_note"],
                    text=form.cleaned_data["lines"],
                    by=request.user,
                )
            except EntryError as exc:
                for p in exc.problems:
                    form.add_error("lines", p)
            else:
                if cal.pending_lines:
                    messages.success(
                        request,
                        f"{cal.year}年日历的修改已保存为待确认稿；在另一位管理人员确认之前，"
                        "仍按原已确认的日历计算期限",
                    )
                else:
                    messages.success(
                        request, f"{cal.year}年日历已保存，须由另一位管理人员核对确认后生效"
                    )
                return redirect("workcal:years")
    else:
        initial: dict[str, object] = {"year": year}
        if existing is not None:
            initial |= {
                "source_note": existing.pending_source_note or existing.source_note,
                "lines": existing.pending_lines or as_text(existing),
            }
        form = YearEntryForm(initial=initial)
    return render(request, "workcal/edit.html", {"form": form, "existing": existing})


@login_required
@require_POST
def confirm_year(request: HttpRequest, year: int) -> HttpResponse:
    if (refused := _refused(request)) is not None:
        return refused
    try:
        confirm(year, by=request.user)
    except EntryError as exc:
        messages.error(request, "；".join(exc.problems))
    else:
        messages.success(request, f"{year}年日历已确认，相关期限已重新计算")
    return redirect("workcal:years")


@login_required
@require_POST
def discard_year_edit(request: HttpRequest, year: int) -> HttpResponse:
    if (refused := _refused(request)) is not None:
        return refused
    discard_pending(year)
    messages.success(request, f"已撤销{year}年日历的待确认修改")
    return redirect("workcal:years")
