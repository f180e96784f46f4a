"""The home page (我的待办 and the panels) and the Chinese error pages. Each panel and each kind
of to-do item comes from its own app."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fazhi import dashboard, todo

SHOWN = 30  # items on the home page; the rest are one click away on the board


@login_required
def home(request: HttpRequest) -> HttpResponse:
    items = todo.items_for(request.user, timezone.localdate())
    return render(
        request,
        "home.html",
        {
            "panels": dashboard.panels(request),
            "todo": items[:SHOWN],
            "todo_more": max(len(items) - SHOWN, 0),
            "todo_total": len(items),
            "kinds": todo.KINDS,
        },
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def _error(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    context: dict[str, Any] = {"status": status, "title": title, "text": text}
    return render(request, "error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        400,
        "请求无法处理",
        "提交的内容格式不正确或已损坏。请返回上一页，刷新后重新填写提交。",
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        403,
        "无权限",
        "您可以查看这条记录，但没有进行这项操作的权限。如需办理，请联系本单位负责该事项的人员或系统管理员。",
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(
        request,
        403,
        "页面已过期，请刷新后重试",
        "为了安全，表单在页面打开过久或登录状态变化后会失效。请返回上一页，刷新页面后重新提交；"
        "若仍不成功，请退出后重新登录。",
    )


def method_not_allowed(request: HttpRequest) -> HttpResponse:
    return _error(
        request,
        405,
        "不支持这种访问方式",
        "这个地址只能通过页面上的按钮或表单操作，不能直接在地址栏打开。请返回上一页，使用页面上的按钮办理。",
    )
