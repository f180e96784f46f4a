"""Map each figure to an indicator id of the catalog, or to none.

The words around a figure (its clause, the rest of its sentence) name the
measure (受理, 审结, 满意率 …); the topic mentioned last before it (行政复议,
热线 …) decides between measures that share a word. Kinds must agree: a
percentage maps only to a rate, 万元 only to an amount, 工作日 only to a
duration.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from review.catalog import Catalog, load_catalog
from review.figures import Figure, is_frequency
from review.governing import govern
from review.normalize import squeeze
from review.units import unit_kind
from review.vocabulary import (
    BOTH_RE,
    CPPCC_WORDS,
    LEDGER_WORDS,
    MEASURE_WORDS,
    NPC_WORDS,
    RULE_ONLY,
)

_SENTENCE_END = "。！？；!?;"
_MARK = "\x00"


@dataclass(frozen=True)
class _Keyword:
    indicator: str
    word: str
    pattern: re.Pattern[str]
    weight: float


def _name_words(name_zh: str) -> list[str]:
    pieces = re.split(r"[（）()、/，,]", name_zh)
    return [p for p in pieces if len(p) >= 2]


_KEYWORD_CACHE: dict[int, tuple[_Keyword, ...]] = {}


def _keywords(catalog: Catalog) -> tuple[_Keyword, ...]:
    cached = _KEYWORD_CACHE.get(id(catalog))
    if cached is not None:
        return cached
    out: list[_Keyword] = []
    for ind in catalog.indicators.values():
        words = set(MEASURE_WORDS.get(ind.id, ()))
        if ind.id not in MEASURE_WORDS and ind.id not in RULE_ONLY:
            words.update(_name_words(ind.name_zh))
        for w in words:
            if w.startswith("re:"):
                pattern = re.compile(w[3:])
                length = len(re.sub(r"\(\?<?[!=][^)]*\)|[()?|\\]", "", w[3:]))
            else:
                parts = [re.escape(p) for p in w.split("…")]
                pattern = re.compile(r"[^。；]{0,12}?".join(parts))
                length = len(w.replace("…", ""))
            out.append(_Keyword(ind.id, w, pattern, 1.0 + 0.25 * length))
    result = tuple(out)
    _KEYWORD_CACHE[id(catalog)] = result
    return result


_FIRST_CHAR_CACHE: dict[int, dict[str, list[_Keyword]]] = {}


def _keywords_by_first_char(catalog: Catalog) -> dict[str, list[_Keyword]]:
    """Keywords by the characters they can start with, to test only those present."""
    cached = _FIRST_CHAR_CACHE.get(id(catalog))
    if cached is not None:
        return cached
    out: dict[str, list[_Keyword]] = {}
    for kw in _keywords(catalog):
        word = kw.word[3:] if kw.word.startswith("re:") else kw.word
        first = re.sub(r"^\(\?<?[!=][^)]*\)", "", word)[:1]
        out.setdefault(first, []).append(kw)
    _FIRST_CHAR_CACHE[id(catalog)] = out
    return out


@lru_cache(maxsize=1)
def _ledger_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (ledger, re.compile("|".join(re.escape(w) for w in words)))
        for ledger, words in LEDGER_WORDS.items()
    )


def _sentence_start(text: str, pos: int, limit: int = 150) -> int:
    lo = max(0, pos - limit)
    return max(lo, max(text.rfind(c, lo, pos) for c in _SENTENCE_END) + 1)


def _clause_end(text: str, pos: int, limit: int = 25) -> int:
    hi = min(len(text), pos + limit)
    i = pos
    if i < hi and text[i] in "（(":
        return i  # 审结210件（按期审结209件）: the brackets qualify the figure, they do not name it
    while i < hi and text[i] not in "，。；、,;：:！？\n":
        i += 1
    return i


def _contexts(text: str, fig: Figure) -> tuple[str, str, str]:
    s = _sentence_start(text, fig.number_start)
    left = squeeze(text[s : fig.number_start])[-45:]
    right = squeeze(text[fig.number_end : _clause_end(text, fig.number_end)])[:16]
    around = squeeze(text[max(0, fig.number_start - 300) : fig.number_start])
    return left, right, around


_NONZERO_DIGIT = re.compile(r"[1-9]")


def _zeroed(s: str) -> str:
    return _NONZERO_DIGIT.sub("0", s)


_SCORE_CACHE: dict[tuple[int, str, str, int], tuple[dict[str, float], set[str], set[str]]] = {}
_SCORE_CACHE_SIZE = 4096


def _measure_scores(
    catalog: Catalog,
    left: str,
    right: str,
    gap: int = -1,
    own: set[str] | None = None,
    after: set[str] | None = None,
) -> dict[str, float]:
    """Scores of the measure words around a figure. No measure word contains a digit, so
    the words are matched with every digit read as 0: a table of figures of the same width
    repeats its contexts, and each is scored once."""
    key = (id(catalog), _zeroed(left), _zeroed(right), gap)
    cached = _SCORE_CACHE.get(key)
    if cached is None:
        o: set[str] = set()
        a: set[str] = set()
        cached = (_score_words(catalog, key[1], key[2], gap, o, a), o, a)
        if len(_SCORE_CACHE) >= _SCORE_CACHE_SIZE:
            _SCORE_CACHE.clear()
        _SCORE_CACHE[key] = cached
    if own is not None:
        own.update(cached[1])
    if after is not None:
        after.update(cached[2])
    return dict(cached[0])


def _score_words(
    catalog: Catalog,
    left: str,
    right: str,
    gap: int,
    own: set[str],
    after: set[str],
) -> dict[str, float]:
    ctx = left + _MARK + right
    mark = len(left)
    hits: list[tuple[int, int, _Keyword]] = []
    by_first = _keywords_by_first_char(catalog)
    candidates: list[_Keyword] = []
    for ch in set(ctx):
        candidates.extend(by_first.get(ch, ()))
    for kw in candidates:
        for m in kw.pattern.finditer(ctx):
            if _MARK in m.group(0) and "…" not in kw.word:
                continue
            hits.append((m.start(), m.end(), kw))
    kept = []
    # a hit inside a longer hit of another word is swallowed (受理 in 不予受理); only
    # longer hits can swallow, so each hit is compared with those alone
    longest = max((b - a for a, b, _ in hits), default=0)
    for a, b, kw in hits:
        swallowed = b - a < longest and any(
            a2 <= a and b <= b2 and (b2 - a2) > (b - a) and kw2.word != kw.word
            for a2, b2, kw2 in hits
        )
        if not swallowed:
            kept.append((a, b, kw))
    scores: dict[str, float] = {}
    clause_start = max(ctx.rfind(c, 0, mark) for c in "，,；") + 1
    for a, b, kw in kept:
        if b > clause_start:
            own.add(kw.indicator)
        if b >= mark:
            after.add(kw.indicator)  # named after the figure, or the verb right before it
        if b <= mark:
            factor = 1.0 / (1.0 + (mark - b) / 2.0)
            between = ctx[b:mark]
            if "，" in between or "," in between or "；" in between:
                factor *= 0.5  # a word of the previous clause
            if gap >= 0 and a >= gap:
                factor *= 0.4  # 17个执法部门67本案卷: the noun after the previous figure
        elif a > mark:
            factor = 0.9 / (1.0 + (a - mark - 1) / 8.0)
        else:
            factor = 1.0
        score = kw.weight * factor
        if score > scores.get(kw.indicator, 0.0):
            scores[kw.indicator] = score
    return scores


_HEADING_TOPIC = 0.5


def heading_titles(text: str) -> tuple[list[int], list[str]]:
    """Starts and titles of the headings of every level (一、（一）1.（1）), in text order."""
    from review.structure import find_headings

    heads = [h for h in find_headings(text) if h.level < 5]
    return [h.start for h in heads], [h.title for h in heads]


_TOPIC_CACHE: dict[tuple[str, str, str], dict[str, float]] = {}


def _topic_scores(around: str, right: str, heading: str = "") -> dict[str, float]:
    """Topics named before the figure (nearer is stronger), right after it, or in its heading;
    cached like the measure scores (no topic word contains a digit other than 12345)."""
    if "12345" in around or "12345" in right:
        return _score_topics(around, right, heading)
    key = (_zeroed(around), _zeroed(right), heading)
    cached = _TOPIC_CACHE.get(key)
    if cached is None:
        cached = _score_topics(around, right, heading)
        if len(_TOPIC_CACHE) >= _SCORE_CACHE_SIZE:
            _TOPIC_CACHE.clear()
        _TOPIC_CACHE[key] = cached
    return dict(cached)


def _score_topics(around: str, right: str, heading: str = "") -> dict[str, float]:
    scores: dict[str, float] = {}
    n = len(around)
    for ledger, pattern in _ledger_patterns():
        # the heading the figure sits under names its topic, more weakly than its sentence
        best = _HEADING_TOPIC if heading and pattern.search(heading) else 0.0
        for m in pattern.finditer(around):
            best = max(best, 1.0 / (1.0 + (n - m.end()) / 25.0))
        m2 = pattern.search(right)
        if m2:
            best = max(best, 1.0 / (1.0 + m2.start() / 5.0))
        if best:
            scores[ledger] = best
    return scores


def _proposal_subject(left: str) -> str:
    """'npc', 'cppcc' or 'both': the subject named last before the figure."""
    best_end = -1
    subject = "both"
    for m in re.finditer(BOTH_RE, left):
        if m.end() >= best_end:
            best_end, subject = m.end(), "both"
    for words, name in ((NPC_WORDS, "npc"), (CPPCC_WORDS, "cppcc")):
        for w in words:
            i = left.rfind(w)
            if i >= 0 and i + len(w) > best_end:
                best_end, subject = i + len(w), name
    return subject


_PROPOSAL_SPLIT = {
    "proposals.total": ("proposals.npc_suggestions", "proposals.cppcc_proposals"),
    "proposals.concluded": ("proposals.npc_concluded", "proposals.cppcc_concluded"),
    "proposals.satisfied": ("proposals.npc_satisfied", "proposals.cppcc_satisfied"),
    "proposals.completion_rate": (
        "proposals.npc_completion_rate",
        "proposals.cppcc_completion_rate",
    ),
    "proposals.satisfaction_rate": (
        "proposals.npc_satisfaction_rate",
        "proposals.cppcc_satisfaction_rate",
    ),
}
_AS_RESPONDENT = {
    "reconsideration.received": "reconsideration.as_respondent_cases",
    "reconsideration.accepted": "reconsideration.as_respondent_cases",
    "reconsideration.concluded": "reconsideration.as_respondent_concluded",
    "reconsideration.corrected": "reconsideration.as_respondent_corrected",
}
_PASSIVE_CORRECTED = re.compile(r"被(?:直接)?(?:纠错|纠正|撤销|变更|确认违法)")
_CHANGE = re.compile(
    r"(比上年|较上年|比去年|较去年|同比|环比|比\d{4}年)(度|同期)?"
    r"(增加|增长|减少|下降|提高|降低|上升|多|少)了?$"
)
# Ledgers whose measure words (受理, 结案, 纠正 …) are common words: only when named nearby.
_TOPIC_BOUND = frozenset(
    {
        "reconsideration",
        "litigation",
        "normative_documents",
        "hotline",
        "mailbox",
        "supervision",
        "mediation",
        "proposals",
        "legality_review",
    }
)
# Their measure words are common words (受理, 办结, 排查): the topic must be named nearby,
# even when no other topic is.
_TOPIC_NAMED = _TOPIC_BOUND
_BOTH_MARK = re.compile(r"(均|都|分别)(达到?|为|是|保持在?|在)?$")
# One percentage for several named measures: 评查合格率、归档率和满意率均为100%,
# 参考率、通过率和优秀率100%, 平均审理时间、执结用时同比压降20%以上. Each name is a figure.
_METRIC_HEAD = r"(?:率|比例|时间|用时|时长|时限|成本|费用)"
_METRIC_ITEM = re.compile(rf"[\u4e00-\u9fff]{{1,6}}?{_METRIC_HEAD}")
_RATE_LIST = re.compile(
    rf"((?:[\u4e00-\u9fff]{{1,6}}?{_METRIC_HEAD})(?:(?:、|和|及|与|以及)[\u4e00-\u9fff]{{1,6}}?{_METRIC_HEAD})+)"
    r"(?P<all>均|都)?(?P<change>同比|较上年|比上年|较去年)?"
    r"(?:达到?|为|是|在|实现|保持在?|压降|下降|降低|提高|提升|缩短|减少|压缩|增长|上升)?了?$"
)


def _gap(text: str, fig: Figure, prev_end: int, left: str) -> int:
    """Index in left where the words after the previous figure start, or -1."""
    if prev_end < 0 or prev_end > fig.number_start:
        return -1
    between = text[prev_end : fig.number_start]
    if re.search(r"[，。；、,;：:\n]", between):
        return -1
    return max(0, len(left) - len(squeeze(between)))


# A head noun between a measure word and the number: the count is of that head.
_DISPLACED_HEAD = re.compile(
    r"(?:清单|目录|名录|平台|窗口|系统|案例|场景|专栏|部门|单位|机构|批次|模块|子项|问题|任务|措施"
    r"|线索|隐患)(?:共|计|共计|达|为|有)?$"
)

# Characters that, right after a count's measure word, do not start the noun it counts.
_NOT_A_NOUN_START = set(
    "以内上下左右余多次的了是为在中于和与及、均都全已共分其被由等（(，,。；;：:“”"
)


def _names_what_it_counts(right: str) -> bool:
    return bool(right) and "\u4e00" <= right[0] <= "\u9fff" and right[0] not in _NOT_A_NOUN_START


# Measure words that count the same thing as a unit of the catalog: 场次 are 次 or 场
# (meetings, events), 件次 and 起 are 件 (opinions given, cases), 个 of 项 items.
_VARIANT_UNITS = {"场次": ("次", "场"), "件次": ("件",), "起": ("件",), "项次": ("项", "次")}


def unit_fits(unit: str, units: tuple[str, ...]) -> bool:
    return unit in units or any(u in units for u in _VARIANT_UNITS.get(unit, ()))


def best_indicator(
    text: str,
    fig: Figure,
    catalog: Catalog,
    left_override: str | None = None,
    prev_end: int = -1,
    only: tuple[str, ...] | None = None,
    exclude: tuple[str, ...] = (),
    heading: str = "",
) -> tuple[str | None, float]:
    left, right, around = _contexts(text, fig)
    gap = _gap(text, fig, prev_end, left)
    if left_override is not None:
        left = left_override
        gap = -1
    kind = unit_kind(fig.unit)
    if kind == "rate" and fig.unit == "个百分点":
        return None, 0.0
    own: set[str] = set()
    after: set[str] = set()
    measures = _measure_scores(catalog, left, right, gap, own, after)
    if kind == "count" and _names_what_it_counts(right):
        # 22个派出所实现…, 30个改革案例: the noun after the measure word is what is
        # counted; only a measure named there (or the verb governing it) can give the id
        measures = {k: v for k, v in measures.items() if k in after}
    topics = _topic_scores(around, right, heading)
    best: str | None = None
    best_score = 0.0
    best_k = 0.0
    refused_k = 0.0  # the strongest measure word of the own clause that does not fit
    for ind_id, k in measures.items():
        ind = catalog.indicators[ind_id]
        if ind.kind != kind or ind_id in exclude or only is not None and ind_id not in only:
            continue
        if kind == "count" and not unit_fits(fig.unit, ind.units):
            if ind_id in own:
                refused_k = max(refused_k, k)
            continue  # 培训12期 counts sessions, not the 人 of officers trained
        if (
            ind.ledger not in topics
            and (topics or ind.ledger in _TOPIC_NAMED)
            and ind.ledger in _TOPIC_BOUND
        ):
            if ind_id in own:
                refused_k = max(refused_k, k)
            continue  # 结案228件 in a 执法 paragraph is not a 复议 conclusion
        score = k + 1.2 * topics.get(ind.ledger, 0.0)
        if fig.unit in ind.units:
            score += 0.4
        elif unit_fits(fig.unit, ind.units):
            score += 0.2
        if score > best_score:
            best, best_score, best_k = ind_id, score, k
    own_refused = refused_k > 0 and refused_k >= best_k
    if best is not None and best not in after and kind == "count" and _DISPLACED_HEAD.search(left):
        return None, 0.0  # 事项清单31个, 反映窗口108个: the count is of the head after the measure
    if best is not None and best not in own and left_override is None:
        # 审议涉法议题28个，审议规范性文件12件: the figure's own clause names another topic
        # (规范性文件); a measure word of the previous clause does not carry over to it
        cut = max(left.rfind(c) for c in "，,；;")
        own_topics = {
            ledger
            for ledger, pattern in _ledger_patterns()
            if pattern.search(left[cut + 1 :] + right)
        }
        if own_topics and catalog.indicators[best].ledger not in own_topics:
            return None, 0.0
    if own_refused and best is not None and best not in own:
        # 立案241件，结案228件: the figure's own clause names a measure that does not fit
        # (结案 of 执法 cases); a word of the previous clause does not name it either.
        return None, 0.0
    return best, best_score


def map_figure(
    text: str,
    fig: Figure,
    catalog: Catalog | None = None,
    prev_end: int = -1,
    heading: str = "",
) -> list[Figure]:
    """The figure with its indicator; two figures when one numeral carries two (均达)."""
    catalog = catalog or load_catalog()
    left, _right, _around = _contexts(text, fig)
    if is_frequency(text, fig):
        return [replace(fig, indicator=None, scope="frequency")]
    if (
        left.endswith(("至少", "至少配备"))
        or re.search(r"至少[^，。；]{0,4}$", left)
        or re.search(r"每[\u4e00-\u9fff]{1,3}(不少于|至少|不低于)$", left)
    ):  # 至少配备一名, 每村不少于6名: a standard per unit, not a count
        return [replace(fig, indicator=None, scope="minimum standard")]
    m = _RATE_LIST.search(left)
    if m and fig.unit == "%":
        head = left[: m.start()]
        out = []
        for word in _METRIC_ITEM.findall(m.group(1)):
            if m.group("change"):
                out.append(replace(fig, indicator=None))
                continue
            ind, _ = best_indicator(text, fig, catalog, left_override=head + word, heading=heading)
            # the words after the list (均达) still apply to each name: 办复率均达 of both
            # 人大 and 政协 gives two figures
            tail = left[m.end(1) :]
            out.extend(_refine(text, replace(fig), ind, head + word + tail, catalog))
        return out
    if _CHANGE.search(left):
        return [replace(fig, indicator=None)]  # 比上年增加236人: a change, not the measure
    ind, _score = best_indicator(text, fig, catalog, prev_end=prev_end, heading=heading)
    ind = govern(text, fig, ind, heading)
    if ind is not None and ind not in _COMBINED and _unlike_items(text, fig, catalog):
        ind = None  # 学习、培训、宣讲1.2万余次: unlike things counted together
    return _refine(text, fig, ind, left, catalog)


# A figure inside the list (Arabic or Chinese numerals): a list of figures, not of kinds.
_HAS_COUNT = re.compile(r"\d|[零〇一二两三四五六七八九十百千万]+[件项人次个起份条名家场批本卷]")

# Ids that are combined counts by definition (合同、协议及涉法文件).
_COMBINED = frozenset({"legality_review.documents_reviewed"})


def _unlike_items(text: str, fig: Figure, catalog: Catalog) -> bool:
    """The count follows a list of three or more items (A、B、C + number) whose items name
    different measures, or no measure: a combined count that no indicator measures."""
    if unit_kind(fig.unit) != "count":
        return False
    lo = max(0, fig.number_start - 60)
    cut = max(text.rfind(c, lo, fig.number_start) for c in "，。；：,;:！？\n")
    before = squeeze(text[max(lo, cut + 1) : fig.number_start])
    items = before.split("、")
    if len(items) < 3 or _HAS_COUNT.search(before) or "等" in items[-1]:
        return False
    named: set[str] = set()
    for item in items[1:]:  # the first item carries the verb of the whole list
        scores = _measure_scores(catalog, item, "")
        fitting = {
            i
            for i in scores
            if catalog.indicators[i].kind == "count"
            and unit_fits(fig.unit, catalog.indicators[i].units)
        }
        if not fitting:
            return True
        named.add(max(fitting, key=lambda i: scores[i]))
    return len(named) > 1


def _refine(text: str, fig: Figure, ind: str | None, left: str, catalog: Catalog) -> list[Figure]:
    if ind in _PROPOSAL_SPLIT:
        npc, cppcc = _PROPOSAL_SPLIT[ind]
        subject = _proposal_subject(left)
        if _BOTH_MARK.search(left) and subject != "both":
            has_npc = any(w in left for w in NPC_WORDS)
            has_cppcc = any(w in left for w in CPPCC_WORDS)
            if has_npc and has_cppcc:
                return [replace(fig, indicator=npc), replace(fig, indicator=cppcc)]
        if subject == "npc":
            ind = npc
        elif subject == "cppcc":
            ind = cppcc
    if ind in _AS_RESPONDENT:
        s = _sentence_start(text, fig.number_start)
        before = squeeze(text[s : fig.number_start])
        if "为被申请人" in before or _PASSIVE_CORRECTED.search(before[-8:]):
            ind = _AS_RESPONDENT[ind]  # 被纠错1件: the bureau was the respondent
    return [replace(fig, indicator=ind)]


def map_figures(text: str, figures: list[Figure], catalog: Catalog | None = None) -> list[Figure]:
    catalog = catalog or load_catalog()
    out: list[Figure] = []
    prev_end = -1
    starts, titles = heading_titles(text)
    for fig in figures:
        k = bisect_right(starts, fig.number_start) - 1
        heading = titles[k] if k >= 0 else ""
        for mapped in map_figure(text, fig, catalog, prev_end, heading):
            if mapped.indicator is not None and _is_subset(text, mapped, out, catalog):
                mapped = replace(mapped, indicator=None)
            out.append(mapped)
        prev_end = fig.number_end
    return out


def _is_subset(text: str, fig: Figure, earlier: list[Figure], catalog: Catalog) -> bool:
    """A smaller count of the same measure later in the sentence is a sub-category.

    审查案卷135本，发现问题案卷12本; 法律援助案件862件，其中刑事案件318件: the second
    figure counts part of the first one's population, not the measure itself.
    """
    if unit_kind(fig.unit) != "count":
        return False
    # the sentence, looked at over a bounded stretch so that text without a full stop
    # stays linear
    lo = max(0, fig.number_start - _SUBSET_LOOK_BACK)
    start = max(text.rfind(c, lo, fig.number_start) for c in "。！？\n") + 1
    start = max(start, lo)
    for prev in reversed(earlier):
        if prev.number_end < start:
            return False
        if prev.indicator == fig.indicator and prev.value > fig.value and prev.unit == fig.unit:
            # 政务服务事项515项，行政许可事项218项; 常务会议33次，其中2次专题听取法治汇报:
            # a smaller count named by another word of the measure states the measure too
            own = _measure_words(catalog, _own_clause(text, fig.number_start), fig.indicator)
            whole = _measure_words(catalog, _own_clause(text, prev.number_start), fig.indicator)
            return not own or bool(own & whole)
    return False


def _own_clause(text: str, pos: int) -> str:
    lo = max(0, pos - 40)
    breaks = "，。；：、,;:！？\n"
    cut = max(text.rfind(c, lo, pos) for c in breaks)
    hi = min(len(text), pos + 30)
    ends = [i for i in (text.find(c, pos, hi) for c in breaks) if i >= 0]
    return squeeze(text[max(lo, cut + 1) : min(ends) if ends else hi])


def _measure_words(catalog: Catalog, clause: str, ind: str | None) -> set[str]:
    """The measure words of indicator ind found in clause."""
    words = set()
    for kw in _keywords(catalog):
        if kw.indicator == ind and kw.pattern.search(clause):
            words.add(kw.word)
    return words


_SUBSET_LOOK_BACK = 300
