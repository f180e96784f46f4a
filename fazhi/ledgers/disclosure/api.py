"""What other ledgers may know of disclosure requests (style.md: ledgers link only through api.py):
the requests a 行政复议 case or a lawsuit arose from, shown on their pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RequestRef:
    case_number: str
    label: str  # "张三·已答复（部分公开）"
    url: str


def _refs(**filters: int) -> list[RequestRef]:
    from fazhi.ledgers.disclosure.models import DisclosureRequest

    qs = DisclosureRequest.objects.filter(**filters).order_by("id")
    out = []
    for r in qs:
        result = f"（{r.get_reply_type_display()}）" if r.reply_type else ""
        out.append(
            RequestRef(
                r.case_number,
                f"{r.applicant_name}·{r.get_state_display()}{result}",
                r.get_absolute_url(),
            )
        )
    return out


def requests_behind_reconsideration(case_pk: int) -> list[RequestRef]:
    return _refs(reconsideration_case_id=case_pk)


def requests_behind_lawsuit(case_pk: int) -> list[RequestRef]:
    return _refs(litigation_case_id=case_pk)
