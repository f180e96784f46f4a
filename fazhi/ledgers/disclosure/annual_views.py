"""The ledger's own pages beyond the kit's: the 政府信息公开工作年度报告 (public HTML for a finished
year; docx/PDF/JSON for signed-in users of the jurisdiction or above) and the yearly counts
(主动公开, 政务新媒体, 第二部分 figures) with their entry forms."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from fazhi.casework.forms import DATE, BootstrapMixin
from fazhi.ledgers.disclosure import annual, annual_render
from fazhi.ledgers.disclosure.models import (
    AnnualFigures,
    NewMediaAccount,
    NewMediaInspection,
    ProactiveItem,
)
from fazhi.lib.cn_date import cn_date
from fazhi.org.models import Department, Jurisdiction


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    last = timezone.localdate().year - 1
    if not raw:
        return last
    if not (raw.isascii() and raw.isdigit()) or not 2008 <= int(raw) <= last:
        raise Http404("只能生成已结束年度的政府信息公开工作年度报告")
    return int(raw)


def _target(request: HttpRequest) -> tuple[Jurisdiction, Department | None]:
    code = request.GET.get("j", "")
    jurisdiction = Jurisdiction.objects.filter(code=code).first() if code else None
    if jurisdiction is None:
        user: Any = request.user
        jurisdiction = getattr(user, "jurisdiction", None)
    if jurisdiction is None:
        raise Http404("请指定区划（j=区划代码）")
    dept = None
    raw = request.GET.get("dept", "")
    if raw:
        if not (raw.isascii() and raw.isdigit()):
            raise Http404("部门参数无效")
        dept = Department.objects.filter(pk=int(raw), jurisdiction=jurisdiction).first()
        if dept is None:
            raise Http404("本区划没有该部门")
    return jurisdiction, dept


def annual_report(request: HttpRequest) -> HttpResponse:
    """The report: ?j=<区划代码>&year=&dept=&format=html|docx|pdf|json. The HTML is public."""
    jurisdiction, dept = _target(request)
    year = _year(request)
    fmt = request.GET.get("format", "html")
    if fmt not in ("html", "docx", "pdf", "json"):
        raise Http404("格式应为 html、docx、pdf 或 json")
    if fmt != "html":
        user: Any = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse('login')}?next={quote(request.get_full_path())}")
        mine = user.jurisdiction
        if mine is None or not mine.subtree().filter(pk=jurisdiction.pk).exists():
            raise Http404("没有该区划的报告")
    report = annual.build(jurisdiction, year, dept)
    if fmt == "html":
        return HttpResponse(annual_render.to_html(report))
    if fmt == "json":
        return HttpResponse(annual_render.to_json(report), content_type="application/json")
    name = annual_render.title(report)
    if fmt == "docx":
        body = annual_render.to_docx(report)
        ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        from fazhi.reports.pdf import LibreOfficeMissing

        try:
            body = annual_render.to_pdf(report)
        except LibreOfficeMissing as exc:
            return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
        ctype = "application/pdf"
    response = HttpResponse(body, content_type=ctype)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.{fmt}"
    return response


class ProactiveForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = ProactiveItem
        fields = ["department", "year", "category", "count", "evidence"]

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["department"].queryset = Department.objects.filter(jurisdiction=jurisdiction)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        taken = ProactiveItem.objects.filter(
            jurisdiction=self.jurisdiction,
            department=data.get("department"),
            year=data.get("year"),
            category=data.get("category"),
        )
        if taken.exists():
            raise forms.ValidationError("该年度该类别已有数据，请修改原有记录")
        year = data.get("year")
        if year is not None and not 2008 <= year <= timezone.localdate().year:
            raise forms.ValidationError("年度应在2008年至今年之间")
        return data


class AccountForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = NewMediaAccount
        fields = ["department", "name", "platform", "opened_on", "closed_on"]
        widgets = {"opened_on": DATE, "closed_on": DATE}

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(jurisdiction=jurisdiction)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opened, closed = data.get("opened_on"), data.get("closed_on")
        today = timezone.localdate()
        if opened and opened > today:
            raise forms.ValidationError("开设日期不能晚于今天")
        if opened and closed and closed < opened:
            raise forms.ValidationError("关停注销日期不能早于开设日期")
        return data


class InspectionForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = NewMediaInspection
        fields = ["account", "inspected_on", "passed", "findings"]
        widgets = {"inspected_on": DATE}

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = NewMediaAccount.objects.filter(jurisdiction=jurisdiction)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        on, account = data.get("inspected_on"), data.get("account")
        if on and on > timezone.localdate():
            raise forms.ValidationError("检查日期不能晚于今天")
        if on and account and on < account.opened_on:
            raise forms.ValidationError("检查日期不能早于账号开设日期")
        if not data.get("passed") and not (data.get("findings") or "").strip():
            raise forms.ValidationError("检查不合格的，请填写发现的问题")
        return data


class FiguresForm(BootstrapMixin, forms.ModelForm):
    fees_yuan = forms.DecimalField(
        label="行政事业性收费：本年收费金额（元）", min_value=0, decimal_places=2, max_digits=14
    )

    class Meta:
        model = AnnualFigures
        exclude = ["jurisdiction", "department", "year", "fees_fen"]
        widgets = {
            k: forms.Textarea(attrs={"rows": 2}) for k in ("overview", "problems", "other_matters")
        }


@login_required
@require_http_methods(["GET", "POST"])
def yearly(request: HttpRequest) -> HttpResponse:
    """主动公开 counts, 政务新媒体 and the figures of 第二部分, for the user's jurisdiction."""
    from fazhi.lib.money import parse_yuan_to_fen

    user: Any = request.user
    jurisdiction = user.jurisdiction
    if jurisdiction is None:
        raise Http404("请先为您的账号指定所属区划")
    year = _year(request) if request.GET.get("year") else timezone.localdate().year - 1
    can_edit = user.has_perm("disclosure.add_case") and (
        user.role in ("coordinator", "admin") or user.is_superuser
    )
    figures = AnnualFigures.objects.filter(
        jurisdiction=jurisdiction, department=None, year=year
    ).first()
    figures = figures or AnnualFigures(jurisdiction=jurisdiction, year=year)
    add_form = ProactiveForm(
        request.POST if request.POST.get("form") == "proactive" else None,
        jurisdiction=jurisdiction,
        initial={"year": year},
    )
    fig_form = FiguresForm(
        request.POST if request.POST.get("form") == "figures" else None,
        instance=figures,
        initial={"fees_yuan": figures.fees_fen / 100},
    )
    account_form = AccountForm(
        request.POST if request.POST.get("form") == "account" else None, jurisdiction=jurisdiction
    )
    inspection_form = InspectionForm(
        request.POST if request.POST.get("form") == "inspection" else None,
        jurisdiction=jurisdiction,
    )
    if request.method == "POST":
        if not can_edit:
            raise Http404("无权填报")
        if request.POST.get("form") == "account" and account_form.is_valid():
            account = account_form.save(commit=False)
            account.jurisdiction = jurisdiction
            account.save()
            messages.success(request, "已登记政务新媒体账号")
            return redirect(f"{reverse('disclosure:yearly')}?year={year}")
        if request.POST.get("form") == "inspection" and inspection_form.is_valid():
            inspection_form.save()
            messages.success(request, "已登记检查")
            return redirect(f"{reverse('disclosure:yearly')}?year={year}")
        if request.POST.get("form") == "proactive" and add_form.is_valid():
            item = add_form.save(commit=False)
            item.jurisdiction = jurisdiction
            item.save()
            messages.success(request, "已保存主动公开数据")
            return redirect(f"{reverse('disclosure:yearly')}?year={year}")
        if request.POST.get("form") == "figures" and fig_form.is_valid():
            obj = fig_form.save(commit=False)
            obj.fees_fen = parse_yuan_to_fen(fig_form.cleaned_data["fees_yuan"])
            obj.save()
            messages.success(request, "已保存年报填报数据")
            return redirect(f"{reverse('disclosure:yearly')}?year={year}")
    context = {
        "year": year,
        "jurisdiction": jurisdiction,
        "items": ProactiveItem.objects.visible_to(user)
        .filter(jurisdiction=jurisdiction, year=year)
        .select_related("department"),
        "accounts": NewMediaAccount.objects.visible_to(user)
        .filter(jurisdiction=jurisdiction)
        .select_related("department")
        .prefetch_related("inspections"),
        "add_form": add_form,
        "fig_form": fig_form,
        "account_form": account_form,
        "inspection_form": inspection_form,
        "can_edit": can_edit,
        "report_url": f"{reverse('disclosure:annual')}?j={jurisdiction.code}&year={year}",
    }
    return render(request, "disclosure/yearly.html", context)


def summary_html(request: HttpRequest) -> str:
    """Above the list: the annual report's deadlines (条例 Arts. 49–50) and its links."""
    user: Any = request.user
    jurisdiction = getattr(user, "jurisdiction", None)
    if jurisdiction is None:
        return ""
    today = timezone.localdate()
    year = today.year - 1
    return render_to_string(
        "disclosure/_summary.html",
        {
            "year": year,
            "jurisdiction": jurisdiction,
            "government_due": cn_date(annual.deadline(year, False)),
            "department_due": cn_date(annual.deadline(year, True)),
            "url": f"{reverse('disclosure:annual')}?j={jurisdiction.code}&year={year}",
            "yearly_url": reverse("disclosure:yearly"),
        },
    )


def urls() -> list[Any]:
    return [
        path("annual-report/", annual_report, name="annual"),
        path("yearly/", yearly, name="yearly"),
    ]
