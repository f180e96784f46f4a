"""Reconciliation before approval: what in the draft no longer matches the ledgers.

(a) figures whose indicator changed since drafting, (b) catalog identities that fail, (c) missing,
empty or placeholder parts and figures without a data source, (d) numbers typed by hand outside
tokens, (e) the deadlines. (a)–(d) block approval unless acknowledged with a written reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from fazhi.indicators.catalog import get_catalog
from fazhi.indicators.compute import Snapshot
from fazhi.indicators.sections import PARTS, TOKEN_RE
from fazhi.reports import tokens
from fazhi.reports.deadlines import progress
from fazhi.reports.draft import HEADING_PREFIX, PLACEHOLDER_RE, snapshot_for
from fazhi.reports.models import AnnualReport, FigureToken
from review import analyse_text, check

CHANGED, IDENTITY, PART, NO_SOURCE, HAND_TYPED, REVIEW = (
    "changed",
    "identity",
    "part",
    "no_source",
    "hand_typed",
    "review",
)
KIND_LABELS = {
    CHANGED: "数字与指标不一致",
    IDENTITY: "恒等式不成立",
    PART: "法定内容缺失或未填写",
    NO_SOURCE: "数字无数据来源",
    HAND_TYPED: "手工输入的数字未关联指标",
    REVIEW: "报告审查提示",
}

# A number with the measure word that makes it a figure (not a year, date, article or ordinal).
_NUM = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)"
_UNITS = r"(?:%|％|万元|亿元|元|件|人次|人|名|次|个|项|份|条|场|批次|批|家|户|本|处|天|日|工作日|篇|期|部|起|宗)"
HAND_NUMBER_RE = re.compile(rf"(?<![第\d.〔（(号])({_NUM})(?:余|多)?({_UNITS})")


@dataclass(frozen=True)
class Issue:
    kind: str
    key: str
    message: str
    blocking: bool = True

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class Reconciliation:
    report: AnnualReport
    snapshot: Snapshot
    issues: list[Issue] = field(default_factory=list)
    deadline_lines: list[str] = field(default_factory=list)

    @property
    def blocking(self) -> list[Issue]:
        return [i for i in self.issues if i.blocking]

    def unresolved(self, acknowledged: set[str]) -> list[Issue]:
        return [i for i in self.blocking if i.key not in acknowledged]


def _same(a: Decimal | None, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(a) == Decimal(str(b))


def hand_typed_numbers(text: str) -> list[str]:
    """Figures in the text that are not tokens: "共办理12件" typed by hand."""
    stripped = TOKEN_RE.sub("□", text)
    found = []
    for line in stripped.splitlines():
        if line.startswith(HEADING_PREFIX):
            continue
        for m in HAND_NUMBER_RE.finditer(line):
            if m.group(2) in {"日", "天"} and re.search(r"月$", line[: m.start()]):
                continue  # 3月1日 is a date
            found.append(m.group(0))
    return found


def reconcile(
    report: AnnualReport, *, today: dt.date | None = None, snapshot: Snapshot | None = None
) -> Reconciliation:
    today = today or timezone.localdate()
    catalog = get_catalog()
    # Reconciliation compares values; per-id row counts (one COUNT each) are not read here.
    snap = snapshot or snapshot_for(report, with_rows=False)
    rec = Reconciliation(report=report, snapshot=snap)
    parts = {p.number: p for p in report.parts.all()}
    used = {i for p in parts.values() for i in tokens.ids_in(p.text)}
    frozen: dict[str, FigureToken] = {t.indicator_id: t for t in report.figures.all()}

    # (a) figures whose indicator changed since drafting
    for ind_id in sorted(used):
        tok = frozen.get(ind_id)
        fig = snap.figures.get(ind_id)
        name = catalog[ind_id].name_zh if ind_id in catalog else ind_id
        if tok is None or fig is None:
            rec.issues.append(
                Issue(CHANGED, f"changed:{ind_id}", f"“{name}”没有取数记录，请重新取数")
            )
            continue
        now_text = tokens.display_text(fig)
        if (
            tok.has_source != fig.has_source
            or not _same(tok.value, fig.value)
            or not _same(tok.numerator, fig.numerator)
            or not _same(tok.denominator, fig.denominator)
        ):
            rec.issues.append(
                Issue(
                    CHANGED, f"changed:{ind_id}", f"“{name}”起草时为{tok.text}，台账现为{now_text}"
                )
            )
        elif not fig.has_source:
            rec.issues.append(
                Issue(NO_SOURCE, f"no_source:{ind_id}", f"“{name}”没有数据来源，正文中不能引用")
            )

    # (b) identities that fail for this jurisdiction-year
    for res in snap.failing_identities():
        rec.issues.append(Issue(IDENTITY, f"identity:{res.identity.id}", res.message))

    # (c) missing or empty statutory parts
    for number, title in PARTS.items():
        part = parts.get(number)
        body = [
            ln
            for ln in (part.text.splitlines() if part else [])
            if ln.strip() and not ln.startswith(HEADING_PREFIX)
        ]
        if part is None:
            rec.issues.append(Issue(PART, f"part:{number}", f"缺少法定内容“{title}”"))
        elif not body:
            rec.issues.append(Issue(PART, f"part:{number}", f"“{title}”没有正文"))
        elif any(PLACEHOLDER_RE.search(ln) for ln in body):
            rec.issues.append(Issue(PART, f"part:{number}", f"“{title}”仍有待补充的内容"))

    # (d) numbers typed by hand, with no indicator behind them
    for number, part in sorted(parts.items()):
        for found in hand_typed_numbers(part.text):
            rec.issues.append(
                Issue(
                    HAND_TYPED,
                    f"hand:{number}:{found}",
                    f"“{PARTS[number]}”中的“{found}”是手工输入的，没有关联指标",
                )
            )

    # review/ checks on the text as it will be published (advisory)
    rec.issues.extend(review_issues(report))

    # (e) deadlines
    rec.deadline_lines = [d.describe(today, on) for d, _, on in progress(report, report.year)]
    return rec


def review_issues(report: AnnualReport) -> list[Issue]:
    """The `review` package's checks on the rendered text, as advice (never blocking)."""
    from fazhi.reports.render import plain_text

    analysed = analyse_text(f"{report.jurisdiction.name}{report.year}", plain_text(report))
    return [
        Issue(REVIEW, f"review:{f.code}:{f.message}", f.message, blocking=False)
        for f in check(analysed)
    ]
