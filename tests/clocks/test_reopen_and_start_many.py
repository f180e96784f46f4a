"""Kit: `clocks.reopen` (a stopped clock runs again in full, e.g. a ticket handed out again after
a 退回) and `clocks.start_many` (thousands of clocks in two INSERTs, for imports)."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi import clocks
from fazhi.audit import transitions
from fazhi.clocks.models import Clock, State
from fazhi.clocks.spec import ClockError
from fazhi.org.models import Department, User
from tests.testapp.models import ACCEPT_REVIEW, Matter

D = dt.date


@pytest.fixture
def matter(justice_bureau: Department) -> Matter:
    return Matter.objects.create(
        title="工单", jurisdiction=justice_bureau.jurisdiction, department=justice_bureau
    )


def test_reopen_runs_a_stopped_clock_again_in_full(matter: Matter, officer: User) -> None:
    clocks.start(matter, ACCEPT_REVIEW, on=D(2024, 9, 20), by=officer)
    with pytest.raises(ClockError, match="仍在计算"):
        clocks.reopen(matter, ACCEPT_REVIEW, on=D(2024, 9, 27), by=officer)
    clocks.stop(matter, ACCEPT_REVIEW, on=D(2024, 9, 23), by=officer, outcome_label="已退回")
    with pytest.raises(ClockError, match="早于办结日期"):
        clocks.reopen(matter, ACCEPT_REVIEW, on=D(2024, 9, 22), by=officer)
    clock = clocks.reopen(matter, ACCEPT_REVIEW, on=D(2024, 9, 27), by=officer)
    # 5 working days from Fri 27 Sep 2024: Sun 29 (调休上班), 30, then 8, 9, 10 Oct.
    assert (clock.state, clock.due_on, clock.stopped_on, clock.outcome_label) == (
        State.RUNNING,
        D(2024, 10, 10),
        None,
        "",
    )
    assert "重新起算" in clock.explanation
    assert transitions(clock)[-2:] == ["clock_stopped", "clock_reopened"]


def test_start_many_equals_start_one_by_one(
    matter: Matter, justice_bureau: Department, officer: User
) -> None:
    other = Matter.objects.create(
        title="另一件", jurisdiction=justice_bureau.jurisdiction, department=justice_bureau
    )
    made = clocks.start_many(
        [(matter, ACCEPT_REVIEW, D(2024, 9, 27)), (other, ACCEPT_REVIEW, D(2024, 9, 27))],
        by=officer,
    )
    assert len(made) == 2
    third = Matter.objects.create(
        title="对照", jurisdiction=justice_bureau.jurisdiction, department=justice_bureau
    )
    one = clocks.start(third, ACCEPT_REVIEW, on=D(2024, 9, 27), by=officer)
    bulk = clocks.get(matter, ACCEPT_REVIEW)
    assert bulk is not None
    for field in (
        "due_on",
        "explanation",
        "basis",
        "length",
        "unit",
        "jurisdiction_id",
        "department_id",
        "ledger",
        "state",
    ):
        assert getattr(bulk, field) == getattr(one, field), field
    assert bulk.object_url == f"/testapp/matters/{matter.pk}/"
    assert transitions(bulk) == ["clock_started"]
    # Already there: skipped, not doubled.
    assert clocks.start_many([(matter, ACCEPT_REVIEW, D(2024, 9, 27))], by=officer) == []
    assert Clock.objects.filter(object_id=matter.pk, name=ACCEPT_REVIEW.name).count() == 1
