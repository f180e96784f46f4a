"""Is the 不足 part specific? And which paragraphs repeat last year's report?"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from review.vocabulary import LEDGER_WORDS

if TYPE_CHECKING:
    from review.checks import Finding
    from review.pipeline import Report

STOCK_PHRASES = (
    "还需进一步",
    "仍需进一步",
    "有待进一步",
    "需进一步",
    "有待加强",
    "有待提高",
    "有待提升",
    "有待创新",
    "还不够",
    "不够深入",
    "不够到位",
    "一定差距",
    "还有差距",
    "存在差距",
    "不平衡",
    "不充分",
    "仍需提升",
    "仍需加强",
    "还需加强",
    "需要进一步",
    "不强",
    "不高",
    "薄弱",
)
AREA_WORDS = tuple(sorted({w for words in LEDGER_WORDS.values() for w in words if len(w) >= 2})) + (
    "规范性文件",
    "执法",
    "普法",
    "复议",
    "应诉",
    "决策",
    "政务公开",
    "法制审核",
    "备案审查",
)
PLACEHOLDER = re.compile(r"【待补充[^】]*】")
_SHORT_START = re.compile(
    r"(但|但是|然而|虽然|仍|还|也)[^。]{0,40}存在[^。]{0,12}(不足|问题|差距|短板|薄弱)"
)


def shortcomings_text(report: Report) -> tuple[int, int] | None:
    """Offsets of the 不足 part: its section, else the paragraph that states it."""
    secs = report.structure.sections
    for i, sec in enumerate(secs):
        if sec.part == "shortcomings":
            end = secs[i + 1].start if i + 1 < len(secs) else len(report.text)
            return sec.start, end
    m = _SHORT_START.search(report.text)
    if m is None:
        return None
    start = report.text.rfind("\n", 0, m.start()) + 1
    stop = re.compile(r"[。！？]\s*\n").search(report.text, m.end())
    return start, stop.start() + 1 if stop else len(report.text)


def vagueness_score(text: str, figure_count: int) -> tuple[int, list[str]]:
    """0 (empty) to 100 (specific), with the reasons for each deduction."""
    score = 100
    reasons: list[str] = []
    body = re.sub(r"\s+", "", text)
    if figure_count == 0:
        score -= 30
        reasons.append("没有任何数据")
    areas = {w for w in AREA_WORDS if w in body}
    if not areas:
        score -= 30
        reasons.append("没有点明具体领域（如行政复议、执法、规范性文件）")
    stock = [p for p in STOCK_PHRASES if p in body]
    if len(stock) >= 2:
        score -= 20
        reasons.append("多为套话（" + "、".join(stock[:4]) + "）")
    if len(body) < 150:
        score -= 20
        reasons.append(f"篇幅很短（{len(body)}字）")
    if not re.search(r"原因|由于|因为|导致|造成", body):
        score -= 10
        reasons.append("未分析原因")
    return max(score, 0), reasons


def vagueness(report: Report, section_of: Callable[[Report, int], str]) -> list[Finding]:
    from review.checks import WARNING, Finding

    where = shortcomings_text(report)
    if where is None:
        return []
    start, end = where
    if PLACEHOLDER.search(report.text[start:end]):
        # An unwritten part (the drafting placeholder) is not a vague one: say it is unwritten.
        return [
            Finding(
                "placeholder_shortcomings",
                WARNING,
                "“不足和原因”部分尚未撰写（仍为【待补充】占位文字），不评价其具体程度。",
                section_of(report, start),
                report.text[start:end].strip()[:200],
                start,
                end,
            )
        ]
    n = sum(1 for f in report.figures if start <= f.number_start < end)
    score, reasons = vagueness_score(report.text[start:end], n)
    if score >= 60:
        return []
    quoted = report.text[start:end].strip()
    return [
        Finding(
            "vague_shortcomings",
            WARNING,
            f"“不足和原因”部分较空泛（具体程度 {score}/100）：" + "；".join(reasons) + "。",
            section_of(report, start),
            quoted[:200],
            start,
            end,
        )
    ]


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        body = re.sub(r"\s+", "", line)
        if len(body) >= 40:
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _shingles(text: str, n: int = 6) -> set[str]:
    body = re.sub(r"\s+|[，。；、：“”（）]", "", text)
    return {body[i : i + n] for i in range(max(0, len(body) - n + 1))}


def copied_paragraphs(
    report: Report, previous: Report, section_of: Callable[[Report, int], str]
) -> list[Finding]:
    from review.checks import WARNING, Finding

    index: dict[str, set[int]] = {}
    prev_paras = _paragraphs(previous.text)
    for k, (_pos, para) in enumerate(prev_paras):
        for shingle in _shingles(para):
            index.setdefault(shingle, set()).add(k)
    out: list[Finding] = []
    for pos, para in _paragraphs(report.text):
        sh = _shingles(para)
        if not sh:
            continue
        counts: dict[int, int] = {}
        for s in sh:
            for k in index.get(s, ()):
                counts[k] = counts.get(k, 0) + 1
        if not counts:
            continue
        k, c = max(counts.items(), key=lambda kv: kv[1])
        share = c / len(sh)
        if share >= 0.7:
            out.append(
                Finding(
                    "copied_paragraph",
                    WARNING,
                    f"本段与上一年度报告的段落高度雷同（{share:.0%} 相同），可能照搬上年内容。",
                    section_of(report, pos),
                    para.strip()[:120],
                    pos,
                    pos + len(para),
                )
            )
    return out
