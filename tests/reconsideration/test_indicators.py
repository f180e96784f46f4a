"""Indicators against hand counts, and the catalog identities on the demo data."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fazhi.indicators.scope import Scope
from fazhi.ledgers.reconsideration import indicators, workflow
from fazhi.ledgers.reconsideration.states import Outcome, TerminationReason

D = dt.date.fromisoformat
P = "reconsideration."
pytestmark = pytest.mark.django_db


def accepted(new_case, officer, received, accepted_on=None):
    case = new_case(D(received))
    workflow.accept(
        case,
        on=D(accepted_on) if accepted_on else case.received_on + dt.timedelta(days=1),
        by=officer,
    )
    workflow.send_copy(case, on=case.accepted_on + dt.timedelta(days=1), by=officer)
    return case


def test_hand_counts(new_case, officer, county):
    # 2024: carried into 2025, concluded in 2025 (upheld).
    c1 = accepted(new_case, officer, "2024-12-10")
    # 2025 intake: 6 applications.
    c2 = accepted(new_case, officer, "2025-02-03")  # revoked, on time
    c3 = accepted(new_case, officer, "2025-03-03")  # terminated after settlement
    c4 = accepted(new_case, officer, "2025-11-20")  # still pending at year end, suspended
    c5 = new_case(D("2025-04-01"))  # not accepted
    workflow.refuse(c5, on=D("2025-04-03"), by=officer, note="超过申请期限")
    c6 = new_case(D("2025-05-06"))  # withdrawn before acceptance
    workflow.withdraw(c6, on=D("2025-05-07"), by=officer)
    c7 = new_case(D("2025-12-29"))  # awaiting correction
    workflow.request_correction(c7, on=D("2025-12-30"), by=officer)
    for c in (c1, c2):  # Art. 49: heard, or prevented by the party (not a 听证)
        workflow.record_opinions_prevented(
            c, on=c.copy_sent_on, by=officer, note="申请人拒绝接听电话"
        )
    workflow.decide(c1, outcome=Outcome.UPHELD, on=D("2025-01-20"), by=officer)
    workflow.decide(c2, outcome=Outcome.REVOKED, on=D("2025-03-20"), by=officer)
    workflow.terminate(c3, reason=TerminationReason.SETTLED, on=D("2025-03-25"), by=officer)
    workflow.suspend(
        c4, on=D("2025-12-01"), ground="other_case", reason="等待其他案件结果", by=officer
    )
    got = indicators.counts(Scope(frozenset({county.pk}), D("2025-01-01"), D("2026-01-01")))
    expected = {
        "received": 6,
        "accepted": 3,
        "not_accepted": 1,
        "withdrawn_before_acceptance": 1,
        "redirected": 0,
        "correction_requested": 1,
        "carried_over": 1,
        "caseload": 4,
        "concluded": 3,
        "concluded_on_time": 3,
        "pending": 1,
        "suspended": 1,
        "upheld": 1,
        "revoked": 1,
        "terminated": 1,
        "settled": 1,
        "mediated": 0,
        "mediated_settled": 1,
        "corrected": 1,
        "concluded_on_merits": 2,
        "rejected": 0,
    }
    assert {k: got[P + k] for k in expected} == expected
    # 2024: the December case is received, accepted and still pending at the end.
    y2024 = indicators.counts(Scope(frozenset({county.pk}), D("2024-01-01"), D("2025-01-01")))
    assert (
        y2024[P + "received"],
        y2024[P + "accepted"],
        y2024[P + "pending"],
        y2024[P + "concluded"],
    ) == (1, 1, 1, 0)
    # Drill-down returns exactly the counted rows.
    scope = Scope(frozenset({county.pk}), D("2025-01-01"), D("2026-01-01"))
    assert set(indicators.rows(P + "concluded", scope)) == {c1, c2, c3}
    assert "indicator=reconsideration.concluded" in indicators.drilldown_url(P + "concluded", scope)


def test_counts_are_the_compiled_aggregate_and_one_suspended_query(
    new_case, officer, county, django_assert_max_num_queries, monkeypatch
):
    accepted(new_case, officer, "2025-02-03")
    scope = Scope(frozenset({county.pk}), D("2025-01-01"), D("2026-01-01"))
    indicators.counts(scope)  # compiles the shape once per process

    def no_orm(scope):  # noqa: ANN001, ANN202
        raise AssertionError("the compiled aggregate was not used")

    monkeypatch.setattr(indicators.FIGURES.compiled, "orm", no_orm)
    # One compiled statement for every id but `suspended`, and one small query for that.
    with django_assert_max_num_queries(2):
        got = indicators.counts(scope)
    assert (got[P + "accepted"], got[P + "suspended"]) == (1, 0)


def test_identities_hold_on_demo_data(shared_dir):
    from fazhi.ledgers.reconsideration import demo as recon_demo
    from fazhi.org import demo
    from fazhi.org.models import Jurisdiction

    ctx = demo.build_org()
    recon_demo.populate(ctx)
    catalog = json.loads((shared_dir / "spec" / "indicators.json").read_text(encoding="utf-8"))
    identities = [i for i in catalog["identities"] if i["id"].startswith(P)]
    ids = {i["id"] for i in catalog["indicators"] if i["id"].startswith(P) and i["kind"] == "count"}
    checked = 0
    for code in ("990102", "990103", "990100"):
        for year in (2023, 2024, 2025):
            c = indicators.counts(Scope.year(Jurisdiction.objects.get(code=code), year))
            assert not (ids - set(c)) - {
                P + "as_respondent_cases",
                P + "as_respondent_concluded",
                P + "as_respondent_corrected",
            }
            assert c[P + "received"] > 50 or code == "990100"
            for ident in identities:
                whole = c[ident["whole"]]
                parts = sum(c[p] for p in ident["parts"])
                optional = sum(c[p] for p in ident.get("optional_parts", []))
                assert parts <= whole <= parts + optional, (
                    code,
                    year,
                    ident["id"],
                    whole,
                    parts,
                    optional,
                )
                checked += 1
    assert checked == 9 * len(identities)
    # Every outcome occurs in the demo data.
    total = indicators.counts(Scope.year(Jurisdiction.objects.get(code="990100"), 2025))
    for o in (
        "upheld",
        "revoked",
        "changed",
        "confirmed_illegal",
        "confirmed_invalid",
        "ordered_to_perform",
        "claims_rejected",
        "application_dismissed",
        "terminated",
        "mediated",
        "settled",
        "carried_over",
    ):
        assert total[P + o] > 0, o
    # The daily lapse run left 视为放弃 cases, and some cases record 知道该行政行为之日, with
    # late ones refused (their 申请期限 clock stopped after its due date).
    from fazhi.clocks.models import Clock
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase

    abandoned = ReconsiderationCase.objects.filter(deemed_abandoned=True)
    assert abandoned.count() >= 2 and all(c.state == "withdrawn" for c in abandoned)
    with_knew = ReconsiderationCase.objects.filter(knew_of_act_on__isnull=False)
    assert with_knew.count() >= 10
    periods = Clock.objects.filter(name="application_period")
    assert periods.count() == with_knew.count()
    assert any(c.due_on and c.stopped_on > c.due_on for c in periods)
    assert any(c.due_on and c.stopped_on <= c.due_on for c in periods)


def test_compiled_counts_equal_the_orm_for_many_scopes(shared_dir):
    """counts() runs SQL compiled once per shape (fazhi/indicators/compiled.py); it must give what the
    ORM gives, for own and roll-up scopes, many jurisdiction ids and id subsets."""
    import random

    from django.db import connection

    from fazhi.ledgers.reconsideration import demo as recon_demo
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase
    from fazhi.org import demo
    from fazhi.org.models import Jurisdiction, Level

    ctx = demo.build_org()
    recon_demo.populate(ctx)
    city = Jurisdiction.objects.get(code="990100")
    extra = [
        Jurisdiction.objects.create(
            code=f"9901{50 + i:02d}", name=f"测试县{i}", level=Level.COUNTY, parent=city
        )
        for i in range(40)
    ]
    # Spread the demo cases over the new counties, so that every id of a roll-up has rows and a
    # misplaced id would change the figures (raw SQL: test data, not a transition).
    table = connection.ops.quote_name(ReconsiderationCase._meta.db_table)
    with connection.cursor() as cur:
        for k, j in enumerate(extra):
            cur.execute(f"UPDATE {table} SET jurisdiction_id = %s WHERE id %% 50 = %s", [j.pk, k])
    rng = random.Random(7)
    all_ids = sorted(Jurisdiction.objects.values_list("pk", flat=True))
    scopes = []
    for code in ("990000", "990100", "990102", "990103", extra[3].code):
        j = Jurisdiction.objects.get(code=code)
        for year in (2023, 2024, 2025):
            scopes += [Scope.year(j, year), Scope.own_year(j, year)]
    for size in (2, 5, 17, len(all_ids)):
        ids = frozenset(rng.sample(all_ids, size))
        scopes += [
            Scope(ids, D("2024-03-01"), D("2025-07-15")),
            Scope(ids, D("2025-01-01"), D("2025-01-02")),
        ]
    scopes.append(Scope(frozenset(), D("2025-01-01"), D("2026-01-01")))
    assert max(len(s.ids) for s in scopes) > 40
    nonzero = 0
    for scope in scopes:
        got = indicators.counts(scope)
        assert got == indicators.counts_orm(scope), scope
        nonzero += got[P + "received"] > 0
    assert nonzero > len(scopes) // 2
    plans = indicators.FIGURES.compiled._plans
    assert {n for (_, _, n), plan in plans.items() if plan is not None} >= {
        len(s.ids) for s in scopes if s.ids
    }
    # One compilation per shape (number of ids), not per call.
    before = indicators.FIGURES.compiled.compilations
    for scope in scopes:
        indicators.counts(scope)
    assert indicators.FIGURES.compiled.compilations == before
