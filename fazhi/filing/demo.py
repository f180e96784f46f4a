"""Demo 填报: a closed 2025 round of 示例县 covering every count id of the five ledger-less
families (信访, 政务服务, 审计, 应急管理, 办文办会), submitted by the 县政府办公室 and two townships
with evidence, one value returned and corrected, one submitted late after a recorded reopening;
the 口径 of the three rates those families publish."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from fazhi.filing import services
from fazhi.filing.models import FiledValue, FilingRound, FilingUnit
from fazhi.indicators.models import RateDefinition
from fazhi.org.demo import DemoContext, _user
from fazhi.org.models import Jurisdiction, Level, Role

ORDER = 900  # after the ledgers; before the units' reports (950), which quote these figures
FAMILIES = ("petitions", "gov_services", "gov_audit", "emergency", "office")
TOWNSHIPS = [("990102001", "城关镇"), ("990102002", "东河乡"), ("990102003", "西山镇")]
RATES = [
    (
        "petitions.completion_rate",
        "petitions.concluded",
        "petitions.total",
        "信访办结件数 ÷ 信访总量",
    ),
    (
        "gov_services.items_in_hall_rate",
        "gov_services.items_in_hall",
        "gov_services.items",
        "进驻大厅事项 ÷ 政务服务事项",
    ),
    (
        "gov_services.negative_review_rectification_rate",
        "gov_services.negative_reviews_rectified",
        "gov_services.negative_reviews",
        "差评回访整改件数 ÷ 差评件数",
    ),
]
# unit -> {id: value}; identities hold per unit (信访 total = letters + visits + online; drills =
# comprehensive + special + flood, the catalog's optional part, since each unit lists it beside).
VALUES: dict[str, dict[str, int]] = {
    "县政府办公室": {
        "office.internal_rules_revised": 6,
        "office.documents_issued": 412,
        "office.requests_processed": 236,
        "office.incoming_documents": 1580,
        "gov_services.items": 1286,
        "gov_services.items_in_hall": 1193,
        "gov_services.negative_reviews": 37,
        "gov_services.negative_reviews_rectified": 35,
        "gov_audit.projects": 14,
        "petitions.total": 120,
        "petitions.letters": 30,
        "petitions.visits": 40,
        "petitions.online": 50,
        "petitions.concluded": 118,
        "emergency.drills": 8,
        "emergency.drills_comprehensive": 3,
        "emergency.drills_special": 3,
        "emergency.drills_flood": 2,
    },
    "城关镇": {
        "petitions.total": 45,
        "petitions.letters": 10,
        "petitions.visits": 15,
        "petitions.online": 20,
        "petitions.concluded": 44,
        "emergency.drills": 4,
        "emergency.drills_comprehensive": 2,
        "emergency.drills_special": 1,
        "emergency.drills_flood": 1,
    },
    "东河乡": {
        "petitions.total": 22,
        "petitions.letters": 5,
        "petitions.visits": 7,
        "petitions.online": 10,
        "petitions.concluded": 22,
        "emergency.drills": 3,
        "emergency.drills_comprehensive": 1,
        "emergency.drills_special": 1,
        "emergency.drills_flood": 1,
    },
}
FAMILY_NAMES = {
    "petitions": "信访",
    "gov_services": "政务服务",
    "gov_audit": "审计",
    "emergency": "应急演练",
    "office": "办文办会",
}
PDF = b"%PDF-1.4\n%\xe6\xbc\x94\xe7\xa4\xba\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def townships(ctx: DemoContext) -> dict[str, Jurisdiction]:
    """示例县's townships (城关镇 is built by the org demo) and one person each who reports."""
    county = ctx.jurisdictions["990102"]
    out = {}
    for code, name in TOWNSHIPS:
        jur, _ = Jurisdiction.objects.get_or_create(
            code=code,
            defaults={"name": name, "level": Level.TOWNSHIP, "parent": county},
        )
        out[name] = jur
    ctx.users.setdefault(
        "cgz", _user("cgz", "孙镇干部", Role.COORDINATOR, out["城关镇"], None, "城关镇党政办")
    )
    ctx.users.setdefault(
        "dhx", _user("dhx", "钱乡干部", Role.COORDINATOR, out["东河乡"], None, "东河乡党政办")
    )
    ctx.users.setdefault(
        "xsz", _user("xsz", "李镇长", Role.LEADER, out["西山镇"], None, "西山镇镇长")
    )
    ctx.users.setdefault(
        "zfb",
        _user(
            "zfb",
            "马文书",
            Role.CLERK,
            county,
            ctx.departments[("990102", "县政府办公室")],
            "县政府办公室文书",
        ),
    )
    return out


def populate(ctx: DemoContext) -> None:
    county = ctx.jurisdictions["990102"]
    towns = townships(ctx)
    for ind, num, den, note in RATES:
        RateDefinition.objects.get_or_create(
            indicator_id=ind,
            jurisdiction=None,
            year=2023,
            defaults={"numerator": num, "denominator": den, "note": note},
        )
    if FilingRound.objects.filter(jurisdiction=county, year=2025).exists():
        return
    office = ctx.users["fzb"]
    ids = [i for i in services.fillable_ids() if i.split(".")[0] in FAMILIES]
    ban = ctx.departments[("990102", "县政府办公室")]
    rnd = services.open_round(
        county,
        year=2025,
        title="2025年度无台账指标填报（信访、政务服务、审计、应急管理、办文办会）",
        deadline=timezone.localdate(),
        indicator_ids=ids,
        units=[(ban, None), (None, towns["城关镇"]), (None, towns["东河乡"])],
        by=office,
    )
    submitters: dict[str, Any] = {
        "县政府办公室": ctx.users["zfb"],
        "城关镇": ctx.users["cgz"],
        "东河乡": ctx.users["dhx"],
    }
    units = {
        "县政府办公室": FilingUnit.objects.get(round=rnd, department=ban),
        "城关镇": FilingUnit.objects.get(round=rnd, township=towns["城关镇"]),
        "东河乡": FilingUnit.objects.get(round=rnd, township=towns["东河乡"]),
    }
    late = ("东河乡", "emergency.drills_flood")
    for name, values in VALUES.items():
        for ind, value in values.items():
            if (name, ind) == late:
                continue
            submitted = value + 2 if (name, ind) == ("城关镇", "petitions.total") else value
            v = services.submit_value(
                units[name],
                ind,
                str(submitted),
                note="据本单位台账统计",
                evidence=services.Evidence(f"{FAMILY_NAMES[ind.split('.')[0]]}统计表.pdf", PDF),
                by=submitters[name],
            )
            if submitted != value:  # returned with a reason, corrected, then approved
                services.return_value(v, by=office, reason="与信访信息系统导出数不符，请核对后重报")
                v = services.submit_value(
                    units[name],
                    ind,
                    str(value),
                    note="已按信访信息系统导出数更正",
                    evidence=None,
                    by=submitters[name],
                )
            services.approve(v, by=office)
    services.close_round(rnd, by=office)
    rnd.deadline = dt.date(2026, 1, 20)
    rnd.save(update_fields=["deadline"])
    unit = units[late[0]]
    services.reopen(
        unit, until=timezone.localdate(), reason="东河乡防汛演练记录迟交，准予补报", by=office
    )
    v = services.submit_value(
        unit,
        late[1],
        str(VALUES[late[0]][late[1]]),
        note="补报",
        evidence=services.Evidence("防汛演练记录.pdf", PDF),
        by=submitters[late[0]],
    )
    services.approve(v, by=office)
    unit.reopened_until = dt.date(2026, 1, 27)
    unit.save(update_fields=["reopened_until"])
    # When it happened: submitted in January 2026, reviewed a few days later (the demo runs today).
    for k, row in enumerate(FiledValue.objects.filter(unit__round=rnd).order_by("pk")):
        row.submitted_at = timezone.make_aware(dt.datetime(2026, 1, 8 + k % 10, 9 + k % 8, 30))
        row.reviewed_on = dt.date(2026, 1, 21 + k % 5)
        if row.late:  # after the 20 January deadline, under the reopening until 27 January
            row.submitted_at = timezone.make_aware(dt.datetime(2026, 1, 26, 10, 0))
            row.reviewed_on = dt.date(2026, 1, 27)
        row.save(update_fields=["submitted_at", "reviewed_on"])
    ctx.log.append(
        f"填报：{rnd.title}，{FiledValue.objects.filter(unit__round=rnd).count()}个数值已审核通过"
        "（账号 zfb 县政府办公室、cgz 城关镇、dhx 东河乡，密码同上）"
    )
