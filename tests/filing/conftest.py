from __future__ import annotations

import datetime as dt

import pytest

from fazhi.filing import services
from fazhi.filing.models import FilingRound
from fazhi.org.models import Department, Jurisdiction, Level, Role, User
from tests.conftest import make_user

PDF = b"%PDF-1.4\n% evidence scan\n"
XLSX = b"PK\x03\x04" + b"\x00" * 40


@pytest.fixture
def township(county: Jurisdiction) -> Jurisdiction:
    return Jurisdiction.objects.create(
        code="990102001", name="城关镇", level=Level.TOWNSHIP, parent=county
    )


@pytest.fixture
def other_township(county: Jurisdiction) -> Jurisdiction:
    return Jurisdiction.objects.create(
        code="990102002", name="东河乡", level=Level.TOWNSHIP, parent=county
    )


@pytest.fixture
def town_clerk(township: Jurisdiction) -> User:
    return make_user("town", Role.COORDINATOR, township, None, full_name="孙镇长助理")


@pytest.fixture
def other_town_clerk(other_township: Jurisdiction) -> User:
    return make_user("town2", Role.COORDINATOR, other_township, None, full_name="钱乡干部")


@pytest.fixture
def police_clerk(police: Department) -> User:
    return make_user("police_clerk", Role.CLERK, police.jurisdiction, police, full_name="吴录入")


@pytest.fixture
def round25(
    county: Jurisdiction,
    township: Jurisdiction,
    other_township: Jurisdiction,
    police: Department,
    coordinator: User,
) -> FilingRound:
    return services.open_round(
        county,
        year=2025,
        title="2025年度无台账指标填报",
        deadline=dt.date.today() + dt.timedelta(days=10),
        indicator_ids=["petitions.total", "petitions.letters", "emergency.drills"],
        units=[(None, township), (None, other_township), (police, None)],
        by=coordinator,
    )
