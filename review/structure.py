"""Document structure: title, issuer, year, recipient, headings, statutory parts.

Heading levels follow 公文 practice: 一、 (level 1), （一） (level 2), 1. (level 3),
（1） (level 4); 一是/二是 are enumerations inside a paragraph (level 5).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

_CN_SMALL = "一二三四五六七八九十"
LEVEL1 = re.compile(rf"^[ \t]*([{_CN_SMALL}]{{1,3}})[、．.]")
LEVEL2 = re.compile(rf"^[ \t]*([（(][ ]*[{_CN_SMALL}]{{1,3}}[ ]*[）)])")
LEVEL3 = re.compile(r"^[ \t]*(\d{1,2})[.．、](?!\d)")
LEVEL4 = re.compile(r"^[ \t]*([（(]\d{1,2}[）)])")
ENUM = re.compile(rf"(?:^|(?<=[。；;：:\n]))[ \t]*([{_CN_SMALL}]{{1,2}}是)")
HEADING_START = re.compile(
    rf"^([{_CN_SMALL}]{{1,3}}[、．]|[（(][ ]*[{_CN_SMALL}]{{1,3}}[ ]*[）)]|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[）)])"
)

PARTS = ("achievements", "shortcomings", "leader_duties", "next_year", "other")
PART_LABELS = {
    "achievements": "主要举措和成效",
    "shortcomings": "不足和原因",
    "leader_duties": "党政主要负责人履职",
    "next_year": "下一年度安排",
    "other": "其他",
}

_NEXT_YEAR_TITLE = re.compile(
    r"下一步|下步|明年|下一年|下年度|今后|打算|计划|安排|思路|展望|努力方向|20\d\d年(?:工作)?(?:重点|主要)"
)
_SHORT_TITLE = re.compile(r"问题|不足|差距|短板|薄弱|困难")
_LEADER_TITLE = re.compile(r"第一责任人|主要负责人|党政.{0,4}负责人")
_OTHER_TITLE = re.compile(r"其他|其它")

_SHORT_TEXT = re.compile(
    r"(但|但是|然而|虽然|仍|还|也)[^。]{0,40}存在[^。]{0,12}(不足|问题|差距|短板|薄弱)"
    r"|(不足|问题|差距|短板)[^。]{0,6}主要(表现|体现)"
)
_NEXT_TEXT = re.compile(
    r"(^|\n)[ \t]*(20\d\d年|下一步|明年|下一年度|今后)[^。\n]{0,30}(将|要|继续|重点|计划)"
)
_LEADER_TEXT = re.compile(r"第一责任人|党政主要负责人|主要负责人")


@dataclass
class Heading:
    level: int
    marker: str
    title: str
    start: int
    end: int
    part: str | None = None


@dataclass
class Structure:
    title: str = ""
    issuer: str | None = None
    year: int | None = None
    recipient: str | None = None
    headings: list[Heading] = field(default_factory=list)
    sections: list[Heading] = field(default_factory=list)  # top level
    statutory_parts: dict[str, bool] = field(default_factory=dict)

    _starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _starts_of: int = field(default=-1, repr=False, compare=False)

    def section_at(self, pos: int) -> Heading | None:
        # the start offsets are computed once per list of sections, not per figure
        if self._starts_of != id(self.sections) or len(self._starts) != len(self.sections):
            self._starts = [s.start for s in self.sections]
            self._starts_of = id(self.sections)
        i = bisect_right(self._starts, pos) - 1
        return self.sections[i] if i >= 0 else None


def _title_of(rest: str) -> str:
    m = re.match(r"^[ \t]*([^。；\n（(]*)", rest)
    title = (m.group(1) if m else "").strip()
    if len(title) > 40:
        title = re.split(r"[，,]", title)[0]
    return title


def classify(title: str, year: int | None = None) -> str:
    """Statutory part of a top-level section, from its title (and the report year)."""
    years = [int(y) for y in re.findall(r"(20\d\d)\s*年", title)]
    if year and years and not _LEADER_TITLE.search(title) and not _SHORT_TITLE.search(title):
        if max(years) > year:
            return "next_year"
        if not re.search(r"下一步|下步|明年|下一年|打算|今后", title):
            return "achievements"
    if _LEADER_TITLE.search(title):
        return "leader_duties"
    if _OTHER_TITLE.search(title) and len(title) < 20:
        return "other"
    if _SHORT_TITLE.search(title) and not _NEXT_YEAR_TITLE.search(title):
        return "shortcomings"
    if _NEXT_YEAR_TITLE.search(title):
        return "next_year"
    if _SHORT_TITLE.search(title):
        return "shortcomings"
    return "achievements"


def find_headings(text: str) -> list[Heading]:
    headings: list[Heading] = []
    pos = 0
    for line in text.split("\n"):
        for level, pattern in ((1, LEVEL1), (2, LEVEL2), (4, LEVEL4), (3, LEVEL3)):
            m = pattern.match(line)
            if m:
                marker = re.sub(r"\s", "", line[m.start(1) : m.end()])
                rest = line[m.end() :]
                title = _title_of(rest)
                if level == 1 and rest.strip().startswith("是"):
                    break
                if title:
                    headings.append(
                        Heading(level, marker, title, pos + m.start(1), pos + len(line))
                    )
                break
        pos += len(line) + 1
    for m in ENUM.finditer(text):
        headings.append(Heading(5, m.group(1), "", m.start(1), m.end(1)))
    headings.sort(key=lambda h: h.start)
    return headings


def _top_level(headings: list[Heading]) -> list[Heading]:
    first1 = next((h.start for h in headings if h.level == 1), None)
    if first1 is None:
        return [h for h in headings if h.level == 2]
    return [h for h in headings if h.level == 1 or (h.level == 2 and h.start < first1)]


_ISSUER_LINE = re.compile(
    r"^[\u4e00-\u9fff]{2,30}(人民政府|政府办公室|人民政府办公室|办公室|委员会|局|厅|政府)(文件)?$"
)
_ISSUER_IN_TEXT = re.compile(r"([\u4e00-\u9fff]{2,8}?[省市县区旗])人民政府(办公室)?")
_YEAR = re.compile(r"(20\d\d)\s*年")


def analyse(text: str) -> Structure:
    """Read the title block and the headings of a normalised report text."""
    st = Structure()
    head_lines = [ln.strip() for ln in text[:600].split("\n") if ln.strip()][:8]
    title_lines: list[str] = []
    for i, ln in enumerate(head_lines):
        squeezed = re.sub(r"\s+", "", ln)
        if "报告" in squeezed and len(squeezed) < 60 and not squeezed.endswith("。"):
            prev = re.sub(r"\s+", "", head_lines[i - 1]) if i else ""
            if (
                prev
                and not prev.endswith(("。", "：", ":"))
                and "年" in prev
                and not _ISSUER_LINE.match(prev)
            ):
                title_lines.append(prev)
            title_lines.append(squeezed)
            break
    st.title = "".join(title_lines)
    if st.title:
        m = re.match(r"^(.{2,30}?(?:人民政府办公室|人民政府|办公室|局))关于", st.title)
        if m:
            st.issuer = m.group(1)
    for ln in head_lines[:3]:
        squeezed = re.sub(r"\s+", "", ln)
        m2 = _ISSUER_LINE.match(squeezed)
        if m2 and "报告" not in squeezed and st.issuer is None:
            st.issuer = squeezed.removesuffix("文件")
    if st.issuer is None and st.title:
        m3 = re.match(r"^([\u4e00-\u9fff]{2,8}?[省市县区旗])", st.title)
        if m3:
            st.issuer = m3.group(1) + "人民政府"
    if st.issuer is None:
        counts: dict[str, int] = {}
        for m4 in _ISSUER_IN_TEXT.finditer(text):
            counts[m4.group(0)] = counts.get(m4.group(0), 0) + 1
        if counts:
            st.issuer = max(counts, key=lambda k: counts[k])
    ym = _YEAR.search(st.title) or _YEAR.search(text[:800])
    if ym:
        st.year = int(ym.group(1))
    for ln in head_lines:
        squeezed = re.sub(r"\s+", "", ln)
        if (
            squeezed.endswith(("：", ":"))
            and len(squeezed) <= 30
            and not HEADING_START.match(squeezed)
        ):
            st.recipient = squeezed[:-1]
            break
    st.headings = find_headings(text)
    st.sections = _top_level(st.headings)
    for sec in st.sections:
        sec.part = classify(sec.title, st.year)
    parts = {p: False for p in PARTS}
    for sec in st.sections:
        if sec.part:
            parts[sec.part] = True
    if st.sections and not any(s.part == "achievements" for s in st.sections):
        parts["achievements"] = bool(text.strip())
    if not st.sections and text.strip():
        parts["achievements"] = True
    if not parts["shortcomings"] and _SHORT_TEXT.search(text):
        parts["shortcomings"] = True
    if not parts["next_year"] and _NEXT_TEXT.search(text[len(text) // 2 :]):
        parts["next_year"] = True
    if not parts["leader_duties"] and _LEADER_TEXT.search(text):
        parts["leader_duties"] = True
    st.statutory_parts = parts
    return st
