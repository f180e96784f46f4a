"""案号 allocation: sequential per 复议机关 and year, and never duplicated when two clerks save
at the same moment (PostgreSQL: the counter row is locked with SELECT … FOR UPDATE)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import ActCategory

D = dt.date.fromisoformat


@pytest.mark.django_db
def test_numbers_per_jurisdiction_and_year(new_case, other_county_officer, officer):
    a = new_case(D("2025-02-03"))
    b = new_case(D("2025-02-04"))
    c = new_case(D("2026-01-05"))
    assert [a.case_number, b.case_number, c.case_number] == [
        "示政复〔2025〕1号",
        "示政复〔2025〕2号",
        "示政复〔2026〕1号",
    ]
    assert workflow.allocate_number(other_county_officer.jurisdiction, 2025) == [
        (1, "样政复〔2025〕1号")
    ]
    assert workflow.parse_case_number("示政复〔2025〕12号") == (2025, 12)
    assert workflow.parse_case_number("2025-12") is None


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_clerks_at_once_get_different_numbers(
    calendar_seeded, county, justice_bureau, police, officer
):
    assert connection.vendor == "postgresql"
    workers, per_worker = 8, 5
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def clerk(i: int) -> None:
        try:
            barrier.wait()
            for k in range(per_worker):
                case = ReconsiderationCase(
                    jurisdiction=county,
                    handling_department=justice_bureau,
                    respondent_department=police,
                    respondent_name="示例县公安局",
                    act_category=ActCategory.PENALTY,
                    act_description="罚款决定",
                    received_on=D("2025-03-03"),
                )
                workflow.receive(case, applicants=[{"name": f"申请人{i}-{k}"}], by=officer)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=clerk, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    serials = sorted(ReconsiderationCase.objects.values_list("case_serial", flat=True))
    assert serials == list(range(1, workers * per_worker + 1))
