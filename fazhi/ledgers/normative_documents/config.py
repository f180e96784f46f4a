"""The periods statutes.md §15 item 4 leaves to local rules, with their defaults. Override in
settings: `NORMATIVE_DOCUMENTS = {"review_working_days": 10, "filing_days": {"npc": 15}}`."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "review_working_days": 15,  # 合法性审核, from acceptance of the request (UNCONFIRMED)
    "review_minimum_working_days": 5,  # fewer allowed than this: a warning, not a refusal
    "filing_days": {"government": 30, "npc": 30},  # calendar days from publication
    "validity_years": 5,
    "evaluation_months": 6,  # before expiry
}


def config() -> dict[str, Any]:
    local: dict[str, Any] = getattr(settings, "NORMATIVE_DOCUMENTS", None) or {}
    out = {**DEFAULTS, **local}
    out["filing_days"] = {**DEFAULTS["filing_days"], **local.get("filing_days", {})}
    return out
