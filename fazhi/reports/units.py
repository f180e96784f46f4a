"""Who reports: the units of a jurisdiction (its departments and the townships below it), and to
whom each report goes (statutes.md §13: one 报送 row per recipient)."""

from __future__ import annotations

from dataclasses import dataclass

from fazhi.org.models import Department, Jurisdiction, Level
from fazhi.reports.models import AnnualReport, RecipientKind, ReportRecipient


@dataclass(frozen=True)
class Unit:
    """A department of the jurisdiction, or a township below it: one annual report each."""

    jurisdiction: Jurisdiction  # where its report lives (the township itself for a township)
    department: Department | None
    name: str

    @property
    def key(self) -> str:
        return f"d{self.department.pk}" if self.department else f"t{self.jurisdiction.pk}"

    @property
    def kind_label(self) -> str:
        return "部门" if self.department else "乡镇（街道）"


def units_of(jur: Jurisdiction) -> list[Unit]:
    """Every unit whose report the jurisdiction's coordinating office chases: its departments,
    then the townships directly below it."""
    out = [
        Unit(jur, d, d.name) for d in Department.objects.filter(jurisdiction=jur).order_by("name")
    ]
    out += [
        Unit(t, None, t.government_name)
        for t in jur.children.filter(level=Level.TOWNSHIP).order_by("code")
    ]
    return out


def _party(jur: Jurisdiction) -> str:
    return f"中共{jur.name}委员会"


def _npc(jur: Jurisdiction) -> str:
    return f"{jur.name}人民代表大会常务委员会"


def _level_char(jur: Jurisdiction) -> str:
    if jur.name[-1:] in "省市县区旗":
        return jur.name[-1]
    return {Level.PROVINCE: "省", Level.CITY: "市", Level.COUNTY: "县"}.get(jur.level, "县")  # type: ignore[call-overload, no-any-return]


def rule_of_law_office(jur: Jurisdiction) -> str:
    """The 依法治X办 of the county (or city) that coordinates: a township's is its county's."""
    if jur.level == Level.TOWNSHIP and jur.parent is not None:
        jur = jur.parent
    x = _level_char(jur)
    return f"中共{jur.name}委员会全面依法治{x}委员会办公室（依法治{x}办）"


def recipients_for(report: AnnualReport) -> list[tuple[str, str, bool]]:
    """(kind, name, is_copy) of each recipient, in order, as statutes.md §13 has them."""
    jur = report.jurisdiction
    parent = jur.parent
    if report.department_id:
        dept = report.department
        assert dept is not None
        rows: list[tuple[str, str, bool]] = [
            (RecipientKind.SAME_PARTY, _party(jur), False),
            (RecipientKind.SAME_GOV, jur.government_name, False),
        ]
        if parent is not None:
            upper = (
                Department.objects.filter(jurisdiction=parent, name=dept.name).first()
                or Department.objects.filter(
                    jurisdiction=parent, name=dept.name.replace("县", "市", 1)
                ).first()
            )
            rows.append(
                (
                    RecipientKind.UPPER_DEPARTMENT,
                    f"{parent.name}{upper.name if upper else dept.name}",
                    False,
                )
            )
        rows.append((RecipientKind.RULE_OF_LAW_OFFICE, rule_of_law_office(jur), True))
        return rows
    rows = []
    if parent is not None:
        rows += [
            (RecipientKind.SUPERIOR_PARTY, _party(parent), False),
            (RecipientKind.SUPERIOR_GOV, parent.government_name, False),
        ]
    if jur.level != Level.TOWNSHIP:
        rows += [
            (RecipientKind.SAME_PARTY, _party(jur), False),
            (RecipientKind.SAME_NPC, _npc(jur), False),
        ]
    rows.append((RecipientKind.RULE_OF_LAW_OFFICE, rule_of_law_office(jur), True))
    return rows


def ensure_recipients(report: AnnualReport) -> list[ReportRecipient]:
    """The report's 报送 rows, created from `recipients_for` the first time they are needed."""
    existing = list(report.recipients.all())
    if existing:
        return existing
    return [
        ReportRecipient.objects.create(
            report=report, position=i, kind=kind, name=name[:100], is_copy=copy
        )
        for i, (kind, name, copy) in enumerate(recipients_for(report), start=1)
    ]
