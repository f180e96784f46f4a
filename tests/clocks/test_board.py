from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import clocks
from fazhi.org.models import Department, User
from tests.testapp.models import ACCEPT_REVIEW, DECISION, REPLY, Matter

D = dt.date
TODAY = D(2025, 3, 12)  # Wednesday


@pytest.fixture
def board_data(justice_bureau: Department, police: Department, officer: User) -> dict[str, Matter]:
    jur = justice_bureau.jurisdiction
    overdue = Matter.objects.create(title="逾期案", jurisdiction=jur, department=justice_bureau)
    clocks.start(overdue, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)  # due 3-10
    soon = Matter.objects.create(
        title="将到期案", jurisdiction=jur, department=justice_bureau, other_department=police
    )
    clocks.start(soon, ACCEPT_REVIEW, on=D(2025, 3, 7), by=officer)  # due 3-14
    paused = Matter.objects.create(title="中止案", jurisdiction=jur, department=justice_bureau)
    clocks.start(paused, DECISION, on=D(2025, 2, 3), by=officer)
    clocks.pause(paused, DECISION, on=D(2025, 2, 20), reason="中止", by=officer)
    unconfirmed = Matter.objects.create(title="跨年案", jurisdiction=jur, department=police)
    clocks.start(unconfirmed, REPLY, on=D(2026, 12, 10), by=officer)
    done = Matter.objects.create(title="已办结", jurisdiction=jur, department=justice_bureau)
    clocks.start(done, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)
    clocks.stop(done, ACCEPT_REVIEW, on=D(2025, 3, 4), by=officer)
    return {"overdue": overdue, "soon": soon, "paused": paused, "unconfirmed": unconfirmed}


@pytest.fixture
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def _json(client: Client, user: User, **params: str) -> dict:
    client.force_login(user)
    resp = client.get(reverse("clocks:board_json"), params)
    assert resp.status_code == 200
    return resp.json()


def test_board_json_groups_for_officer(
    client: Client, officer: User, board_data: dict, frozen_today: None
) -> None:
    data = _json(client, officer)
    assert data["today"] == "2025-03-12"
    # officer (司法局) sees the clocks of its department, including one shared with 公安局
    assert data["counts"] == {"total": 3, "overdue": 1, "soon": 1, "paused": 1, "unconfirmed": 0}
    rows = {r["object_label"]: r for r in data["results"]}
    assert rows["逾期案"]["status"] == "overdue" and rows["逾期案"]["due_on"] == "2025-03-10"
    assert rows["逾期案"]["object_url"] == f"/testapp/matters/{board_data['overdue'].pk}/"
    assert (
        rows["将到期案"]["status"] == "running" and rows["将到期案"]["due_text"] == "2025年3月14日"
    )
    assert rows["中止案"]["status"] == "paused" and rows["中止案"]["due_on"] is None
    assert [r["object_label"] for r in _json(client, officer, group="soon")["results"]] == [
        "将到期案"
    ]


def test_outsider_does_not_see_other_departments(
    client: Client, outsider: User, board_data: dict, frozen_today: None
) -> None:
    data = _json(client, outsider)
    assert data["counts"]["total"] == 0 and data["results"] == []


def test_police_sees_shared_and_own(
    client: Client, police: Department, board_data: dict, frozen_today: None
) -> None:
    from tests.conftest import make_user

    cop = make_user("cop", "legal_officer", police.jurisdiction, police)  # type: ignore[arg-type]
    data = _json(client, cop)
    assert sorted(r["object_label"] for r in data["results"]) == ["将到期案", "跨年案"]
    assert data["counts"]["unconfirmed"] == 1
    flagged = next(r for r in data["results"] if r["object_label"] == "跨年案")
    assert flagged["flag_text"] == "2027年日历未确认" and flagged["status"] == "unconfirmed"
    assert [
        r["object_label"]
        for r in _json(client, cop, department=str(police.pk), group="unconfirmed")["results"]
    ] == ["跨年案"]


def test_coordinator_board_page_and_panel(
    client: Client, coordinator: User, board_data: dict, frozen_today: None
) -> None:
    client.force_login(coordinator)
    page = client.get(reverse("clocks:board")).content.decode()
    assert "逾期案" in page and "2025年3月10日" in page and "2027年日历未确认" in page
    assert "已办结" not in page
    home = client.get(reverse("home")).content.decode()
    assert (
        'data-count="overdue">1<' in home
        and 'data-count="soon">1<' in home
        and 'data-count="paused">1<' in home
    )


def test_board_requires_login(client: Client) -> None:
    resp = client.get(reverse("clocks:board_json"))
    assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]


def test_board_query_count_does_not_grow(
    client: Client,
    officer: User,
    board_data: dict,
    frozen_today: None,
    django_assert_max_num_queries,
) -> None:
    client.force_login(officer)
    client.get(reverse("clocks:board_json"))
    with django_assert_max_num_queries(8):
        client.get(reverse("clocks:board_json"))


def _queries(client: Client, url: str, **params: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx.captured_queries)


def test_board_queries_constant_and_small(
    client: Client,
    coordinator: User,
    officer: User,
    justice_bureau: Department,
    police: Department,
    board_data: dict,
    frozen_today: None,
) -> None:
    """Counts, the page's row count and the filter choices come from one aggregate, the rows from
    one page query: no per-row lookups and no COUNT(*) or DISTINCT scans that grow with the rows."""
    client.force_login(coordinator)
    client.get(reverse("clocks:board_json"))  # session, calendar cache warm
    cases = [
        (reverse("clocks:board_json"), {}),
        (reverse("clocks:board_json"), {"group": "overdue", "page": "2"}),
        (reverse("clocks:board_json"), {"department": str(police.pk), "ledger": "testapp"}),
        (reverse("clocks:board"), {}),
        (reverse("clocks:board"), {"group": "soon"}),
    ]
    before = [_queries(client, url, **params) for url, params in cases]
    jur = justice_bureau.jurisdiction
    for i in range(120):
        m = Matter.objects.create(
            title=f"批量{i}",
            jurisdiction=jur,
            department=justice_bureau if i % 2 else police,
            other_department=police if i % 3 == 0 else None,
        )
        clocks.start(m, ACCEPT_REVIEW, on=D(2025, 3, 1) + dt.timedelta(days=i % 20), by=officer)
    after = [_queries(client, url, **params) for url, params in cases]
    assert after == before
    # session, user, calendar token, the aggregate, the page (+ departments on the HTML page)
    assert max(before[:3]) <= 5 and max(before[3:]) <= 7
    data = _json(client, coordinator)
    assert data["count"] == data["counts"]["total"] == 124 and data["num_pages"] == 3
    overdue = _json(client, coordinator, group="overdue")
    assert overdue["count"] == overdue["counts"]["overdue"] == len(overdue["results"])
    # the paginator's count for a department filter (first or second department) is exact
    shared = _json(client, coordinator, department=str(police.pk), page="2")
    assert shared["count"] == 2 + 60 + 20  # 将到期案, 跨年案; 60 police-led; 20 shared
    assert len(shared["results"]) == shared["count"] - 50


def test_board_survives_odd_querystrings(client, officer) -> None:  # noqa: ANN001
    from django.urls import reverse

    client.force_login(officer)
    for qs in (
        "?department=99999999999999999999",
        "?department=-5",
        "?department=abc",
        "?group=nope&page=abc",
        "?page=999999",
    ):
        assert client.get(reverse("clocks:board") + qs).status_code == 200, qs
        assert client.get(reverse("clocks:board_json") + qs).status_code == 200, qs


def test_board_page_takes_seven_queries(
    client: Client,
    coordinator: User,
    board_data: dict,
    frozen_today: None,
    django_assert_num_queries,  # noqa: ANN001
) -> None:
    """A fixed number of queries, whatever the number of rows: the session, the user with the
    department and jurisdiction the header names (one query, fazhi.org.backends), the calendar's
    version, the grouped summary, the page of clocks, the department filter's names, and the
    bell's unread reminders (one indexed COUNT)."""
    client.force_login(coordinator)
    with django_assert_num_queries(7):
        page = client.get(reverse("clocks:board"))
    html = page.content.decode()
    assert "（法治办/司法局统筹人员·司法局）" in html
    assert 'class="badge status-overdue text-bg-danger"' in html
    assert 'class="badge status-paused text-bg-warning"' in html
    assert 'class="badge status-running text-bg-primary"' in html


def test_board_rows_carry_their_badge(
    client: Client, coordinator: User, board_data: dict, frozen_today: None
) -> None:
    """The colour of each status is decided once per row in Python, not by template ifs."""
    rows = _json(client, coordinator)["results"]
    assert {r["status"]: r["badge"] for r in rows} == {
        "overdue": "danger",
        "running": "primary",
        "paused": "warning",
        "unconfirmed": "dark",
    }


def test_board_rows_escape_what_users_typed(
    client: Client, officer: User, justice_bureau: Department, frozen_today: None
) -> None:
    """The rows are built with format_html (board.rows_html): every value is escaped."""
    matter = Matter.objects.create(
        title='<script>alert("x")</script>案',
        jurisdiction=justice_bureau.jurisdiction,
        department=justice_bureau,
    )
    clocks.start(matter, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)
    client.force_login(officer)
    html = client.get(reverse("clocks:board")).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;案" in html
    assert '<script>alert("x")' not in html
