"""Units and qualifiers of quantitative figures."""

from __future__ import annotations

# Longest first: the regex alternation must try 人次 before 人, 万元 before 元.
COUNT_UNITS = (
    "个百分点",
    "个工作日",
    "工作日",
    "万元",
    "亿元",
    "元",
    "人次",
    "家次",
    "项次",
    "个次",
    "台次",
    "班次",
    "件次",
    "场次",
    "批次",
    "户次",
    "车次",
    "小时",
    "学时",
    "课时",
    "大项",
    "小项",
    "大类",
    "小类",
    "大方面",
    "大奖项",
    "平方米",
    "公里",
    "次",
    "件",
    "人",
    "名",
    "位",
    "个",
    "项",
    "份",
    "条",
    "场",
    "期",
    "本",
    "册",
    "卷",
    "处",
    "家",
    "所",
    "台",
    "套",
    "篇",
    "封",
    "起",
    "宗",
    "天",
    "张",
    "支",
    "户",
    "座",
    "批",
    "类",
    "部",
    "轮",
    "组",
    "倍",
    "笔",
    "堂",
    "例",
    "辆",
    "栋",
    "吨",
    "亩",
    "市",  # 在5市12县开展试点, 组织十三区政府: administrative divisions as counters
    "县",
    "区",
    "岁",  # only after 年龄 (平均年龄超过50岁); 六十岁以上的 names a group, not a figure
    "万",  # only as a standalone count after a multiplier is stripped: never matched alone
)
UNITS = tuple(u for u in COUNT_UNITS if u != "万")

DURATION_UNITS = {"工作日", "天", "日", "小时"}
AMOUNT_UNITS = {"万元", "亿元", "元"}

# How the unit is reported: 个工作日 and 工作日 are the same unit.
CANONICAL = {"个工作日": "工作日", "大方面": "方面", "大奖项": "奖项"}

AT_LEAST = "at_least"
AT_MOST = "at_most"
APPROX = "approx"

# Words before the number.
PREFIX_QUALIFIERS = (
    ("不少于", AT_LEAST),
    ("不低于", AT_LEAST),
    ("不高于", AT_MOST),
    ("不多于", AT_MOST),
    ("超过", AT_LEAST),
    ("超", AT_LEAST),  # 审核合同超260份: more than
    ("突破", AT_LEAST),
    ("多于", AT_LEAST),
    ("高于", AT_LEAST),
    ("少于", AT_MOST),
    ("低于", AT_MOST),
    ("至少", AT_LEAST),
    ("逾", AT_LEAST),
    ("不到", AT_MOST),
    ("不足", AT_MOST),
    ("不超过", AT_MOST),
    ("最多", AT_MOST),
    ("大约", APPROX),
    ("约", APPROX),
    ("近", APPROX),
    ("将近", APPROX),
)
# Words right after the number (before the unit).
INFIX_QUALIFIERS = {"余": AT_LEAST, "多": AT_LEAST}
# Words after the unit.
SUFFIX_QUALIFIERS = (
    ("以上", AT_LEAST),
    ("以下", AT_MOST),
    ("以内", AT_MOST),
    ("之内", AT_MOST),
    ("左右", APPROX),
    ("内", AT_MOST),
)


def canonical_unit(unit: str) -> str:
    return CANONICAL.get(unit, unit)


def unit_kind(unit: str) -> str:
    """count, rate, amount or duration."""
    if unit in ("%", "个百分点"):
        return "rate"
    if unit in AMOUNT_UNITS:
        return "amount"
    if unit in DURATION_UNITS:
        return "duration"
    return "count"
