"""What a ledger declares next to its model: the statutory period of one clock."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class Unit(models.TextChoices):
    CALENDAR_DAY = "calendar_day", "日（自然日）"
    WORKING_DAY = "working_day", "工作日"
    MONTH = "month", "月"
    HOUR = "hour", "小时"  # counted continuously from a moment (e.g. 法律援助法 Art. 39: 24小时)


class ClockError(Exception):
    """Bad input to the clock engine or API; the message is Chinese and shown to the user."""


@dataclass(frozen=True)
class ClockSpec:
    """A statutory period, e.g. `ClockSpec("reply", "答复期限", 20, Unit.WORKING_DAY,
    "《政府信息公开条例》第三十三条", max_extension=20, pausable=True)`."""

    name: str
    label: str
    length: int
    unit: str
    basis: str
    law_version: str = ""
    max_extension: int | None = None  # None: the law allows no extension (unless uncapped)
    extension_uncapped: bool = False  # extensions allowed with no statutory cap
    extension_approver: str = ""
    pausable: bool = False
    lapse_effect: str = ""
    kind: str = "deadline"  # deadline | advance_notice (minimum_window: not yet supported)
    event_label: str = ""  # the event an advance notice precedes, e.g. "听证"

    def __post_init__(self) -> None:
        if not isinstance(self.length, int) or self.length <= 0:
            raise ClockError(f"期限“{self.label}”的长度必须为正整数")
        if self.kind not in ("deadline", "advance_notice"):
            raise ClockError(f"期限“{self.label}”的类型无效：{self.kind}")
        if self.kind == "advance_notice" and (self.pausable or self.max_extension is not None):
            raise ClockError(f"提前通知期限“{self.label}”不能中止或延长")
        if self.unit not in Unit.values:
            raise ClockError(f"期限“{self.label}”的计算单位无效：{self.unit}")
