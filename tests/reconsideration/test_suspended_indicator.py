"""`reconsideration.suspended` = cases in 中止 on the last day of the period, read from the
decision clock's 中止 pauses (not from the case's state today, which changes when a case
suspended in December resumes in January, exactly while the annual report is drafted)."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi import clocks
from fazhi.clocks.models import ClockPause, PauseKind
from fazhi.indicators.scope import Scope
from fazhi.ledgers.reconsideration import indicators, workflow
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.states import Procedure, TerminationReason

D = dt.date.fromisoformat
P = "reconsideration."
pytestmark = pytest.mark.django_db


def year(county, y: int) -> Scope:
    return Scope(frozenset({county.pk}), dt.date(y, 1, 1), dt.date(y + 1, 1, 1))


def suspended(county, y: int) -> int:
    scope = year(county, y)
    n = indicators.counts(scope)[P + "suspended"]
    assert n == indicators.rows(P + "suspended", scope).count()  # drill-down agrees
    assert n == indicators.counts_orm(scope)[P + "suspended"]
    return n


def under_review(new_case, officer, received: str, **kw):  # noqa: ANN001, ANN003, ANN201
    case = new_case(D(received), **kw)
    workflow.accept(case, on=case.received_on + dt.timedelta(days=1), by=officer)
    workflow.send_copy(case, on=case.received_on + dt.timedelta(days=2), by=officer)
    return case


def test_suspended_in_december_resumed_in_january_counts_for_december(new_case, officer, county):
    case = under_review(new_case, officer, "2025-11-03")
    workflow.suspend(
        case, on=D("2025-12-20"), ground="other_case", reason="等待相关案件审理结果", by=officer
    )
    workflow.resume(case, on=D("2026-01-10"), by=officer)
    assert suspended(county, 2025) == 1
    assert set(indicators.rows(P + "suspended", year(county, 2025))) == {case}
    assert suspended(county, 2026) == 0
    assert indicators.counts(year(county, 2025))[P + "pending"] == 1


def test_still_suspended_counts_at_every_year_end_it_spans(new_case, officer, county):
    under_review(new_case, officer, "2024-11-04")
    case = under_review(new_case, officer, "2024-11-05")
    workflow.suspend(
        case, on=D("2024-12-10"), ground="other_case", reason="等待相关案件审理结果", by=officer
    )
    assert (suspended(county, 2023), suspended(county, 2024), suspended(county, 2025)) == (0, 1, 1)


def test_boundaries_of_the_last_day(new_case, officer, county):
    # Resumed on 1 January: still in 中止 all of 31 December (the pause ends the day before).
    jan1 = under_review(new_case, officer, "2025-11-03")
    workflow.suspend(
        jan1, on=D("2025-12-31"), ground="other_case", reason="等待鉴定结论", by=officer
    )
    workflow.resume(jan1, on=D("2026-01-01"), by=officer)
    # Resumed on 31 December: counting again on the last day, so not in 中止 at the end.
    dec31 = under_review(new_case, officer, "2025-11-04")
    workflow.suspend(
        dec31, on=D("2025-12-01"), ground="other_case", reason="等待鉴定结论", by=officer
    )
    workflow.resume(dec31, on=D("2025-12-31"), by=officer)
    # Suspended and resumed within the year.
    within = under_review(new_case, officer, "2025-03-03")
    workflow.suspend(
        within, on=D("2025-04-01"), ground="other_case", reason="等待鉴定结论", by=officer
    )
    workflow.resume(within, on=D("2025-05-06"), by=officer)
    assert set(indicators.rows(P + "suspended", year(county, 2025))) == {jan1}
    assert suspended(county, 2025) == 1


def test_terminated_after_60_days_counts_at_the_year_end_it_was_suspended(
    new_case, officer, county
):
    case = under_review(new_case, officer, "2025-10-09")
    workflow.suspend(
        case,
        on=D("2025-11-20"),
        ground="applicant_died",
        reason="申请人死亡，近亲属未确定是否参加",
        by=officer,
    )
    workflow.terminate(
        case, reason=TerminationReason.SUSPENSION_LAPSED, on=D("2026-01-20"), by=officer
    )
    assert (suspended(county, 2025), suspended(county, 2026)) == (1, 0)


def test_closed_on_the_last_day_is_not_pending_nor_suspended(new_case, officer, county):
    case = under_review(new_case, officer, "2025-09-01")
    workflow.suspend(
        case,
        on=D("2025-10-20"),
        ground="applicant_died",
        reason="申请人死亡，近亲属未确定是否参加",
        by=officer,
    )
    workflow.terminate(
        case, reason=TerminationReason.SUSPENSION_LAPSED, on=D("2025-12-31"), by=officer
    )
    counts = indicators.counts(year(county, 2025))
    assert (counts[P + "pending"], counts[P + "suspended"]) == (0, 0)


def test_2017_correction_pause_is_not_a_suspension(new_case, officer, county):
    case = new_case(D("2022-12-28"))
    assert case.law_version == "2017"
    workflow.request_correction(case, on=D("2022-12-29"), by=officer)
    workflow.receive_correction(case, on=D("2023-01-05"), by=officer)
    assert workflow.deem_accepted(case, today=D("2023-02-01"))
    pause = ClockPause.objects.get(clock=clocks.get(case, specs_for(case).decision))
    assert (pause.from_on, pause.to_on, pause.kind) == (
        D("2022-12-29"),
        D("2023-01-05"),
        PauseKind.CORRECTION,
    )
    assert indicators.counts(year(county, 2022))[P + "pending"] == 1
    assert suspended(county, 2022) == 0


def test_transitions_and_import_record_the_pause_kind(new_case, officer, head, county):
    waiting = new_case(D("2025-03-03"))
    workflow.request_correction(waiting, on=D("2025-03-04"), by=officer)
    review = ClockPause.objects.get(clock=clocks.get(waiting, specs_for(waiting).acceptance_review))
    assert review.kind == PauseKind.CORRECTION
    # 简易→普通 carries the closed 中止 periods over with their kind.
    simple = under_review(new_case, officer, "2025-03-10", procedure=Procedure.SIMPLIFIED)
    workflow.suspend(
        simple, on=D("2025-03-14"), ground="other_case", reason="等待鉴定结论", by=officer
    )
    workflow.resume(simple, on=D("2025-03-20"), by=officer)
    workflow.switch_to_ordinary(simple, on=D("2025-03-24"), by=head, note="案情复杂")
    ordinary = ClockPause.objects.get(clock=clocks.get(simple, specs_for(simple).decision))
    assert ordinary.kind == PauseKind.SUSPENSION


def test_imported_suspended_case_counts(new_case, officer, county):
    from fazhi.clocks.models import Clock
    from fazhi.ledgers.reconsideration.importers import start_clocks
    from fazhi.ledgers.reconsideration.states import State

    # As the importer leaves a row before its clocks exist (test data, not a transition).
    case = new_case(D("2025-10-09"))
    Clock.objects.filter(object_id=case.pk).delete()
    case.accepted_on, case.copy_sent_on = D("2025-10-10"), D("2025-10-11")
    case.state, case.suspended_on, case.suspension_reason = State.SUSPENDED, D("2025-12-01"), "鉴定"
    case.save(
        update_fields=["accepted_on", "copy_sent_on", "state", "suspended_on", "suspension_reason"]
    )
    start_clocks([case], by=officer)
    pause = ClockPause.objects.get(clock=clocks.get(case, specs_for(case).decision))
    assert pause.kind == PauseKind.SUSPENSION
    assert suspended(county, 2025) == 1


def test_migration_backfills_the_kind_of_existing_pauses(new_case, officer, county):
    import importlib

    from django.apps import apps

    backfill = importlib.import_module(
        "fazhi.ledgers.reconsideration.migrations.0006_backfill_pause_kind"
    ).backfill
    waiting = new_case(D("2025-03-03"))
    workflow.request_correction(waiting, on=D("2025-03-04"), by=officer)
    case = under_review(new_case, officer, "2025-11-03")
    workflow.suspend(
        case, on=D("2025-12-20"), ground="other_case", reason="等待相关案件审理结果", by=officer
    )
    old = new_case(D("2022-12-28"))
    workflow.request_correction(old, on=D("2022-12-29"), by=officer)
    workflow.receive_correction(old, on=D("2023-01-05"), by=officer)
    workflow.deem_accepted(old, today=D("2023-02-01"))
    # As before the field existed (test data, not a transition).
    for p in ClockPause.objects.all():
        p.kind = PauseKind.OTHER
        p.save(update_fields=["kind"])
    assert suspended(county, 2025) == 0
    backfill(apps, None)
    kinds = {(p.clock.name, p.kind) for p in ClockPause.objects.select_related("clock")}
    assert kinds == {
        ("acceptance_review", PauseKind.CORRECTION),
        ("decision_ordinary", PauseKind.SUSPENSION),
        ("decision_ordinary", PauseKind.CORRECTION),
    }
    assert suspended(county, 2025) == 1
