"""普法/学法, 法律顾问, 履职: part 3 of the report drafted from the rows (asserted as rendered
text), indicators against hand counts, negative counts refused, import errors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from fazhi.imports.importer import run_import
from fazhi.indicators.scope import Scope
from fazhi.ledgers.legal_education.indicators import COUNSEL_FIGURES, DUTY_FIGURES, EDUCATION
from fazhi.ledgers.legal_education.ledger import (
    ACTIVITY_SPEC,
    COUNSEL_SPEC,
    DUTY_SPEC,
    STUDY_SPEC,
    VILLAGE_SPEC,
    WORK_SPEC,
)
from fazhi.ledgers.legal_education.models import (
    CounselWork,
    EducationActivity,
    LeaderDutyRecord,
    LegalCounsel,
    StudyMeeting,
    Village,
)
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat


def duty(county, office, kind, on, **kw):
    defaults = {"leader": "王明", "leader_title": "县长", "topic": "法治政府建设"}
    return DUTY_SPEC.receive(
        LeaderDutyRecord(
            jurisdiction=county, department=office, kind=kind, held_on=D(on), **{**defaults, **kw}
        ),
        by=kw.pop("by", None),
    )


@pytest.fixture
def year_of_duties(county, justice_bureau, coordinator):
    office = justice_bureau
    for on, topic in (
        ("2025-02-10", "听取年度法治政府建设情况汇报"),
        ("2025-06-03", "审议法治建设工作要点"),
    ):
        DUTY_SPEC.receive(
            LeaderDutyRecord(
                jurisdiction=county,
                department=office,
                kind="meeting",
                meeting_type="standing",
                held_on=D(on),
                leader="王明",
                leader_title="县长",
                topic=topic,
            ),
            by=coordinator,
        )
    DUTY_SPEC.receive(
        LeaderDutyRecord(
            jurisdiction=county,
            department=office,
            kind="instruction",
            held_on=D("2025-04-01"),
            leader="王明",
            leader_title="县长",
            topic="就行政败诉案件整改作出批示",
        ),
        by=coordinator,
    )
    DUTY_SPEC.receive(
        LeaderDutyRecord(
            jurisdiction=county,
            department=office,
            kind="debrief",
            held_on=D("2025-12-20"),
            leader="李强",
            leader_title="县司法局局长",
            topic="年度述法",
            place="县委全会年终述职述法会议",
        ),
        by=coordinator,
    )
    DUTY_SPEC.receive(  # another year: not in 2025's part 3
        LeaderDutyRecord(
            jurisdiction=county,
            department=office,
            kind="instruction",
            held_on=D("2024-04-01"),
            leader="王明",
            leader_title="县长",
            topic="2024年的批示",
        ),
        by=coordinator,
    )
    STUDY_SPEC.receive(
        StudyMeeting(
            jurisdiction=county,
            department=office,
            kind="standing_meeting",
            held_on=D("2025-03-05"),
            topic="《中华人民共和国行政复议法》",
            lecturer="县司法局局长",
            participants=25,
        ),
        by=coordinator,
    )


def _principal_hearing(county, justice_bureau, police, coordinator):
    from fazhi.ledgers.litigation import workflow
    from fazhi.ledgers.litigation.ledger import sample

    case = sample(county, justice_bureau, police, coordinator, D("2025-01-06"))
    workflow.schedule_hearing(
        case, on=D("2025-03-20"), notice_received_on=D("2025-03-10"), by=coordinator
    )
    workflow.hold_hearing(
        case,
        on=D("2025-03-20"),
        by=coordinator,
        role="principal",
        appearer_name="赵刚",
        appearer_title="局长",
        organ_relation="own",
        identity_proved=True,
        spoke_on_substance=True,
        lawyer_present=True,
    )
    return case


def test_part_three_is_written_from_the_rows(
    year_of_duties, county, justice_bureau, police, coordinator
):
    from fazhi.reports.draft import draft
    from fazhi.reports.render import plain_text

    _principal_hearing(county, justice_bureau, police, coordinator)
    report = draft(county, 2025, by=coordinator)
    part3 = report.parts.get(number=3).text
    assert "待补充" not in part3
    text = plain_text(report)
    assert (
        "党政主要负责人切实履行推进法治建设第一责任人职责，召开会议专题研究法治建设2次，"
        "研究“听取年度法治政府建设情况汇报”、“审议法治建设工作要点”事项；对法治建设工作作出批示1次。"
    ) in text
    assert (
        "坚持领导干部带头尊法学法守法用法，全年开展常务会议学法和中心组学法1次，"
        "学习《中华人民共和国行政复议法》，由县司法局局长等领学。"
    ) in text
    assert (
        "落实述法制度，全年1人述法：县司法局局长李强于2025年12月20日在县委全会年终述职述法会议述法。"
        in text
    )
    assert "行政机关主要负责人带头出庭应诉1次（示例县公安局局长赵刚）。" in text
    frozen = {t.indicator_id: t.value for t in report.figures.all()}
    assert frozen["leader_duties.meetings_on_rule_of_law"] == 2
    assert frozen["leader_duties.court_appearances"] == 1


def test_without_rows_part_three_keeps_only_what_other_ledgers_write(county, coordinator):
    from fazhi.ledgers.legal_education.sections import build_part3

    assert build_part3(Scope.year(county, 2025)) == []


def test_indicators_against_hand_counts(
    year_of_duties, county, justice_bureau, police, coordinator
):
    office = justice_bureau
    for kind, audience, materials in (
        ("publicity", 100, 300),
        ("publicity", 50, 0),
        ("lecture", 40, 0),
        ("literate_training", 30, 0),
    ):
        ACTIVITY_SPEC.receive(
            EducationActivity(
                jurisdiction=county,
                department=office,
                kind=kind,
                held_on=D("2025-05-01"),
                title="活动",
                place="城关镇",
                audience=audience,
                materials=materials,
            ),
            by=coordinator,
        )
    STUDY_SPEC.receive(
        StudyMeeting(
            jurisdiction=county,
            department=office,
            kind="exam",
            held_on=D("2025-10-01"),
            topic="学法考试",
            participants=300,
            passed=297,
        ),
        by=coordinator,
    )
    villages = [
        VILLAGE_SPEC.receive(
            Village(
                jurisdiction=county,
                department=office,
                name=f"{i}村",
                township="城关镇",
                established_on=D("2000-01-01"),
            ),
            by=coordinator,
        )
        for i in range(4)
    ]
    for i, (kind, client_kind, village, ended) in enumerate(
        (
            ("counsel", "government", None, None),
            ("counsel", "village", villages[0], None),
            ("counsel", "village", villages[1], "2024-12-31"),  # ended before 2025
            ("public_lawyer", "department", None, None),
        )
    ):
        c = COUNSEL_SPEC.receive(
            LegalCounsel(
                jurisdiction=county,
                department=office,
                kind=kind,
                name=f"顾问{i}",
                firm="律所",
                client_kind=client_kind,
                client="聘请单位",
                village=village,
                retained_on=D("2024-01-01"),
                ended_on=D(ended) if ended else None,
            ),
            by=coordinator,
        )
    WORK_SPEC.receive(
        CounselWork(
            jurisdiction=county,
            department=office,
            counsel=c,
            worked_on=D("2025-02-01"),
            subject="agreement",
            matter="合同",
            opinions=4,
            documents_drafted=1,
        ),
        by=coordinator,
    )
    _principal_hearing(county, justice_bureau, police, coordinator)
    scope = Scope.year(county, 2025)
    got = {**EDUCATION.counts(scope), **COUNSEL_FIGURES.counts(scope), **DUTY_FIGURES.counts(scope)}
    assert {k: v for k, v in got.items()} == {
        "legal_education.activities": 2,
        "legal_education.lectures": 1,
        "legal_education.materials_distributed": 300,
        "legal_education.persons_reached": 190,
        "legal_education.legal_literates_trained": 30,
        "legal_education.publicity_venues": 0,
        "legal_education.legal_literates": 0,
        "legal_education.study_meetings": 1,
        "legal_education.persons_trained": 300,
        "legal_counsel.counsel_count": 2,
        "legal_counsel.public_lawyers": 1,
        "legal_counsel.villages_covered": 1,
        "legal_counsel.opinions": 4,
        "legal_counsel.documents_drafted": 1,
        "legal_counsel.disputes_mediated": 0,
        "legal_counsel.villages": 4,
        "leader_duties.meetings_on_rule_of_law": 2,
        "leader_duties.instructions": 1,
        "leader_duties.debriefs": 1,
        "leader_duties.court_appearances": 1,
    }
    for reg in (EDUCATION, COUNSEL_FIGURES, DUTY_FIGURES):
        for part in reg.parts:
            assert part.counts(scope) == part.counts_orm(scope)
    assert EDUCATION.rows("legal_education.persons_reached", scope).count() == 3
    assert COUNSEL_FIGURES.rows("legal_counsel.villages_covered", scope).count() == 1


def test_a_negative_count_is_refused_with_its_name_and_nothing_saved(justice_bureau, coordinator):
    client = Client()
    client.force_login(coordinator)
    data = {
        "department": justice_bureau.pk,
        "kind": "publicity",
        "held_on": "2025-05-01",
        "title": "送法下乡",
        "place": "城关镇",
        "audience": "-20",
        "materials": "100",
    }
    html = client.post(reverse("legal_education:create"), data).content.decode()
    assert "受众人次不能为负数" in html
    assert EducationActivity.objects.count() == 0
    data["audience"] = "20"
    response = client.post(reverse("legal_education:create"), data)
    assert response.status_code == 302
    assert EducationActivity.objects.get().case_number == "示普法〔2025〕1号"


def test_rules_of_a_record_are_refused(county, justice_bureau, coordinator):
    with pytest.raises(Exception, match="合格人数（30）不能多于参加人数（20）"):
        STUDY_SPEC.receive(
            StudyMeeting(
                jurisdiction=county,
                department=justice_bureau,
                kind="exam",
                held_on=D("2025-10-01"),
                topic="考试",
                participants=20,
                passed=30,
            ),
            by=coordinator,
        )
    with pytest.raises(Exception, match="述法请填写场合"):
        DUTY_SPEC.receive(
            LeaderDutyRecord(
                jurisdiction=county,
                department=justice_bureau,
                kind="debrief",
                held_on=D("2025-12-01"),
                leader="甲",
                leader_title="局长",
                topic="述法",
            ),
            by=coordinator,
        )
    assert StudyMeeting.objects.count() == LeaderDutyRecord.objects.count() == 0


def test_import_lists_every_row_problem_and_saves_nothing(justice_bureau, coordinator):
    spec = ACTIVITY_SPEC.sheet
    headers = ["主办单位", "活动类型", "活动日期", "活动名称", "地点", "受众人次", "发放资料（份）"]
    rows = [
        ["司法局", "普法宣传活动", D("2025-03-03"), "宪法宣传", "城关镇", 200, 300],
        ["不存在局", "普法宣传活动", D("2025-03-04"), "宪法宣传", "城关镇", 200, 300],
        ["司法局", "普法宣传活动", D("2025-03-05"), "宪法宣传", "城关镇", -5, 300],
        ["司法局", "座谈会", D("2025-03-06"), "宪法宣传", "城关镇", 5, 300],
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(spec, data, by=coordinator, context=spec.context(coordinator))
    assert [str(p) for p in report.problems] == [
        "第3行“主办单位”：本区划没有名为“不存在局”的部门",
        "第4行“受众人次”：受众人次不能为负数",
        "第5行“活动类型”：“座谈会”不在可选项中（可选：普法宣传活动、法治讲座、法律明白人培训）",
    ]
    assert EducationActivity.objects.count() == 0
    data = workbook_bytes(headers, [dict(zip(headers, rows[0], strict=True))])
    report = run_import(spec, data, by=coordinator, context=spec.context(coordinator))
    assert report.ok and report.created == 1
    assert EducationActivity.objects.get().department == justice_bureau
