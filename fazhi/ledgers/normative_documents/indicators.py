"""The `normative_documents.*` figures for any Scope, and the report paragraph.

口径 (also in docs/ledgers/normative_documents.md):
- `issued`: documents published (公布日期) in the period.
- `reviewed`: of those, the ones with a passed 合法性审核 (同意/修改后同意) before publication;
  the publication gate makes this equal to `issued` for rows entered through the workflow.
- `filed`: of the documents issued in the period, those filed with every recipient (上一级人民
  政府 and 本级人大常委会), whenever filed; `filing_review_passed`: of those, the ones every
  recipient has passed (通过) — none 纠正/撤销, none pending.
- `cleanup_*`: one per document listed in a cleanup batch whose outcomes took effect in the
  period (生效日期), by outcome; 宣布失效 is counted with 废止 (glossary).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.normative_documents.models import CleanupEntry, Filing, NormativeDocument
from fazhi.ledgers.normative_documents.states import PASSED, FilingResult, Outcome
from fazhi.lib.ratio import Ratio

P = "normative_documents."
CLEANUP = {
    P + "cleanup_kept": (Outcome.KEPT,),
    P + "cleanup_amended": (Outcome.AMENDED,),
    P + "cleanup_repealed": (Outcome.REPEALED, Outcome.DECLARED_INVALID),
}
CLEANUP_IDS = frozenset({P + "cleanup_reviewed", *CLEANUP})


def _entries(scope: Scope) -> Any:
    return CleanupEntry.objects.filter(
        batch__jurisdiction_id__in=scope.ids,
        batch__applied_on__isnull=False,
        batch__effective_on__gte=scope.start,
        batch__effective_on__lt=scope.end,
    )


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the document rows it counts (one definition for counts and drill-down)."""
    issued = Q(published_on__gte=scope.start, published_on__lt=scope.end)
    unfiled = Filing.objects.filter(filed_on__isnull=True).values("document_id")
    not_passed = Filing.objects.exclude(result=FilingResult.PASSED).values("document_id")
    filed = issued & Q(pk__in=Filing.objects.values("document_id")) & ~Q(pk__in=unfiled)
    entries = _entries(scope)
    d = {
        "issued": issued,
        "reviewed": issued & Q(reviewed_on__isnull=False, review_result__in=PASSED),
        "filed": filed,
        "filing_review_passed": filed & ~Q(pk__in=not_passed),
        "cleanup_reviewed": Q(pk__in=entries.values("document_id")),
    }
    out = {P + k: v for k, v in d.items()}
    for key, outcomes in CLEANUP.items():
        out[key] = Q(pk__in=entries.filter(outcome__in=outcomes).values("document_id"))
    return out


def _cleanup_counts(scope: Scope) -> dict[str, Any]:
    """Per entry (a document listed twice in a period's batches counts twice, as reported)."""
    agg = _entries(scope).aggregate(
        n=Count("pk"),
        **{k.removeprefix(P): Count("pk", filter=Q(outcome__in=v)) for k, v in CLEANUP.items()},
    )
    out = {P + "cleanup_reviewed": agg["n"]}
    out.update({k: agg[k.removeprefix(P)] for k in CLEANUP})
    return out


FIGURES = ModelLedger(
    NormativeDocument,
    definitions,
    list_url="normative_documents:list",
    separate=CLEANUP_IDS,
    other_counts=_cleanup_counts,
)
FIGURES.register("normative_documents")


def timely_filing(scope: Scope) -> Ratio:
    """及时报备率 (indicators.json, note on `filing_rate`): of the filings made by documents
    issued in the period, those made by the due date of their own clock (each recipient's
    period, holidays rolled). Read from the stopped filing clocks."""
    from django.db.models import F

    from fazhi.clocks.models import Clock, State
    from fazhi.ledgers.normative_documents.clocks import FILING

    docs = NormativeDocument.objects.filter(
        jurisdiction_id__in=scope.ids, published_on__gte=scope.start, published_on__lt=scope.end
    )
    done = Clock.objects.filter(
        ledger="normative_documents",
        name__in=[s.name for s in FILING.values()],
        object_id__in=docs.values("pk"),
        state=State.STOPPED,
        outcome="",
    )
    return Ratio(done.filter(due_on__gte=F("stopped_on")).count(), done.count())


def build_section(scope: Scope) -> list[str]:
    """（二）严格规范性文件管理, part 一."""
    f = {k.removeprefix(P): token(P + k.removeprefix(P)) for k in definitions(scope)}
    for rate in ("legality_review_rate", "filing_rate", "review_pass_rate"):
        f[rate] = token(P + rate)
    return [
        "严格落实行政规范性文件合法性审核、集体审议和统一登记、统一编号、统一印发制度。"
        f"全年制定（公布）行政规范性文件{f['issued']}件，均经合法性审核{f['reviewed']}件，"
        f"合法性审核率{f['legality_review_rate']}；按规定报送备案{f['filed']}件，"
        f"报备率{f['filing_rate']}，备案审查通过{f['filing_review_passed']}件，"
        f"备案审查通过率{f['review_pass_rate']}。",
        f"开展行政规范性文件清理，共清理规范性文件{f['cleanup_reviewed']}件，"
        f"其中继续有效{f['cleanup_kept']}件、修改{f['cleanup_amended']}件、"
        f"废止或宣布失效{f['cleanup_repealed']}件。",
    ]


register_section(
    ledger="normative_documents",
    part=1,
    order=20,
    title="严格规范性文件管理",
    build=build_section,
)
