"""Figure tokens `{{fig:<indicator id>}}`: freezing their values and rendering them as text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from fazhi.indicators.catalog import KIND_RATE, get_catalog
from fazhi.indicators.compute import Figure, Snapshot
from fazhi.indicators.sections import TOKEN_RE
from fazhi.reports.models import AnnualReport, FigureToken

# Anything that looks like a token, well-formed or not, so that a typo is named rather than printed.
LOOSE_TOKEN_RE = TOKEN_RE.pattern.replace(r"([a-z0-9_]+\.[a-z0-9_]+)", r"([^}]*)")


class UnknownIndicator(ValueError):
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        super().__init__(
            "以下数字标记指向指标目录中没有的指标："
            + "、".join(tokens)
            + "。请改正或删除后再保存。"
        )


def ids_in(text: str) -> list[str]:
    return list(dict.fromkeys(TOKEN_RE.findall(text)))


def unknown_tokens(text: str) -> list[str]:
    """Tokens whose indicator is not in the catalog, as written (e.g. "{{fig:reconsideration.recieved}}")."""
    import re

    catalog = get_catalog()
    out = []
    for m in re.finditer(LOOSE_TOKEN_RE, text):
        if m.group(1).strip() not in catalog:
            out.append(m.group(0))
    return list(dict.fromkeys(out))


def display_text(fig: Figure) -> str:
    """How a figure reads in the report: "12件"; a rate with its 口径; a missing source marked."""
    if not fig.has_source:
        return f"【无数据来源：{fig.indicator.name_zh}】"
    if fig.indicator.kind == KIND_RATE:
        return f"{fig.text}（{fig.basis_text}）"
    return fig.text


def _dec(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def freeze(report: AnnualReport, fig: Figure) -> FigureToken:
    token, _ = FigureToken.objects.update_or_create(
        report=report,
        indicator_id=fig.id,
        defaults={
            "has_source": fig.has_source,
            "value": _dec(fig.value),
            "numerator": _dec(fig.numerator),
            "denominator": _dec(fig.denominator),
            "text": display_text(fig),
            "unit": fig.unit,
            "basis": fig.basis_text[:300],
            "row_count": fig.row_count,
            "url": fig.url[:500],
            "frozen_at": timezone.now(),
        },
    )
    return token


def freeze_new(report: AnnualReport, text: str, snapshot: Snapshot) -> list[FigureToken]:
    """Freeze the tokens of `text` that the report has no value for yet (existing ones keep theirs)."""
    have = set(report.figures.values_list("indicator_id", flat=True))
    return [freeze(report, snapshot[i]) for i in ids_in(text) if i not in have]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    indicator_id: str
    text: str


def render(text: str, tokens: dict[str, FigureToken]) -> tuple[str, list[Span]]:
    """Replace tokens by their frozen text; return the text and where each figure landed."""
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in TOKEN_RE.finditer(text):
        before = text[pos : m.start()]
        out.append(before)
        length += len(before)
        tok = tokens.get(m.group(1))
        shown = tok.text if tok is not None else f"【未取数：{m.group(1)}】"
        after = text[m.end() :]
        # "{{fig:x}}件" written by a section: the unit is already in the token's text.
        if tok is not None and tok.unit and shown.endswith(tok.unit) and after.startswith(tok.unit):
            shown = shown[: -len(tok.unit)]
        out.append(shown)
        spans.append(Span(length, length + len(shown), m.group(1), shown))
        length += len(shown)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans
