"""The reply clock of a mailbox letter. No national rule exists (statutes.md §8): the 12345
defaults apply, configurable — `settings.MAILBOX_REPLY_DAYS` (5 working days) and
`settings.MAILBOX_MAX_EXTENSION` (10 working days)."""

from __future__ import annotations

from django.conf import settings

from fazhi.clocks.spec import ClockSpec, Unit


def reply_days() -> int:
    return int(getattr(settings, "MAILBOX_REPLY_DAYS", 5))


def max_extension() -> int:
    return int(getattr(settings, "MAILBOX_MAX_EXTENSION", 10))


def reply_spec() -> ClockSpec:
    return ClockSpec(
        "reply",
        "回复期限",
        reply_days(),
        Unit.WORKING_DAY,
        "政府信箱无全国统一时限，参照12345热线默认规则（国办发〔2020〕53号；山东2020：5个工作日内答复，"
        "延期不超过10个工作日），可配置",
        law_version="local",
        max_extension=max_extension(),
        extension_approver="承办单位负责人",
    )
