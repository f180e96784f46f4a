"""Checks on one report: statutory contents, identities, rates, duplicates, vague 不足, copying."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from review.catalog import Catalog, Identity, load_catalog
from review.figures import Figure
from review.pipeline import Report
from review.structure import PART_LABELS
from review.units import APPROX, AT_LEAST, AT_MOST
from review.vague import copied_paragraphs, vagueness

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_ZH = {ERROR: "错误", WARNING: "警告", INFO: "提示"}
NEAR = 350  # characters: parts of an identity are stated close to the whole


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    section: str = ""
    span: str = ""
    start: int = -1
    end: int = -1
    ref: str = ""  # the catalog id it is about (an identity's), for the CLI and the JSON

    def to_json(self) -> dict[str, object]:
        return {
            "ref": self.ref,
            "code": self.code,
            "severity": self.severity,
            "section": self.section,
            "span": self.span,
            "start": self.start,
            "end": self.end,
            "message": self.message,
        }


@dataclass
class IdentityResult:
    identity: str
    holds: bool
    detail: str
    figures: list[Figure] = field(default_factory=list)
    partial: bool = False


def _fmt(v: float | int) -> str:
    if isinstance(v, float) and not v.is_integer():
        return f"{v:g}"
    return str(int(v))


def _name(catalog: Catalog, ind: str) -> str:
    i = catalog.indicators.get(ind)
    return i.name_zh if i else ind


def _usable(figs: list[Figure]) -> list[Figure]:
    """Figures that state a result: not frequencies, ranges or next year's targets."""
    return [
        f
        for f in figs
        if f.indicator and f.scope is None and f.upper is None and f.part != "next_year"
    ]


def _shown(f: Figure) -> str:
    return f.number_text if f.unit == "%" else f"{f.number_text}{f.unit}"


def _nearest(
    figs: list[Figure], ind: str, pos: int, exclude: set[int], pool: list[Figure] | None = None
) -> Figure | None:
    best = None
    for f in figs if pool is None else pool:
        if f.indicator != ind or id(f) in exclude:
            continue
        d = abs(f.number_start - pos)
        if d <= NEAR and (best is None or d < abs(best.number_start - pos)):
            best = f
    return best


class _Window:
    """The figures within a distance of a position, found by bisection: every relation
    checked here is between figures at most NEAR characters apart, so a report with
    thousands of figures is checked in linear time, not by scanning all of them per figure."""

    def __init__(self, figs: list[Figure]) -> None:
        self.figs = sorted(figs, key=lambda f: f.number_start)
        self.starts = [f.number_start for f in self.figs]

    def around(self, pos: int, radius: int = 2 * NEAR) -> list[Figure]:
        lo = bisect_left(self.starts, pos - radius)
        hi = bisect_right(self.starts, pos + radius)
        return self.figs[lo:hi]


def _candidates(whole: Figure, figs: list[Figure]) -> list[Figure]:
    """Figures that may be parts of `whole`.

    When the whole opens an enumeration (审结210件，其中维持90件、撤销23件…) its parts are the
    enumerated figures; otherwise any figure nearby, except those enumerated under another
    figure of the same measure and those qualifying another figure in brackets.
    """
    children = [f for f in figs if f.role == "part" and f.whole == whole.number_start]
    if len(children) >= 2:
        return children
    others = {
        g.number_start
        for g in figs
        if g.indicator == whole.indicator and g.number_start != whole.number_start
    }
    return [
        f
        for f in figs
        if not (f.role == "part" and f.whole in others)
        and not (f.role == "sub" and f.whole == whole.number_start)
    ]


def _members(ident: Identity) -> set[str]:
    return set(ident.parts) | set(ident.optional_parts) | {s for s, _ in ident.substitutes}


def _enumerated_identity(whole: Figure, figs: list[Figure], catalog: Catalog) -> str | None:
    """The identity whose parts the whole's enumeration lists (most children in its parts)."""
    children = [f.indicator for f in figs if f.role == "part" and f.whole == whole.number_start]
    best, best_n = None, 1
    for ident in catalog.identities:
        if ident.whole != whole.indicator:
            continue
        n = sum(1 for c in children if c in _members(ident))
        if n > best_n:
            best, best_n = ident.id, n
    return best


def _check_partition(
    ident: Identity, whole: Figure, figs: list[Figure], catalog: Catalog
) -> IdentityResult | None:
    exclude = {id(whole)}
    pool = _candidates(whole, figs)
    parts: list[Figure] = []
    names = list(ident.parts) + list(ident.optional_parts)
    substituted: set[str] = set()
    for sub, stands_for in ident.substitutes:
        f = _nearest(figs, sub, whole.number_start, exclude, pool)
        if f is not None and not any(
            _nearest(figs, p, whole.number_start, exclude, pool) for p in stands_for
        ):
            parts.append(f)
            exclude.add(id(f))
            substituted.update(stands_for)
    for name in names:
        if name in substituted:
            continue
        f = _nearest(figs, name, whole.number_start, exclude, pool)
        if f is not None:
            parts.append(f)
            exclude.add(id(f))
    if not parts:
        return None
    total = sum(p.value for p in parts)
    parts.sort(key=lambda p: p.number_start)
    expr = " + ".join(_fmt(p.value) for p in parts)
    loose = whole.qualifier is not None or any(p.qualifier for p in parts)
    stated = {p.indicator for p in parts}
    # 收到247件，其中受理212件、不予受理15件、受理前撤回13件: the 7 redirected (告知/转送) or
    # awaiting correction (补正) are optional parts a report often leaves out.
    unstated_optional = [o for o in ident.optional_parts if o not in stated]
    # 审结210件，其中维持…终止21件: the list breaks 审结 down by outcome; a different breakdown
    # of the same whole (实体审结 + 终止 + 驳回申请) is only partly stated by it.
    enumerated = _enumerated_identity(whole, figs, catalog)
    if enumerated is not None and enumerated != ident.id:
        unstated_optional += [p for p in ident.parts if p not in stated and p not in substituted]
    if len(parts) == 1 or unstated_optional and total <= whole.value:
        holds = total <= whole.value or loose
        if len(parts) == 1:
            ok = f"部分核对：{_fmt(total)} ≤ {_fmt(whole.value)}"
            bad = f"{_name(catalog, parts[0].indicator or '')}{_fmt(total)}大于{_name(catalog, whole.indicator or '')}{_fmt(whole.value)}"
        else:
            gap = "、".join(_name(catalog, o) for o in unstated_optional)
            ok = f"部分核对：{expr} = {_fmt(total)} ≤ {_fmt(whole.value)}（未列明：{gap}）"
            bad = ok
        return IdentityResult(ident.id, holds, ok if holds else bad, [whole, *parts], partial=True)
    if loose:
        holds = abs(total - whole.value) <= max(0.1 * whole.value, 10)
    else:
        holds = abs(total - whole.value) < 1e-9
    sign = "=" if holds else "≠"
    detail = f"{_fmt(whole.value)} {sign} {expr} = {_fmt(total)}"
    return IdentityResult(ident.id, holds, detail, [whole, *parts])


def _caseload(figs: list[Figure], pos: int) -> tuple[float, list[Figure]] | None:
    acc = _nearest(figs, "reconsideration.accepted", pos, set())
    if acc is None:
        return None
    carried = _nearest(figs, "reconsideration.carried_over", pos, set())
    members = [acc] + ([carried] if carried else [])
    return sum(f.value for f in members), members


def identity_results(report: Report, catalog: Catalog | None = None) -> list[IdentityResult]:
    """Every identity and rate of the catalog that the report's figures allow to check."""
    catalog = catalog or load_catalog()
    figs = _usable(report.figures)
    window = _Window(figs)
    results: list[IdentityResult] = []
    for ident in catalog.identities:
        wholes = [f for f in figs if f.indicator == ident.whole]
        if ident.id == "reconsideration.caseload_disposition" and not wholes:
            for concluded in (f for f in figs if f.indicator == "reconsideration.concluded"):
                near = window.around(concluded.number_start)
                cl = _caseload(near, concluded.number_start)
                if cl is None:
                    continue
                total, members = cl
                pending = _nearest(near, "reconsideration.pending", concluded.number_start, set())
                disposed = concluded.value + (pending.value if pending else 0)
                holds = disposed <= total if pending is None else abs(disposed - total) < 1e-9
                sign = "≥" if holds else "<"
                detail = f"在办案件 = {' + '.join(_fmt(m.value) for m in members)} = {_fmt(total)} {sign} 审结{_fmt(concluded.value)}"
                results.append(
                    IdentityResult(
                        ident.id, holds, detail, [concluded, *members], partial=pending is None
                    )
                )
            continue
        for whole in wholes:
            r = _check_partition(ident, whole, window.around(whole.number_start), catalog)
            if r is not None:
                results.append(r)
    results.extend(_rate_results(figs, window, catalog))
    return results


def _decimals(text: str) -> int:
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0


def _rate_results(figs: list[Figure], window: _Window, catalog: Catalog) -> list[IdentityResult]:
    out: list[IdentityResult] = []
    for rate in figs:
        ind = catalog.indicators.get(rate.indicator or "")
        if ind is None or ind.kind != "rate" or not ind.numerator:
            continue
        near = window.around(rate.number_start)
        num = _nearest(near, ind.numerator, rate.number_start, {id(rate)})
        if num is None:
            continue
        tol = 0.5 * 10 ** (-_decimals(rate.number_text))
        tried = []
        for den_id in ind.denominators:
            den = _nearest(near, den_id, rate.number_start, {id(rate), id(num)})
            if den is None or not den.value:
                continue
            computed = num.value / den.value * 100
            slack = tol + (2.0 if (num.qualifier or den.qualifier) else 0.0)
            if rate.qualifier == AT_LEAST:
                holds = computed >= rate.value - slack
            elif rate.qualifier == AT_MOST:
                holds = computed <= rate.value + slack
            elif rate.qualifier == APPROX:
                holds = abs(computed - rate.value) <= max(slack, 1.0)
            else:
                holds = abs(computed - rate.value) <= slack
            detail = f"{_fmt(num.value)} ÷ {_fmt(den.value)} = {computed:.2f}%，报告写 {rate.number_text}"
            tried.append(IdentityResult(ind.id, holds, detail, [num, den, rate]))
            if holds:
                break
        if tried:
            out.append(next((t for t in tried if t.holds), tried[0]))
    return out


def _section_of(report: Report, pos: int) -> str:
    sec = report.structure.section_at(pos)
    return f"{sec.marker}{sec.title}" if sec else "（正文开头）"


def check(
    report: Report, previous: Report | None = None, catalog: Catalog | None = None
) -> list[Finding]:
    """All findings for a report, errors first."""
    catalog = catalog or load_catalog()
    findings: list[Finding] = []
    for problem in report.problems:
        findings.append(Finding("unreadable", ERROR, problem))
    if not report.text.strip():
        return findings
    parts = report.structure.statutory_parts
    for part in ("achievements", "shortcomings", "leader_duties", "next_year"):
        if not parts.get(part):
            findings.append(
                Finding(
                    "missing_part",
                    ERROR,
                    f"缺少法定内容“{PART_LABELS[part]}”：《法治政府建设与责任落实督察工作规定》要求年度报告写明此项。",
                )
            )
    for r in identity_results(report, catalog):
        if r.holds:
            continue
        first = min(r.figures, key=lambda f: f.start)
        last = max(r.figures, key=lambda f: f.end)
        span = report.text[first.start : last.end] if last.end - first.start < 400 else first.span
        ind = catalog.indicators.get(r.identity)
        if ind is not None and ind.kind == "rate":
            findings.append(
                Finding(
                    "rate_unverified",
                    WARNING,
                    f"{ind.name_zh}与其分子分母对不上：{r.detail}。可能口径不同，请核对。",
                    _section_of(report, first.start),
                    span,
                    first.start,
                    last.end,
                )
            )
        else:
            whole = r.figures[0]
            findings.append(
                Finding(
                    "identity_failed",
                    ERROR,
                    f"勾稽关系不成立：{_name(catalog, whole.indicator or '')}"
                    f"应等于各分项之和，但 {r.detail}。",
                    _section_of(report, first.start),
                    span,
                    first.start,
                    last.end,
                    ref=r.identity,
                )
            )
    for f in report.figures:
        if f.unit == "%" and f.value > 100:
            findings.append(
                Finding(
                    "rate_over_100",
                    ERROR,
                    f"比率 {f.number_text} 超过100%，请核对。",
                    _section_of(report, f.start),
                    f.span,
                    f.start,
                    f.end,
                )
            )
    findings.extend(_duplicates(report, catalog))
    findings.extend(vagueness(report, _section_of))
    if previous is not None:
        findings.extend(copied_paragraphs(report, previous, _section_of))
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    findings.sort(key=lambda x: (order.get(x.severity, 3), x.start))
    return findings


def _same_sentence(text: str, a: int, b: int) -> bool:
    """No 。 or ； between a and b; looked at over a bounded stretch (linear time on text
    without sentence ends: figures 2,000 characters apart are not one sentence)."""
    if b - a > 2000:
        return False
    return not any(text.find(ch, a, b) >= 0 for ch in "。；")


def _duplicates(report: Report, catalog: Catalog) -> list[Finding]:
    out: list[Finding] = []
    seen: dict[str, Figure] = {}
    for f in _usable(report.figures):
        if f.indicator is None:
            continue
        prev = seen.get(f.indicator)
        if prev is None:
            seen[f.indicator] = f
            continue
        if prev.value == f.value or prev.unit != f.unit:
            continue
        if _same_sentence(report.text, prev.number_start, f.number_start):
            continue
        out.append(
            Finding(
                "duplicate_indicator",
                WARNING,
                f"同一指标“{_name(catalog, f.indicator)}”前后出现不同数值（{_shown(prev)} 与 "
                f"{_shown(f)}），请核对是否口径不同或有误。",
                _section_of(report, f.start),
                f.span,
                f.start,
                f.end,
            )
        )
    return out
