"""Demo helpers every ledger's `demo.py` uses: name pools, dates spread over a year, and the
places (county, its legal office, its other departments) rows go to."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from fazhi.org.models import Department, Jurisdiction

COUNTIES = ("990102", "990103")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海波宁斌鹏辉飞俊"
COMPANIES = [
    "建筑工程有限公司",
    "商贸有限公司",
    "餐饮管理有限公司",
    "物流有限公司",
    "农业专业合作社",
    "科技有限公司",
    "房地产开发有限公司",
]
PLACES = ["城关", "河西", "东岗", "南湖", "北山", "新民", "青石", "柳林"]


@dataclass
class Place:
    jurisdiction: Jurisdiction
    handling: Department  # the legal office (司法局)
    respondents: list[Department]  # the other departments


def places(ctx: Any) -> list[Place]:
    out = []
    for code in COUNTIES:
        depts = ctx.departments_of(code)
        handling = next(d for d in depts if d.is_legal_office)
        out.append(
            Place(ctx.jurisdictions[code], handling, [d for d in depts if not d.is_legal_office])
        )
    return out


def agency_name(jurisdiction: Jurisdiction, department: Department) -> str:
    """示例县公安局; a department already named 县… (县政府办公室) gives 示例县政府办公室."""
    name = department.name
    if name.startswith(jurisdiction.name[-1]):
        name = name[1:]
    return f"{jurisdiction.name}{name}"


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def company_name(rng: random.Random) -> str:
    return rng.choice(PLACES) + rng.choice(COMPANIES)


def pick(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def dates_in(rng: random.Random, year: int, n: int, today: dt.date) -> list[dt.date]:
    """`n` sorted random days of `year`, none after today."""
    first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
    span = (last - first).days
    if span < 0:
        return []
    return sorted(first + dt.timedelta(days=rng.randint(0, span)) for _ in range(n))
