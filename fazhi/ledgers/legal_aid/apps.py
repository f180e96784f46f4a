"""法律援助 ledger: legal-aid applications and criminal-case notifications under 《法律援助法》
(2022): the economic-hardship basis or the Art. 32 exemptions, the 7-day decision (supplement
time paused), assignment within 3 days, written refusal and objection (5 days), deemed
withdrawal when a supplement notice lapses, detainees' requests forwarded within 24 hours, the
先行提供 alert before a limitation date; consultations and documents drafted as counts.
Declared on the casework kit."""

from __future__ import annotations

from django.apps import AppConfig


class LegalAidConfig(AppConfig):
    name = "fazhi.ledgers.legal_aid"
    label = "legal_aid"
    verbose_name = "法律援助"
