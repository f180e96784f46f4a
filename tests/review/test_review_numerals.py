"""Chinese numerals: known values and a round trip for any number we write."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review.numerals import parse_chinese, parse_number, to_chinese


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两", 2),
        ("〇", 0),
        ("十一", 11),
        ("一百零六", 106),
        ("一千七百", 1700),
        ("二百三十", 230),
        ("一万二千", 12000),
        ("一亿零五百万", 105_000_000),
        ("25万", 250_000),
        ("1.2万", 12_000),
        ("1,234", 1234),
        ("99.5", 99.5),
    ],
)
def test_known_numerals(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "十四五" + "x", "一二百", "万", "abc"])
def test_not_numerals(text: str) -> None:
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=10**11))
@settings(max_examples=400)
def test_parser_reads_back_any_number_written_in_chinese(value: int) -> None:
    assert parse_chinese(to_chinese(value)) == value


@given(st.text(max_size=30))
@settings(max_examples=300)
def test_parser_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or result >= 0
