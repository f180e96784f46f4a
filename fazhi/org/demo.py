"""The demo county. `load_demo` builds the org tree and users here, then calls `populate(ctx)`
in every app's `demo.py` (found with autodiscover, so the kernel never names a ledger)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.db import transaction

from fazhi.org.models import Department, Jurisdiction, Level, Role, User

DEMO_PASSWORD = "fazhi2025"

# (code, name, level, parent code, doc prefix)
JURISDICTIONS = [
    ("990000", "示例省", Level.PROVINCE, None, "示省"),
    ("990100", "示例市", Level.CITY, "990000", "示市"),
    ("990102", "示例县", Level.COUNTY, "990100", "示"),
    ("990103", "样板县", Level.COUNTY, "990100", "样"),
    ("990102001", "城关镇", Level.TOWNSHIP, "990102", "城"),
]

# Departments of each county (and the city): the 司法局 hosts the 复议机构 and the 法治办.
COUNTY_DEPARTMENTS = [
    ("司法局", True),
    ("县政府办公室", False),
    ("公安局", False),
    ("市场监督管理局", False),
    ("自然资源局", False),
    ("人力资源和社会保障局", False),
    ("住房和城乡建设局", False),
    ("生态环境局", False),
    ("城市管理局", False),
    ("交通运输局", False),
]


@dataclass
class DemoContext:
    jurisdictions: dict[str, Jurisdiction]
    departments: dict[tuple[str, str], Department]  # (jurisdiction code, name)
    users: dict[str, User]
    rng: random.Random
    scale: int | None = None
    log: list[str] = field(default_factory=list)

    def departments_of(self, code: str) -> list[Department]:
        return [d for (c, _), d in self.departments.items() if c == code]


def _user(
    username: str,
    full_name: str,
    role: Role,
    jur: Jurisdiction,
    dept: Department | None,
    title: str = "",
) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "full_name": full_name,
            "role": role,
            "jurisdiction": jur,
            "department": dept,
            "title": title,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def build_org(seed: int = 2025) -> DemoContext:
    jurs: dict[str, Jurisdiction] = {}
    for code, name, level, parent, prefix in JURISDICTIONS:
        jur, _ = Jurisdiction.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "level": level,
                "parent": jurs.get(parent or ""),
                "doc_prefix": prefix,
            },
        )
        jurs[code] = jur
    depts: dict[tuple[str, str], Department] = {}
    for code in ("990100", "990102", "990103"):
        for name, legal in COUNTY_DEPARTMENTS:
            if code == "990100":
                name = name.replace("县政府", "市政府")
            dept, _ = Department.objects.get_or_create(
                jurisdiction=jurs[code], name=name, defaults={"is_legal_office": legal}
            )
            depts[(code, name)] = dept
    users = {
        "admin": _user("admin", "系统管理员", Role.ADMIN, jurs["990102"], None),
        # A second administrator: a new calendar year is entered by one and confirmed by another.
        "admin2": _user("admin2", "系统管理员（复核）", Role.ADMIN, jurs["990102"], None),
        "fzb": _user(
            "fzb",
            "王法治",
            Role.COORDINATOR,
            jurs["990102"],
            depts[("990102", "司法局")],
            "法治办科长",
        ),
        "fuyi": _user(
            "fuyi",
            "李复议",
            Role.LEGAL_OFFICER,
            jurs["990102"],
            depts[("990102", "司法局")],
            "行政复议科承办人",
        ),
        "fuyi_head": _user(
            "fuyi_head",
            "赵科长",
            Role.LEADER,
            jurs["990102"],
            depts[("990102", "司法局")],
            "司法局局长（复议机构负责人）",
        ),
        "gaj": _user(
            "gaj",
            "陈法制",
            Role.LEGAL_OFFICER,
            jurs["990102"],
            depts[("990102", "公安局")],
            "公安局法制员",
        ),
        "scj": _user(
            "scj",
            "周录入",
            Role.CLERK,
            jurs["990102"],
            depts[("990102", "市场监督管理局")],
            "市场监管局录入员",
        ),
        "xianzhang": _user("xianzhang", "孙县长", Role.LEADER, jurs["990102"], None, "县长"),
        "yb_fzb": _user(
            "yb_fzb",
            "吴统筹",
            Role.COORDINATOR,
            jurs["990103"],
            depts[("990103", "司法局")],
            "样板县法治办",
        ),
        "yb_fuyi_head": _user(
            "yb_fuyi_head",
            "钱局长",
            Role.LEADER,
            jurs["990103"],
            depts[("990103", "司法局")],
            "样板县司法局局长（复议机构负责人）",
        ),
        "yb_fuyi": _user(
            "yb_fuyi",
            "郑承办",
            Role.LEGAL_OFFICER,
            jurs["990103"],
            depts[("990103", "司法局")],
            "样板县复议承办人",
        ),
        "city": _user(
            "city", "冯督察", Role.SUPERIOR_VIEWER, jurs["990100"], None, "示例市司法局督察"
        ),
    }
    for admin in (users["admin"], users["admin2"]):
        if not admin.is_superuser:
            admin.is_superuser = True
            admin.is_staff = True
            admin.save(update_fields=["is_superuser", "is_staff"])
    return DemoContext(jurisdictions=jurs, departments=depts, users=users, rng=random.Random(seed))


LOGINS = [
    ("admin", "系统管理员（全部数据、后台）"),
    ("admin2", "第二位系统管理员（确认 admin 录入的新年度日历）"),
    ("fzb", "示例县法治办统筹人员（全县数据、年度报告）"),
    ("fuyi", "示例县司法局行政复议承办人"),
    ("fuyi_head", "示例县复议机构负责人（批准延期）"),
    ("gaj", "示例县公安局法制员（仅本部门）"),
    ("city", "示例市上级查看（各县只读汇总）"),
]
