"""The 普法/学法, 法律顾问 and 履职 registers on the casework kit (no workflow: each row is a record
that is entered, corrected and imported), and part 3 of the annual report (`sections`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.casework.numbering import Numbering
from fazhi.casework.register import RegisterDecl, register_ledger
from fazhi.ledgers.legal_education import indicators as figs
from fazhi.ledgers.legal_education import sections  # noqa: F401 - registers part 3
from fazhi.ledgers.legal_education.models import (
    CounselWork,
    EducationActivity,
    LeaderDutyRecord,
    LegalCounsel,
    LegalLiterate,
    PublicityVenue,
    StudyMeeting,
    Village,
)

DOCS = "legal_education"


def _sampler(key: str, build: Any) -> Any:
    """sample(jurisdiction, office, department, by, on) for the generic tests: `build` gives the
    row's own fields, the spec registers it."""

    def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: dt.date) -> Any:
        from fazhi.casework.registry import get

        row = build(jurisdiction, department, on, by)
        spec = get(key)
        assert spec is not None
        return spec.receive(row, by=by)

    return sample


def _decl(**kw: Any) -> Any:
    return register_ledger(RegisterDecl(docs=DOCS, **kw))


ACTIVITY_SPEC = _decl(
    key="legal_education",
    model=EducationActivity,
    title="普法学法与履职",
    noun="普法活动",
    numbering=Numbering("普法"),
    date_field="held_on",
    fields=("department", "kind", "held_on", "title", "place", "audience", "materials"),
    list_fields=("held_on", "kind", "title", "department", "audience", "materials"),
    search_fields=("title", "place"),
    required=("kind", "held_on", "title", "place"),
    filter_choices=("kind",),
    order=80,
    figures=figs.ACTIVITIES,
    sample=_sampler(
        "legal_education",
        lambda j, d, on, by: EducationActivity(
            jurisdiction=j,
            department=d,
            kind="publicity",
            held_on=on,
            title="宪法宣传周送法下乡",
            place="城关镇集市",
            audience=300,
            materials=500,
        ),
    ),
)
VENUE_SPEC = _decl(
    key="publicity_venues",
    nav_parent="legal_education",
    model=PublicityVenue,
    title="普法阵地",
    noun="普法阵地",
    numbering=Numbering("阵地"),
    date_field="opened_on",
    fields=("department", "name", "kind", "location", "opened_on", "closed_on"),
    list_fields=("name", "kind", "location", "opened_on"),
    search_fields=("name", "location"),
    required=("name", "kind", "location", "opened_on"),
    filter_choices=("kind",),
    order=81,
    figures=figs.VENUES,
    sample=_sampler(
        "publicity_venues",
        lambda j, d, on, by: PublicityVenue(
            jurisdiction=j,
            department=d,
            name="滨河法治公园",
            kind="park",
            location="城关镇",
            opened_on=on,
        ),
    ),
)
LITERATE_SPEC = _decl(
    key="legal_literates",
    nav_parent="legal_education",
    model=LegalLiterate,
    title="法律明白人",
    noun="法律明白人",
    numbering=Numbering("明白"),
    date_field="registered_on",
    fields=("department", "name", "village", "registered_on", "left_on"),
    list_fields=("name", "village", "registered_on"),
    search_fields=("name", "village"),
    required=("name", "village", "registered_on"),
    order=82,
    figures=figs.LITERATES,
    sample=_sampler(
        "legal_literates",
        lambda j, d, on, by: LegalLiterate(
            jurisdiction=j, department=d, name="李明白", village="河西村", registered_on=on
        ),
    ),
)
STUDY_SPEC = _decl(
    key="study_sessions",
    nav_parent="legal_education",
    model=StudyMeeting,
    title="学法记录",
    noun="学法记录",
    numbering=Numbering("学法"),
    date_field="held_on",
    fields=("department", "kind", "held_on", "topic", "lecturer", "participants", "passed"),
    list_fields=("held_on", "kind", "topic", "lecturer", "participants"),
    search_fields=("topic", "lecturer"),
    required=("kind", "held_on", "topic"),
    filter_choices=("kind",),
    order=83,
    figures=figs.STUDY,
    sample=_sampler(
        "study_sessions",
        lambda j, d, on, by: StudyMeeting(
            jurisdiction=j,
            department=d,
            kind="standing_meeting",
            held_on=on,
            topic="学习《中华人民共和国行政复议法》",
            lecturer="县司法局局长",
            participants=25,
        ),
    ),
)
VILLAGE_SPEC = _decl(
    key="villages",
    nav_parent="legal_education",
    model=Village,
    title="村（社区）",
    noun="村（社区）",
    numbering=Numbering("村居"),
    date_field="established_on",
    fields=("department", "name", "township", "kind", "established_on", "abolished_on"),
    list_fields=("name", "township", "kind"),
    search_fields=("name", "township"),
    required=("name", "township", "kind", "established_on"),
    order=84,
    figures=figs.VILLAGES,
    sample=_sampler(
        "villages",
        lambda j, d, on, by: Village(
            jurisdiction=j, department=d, name="河西村", township="城关镇", established_on=on
        ),
    ),
)


def _village_for(j: Any, d: Any, on: dt.date, by: Any) -> Any:
    from fazhi.casework.registry import get

    spec = get("villages")
    assert spec is not None
    return spec.sample(j, None, d, by, on)  # type: ignore[misc]


COUNSEL_SPEC = _decl(
    key="legal_counsel",
    nav_parent="legal_education",
    model=LegalCounsel,
    title="法律顾问",
    noun="法律顾问",
    numbering=Numbering("顾问"),
    date_field="retained_on",
    fields=(
        "department",
        "kind",
        "name",
        "firm",
        "client_kind",
        "client",
        "village",
        "retained_on",
        "ended_on",
    ),
    list_fields=("name", "kind", "client", "retained_on", "ended_on"),
    search_fields=("name", "firm", "client"),
    required=("kind", "name", "firm", "client_kind", "client", "retained_on"),
    filter_choices=("kind", "client_kind"),
    order=85,
    figures=figs.COUNSEL,
    lookups={"village": "name"},
    sample=_sampler(
        "legal_counsel",
        lambda j, d, on, by: LegalCounsel(
            jurisdiction=j,
            department=d,
            name="赵律师",
            firm="正义律师事务所",
            client_kind="village",
            client="河西村村民委员会",
            village=_village_for(j, d, on, by),
            retained_on=on,
        ),
    ),
)


def _counsel_for(j: Any, d: Any, on: dt.date, by: Any) -> Any:
    from fazhi.casework.registry import get

    spec = get("legal_counsel")
    assert spec is not None
    return spec.sample(j, None, d, by, on)  # type: ignore[misc]


WORK_SPEC = _decl(
    key="counsel_work",
    nav_parent="legal_education",
    model=CounselWork,
    title="法律顾问工作",
    noun="法律顾问工作记录",
    numbering=Numbering("顾工"),
    date_field="worked_on",
    fields=(
        "department",
        "counsel",
        "worked_on",
        "subject",
        "matter",
        "opinions",
        "documents_drafted",
        "disputes_mediated",
    ),
    list_fields=("worked_on", "counsel", "subject", "matter", "opinions"),
    search_fields=("matter",),
    required=("counsel", "worked_on", "subject", "matter"),
    filter_choices=("subject",),
    order=86,
    figures=figs.WORK,
    lookups={"counsel": "name"},
    sample=_sampler(
        "counsel_work",
        lambda j, d, on, by: CounselWork(
            jurisdiction=j,
            department=d,
            counsel=_counsel_for(j, d, on, by),
            worked_on=on,
            subject="agreement",
            matter="审查土地流转合同",
            opinions=3,
        ),
    ),
)
DUTY_SPEC = _decl(
    key="leader_duties",
    nav_parent="legal_education",
    model=LeaderDutyRecord,
    title="主要负责人履职",
    noun="履职记录",
    numbering=Numbering("履职"),
    date_field="held_on",
    fields=(
        "department",
        "kind",
        "held_on",
        "leader",
        "leader_title",
        "meeting_type",
        "topic",
        "place",
    ),
    list_fields=("held_on", "kind", "leader", "topic"),
    search_fields=("leader", "topic", "place"),
    required=("kind", "held_on", "leader", "leader_title", "topic"),
    filter_choices=("kind",),
    order=87,
    figures=figs.DUTIES,
    sample=_sampler(
        "leader_duties",
        lambda j, d, on, by: LeaderDutyRecord(
            jurisdiction=j,
            department=d,
            kind="meeting",
            meeting_type="standing",
            held_on=on,
            leader="王县长",
            leader_title="县长",
            topic="听取2024年度法治政府建设情况汇报",
        ),
    ),
)
