"""Walk every URL of the site as users who must not see a 示例县 司法局 case or report.

Object URLs must answer 404 (never 403, which would confirm the row exists) for a clerk of
another department and for another county's officer; the read-only city viewer may read but
not change. Pages without an object must not leak the case number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from fazhi.casework.registry import get as get_ledger
from fazhi.casework.registry import ledgers
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import ActCategory
from fazhi.org.models import Department, Jurisdiction, User
from fazhi.reports.draft import draft

SKIP_NAMESPACES = {"admin"}


def all_patterns() -> list[tuple[str, str, list[str]]]:
    """(namespace, name, kwarg names) for every named URL pattern outside the admin."""
    out: list[tuple[str, str, list[str]]] = []

    def walk(resolver: URLResolver, ns: str) -> None:
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                if p.namespace in SKIP_NAMESPACES:
                    continue
                walk(p, p.namespace or ns)
            elif isinstance(p, URLPattern) and p.name:
                out.append((ns, p.name, list(p.pattern.regex.groupindex)))

    walk(get_resolver(), "")
    return out


@pytest.fixture
def case(
    county: Jurisdiction, justice_bureau: Department, police: Department, officer: User
) -> ReconsiderationCase:
    c = ReconsiderationCase(
        jurisdiction=county,
        handling_department=justice_bureau,
        respondent_department=police,
        respondent_name="示例县公安局",
        act_category=ActCategory.PENALTY,
        act_description="罚款决定",
        received_on=dt.date(2025, 3, 3),
    )
    return workflow.receive(c, applicants=[{"name": "张三", "kind": "natural_person"}], by=officer)


@pytest.fixture
def rows(
    case: ReconsiderationCase,
    county: Jurisdiction,
    justice_bureau: Department,
    police: Department,
    officer: User,
) -> dict[str, Any]:
    """One protected row in every registered ledger (the 行政复议 one is `case`)."""
    out: dict[str, Any] = {"reconsideration": case}
    for spec in ledgers():
        if spec.key not in out:
            out[spec.key] = spec.sample(
                county, justice_bureau, police, officer, dt.date(2025, 3, 3)
            )
    return out


def url_for(
    ns: str,
    name: str,
    kwargs: list[str],
    case: ReconsiderationCase,
    report: Any,
    county: Jurisdiction,
    rows: dict[str, Any] | None = None,
) -> str | None:
    """The URL of `name` pointing at the protected objects; None for pages with no object."""
    rows = rows or {"reconsideration": case}
    spec = get_ledger(ns)
    values: dict[str, Any] = {}
    for k in kwargs:
        if k == "pk":
            values[k] = report.pk if ns == "reports" else rows.get(ns, case).pk
        elif k == "app_label":
            values[k] = "reconsideration"
        elif k == "model_name":
            values[k] = "reconsiderationcase"
        elif k == "code" and spec is not None:
            # A register has no transitions (and a ledger may have no documents): any code
            # then names nothing, and the page must still be a 404.
            if name == "action":
                codes = [t.code for t in spec.transitions]
            else:
                codes = [d.code for d in spec.documents]
            values[k] = codes[0] if codes else "none"
        elif k == "code":
            values[k] = county.code
        elif k == "number":
            values[k] = 1
        elif k == "action":
            values[k] = "review"
        elif k == "fmt":
            values[k] = "docx"
        elif k == "year":
            values[k] = 2025
        elif k == "key":
            values[k] = "reconsideration"
        elif k == "rid":  # a rendered PDF of the report
            from fazhi.reports.models import RenderedFile

            values[k] = RenderedFile.objects.get_or_create(report=report)[0].pk
        else:
            raise AssertionError(f"权限遍历测试不认识 URL 参数 {k}（{ns}:{name}），请补充")
    full = f"{ns}:{name}" if ns else name
    return reverse(full, kwargs=values)


OBJECT_KWARGS = {"pk"}


@pytest.mark.parametrize("who", ["outsider", "other_county_officer"])
def test_every_url_hides_another_departments_objects(
    who: str,
    request: pytest.FixtureRequest,
    case: ReconsiderationCase,
    county: Jurisdiction,
    officer: User,
    rows: dict[str, Any],
) -> None:
    report = draft(county, 2025, by=officer)
    user = request.getfixturevalue(who)
    client = Client()
    client.force_login(user)
    checked = 0
    for ns, name, kwargs in all_patterns():
        if name in {"login", "logout"}:
            continue
        url = url_for(ns, name, kwargs, case, report, county, rows)
        assert url is not None
        if OBJECT_KWARGS & set(kwargs):
            for method in ("get", "post"):
                resp = getattr(client, method)(url)
                # 405 (a POST-only view refusing GET) says nothing about the object.
                allowed = {404, 405} if method == "get" else {404}
                assert resp.status_code in allowed, (
                    f"{who} {method.upper()} {url} → {resp.status_code}"
                )
                checked += 1
        else:
            resp = client.get(url)
            assert resp.status_code in (200, 302, 403, 404, 405), (
                f"{who} GET {url} → {resp.status_code}"
            )
            if resp.status_code == 200 and resp.get("Content-Type", "").startswith(
                ("text/html", "application/json")
            ):
                body = resp.content.decode("utf-8", "replace")
                assert case.case_number not in body, f"{who} 在 {url} 看到了其他部门的案号"
            checked += 1
    assert checked > 20
    case.refresh_from_db()
    assert case.state == "received"


def test_superior_viewer_reads_but_cannot_change(reader: User, rows: dict[str, Any]) -> None:
    """Every ledger: the city viewer reads a county's row; every action and the edit are refused
    with the 无权限 page (403: the row is one it may see, so the refusal reveals nothing)."""
    client = Client()
    client.force_login(reader)
    for key, row in rows.items():
        spec = get_ledger(key)
        assert spec is not None
        assert client.get(reverse(f"{key}:detail", args=[row.pk])).status_code == 200
        for t in spec.transitions:
            resp = client.post(reverse(f"{key}:action", args=[row.pk, t.code]))
            if t.system:  # the statute's own step (a lapse, an expiry): no page offers it
                assert resp.status_code == 404, (key, t.code)
                continue
            assert resp.status_code == 403 and "无权限" in resp.content.decode(), (key, t.code)
        assert client.get(reverse(f"{key}:edit", args=[row.pk])).status_code == 403
        before = getattr(row, "state", None)  # a register has none
        row.refresh_from_db()
        assert getattr(row, "state", None) == before


def test_anonymous_is_sent_to_login(case: ReconsiderationCase) -> None:
    resp = Client().get(reverse("reconsideration:detail", args=[case.pk]))
    assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]


def _row_counts() -> dict[str, int]:
    from django.apps import apps

    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


@pytest.fixture
def other_county_coordinator(other_county: Jurisdiction) -> User:
    from fazhi.org.models import Role
    from tests.conftest import make_user

    return make_user("yb_fzb", Role.COORDINATOR, other_county, None, full_name="吴统筹")


@pytest.mark.parametrize(
    "who", ["reader", "other_county_officer", "other_county_coordinator", "outsider"]
)
def test_posting_to_every_url_changes_nothing(
    who: str,
    request: pytest.FixtureRequest,
    case: ReconsiderationCase,
    county: Jurisdiction,
    officer: User,
    rows: dict[str, Any],
) -> None:
    """Read-only viewers, other counties and other departments: a POST to any URL of the site
    (calendar entry and confirmation, PDF rendering, transitions, edits, imports) leaves every
    table as it was."""
    report = draft(county, 2025, by=officer)
    user = request.getfixturevalue(who)
    client = Client()
    client.force_login(user)
    urls = [
        url_for(ns, name, kwargs, case, report, county, rows)
        for ns, name, kwargs in all_patterns()
        if name not in {"login", "logout"}
    ]
    before = _row_counts()
    refused = 0
    for url in urls:
        resp = client.post(url, {"on": "2025-03-10", "year": 2026, "lines": "国庆节 2026-10-01"})
        assert resp.status_code != 500, f"{who} POST {url} → 500"
        refused += resp.status_code in (403, 404, 405, 422)
    after = _row_counts()
    changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    assert changed == {}, f"{who} 的 POST 改变了数据：{changed}"
    assert refused > 10
    case.refresh_from_db()
    assert case.state == "received"
