"""Chinese and Arabic numerals → numbers."""

from __future__ import annotations

import re

DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def parse_chinese(text: str) -> int | None:
    """Parse a Chinese numeral such as 一百零六, 十一, 两, 一千七百, 二〇二三.

    Returns None when the text is not a well-formed numeral.
    """
    if not text or any(ch not in CN_CHARS for ch in text):
        return None
    if all(ch in DIGITS for ch in text):
        if len(text) == 1:
            return DIGITS[text]
        # 二〇二三: digit by digit (years, codes)
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = 0
    section = 0
    digit: int | None = None
    for ch in text:
        if ch in DIGITS:
            if digit:  # two non-zero digits in a row (一二百) is not a numeral
                return None
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            if section == 0 and total == 0:
                return None
            if BIG_UNITS[ch] > 10_000:
                total = (total + section) * BIG_UNITS[ch]
            else:
                total += section * BIG_UNITS[ch]
            section = 0
            digit = None
    section += digit or 0
    return total + section


def to_chinese(value: int) -> str:
    """Write a non-negative integer below 10^12 in Chinese numerals (for tests and messages)."""
    if value < 0:
        raise ValueError("negative")
    if value == 0:
        return "零"
    names = "零一二三四五六七八九"

    def below_10000(n: int) -> str:
        out = ""
        zero = False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = n // unit
            n %= unit
            if d:
                if zero:
                    out += "零"
                    zero = False
                out += names[d] + name
            elif out:
                zero = True
        return out

    parts: list[str] = []
    for unit, name in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        chunk = value // unit
        value %= unit
        if chunk:
            text = below_10000(chunk)
            if parts and chunk < 1000:
                text = "零" + text
            parts.append(text + name)
        elif parts and value:
            parts.append("")
    result = "".join(parts)
    result = re.sub("零+", "零", result).rstrip("零")
    if result.startswith("一十"):
        result = result[1:]
    return result


_ARABIC = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")


def parse_arabic(text: str) -> float | int | None:
    text = text.replace(" ", "")
    if not _ARABIC.match(text):
        return None
    clean = text.replace(",", "")
    if "." in clean:
        return float(clean)
    return int(clean)


_DIGIT_OF = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0}


def parse_number(text: str) -> float | int | None:
    """Arabic (1,234.5), Chinese (一千七百) or mixed (25万, 1.2亿)."""
    text = text.replace(" ", "")
    if not text:
        return None
    mult = 1
    if len(text) > 1 and text[-1] in BIG_UNITS and parse_arabic(text[:-1]) is not None:
        mult = BIG_UNITS[text[-1]]
        text = text[:-1]
    value: float | int | None = parse_arabic(text)
    if value is None and "点" in text:
        # 九十六点三: a Chinese decimal, the digits after 点 read one by one
        whole, _, frac = text.partition("点")
        head = parse_chinese(whole)
        digits = [_DIGIT_OF.get(ch) for ch in frac]
        if head is not None and frac and all(d is not None for d in digits):
            value = float(f"{head}." + "".join(str(d) for d in digits))
    if value is None:
        value = parse_chinese(text)
    if value is None:
        return None
    result = value * mult
    if isinstance(result, float) and result.is_integer() and mult > 1:
        return int(result)
    return result
