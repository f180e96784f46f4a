"""The daily tally of consultations answered and legal documents drafted (Enter saves)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods

from fazhi.casework.sheets import legal_office
from fazhi.ledgers.legal_aid.forms import ServiceForm
from fazhi.ledgers.legal_aid.models import ServiceDay


@login_required
@require_http_methods(["GET", "POST"])
def services(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    office = legal_office(user) if user.jurisdiction_id else None
    allowed = office is not None and user.has_perm("legal_aid.add_case")
    form = ServiceForm(request.POST or None) if allowed else None
    if request.method == "POST":
        if form is None:
            raise Http404("无权登记法律咨询")
        if form.is_valid():
            data = form.cleaned_data
            with transaction.atomic():
                day = (
                    ServiceDay.objects.select_for_update()
                    .filter(department=office, on=data["on"])
                    .first()
                ) or ServiceDay(
                    jurisdiction_id=user.jurisdiction_id, department=office, on=data["on"]
                )
                day.consultations = data["consultations"]
                day.documents_drafted = data["documents_drafted"]
                day._history_user = user  # type: ignore[union-attr]
                day.save()
            messages.success(request, "已登记")
            return redirect("legal_aid:services")
    days = ServiceDay.objects.visible_to(user)
    totals = days.aggregate(c=Sum("consultations"), d=Sum("documents_drafted"))
    return render(
        request,
        "legal_aid/services.html",
        {"form": form, "days": days.order_by("-on")[:50], "totals": totals},
    )


def urls() -> list[Any]:
    return [path("services/", services, name="services")]
