"""The clocks of an enforcement certificate (statutes.md §12: 年度审验 and validity are provincial
rules; the review cycle is configurable, default 12 months)."""

from __future__ import annotations

from typing import Any

from fazhi.clocks.spec import ClockSpec, Unit

BASIS = "省级行政执法证件管理办法"
ANNUAL_REVIEW = ClockSpec(
    "annual_review",
    "执法证年审",
    12,
    Unit.MONTH,
    f"{BASIS}（年度审验；周期由省级规定，本系统默认自发证或上次年审之日起12个月）",
    lapse_effect="未按期年审的，证件暂停使用，不得从事执法活动",
)
# A certificate's expiry is on its face; its clock starts only when it is this near, so that a
# certificate valid into a year whose holiday calendar is not yet published is not flagged.
EXPIRY_NOTICE_DAYS = 90


def expiry(cert: Any) -> ClockSpec:
    """The validity as a period from the issue date to the date the certificate states."""
    return ClockSpec(
        "expiry",
        "执法证有效期届满",
        (cert.valid_until - cert.issued_on).days,
        Unit.CALENDAR_DAY,
        f"{BASIS}（证件载明的有效期，到期前应申请换发）",
        lapse_effect="证件失效，持证人不得从事执法活动",
    )
