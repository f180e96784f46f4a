"""依申请公开 ledger (《政府信息公开条例》2019, statutes.md §4): one row per disclosure request, from
receipt (dated by channel, Art. 31) through 补正, consultation, fees and extension to the reply
(Art. 36 types, counted as the national annual-report table counts them); with the yearly
主动公开 and 政务新媒体 counts and the generated 政府信息公开工作年度报告 (国办公开办函〔2021〕30号).
The 政府信箱 is its own app (`fazhi.ledgers.mailbox`): the kit serves one ledger per app."""

from __future__ import annotations

from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "fazhi.ledgers.disclosure"
    label = "disclosure"
    verbose_name = "依申请公开"
