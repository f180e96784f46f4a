"""政府信箱 ledger (县长/市长信箱, statutes.md §8): letters with the writer's public/non-public
choice, routed by content (a disclosure request → 依申请公开; a complaint → 信访, the route
recorded), replied within the 12345 default limit (configurable), and published with the reply on
a public page. Its own app beside `disclosure`: the kit serves one ledger per app."""

from __future__ import annotations

from django.apps import AppConfig


class MailboxConfig(AppConfig):
    name = "fazhi.ledgers.mailbox"
    label = "mailbox"
    verbose_name = "政府信箱"
