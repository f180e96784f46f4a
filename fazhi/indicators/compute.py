"""Figures for a scope: every catalog id with value, unit, numerator, denominator, 口径 and rows.

Counts come from the ledgers' registrations (one `counts(scope)` call per ledger); rates are divided
here from the counts, with the 口径 in force for the jurisdiction and year; identities from the
catalog are checked on the result. An id whose ledger has not registered is "no data source", never 0.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Q

from fazhi.indicators import registry
from fazhi.indicators.catalog import KIND_RATE, Catalog, Identity, Indicator, get_catalog
from fazhi.indicators.scope import Scope
from fazhi.lib.ratio import Ratio

if TYPE_CHECKING:
    from fazhi.org.models import Jurisdiction

log = logging.getLogger(__name__)

NO_SOURCE = "无数据来源"
HOLDS, FAILS, NOT_EVALUABLE = "holds", "fails", "not_evaluable"
STATUS_ZH = {HOLDS: "成立", FAILS: "不成立", NOT_EVALUABLE: "无法核验"}


@dataclass(frozen=True)
class RateBasis:
    """Which ids a rate divides, and the 口径 text printed beside it."""

    numerator: str
    denominator: str
    note: str = ""
    source: str = "指标目录默认口径"

    def text(self, catalog: Catalog, num: Any = None, den: Any = None) -> str:
        n, d = catalog[self.numerator], catalog[self.denominator]
        left = f"{n.short_name}{_fmt(num)}{n.unit}" if num is not None else n.short_name
        right = f"{d.short_name}{_fmt(den)}{d.unit}" if den is not None else d.short_name
        out = f"{left} ÷ {right}"
        return f"{out}；{self.note}" if self.note else out


def _fmt(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


@dataclass
class Figure:
    indicator: Indicator
    has_source: bool
    value: int | Decimal | None = (
        None  # a rate's value is its percentage (None for a zero denominator)
    )
    numerator: int | Decimal | None = None
    denominator: int | Decimal | None = None
    basis: RateBasis | None = None
    basis_text: str = ""  # 口径, e.g. "纠错6件 ÷ 实体审结50件"
    row_count: int | None = None
    url: str = ""
    source: str = ""  # 台账, 填报 (registry.Registration.source); empty without a source

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def unit(self) -> str:
        return self.indicator.unit

    @property
    def ratio(self) -> Ratio | None:
        if self.indicator.kind != KIND_RATE or not self.has_source:
            return None
        return Ratio(int(self.numerator or 0), int(self.denominator or 0))

    @property
    def text(self) -> str:
        """The value as it is written in a report: "12件", "12.0%", "—" (zero denominator)."""
        if not self.has_source:
            return NO_SOURCE
        if self.indicator.kind == KIND_RATE:
            ratio = self.ratio
            assert ratio is not None
            return ratio.percent_text(1)
        return f"{self.number_text}{self.unit}"

    @property
    def number_text(self) -> str:
        if not self.has_source:
            return NO_SOURCE
        if self.indicator.kind == KIND_RATE:
            ratio = self.ratio
            assert ratio is not None
            return ratio.percent_text(1).rstrip("%")
        if self.value is None:
            return "—"
        if isinstance(self.value, Decimal):
            return format(
                self.value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize(), "f"
            )
        return str(self.value)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.indicator.name_zh,
            "kind": self.indicator.kind,
            "unit": self.unit,
            "has_source": self.has_source,
            "value": _json_number(self.value) if self.has_source else None,
            "text": self.text,
            "numerator": _json_number(self.numerator),
            "denominator": _json_number(self.denominator),
            "numerator_id": self.basis.numerator if self.basis else None,
            "denominator_id": self.basis.denominator if self.basis else None,
            "basis": self.basis_text,
            "row_count": self.row_count,
            "url": self.url,
            "source": self.source,
        }


def _json_number(value: int | Decimal | None) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    return value


@dataclass
class IdentityResult:
    identity: Identity
    status: str
    whole: int | Decimal | None = None
    total: int | Decimal | None = None
    used_parts: tuple[str, ...] = ()
    message: str = ""

    @property
    def status_zh(self) -> str:
        return STATUS_ZH[self.status]

    @property
    def name_zh(self) -> str:
        """The identity in Chinese, for pages: "收到行政复议申请＝受理＋不予受理＋…"."""
        return identity_name(self.identity)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.identity.id,
            "status": self.status,
            "whole": _json_number(self.whole),
            "sum_of_parts": _json_number(self.total),
            "parts": list(self.used_parts),
            "message": self.message,
        }


@dataclass
class Snapshot:
    scope: Scope
    figures: dict[str, Figure]
    identities: list[IdentityResult] = field(default_factory=list)
    jurisdiction: Any = None
    year: int | None = None

    def __getitem__(self, indicator_id: str) -> Figure:
        return self.figures[indicator_id]

    def available(self, indicator_id: str) -> bool:
        fig = self.figures.get(indicator_id)
        return fig is not None and fig.has_source and fig.value is not None

    def failing_identities(self) -> list[IdentityResult]:
        return [r for r in self.identities if r.status == FAILS]

    def as_dict(self) -> dict[str, Any]:
        return {
            "jurisdiction": getattr(self.jurisdiction, "code", None),
            "year": self.year,
            "start": self.scope.start.isoformat(),
            "end_exclusive": self.scope.end.isoformat(),
            "indicators": [f.as_dict() for f in self.figures.values()],
            "identities": [r.as_dict() for r in self.identities],
        }


# --- 口径 ---------------------------------------------------------------------------------------


def rate_bases(
    jurisdiction: Jurisdiction | None, year: int, catalog: Catalog | None = None
) -> dict[str, RateBasis]:
    """The 口径 of every rate for a jurisdiction and year: the nearest jurisdiction's latest row not
    after `year` (own, then ancestors, then the all-jurisdictions row), else the catalog default."""
    from fazhi.indicators.models import RateDefinition

    catalog = catalog or get_catalog()
    out: dict[str, RateBasis] = {}
    for ind in catalog.indicators.values():
        if ind.kind == KIND_RATE and ind.numerator and ind.denominators:
            out[ind.id] = RateBasis(ind.numerator, ind.denominators[0])
    # The chain of codes from the jurisdiction up to the root, read from its `path` (one query in
    # all, instead of one per ancestor); rank 0 is the jurisdiction itself, the last the root.
    codes: list[str] = []
    if jurisdiction is not None:
        codes = [c for c in jurisdiction.path.split("/") if c][::-1] or [
            j.code for j in (jurisdiction, *jurisdiction.ancestors())
        ]
    rank = {code: i for i, code in enumerate(codes)}
    rows = RateDefinition.objects.filter(
        Q(jurisdiction__code__in=codes) | Q(jurisdiction__isnull=True), year__lte=year
    ).values_list(
        "indicator_id",
        "year",
        "numerator",
        "denominator",
        "note",
        "jurisdiction__code",
        "jurisdiction__name",
    )
    best: dict[str, tuple[tuple[int, int], RateBasis]] = {}
    for ind_id, row_year, num, den, note, code, name in rows:
        key = (rank[code] if code is not None else len(codes), -row_year)
        if ind_id not in best or key < best[ind_id][0]:
            where = name if code is not None else "全部区划"
            best[ind_id] = (key, RateBasis(num, den, note, source=f"{where}自{row_year}年度口径"))
    for ind_id, (_, basis) in best.items():
        out[ind_id] = basis
    return out


# --- evaluation ---------------------------------------------------------------------------------


def _ledger_values(
    scope: Scope, catalog: Catalog
) -> dict[str, tuple[registry.Registration, int | Decimal]]:
    values: dict[str, tuple[registry.Registration, int | Decimal]] = {}
    for reg in registry.registrations():
        for ind_id, value in reg.counts(scope).items():
            if ind_id not in catalog.indicators:
                log.warning("台账 %s 返回了目录中没有的指标 %s，已忽略", reg.ledger, ind_id)
                continue
            if catalog[ind_id].kind == KIND_RATE:
                log.warning("台账 %s 返回了比率 %s；比率由分子分母计算，已忽略", reg.ledger, ind_id)
                continue
            values[ind_id] = (reg, value)
    for reg in registry.supplements():
        for ind_id, value in reg.counts(scope).items():
            if ind_id in values or ind_id not in catalog.indicators:
                continue  # a ledger's figure wins; never two sources for one id
            if catalog[ind_id].kind == KIND_RATE or registry.ledger_computing(ind_id):
                continue
            values[ind_id] = (reg, value)
    return values


def evaluate(
    scope: Scope,
    *,
    jurisdiction: Jurisdiction | None = None,
    year: int | None = None,
    with_rows: bool = True,
    ids: Iterable[str] | None = None,
) -> Snapshot:
    """Every catalog id (or just `ids`) for `scope`. `jurisdiction` and `year` choose the rates' 口径
    (defaults: catalog 口径, the year the scope starts in)."""
    catalog = get_catalog()
    year = year or scope.start.year
    wanted = list(ids) if ids is not None else list(catalog.indicators)
    values = _ledger_values(scope, catalog)
    bases = rate_bases(jurisdiction, year, catalog)
    figures: dict[str, Figure] = {}
    for ind_id in wanted:
        ind = catalog[ind_id]
        if ind.kind == KIND_RATE:
            figures[ind_id] = _rate(ind, bases.get(ind_id), values, scope, catalog, with_rows)
            continue
        if ind_id not in values:
            figures[ind_id] = Figure(ind, has_source=False, basis_text=ind.name_zh)
            continue
        reg, value = values[ind_id]
        fig = Figure(
            ind,
            has_source=True,
            value=value,
            basis_text=ind.name_zh,
            url=reg.drilldown_url(ind_id, scope),
            source=reg.source,
        )
        if with_rows:
            fig.row_count = reg.rows(ind_id, scope).count()
        figures[ind_id] = fig
    snap = Snapshot(scope=scope, figures=figures, jurisdiction=jurisdiction, year=year)
    if ids is None:
        snap.identities = check_identities(snap, catalog)
    return snap


def _rate(
    ind: Indicator,
    basis: RateBasis | None,
    values: dict[str, tuple[registry.Registration, int | Decimal]],
    scope: Scope,
    catalog: Catalog,
    with_rows: bool,
) -> Figure:
    if basis is None:
        return Figure(ind, has_source=False, basis_text="指标目录未规定分子分母")
    if basis.numerator not in values or basis.denominator not in values:
        return Figure(ind, has_source=False, basis=basis, basis_text=basis.text(catalog))
    num = values[basis.numerator][1]
    reg, den = values[basis.denominator]
    ratio = Ratio(int(num), int(den))
    fig = Figure(
        ind,
        has_source=True,
        value=ratio.percent,
        numerator=num,
        denominator=den,
        basis=basis,
        basis_text=basis.text(catalog, num, den),
        url=reg.drilldown_url(basis.denominator, scope),
        source=reg.source,
    )
    if with_rows:
        fig.row_count = reg.rows(basis.denominator, scope).count()
    return fig


def check_identities(snap: Snapshot, catalog: Catalog | None = None) -> list[IdentityResult]:
    catalog = catalog or get_catalog()
    return [check_identity(ident, snap, catalog) for ident in catalog.identities]


def identity_name(ident: Identity, catalog: Catalog | None = None) -> str:
    catalog = catalog or get_catalog()

    def name(i: str) -> str:
        ind = catalog.indicators.get(i)
        return ind.name_zh if ind else i

    parts = [name(p) for p in ident.parts]
    parts += [f"{name(p)}（如有）" for p in ident.optional_parts]
    return f"{name(ident.whole)}＝" + "＋".join(parts)


def check_identity(ident: Identity, snap: Snapshot, catalog: Catalog) -> IdentityResult:
    def name(i: str) -> str:
        return catalog[i].short_name if i in catalog else i

    if not snap.available(ident.whole):
        return IdentityResult(ident, NOT_EVALUABLE, message=f"缺少“{name(ident.whole)}”的数据来源")
    parts = list(ident.parts)
    # An undifferentiated figure may stand in for its split (驳回 for 驳回请求 + 驳回申请).
    for stand_in, group in ident.substitutes:
        if (
            all(g in parts for g in group)
            and not all(snap.available(g) for g in group)
            and snap.available(stand_in)
        ):
            parts = [p for p in parts if p not in group] + [stand_in]
    missing = [p for p in parts if not snap.available(p)]
    if missing:
        return IdentityResult(
            ident, NOT_EVALUABLE, message="缺少数据来源：" + "、".join(name(m) for m in missing)
        )
    parts += [p for p in ident.optional_parts if snap.available(p)]
    whole = snap[ident.whole].value
    total = sum((snap[p].value for p in parts), start=0)  # type: ignore[misc]
    unit = catalog[ident.whole].unit
    terms = " + ".join(f"{name(p)}{snap[p].value}" for p in parts)
    if whole == total:
        return IdentityResult(
            ident, HOLDS, whole, total, tuple(parts), f"{name(ident.whole)}{whole}{unit} = {terms}"
        )
    return IdentityResult(
        ident,
        FAILS,
        whole,
        total,
        tuple(parts),
        f"{name(ident.whole)}{whole}{unit} ≠ {terms} = {total}{unit}（相差{abs(whole - total)}{unit}）",  # type: ignore[operator]
    )


# --- roll-up views ------------------------------------------------------------------------------


def for_jurisdiction_year(jurisdiction: Jurisdiction, year: int, **kw: Any) -> Snapshot:
    """The roll-up figure of a jurisdiction-year: its own rows and those of everything below it."""
    return evaluate(Scope.year(jurisdiction, year), jurisdiction=jurisdiction, year=year, **kw)


def side_by_side(
    jurisdiction: Jurisdiction, year: int, ids: Iterable[str]
) -> list[tuple[Any, Snapshot]]:
    """Each child jurisdiction (a city's counties) with its own roll-up figures."""
    ids = list(ids)
    return [
        (
            child,
            evaluate(
                Scope.year(child, year), jurisdiction=child, year=year, ids=ids, with_rows=False
            ),
        )
        for child in jurisdiction.children.order_by("code")
    ]


def trend(
    jurisdiction: Jurisdiction, years: Iterable[int], ids: Iterable[str]
) -> list[tuple[int, Snapshot]]:
    ids = list(ids)
    return [(y, for_jurisdiction_year(jurisdiction, y, ids=ids, with_rows=False)) for y in years]
