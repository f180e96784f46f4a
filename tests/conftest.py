"""Shared fixtures: the demo org tree, a 承办人, a read-only reader and an outsider.

The working-day calendar is seeded by a data migration; tests that flush the database
(transactional ones) get it back through `calendar_seeded`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shared_data

from fazhi.org.models import Department, Jurisdiction, Level, Role, User

SHARED = shared_data.SHARED


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "spec").is_dir():
        shared_data.missing(SHARED / "spec")
    return SHARED


# --- ../shared: absent in a fresh clone (skip, one line), required in CI (fail) ------------
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if shared_data.available() or shared_data.required():
        return
    skip = pytest.mark.skip(reason=shared_data.SKIP_REASON)
    for item in items:
        if shared_data.needs_shared(item):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped = [
        r
        for r in terminalreporter.stats.get("skipped", [])
        if shared_data.SKIP_REASON in str(getattr(r, "longrepr", ""))
    ]
    if skipped:
        terminalreporter.write_line(shared_data.summary_line(len(skipped)))


@pytest.fixture
def city(db: None) -> Jurisdiction:
    prov = Jurisdiction.objects.create(code="990000", name="示例省", level=Level.PROVINCE)
    return Jurisdiction.objects.create(
        code="990100", name="示例市", level=Level.CITY, parent=prov, doc_prefix="示市"
    )


@pytest.fixture
def county(city: Jurisdiction) -> Jurisdiction:
    return Jurisdiction.objects.create(
        code="990102", name="示例县", level=Level.COUNTY, parent=city, doc_prefix="示"
    )


@pytest.fixture
def other_county(city: Jurisdiction) -> Jurisdiction:
    return Jurisdiction.objects.create(
        code="990103", name="样板县", level=Level.COUNTY, parent=city, doc_prefix="样"
    )


@pytest.fixture
def justice_bureau(county: Jurisdiction) -> Department:
    return Department.objects.create(jurisdiction=county, name="司法局", is_legal_office=True)


@pytest.fixture
def police(county: Jurisdiction) -> Department:
    return Department.objects.create(jurisdiction=county, name="公安局")


@pytest.fixture
def market(county: Jurisdiction) -> Department:
    return Department.objects.create(jurisdiction=county, name="市场监督管理局")


def make_user(
    username: str, role: Role, jur: Jurisdiction, dept: Department | None = None, **extra: object
) -> User:
    user = User.objects.create_user(
        username=username,
        password="pw-123456",
        role=role,
        jurisdiction=jur,
        department=dept,
        **extra,
    )
    return user


@pytest.fixture
def officer(county: Jurisdiction, justice_bureau: Department) -> User:
    """承办人 in the 复议机构 (司法局)."""
    return make_user("officer", Role.LEGAL_OFFICER, county, justice_bureau, full_name="李承办")


@pytest.fixture
def head(county: Jurisdiction, justice_bureau: Department) -> User:
    """复议机构负责人: approves extensions."""
    return make_user("head", Role.LEADER, county, justice_bureau, full_name="赵科长")


@pytest.fixture
def coordinator(county: Jurisdiction, justice_bureau: Department) -> User:
    return make_user("coordinator", Role.COORDINATOR, county, justice_bureau, full_name="王法治")


@pytest.fixture
def reader(city: Jurisdiction) -> User:
    """Read-only 上级查看 at the city."""
    return make_user("reader", Role.SUPERIOR_VIEWER, city, None, full_name="冯督察")


@pytest.fixture
def outsider(county: Jurisdiction, market: Department) -> User:
    """A clerk of another department of the same county."""
    return make_user("outsider", Role.CLERK, county, market, full_name="周录入")


@pytest.fixture
def other_county_officer(other_county: Jurisdiction) -> User:
    dept = Department.objects.create(jurisdiction=other_county, name="司法局", is_legal_office=True)
    return make_user("yb_officer", Role.LEGAL_OFFICER, other_county, dept, full_name="郑承办")


# --- audit guard: a bare QuerySet.update() on an audited model fails the run -------------
@pytest.fixture(scope="session", autouse=True)
def _forbid_bare_update_on_audited_models() -> object:
    """update() bypasses django-simple-history, so a transition written with it leaves no
    history. Only fazhi.audit.update_if may issue it (it writes the history row itself)."""
    from django.db.models import QuerySet

    from fazhi.audit.api import _in_update_if, is_audited

    original = QuerySet.update

    def guarded(self: QuerySet, **kwargs: object) -> int:  # type: ignore[type-arg]
        if is_audited(self.model) and not _in_update_if.get():
            raise AssertionError(
                f"{self.model.__name__} 有审计历史，不能用 QuerySet.update() 修改（会丢失历史）；"
                "请用 fazhi.audit.update_if 或 save(update_fields=...)"
            )
        return original(self, **kwargs)

    QuerySet.update = guarded  # type: ignore[method-assign]
    yield
    QuerySet.update = original  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _calendar_recheck() -> Iterator[None]:
    """A test that edits the calendar is rolled back afterwards; make the next test recheck the
    calendar version instead of trusting this process's copy (one tiny query, no reload)."""
    yield
    from fazhi.workcal import calendar

    calendar.expire()


@pytest.fixture
def calendar_seeded(transactional_db: None) -> None:
    """For transactional tests: the flush removed the migration-seeded calendar; seed it again."""
    from fazhi.workcal import calendar
    from fazhi.workcal.models import CalendarDay, CalendarState, CalendarYear
    from fazhi.workcal.seed import seed_from_package

    seed_from_package(CalendarYear, CalendarDay, CalendarState)
    calendar.invalidate()


# --- headless Chromium for the end-to-end tests of every ledger ------------------------------
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page(live_server: Any, calendar_seeded: None) -> Iterator[Any]:
    # Name `page` last in a test's arguments: its database fixtures must come first, since
    # created inside Playwright's greenlet they would open a connection nothing closes.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True
        )
        pg = browser.new_page()
        pg.set_default_timeout(15000)
        yield pg
        browser.close()
    # Queries made while Playwright's greenlets ran may have opened a connection in another
    # context; close it, or PostgreSQL refuses to drop the test database afterwards.
    from django.db import connections

    connections.close_all()
