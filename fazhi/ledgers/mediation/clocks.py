"""The clocks of a mediated dispute (statutes.md §10).

- 调解期限: "generally settled within one month" (2002 司法部《人民调解工作若干规定》Art. 33;
  whether it is still in force is UNCONFIRMED). Configurable: `settings.MEDIATION_PERIOD`
  = (length, unit), default (1, "month"), read when a clock starts.
- 司法确认: the parties' joint application within 30 calendar days of the agreement taking
  effect (人民调解法 Art. 33; 民事诉讼法 Art. 205).
"""

from __future__ import annotations

from django.conf import settings

from fazhi.clocks.spec import ClockSpec, Unit

LAW = "人民调解法"
DEFAULT_PERIOD = (1, Unit.MONTH)


def mediation_period() -> ClockSpec:
    length, unit = getattr(settings, "MEDIATION_PERIOD", None) or DEFAULT_PERIOD
    return ClockSpec(
        "mediation",
        "调解期限",
        int(length),
        str(unit),
        "《人民调解工作若干规定》（司法部令第75号）第三十三条（一般在一个月内调结；本地可配置）",
        law_version="2002",
        lapse_effect="超过期限未调结的，应当及时终结调解，告知当事人依法通过其他途径解决",
    )


MEDIATION = mediation_period()

CONFIRMATION = ClockSpec(
    "judicial_confirmation",
    "申请司法确认",
    30,
    Unit.CALENDAR_DAY,
    f"{LAW}第三十三条、民事诉讼法第二百零五条（调解协议生效之日起三十日内共同申请）",
    law_version="2011",
    lapse_effect="逾期未申请的，人民法院不予受理司法确认申请，当事人可就协议履行或内容向人民法院起诉",
)
