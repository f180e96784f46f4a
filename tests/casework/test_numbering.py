"""The numbering service keeps ahead of every number in use, however it got there (issue 17:
an edited number above the counter made every later registration fail, an import a 500)."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from fazhi.casework.registry import ledgers
from fazhi.imports.importer import run_import
from fazhi.ledgers.reconsideration.importers import SPEC
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat


def test_a_number_edited_above_the_counter_is_skipped_by_later_registrations(
    county, justice_bureau, police, coordinator
):
    spec = next(s for s in ledgers() if s.key == "reconsideration")

    def new(on: str) -> ReconsiderationCase:
        return spec.sample(county, justice_bureau, police, coordinator, D(on))

    first = new("2025-03-03")
    assert first.case_number == "示政复〔2025〕1号"
    client = Client()
    client.force_login(coordinator)
    edit = client.get(reverse("reconsideration:edit", args=[first.pk]))
    data = {k: v for k, v in edit.context["form"].initial.items() if v is not None}
    data.update(
        {
            "case_number": "示政复〔2025〕3号",
            "applicants-TOTAL_FORMS": "1",
            "applicants-INITIAL_FORMS": "1",
            "applicants-0-id": str(first.applicants.get().pk),
            "applicants-0-kind": "natural_person",
            "applicants-0-name": "张三",
        }
    )
    resp = client.post(reverse("reconsideration:edit", args=[first.pk]), data)
    assert resp.status_code == 302, resp.content.decode()[:2000]
    first.refresh_from_db()
    assert (first.case_number, first.case_serial) == ("示政复〔2025〕3号", 3)
    assert [new("2025-03-04").case_number, new("2025-03-05").case_number] == [
        "示政复〔2025〕2号",
        "示政复〔2025〕4号",
    ]
    # An import with blank numbers, and one typed number ahead of the counter, in one file.
    headers = [
        "收到申请日期",
        "申请方式",
        "申请人",
        "申请人类型",
        "被申请人",
        "行政行为类别",
        "被申请复议的行政行为",
        "案号",
    ]
    row = {
        "收到申请日期": D("2025-03-06"),
        "申请方式": "当面递交",
        "申请人": "李四",
        "申请人类型": "自然人",
        "被申请人": "示例县公安局",
        "行政行为类别": "行政处罚",
        "被申请复议的行政行为": "罚款",
    }
    rows = [row, {**row, "案号": "示政复〔2025〕6号"}, row]
    report = run_import(
        SPEC, workbook_bytes(headers, rows), by=coordinator, context=SPEC.context(coordinator)
    )
    assert report.ok, [str(p) for p in report.problems]
    numbers = set(ReconsiderationCase.objects.values_list("case_number", flat=True))
    assert {"示政复〔2025〕5号", "示政复〔2025〕6号", "示政复〔2025〕7号"} <= numbers
    assert new("2025-03-07").case_number == "示政复〔2025〕8号"


def test_a_second_series_has_its_own_counter_and_column(
    county, justice_bureau, police, coordinator
):
    """A ledger numbering rows twice (a 案号 at intake, a 文号 on publication): the second
    Numbering counts on its own counter and checks its own column for numbers in use."""
    from fazhi.casework.numbering import Numbering

    spec = next(s for s in ledgers() if s.key == "reconsideration")
    spec.sample(county, justice_bureau, police, coordinator, D("2025-03-03"))
    second = Numbering("政规", counter="reconsideration.second", column="respondent_name")
    assert second.allocate(ReconsiderationCase, county, 2025) == [(1, "示政规〔2025〕1号")]
    row = ReconsiderationCase.objects.get()
    row.respondent_name = "示政规〔2025〕2号"  # a typed one, in use
    row.save(update_fields=["respondent_name"])
    assert second.allocate(ReconsiderationCase, county, 2025, count=2) == [
        (3, "示政规〔2025〕3号"),
        (4, "示政规〔2025〕4号"),
    ]
    assert spec.numbering.allocate(ReconsiderationCase, county, 2025) == [(2, "示政复〔2025〕2号")]
