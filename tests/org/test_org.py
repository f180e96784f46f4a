"""行政区划 tree, user validation and the object-permission predicates."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError

from fazhi.org import rules as org_rules
from fazhi.org.models import Jurisdiction, Level, Role, User


def test_path_and_subtree(
    county: Jurisdiction, other_county: Jurisdiction, city: Jurisdiction
) -> None:
    town = Jurisdiction.objects.create(
        code="990102001", name="城关镇", level=Level.TOWNSHIP, parent=county
    )
    assert town.path == "/990000/990100/990102/990102001"
    assert set(city.subtree().values_list("code", flat=True)) == {
        "990100",
        "990102",
        "990103",
        "990102001",
    }
    assert set(county.subtree().values_list("code", flat=True)) == {"990102", "990102001"}
    assert [j.code for j in town.ancestors()] == ["990102", "990100", "990000"]
    assert county.government_name == "示例县人民政府"


def test_child_level_must_be_lower(city: Jurisdiction) -> None:
    bad = Jurisdiction(code="990199", name="错误", level=Level.CITY, parent=city)
    with pytest.raises(ValidationError) as err:
        bad.full_clean()
    assert "下级区划的层级必须低于上级区划" in str(err.value)


def test_clerk_needs_a_department(county: Jurisdiction) -> None:
    user = User(username="x", role=Role.CLERK, jurisdiction=county)
    with pytest.raises(ValidationError) as err:
        user.full_clean()
    assert "部门法制员和录入员必须指定所属部门" in str(err.value)


@dataclass
class Row:
    jurisdiction_id: int
    department_id: int
    scope_jurisdiction = "jurisdiction"
    scope_departments = ("department",)


def test_edit_rights(
    officer: User, outsider: User, coordinator: User, reader: User, head: User
) -> None:
    row = Row(jurisdiction_id=officer.jurisdiction_id, department_id=officer.department_id)  # type: ignore[arg-type]
    assert org_rules.can_edit_record(officer, row)
    assert org_rules.can_edit_record(coordinator, row)
    assert not org_rules.can_edit_record(outsider, row)
    assert not org_rules.can_edit_record(reader, row)
    assert not org_rules.can_edit_record(head, row)
    assert org_rules.can_approve(head, row)
    assert not org_rules.can_approve(officer, row)
    assert not org_rules.can_approve(reader, row)


def test_other_county_coordinator_cannot_edit(officer: User, other_county_officer: User) -> None:
    row = Row(jurisdiction_id=officer.jurisdiction_id, department_id=officer.department_id)  # type: ignore[arg-type]
    assert not org_rules.can_edit_record(other_county_officer, row)
