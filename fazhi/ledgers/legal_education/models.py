"""普法/学法, 法律顾问/公职律师, 党政主要负责人履职: registers (statutes.md §12; report part 3)."""

from __future__ import annotations

from typing import ClassVar

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.org.models import Department


def _count(label: str) -> models.PositiveIntegerField[int, int]:
    return models.PositiveIntegerField(
        label, default=0, validators=[MinValueValidator(0, f"{label}不能为负数")]
    )


def _unique(name: str) -> list[models.BaseConstraint]:
    return [models.UniqueConstraint(fields=["jurisdiction", "case_number"], name=name)]


class ActivityKind(models.TextChoices):
    PUBLICITY = "publicity", "普法宣传活动"
    LECTURE = "lecture", "法治讲座"
    LITERATE_TRAINING = "literate_training", "法律明白人培训"


class EducationActivity(CaseModel):
    """A 普法 event: 送法下乡, 宪法日, a lecture, a training of 法律明白人."""

    noun: ClassVar[str] = "普法活动"

    department = models.ForeignKey(
        Department, verbose_name="主办单位", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("活动类型", max_length=20, choices=ActivityKind)
    held_on = models.DateField("活动日期")
    title = models.CharField("活动名称", max_length=100)
    place = models.CharField("地点", max_length=100)
    audience = _count("受众人次")
    materials = _count("发放资料（份）")

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "普法活动"
        verbose_name_plural = "普法活动"
        constraints = _unique("legal_education_activity_number_unique")


class VenueKind(models.TextChoices):
    PARK = "park", "法治公园"
    SQUARE = "square", "法治广场"
    CORRIDOR = "corridor", "法治长廊"
    CULTURE = "culture", "法治文化阵地"


class PublicityVenue(CaseModel):
    noun: ClassVar[str] = "普法阵地"

    department = models.ForeignKey(
        Department, verbose_name="管理单位", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("阵地名称", max_length=100)
    kind = models.CharField("阵地类型", max_length=20, choices=VenueKind)
    location = models.CharField("位置", max_length=100)
    opened_on = models.DateField("建成日期")
    closed_on = models.DateField("撤销日期", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "法治宣传教育阵地"
        verbose_name_plural = "法治宣传教育阵地"
        constraints = _unique("legal_education_venue_number_unique")

    def problems(self) -> dict[str, str]:
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            return {"closed_on": "撤销日期不能早于建成日期"}
        return {}


class LegalLiterate(CaseModel):
    """A 法律明白人 of a village or community."""

    noun: ClassVar[str] = "法律明白人"

    department = models.ForeignKey(
        Department, verbose_name="登记单位", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("姓名", max_length=30)
    village = models.CharField("所在村（社区）", max_length=60)
    registered_on = models.DateField("登记日期")
    left_on = models.DateField("退出日期", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "法律明白人"
        verbose_name_plural = "法律明白人"
        constraints = _unique("legal_education_literate_number_unique")


class StudyKind(models.TextChoices):
    STANDING_MEETING = "standing_meeting", "政府常务会议学法"
    CENTRAL_GROUP = "central_group", "党委（党组）理论学习中心组学法"
    TRAINING = "training", "领导干部、公务员法治培训"
    EXAM = "exam", "学法考试"


STUDY_MEETING_KINDS = (StudyKind.STANDING_MEETING, StudyKind.CENTRAL_GROUP)


class StudyMeeting(CaseModel):
    """学法: a session of the standing meeting or the 中心组, a training, an exam."""

    noun: ClassVar[str] = "学法记录"

    department = models.ForeignKey(
        Department, verbose_name="组织单位", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("学法形式", max_length=20, choices=StudyKind)
    held_on = models.DateField("日期")
    topic = models.CharField("学习内容", max_length=200)
    lecturer = models.CharField("授课人（领学人）", max_length=60, blank=True)
    participants = _count("参加人数")
    passed = _count("考试合格人数")

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "学法记录"
        verbose_name_plural = "学法记录"
        constraints = _unique("legal_education_study_number_unique")

    def problems(self) -> dict[str, str]:
        if self.passed and self.kind != StudyKind.EXAM:
            return {"passed": "只有学法考试才填写合格人数"}
        if self.passed > self.participants:
            return {"passed": f"合格人数（{self.passed}）不能多于参加人数（{self.participants}）"}
        if self.kind in (StudyKind.TRAINING, StudyKind.EXAM) and not self.participants:
            return {"participants": "培训、考试请填写参加人数"}
        return {}


class VillageKind(models.TextChoices):
    VILLAGE = "village", "行政村"
    COMMUNITY = "community", "社区"


class Village(CaseModel):
    """A village or community of the county (the denominator of 法律顾问 coverage)."""

    noun: ClassVar[str] = "村（社区）"

    department = models.ForeignKey(
        Department, verbose_name="登记单位", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("村（社区）名称", max_length=60)
    township = models.CharField("所属乡镇（街道）", max_length=60)
    kind = models.CharField("类型", max_length=12, choices=VillageKind, default=VillageKind.VILLAGE)
    established_on = models.DateField("设立日期")
    abolished_on = models.DateField("撤并日期", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "村（社区）"
        verbose_name_plural = "村（社区）"
        constraints = _unique("legal_education_village_number_unique")

    def __str__(self) -> str:
        return f"{self.township}{self.name}"


class CounselKind(models.TextChoices):
    COUNSEL = "counsel", "法律顾问"
    PUBLIC_LAWYER = "public_lawyer", "公职律师"


class ClientKind(models.TextChoices):
    GOVERNMENT = "government", "人民政府"
    PARTY = "party", "党委"
    DEPARTMENT = "department", "政府部门"
    VILLAGE = "village", "村（社区）"


class LegalCounsel(CaseModel):
    """Who is retained by whom, from when to when."""

    noun: ClassVar[str] = "法律顾问"

    department = models.ForeignKey(
        Department, verbose_name="登记单位", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("类别", max_length=20, choices=CounselKind, default=CounselKind.COUNSEL)
    name = models.CharField("姓名", max_length=30)
    firm = models.CharField("执业机构（工作单位）", max_length=100)
    client_kind = models.CharField("聘请方类别", max_length=20, choices=ClientKind)
    client = models.CharField("聘请单位", max_length=100)
    village = models.ForeignKey(
        Village,
        verbose_name="服务的村（社区）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    retained_on = models.DateField("聘任日期")
    ended_on = models.DateField("解聘（期满）日期", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "法律顾问、公职律师"
        verbose_name_plural = "法律顾问、公职律师"
        constraints = _unique("legal_education_counsel_number_unique")

    def __str__(self) -> str:
        return f"{self.name}（{self.client}）"

    def problems(self) -> dict[str, str]:
        if self.client_kind == ClientKind.VILLAGE and not self.village_id:
            return {"village": "村（社区）法律顾问请选择服务的村（社区）"}
        if self.client_kind != ClientKind.VILLAGE and self.village_id:
            return {"village": "只有村（社区）聘请的法律顾问才填写服务的村（社区）"}
        if self.ended_on and self.retained_on and self.ended_on < self.retained_on:
            return {"ended_on": "解聘日期不能早于聘任日期"}
        return {}


class OpinionSubject(models.TextChoices):
    DECISION = "decision", "重大决策"
    AGREEMENT = "agreement", "合同协议"
    LITIGATION = "litigation", "诉讼复议"
    DOCUMENT = "document", "规范性文件"
    RESIDENTS = "residents", "群众法律咨询"


class CounselWork(CaseModel):
    """What a counsel did: opinions on a subject, documents drafted, disputes mediated."""

    noun: ClassVar[str] = "法律顾问工作记录"

    department = models.ForeignKey(
        Department, verbose_name="登记单位", on_delete=models.PROTECT, related_name="+"
    )
    counsel = models.ForeignKey(
        LegalCounsel, verbose_name="法律顾问", on_delete=models.PROTECT, related_name="work"
    )
    worked_on = models.DateField("日期")
    subject = models.CharField("事项类别", max_length=20, choices=OpinionSubject)
    matter = models.CharField("事项", max_length=200)
    opinions = _count("提供法律意见（条）")
    documents_drafted = _count("起草法律文书（件）")
    disputes_mediated = _count("参与调解纠纷（件）")

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "法律顾问工作记录"
        verbose_name_plural = "法律顾问工作记录"
        constraints = _unique("legal_education_counsel_work_number_unique")

    def problems(self) -> dict[str, str]:
        if not (self.opinions or self.documents_drafted or self.disputes_mediated):
            return {"opinions": "请至少填写一项工作量（法律意见、法律文书或调解纠纷）"}
        c = self.counsel if getattr(self, "counsel_id", None) else None
        if c is not None and self.worked_on and self.worked_on < c.retained_on:
            return {"worked_on": f"{c.name}于{c.retained_on:%Y-%m-%d}受聘，此前不能有工作记录"}
        return {}


class DutyKind(models.TextChoices):
    MEETING = "meeting", "专题研究法治建设"
    INSTRUCTION = "instruction", "作出批示"
    DEBRIEF = "debrief", "述法"


class MeetingType(models.TextChoices):
    STANDING = "standing", "政府常务会议"
    PARTY_STANDING = "party_standing", "党委常委会会议"
    LEADING_GROUP = "leading_group", "法治建设领导小组（委员会）会议"
    OTHER = "other", "其他会议"


class LeaderDutyRecord(CaseModel):
    """A principal leader's act of duty: a meeting that studied rule-of-law work, a 批示, a 述法."""

    noun: ClassVar[str] = "履职记录"

    department = models.ForeignKey(
        Department, verbose_name="登记单位", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("履职事项", max_length=20, choices=DutyKind)
    held_on = models.DateField("日期")
    leader = models.CharField("负责人", max_length=30)
    leader_title = models.CharField("职务", max_length=60)
    meeting_type = models.CharField("会议类型", max_length=20, choices=MeetingType, blank=True)
    topic = models.CharField("内容", max_length=200)
    place = models.CharField("场合（地点）", max_length=100, blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "党政主要负责人履职记录"
        verbose_name_plural = "党政主要负责人履职记录"
        constraints = _unique("legal_education_duty_number_unique")

    def problems(self) -> dict[str, str]:
        if self.kind == DutyKind.MEETING and not self.meeting_type:
            return {"meeting_type": "专题研究法治建设的，请选择会议类型"}
        if self.kind != DutyKind.MEETING and self.meeting_type:
            return {"meeting_type": "只有专题研究法治建设的会议才填写会议类型"}
        if self.kind == DutyKind.DEBRIEF and not self.place:
            return {"place": "述法请填写场合（如年终述职述法会议）"}
        return {}
