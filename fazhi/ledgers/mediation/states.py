"""States and choice lists of the 人民调解 ledger (codes from the glossary where it has them)."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    ACCEPTED = "accepted", "调解中"
    SIGNING = "signing", "书面协议待签字盖章"
    RESOLVED = "resolved", "调解成功"
    CONFIRMATION = "judicial_confirmation", "已申请司法确认"
    FAILED = "failed", "调解不成"


OPEN = (State.ACCEPTED, State.SIGNING)
# A dispute counts as 调解成功 from the day the agreement was reached, whether or not a written
# agreement has been signed yet (the agreement form says which).
SUCCEEDED = (State.SIGNING, State.RESOLVED, State.CONFIRMATION)


class CommitteeKind(models.TextChoices):
    VILLAGE = "village", "村（居）民委员会人民调解委员会"
    TOWNSHIP = "township", "乡镇（街道）人民调解委员会"
    TRADE = "trade", "行业性人民调解委员会"
    PROFESSIONAL = "professional", "专业性人民调解委员会"
    OTHER = "other", "其他人民调解组织"


class MediatorKind(models.TextChoices):
    FULL_TIME = "full_time", "专职"
    PART_TIME = "part_time", "兼职"


class DisputeType(models.TextChoices):
    MARRIAGE_FAMILY = "marriage_family", "婚姻家庭"
    NEIGHBOUR = "neighbour", "邻里纠纷"
    DAMAGES = "damages", "损害赔偿"
    LABOUR = "labour", "劳动争议"
    LAND = "land", "土地承包及山林土地"
    PROPERTY = "property_management", "物业纠纷"
    CONTRACT = "contract", "合同纠纷"
    MEDICAL = "medical", "医疗纠纷"
    TRAFFIC = "traffic", "道路交通"
    OTHER = "other", "其他"


class Source(models.TextChoices):
    APPLICATION = "application", "当事人申请"
    SCREENED = "screened", "主动排查"
    REFERRED = "referred", "委托移送"


class AgreementForm(models.TextChoices):
    ORAL = "oral_agreement", "口头协议"
    WRITTEN = "written_agreement", "书面协议"


class Referral(models.TextChoices):
    LITIGATION = "referred_to_litigation", "引导诉讼"
    ARBITRATION = "arbitration", "引导仲裁"
    ADMINISTRATIVE = "administrative", "引导行政处理"
    PETITION = "petition", "引导信访"
    OTHER = "other", "其他途径"


class Side(models.TextChoices):
    APPLICANT = "applicant", "申请方"
    RESPONDENT = "respondent", "被申请方"
    OTHER = "other", "其他当事人"
