"""12345热线 figures against hand counts, the 满意 口径 per jurisdiction and year, the league table
page and the report sentence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from fazhi.indicators.compute import evaluate
from fazhi.indicators.models import RateDefinition
from fazhi.indicators.scope import Scope
from fazhi.ledgers.hotline import workflow
from fazhi.ledgers.hotline.indicators import FIGURES, league_table
from fazhi.ledgers.hotline.ledger import sample
from fazhi.ledgers.hotline.models import HotlineRules
from fazhi.ledgers.hotline.states import Rating

D = dt.date.fromisoformat
P = "hotline."


@pytest.fixture
def tickets(county, justice_bureau, police, market, coordinator) -> dict[str, Any]:
    """Six 2025 tickets and one of December 2024 concluded in 2025: a 满意; b 基本满意; c 不满意 →
    重办 → 满意 (one ticket, one re-handling); d replied, callback not reached, concluded unrated;
    e never replied (overdue); f 市场监管局 基本满意; old received 2024, concluded 2025."""

    def make(on: str, dept: Any = police) -> Any:
        return sample(county, justice_bureau, dept, coordinator, D(on))

    by = coordinator

    def rated(t: Any, replied: str, rating: str, concluded: str) -> None:
        workflow.reply(t, on=D(replied), by=by)
        workflow.callback(t, on=D(replied), reached=True, by=by)
        workflow.rate(t, on=D(replied), rating=rating, by=by)
        workflow.conclude(t, on=D(concluded), by=by)

    a = make("2025-03-03")
    rated(a, "2025-03-05", Rating.SATISFIED, "2025-03-06")
    b = make("2025-04-01")
    rated(b, "2025-04-03", Rating.BASICALLY_SATISFIED, "2025-04-04")
    c = make("2025-05-06")
    workflow.reply(c, on=D("2025-05-08"), by=by)
    workflow.reopen(c, on=D("2025-05-09"), by=by)
    rated(c, "2025-05-12", Rating.SATISFIED, "2025-05-13")
    d = make("2025-06-02")
    workflow.reply(d, on=D("2025-06-03"), by=by)
    workflow.callback(d, on=D("2025-06-04"), reached=False, by=by)
    workflow.conclude(d, on=D("2025-06-05"), by=by)
    e = make("2025-07-01")  # never replied: overdue
    f = make("2025-08-04", market)
    rated(f, "2025-08-05", Rating.BASICALLY_SATISFIED, "2025-08-06")
    old = make("2024-12-30")
    rated(old, "2025-01-02", Rating.SATISFIED, "2025-01-03")
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "old": old}


def test_counts_against_hand_counts(tickets, county):
    scope = Scope.year(county, 2025)
    got = FIGURES.counts(scope)
    # received a–f = 6; concluded a, b, c, d, f = 5; rated a, b, c, f = 4;
    # satisfied (基本满意 counts by default) a, b, c, f = 4.
    assert {k.removeprefix(P): v for k, v in got.items()} == {
        "tickets_received": 6,
        "tickets_concluded": 5,
        "tickets_rated": 4,
        "tickets_satisfied": 4,
    }
    assert got == FIGURES.counts_orm(scope)
    assert FIGURES.counts(Scope.year(county, 2024))[P + "tickets_received"] == 1
    assert FIGURES.counts(Scope.year(county, 2024))[P + "tickets_concluded"] == 0  # by 2024's end
    rows = set(FIGURES.rows(P + "tickets_satisfied", scope))
    assert rows == {tickets[k] for k in "abcf"}


def test_satisfaction_koujing_is_the_jurisdictions(tickets, county, city):
    HotlineRules.objects.create(jurisdiction=county, year=2025, basic_counts_as_satisfied=False)
    snap = evaluate(Scope.year(county, 2025), jurisdiction=county, year=2025)
    fig = snap.figures[P + "satisfaction_rate"]
    assert (fig.numerator, fig.denominator) == (2, 4)  # a, c ÷ rated
    assert fig.text == "50.0%"
    assert snap.figures[P + "completion_rate"].text == "83.3%"  # 5 ÷ 6
    RateDefinition.objects.create(
        indicator_id=P + "satisfaction_rate",
        jurisdiction=county,
        year=2025,
        numerator=P + "tickets_satisfied",
        denominator=P + "tickets_concluded",
    )
    fig = evaluate(Scope.year(county, 2025), jurisdiction=county, year=2025).figures[
        P + "satisfaction_rate"
    ]
    assert (fig.numerator, fig.denominator, fig.text) == (2, 5, "40.0%")
    for result in evaluate(Scope.year(county, 2025), jurisdiction=county, year=2025).identities:
        assert result.status != "fails", result


def test_league_table_rows_and_page(tickets, county, police, market, coordinator):
    today = D("2025-12-31")
    rows = {r.name: r for r in league_table(Scope.year(county, 2025), county, today)}
    p = rows["公安局"]
    assert (p.received, p.concluded, p.rated, p.satisfied, p.rehandlings, p.overdue_open) == (
        5,
        4,
        3,
        3,
        1,
        1,
    )
    assert (p.called_back, p.callback_rate.percent_text(1)) == (3, "75.0%")  # a, b, c ÷ 4
    assert (p.replied, p.replied_on_time) == (4, 4)
    m = rows["市场监督管理局"]
    assert (m.received, m.satisfied, m.satisfaction.percent_text(1)) == (1, 1, "100.0%")
    client = Client()
    client.force_login(coordinator)
    page = client.get(reverse("hotline:league"), {"year": 2025}).content.decode()
    assert "示例县2025年12345热线承办单位排名" in page
    # Both 满意率 100%, both 按时 100%: 办结率 100% (市场监管) before 80% (公安).
    assert page.index("市场监督管理局") < page.index("公安局")
    assert "满意率＝满意＋基本满意工单 ÷ 回访评价工单" in page
    assert ">6</td>" in page  # the total received
    assert client.get(reverse("hotline:league"), {"year": "abc"}).status_code == 404
    assert client.get(reverse("hotline:league"), {"j": "990103"}).status_code == 404


def test_list_page_summary_and_report_sentence(tickets, county, coordinator):
    from fazhi.reports.draft import draft

    report = draft(county, 2025, by=coordinator)
    text = "\n".join(p.text for p in report.parts.order_by("number"))
    assert "畅通12345政务服务便民热线" in text
    assert "全年受理群众诉求{{fig:hotline.tickets_received}}件" in text
    assert "满意率{{fig:hotline.satisfaction_rate}}（满意率含基本满意）" in text
