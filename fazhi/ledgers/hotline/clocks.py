"""The clocks of a ticket (statutes.md §8). 国办发〔2020〕53号 sets the flow but no day counts; the
lengths are the jurisdiction's `HotlineRules` (default: reply within 5 working days of the
dispatch, extension at most 10 working days, a misrouted ticket returned within 2 working days),
fixed on each clock when it starts."""

from __future__ import annotations

import dataclasses

from fazhi.clocks.spec import ClockSpec, Unit
from fazhi.ledgers.hotline.config import Rules
from fazhi.ledgers.hotline.states import MAX_REHANDLINGS

BASIS = "《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）"

REPLY = ClockSpec(
    "reply",
    "答复期限",
    5,
    Unit.WORKING_DAY,
    f"{BASIS}；派单之日起{{n}}个工作日内答复（{{source}}）",
    law_version="2020",
    max_extension=10,
    extension_approver="12345热线工作机构",
    lapse_effect="超期未答复，计入超期工单并督办",
)
RETURN = ClockSpec(
    "return",
    "退回期限",
    2,
    Unit.WORKING_DAY,
    f"{BASIS}；非本单位职责的工单，派单之日起{{n}}个工作日内退回（{{source}}）",
    law_version="2020",
    lapse_effect="逾期不得退回，由承办单位办理",
)


def reply_name(round_: int) -> str:
    """The reply clock of the first handling ("reply") and of each re-handling ("reply_r1" …)."""
    return REPLY.name if round_ == 0 else f"{REPLY.name}_r{round_}"


REPLY_NAMES = frozenset(reply_name(n) for n in range(MAX_REHANDLINGS + 1))


def reply_spec(rules: Rules, round_: int = 0) -> ClockSpec:
    label = REPLY.label if round_ == 0 else f"第{round_}次重办答复期限"
    return dataclasses.replace(
        REPLY,
        name=reply_name(round_),
        label=label,
        length=rules.reply_days,
        max_extension=rules.extension_max_days or None,
        basis=REPLY.basis.format(n=rules.reply_days, source=rules.source),
    )


def return_spec(rules: Rules) -> ClockSpec:
    return dataclasses.replace(
        RETURN,
        length=rules.return_days,
        basis=RETURN.basis.format(n=rules.return_days, source=rules.source),
    )
