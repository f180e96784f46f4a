"""Pure helpers shared by every app: dates in Chinese, money in 分, ratios. No Django import here."""

from __future__ import annotations

from fazhi.lib.cn_date import cn_date, cn_date_short
from fazhi.lib.money import fen_to_yuan_text, parse_yuan_to_fen
from fazhi.lib.ratio import Ratio

__all__ = ["Ratio", "cn_date", "cn_date_short", "fen_to_yuan_text", "parse_yuan_to_fen"]
