"""行政应诉 ledger: lawsuits against the jurisdiction's agencies under 《行政诉讼法》 (2017) and the
SPC's 2018 interpretation (Arts. 128–132) and 法释〔2020〕3号 on 负责人出庭应诉. One row per case
and instance (一审/二审/再审), one row per court hearing. Declared on the casework kit."""

from __future__ import annotations

from django.apps import AppConfig


class LitigationConfig(AppConfig):
    name = "fazhi.ledgers.litigation"
    label = "litigation"
    verbose_name = "行政应诉"
