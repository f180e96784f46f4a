"""Factories for 行政复议 tests, and the PostgreSQL-only deselection (printed, never silent)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection

from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import ActCategory, Procedure
from fazhi.org.models import Department, Jurisdiction, User


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if connection.vendor == "postgresql":
        return
    pg_only = [i for i in items if i.get_closest_marker("postgres_only")]
    if not pg_only:
        return
    config.hook.pytest_deselected(items=pg_only)
    items[:] = [i for i in items if not i.get_closest_marker("postgres_only")]
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    note = f"注意：{len(pg_only)} 个仅限 PostgreSQL 的测试（并发编号）在 SQLite 上未运行，请用 DATABASE_URL=postgres://… 再跑一次"
    if reporter is not None:
        reporter.write_line(note, yellow=True)


@pytest.fixture
def new_case(
    county: Jurisdiction, justice_bureau: Department, police: Department, officer: User
) -> Any:
    """Register a case through the workflow (`receive`), as the form does."""

    def make(
        received_on: dt.date,
        *,
        by: User | None = None,
        procedure: str = Procedure.ORDINARY,
        **fields: Any,
    ) -> ReconsiderationCase:
        defaults: dict[str, Any] = {
            "respondent_department": police,
            "respondent_name": "示例县公安局",
            "act_category": ActCategory.PENALTY,
            "act_description": "作出的示公（治）决字〔2024〕1号行政处罚决定",
        }
        case = ReconsiderationCase(
            jurisdiction=county,
            handling_department=justice_bureau,
            received_on=received_on,
            procedure=procedure,
            **{**defaults, **fields},
        )
        return workflow.receive(
            case, applicants=[{"name": "张三", "kind": "natural_person"}], by=by or officer
        )

    return make
