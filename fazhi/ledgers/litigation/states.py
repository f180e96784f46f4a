"""States and choice lists of the 行政应诉 ledger (codes from the glossary where it has them)."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    RECEIVED = "received", "待答辩举证"
    ANSWERED = "answered", "已答辩举证"
    HEARD = "heard", "已开庭（待裁判）"
    DECIDED = "decided", "已判决/裁定（未生效）"
    APPEALED = "appealed", "已上诉"
    EFFECTIVE = "effective", "已生效"
    WITHDRAWN = "withdrawn", "撤诉结案"
    PERFORMED = "performed", "已履行"


PENDING = (State.RECEIVED, State.ANSWERED, State.HEARD)
# Still needing something of the agency: an answer, a hearing, a decision, an appeal or not.
OPEN = (*PENDING, State.DECIDED)


class Instance(models.TextChoices):
    FIRST = "first_instance", "一审"
    SECOND = "second_instance", "二审"
    RETRIAL = "retrial", "再审"


class DecisionKind(models.TextChoices):
    JUDGMENT = "judgment", "判决"
    RULING = "ruling", "裁定"


class Disposition(models.TextChoices):
    CLAIMS_REJECTED = "claims_rejected", "驳回诉讼请求"
    REVOKED = "revoked", "撤销（含部分撤销、判决重作）"
    ORDERED_TO_PERFORM = "ordered_to_perform", "判决履行法定职责"
    ORDERED_TO_PAY = "ordered_to_pay", "判决给付"
    CONFIRMED_ILLEGAL = "confirmed_illegal", "确认违法"
    CONFIRMED_INVALID = "confirmed_invalid", "确认无效"
    CHANGED = "changed", "变更"
    APPEAL_DISMISSED = "appeal_dismissed", "驳回上诉，维持原判"
    SUIT_DISMISSED = "suit_dismissed", "驳回起诉"
    WITHDRAWAL_PERMITTED = "withdrawal_permitted", "准许撤诉"
    REMANDED = "remanded", "发回重审"
    OTHER_RULING = "other_ruling", "其他裁定"


JUDGMENTS = (
    Disposition.CLAIMS_REJECTED,
    Disposition.REVOKED,
    Disposition.ORDERED_TO_PERFORM,
    Disposition.ORDERED_TO_PAY,
    Disposition.CONFIRMED_ILLEGAL,
    Disposition.CONFIRMED_INVALID,
    Disposition.CHANGED,
    Disposition.APPEAL_DISMISSED,
)
RULINGS = (
    Disposition.SUIT_DISMISSED,
    Disposition.REMANDED,
    Disposition.APPEAL_DISMISSED,
    Disposition.OTHER_RULING,
)
# statutes.md §3: 撤销/部分撤销, 履行, 给付, 确认违法, 确认无效 and 变更 are losses; 驳回诉讼请求 is
# not. The set is configurable (settings.LITIGATION_LOSS_DISPOSITIONS); this is the default.
LOSS_DEFAULT = (
    Disposition.REVOKED,
    Disposition.ORDERED_TO_PERFORM,
    Disposition.ORDERED_TO_PAY,
    Disposition.CONFIRMED_ILLEGAL,
    Disposition.CONFIRMED_INVALID,
    Disposition.CHANGED,
)


class WithdrawalReason(models.TextChoices):
    ACT_CHANGED = "act_changed", "被告改变被诉行政行为后撤诉"
    COORDINATED = "coordinated", "协调化解后撤诉"
    VOLUNTARY = "voluntary", "原告自愿撤诉"


class Appellant(models.TextChoices):
    PLAINTIFF = "plaintiff", "原告"
    DEFENDANT = "defendant", "被告"
    BOTH = "both", "双方"


class Role(models.TextChoices):
    PRINCIPAL = "principal", "正职"
    DEPUTY = "deputy", "副职"
    LEADER_IN_CHARGE = "leader_in_charge", "分管负责人"
    STAFF = "staff", "相应的工作人员"
    LAWYER = "lawyer", "仅律师出庭"
    NONE = "none", "无人出庭"


HEAD_ROLES = (Role.PRINCIPAL, Role.DEPUTY, Role.LEADER_IN_CHARGE)


class OrganRelation(models.TextChoices):
    OWN = "own", "被诉机关本机关"
    SUBORDINATE = "subordinate", "下级或所属机关"
    ENTRUSTED = "entrusted", "受委托组织"
    OUTSIDE = "outside", "外部（律师等）"


class MandatoryAttendance(models.TextChoices):
    NONE = "none", "无"
    PUBLIC_INTEREST = "public_interest", "涉及重大公共利益"
    PUBLIC_CONCERN = "public_concern", "社会高度关注"
    MASS_INCIDENT_RISK = "mass_incident_risk", "可能引发群体性事件"
    COURT_NOTICE = "court_notice", "人民法院书面建议负责人出庭"
