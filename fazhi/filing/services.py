"""What people do in 填报, each with a Chinese refusal that changes nothing: the office opens a
round, a unit submits (or corrects) a value with evidence, the office approves or returns it,
reopens a closed round for one unit, or closes the round."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from fazhi.casework.transitions import Transition, TransitionError
from fazhi.filing.models import FiledValue, FilingRound, FilingUnit, ValueState
from fazhi.indicators import registry
from fazhi.indicators.catalog import KIND_RATE, get_catalog
from fazhi.lib.cn_date import cn_date
from fazhi.org.models import Department, Jurisdiction, Level

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
# A scan (PDF or picture) or a spreadsheet/document; checked by the file's first bytes too.
EVIDENCE_TYPES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".xlsx": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
}


class FilingError(TransitionError):
    """A refused 填报 action; the message is shown and nothing is saved."""


@dataclass(frozen=True)
class Evidence:
    name: str
    data: bytes


def fillable_problem(indicator_id: str) -> str | None:
    """Why this id cannot be 填报 (None if it can): unknown, a rate, or computed by a ledger —
    decided from the indicator registry at run time, so a ledger added later takes over."""
    catalog = get_catalog()
    if indicator_id not in catalog.indicators:
        return f"指标目录中没有“{indicator_id}”"
    ind = catalog[indicator_id]
    if ind.kind == KIND_RATE:
        parts = [
            catalog[i].name_zh for i in (ind.numerator, *ind.denominators) if i and i in catalog
        ]
        hint = "请填报其分子和分母" + (f"（{'、'.join(parts)}）" if parts else "")
        return f"“{ind.name_zh}”是比率，不能直接填报：{hint}，比率由系统计算"
    ledger = registry.ledger_computing(indicator_id)
    if ledger is not None:
        name = catalog.ledgers.get(ledger, ledger)
        return f"“{ind.name_zh}”由{name}台账计算，不能再填报（同一数字只能有一个来源）"
    return None


def fillable_ids() -> list[str]:
    """Every catalog id that may be 填报 now."""
    return [i for i in get_catalog().indicators if fillable_problem(i) is None]


@transaction.atomic
def open_round(
    jur: Jurisdiction,
    *,
    year: int,
    title: str,
    deadline: dt.date | None,
    indicator_ids: list[str],
    units: list[tuple[Department | None, Jurisdiction | None]],
    by: Any,
) -> FilingRound:
    today = timezone.localdate()
    if not 2000 <= year <= today.year:
        raise FilingError(f"数据年度应在2000年至{today.year}年之间，您填写的是{year}")
    if deadline is None:
        raise FilingError("请填写截止日期")
    if deadline < today:
        raise FilingError(f"截止日期（{cn_date(deadline)}）不能早于今天")
    if not title.strip():
        raise FilingError("请填写填报轮次名称")
    ids = list(dict.fromkeys(indicator_ids))
    if not ids:
        raise FilingError("请至少选择一个填报指标")
    problems = [p for p in (fillable_problem(i) for i in ids) if p]
    if problems:
        raise FilingError("；".join(problems))
    taken = _ids_in_rounds(jur, year) & set(ids)
    if taken:
        names = "、".join(get_catalog()[i].name_zh for i in sorted(taken))
        raise FilingError(f"{year}年度已有填报轮次包含：{names}（同一数字只能填报一次）")
    if not units:
        raise FilingError("请至少选择一个填报单位")
    for dept, township in units:
        if dept is not None and dept.jurisdiction_id != jur.pk:
            raise FilingError(f"{dept.name}不属于{jur.name}")
        if township is not None and (
            township.parent_id != jur.pk or township.level != Level.TOWNSHIP
        ):
            raise FilingError(f"{township.name}不是{jur.name}下辖的乡镇（街道）")
    rnd = FilingRound(
        jurisdiction=jur,
        year=year,
        title=title.strip()[:100],
        deadline=deadline,
        indicator_ids=ids,
        opened_by=by,
    )
    rnd._history_user = by  # type: ignore[attr-defined]
    rnd.save()
    for dept, township in units:
        FilingUnit.objects.create(round=rnd, department=dept, township=township)
    return rnd


def _ids_in_rounds(jur: Jurisdiction, year: int) -> set[str]:
    return {
        i
        for ids in FilingRound.objects.filter(jurisdiction=jur, year=year).values_list(
            "indicator_ids", flat=True
        )
        for i in ids
    }


def parse_value(indicator_id: str, raw: str) -> Decimal:
    """A count typed by a unit: a non-negative whole number in the indicator's unit."""
    catalog = get_catalog()
    ind = catalog[indicator_id]
    text = raw.strip().replace(",", "").replace("，", "")
    if not text:
        raise FilingError(f"请填写“{ind.name_zh}”的数值")
    if text.endswith(("%", "％")):
        raise FilingError(
            f"“{ind.name_zh}”应填写{ind.unit}数，不能填写百分比：比率由系统从分子分母计算"
        )
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise FilingError(f"“{ind.name_zh}”的数值“{raw[:20]}”不是数字") from exc
    if not value.is_finite() or value < 0:
        raise FilingError(f"“{ind.name_zh}”的数值不能为负数")
    if value != value.to_integral_value():
        raise FilingError(f"“{ind.name_zh}”以{ind.unit}计，应为整数，您填写的是{text}")
    if value >= Decimal(10) ** 12:
        raise FilingError(f"“{ind.name_zh}”的数值过大，请核对")
    return value


def check_evidence(evidence: Evidence | None) -> Evidence:
    if evidence is None or not evidence.data:
        raise FilingError("请上传佐证材料（扫描件、表格等）")
    suffix = PurePath(evidence.name).suffix.lower()
    allowed = "、".join(EVIDENCE_TYPES)
    if suffix not in EVIDENCE_TYPES:
        raise FilingError(f"佐证材料不支持“{suffix or '无扩展名'}”格式，可上传：{allowed}")
    if len(evidence.data) > MAX_EVIDENCE_BYTES:
        raise FilingError(
            f"佐证材料过大（{len(evidence.data) / 1024 / 1024:.1f} MB），不能超过"
            f"{MAX_EVIDENCE_BYTES // 1024 // 1024} MB"
        )
    if not evidence.data.startswith(EVIDENCE_TYPES[suffix]):
        raise FilingError(
            f"佐证材料“{evidence.name[:60]}”的内容与扩展名{suffix}不符，文件可能已损坏"
        )
    return evidence


@transaction.atomic
def submit_value(
    unit: FilingUnit,
    indicator_id: str,
    raw_value: str,
    *,
    note: str,
    evidence: Evidence | None,
    by: Any,
) -> FiledValue:
    """A unit submits a value (or corrects a returned one). Refused after the round closed unless
    the office reopened it for this unit; refused for an id a ledger computes or a rate."""
    today = timezone.localdate()
    unit = FilingUnit.objects.select_for_update().select_related("round").get(pk=unit.pk)
    rnd = unit.round
    if indicator_id not in rnd.indicator_ids:
        problem = fillable_problem(indicator_id)
        raise FilingError(problem or "该指标不在本轮填报范围内")
    problem = fillable_problem(indicator_id)
    if problem:
        raise FilingError(problem)
    if not unit.accepts(today):
        raise FilingError(
            f"本轮填报已于{cn_date(rnd.deadline)}截止，不能再报送；"
            "如确需补报，请联系法治办为本单位准予补报"
        )
    value = parse_value(indicator_id, raw_value)
    existing = FiledValue.objects.filter(unit=unit, indicator_id=indicator_id).first()
    if existing is not None and existing.state == ValueState.APPROVED:
        raise FilingError("该数值已审核通过，不能修改")
    if existing is not None and existing.state == ValueState.SUBMITTED:
        raise FilingError("该数值正在审核，请等待审核结果")
    if existing is None or evidence is not None:
        evidence = check_evidence(evidence)
    row = existing or FiledValue(unit=unit, indicator_id=indicator_id)
    row.value = value
    row.note = note.strip()[:500]
    row.state = ValueState.SUBMITTED
    row.late = unit.is_reopened(today)
    row.submitted_by = by
    row.submitted_at = timezone.now()
    row.return_reason = row.return_reason if existing else ""
    row._history_user = by  # type: ignore[attr-defined]
    if evidence is not None:
        row.evidence_name = PurePath(evidence.name).name[-200:]
        row.evidence.save(row.evidence_name, ContentFile(evidence.data), save=False)
    row.save()
    return row


_approve = Transition(
    "approve",
    "通过",
    (ValueState.SUBMITTED,),
    ValueState.APPROVED,
    event="approved",
    perm="",
    inputs=("on",),
    date_field="reviewed_on",
    date_label="审核日期",
    changes=lambda r, ctx: {"reviewed_by": ctx.by},
)
_return = Transition(
    "return",
    "退回",
    (ValueState.SUBMITTED,),
    ValueState.RETURNED,
    event="returned",
    perm="",
    inputs=("on", "note"),
    date_field="reviewed_on",
    date_label="审核日期",
    note_field="return_reason",
    note_required="请填写退回理由，告诉填报单位需要如何修改",
    changes=lambda r, ctx: {"reviewed_by": ctx.by},
)


def approve(value: FiledValue, *, by: Any) -> None:
    problem = fillable_problem(value.indicator_id)
    if problem:  # a ledger registered since: its figure wins, the 填报 value is not approved
        raise FilingError(problem)
    _approve(value, by=by, on=timezone.localdate())


def return_value(value: FiledValue, *, by: Any, reason: str) -> None:
    _return(value, by=by, on=timezone.localdate(), note=reason.strip()[:300])


@transaction.atomic
def reopen(unit: FilingUnit, *, until: dt.date | None, reason: str, by: Any) -> None:
    """准予补报: the office reopens the round for one unit, until a date, with a reason."""
    today = timezone.localdate()
    if unit.round.is_open(today):
        raise FilingError("本轮填报尚未截止，不需要准予补报")
    if until is None or until < today:
        raise FilingError("请填写补报截止日期（不早于今天）")
    if not reason.strip():
        raise FilingError("请填写准予补报的理由")
    unit.reopened_until = until
    unit.reopened_by = by
    unit.reopened_at = timezone.now()
    unit.reopen_reason = reason.strip()[:300]
    unit._history_user = by  # type: ignore[attr-defined]
    unit.save(update_fields=["reopened_until", "reopened_by", "reopened_at", "reopen_reason"])


def close_round(rnd: FilingRound, *, by: Any) -> None:
    if rnd.closed_at is not None:
        raise FilingError("本轮填报已关闭")
    rnd.closed_at = timezone.now()
    rnd.closed_by = by
    rnd._history_user = by  # type: ignore[attr-defined]
    rnd.save(update_fields=["closed_at", "closed_by"])
