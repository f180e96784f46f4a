"""History entries show foreign keys by name, looked up once per listing."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.audit import history_entries
from tests.reconsideration.conftest import new_case  # noqa: F401


def test_fk_changes_are_named_and_looked_up_once(new_case, police, market) -> None:  # noqa: ANN001, F811
    import datetime as dt

    case = new_case(dt.date(2025, 3, 3))
    for dept in (market, police, market, police, market):
        case.respondent_department = dept
        case.save(update_fields=["respondent_department"])
    with CaptureQueriesContext(connection) as ctx:
        entries = history_entries(case)
    changes = [c for e in entries for c in e.changes if c.label == "被申请人（部门）"]
    assert [(c.old, c.new) for c in changes[:2]] == [
        ("公安局", "市场监督管理局"),
        ("市场监督管理局", "公安局"),
    ]
    assert len(changes) == 5
    # the history rows, then one lookup per distinct department (not two per entry)
    assert len(ctx.captured_queries) <= 4
