"""The case list never answers a hand-edited querystring with a 500: an impossible 收案年度 or
drill-down parameter gives a 200 page with a Chinese message and no cases, never all of them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import ActCategory
from fazhi.org.models import Department

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db
RECEIVED = "reconsideration.received"


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


def listing(user, params: dict) -> tuple[int, str]:  # noqa: ANN001
    r = client_for(user).get(reverse("reconsideration:list"), params)
    return r.status_code, r.content.decode()


@pytest.fixture
def cases(new_case):
    return new_case(D("2024-05-06")), new_case(D("2025-05-06"))


@pytest.mark.parametrize("year", ["0", "-3", "9999", "99999", "1e5", "1989", "2101", "abc", "20.5"])
def test_impossible_year_is_a_message_not_a_500(year, cases, officer):
    status, html = listing(officer, {"year": year})
    assert status == 200
    assert "收案年度应为1990至2100之间的年份" in html
    assert "共 0 件" in html
    assert all(c.case_number not in html for c in cases)


@pytest.mark.parametrize("year", ["2025", " 2025 ", "2025.0"])
def test_valid_year_still_filters(year, cases, officer):
    status, html = listing(officer, {"year": year})
    assert status == 200 and "共 1 件" in html
    assert cases[1].case_number in html and cases[0].case_number not in html
    assert "收案年度应为" not in html


@pytest.mark.parametrize(
    ("start", "end", "j"),
    [
        ("2025-01-01", "2026-01-01", "99999999999999999999"),
        ("2025-01-01", "2026-01-01", str(2**63)),
        ("2025-01-01", "2026-01-01", "-1"),
        ("2025-01-01", "2026-01-01", "0"),
        ("2025-01-01", "2026-01-01", "1e5"),
        ("2025-01-01", "2026-01-01", "abc"),
        ("2025-01-01", "2026-01-01", "１"),  # a full-width digit is not an id
        ("2025-13-01", "2026-01-01", "{county}"),
        ("2025-01-01", "0001-01-01", "{county}"),
        ("0001-01-01", "0001-01-01", "{county}"),
        ("9999-12-31", "9999-12-31", "{county}"),
        ("2025-01-01", "9999-12-31", "{county}"),
        ("2026-01-01", "2025-01-01", "{county}"),
        ("", "", "{county}"),
    ],
)
def test_bad_drilldown_is_a_message_not_a_500(start, end, j, cases, officer, county):
    params = {"indicator": RECEIVED, "start": start, "end": end, "j": j.format(county=county.pk)}
    status, html = listing(officer, params)
    assert status == 200
    assert "指标下钻参数有误" in html
    assert "共 0 件" in html


def test_drilldown_counts_only_visible_jurisdictions(cases, officer, county, other_county):
    dept = Department.objects.create(jurisdiction=other_county, name="司法局", is_legal_office=True)
    elsewhere = workflow.receive(
        ReconsiderationCase(
            jurisdiction=other_county,
            handling_department=dept,
            respondent_name="另一县公安局",
            act_category=ActCategory.PENALTY,
            act_description="罚款",
            received_on=D("2025-06-02"),
        ),
        applicants=[{"name": "钱七", "kind": "natural_person"}],
        by=officer,
    )
    j = f"{county.pk},{other_county.pk},{2**62}"
    params = {"indicator": RECEIVED, "start": "2025-01-01", "end": "2026-01-01", "j": j}
    status, html = listing(officer, params)
    assert status == 200 and "指标下钻参数有误" not in html
    assert (
        "指标“收到行政复议申请”（2025年1月1日至2025年12月31日）" in html
    )  # no English id on screen
    assert "共 1 件" in html and cases[1].case_number in html
    assert "钱七" not in html and elsewhere.jurisdiction_id == other_county.pk
