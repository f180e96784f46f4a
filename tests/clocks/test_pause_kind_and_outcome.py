"""Pause kinds (中止 vs 补正 vs other) and the stop outcome (a period that lapsed)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import clocks
from fazhi.clocks import board
from fazhi.clocks.models import ClockPause, PauseKind, Status
from fazhi.clocks.spec import ClockError
from fazhi.clocks.views import clocks_table
from fazhi.org.models import Department, User
from tests.testapp.models import ACCEPT_REVIEW, DECISION, Matter

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def matter(justice_bureau: Department) -> Matter:
    return Matter.objects.create(
        title="李四诉某局复议案",
        jurisdiction=justice_bureau.jurisdiction,
        department=justice_bureau,
    )


def test_pause_kind_defaults_to_other_and_is_stored(matter: Matter, officer: User) -> None:
    clocks.start(matter, DECISION, on=D(2025, 2, 3), by=officer)
    clocks.pause(matter, DECISION, on=D(2025, 2, 10), reason="征求意见", by=officer)
    clocks.resume(matter, DECISION, on=D(2025, 2, 20), by=officer)
    clocks.pause(
        matter, DECISION, on=D(2025, 3, 3), reason="中止审理", kind="suspension", by=officer
    )
    kinds = list(ClockPause.objects.order_by("from_on").values_list("kind", flat=True))
    assert kinds == [PauseKind.OTHER, PauseKind.SUSPENSION]


def test_unknown_pause_kind_is_refused(matter: Matter, officer: User) -> None:
    clocks.start(matter, DECISION, on=D(2025, 2, 3), by=officer)
    with pytest.raises(ClockError):
        clocks.pause(matter, DECISION, on=D(2025, 2, 10), reason="x", kind="holiday", by=officer)
    assert not ClockPause.objects.exists()


def _lapsed(matter: Matter, officer: User):  # noqa: ANN202
    clocks.start(matter, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)  # due 2025-03-10
    return clocks.stop(
        matter,
        ACCEPT_REVIEW,
        on=D(2025, 3, 10),
        outcome="lapsed",
        outcome_label="逾期未补正（视为放弃）",
        by=officer,
    )


def test_stop_with_lapsed_outcome_is_not_met(matter: Matter, officer: User) -> None:
    clock = _lapsed(matter, officer)
    clock.refresh_from_db()
    assert clock.outcome == "lapsed"
    assert clock.status_on(D(2025, 4, 1)) == Status.LAPSED
    assert clock.status_label == "逾期未补正（视为放弃）"
    assert clock.badge == "danger"
    html = clocks_table(clocks.clocks_for(matter))
    assert "逾期未补正（视为放弃）" in html and "按期办结" not in html


def test_stop_without_outcome_label_uses_generic_lapsed_label(
    matter: Matter, officer: User
) -> None:
    clocks.start(matter, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)
    clock = clocks.stop(matter, ACCEPT_REVIEW, on=D(2025, 3, 10), outcome="lapsed", by=officer)
    assert clock.status_label == "期限届满未办理"
    assert "按期办结" not in clocks_table([clock])


def test_stop_outcome_label_alone_relabels_met_or_late(matter: Matter, officer: User) -> None:
    clocks.start(matter, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)
    clock = clocks.stop(
        matter, ACCEPT_REVIEW, on=D(2025, 3, 12), outcome_label="超过申请期限", by=officer
    )
    assert clock.status_on(D(2025, 4, 1)) == Status.LATE
    assert clock.status_label == "超过申请期限" and clock.badge == "danger"


def test_unknown_outcome_is_refused(matter: Matter, officer: User) -> None:
    clocks.start(matter, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)
    with pytest.raises(ClockError):
        clocks.stop(matter, ACCEPT_REVIEW, on=D(2025, 3, 10), outcome="forgotten", by=officer)
    assert clocks.get(matter, ACCEPT_REVIEW).is_open


def test_board_row_and_json_never_read_a_lapsed_clock_as_met(
    client: Client, matter: Matter, officer: User
) -> None:
    clock = _lapsed(matter, officer)
    row = board.row(clock, D(2025, 4, 1))
    assert row["status"] == "lapsed"
    assert row["status_label"] == "逾期未补正（视为放弃）"
    # The board lists open clocks only: a stopped one is not shown at all, never as 按期办结.
    client.force_login(officer)
    data = client.get(reverse("clocks:board_json")).json()
    assert data["results"] == [] and data["counts"]["total"] == 0
    html = client.get(reverse("clocks:board")).content.decode()
    assert "按期办结" not in html and "李四诉某局复议案" not in html
