"""The `legality_review.*` figures, from review rows, for any Scope.

口径 (also in docs/ledgers/legality_review.md): every figure counts the items whose 审核意见 is
dated in the period (出具审核意见日期), whatever their later feedback.
- `contracts_reviewed`: 合同 and 行政协议.
- `documents_reviewed`: every kind (合同、行政协议、其他涉法文件、会议议题), the combined figure
  many reports give.
- `opinions`: the sum of the opinions (条) given in those reviews; its rows are the reviews that
  gave at least one.
- `amount`: the sum of the reviewed contracts' amounts, in 万元 (stored in 分; rounded to 0.01
  万元 only when printed); contracts without an amount add nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.ledgers.legality_review.states import CONTRACTS

P = "legality_review."
FEN_PER_WAN = 1_000_000  # 1 万元 = 10,000 元 = 1,000,000 分


def _reviewed(scope: Scope) -> Q:
    return Q(reviewed_on__gte=scope.start, reviewed_on__lt=scope.end)


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the rows it counts (one definition for counts and drill-down)."""
    reviewed = _reviewed(scope)
    return {
        P + "contracts_reviewed": reviewed & Q(kind__in=CONTRACTS),
        P + "documents_reviewed": reviewed,
    }


def _extra(scope: Scope, defs: dict[str, Q]) -> dict[str, Any]:
    return {
        "opinion_sum": Sum("opinion_count", filter=defs[P + "documents_reviewed"]),
        "amount_sum": Sum("amount_fen", filter=defs[P + "contracts_reviewed"]),
    }


def _derive(row: Mapping[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    return {
        P + "opinions": row["opinion_sum"] or 0,
        P + "amount": Decimal(row["amount_sum"] or 0) / FEN_PER_WAN,
    }


def _extra_rows(indicator_id: str, scope: Scope, defs: dict[str, Q]) -> Q | None:
    if indicator_id == P + "opinions":
        return defs[P + "documents_reviewed"] & Q(opinion_count__gt=0)
    if indicator_id == P + "amount":
        return defs[P + "contracts_reviewed"] & Q(amount_fen__gt=0)
    return None


FIGURES = ModelLedger(
    LegalityReview,
    definitions,
    list_url="legality_review:list",
    extra_aggregates=_extra,
    derive=_derive,
    extra_rows=_extra_rows,
)
FIGURES.register("legality_review")


def build_sentence(scope: Scope) -> list[str]:
    """The legality-review sentence of part 一 (the 睢县 report's “审核各类合同、协议、涉法文件
    120余份，提出审核意见600余条”, from rows)."""
    f = {
        k: token(P + k) for k in ("documents_reviewed", "contracts_reviewed", "amount", "opinions")
    }
    return [
        "规范涉法事务审核，积极发挥法律顾问、公职律师作用，全年审核各类合同、协议、涉法文件"
        f"{f['documents_reviewed']}，其中合同（协议）{f['contracts_reviewed']}、涉及金额{f['amount']}，"
        f"提出审核意见{f['opinions']}。"
    ]


# Right after the 重大行政决策 paragraph (22), under its heading.
register_section(ledger="legality_review", part=1, order=23, title="", build=build_sentence)
