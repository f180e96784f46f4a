"""插入数据: the part editor's searchable list of catalog indicators, each with its current value for
the report's own scope (a unit's report counts that unit only), its 口径 and where it comes from.

The values come from `draft.snapshot_for`, the evaluation drafting and saving use, so the figure a
drafter picks is the one the saved part will show. A token already in the report keeps the value
frozen when it was first added; the list says so when that value differs from the ledgers' now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fazhi.indicators.catalog import get_catalog
from fazhi.indicators.compute import NO_SOURCE, Figure
from fazhi.indicators.sections import PARTS, sections_for, token
from fazhi.reports.draft import ORDINAL_RE, snapshot_for
from fazhi.reports.models import AnnualReport
from fazhi.reports.tokens import display_text

LIMIT = 20


@dataclass(frozen=True)
class Choice:
    figure: Figure
    ledger_name: str
    in_report: bool = False  # the report already has this figure (its value is frozen)
    frozen_text: str = ""  # that frozen value, when it differs from the ledgers' now

    @property
    def id(self) -> str:
        return self.figure.id

    @property
    def name(self) -> str:
        return self.figure.indicator.name_zh

    @property
    def token(self) -> str:
        return token(self.figure.id)

    @property
    def value_text(self) -> str:
        """ "3件", "37.5%"; "—" for a rate over zero; "无数据来源" without a source."""
        return self.figure.text

    @property
    def basis(self) -> str:
        """The 口径 worth printing: a rate's numerator ÷ denominator (a count's is its own name)."""
        fig = self.figure
        if fig.indicator.is_rate:
            return fig.basis_text
        return "" if fig.basis_text == fig.indicator.name_zh else fig.basis_text

    @property
    def basis_source(self) -> str:
        basis = self.figure.basis
        return basis.source if basis is not None and self.figure.indicator.is_rate else ""

    @property
    def source(self) -> str:
        return self.figure.source if self.figure.has_source else NO_SOURCE


@dataclass
class Choices:
    query: str
    rows: list[Choice] = field(default_factory=list)
    more: int = 0  # how many more match than are listed


def _ledger_words() -> dict[str, str]:
    """Each ledger's searchable Chinese words: its catalog name and its report sections' titles."""
    catalog = get_catalog()
    words = dict(catalog.ledgers)
    for part in PARTS:
        for section in sections_for(part):
            title = ORDINAL_RE.sub("", section.title).strip()
            if section.ledger in words and title:
                words[section.ledger] += " " + title
    return words


def _terms(query: str) -> list[str]:
    return [t.lower() for t in re.split(r"[\s,，、;；]+", query.strip()) if t]


def search(report: AnnualReport, query: str, *, limit: int = LIMIT) -> Choices:
    """The indicators matching `query` (every word in the Chinese name, the ledger's name or its
    report sections' titles, or the id). An empty query lists the indicators with data, those with
    a non-zero value first, in the catalog's ledger order."""
    catalog = get_catalog()
    snap = snapshot_for(report, with_rows=False, ids=list(catalog.indicators))
    ledger_order = {ledger: i for i, ledger in enumerate(catalog.ledgers)}
    ledger_words = _ledger_words()
    frozen = dict(report.figures.values_list("indicator_id", "text"))
    terms = _terms(query)

    ranked: list[tuple[tuple[int, ...], Figure]] = []
    for index, (ind_id, fig) in enumerate(snap.figures.items()):
        ind = fig.indicator
        ledger = ledger_order.get(ind.ledger, len(ledger_order))
        if not terms:
            if not fig.has_source:
                continue
            ranked.append(((0 if fig.value else 1, ledger, index), fig))
            continue
        name = ind.name_zh.lower()
        around = ledger_words.get(ind.ledger, "").lower()
        lowered = ind_id.lower()
        if not all(t in name or t in around or t in lowered for t in terms):
            continue
        if query.strip().lower() == lowered:
            rank = 0
        elif all(t in name for t in terms):
            rank = 1
        else:
            rank = 2
        ranked.append(((rank, 0 if fig.has_source else 1, ledger, index), fig))
    ranked.sort(key=lambda pair: pair[0])

    rows = []
    for _, fig in ranked[:limit]:
        was = frozen.get(fig.id)
        rows.append(
            Choice(
                fig,
                catalog.ledgers.get(fig.indicator.ledger, ""),
                in_report=was is not None,
                frozen_text=was if was is not None and was != display_text(fig) else "",
            )
        )
    return Choices(query=query.strip(), rows=rows, more=max(len(ranked) - limit, 0))
