"""人民调解 ledger: disputes mediated by people's mediation committees under 《人民调解法》
(2011): committees (村居、乡镇街道、行业性、专业性) and their 专职/兼职 mediators, one row per
dispute with its parties' signatures (Art. 29), the one-month mediation period and the 30-day
window for 司法确认 (Art. 33), and on-the-spot consultations as a daily count. Declared on the
casework kit."""

from __future__ import annotations

from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "fazhi.ledgers.mediation"
    label = "mediation"
    verbose_name = "人民调解"
