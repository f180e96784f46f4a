"""States and choice lists of the 法律援助 ledger (codes from the glossary where it has them)."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    RECEIVED = "received", "待审查决定"
    SUPPLEMENT = "supplement", "待补充材料"
    GRANTED = "granted", "已决定给予（待指派）"
    ASSIGNED = "assigned", "已指派"
    REFUSED = "refused", "不予法律援助"
    OBJECTION = "objection", "异议审查中"
    WITHDRAWN = "withdrawn", "视为撤回申请"
    CLOSED = "closed", "已结案"


OPEN = (State.RECEIVED, State.SUPPLEMENT, State.GRANTED, State.OBJECTION)


class Channel(models.TextChoices):
    APPLICATION = "application", "当事人申请"
    NOTIFICATION = "criminal_notification", "刑事案件通知辩护（代理）"
    DETAINEE = "detainee", "在押人员申请（办案机关、监管场所转交）"


class MatterType(models.TextChoices):
    CRIMINAL = "criminal", "刑事"
    CIVIL = "civil", "民事"
    LABOUR = "labour", "劳动争议（讨薪）"
    ADMINISTRATIVE = "administrative", "行政"
    STATE_COMPENSATION = "state_compensation", "国家赔偿"
    OTHER = "other", "其他"


class Basis(models.TextChoices):
    HARDSHIP = "economic_hardship", "经济困难"
    MARTYR = "martyr_relatives", "英雄烈士近亲属维护英雄烈士人格权益（第三十二条第一项）"
    GOOD_SAMARITAN = "good_samaritan", "因见义勇为主张民事权益（第三十二条第二项）"
    ACQUITTED = "acquitted", "再审改判无罪请求国家赔偿（第三十二条第三项）"
    ABUSE_VICTIM = "abuse_victim", "遭受虐待、遗弃或者家庭暴力主张权益（第三十二条第四项）"
    OTHER_EXEMPT = "other_exempt", "法律、法规、规章规定的其他免予核查情形（第三十二条第五项）"
    NOTIFIED = "notified", "刑事通知辩护（代理），不审查经济状况（第二十五条、第二十八条）"


class ObjectionResult(models.TextChoices):
    UPHELD = "upheld", "维持不予法律援助决定"
    CORRECTED = "corrected", "责令给予法律援助"
