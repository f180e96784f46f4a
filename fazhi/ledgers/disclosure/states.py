"""States and choice lists of the 依申请公开 ledger. Reply types and grounds are exactly the rows
of the national annual-report table (国办公开办函〔2021〕30号, 第三部分), in its order."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    RECEIVED = "received", "办理中"
    CORRECTION = "correction_requested", "补正中"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_FEE = "awaiting_fee", "待缴费"
    ANSWERED = "answered", "已答复"
    ABANDONED = "abandoned", "逾期未补正（视为放弃）"


OPEN = (State.RECEIVED, State.CORRECTION, State.CONSULTING, State.AWAITING_FEE)
CLOSED = (State.ANSWERED, State.ABANDONED)


class Channel(models.TextChoices):
    """条例第三十一条: how the request arrived decides which date is the receipt date."""

    IN_PERSON = "in_person", "当面提交"
    REGISTERED_POST = "registered_post", "邮寄（需签收）"
    ORDINARY_LETTER = "ordinary_letter", "平常信函（无需签收）"
    ONLINE = "online", "互联网渠道"
    FAX = "fax", "传真"


# What the evidence date is, per channel, and the clause of Art. 31 that makes it the receipt day.
CHANNEL_RULE: dict[str, tuple[str, str]] = {
    Channel.IN_PERSON: ("提交之日", "第三十一条第一项（当面提交的，以提交之日为收到申请之日）"),
    Channel.REGISTERED_POST: (
        "签收之日",
        "第三十一条第二项（以邮寄方式提交的，以行政机关签收之日为收到申请之日）",
    ),
    Channel.ORDINARY_LETTER: (
        "与申请人确认之日",
        "第三十一条第二项（以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日）",
    ),
    Channel.ONLINE: (
        "双方确认之日",
        "第三十一条第三项（通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日）",
    ),
    Channel.FAX: (
        "双方确认之日",
        "第三十一条第三项（通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日）",
    ),
}


class ApplicantKind(models.TextChoices):
    """The annual-report table's applicant columns."""

    NATURAL_PERSON = "natural_person", "自然人"
    COMMERCIAL = "commercial", "商业企业"
    RESEARCH = "research", "科研机构"
    PUBLIC_INTEREST = "public_interest", "社会公益组织"
    LEGAL_SERVICE = "legal_service", "法律服务机构"
    OTHER_ORG = "other_org", "其他（法人或其他组织）"


class ReplyType(models.TextChoices):
    DISCLOSED = "disclosed", "予以公开"
    PARTIALLY_DISCLOSED = "partially_disclosed", "部分公开"
    WITHHELD = "withheld", "不予公开"
    UNABLE = "unable", "无法提供"
    NOT_PROCESSED = "not_processed", "不予处理"
    OTHER = "other", "其他处理"


class Ground(models.TextChoices):
    # 不予公开 (Arts. 14–16)
    STATE_SECRET = "state_secret", "属于国家秘密"
    LAW_FORBIDS = "law_forbids", "其他法律行政法规禁止公开"
    THREE_SECURITIES = "three_securities", "危及“三安全一稳定”"
    THIRD_PARTY = "third_party", "保护第三方合法权益"
    INTERNAL_AFFAIRS = "internal_affairs", "属于三类内部事务信息"
    PROCESS_INFO = "process_info", "属于四类过程性信息"
    ENFORCEMENT_FILE = "enforcement_file", "属于行政执法案卷"
    INQUIRY = "inquiry", "属于行政查询事项"
    # 无法提供 (Art. 36(4), 38, 30)
    NOT_HELD = "not_held", "本机关不掌握相关政府信息"
    NEEDS_CREATION = "needs_creation", "没有现成信息需要另行制作"
    STILL_UNCLEAR = "still_unclear", "补正后申请内容仍不明确"
    # 不予处理 (Arts. 39, 36(6), 35)
    PETITION = "petition", "信访举报投诉类申请"
    REPEATED = "repeated", "重复申请"
    PUBLICATION = "publication", "要求提供公开出版物"
    EXCESSIVE = "excessive", "无正当理由大量反复申请"
    CONFIRM_OR_REISSUE = "confirm_or_reissue", "要求行政机关确认或重新出具已获取信息"
    # 其他处理
    CORRECTION_OVERDUE = (
        "correction_overdue",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    )
    FEE_UNPAID = (
        "fee_unpaid",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    )
    OTHER = "other", "其他"


GROUNDS: dict[str, tuple[str, ...]] = {
    ReplyType.DISCLOSED: (),
    # the withheld part of a 部分公开 reply needs its ground (Art. 37), though the table counts
    # the reply once, under 部分公开
    ReplyType.PARTIALLY_DISCLOSED: (
        Ground.STATE_SECRET,
        Ground.LAW_FORBIDS,
        Ground.THREE_SECURITIES,
        Ground.THIRD_PARTY,
        Ground.INTERNAL_AFFAIRS,
        Ground.PROCESS_INFO,
        Ground.ENFORCEMENT_FILE,
        Ground.INQUIRY,
    ),
    ReplyType.WITHHELD: (
        Ground.STATE_SECRET,
        Ground.LAW_FORBIDS,
        Ground.THREE_SECURITIES,
        Ground.THIRD_PARTY,
        Ground.INTERNAL_AFFAIRS,
        Ground.PROCESS_INFO,
        Ground.ENFORCEMENT_FILE,
        Ground.INQUIRY,
    ),
    ReplyType.UNABLE: (Ground.NOT_HELD, Ground.NEEDS_CREATION, Ground.STILL_UNCLEAR),
    ReplyType.NOT_PROCESSED: (
        Ground.PETITION,
        Ground.REPEATED,
        Ground.PUBLICATION,
        Ground.EXCESSIVE,
        Ground.CONFIRM_OR_REISSUE,
    ),
    ReplyType.OTHER: (Ground.CORRECTION_OVERDUE, Ground.FEE_UNPAID, Ground.OTHER),
}

# The article each reply cites in its 答复告知书.
REPLY_ARTICLE: dict[str, str] = {
    ReplyType.DISCLOSED: "《中华人民共和国政府信息公开条例》第三十六条第二项",
    ReplyType.PARTIALLY_DISCLOSED: "《中华人民共和国政府信息公开条例》第三十七条",
    ReplyType.WITHHELD: "《中华人民共和国政府信息公开条例》第三十六条第三项",
    ReplyType.UNABLE: "《中华人民共和国政府信息公开条例》第三十六条第四项、第五项，第三十八条",
    ReplyType.NOT_PROCESSED: "《中华人民共和国政府信息公开条例》第三十五条、第三十六条第六项、第三十九条",
    ReplyType.OTHER: "《中华人民共和国政府信息公开条例》第三十条、第四十二条",
}
GROUND_ARTICLE: dict[str, str] = {
    Ground.STATE_SECRET: "第十四条",
    Ground.LAW_FORBIDS: "第十四条",
    Ground.THREE_SECURITIES: "第十四条",
    Ground.THIRD_PARTY: "第十五条",
    Ground.INTERNAL_AFFAIRS: "第十六条第一款",
    Ground.PROCESS_INFO: "第十六条第二款",
    Ground.ENFORCEMENT_FILE: "第十六条第二款",
    Ground.INQUIRY: "第三十六条第七项",
    Ground.NOT_HELD: "第三十六条第四项、第五项",
    Ground.NEEDS_CREATION: "第三十八条",
    Ground.STILL_UNCLEAR: "第三十条",
    Ground.PETITION: "第三十九条第一款",
    Ground.REPEATED: "第三十六条第六项",
    Ground.PUBLICATION: "第三十九条第二款",
    Ground.EXCESSIVE: "第三十五条",
    Ground.CONFIRM_OR_REISSUE: "第三十九条第二款",
    Ground.CORRECTION_OVERDUE: "第三十条",
    Ground.FEE_UNPAID: "第四十二条",
    Ground.OTHER: "",
}


class ConsulteeKind(models.TextChoices):
    THIRD_PARTY = "third_party", "第三方（第三十二条）"
    OTHER_AGENCY = "other_agency", "其他机关（第三十四条）"


class Opinion(models.TextChoices):
    AGREE = "agree", "同意公开"
    DISAGREE = "disagree", "不同意公开"
    SILENT = "silent", "逾期未提出意见"


class FeeBasis(models.TextChoices):
    PER_REQUEST = "per_request", "按件计收"
    PER_VOLUME = "per_volume", "按量计收"


class ProactiveCategory(models.TextChoices):
    """主动公开 counts by the statutory categories of Art. 20, and 政策/动态 items besides."""

    RULES_AND_DOCUMENTS = "rules_documents", "规章和规范性文件（第二十条第一项）"
    ORGANISATION = "organisation", "机构职能（第二十条第二项）"
    PLANS = "plans", "规划、计划（第二十条第三项）"
    STATISTICS = "statistics", "统计信息（第二十条第四项）"
    DECISIONS = "decisions", "许可、处罚、强制等决定（第二十条第五、六项）"
    FINANCE = "finance", "财政预决算、收费（第二十条第七、八项）"
    PROCUREMENT = "procurement", "集中采购（第二十条第九项）"
    LIVELIHOOD = "livelihood", "民生、公共服务（第二十条第十至十二项）"
    EMERGENCIES = "emergencies", "突发事件（第二十条第十三项）"
    OTHER_STATUTORY = "other_statutory", "其他应主动公开的信息（第二十条第十四至十五项）"
    NEWS = "news", "政策类、动态类信息"


STATUTORY_CATEGORIES = tuple(c for c in ProactiveCategory if c != ProactiveCategory.NEWS)


class Platform(models.TextChoices):
    WECHAT = "wechat", "微信公众号"
    WEIBO = "weibo", "微博"
    APP = "app", "移动客户端"
    VIDEO = "video", "短视频"
    OTHER = "other", "其他"
