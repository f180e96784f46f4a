"""The ledger's own pages beyond the kit's: the committees and mediators of the jurisdiction, and
the daily count of questions answered on the spot (entered in one line, Enter saves)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods

from fazhi.casework.sheets import legal_office
from fazhi.ledgers.mediation.forms import CommitteeForm, ConsultationForm, MediatorForm
from fazhi.ledgers.mediation.models import ConsultationDay, MediationCommittee


def _jurisdiction_for_entry(request: HttpRequest) -> Any:
    user: Any = request.user
    if not user.has_perm("mediation.add_case") or user.jurisdiction_id is None:
        return None
    return user.jurisdiction


@login_required
@require_http_methods(["GET", "POST"])
def organizations(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    jurisdiction = _jurisdiction_for_entry(request)
    committee_form = mediator_form = None
    if jurisdiction is not None:
        which = request.POST.get("form") if request.method == "POST" else None
        committee_form = CommitteeForm(
            request.POST if which == "committee" else None, jurisdiction=jurisdiction
        )
        mediator_form = MediatorForm(
            request.POST if which == "mediator" else None, jurisdiction=jurisdiction
        )
        if which == "committee" and committee_form.is_valid():
            office = legal_office(user)
            if office is None:
                raise Http404("本区划尚未设置司法行政部门")
            committee = committee_form.save(commit=False)
            committee.jurisdiction, committee.department = jurisdiction, office
            committee._history_user = user  # type: ignore[attr-defined]
            committee.save()
            messages.success(request, f"已登记调解组织“{committee.name}”")
            return redirect("mediation:organizations")
        if which == "mediator" and mediator_form.is_valid():
            mediator = mediator_form.save(commit=False)
            mediator._history_user = user  # type: ignore[attr-defined]
            mediator.save()
            messages.success(request, f"已登记调解员{mediator.name}")
            return redirect("mediation:organizations")
    elif request.method == "POST":
        raise Http404("无权登记调解组织")
    committees = (
        MediationCommittee.objects.visible_to(user)
        .annotate(
            full_time=Count(
                "mediators", filter=Q(mediators__kind="full_time", mediators__left_on__isnull=True)
            ),
            part_time=Count(
                "mediators", filter=Q(mediators__kind="part_time", mediators__left_on__isnull=True)
            ),
        )
        .order_by("kind", "name")
    )
    return render(
        request,
        "mediation/organizations.html",
        {
            "committees": committees,
            "committee_form": committee_form,
            "mediator_form": mediator_form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultations(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    jurisdiction = _jurisdiction_for_entry(request)
    form = None
    if jurisdiction is not None:
        form = ConsultationForm(request.POST or None, jurisdiction=jurisdiction)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            with transaction.atomic():
                day = (
                    ConsultationDay.objects.select_for_update()
                    .filter(committee=data["committee"], on=data["on"])
                    .first()
                ) or ConsultationDay(committee=data["committee"], on=data["on"])
                day.count = data["count"]
                day._history_user = user  # type: ignore[union-attr]
                day.save()
            messages.success(request, f"已登记{data['committee']}现场解答{data['count']}人次")
            return redirect("mediation:consultations")
    elif request.method == "POST":
        raise Http404("无权登记现场解答")
    days = ConsultationDay.objects.visible_to(user).select_related("committee")
    total = days.aggregate(n=Sum("count"))["n"] or 0
    return render(
        request,
        "mediation/consultations.html",
        {"form": form, "days": days.order_by("-on", "committee__name")[:50], "total": total},
    )


def urls() -> list[Any]:
    return [
        path("organizations/", organizations, name="organizations"),
        path("consultations/", consultations, name="consultations"),
    ]
