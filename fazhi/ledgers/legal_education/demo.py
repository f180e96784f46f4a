"""Demo rows of the 普法/学法, 法律顾问 and 履职 registers for 示例县 and 样板县, 2023 to today."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import PLACES, dates_in, person_name, places
from fazhi.ledgers.legal_education.ledger import (
    ACTIVITY_SPEC,
    COUNSEL_SPEC,
    DUTY_SPEC,
    LITERATE_SPEC,
    STUDY_SPEC,
    VENUE_SPEC,
    VILLAGE_SPEC,
    WORK_SPEC,
)
from fazhi.ledgers.legal_education.models import (
    ActivityKind,
    ClientKind,
    CounselKind,
    CounselWork,
    DutyKind,
    EducationActivity,
    LeaderDutyRecord,
    LegalCounsel,
    LegalLiterate,
    MeetingType,
    OpinionSubject,
    PublicityVenue,
    StudyKind,
    StudyMeeting,
    VenueKind,
    Village,
    VillageKind,
)

ORDER = 60  # after 行政应诉 (50): part 3 reads the leaders' court appearances
ACTIVITY_TITLES = {
    ActivityKind.PUBLICITY: [
        "“宪法宣传周”集中宣传",
        "“送法下乡”进村入户",
        "民法典宣传月广场活动",
        "“八五”普法进校园",
    ],
    ActivityKind.LECTURE: ["民法典专题讲座", "行政复议法解读讲座", "安全生产法律知识讲座"],
    ActivityKind.LITERATE_TRAINING: ["法律明白人集中培训", "法律明白人调解技能培训"],
}
STUDY_TOPICS = [
    "《中华人民共和国行政复议法》",
    "《中华人民共和国民法典》",
    "《优化营商环境条例》",
    "《重大行政决策程序暂行条例》",
    "《中华人民共和国行政处罚法》",
    "习近平法治思想",
]
MEETING_TOPICS = [
    "听取年度法治政府建设情况汇报",
    "研究部署法治政府建设示范创建工作",
    "审议法治建设工作要点",
    "研究行政复议体制改革落实工作",
]
INSTRUCTION_TOPICS = [
    "行政败诉案件整改",
    "重大执法决定法制审核",
    "普法责任清单落实",
    "行政复议纠错案件",
]


def _registers(place: Any, rng: random.Random, by: Any) -> list[Village]:
    j, office = place.jurisdiction, place.handling
    for i in range(rng.randint(6, 10)):
        VENUE_SPEC.receive(
            PublicityVenue(
                jurisdiction=j,
                department=office,
                name=f"{PLACES[i % len(PLACES)]}法治{'公园' if i % 2 else '广场'}",
                kind=VenueKind.PARK if i % 2 else VenueKind.SQUARE,
                location=f"{PLACES[i % len(PLACES)]}镇",
                opened_on=dt.date(
                    rng.choice([2021, 2022, 2023, 2024, 2025]), rng.randint(1, 12), 1
                ),
            ),
            by=by,
        )
    villages = []
    for i in range(rng.randint(24, 32)):
        township = f"{PLACES[i % len(PLACES)]}镇"
        villages.append(
            VILLAGE_SPEC.receive(
                Village(
                    jurisdiction=j,
                    department=office,
                    name=f"{PLACES[(i * 3 + 1) % len(PLACES)]}{i + 1}村"
                    if i % 6
                    else f"{township}社区",
                    township=township,
                    kind=VillageKind.COMMUNITY if i % 6 == 0 else VillageKind.VILLAGE,
                    established_on=dt.date(2000, 1, 1),
                ),
                by=by,
            )
        )
    for v in villages:
        for _ in range(rng.randint(1, 2)):
            LITERATE_SPEC.receive(
                LegalLiterate(
                    jurisdiction=j,
                    department=office,
                    name=person_name(rng),
                    village=v.name,
                    registered_on=dt.date(
                        rng.choice([2022, 2023, 2024, 2025]), rng.randint(1, 12), 10
                    ),
                ),
                by=by,
            )
    return villages


def _counsel(
    place: Any, villages: list[Village], rng: random.Random, by: Any
) -> list[LegalCounsel]:
    j, office = place.jurisdiction, place.handling
    out = []
    clients = [
        (ClientKind.GOVERNMENT, j.government_name or f"{j.name}人民政府"),
        (ClientKind.PARTY, f"中共{j.name}委员会"),
    ]
    clients += [(ClientKind.DEPARTMENT, d.name) for d in place.respondents[:4]]
    for kind, client in clients:
        out.append(
            COUNSEL_SPEC.receive(
                LegalCounsel(
                    jurisdiction=j,
                    department=office,
                    kind=CounselKind.COUNSEL,
                    name=person_name(rng),
                    firm="正和律师事务所" if rng.random() < 0.5 else "明德律师事务所",
                    client_kind=kind,
                    client=client,
                    retained_on=dt.date(2022, 12, 20),
                ),
                by=by,
            )
        )
    for _ in range(3):
        COUNSEL_SPEC.receive(
            LegalCounsel(
                jurisdiction=j,
                department=office,
                kind=CounselKind.PUBLIC_LAWYER,
                name=person_name(rng),
                firm=office.name,
                client_kind=ClientKind.DEPARTMENT,
                client=office.name,
                retained_on=dt.date(rng.choice([2022, 2023, 2024]), 5, 1),
            ),
            by=by,
        )
    for v in villages:
        if rng.random() < 0.85:
            out.append(
                COUNSEL_SPEC.receive(
                    LegalCounsel(
                        jurisdiction=j,
                        department=office,
                        kind=CounselKind.COUNSEL,
                        name=person_name(rng),
                        firm="乡村振兴律师事务所",
                        client_kind=ClientKind.VILLAGE,
                        client=f"{v.name}村（居）民委员会",
                        village=v,
                        retained_on=dt.date(rng.choice([2023, 2024]), 3, 1),
                    ),
                    by=by,
                )
            )
    return out


def _year(
    place: Any, year: int, counsel: list[LegalCounsel], rng: random.Random, today: dt.date, by: Any
) -> None:
    j, office = place.jurisdiction, place.handling
    depts = [office, *place.respondents[:4]]
    for day in dates_in(rng, year, rng.randint(20, 30), today):
        kind = rng.choice(
            [ActivityKind.PUBLICITY] * 5
            + [ActivityKind.LECTURE] * 2
            + [ActivityKind.LITERATE_TRAINING]
        )
        ACTIVITY_SPEC.receive(
            EducationActivity(
                jurisdiction=j,
                department=rng.choice(depts),
                kind=kind,
                held_on=day,
                title=rng.choice(ACTIVITY_TITLES[kind]),
                place=f"{rng.choice(PLACES)}镇",
                audience=rng.randint(40, 600),
                materials=rng.randint(100, 2000) if kind == ActivityKind.PUBLICITY else 0,
            ),
            by=by,
        )
    for day in dates_in(rng, year, rng.randint(8, 12), today):
        study = rng.choice(
            [StudyKind.STANDING_MEETING] * 3 + [StudyKind.CENTRAL_GROUP] * 2 + [StudyKind.TRAINING]
        )
        STUDY_SPEC.receive(
            StudyMeeting(
                jurisdiction=j,
                department=office,
                kind=study,
                held_on=day,
                topic=rng.choice(STUDY_TOPICS),
                lecturer=rng.choice(["县司法局局长", "县委党校教授", "法律顾问", "县政府县长"]),
                participants=rng.randint(20, 40)
                if study != StudyKind.TRAINING
                else rng.randint(80, 300),
            ),
            by=by,
        )
    for day in dates_in(rng, year, 1, today):
        n = rng.randint(300, 700)
        STUDY_SPEC.receive(
            StudyMeeting(
                jurisdiction=j,
                department=office,
                kind=StudyKind.EXAM,
                held_on=day,
                topic="国家工作人员年度学法考试",
                participants=n,
                passed=n - rng.randint(0, 8),
            ),
            by=by,
        )
    for day in dates_in(rng, year, rng.randint(25, 40), today):
        c = rng.choice(counsel)
        if day < c.retained_on:
            continue
        subject = (
            OpinionSubject.RESIDENTS
            if c.client_kind == ClientKind.VILLAGE
            else rng.choice(
                [
                    OpinionSubject.DECISION,
                    OpinionSubject.AGREEMENT,
                    OpinionSubject.LITIGATION,
                    OpinionSubject.DOCUMENT,
                ]
            )
        )
        WORK_SPEC.receive(
            CounselWork(
                jurisdiction=j,
                department=office,
                counsel=c,
                worked_on=day,
                subject=subject,
                matter={
                    "residents": "为村民提供法律咨询",
                    "decision": "重大行政决策合法性审查",
                    "agreement": "审查合同协议",
                    "litigation": "代理行政诉讼案件",
                    "document": "审查规范性文件",
                }[subject],
                opinions=rng.randint(1, 12),
                documents_drafted=rng.randint(0, 3),
                disputes_mediated=rng.randint(0, 2) if subject == OpinionSubject.RESIDENTS else 0,
            ),
            by=by,
        )
    leaders = [("县长", person_name(rng)), ("县委书记", person_name(rng))]
    for day in dates_in(rng, year, rng.randint(3, 5), today):
        DUTY_SPEC.receive(
            LeaderDutyRecord(
                jurisdiction=j,
                department=office,
                kind=DutyKind.MEETING,
                held_on=day,
                leader=leaders[0][1],
                leader_title=leaders[0][0],
                meeting_type=rng.choice(
                    [MeetingType.STANDING, MeetingType.PARTY_STANDING, MeetingType.LEADING_GROUP]
                ),
                topic=rng.choice(MEETING_TOPICS),
            ),
            by=by,
        )
    for day in dates_in(rng, year, rng.randint(3, 7), today):
        title, name = rng.choice(leaders)
        DUTY_SPEC.receive(
            LeaderDutyRecord(
                jurisdiction=j,
                department=office,
                kind=DutyKind.INSTRUCTION,
                held_on=day,
                leader=name,
                leader_title=title,
                topic=f"就{rng.choice(INSTRUCTION_TOPICS)}作出批示",
            ),
            by=by,
        )
    debrief_day = dt.date(year, 12, 20) if dt.date(year, 12, 20) <= today else None
    if debrief_day:
        for title in ("县政府副县长", "县司法局局长", "县市场监督管理局局长"):
            DUTY_SPEC.receive(
                LeaderDutyRecord(
                    jurisdiction=j,
                    department=office,
                    kind=DutyKind.DEBRIEF,
                    held_on=debrief_day,
                    leader=person_name(rng),
                    leader_title=title,
                    topic="年度履行推进法治建设第一责任人职责情况",
                    place="县委全会年终述职述法会议",
                ),
                by=by,
            )


def populate(ctx: Any) -> None:
    if EducationActivity.objects.exists():
        ctx.log.append("普法学法与履职：已有记录，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    for place in places(ctx):
        by = users[place.jurisdiction.code]
        villages = _registers(place, rng, by)
        counsel = _counsel(place, villages, rng, by)
        for year in range(2023, today.year + 1):
            _year(place, year, counsel, rng, today, by)
    ctx.log.append(
        f"普法学法与履职：普法活动 {EducationActivity.objects.count()} 场，学法 "
        f"{StudyMeeting.objects.count()} 次，法律顾问 {LegalCounsel.objects.count()} 名，"
        f"履职记录 {LeaderDutyRecord.objects.count()} 条"
    )
