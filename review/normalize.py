"""Text normalisation that keeps character offsets.

Every mapping here is one character to one character, so an offset in the
normalised text is an offset in the text as read, and a quoted span can be
shown to the user exactly as the report printed it.
"""

from __future__ import annotations

import re

# Full-width digits, letters, %, . and space become ASCII. Full-width Chinese
# punctuation (，：（）) is kept: section titles are quoted as printed.
_TABLE = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_TABLE.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})
_TABLE.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})
_TABLE.update(
    {
        0xFF05: ord("%"),
        0xFF0E: ord("."),
        0x3000: ord(" "),
        0x00A0: ord(" "),
        0x2002: ord(" "),
        0x2003: ord(" "),
        0x2009: ord(" "),
        0x200B: ord(" "),
        0xFEFF: ord(" "),
        ord("\r"): ord("\n"),
        ord("\t"): ord(" "),
        0x2014: 0x2014,
    }
)


def normalize(text: str) -> str:
    """Return text of the same length with full-width digits etc. folded."""
    return text.translate(_TABLE)


_WS = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Drop all whitespace: used for keyword matching ('办 结率' → '办结率')."""
    return _WS.sub("", text)


_CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》]"
_CJK_GAP = re.compile(rf"(?<={_CJK}) +(?={_CJK}|\d)|(?<=\d) +(?={_CJK})")


def remove_cjk_spaces(text: str) -> str:
    """Remove spaces that PDF extraction puts between CJK characters and digits."""
    return _CJK_GAP.sub("", text)


_SENTENCE_END = "。！？；!?;：:"


def _width(line: str) -> int:
    """Display width: CJK and full-width characters count 2, others 1."""
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in line)


def _full_width(lines: list[str]) -> int | None:
    """The width of a full line of the page (90th percentile), None for short texts."""
    widths = sorted(_width(line) for line in lines if _width(line) >= 10)
    if len(widths) < 8:
        return None
    return widths[int(0.9 * (len(widths) - 1))]


def join_hard_breaks(text: str) -> str:
    """Join lines broken inside a sentence (PDF text).

    A line is joined to the next when it does not end a sentence, the next line
    does not start a heading, and the line runs to (nearly) the full width of
    the page: a shorter line ended its paragraph (a title, a heading, the last
    line of a paragraph whose full stop is missing). The tolerance allows for a
    number or a Latin word that did not fit at the end of the line.
    """
    from review.structure import HEADING_START

    lines = text.split("\n")
    full = _full_width([line.strip() for line in lines])
    short = None if full is None else full - max(10, full * 15 // 100)
    out: list[str] = []
    last_line: list[str] = []  # the last physical line of each joined line
    for line in lines:
        stripped = line.strip()
        if (
            out
            and out[-1]
            and stripped
            and out[-1][-1] not in _SENTENCE_END
            and len(out[-1]) >= 15
            and (short is None or _width(last_line[-1]) >= short)
            and not HEADING_START.match(stripped)
        ):
            out[-1] = out[-1] + stripped
            last_line[-1] = stripped
        else:
            out.append(stripped)
            last_line.append(stripped)
    return "\n".join(out)
