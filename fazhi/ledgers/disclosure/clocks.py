"""The statutory clocks of a disclosure request (statutes.md §4; 《政府信息公开条例》2019, working
days throughout). The applicant's 补正 period is the reasonable period the notice sets, so its
ClockSpec is made with that length when the notice is recorded (`correction_period`)."""

from __future__ import annotations

from django.conf import settings

from fazhi.clocks.spec import ClockSpec, Unit

LAW = "《政府信息公开条例》"
VERSION = "2019"

REPLY = ClockSpec(
    "reply",
    "答复期限",
    20,
    Unit.WORKING_DAY,
    f"{LAW}第三十三条第二款（收到申请之日起20个工作日内答复；补正的，自收到补正后的申请之日起计算，"
    "第三十条；征求第三方和其他机关意见所需时间不计算在内，第三十三条第三款）",
    law_version=VERSION,
    max_extension=20,
    extension_approver="政府信息公开工作机构负责人",
    pausable=True,
    lapse_effect="逾期未答复的，申请人可以申请行政复议（行政复议法第五十三条适用简易程序）",
)
CORRECTION_NOTICE = ClockSpec(
    "correction_notice",
    "补正告知期限",
    7,
    Unit.WORKING_DAY,
    f"{LAW}第三十条（申请内容不明确的，自收到申请之日起7个工作日内一次性告知补正）",
    law_version=VERSION,
)
THIRD_PARTY_OPINION = ClockSpec(
    "third_party_opinion",
    "第三方提出意见期限",
    15,
    Unit.WORKING_DAY,
    f"{LAW}第三十二条（第三方自收到征求意见书之日起15个工作日内提出意见）",
    law_version=VERSION,
    lapse_effect="第三方逾期未提出意见的，由行政机关依照条例规定决定是否公开",
)
OTHER_AGENCY_OPINION = ClockSpec(
    "other_agency_opinion",
    "其他机关提出意见期限",
    15,
    Unit.WORKING_DAY,
    f"{LAW}第三十四条（被征求意见机关自收到征求意见书之日起15个工作日内提出意见）",
    law_version=VERSION,
    lapse_effect="逾期未提出意见的视为同意公开",
)

DEFAULT_CORRECTION_PERIOD = 15  # 合理的补正期限 the notice sets when the clerk gives none


def correction_period(days: int) -> ClockSpec:
    """The applicant's period to correct, as the notice sets it (Art. 30: 合理的补正期限)."""
    return ClockSpec(
        "correction_period",
        "申请人补正期限",
        days,
        Unit.WORKING_DAY,
        f"{LAW}第三十条（行政机关在补正通知中确定的合理补正期限）",
        law_version=VERSION,
        lapse_effect="申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该申请",
    )


def fee_pauses_reply() -> bool:
    """Whether the fee notice pauses the reply until payment (statutes.md §4, UNCONFIRMED):
    `settings.DISCLOSURE_FEE_PAUSES_REPLY`, default yes."""
    return bool(getattr(settings, "DISCLOSURE_FEE_PAUSES_REPLY", True))
