"""普法/学法, 法律顾问/公职律师 and 党政主要负责人履职 (three catalog ledgers in one app): legal
publicity activities, venues and 法律明白人; officials' law study (常务会议学法, 中心组学法), training
and exams; the legal counsel and public lawyers retained by the government, the Party committee,
departments and villages, with the opinions they give; and the principal leaders' rule-of-law
duties — meetings, 批示, 述法 — which, with their court appearances read from the 行政应诉 ledger,
write part 3 of the annual report (statutes.md §12, §13). No clocks: these are registers."""

from __future__ import annotations

from django.apps import AppConfig


class LegalEducationConfig(AppConfig):
    name = "fazhi.ledgers.legal_education"
    label = "legal_education"
    verbose_name = "普法学法与履职"
