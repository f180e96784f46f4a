"""Find quantitative figures in report text.

A figure is a number with a unit (件, 人次, %, 万元 …), read with its
qualifier (余 → at least, 约 → approx, 以内 → at most). Dates, document
numbers, ordinals, list markers and numerals inside names and slogans are not
figures.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from review.numerals import parse_number
from review.units import (
    AT_LEAST,
    INFIX_QUALIFIERS,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    UNITS,
    canonical_unit,
    unit_kind,
)


@dataclass
class Figure:
    span: str
    number_text: str
    value: float | int
    unit: str
    qualifier: str | None
    indicator: str | None
    start: int
    end: int
    section: str = ""
    part: str | None = None
    number_start: int = 0
    number_end: int = 0
    upper: float | int | None = None
    scope: str | None = None
    hint: str | None = field(default=None, repr=False)
    # How the figure relates to another of its sentence (see review.grouping):
    # "part" of an enumeration (其中A x件、B y件), "sub" count in parentheses
    # (审结210件（按期审结209件）), "numerator"/"denominator" of a rate's 口径.
    role: str | None = field(default=None, repr=False)
    whole: int = field(default=-1, repr=False)  # number_start of the figure it relates to

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("hint")
        data.pop("role")
        data.pop("whole")
        data.pop("number_start")
        data.pop("number_end")
        if data["upper"] is None:
            data.pop("upper")
        if data["scope"] is None:
            data.pop("scope")
        return data


_CN_DIGIT = "零〇一二两三四五六七八九十"
_CN_ANY = _CN_DIGIT + "百千万亿"
# Bounded and anchored (no digit before the start) so that a long run of digits
# or numerals is scanned in linear time, not retried from every position.
_AR = r"(?<![\d.])(?<!\d,)\d{1,15}(?:,\d{3}){0,5}(?:\.\d{1,6})?"
_CN = rf"(?<![{_CN_ANY}])[{_CN_DIGIT}][{_CN_ANY}]{{0,12}}(?:点[零〇一二三四五六七八九]{{1,4}})?"
# 百余场, 千余人, 万余件: a round number written as its unit character alone, then 余/多
_ROUND = rf"(?<![{_CN_ANY}])[百千万](?=[ ]*[余多])"
_NUM = rf"(?:{_AR}|{_CN}|(?<=百分之)百|{_ROUND})"
_UNIT_ALT = "|".join(re.escape(u) for u in UNITS)

FIGURE_RE = re.compile(
    rf"(?P<pre>百分之)?(?P<num>{_NUM})"
    rf"(?:[ ]*(?P<pct1>%)?[ ]*(?P<sep>至|到|-|~|～|—)[ ]*(?P<pre2>百分之)?(?P<num2>{_NUM})(?=[ ]*%|(?(pct1)$^|)))?"
    rf"[ ]*(?P<infix1>余|多)?[ ]*(?P<mult>万|亿)?[ ]*(?P<infix2>余|多)?"
    rf"[ ]*(?P<unit>%|{_UNIT_ALT})?"
)
_FRACTION_RE = re.compile(rf"(?P<den>{_CN})分之(?P<num>{_CN})")

# A unit followed by these characters is the start of another word (人民, 部门 …).
_UNIT_BLOCKERS = {
    "人": "民员大均事",
    "名": "称单义录额",
    "位": "居于列置",
    "条": "例件款目线",
    "件": "事",
    "次": "数年日性要",
    "部": "门分署",
    "组": "织成建",
    "所": "有在属以谓",
    "处": "理置罚室长",
    "期": "间限满",
    "本": "级地单部届",
    "支": "持付出",
    "座": "谈",
    "起": "诉草步点到始来",
    "场": "所景地馆合",
    "户": "籍口",
    "卷": "宗",
    "套": "餐",
    "家": "庭长",
    "项": "目",
    "个": "月别",
    "元": "旦",
    "类": "型别",
    "天": "然",
    "份": "额",
    "批": "准评示复",
    "轮": "流",
    "张": "贴",
    "市": "场民值级容区县长属辖",
    "县": "城域级长属辖",
    "区": "域间别块划分长属辖",
    "例": "如外行会",
    "栋": "梁",
    "大项": "目",
    "小项": "目",
    "倍": "增",
    "笔": "记录试者墨",
}
# 三个方面, 三个务必: numerals that count the parts of a slogan, not work done.
_ABSTRACT_AFTER_GE = re.compile(
    r"^(全面|坚持|必须|务必|确保|一流|原则|要求|重大意义|核心要义|重要论述|意义|要义|"
    r"目标|体系|统筹|结合|转变|聚焦|着力|抓手|机制|维度|字|关键)"
)
# 三个方面, 两个层面 name the parts of a slogan or of what follows; 分解为12个方面具体任务,
# 7个方面20项重点工作, 36个重点企业 count: the aspect word is followed by what it counts.
_ASPECT_AFTER_GE = re.compile(r"^(方面|领域|重点|环节|层面)")
_ASPECT_COUNTS = re.compile(
    rf"^(?:的)?(?:具体|重点|主要|重大|关键)?(?:任务|工作|问题|事项|措施|举措|指标|内容|企业|项目|"
    rf"单位|行业|部门|领域|改革|清单|场景|环节|岗位|人群|群体|对象|区域|村|\d|[{_CN_DIGIT}]+[项条个件])"
)
# 十五届六次全会, 市委十二届36次常委会议: session numbers of a Party body, not counts
_SESSION_BEFORE = re.compile(
    r"届[ ]*(?:人大|政协|人大常委会|人民代表大会|党代会|县委|市委|区委|省委|委员会)?[ ]*$"
)
# 24小时自助服务, 24小时不打烊: a service name, not a duration
_SERVICE_AFTER_HOURS = re.compile(
    r"^(?:自助|服务|不打烊|营业|在线|值班|值守|开放|运行|全天候|无人|便民|政务|响应|热线|"
    r"咨询|待命|监控|监测|巡|不间断|智能|随时)"
)

# Slogans and names built on a small Chinese numeral + 个 (N个X) are recognised
# without quote marks, which PDF extraction moves or drops. X is a short phrase
# (2–4 characters) closed by punctuation, 的, or a name tail (…重要思想, …建设),
# and is a slogan when X is not a counted thing and there is positive evidence:
# a slogan verb before (增强/做到/围绕 N个X), a name tail after, an adverb inside X
# (最/不/必 …), or a neighbour N个Y with the same numeral that is itself a slogan
# (N个X、N个Y). Counted things (部门, 乡镇, 中心, …站) stay figures.
_COUNTED_WORDS = (
    "部门|单位|乡镇|街道|社区|村居|中心|平台|窗口|项目|案件|案卷|问题|事项|机构|科室|处室|"
    "股室|企业|公司|协会|家庭|岗位|基地|阵地|清单|网站|账号|专班|小组|团队|试点|品牌|案例|"
    "课题|文件|方案|意见|办法|制度|批次|类别|板块|模块|专栏|栏目|系统|队伍|班子|成员|网格|"
    "园区|片区|景区|学校|医院|银行|法庭|场所|门店|商户|地块|工地|楼栋|小区|组织|群体|"
    "条例|法规|规章|法律|会议|活动|讲座|培训"
)
_COUNTED_HEADS = (
    "村镇乡县区市省州站所点室队组局委办厅院校园馆厂处庭屋台库群户家店场科股会团班岗窗"
    "社部司段片格栏箱屏柜号批类项件宗起名人次份本卷册套张条篇期轮届季月周年天日元证"
)
_COUNTED_RE = re.compile(rf"(?:{_COUNTED_WORDS})$")
_SLOGAN_TAIL = re.compile(r"^(?:精神|要求|重要思想|思想|战略|布局|总体布局|理念|建设|目标|部署)")
_SLOGAN_VERB = re.compile(
    r"(?:增强|坚定|做到|树立|践行|牢记|领悟|把握|围绕|对标|锚定|落实|贯彻|坚持|秉持|推进|"
    r"统筹|强化|深化|实现|奋力|坚决|学习|宣传|弘扬|捍卫|拥护|守住|守牢|树牢|筑牢|压实|扛牢|"
    r"建设|打造)$"
)
_SLOGAN_ADVERB = set("不最必毫全务勿永")
_PHRASE_CLOSE = set("、，。；：,;:！？!?”’）)」』\n 的")
_LIST_JOIN = set("、和与及，,")
# 平均年龄超过50岁 is a figure; 年龄偏大，六十岁以上的 names a group of people.
_AGE_BEFORE = re.compile(r"年龄(?:为|是|达到?|超过|在|约|已|接近|不到|低于|高于|仅)?$")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_ABSTRACT_AFTER_XIANG = re.compile(r"^(制度|原则|要求|措施|机制|行动|工程|举措)")
# 每月一次, 每周两次: a frequency.
FREQUENCY_RE = re.compile(r"每(?:个)?(?:年|季度?|月|周|星期|日|天|半年|旬)[^，。；、]{0,4}$")
# 一 + classifier is usually the article "a"; it is a figure only after these words.
_ONE_CONTEXT = re.compile(r"(每[^，。；]{0,4}|至少|仅|只|共|累计|达|不少于|超过|第?[^第]配备)$")
_QUOTE_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』"}
_CLAUSE_BREAK = "，。；：、,;:！？!?\n（）()“”"


_QUOTED = re.compile(r"[“「『][^”」』“「『\n]{0,29}[”」』]")
_TITLED = re.compile(r"《[^《》\n]*》")


def _quoted_mask(text: str) -> tuple[bytearray, bytearray]:
    """Positions inside “…” (short quotes: names, slogans) and inside 《…》 (titles)."""
    quotes = bytearray(len(text))
    titles = bytearray(len(text))
    for pattern, mask in ((_QUOTED, quotes), (_TITLED, titles)):
        for m in pattern.finditer(text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return quotes, titles


def _prev_chars(text: str, pos: int, n: int) -> str:
    """The n characters before pos, whitespace removed."""
    chunk = text[max(0, pos - n * 3) : pos]
    return re.sub(r"\s+", "", chunk)[-n:]


def _is_chinese(num: str) -> bool:
    return not any(ch.isdigit() for ch in num)


def _clause_start(text: str, pos: int, limit: int = 30) -> int:
    i = pos
    lo = max(0, pos - limit)
    while i > lo and text[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    return i


def _clause_end(text: str, pos: int, limit: int = 30) -> int:
    i = pos
    hi = min(len(text), pos + limit)
    while i < hi and text[i] not in _CLAUSE_BREAK:
        i += 1
    return i


def _make_span(text: str, start: int, end: int) -> tuple[int, int]:
    s = _clause_start(text, start)
    if len(re.sub(r"\s", "", text[s:start])) <= 2:
        end = max(end, _clause_end(text, end, 20))
    while s < start and text[s].isspace():
        s += 1
    return s, end


def _closed_phrase(text: str, pos: int) -> tuple[str, bool] | None:
    """The short phrase X after 个 at pos: (X, has a name tail), or None when open."""
    for n in (2, 3, 4):
        x = text[pos : pos + n]
        if len(x) < n or not all(_CJK_CHAR.match(ch) for ch in x):
            return None
        if any(ch in _CN_ANY for ch in x[1:]):
            return None
        nxt = text[pos + n : pos + n + 1]
        if nxt == "":
            return x, False
        if nxt in "和与及" and text[pos + n + 1 : pos + n + 2] in _CN_DIGIT:
            return x, False
        tail = text[pos + n + (nxt == "的") : pos + n + 5]
        if _SLOGAN_TAIL.match(tail):
            return x, True
        if nxt in _PHRASE_CLOSE:
            return x, False
    return None


def _kind(x: str) -> str:
    """counted (部门, 示范乡镇, 驿站…), adverb (最/不/必 inside), head (强市: a 2-character
    X ending in a counted character, which may still be a slogan) or weak (no sign)."""
    if _COUNTED_RE.search(x) or len(x) >= 3 and x[-1] in _COUNTED_HEADS:
        return "counted"
    if any(ch in _SLOGAN_ADVERB for ch in x):
        return "adverb"
    if x[-1] in _COUNTED_HEADS:
        return "head"
    return "weak"


def _slogan_item(text: str, nstart: int, num: str) -> tuple[str, bool, int] | None:
    """For N个X at nstart: (X, has a name tail, end of X) when X is a closed short phrase."""
    ge = nstart + len(num)
    if text[ge : ge + 1] != "个":
        return None
    found = _closed_phrase(text, ge + 1)
    if found is None:
        return None
    x, tail = found
    return x, tail, ge + 1 + len(x)


_GROUP_REACH = 12


def _slogan_group(text: str, nstart: int, num: str) -> list[tuple[int, str, bool, int]]:
    """The run N个X、N个Y… (same numeral, list joiners) that contains the item at nstart."""
    first = _slogan_item(text, nstart, num)
    if first is None:
        return []
    group = [(nstart, *first)]
    # to the left; a slogan list has a handful of items, so the run is looked at over
    # _GROUP_REACH items each way (a chain of thousands stays linear)
    pos = nstart
    while pos > 0 and text[pos - 1] in _LIST_JOIN and len(group) <= _GROUP_REACH:
        prev = None
        for n in (2, 3, 4):
            start = pos - 1 - n - 1 - len(num)
            if start < 0 or text[start : start + len(num)] != num:
                continue
            item = _slogan_item(text, start, num)
            if item is not None and item[2] == pos - 1:
                prev = (start, *item)
                break
        if prev is None:
            break
        group.insert(0, prev)
        pos = prev[0]
    # to the right
    end = group[-1][3]
    right = 0
    while (
        text[end : end + 1] in _LIST_JOIN
        and text[end + 1 : end + 1 + len(num)] == num
        and right < _GROUP_REACH
    ):
        right += 1
        item = _slogan_item(text, end + 1, num)
        if item is None:
            break
        group.append((end + 1, *item))
        end = item[2]
    return group


def _is_slogan_number(text: str, nstart: int, num: str, unit: str, end: int) -> bool:
    """N个X slogans (see _COUNTED_WORDS) and 五个一批-style names (N + unit + 一 + unit)."""
    if not _is_chinese(num):
        return False
    value = parse_number(num)
    if value is None or value > 10:
        return False
    # 五个一批, 五位一体: numeral + measure + 一 + measure or 体 names a programme
    if len(num) == 1 and text[end : end + 1] == "一":
        y = text[end + 1 : end + 2]
        if (y in UNITS or y in "百千万体") and text[end + 2 : end + 3] not in "化式级":
            return True
    if unit in ("项", "条"):
        found = _closed_phrase(text, end)
        return found is not None and found[1] and _kind(found[0]) == "weak"
    if unit != "个":
        return False
    group = _slogan_group(text, nstart, num)
    if not group:
        return False
    kinds = [_kind(x) for _, x, _, _ in group]
    if "counted" in kinds:
        return False
    if "adverb" in kinds:
        return True
    if "weak" not in kinds:
        return False
    return group[-1][2] or bool(_SLOGAN_VERB.search(_prev_chars(text, group[0][0], 6)))


def find_figures(text: str) -> list[Figure]:
    """Find the figures of a normalised text, in text order, without indicators."""
    quotes, titles = _quoted_mask(text)
    figures: list[Figure] = []
    for m in FIGURE_RE.finditer(text):
        fig = _read_match(text, m, quotes, titles)
        if fig is not None:
            figures.append(fig)
    for m in _FRACTION_RE.finditer(text):
        den = parse_number(m.group("den"))
        num = parse_number(m.group("num"))
        if not den or num is None or num > den or quotes[m.start()]:
            continue
        s, e = _make_span(text, m.start(), m.end())
        before = _prev_chars(text, m.start(), 4)
        qual = next((q for w, q in PREFIX_QUALIFIERS if before.endswith(w)), None)
        figures.append(
            Figure(
                span=text[s:e],
                number_text=m.group(0),
                value=round(num / den * 100, 2),
                unit="%",
                qualifier=qual,
                indicator=None,
                start=s,
                end=e,
                number_start=m.start(),
                number_end=m.end(),
            )
        )
    taken = {f.number_start for f in figures}
    for m in _METRIC_RE.finditer(text):
        fig = _read_metric(text, m, quotes, titles)
        if fig is not None and fig.number_start not in taken:
            figures.append(fig)
    figures.sort(key=lambda f: f.number_start)
    return figures


# 总阅读量约287.3万, 点击量超过12万: a metric noun whose figure has no measure word; the noun
# stands as the unit.
_METRIC_NOUNS = (
    "点击量|阅读量|浏览量|访问量|播放量|观看量|下载量|转发量|点赞量|评论量|曝光量|"
    "传播量|互动量|关注量|发行量|收听量|收看量|参与量"
)
_METRIC_RE = re.compile(
    rf"(?P<noun>{_METRIC_NOUNS})(?:总数|总计|累计)?(?P<verb>[^0-9，。；、,;\n]{{0,4}}?)"
    rf"(?P<num>{_AR})[ ]*(?P<infix>余|多)?[ ]*(?P<mult>万|亿)?(?P<infix2>余|多)?"
    rf"(?![ ]*(?:%|{_UNIT_ALT}|人次|次|\d))"
)


def _read_metric(
    text: str, m: re.Match[str], quotes: bytearray, titles: bytearray
) -> Figure | None:
    nstart = m.start("num")
    if titles[nstart] or _PAGE_COUNTER.search(text[max(0, nstart - 8) : nstart]):
        return None
    value = parse_number(m.group("num"))
    if value is None:
        return None
    mult = m.group("mult")
    if mult:
        value = value * (10_000 if mult == "万" else 100_000_000)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    qualifier = None
    if m.group("infix") or m.group("infix2"):
        qualifier = AT_LEAST
    else:
        verb = m.group("verb")
        for word, qual in PREFIX_QUALIFIERS:
            if word in verb:
                qualifier = qual
                break
        if qualifier is None and re.search("突破|逾", verb):
            qualifier = AT_LEAST
    end = m.end()
    tail = text[end : end + 2]
    for word, qual in SUFFIX_QUALIFIERS:
        if word != "内" and tail.startswith(word):
            qualifier = qualifier or qual
            end += len(word)
            break
    s, e = _make_span(text, m.start("noun"), end)
    return Figure(
        span=text[s:e],
        number_text=text[nstart : m.end()].strip(),
        value=value,
        unit=m.group("noun"),
        qualifier=qualifier,
        indicator=None,
        start=s,
        end=e,
        number_start=nstart,
        number_end=m.end(),
    )


_NAME_DIGITS = set("一二两三四五六七八九")
_WORD_ENDING_IN_YUE = re.compile(
    r"(?:[民公合条契节预特签履违制邀缔守相婚规]约|[附最就邻临亲贴靠]近)[达为有了]?$"
)
_ONE_OF = re.compile(r"[^，。；、,;：:！？\n（(“”0-9]{0,12}之一")
_ROUND_VALUES = {"百": 100, "千": 1000, "万": 10_000}
# Page furniture of a web copy: 浏览次数：1234, 点击量:56次.
_PAGE_COUNTER = re.compile(r"(?:浏览|点击|访问|阅读)(?:次数|量|数|人数)?[ ]*[:：][ ]*$")
_ORDINAL_LIST = re.compile(rf"第(?:[{_CN_ANY}]+|\d+)[、和及至到]$")
_ITEM_BREAK = "，。；：！？\n,;:（）()“”《》「」"
_LIST_AND = re.compile(r"(?<![参给])[和及与](?![其他它谐时平])")


# Measure words of things that are listed by name (places, people, parts, kinds).
_RESTATING_UNIT = re.compile(r"^(?:个|名|位|家|所|类|批|项|条|支|座|区|县|市|大|种|方面)")


_ENUM_WORDS = "一二三四五六七八九十"
_COUNT_IN = re.compile(r"\d|[零〇一二两三四五六七八九十百千万]+[件项人次个起份条名家场批本卷位所]")


def _enumerated_after(text: str, end: int, value: float) -> bool:
    """N个X：一是…二是…: the sentence goes on to list exactly N items with 一是/二是."""
    if not float(value).is_integer() or not 2 <= value <= 10:
        return False
    head = text[end : end + 30]
    if "一是" not in head:
        return False
    stop = [i for i in (text.find(c, end, end + 500) for c in "。\n") if i >= 0]
    segment = text[end : min(stop) if stop else end + 500]
    listed = 0
    for k, word in enumerate(_ENUM_WORDS, start=1):
        if f"{word}是" not in segment:
            break
        listed = k
    return listed == value


def restates_list(text: str, nstart: int, value: float) -> bool:
    """A count of the items listed right before it: 甲区、乙区和丙区三个区, 报告分为成效、问题、
    计划三个部分, 张三、李四两名律师. The reader can count them; the number adds no figure."""
    if not float(value).is_integer() or not 2 <= value <= 12:
        return False
    unit_at = text[nstart : nstart + 8]
    if not _RESTATING_UNIT.match(unit_at.lstrip("0123456789一二两三四五六七八九十")):
        return False  # 审核合同、协议2件: cases and documents are counted, not listed
    lo = max(0, nstart - 80)
    cut = max(text.rfind(c, lo, nstart) for c in _ITEM_BREAK)
    seg = text[max(lo, cut + 1) : nstart].strip()
    if not seg or _COUNT_IN.search(seg) or seg.endswith(("等", "共", "计")):
        return False
    items = seg.split("、")
    if any(not item.strip() for item in items) or any(len(item) > 12 for item in items[1:]):
        return False
    count = len(items) + len(_LIST_AND.findall(items[-1][1:]))
    return count >= 2 and count == value


def _read_match(text: str, m: re.Match[str], quotes: bytearray, titles: bytearray) -> Figure | None:
    num = m.group("num")
    unit = m.group("unit")
    pre = m.group("pre")
    if pre:
        unit = "%"
    if not unit:
        return None
    nstart = m.start("pre") if pre else m.start("num")
    num_start = m.start("num")
    if not pre and len(num) >= 2 and all(ch in _NAME_DIGITS for ch in num):
        # 李四两名律师, 王五六名: a name ending in a numeral character, then the count
        # (二〇二三 with a zero is read digit by digit elsewhere; 四两 is never 42)
        nstart = num_start = num_start + len(num) - 1
        num = num[-1]
    end = m.end()
    after = text[end : end + 2]
    if unit in _UNIT_BLOCKERS and after[:1] and after[0] in _UNIT_BLOCKERS[unit]:
        return None
    if unit == "个" and _ABSTRACT_AFTER_GE.match(text[end : end + 4]):
        return None
    if unit == "个":
        aspect = _ASPECT_AFTER_GE.match(text[end : end + 2])
        if aspect and not _ASPECT_COUNTS.match(text[end + 2 : end + 8]):
            return None
    if _SESSION_BEFORE.search(text[max(0, nstart - 10) : nstart]):
        return None
    if unit == "小时" and _SERVICE_AFTER_HOURS.match(text[end : end + 4]):
        return None
    if unit == "岁" and not _AGE_BEFORE.search(_prev_chars(text, nstart, 8)):
        return None
    if _is_slogan_number(text, num_start, num, unit, end):
        return None
    if unit == "项" and _is_chinese(num) and _ABSTRACT_AFTER_XIANG.match(text[end : end + 4]):
        return None
    before = _prev_chars(text, nstart, 6)
    if before.endswith("第") or before.endswith("前") and unit in ("个", "位", "名"):
        return None
    if _ORDINAL_LIST.search(before):
        return None  # 完成第四、五批评审: the second ordinal of a list after 第
    if _PAGE_COUNTER.search(text[max(0, nstart - 8) : nstart]):
        return None  # 浏览次数：1234次: the web page's counter, not the report
    # 12·4, 3.15: named days
    if text[max(0, nstart - 1) : nstart] in ("·", ".", "-", "/") or after[:1] in ("·", "/"):
        return None
    if titles[nstart]:
        return None
    chinese = _is_chinese(num)
    if chinese and (quotes[nstart] or quotes[max(0, end - 1)]):
        return None
    round_number = num in _ROUND_VALUES and bool(m.group("infix1"))
    if chinese and num[0] in "十百千万亿" and num != "十" and not num.startswith("十"):
        if not (pre and num == "百") and not round_number:
            return None
    value = 100 if pre and num == "百" else parse_number(num)
    if round_number:
        value = _ROUND_VALUES[num]
    if value is None:
        return None
    if unit != "%" and restates_list(text, nstart, value):
        return None
    if _enumerated_after(text, end, value):
        return None  # 两个率先：一是…二是…: a count of the items listed right after it
    if _ONE_OF.match(text[end : end + 16]):
        return None  # 全市3个入选项目之一: one of them, not a count of the report's work
    if unit in ("市", "县", "区") and chinese and value < 4:
        return None  # 两区建设, 三区三州: names of programmes, not counts of divisions
    if (
        chinese
        and value == 1
        and (before.endswith("每") or not _ONE_CONTEXT.search(_prev_chars(text, nstart, 8)))
    ):
        return None
    # a 7+ digit integer with a count unit is more likely a code than a figure
    if not chinese and "." not in num and len(num.replace(",", "")) >= 9 and not m.group("mult"):
        return None
    mult = m.group("mult")
    if mult == "万" and unit == "元":
        unit = "万元"
        mult = None
    elif mult == "亿" and unit == "元":
        unit = "万元"
        value = value * 10_000
        mult = None
    elif mult:
        value = value * (10_000 if mult == "万" else 100_000_000)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    upper = None
    if m.group("num2"):
        hi = parse_number(m.group("num2"))
        if hi is None or hi < value and not mult:
            return None
        upper = hi * (10_000 if mult == "万" else 100_000_000 if mult == "亿" else 1)
    qualifier = None
    if m.group("infix1") or m.group("infix2"):
        qualifier = INFIX_QUALIFIERS[(m.group("infix1") or m.group("infix2") or "余")]
    if qualifier is None:
        for word, qual in PREFIX_QUALIFIERS:
            if before.endswith(word) or before[:-1].endswith(word) and before[-1] in "达为有了":
                if word in ("约", "近") and _WORD_ENDING_IN_YUE.search(before):
                    continue  # 村规民约18份, 附近3个: 约/近 end a word, they do not qualify
                qualifier = qual
                break
        if qualifier is None and re.search(r"(至少|不少于)[^，。；、\d]{0,3}$", before):
            qualifier = AT_LEAST
    tail = re.sub(r"\s+", "", text[end : end + 6])
    for word, qual in SUFFIX_QUALIFIERS:
        if tail.startswith(word):
            if word == "内" and unit_kind(canonical_unit(unit)) != "duration":
                continue
            if word == "内" and tail[1:2] in "容部涵设":
                continue
            idx = text.find(word, end, end + 8)
            if idx < 0:
                break  # 以\n上: the word is split by a line break, read nothing after the unit
            if qualifier is None:
                qualifier = qual
            end = idx + len(word)
            break
    unit = canonical_unit(unit)
    number_text = text[nstart : m.start("unit") if m.group("unit") else m.end("num")].strip()
    if pre and not m.group("unit"):
        number_text = text[nstart : m.end()].strip()
    else:
        number_text = re.sub(r"[ ]*(余|多)?$", lambda x: x.group(0), number_text)
    if unit == "%" and not pre:
        number_text = text[nstart : m.end("unit")].strip()
    elif unit == "万元" and m.group("mult") == "万":
        number_text = text[nstart : m.end("num")].strip()
    s, e = _make_span(text, nstart, end)
    return Figure(
        span=text[s:e],
        number_text=number_text,
        value=value,
        unit=unit,
        qualifier=qualifier,
        indicator=None,
        start=s,
        end=e,
        number_start=nstart,
        number_end=m.end(),
        upper=upper,
    )


def is_frequency(text: str, fig: Figure) -> bool:
    return bool(FREQUENCY_RE.search(_prev_chars(text, fig.number_start, 8)))
