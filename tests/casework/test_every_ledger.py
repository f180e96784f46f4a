"""The generic suite: what every ledger registered on the casework kit must do, run over each.

A new ledger gets these by registering a LedgerSpec with a `sample`; nothing here names one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fazhi import audit
from fazhi.casework.registry import LedgerSpec, ledgers
from fazhi.casework.transitions import Transition, TransitionError
from fazhi.indicators.scope import Scope
from fazhi.org.models import Jurisdiction, User

SPECS = ledgers()
# Registers (no transitions) get every test but those of the workflow.
WORKFLOWS = [s for s in SPECS if s.transitions]
D = dt.date.fromisoformat


def _ids(spec: LedgerSpec) -> str:
    return spec.key


def test_every_ledger_is_registered_with_the_pieces_the_kit_needs() -> None:
    assert {s.key for s in SPECS} >= {"reconsideration", "litigation"}
    for spec in SPECS:
        assert spec.sample is not None and spec.figures is not None, spec.key
        assert reverse(f"{spec.key}:list") == f"/ledgers/{spec.key}/"
        for t in spec.transitions:
            assert t.source and t.label and t.event_code, (spec.key, t.code)


def _simple(spec: LedgerSpec, row: Any, user: User) -> Transition:
    """A transition available on a new row that needs only a date."""
    for t in spec.transitions:
        if t.blocked(row) is None and set(t.inputs) <= {"on", "note"} and not t.note_required:
            return t
    raise AssertionError(f"{spec.key}: 新登记的记录没有只需日期的操作")


@pytest.mark.parametrize("spec", WORKFLOWS, ids=_ids)
def test_a_future_date_is_refused_and_changes_nothing(
    spec: LedgerSpec, make: Any, coordinator: User
) -> None:
    row = make(spec)
    before = audit.transitions(row)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    for t in spec.transitions:
        if t.system or t.ahead or "on" not in t.inputs or t.blocked(row) is not None:
            continue
        with pytest.raises(TransitionError, match="不能晚于今天"):
            t(row, on=tomorrow, by=coordinator, note="理由")
    row.refresh_from_db()
    assert audit.transitions(row) == before


@pytest.mark.parametrize("spec", WORKFLOWS, ids=_ids)
def test_one_history_row_per_transition_and_the_second_click_loses(
    spec: LedgerSpec, make: Any, coordinator: User
) -> None:
    row = make(spec)
    stale = type(row).objects.get(pk=row.pk)
    t = _simple(spec, row, coordinator)
    before = audit.transitions(row)
    t(row, on=D("2025-03-05"), by=coordinator)
    assert audit.transitions(row) == [*before, t.event_for(stale)]
    with pytest.raises(TransitionError, match="已被他人处理|不能"):
        t(stale, on=D("2025-03-05"), by=coordinator)
    assert len(audit.transitions(row)) == len(before) + 1


@pytest.mark.parametrize("spec", WORKFLOWS, ids=_ids)
def test_available_agrees_with_the_guards(spec: LedgerSpec, make: Any, coordinator: User) -> None:
    """A button is offered exactly when the state and the row's own guards allow it; a
    transition that is not offered is refused with a Chinese message and changes nothing."""
    row = make(spec)
    offered = {t.code for t in spec.transitions if t in _available(spec, row, coordinator)}
    before = audit.transitions(row)
    for t in spec.transitions:
        if t.system or t.code in offered:
            continue
        with pytest.raises(TransitionError):
            t(row, on=D("2025-03-05"), by=coordinator, note="理由")
    assert audit.transitions(row) == before
    assert offered, spec.key


def _available(spec: LedgerSpec, row: Any, user: User) -> list[Transition]:
    from fazhi.casework.transitions import available

    return available(spec.transitions, row, user)


@pytest.mark.parametrize("spec", SPECS, ids=_ids)
def test_pages_render_with_real_text(spec: LedgerSpec, make: Any, coordinator: User) -> None:
    row = make(spec)
    client = Client()
    client.force_login(coordinator)
    html = client.get(reverse(f"{spec.key}:list")).content.decode()
    assert row.case_number in html and "共 1 件" in html
    html = client.get(row.get_absolute_url()).content.decode()
    assert row.case_number in html
    if spec.transitions:
        assert row.get_state_display() in html
    assert client.get(reverse(f"{spec.key}:create")).status_code == 200
    empty = client.get(reverse(f"{spec.key}:list") + "?q=不存在的关键词").content.decode()
    assert "没有符合条件的" in empty


@pytest.mark.parametrize("spec", SPECS, ids=_ids)
def test_bad_drilldown_and_page_size_parameters_never_500(
    spec: LedgerSpec, make: Any, coordinator: User
) -> None:
    row = make(spec)
    client = Client()
    client.force_login(coordinator)
    url = reverse(f"{spec.key}:list")
    for query in (
        "?indicator=x&start=bad&end=2025-01-01&j=1",
        f"?indicator=x&start=2025-01-01&end=2026-01-01&j={2**70}",
        "?per_page=-1",
        "?per_page=1000000",
        "?year=1e5",
    ):
        resp = client.get(url + query)
        assert resp.status_code == 200, query
        if "indicator" in query or "year" in query:
            assert row.case_number not in resp.content.decode(), query
    html = client.get(url + "?per_page=1000000").content.decode()
    assert row.case_number in html  # falls back to the default page size


@pytest.mark.parametrize("spec", SPECS, ids=_ids)
def test_export_query_count_does_not_grow_with_rows(
    spec: LedgerSpec, make: Any, coordinator: User
) -> None:
    client = Client()
    client.force_login(coordinator)
    url = reverse(f"{spec.key}:list") + "?export=xlsx"
    make(spec)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for i in range(4):
        make(spec, D("2025-03-03") + dt.timedelta(days=i + 1))
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).status_code == 200
    assert len(five) <= len(one) + 2, (len(one), len(five))


@pytest.mark.parametrize("spec", SPECS, ids=_ids)
def test_compiled_counts_equal_the_orm(spec: LedgerSpec, make: Any, county: Jurisdiction) -> None:
    for i in range(3):
        make(spec, D("2025-02-03") + dt.timedelta(days=7 * i))
    for scope in (Scope.year(county, 2025), Scope.year(county, 2024), Scope.own_year(county, 2025)):
        got = spec.figures.counts(scope)
        assert got == spec.figures.counts_orm(scope)
        for indicator_id in got:
            spec.figures.rows(indicator_id, scope).count()  # every id has its rows


@pytest.mark.parametrize("spec", SPECS, ids=_ids)
def test_the_docs_page_shows_the_declared_workflow(spec: LedgerSpec) -> None:
    """docs/ledgers/<key>.md carries the diagram `manage.py ledger_graph <key>` prints now."""
    from pathlib import Path

    from fazhi.casework.graph import mermaid

    page = Path(__file__).resolve().parents[2] / "docs" / "ledgers" / f"{spec.docs or spec.key}.md"
    assert mermaid(spec) in page.read_text(encoding="utf-8"), (
        f"请用 manage.py ledger_graph {spec.key} 更新 {page.name}"
    )
