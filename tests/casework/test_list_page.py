"""The kit's list page over every ledger: 仅看超期 counts what the deadline board counts, the city
viewer gets a 区划 column and filter, departments are listed once with their county's name, and
every ledger with a 承办人 has the 承办人 filter."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fazhi.casework.registry import LedgerSpec, ledgers
from fazhi.clocks import board
from fazhi.org.models import Department, Jurisdiction, User

SPECS = ledgers()
LONG_AGO = dt.date(2024, 3, 4)  # every clock a new row starts has run out by now


def _labels(html: str) -> list[str]:
    return re.findall(r'<label class="form-label small mb-0" for="[^"]*">([^<]*)</label>', html)


def _count(html: str) -> int:
    return int(re.search(r"共 (\d+) 件", html).group(1))  # type: ignore[union-attr]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_only_overdue_lists_the_rows_the_board_lists_as_overdue(
    spec: LedgerSpec,
    county: Jurisdiction,
    justice_bureau: Department,
    police: Department,
    coordinator: User,
) -> None:
    spec.sample(county, justice_bureau, police, coordinator, LONG_AGO)
    spec.sample(county, justice_bureau, police, coordinator, timezone.localdate())
    late = board.open_clocks(coordinator).filter(ledger=spec.key, due_on__lt=timezone.localdate())
    expected = len(set(late.values_list("object_id", flat=True)))
    client = Client()
    client.force_login(coordinator)
    html = client.get(reverse(f"{spec.key}:list"), {"overdue": "true"}).content.decode()
    assert _count(html) == expected
    home = client.get("/").content.decode()
    if expected:
        assert f"超期 {expected}" in home or f"超期{expected}" in home, home


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_city_viewer_sees_the_county_of_each_row_and_departments_once(
    spec: LedgerSpec,
    county: Jurisdiction,
    other_county: Jurisdiction,
    justice_bureau: Department,
    police: Department,
    coordinator: User,
    reader: User,
) -> None:
    spec.sample(county, justice_bureau, police, coordinator, LONG_AGO)
    other_bureau = Department.objects.create(
        jurisdiction=other_county, name="司法局", is_legal_office=True
    )
    other_police = Department.objects.create(jurisdiction=other_county, name=police.name)
    other_user = User.objects.create_user(
        username="yb",
        password="pw-123456",
        role=coordinator.role,
        jurisdiction=other_county,
        department=other_bureau,
    )
    spec.sample(other_county, other_bureau, other_police, other_user, LONG_AGO)
    client = Client()
    client.force_login(reader)
    url = reverse(f"{spec.key}:list")
    html = client.get(url).content.decode()
    assert "区划" in _labels(html)
    assert f"<td>{county.name}</td>" in html and f"<td>{other_county.name}</td>" in html
    assert ">司法局</option>" not in html  # each department named with its county
    only = client.get(url, {"jurisdiction": other_county.pk}).content.decode()
    assert _count(only) >= 1 and f"<td>{county.name}</td>" not in only
    refused = client.get(url, {"jurisdiction": "999999"}).content.decode()
    assert "区划不在可选范围内" in refused and _count(refused) == 0
    # A county user sees one county: no 区划 filter or column.
    client.force_login(coordinator)
    assert "区划" not in _labels(client.get(url).content.decode())


@pytest.mark.parametrize(
    "spec", [s for s in SPECS if hasattr(s.model, "handler_id")], ids=lambda s: s.key
)
def test_handler_filter_lists_the_people_handling_rows(
    spec: LedgerSpec,
    county: Jurisdiction,
    justice_bureau: Department,
    police: Department,
    coordinator: User,
) -> None:
    row: Any = spec.sample(county, justice_bureau, police, coordinator, LONG_AGO)
    client = Client()
    client.force_login(coordinator)
    url = reverse(f"{spec.key}:list")
    html = client.get(url).content.decode()
    assert "承办人" in _labels(html)
    if row.handler_id:
        handler = User.objects.get(pk=row.handler_id)
        name = handler.get_full_name() or handler.get_username()
        assert f">{name}</option>" in html
        mine = client.get(url, {"handler": handler.pk}).content.decode()
        assert _count(mine) == 1
