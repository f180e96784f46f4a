"""The `mailbox.*` figures for any Scope.

口径 (also in docs/ledgers/mailbox.md):
- `letters_received`: letters whose 收信日期 is in the period.
- `letters_concluded`: letters replied to, or routed with the writer told, in the period.
- `letters_public` / `letters_nonpublic`: of the letters received in the period, those published
  with their reply / not (yet) published; the two add up to `letters_received`.
- `reply_time_limit`: the configured reply limit in working days (`settings.MAILBOX_REPLY_DAYS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Q

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.mailbox.clocks import reply_days
from fazhi.ledgers.mailbox.models import MailboxLetter

P = "mailbox."


def definitions(scope: Scope) -> dict[str, Q]:
    received = Q(received_on__gte=scope.start, received_on__lt=scope.end)
    return {
        P + "letters_received": received,
        P + "letters_concluded": Q(replied_on__gte=scope.start, replied_on__lt=scope.end),
        P + "letters_public": received & Q(published_on__isnull=False),
        P + "letters_nonpublic": received & Q(published_on__isnull=True),
    }


def _derive(row: Mapping[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    return {P + "reply_time_limit": reply_days()}


FIGURES = ModelLedger(MailboxLetter, definitions, list_url="mailbox:list", derive=_derive)
FIGURES.register("mailbox")


def build_section(scope: Scope) -> list[str]:
    f = {
        k: token(P + k)
        for k in (
            "letters_received",
            "letters_concluded",
            "completion_rate",
            "letters_public",
            "reply_time_limit",
        )
    }
    return [
        f"畅通政府信箱渠道，全年收到群众来信{f['letters_received']}件，办结{f['letters_concluded']}件，"
        f"办结率{f['completion_rate']}，公开信件及回复{f['letters_public']}件，"
        f"一般信件{f['reply_time_limit']}个工作日内答复。"
    ]


register_section(ledger="mailbox", part=1, order=41, title="", build=build_section)
