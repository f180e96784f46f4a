"""填报 pages: rounds, a unit's entry page (values, evidence, notes), the office's review
(approve / return with a reason, 准予补报), the evidence files, and the rows behind a 填报 figure."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.casework.transitions import TransitionError
from fazhi.filing import services
from fazhi.filing.models import FiledValue, FilingRound, FilingUnit
from fazhi.indicators.access import visible_jurisdictions
from fazhi.indicators.catalog import get_catalog
from fazhi.org.models import Jurisdiction, Level, Role
from fazhi.reports.units import units_of

UNIT_ROLES = (Role.LEGAL_OFFICER, Role.CLERK)


def is_office(user: Any, rnd: FilingRound) -> bool:
    """The coordinating office of the round's jurisdiction (or an administrator) acts on it."""
    return bool(
        user.is_superuser
        or user.role == Role.ADMIN
        or (user.role == Role.COORDINATOR and user.jurisdiction_id == rnd.jurisdiction_id)
    )


def is_member(user: Any, unit: FilingUnit) -> bool:
    """Someone who submits for this unit: its department's staff, or its township's people."""
    if unit.department_id:
        return bool(user.department_id == unit.department_id and user.role in UNIT_ROLES)
    return bool(
        user.jurisdiction_id == unit.township_id
        and user.role in (Role.COORDINATOR, Role.CLERK, Role.LEGAL_OFFICER)
    )


def _visible_units(user: Any) -> Any:
    return FilingUnit.objects.visible_to(user)


def _round_or_404(user: Any, pk: int) -> FilingRound:
    rnd = get_object_or_404(FilingRound, pk=pk)
    if not (is_office(user, rnd) or _visible_units(user).filter(round=rnd).exists()):
        raise Http404("未找到该填报轮次")
    return rnd


def _unit_or_404(user: Any, pk: int) -> FilingUnit:
    unit: FilingUnit = get_object_or_404(
        _visible_units(user).select_related("round", "department", "township"), pk=pk
    )
    return unit


def _may_open(user: Any) -> bool:
    return bool(
        user.is_superuser
        or user.role == Role.ADMIN
        or (
            user.role == Role.COORDINATOR
            and user.jurisdiction is not None
            and user.jurisdiction.level in (Level.COUNTY, Level.CITY)
        )
    )


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    rounds = (
        FilingRound.objects.filter(
            Q(pk__in=_visible_units(user).values("round"))
            | Q(jurisdiction_id=user.jurisdiction_id, jurisdiction__isnull=False)
            if user.role in (Role.COORDINATOR, Role.LEADER)
            else Q(pk__in=_visible_units(user).values("round"))
        )
        .select_related("jurisdiction")
        .distinct()
    )
    own_units = {u.round_id: u for u in _visible_units(user) if is_member(user, u)}
    return render(
        request,
        "filing/list.html",
        {"rounds": rounds, "may_open": _may_open(user), "own_units": own_units},
    )


def _date(value: str, what: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise services.FilingError(
            f"{what}“{value[:20]}”格式不正确，请按 2026-02-10 的格式填写"
        ) from exc


@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not _may_open(user):
        raise Http404("只有法治办统筹人员可以开启填报")
    jur: Jurisdiction = user.jurisdiction or get_object_or_404(
        visible_jurisdictions(user), code=request.POST.get("jurisdiction", "")
    )
    catalog = get_catalog()
    choices = [(i, catalog[i]) for i in services.fillable_ids()]
    units = units_of(jur)
    form: dict[str, Any] = {
        "year": str(timezone.localdate().year - 1),
        "title": "",
        "deadline": "",
        "indicators": [],
        "units": [u.key for u in units],
    }
    status = 200
    if request.method == "POST":
        form = {
            "year": request.POST.get("year", ""),
            "title": request.POST.get("title", ""),
            "deadline": request.POST.get("deadline", ""),
            "indicators": request.POST.getlist("indicators"),
            "units": request.POST.getlist("units"),
        }
        try:
            try:
                year = int(form["year"])
            except ValueError as exc:
                raise services.FilingError("请填写数据年度，如 2025") from exc
            chosen = [u for u in units if u.key in set(form["units"])]
            rnd = services.open_round(
                jur,
                year=year,
                title=form["title"],
                deadline=_date(form["deadline"], "截止日期"),
                indicator_ids=form["indicators"],
                units=[(u.department, None if u.department else u.jurisdiction) for u in chosen],
                by=user,
            )
        except services.FilingError as exc:
            messages.error(request, exc.message)
            status = 422
        else:
            messages.success(request, f"已开启填报：{rnd.title}")
            return redirect("filing:round", pk=rnd.pk)
    return render(
        request,
        "filing/new.html",
        {"jur": jur, "choices": choices, "units": units, "form": form},
        status=status,
    )


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    rnd = _round_or_404(user, pk)
    if not is_office(user, rnd):
        own = [u for u in _visible_units(user).filter(round=rnd) if is_member(user, u)]
        if own:
            return redirect("filing:unit", pk=own[0].pk)
    catalog = get_catalog()
    units = list(_visible_units(user).filter(round=rnd).select_related("department", "township"))
    values = {
        (v.unit_id, v.indicator_id): v
        for v in FiledValue.objects.filter(unit__in=units).select_related("submitted_by")
    }
    table = [(u, [(i, values.get((u.pk, i))) for i in rnd.indicator_ids]) for u in units]
    return render(
        request,
        "filing/round.html",
        {
            "round": rnd,
            "indicators": [catalog[i] for i in rnd.indicator_ids if i in catalog],
            "table": table,
            "office": is_office(user, rnd),
            "is_open": rnd.is_open(timezone.localdate()),
        },
    )


@login_required
def unit_page(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    unit = _unit_or_404(user, pk)
    rnd = unit.round
    today = timezone.localdate()
    member = is_member(user, unit)
    status = 200
    if request.method == "POST":
        if not member:
            raise Http404("只有本单位人员可以填报")
        ind_id = request.POST.get("indicator", "")
        f = request.FILES.get("evidence")
        evidence = (
            services.Evidence(f.name or "", f.read(services.MAX_EVIDENCE_BYTES + 1)) if f else None
        )
        try:
            services.submit_value(
                unit,
                ind_id,
                request.POST.get("value", ""),
                note=request.POST.get("note", ""),
                evidence=evidence,
                by=user,
            )
        except services.FilingError as exc:
            messages.error(request, exc.message)
            status = 422
        else:
            messages.success(request, "已报送，等待法治办审核")
            return redirect("filing:unit", pk=unit.pk)
    catalog = get_catalog()
    values = {v.indicator_id: v for v in unit.values.select_related("submitted_by", "reviewed_by")}
    rows = [(catalog[i], values.get(i)) for i in rnd.indicator_ids if i in catalog]
    return render(
        request,
        "filing/unit.html",
        {
            "unit": unit,
            "round": rnd,
            "rows": rows,
            "member": member,
            "accepts": unit.accepts(today),
            "reopened": unit.is_reopened(today),
            "office": is_office(user, rnd),
            "round_open": rnd.is_open(today),
            "today": today,
        },
        status=status,
    )


@login_required
@require_POST
def value_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    user: Any = request.user
    value = get_object_or_404(
        FiledValue.objects.filter(unit__in=_visible_units(user)).select_related("unit__round"),
        pk=pk,
    )
    if not is_office(user, value.unit.round):
        raise Http404("只有法治办统筹人员可以审核填报数")
    try:
        if action == "approve":
            services.approve(value, by=user)
            messages.success(request, "已审核通过")
        elif action == "return":
            services.return_value(value, by=user, reason=request.POST.get("reason", ""))
            messages.success(request, "已退回填报单位")
        else:
            raise Http404("未知操作")
    except services.FilingError as exc:
        messages.error(request, exc.message)
    except TransitionError as exc:
        messages.error(request, exc.message)
    return redirect("filing:unit", pk=value.unit_id)


@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    unit = _unit_or_404(user, pk)
    if not is_office(user, unit.round):
        raise Http404("只有法治办统筹人员可以准予补报")
    try:
        services.reopen(
            unit,
            until=_date(request.POST.get("until", ""), "补报截止日期"),
            reason=request.POST.get("reason", ""),
            by=user,
        )
        messages.success(request, f"已准予{unit.name}补报")
    except services.FilingError as exc:
        messages.error(request, exc.message)
    return redirect("filing:unit", pk=unit.pk)


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    rnd = _round_or_404(user, pk)
    if not is_office(user, rnd):
        raise Http404("只有法治办统筹人员可以关闭填报")
    try:
        services.close_round(rnd, by=user)
        messages.success(request, "已关闭本轮填报")
    except services.FilingError as exc:
        messages.error(request, exc.message)
    return redirect("filing:round", pk=rnd.pk)


@login_required
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    value = get_object_or_404(
        FiledValue.objects.filter(unit__in=_visible_units(request.user)), pk=pk
    )
    return FileResponse(value.evidence.open("rb"), as_attachment=True, filename=value.evidence_name)


def _ints(text: str) -> list[int]:
    try:
        return [int(x) for x in text.split(",") if x]
    except ValueError as exc:
        raise Http404("参数不正确") from exc


@login_required
def values(request: HttpRequest) -> HttpResponse:
    """The approved values behind a 填报 figure (the indicators page links here), with evidence."""
    from fazhi.filing.figures import approved
    from fazhi.indicators.scope import Scope

    catalog = get_catalog()
    ind_id = request.GET.get("indicator", "")
    if ind_id not in catalog.indicators:
        raise Http404("未知指标")
    try:
        start = dt.date.fromisoformat(request.GET.get("start", ""))
        end = dt.date.fromisoformat(request.GET.get("end", ""))
        scope = Scope(
            frozenset(_ints(request.GET.get("j", ""))),
            start,
            end,
            frozenset(_ints(request.GET.get("d", ""))),
        )
    except ValueError as exc:
        raise Http404("统计期间不正确") from exc
    allowed = set(visible_jurisdictions(request.user).values_list("pk", flat=True))
    rows = (
        approved(scope)
        .filter(indicator_id=ind_id, unit__in=_visible_units(request.user))
        .filter(
            Q(unit__township_id__in=allowed)
            | Q(unit__township__isnull=True, unit__round__jurisdiction_id__in=allowed)
        )
        .select_related("unit__round", "unit__department", "unit__township", "reviewed_by")
    )
    return render(
        request, "filing/values.html", {"indicator": catalog[ind_id], "rows": rows, "scope": scope}
    )
