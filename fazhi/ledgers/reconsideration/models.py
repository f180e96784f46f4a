"""行政复议 cases and their applicants."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import ClassVar

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.ledgers.reconsideration.states import (
    ActCategory,
    ApplicantKind,
    Channel,
    HearingForm,
    LawVersion,
    Outcome,
    Procedure,
    ServiceMethod,
    State,
    SuspensionGround,
    TerminationReason,
)
from fazhi.org.models import Department, Jurisdiction, ScopedManager


class ReconsiderationCase(CaseModel):
    """One application to the 复议机关 (the jurisdiction's government), from receipt to closure."""

    noun: ClassVar[str] = "案件"
    state_hints: ClassVar[dict[str, str]] = {
        State.SUSPENDED: "案件处于中止状态，请先恢复审理再{verb}"
    }
    scope_departments = ("handling_department", "respondent_department")

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="复议机关（区划）", on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField("状态", max_length=24, choices=State, default=State.RECEIVED)
    law_version = models.CharField("适用法律版本", max_length=4, choices=LawVersion)
    law_version_reason = models.CharField("法律版本调整理由", max_length=200, blank=True)
    procedure = models.CharField(
        "审理程序", max_length=12, choices=Procedure, default=Procedure.ORDINARY
    )
    hearing_form = models.CharField(
        "审理方式", max_length=12, choices=HearingForm, default=HearingForm.WRITTEN
    )
    channel = models.CharField(
        "申请方式", max_length=12, choices=Channel, default=Channel.IN_PERSON
    )

    handling_department = models.ForeignKey(
        Department, verbose_name="复议机构", on_delete=models.PROTECT, related_name="+"
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    applicant_names = models.CharField("申请人", max_length=200, blank=True)
    respondent_department = models.ForeignKey(
        Department,
        verbose_name="被申请人（部门）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    respondent_name = models.CharField("被申请人", max_length=100)
    act_category = models.CharField("行政行为类别", max_length=16, choices=ActCategory)
    act_description = models.CharField("被申请复议的行政行为", max_length=300)
    request = models.TextField("复议请求", blank=True)
    # 复议前置: a refusal (Art. 34) or a late decision may then be sued within 15 days; otherwise
    # the original act is sued within the 行政诉讼法 Art. 46 period.
    review_first = models.BooleanField(
        "复议前置（法律、行政法规规定应当先申请行政复议）", default=False
    )
    competent_body = models.CharField("有管辖权的行政复议机关", max_length=100, blank=True)

    received_on = models.DateField("收到申请日期")
    # Optional: starts the applicant's 60-day application period (2023 Art. 20; 2017 Art. 9).
    knew_of_act_on = models.DateField(
        "知道该行政行为之日",
        null=True,
        blank=True,
        help_text="申请人知道或者应当知道该行政行为之日；填写后自动计算60日申请期限",
    )
    # The rest of the application period (2023 Arts. 20, 21; 2017 Art. 9): a posted application
    # counts from the postmark (在途时间不计); an obstacle pauses the 60 days (20(2)); an applicant
    # not told of the right counts from learning of it, at most one year from knowing of the act
    # (20(3)); and no application 5 years (real property: 20) after the act was made (21).
    posted_on = models.DateField("邮寄日期（邮戳日期）", null=True, blank=True)
    obstacle_from = models.DateField("耽误申请期限的障碍发生日", null=True, blank=True)
    obstacle_to = models.DateField("障碍消除日", null=True, blank=True)
    right_not_told = models.BooleanField("作出行政行为时未告知申请复议的权利、期限", default=False)
    learned_of_right_on = models.DateField("知道申请复议的权利、期限之日", null=True, blank=True)
    act_made_on = models.DateField("行政行为作出日期", null=True, blank=True)
    real_property = models.BooleanField("因不动产提出的申请", default=False)
    correction_requested_on = models.DateField("补正通知日期", null=True, blank=True)
    correction_items = models.CharField("补正事项", max_length=300, blank=True)
    # Art. 31(2): the applicant's 10 working days run from receipt of the notice.
    correction_served_on = models.DateField("补正通知送达日期", null=True, blank=True)
    correction_service_method = models.CharField(
        "补正通知送达方式", max_length=12, choices=ServiceMethod, blank=True
    )
    correction_received_on = models.DateField("收到补正材料日期", null=True, blank=True)
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    deemed_accepted = models.BooleanField("视为受理", default=False)
    deemed_abandoned = models.BooleanField("逾期未补正视为放弃", default=False)
    copy_sent_on = models.DateField("发送申请书副本日期", null=True, blank=True)
    # Arts. 48, 54: the respondent's answer period runs from its receipt of the copy.
    copy_served_on = models.DateField("被申请人收到副本日期", null=True, blank=True)
    answered_on = models.DateField("被申请人答复日期", null=True, blank=True)
    hearing_on = models.DateField("听证（听取意见）日期", null=True, blank=True)
    hearing_scheduled_on = models.DateField("拟定听证日期", null=True, blank=True)
    hearing_notice_on = models.DateField("听证通知日期", null=True, blank=True)
    # Art. 49: ordinary procedure hears the parties, unless the party made it impossible.
    opinions_prevented = models.BooleanField("因当事人原因不能听取意见", default=False)
    suspended_on = models.DateField("中止日期", null=True, blank=True)
    suspension_ground = models.CharField(
        "中止情形", max_length=24, choices=SuspensionGround, blank=True
    )
    suspension_reason = models.CharField("中止原因", max_length=200, blank=True)
    procedure_switched_on = models.DateField("转为普通程序日期", null=True, blank=True)
    # 延期 request by the 承办人, pending until the head approves (extend) or refuses it.
    extension_requested_on = models.DateField("延期申请日期", null=True, blank=True)
    extension_request_days = models.PositiveSmallIntegerField("申请延长日数", null=True, blank=True)
    extension_request_reason = models.CharField("延期申请理由", max_length=300, blank=True)
    extension_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="延期申请人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    extended_on = models.DateField("延期批准日期", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField("延长日数", null=True, blank=True)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="延期批准人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_on = models.DateField("结案日期", null=True, blank=True)
    outcome = models.CharField("结案方式", max_length=24, choices=Outcome, blank=True)
    termination_reason = models.CharField(
        "终止原因", max_length=20, choices=TerminationReason, blank=True
    )
    closure_note = models.CharField("结案说明", max_length=300, blank=True)
    decision_due_on = models.DateField("审理期限届满日", null=True, blank=True)
    # Set while the decision clock needs a year whose calendar is not confirmed (due date unknown).
    decision_due_flag_year = models.PositiveSmallIntegerField(
        "审理期限待确认日历年度", null=True, blank=True
    )
    concluded_on_time = models.BooleanField("按期审结", null=True, blank=True)
    carried_over = models.BooleanField("上年结转", default=False)
    opinion_letter = models.BooleanField("制发行政复议意见书", default=False)
    recommendation_letter = models.BooleanField("制发行政复议建议书", default=False)
    lawsuit_ref = models.CharField("后续行政诉讼", max_length=100, blank=True)
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "行政复议案件"
        verbose_name_plural = "行政复议案件"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="recon_case_number_unique"
            ),
        ]
        indexes = [
            # The list's order is (-received_on, -id); the indicators filter on the date ranges.
            models.Index(
                fields=["jurisdiction", "received_on", "id"], name="recon_jur_received_id"
            ),
            models.Index(fields=["received_on", "id"], name="recon_received_id"),
            models.Index(fields=["jurisdiction", "closed_on"], name="recon_jur_closed"),
            models.Index(fields=["jurisdiction", "accepted_on"], name="recon_jur_accepted"),
            models.Index(
                fields=["handling_department", "received_on"], name="recon_handling_received"
            ),
            models.Index(
                fields=["respondent_department", "received_on"], name="recon_resp_received"
            ),
            models.Index(fields=["state", "decision_due_on"], name="recon_state_due"),
        ]

    @property
    def decision_due_text(self) -> str:
        """The cached 审理期限届满日 for pages: a date, "2027年日历未确认", or "—"."""
        from fazhi.ledgers.reconsideration.workflow.base import DUE

        return DUE.text(self)

    @property
    def extension_pending(self) -> bool:
        return self.extension_requested_on is not None and self.extended_on is None

    @property
    def is_simplified(self) -> bool:
        return self.procedure == Procedure.SIMPLIFIED

    def refresh_applicant_names(self) -> None:
        names = "、".join(a.name for a in self.applicants.all())
        self.applicant_names = names[:200]

    def derived_on_edit(self) -> list[str]:
        """After the applicant rows were saved on the edit page: the columns derived from them."""
        self.refresh_applicant_names()
        return ["applicant_names"]


class Applicant(models.Model):
    """申请人 (natural person, legal person or other organisation) and its 委托代理人."""

    scope_jurisdiction = "case__jurisdiction"
    scope_departments = ("case__handling_department", "case__respondent_department")

    case = models.ForeignKey(
        ReconsiderationCase,
        verbose_name="案件",
        on_delete=models.CASCADE,
        related_name="applicants",
    )
    kind = models.CharField(
        "申请人类型", max_length=20, choices=ApplicantKind, default=ApplicantKind.NATURAL_PERSON
    )
    name = models.CharField("申请人姓名（名称）", max_length=100)
    id_number = models.CharField("身份证件号码（统一社会信用代码）", max_length=30, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    address = models.CharField("住所（联系地址）", max_length=200, blank=True)
    agent_name = models.CharField("委托代理人", max_length=60, blank=True)
    agent_phone = models.CharField("代理人电话", max_length=30, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "申请人"
        verbose_name_plural = "申请人"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class AnswerFileKind(models.TextChoices):
    ANSWER = "answer", "答复书"
    EVIDENCE = "evidence", "证据、依据和其他有关材料"


class PrivateStorage(FileSystemStorage):
    """MEDIA_ROOT/private, which no URL serves: files are read only through the
    permission-checked view (views.answer_file), never from the web root. Read from the
    settings on each use, so a changed MEDIA_ROOT (tests, deployment) is followed."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(Path(settings.MEDIA_ROOT) / "private")

    @property  # type: ignore[override]
    def location(self) -> str:
        return str(Path(self.base_location).resolve())


def _private_storage() -> FileSystemStorage:
    return PrivateStorage()


def _answer_path(instance: AnswerFile, filename: str) -> str:
    # A random name without the uploaded extension: nothing uploaded can be run or guessed.
    return f"reconsideration/{instance.case_id}/{uuid.uuid4().hex}"


class AnswerFile(models.Model):
    """The respondent's 答复书 or an evidence file (Art. 48), kept with the case."""

    scope_jurisdiction = "case__jurisdiction"
    scope_departments = ("case__handling_department", "case__respondent_department")

    case = models.ForeignKey(
        ReconsiderationCase, verbose_name="案件", on_delete=models.CASCADE, related_name="files"
    )
    kind = models.CharField("材料类型", max_length=12, choices=AnswerFileKind)
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小（字节）")
    file = models.FileField("文件", storage=_private_storage, upload_to=_answer_path)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提交人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_on = models.DateField("提交日期")

    objects = ScopedManager()

    class Meta:
        verbose_name = "答复材料"
        verbose_name_plural = "答复材料"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class ThirdParty(models.Model):
    """第三人 (Art. 16): a person or organisation with an interest in the act or the outcome,
    admitted on its application or notified by the 复议机构 to take part."""

    scope_jurisdiction = "case__jurisdiction"
    scope_departments = ("case__handling_department", "case__respondent_department")

    case = models.ForeignKey(
        ReconsiderationCase,
        verbose_name="案件",
        on_delete=models.CASCADE,
        related_name="third_parties",
    )
    name = models.CharField("第三人姓名（名称）", max_length=100)
    joined_on = models.DateField("参加日期")
    notified = models.BooleanField("由行政复议机构通知参加", default=False)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "第三人"
        verbose_name_plural = "第三人"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
