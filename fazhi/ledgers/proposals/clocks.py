"""The reply clocks of a suggestion or proposal (statutes.md §9; months, rule 3: the same
day-number of the end month or its last day, then a last day on a rest day rolls forward).

A difficult item gets six months instead of three: the three extra months are an extension of
the reply clock, approved by the 交办 office before the three months run out."""

from __future__ import annotations

import datetime as dt

from fazhi.clocks.spec import ClockSpec, Unit

NPC_2025_IN_FORCE = dt.date(2025, 3, 11)

_NPC = "代表建议由承办单位自交办之日起三个月内答复；涉及面广、处理难度大的，六个月内答复"
REPLY_NPC_2015 = ClockSpec(
    "reply",
    "答复期限",
    3,
    Unit.MONTH,
    f"《全国人民代表大会和地方各级人民代表大会代表法》（2015年修正）第四十二条（{_NPC}）",
    law_version="2015",
    max_extension=3,
    extension_approver="交办机关（认定为难度较大件）",
    lapse_effect="逾期未答复，列入督办并在办理情况报告中说明",
)
REPLY_NPC_2025 = ClockSpec(
    "reply",
    "答复期限",
    3,
    Unit.MONTH,
    f"《全国人民代表大会和地方各级人民代表大会代表法》（2025年修正）第五十一条（{_NPC}）",
    law_version="2025",
    max_extension=3,
    extension_approver="交办机关（认定为难度较大件）",
    lapse_effect="逾期未答复，列入督办并在办理情况报告中说明",
)
# The 2018 national 政协提案工作条例's period was not read (UNCONFIRMED): the local default.
REPLY_CPPCC = ClockSpec(
    "reply",
    "答复期限",
    3,
    Unit.MONTH,
    "政协提案办理默认规则（自交办之日起三个月内答复，难度较大的事先说明后六个月；"
    "全国性条例期限未核实，可按地方办法调整）",
    law_version="default",
    max_extension=3,
    extension_approver="交办机关（认定为难度较大件）",
    lapse_effect="逾期未答复，列入督办",
)
# No national rule for re-handling after a 不满意 rating (UNCONFIRMED): one month by default.
REHANDLE = ClockSpec(
    "rehandle",
    "重新办理答复期限",
    1,
    Unit.MONTH,
    "重新办理默认规则（代表、委员对答复不满意的，自评价之日起一个月内重新办理并答复；无全国性规定）",
    law_version="default",
    lapse_effect="逾期未重新答复，列入督办",
)


def reply_spec(kind: str, assigned_on: dt.date) -> ClockSpec:
    """The clock of one item: the 代表法 text in force on the day of 交办, or the 提案 default."""
    if kind == "cppcc":
        return REPLY_CPPCC
    return REPLY_NPC_2025 if assigned_on >= NPC_2025_IN_FORCE else REPLY_NPC_2015
