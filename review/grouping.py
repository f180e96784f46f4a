"""How the figures of one sentence relate to each other, and what that says about their ids.

Three patterns, all general to Chinese report prose:

- an enumeration "审结210件，其中维持90件、撤销23件…": the figures after 其中 are parts of
  the figure before it (the whole), up to the end of the sentence;
- a parenthetical sub-count "审结210件（按期审结209件）" or "（含上期结转3件）": the figure in
  the brackets qualifies the figure just before them, it is not a part of a partition;
- a rate with its 口径 "纠错率33.2%（口径：纠错60件÷实体审结181件）": the figures in the
  brackets are the rate's numerator and denominator, so they take those ids.

A measure that is a subset of another (按期审结 of 审结) is read as the subset only when the
whole was stated before it in the sentence; alone, "已按期审结38件" states what was concluded.
"""

from __future__ import annotations

import re
from dataclasses import replace

from review.catalog import Catalog
from review.figures import Figure
from review.mapping import best_indicator
from review.vocabulary import SUB_MEASURES

_SENTENCE_END = "。！？；!?;\n"
_OPEN = "（("
_CLOSE = "）)"
_RATIO = re.compile(r"÷|除以|/")


# A sentence is looked at over at most this many characters before a figure: the
# relations read here (其中, brackets, 按期审结 after 审结) are never further apart, and
# text with no sentence end (a table flattened to one line) stays linear.
LOOK_BACK = 300


def _sentence_start(text: str, pos: int, limit: int = LOOK_BACK) -> int:
    lo = max(0, pos - limit)
    return max(lo, max(text.rfind(c, lo, pos) for c in _SENTENCE_END) + 1)


def _bracket_after(text: str, fig: Figure) -> tuple[int, int] | None:
    """(open, close) of a bracket that starts right after the figure, or None."""
    i = fig.number_end
    while i < len(text) and text[i] in " \u3000":
        i += 1
    if i >= len(text) or text[i] not in _OPEN:
        return None
    j = i + 1
    while j < len(text) and j - i < 120:
        if text[j] in _CLOSE:
            return i, j
        if text[j] in _OPEN or text[j] in "。\n":
            return None
        j += 1
    return None


def relate(text: str, figures: list[Figure], catalog: Catalog) -> list[Figure]:
    """The figures with `role` and `whole` set, and ids corrected by those relations."""
    out = list(figures)
    _brackets(text, out, catalog)
    _enumerations(text, out)
    _whole_of_parts(out, catalog)
    _sub_measures(text, out)
    return out


def _whole_of_parts(figs: list[Figure], catalog: Catalog) -> None:
    """办理复议案件28件，其中维持19件、撤销3件: a whole with no id of its own whose 其中 parts
    are two or more parts of one identity is that identity's whole (here 审结)."""
    parts_of: dict[int, list[str]] = {}
    for f in figs:
        if f.role == "part" and f.indicator is not None:
            parts_of.setdefault(f.whole, []).append(f.indicator)
    if not parts_of:
        return
    for i, w in enumerate(figs):
        children = parts_of.get(w.number_start)
        if w.indicator is not None or w.role is not None or not children or len(children) < 2:
            continue
        wholes = {
            ident.whole
            for ident in catalog.identities
            if all(c in ident.parts or c in ident.optional_parts for c in children)
        }
        if len(wholes) != 1:
            continue
        whole_id = wholes.pop()
        ind = catalog.indicators.get(whole_id)
        if ind is not None and w.unit in ind.units:
            figs[i] = replace(w, indicator=whole_id)


def _brackets(text: str, figs: list[Figure], catalog: Catalog) -> None:
    for i, head in enumerate(figs):
        if head.role is not None:
            continue
        br = _bracket_after(text, head)
        if br is None:
            continue
        lo, hi = br
        inner = [k for k in range(i + 1, len(figs)) if lo < figs[k].number_start < hi]
        if not inner:
            continue
        ind = catalog.indicators.get(head.indicator or "")
        ratio = _RATIO.search(text, lo, hi)
        if ind is not None and ind.kind == "rate" and ind.numerator and ratio is not None:
            for k in inner:
                f = figs[k]
                if f.number_start < ratio.start():
                    figs[k] = replace(
                        f, indicator=ind.numerator, role="numerator", whole=head.number_start
                    )
                else:
                    dens = ind.denominators
                    best, score = best_indicator(text, f, catalog, only=dens)
                    den = best if best is not None and score > 0 else dens[0] if dens else None
                    figs[k] = replace(f, indicator=den, role="denominator", whole=head.number_start)
            continue
        for k in inner:
            f = figs[k]
            ind_k = f.indicator
            if ind_k is not None and ind_k == head.indicator:
                ind_k, _ = best_indicator(text, f, catalog, exclude=(ind_k,))
            figs[k] = replace(f, indicator=ind_k, role="sub", whole=head.number_start)


def _enumerations(text: str, figs: list[Figure]) -> None:
    for i, f in enumerate(figs):
        if f.role is not None:
            continue
        s = _sentence_start(text, f.number_start)
        k = text.rfind("其中", s, f.number_start)
        if k < 0:
            continue
        whole = None
        for j in range(i - 1, -1, -1):
            w = figs[j]
            if w.number_start < s:
                break
            if w.number_end <= k and w.role is None:
                whole = w
                break
        if whole is not None:
            figs[i] = replace(f, role="part", whole=whole.number_start)


def _sub_measures(text: str, figs: list[Figure]) -> None:
    for i, f in enumerate(figs):
        whole_id = SUB_MEASURES.get(f.indicator or "")
        if whole_id is None:
            continue
        s = _sentence_start(text, f.number_start)
        stated = False
        for j in range(i - 1, -1, -1):
            if figs[j].number_start < s:
                break
            if figs[j].indicator == whole_id:
                stated = True
                break
        if not stated and f.role not in ("numerator", "denominator"):
            figs[i] = replace(f, indicator=whole_id)
