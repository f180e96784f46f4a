"""Import of the 12345 platform's export (xlsx or csv), idempotent by ticket number.

A ticket found again by its number (工单编号) in the jurisdiction is updated when the platform's
data changed and left alone when not (compared by a digest of the imported values kept on the
row), so importing the same export twice adds nothing. The whole file is checked first: a number
repeated in the file with different contents, an unknown department, dates out of order — every
problem is listed and nothing is saved. Rows are written in bulk with one history row each; the
reply clock starts (or stops) only for tickets whose platform state says the unit owes a reply.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.utils import timezone

from fazhi import clocks
from fazhi.casework.demo import agency_name
from fazhi.casework.effects import stop_if_open
from fazhi.casework.sheets import import_context
from fazhi.imports import matching, registry
from fazhi.imports.history import insert_values_audited, update_values_audited
from fazhi.imports.sheet import Problem, SheetSpec, Written
from fazhi.ledgers.hotline.clocks import reply_spec
from fazhi.ledgers.hotline.config import Rules, rules_for
from fazhi.ledgers.hotline.mapping import COLUMNS, mapped_columns, mapping_problems
from fazhi.ledgers.hotline.models import HotlineTicket, PlatformMapping
from fazhi.ledgers.hotline.states import WITH_UNIT, State
from fazhi.org.models import Department
from fazhi.workcal import calendar as wc

DATE_ORDER = [
    ("received_on", "受理日期"),
    ("dispatched_on", "派单日期"),
    ("replied_on", "回复日期"),
    ("callback_on", "回访日期"),
    ("rated_on", "评价日期"),
    ("concluded_on", "办结日期"),
]
CHUNK = 10_000  # new rows inserted per batch


def context_for(user: Any) -> dict[str, Any] | None:
    ctx = import_context(user, "hotline.add_case")
    if ctx is None:
        return None
    office = hotline_office(user.jurisdiction_id) or ctx["handling"]
    names: dict[str, Department] = {}
    for dept in ctx["departments"].values():
        names[dept.name] = dept
        names[agency_name(user.jurisdiction, dept)] = dept
    return {**ctx, "office": office, "departments": names, "today": timezone.localdate()}


def hotline_office(jurisdiction_id: int) -> Department | None:
    """The 12345 office of a jurisdiction: the 政府办公室 that hosts it, if there is one."""
    return (
        Department.objects.filter(jurisdiction_id=jurisdiction_id, name__contains="政府办公室")
        .order_by("id")
        .first()
    )


DIGEST = "_digest"  # kept in the parsed row by check_all for create


def digest(v: dict[str, Any], keys: list[str]) -> str:
    """The imported values' fingerprint: equal digests, nothing to update."""
    return hashlib.blake2b(repr([v.get(k) for k in keys]).encode(), digest_size=16).hexdigest()


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    """A number twice in the file: fine if the rows are identical, refused if not."""
    problems: list[Problem] = []
    keys = sorted(k for k in rows[0][1] if k != DIGEST) if rows else []
    seen: dict[str, tuple[int, str]] = {}
    for n, v in rows:
        h = v[DIGEST] = digest(v, keys)
        number = v.get("case_number")
        if not number:
            continue
        if number in seen:
            first, first_hash = seen[number]
            if h != first_hash:
                problems.append(
                    Problem(
                        n,
                        "",
                        f"工单编号“{number}”与第{first}行重复，但内容不同，请核对后只保留一行",
                    )
                )
        else:
            seen[number] = (n, h)
    return problems


def _date_problems(n: int, v: dict[str, Any], today: dt.date) -> list[Problem]:
    """The dates in the workflow's order and none after today (`date_problems`, with today read
    once per file rather than once per row)."""
    out: list[Problem] = []
    last_label, last = "", None
    for key, label in DATE_ORDER:
        d = v.get(key)
        if d is None:
            continue
        if last is not None and d < last:
            out.append(Problem(n, label, f"{label}早于{last_label}"))
        if d > today:
            out.append(Problem(n, label, f"{label}晚于今天"))
        last_label, last = label, d
    return out


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = _date_problems(n, v, context["today"])
    dept = v.get("department")
    if dept and dept not in context["departments"]:
        out.append(Problem(n, "承办单位", f"本区划没有名为“{dept}”的部门"))
    if v.get("replied_on") is None:
        for key, label in (
            ("callback_on", "回访日期"),
            ("rating", "评价结果"),
            ("concluded_on", "办结日期"),
        ):
            if v.get(key):
                out.append(Problem(n, label, f"已填写{label}，请填写回复日期"))
    if v.get("rated_on") and not v.get("rating"):
        out.append(Problem(n, "评价结果", "已填写评价日期，请填写评价结果"))
    for key, label in (("return_count", "退回次数"), ("rehandle_count", "重办次数")):
        if v.get(key) is not None and not 0 <= v[key] <= 99:
            out.append(Problem(n, label, f"{label}应为0至99之间的整数"))
    return out


def _state(v: dict[str, Any]) -> str:
    if v.get("concluded_on"):
        return State.CONCLUDED
    if v.get("rating"):
        return State.RATED
    if v.get("callback_on"):
        return State.CALLED_BACK
    if v.get("replied_on"):
        return State.REPLIED
    if v.get("department"):
        return State.HANDLING
    return State.RECEIVED


class _Due:
    """The unextended reply due date of a dispatch day under its year's rules (cached: an export
    has a few hundred distinct days), or None where the calendar is not confirmed."""

    def __init__(self, jurisdiction: Any) -> None:
        self.jurisdiction = jurisdiction
        self.rules: dict[int, Rules] = {}
        self.cache: dict[dt.date, dt.date | None] = {}

    def rules_of(self, day: dt.date) -> Rules:
        if day.year not in self.rules:
            self.rules[day.year] = rules_for(self.jurisdiction, day.year)
        return self.rules[day.year]

    def __call__(self, day: dt.date) -> dt.date | None:
        if day not in self.cache:
            try:
                self.cache[day] = wc.add_working_days(day, self.rules_of(day).reply_days)
            except wc.CalendarUnconfirmed:
                self.cache[day] = None
        return self.cache[day]


def as_stored(
    columns: list[Any], rows: list[dict[str, Any]], existing: dict[str, Any], jurisdiction: Any
) -> set[str]:
    """Numbers of tickets whose digest differs (entered on the page, or changed since their
    import) but whose every column already reads as the sheet has it: fazhi's own export
    imported again. Read only for those rows, so a platform's re-import costs nothing more."""
    stale = {
        v["case_number"]: v
        for v in rows
        if (found := existing.get(v["case_number"])) is not None and found[1] != v.get(DIGEST)
    }
    out: set[str] = set()
    numbers = list(stale)
    for i in range(0, len(numbers), 500):
        for t in HotlineTicket.objects.filter(
            jurisdiction=jurisdiction, case_number__in=numbers[i : i + 500]
        ).select_related("department"):
            v = stale[t.case_number]
            if all(matching.same(matching.stored(c, t), v.get(c.key)) for c in columns):
                out.add(t.case_number)
    return out


def create_from(columns: list[Any]) -> Any:
    keys = sorted(c.key for c in columns)
    present = [c.key for c in columns]

    def create(rows: list[dict[str, Any]], by: Any, context: Any) -> Written:
        jurisdiction = context["jurisdiction"]
        due_of = _Due(jurisdiction)
        existing = {
            number: (pk, h, state)
            for number, pk, h, state in HotlineTicket.objects.filter(
                jurisdiction=jurisdiction
            ).values_list("case_number", "pk", "import_hash", "state")
        }
        new: list[dict[str, Any]] = []
        new_ids: list[int] = []
        owing: list[int] = []

        def flush() -> None:
            # In chunks, so that 100,000 rows never sit in memory as 40-column dicts at once.
            ids = insert_values_audited(HotlineTicket, new, by=by, event="imported")
            new_ids.extend(ids)
            owing.extend(i for i, r in zip(ids, new, strict=True) if r["state"] in WITH_UNIT)
            new.clear()

        changed: list[dict[str, Any]] = []
        was: dict[int, str] = {}
        unchanged = 0
        done: set[str] = set()
        already = as_stored(columns, rows, existing, jurisdiction)
        for v in rows:
            number = v["case_number"]
            if number in done:
                continue  # an identical repeat of an earlier row of the file
            done.add(number)
            h = v.get(DIGEST) or digest(v, keys)
            found = existing.get(number)
            if found is not None and (found[1] == h or number in already):
                unchanged += 1
                continue
            dept = context["departments"].get(v.get("department") or "")
            dispatched = v.get("dispatched_on") or (v["received_on"] if dept else None)
            due = due_of(dispatched) if dispatched else None
            replied = v.get("replied_on")
            row: dict[str, Any] = {
                "state": _state(v),
                "dispatched_on": dispatched,
                "rated_on": v.get("rated_on")
                or (
                    v.get("callback_on") or v.get("concluded_on") or replied
                    if v.get("rating")
                    else None
                ),
                "replied_on_time": None if replied is None or due is None else replied <= due,
                "reply_due_on": due,
                "import_hash": h,
            }
            for key in present:
                if key in ("case_number", "dispatched_on", "rated_on"):
                    continue
                value = v.get(key)
                if key == "department":
                    row["department_id"] = dept.pk if dept else None
                elif key in ("return_count", "rehandle_count"):
                    row[key] = value or 0
                elif key == "callback_reached":
                    # An empty yes/no cell reads as 否: only a callback on record was reached or not.
                    row[key] = (
                        (bool(value) or bool(v.get("rating"))) if v.get("callback_on") else None
                    )
                elif key in ("channel", "rating") and value is None:
                    row[key] = "" if key == "rating" else "phone"
                else:
                    row[key] = value
            if found is None:
                row.update(
                    case_number=number,
                    case_year=v["received_on"].year,
                    case_serial=None,
                    jurisdiction_id=jurisdiction.pk,
                    office_id=context["office"].pk,
                )
                new.append(row)
                if len(new) >= CHUNK:
                    flush()
            else:
                row["id"] = found[0]
                was[found[0]] = found[2]
                changed.append(row)
        flush()
        if changed:
            fields = sorted({k for r in changed for k in r} - {"id"})
            update_values_audited(HotlineTicket, changed, fields=fields, by=by, event="imported")
        _clocks(owing, changed, was, by)
        return Written(created=len(new_ids), updated=len(changed), unchanged=unchanged)

    return create


def _clocks(
    new_ids: list[int], changed: list[dict[str, Any]], was: dict[int, str], by: Any
) -> None:
    """The reply clock of tickets the unit still owes a reply (started from the dispatch, in bulk),
    and stopped for updated tickets the platform now shows replied."""
    owing = set(WITH_UNIT)
    start = set(new_ids) | {
        r["id"] for r in changed if r["state"] in owing and was[r["id"]] not in owing
    }
    stop = {r["id"] for r in changed if r["state"] not in owing and was[r["id"]] in owing}
    if not (start or stop):
        return
    tickets = list(
        HotlineTicket.objects.filter(pk__in=sorted(start | stop)).select_related("jurisdiction")
    )
    rules: dict[tuple[int, int], Rules] = {}

    def spec_of(t: HotlineTicket, round_: int) -> Any:
        key = (t.jurisdiction_id, (t.dispatched_on or t.received_on).year)
        if key not in rules:
            rules[key] = rules_for(t.jurisdiction, key[1])
        return reply_spec(rules[key], round_)

    items = []
    for t in tickets:
        if t.pk in stop:
            spec = spec_of(t, t.rehandle_count)
            on = t.replied_on or t.dispatched_on or t.received_on
            stop_if_open(t, spec, on=on, by=by, outcome_label="已回复")
        elif t.state in owing and t.dispatched_on is not None:
            items.append((t, spec_of(t, 0), t.dispatched_on))
    clocks.start_many(items, by=by)


def build_spec(key: str, title: str, columns: list[Any], *, foreign: bool) -> SheetSpec:
    return SheetSpec(
        key=key,
        title=title,
        columns=columns,
        check_row=check_row,
        check_all=check_all,
        create=create_from(columns),
        context=context_for,
        foreign_export=foreign,
        match_existing=False,  # create() updates tickets by their 工单编号 itself
        instructions=[
            "一行一个工单；带*的列必填。工单编号为12345平台的编号：再次导入同一编号的工单会更新该工单，内容未变化的不作改动，不会重复登记。",
            "同一文件中同一工单编号出现多次且内容不同的，不予导入。承办单位须为本区划的部门。",
            "各日期不得早于前一环节的日期，也不得晚于今天。有评价结果、回访日期或办结日期的，须有回复日期。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "case_number": "SL2025030100012",
            "received_on": dt.date(2025, 3, 1),
            "channel": "电话",
            "category": "投诉",
            "title": "小区夜间施工噪音扰民",
            "department": "住房和城乡建设局",
            "dispatched_on": dt.date(2025, 3, 1),
            "replied_on": dt.date(2025, 3, 6),
            "rating": "满意",
            "concluded_on": dt.date(2025, 3, 10),
        },
    )


SPEC = registry.register(build_spec("hotline", "12345热线工单", COLUMNS, foreign=True))


def spec_for_mapping(arg: str) -> SheetSpec | None:
    """The spec of a saved platform mapping ("hotline__<pk>"); None if there is none such or it
    cannot be used (its problems are shown where it is edited)."""
    if not arg.isdigit():
        return None
    mapping = PlatformMapping.objects.select_related("jurisdiction").filter(pk=int(arg)).first()
    if mapping is None or mapping_problems(mapping.columns, mapping.values):
        return None
    columns = mapped_columns(mapping.columns, mapping.values or {})
    spec = build_spec(
        f"hotline__{mapping.pk}", f"12345热线工单（{mapping.name}）", columns, foreign=True
    )
    if mapping.jurisdiction is not None:
        code = mapping.jurisdiction.code

        def scoped(user: Any) -> dict[str, Any] | None:
            j = user.jurisdiction
            mine = j is not None and (j.code == code or code in (j.path or "").split("/"))
            return context_for(user) if mine else None

        spec.context = scoped
    return spec


registry.register_family("hotline", spec_for_mapping)
