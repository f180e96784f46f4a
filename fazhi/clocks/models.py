"""Stored clocks: one row per (object, ClockSpec.name), attached through a generic relation.

The row copies the owner's jurisdiction and up to two departments (`scope_jurisdiction`,
`scope_departments` of the owning model), its URL and label, so that the deadline board can use
`Clock.objects.visible_to(user)` with no join and no per-row object load.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from fazhi.clocks.engine import FLAG_UNCONFIRMED
from fazhi.clocks.spec import Unit
from fazhi.org.models import ScopedManager


class State(models.TextChoices):
    RUNNING = "running", "计时中"
    PAUSED = "paused", "中止中"
    STOPPED = "stopped", "已停止"


class Status(models.TextChoices):
    """Display status, derived when read (against today), never stored."""

    NOT_STARTED = "not_started", "未开始"
    RUNNING = "running", "计时中"
    PAUSED = "paused", "中止中"
    OVERDUE = "overdue", "已逾期"
    UNCONFIRMED = "unconfirmed", "日历未确认"
    MET = "met", "按期办结"
    LATE = "late", "逾期办结"
    LAPSED = "lapsed", "期限届满未办理"


class PauseKind(models.TextChoices):
    """Why a clock was paused, for figures that must tell 中止 from other pauses (e.g. the
    2017-law 补正 time on the 复议 decision clock)."""

    SUSPENSION = "suspension", "中止"
    CORRECTION = "correction", "补正"
    OTHER = "other", "其他"


class Outcome(models.TextChoices):
    """How a stopped clock ended, when not simply by the act being done: the period ran out
    and the law attaches an effect to that (e.g. 逾期未补正视为放弃)."""

    LAPSED = "lapsed", "期限届满未办理"


STATUS_BADGE = {
    Status.NOT_STARTED: "secondary",
    Status.RUNNING: "primary",
    Status.PAUSED: "warning",
    Status.OVERDUE: "danger",
    Status.UNCONFIRMED: "dark",
    Status.MET: "success",
    Status.LATE: "danger",
    Status.LAPSED: "danger",
}

OPEN_STATES = (State.RUNNING, State.PAUSED)
# What the board calls open (`board.open_clocks`): the partial indexes' condition must match it
# exactly, or PostgreSQL cannot prove that a board query may use them.
OPEN_Q = models.Q(state__in=OPEN_STATES, start_on__isnull=False)
PAUSED_Q = models.Q(state=State.PAUSED, start_on__isnull=False)
BOARD_COVER = ["state", "flag", "ledger", "department_id", "department_2_id"]


class Clock(models.Model):
    content_type = models.ForeignKey(ContentType, verbose_name="对象类型", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField("对象编号")
    obj = GenericForeignKey("content_type", "object_id")
    object_url = models.CharField("对象链接", max_length=300, blank=True)
    object_label = models.CharField("对象名称", max_length=200, blank=True)
    ledger = models.CharField("台账", max_length=60, db_index=True)
    ledger_label = models.CharField("台账名称", max_length=60, blank=True)

    name = models.CharField("期限代码", max_length=60)
    label = models.CharField("期限", max_length=100)
    basis = models.CharField("依据", max_length=300, blank=True)
    law_version = models.CharField("适用法律版本", max_length=20, blank=True)

    jurisdiction = models.ForeignKey(
        "org.Jurisdiction",
        verbose_name="区划",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    department = models.ForeignKey(
        "org.Department",
        verbose_name="部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    department_2 = models.ForeignKey(
        "org.Department",
        verbose_name="相关部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    start_on = models.DateField("起算日", null=True, blank=True)
    # Clocks in hours (Unit.HOUR) run from a moment: start_at, and the moment they stopped.
    start_at = models.DateTimeField("起算时刻", null=True, blank=True)
    stopped_at = models.DateTimeField("办结时刻", null=True, blank=True)
    restart_on = models.DateField("重新起算日", null=True, blank=True)
    # deadline: act within the period after start_on; advance_notice: start_on is the event
    # day and due_on the latest day to give notice (counted back).
    kind = models.CharField("期限类型", max_length=20, default="deadline")
    event_label = models.CharField("事件", max_length=30, blank=True)
    length = models.PositiveIntegerField("期限长度")
    unit = models.CharField("单位", max_length=20, choices=Unit)
    extension_length = models.PositiveIntegerField("延长", default=0)
    extension_approved_by = models.CharField("延长批准人", max_length=100, blank=True)
    extension_approved_on = models.DateField("延长批准日期", null=True, blank=True)
    extension_late = models.BooleanField("延长于届满后批准", default=False)

    state = models.CharField("计时状态", max_length=10, choices=State, default=State.RUNNING)
    stopped_on = models.DateField("办结日", null=True, blank=True)
    outcome = models.CharField("结果", max_length=20, choices=Outcome, blank=True, default="")
    # The ledger's own words for a stopped clock (e.g. 逾期未补正（视为放弃）, 超过申请期限),
    # shown instead of the generic 按期办结/逾期办结/期限届满未办理.
    outcome_label = models.CharField("结果说明", max_length=30, blank=True, default="")
    due_on = models.DateField("届满日", null=True, blank=True)
    flag = models.CharField("标记", max_length=30, blank=True, default="")
    flag_year = models.PositiveSmallIntegerField("标记年度", null=True, blank=True)
    explanation = models.TextField("计算说明", blank=True)
    calendar_version = models.CharField("日历版本", max_length=32, blank=True)

    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = ScopedManager()
    scope_jurisdiction = "jurisdiction"
    scope_departments = ("department", "department_2")

    class Meta:
        verbose_name = "法定期限"
        verbose_name_plural = "法定期限"
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "name"], name="clock_unique_per_object"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "due_on"], name="clock_state_due"),
            models.Index(fields=["flag", "state"], name="clock_flag_state"),
            # The board: partial indexes on open clocks, in board order (due_on, id) within each
            # scope, covering what `board.summary` groups and counts, so that on PostgreSQL its
            # one aggregate is an index-only scan and a page is a short ordered index walk.
            models.Index(
                fields=["jurisdiction", "due_on", "id"],
                include=BOARD_COVER,
                condition=OPEN_Q,
                name="clock_open_jur_due",
            ),
            models.Index(
                fields=["department", "due_on", "id"],
                include=BOARD_COVER,
                condition=OPEN_Q,
                name="clock_open_dept_due",
            ),
            models.Index(
                fields=["department_2", "due_on", "id"],
                include=BOARD_COVER,
                condition=OPEN_Q,
                name="clock_open_dept2_due",
            ),
            models.Index(
                fields=["due_on", "id"],
                include=BOARD_COVER,
                condition=OPEN_Q,
                name="clock_open_due",
            ),
            # Paused and unconfirmed clocks mostly have no due date, so they sort last: walking
            # the indexes above in board order would pass every other open clock first.
            models.Index(
                fields=["jurisdiction", "due_on", "id"],
                condition=PAUSED_Q,
                name="clock_paused_jur_due",
            ),
            models.Index(fields=["due_on", "id"], condition=PAUSED_Q, name="clock_paused_due"),
            models.Index(
                fields=["due_on", "id"],
                condition=OPEN_Q & models.Q(flag=FLAG_UNCONFIRMED),
                name="clock_unconfirmed_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.object_label} · {self.label}"

    @property
    def is_open(self) -> bool:
        return self.start_on is not None and self.state in OPEN_STATES

    @property
    def due_at(self) -> dt.datetime | None:
        """The moment an hour clock runs out (None for clocks counted in days)."""
        if self.unit != Unit.HOUR or self.start_at is None:
            return None
        return self.start_at + dt.timedelta(hours=self.length + self.extension_length)

    def status_on(self, today: dt.date) -> Status:
        if self.start_on is None:
            return Status.NOT_STARTED
        due_at = self.due_at
        if self.state == State.STOPPED:
            if self.outcome == Outcome.LAPSED:
                return Status.LAPSED
            if due_at is not None and self.stopped_at is not None:
                return Status.LATE if self.stopped_at > due_at else Status.MET
            if (
                self.due_on is not None
                and self.stopped_on is not None
                and self.stopped_on > self.due_on
            ):
                return Status.LATE
            return Status.MET
        if self.due_on is not None and self.due_on < today:
            return Status.OVERDUE  # ran out before any pause began
        if due_at is not None and today == timezone.localdate() and due_at < timezone.now():
            return Status.OVERDUE  # an hour clock that ran out earlier today
        if self.state == State.PAUSED:
            return Status.PAUSED
        if self.flag == FLAG_UNCONFIRMED:
            return Status.UNCONFIRMED
        return Status.RUNNING

    @property
    def status(self) -> Status:
        return self.status_on(timezone.localdate())

    def status_label_on(self, today: dt.date) -> str:
        if self.state == State.STOPPED and self.outcome_label:
            return self.outcome_label
        return str(self.status_on(today).label)

    @property
    def status_label(self) -> str:
        return self.status_label_on(timezone.localdate())

    @property
    def badge(self) -> str:
        return STATUS_BADGE[self.status]

    @property
    def flag_text(self) -> str:
        if self.flag == FLAG_UNCONFIRMED and self.flag_year:
            return f"{self.flag_year}年日历未确认"
        return ""


class ClockPause(models.Model):
    """An inclusive range of days that do not count; `to_on` is empty while still paused."""

    clock = models.ForeignKey(
        Clock, verbose_name="期限", on_delete=models.CASCADE, related_name="pauses"
    )
    from_on = models.DateField("中止日")
    to_on = models.DateField("中止至", null=True, blank=True, help_text="最后一个不计入的日期")
    reason = models.CharField("中止原因", max_length=200)
    kind = models.CharField("中止类型", max_length=20, choices=PauseKind, default=PauseKind.OTHER)

    class Meta:
        verbose_name = "期限中止"
        verbose_name_plural = "期限中止"
        ordering = ["from_on", "id"]

    def __str__(self) -> str:
        return f"{self.from_on}—{self.to_on or '…'} {self.reason}"
