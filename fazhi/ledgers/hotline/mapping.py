"""The columns of a ticket import and the saved mappings of the platforms' exports onto them.

Our template uses `COLUMNS`' headers. A platform's export names them its own way (来电时间 for
受理日期, 工单状态…) and words its choices its own way (非常满意): a `PlatformMapping` says
{column key: the platform's header} and {column key: {the platform's word: our code}}; the spec
built from it reads the export as it comes, ignores the columns it does not name, and accepts
.csv as well as .xlsx."""

from __future__ import annotations

import dataclasses
from typing import Any

from fazhi.casework.sheets import model_columns
from fazhi.imports.columns import Column
from fazhi.ledgers.hotline.models import HotlineTicket

COLUMNS: list[Column] = model_columns(
    HotlineTicket,
    [
        "case_number",
        "received_on",
        "channel",
        "category",
        "title",
        "content",
        "requester_name",
        "requester_phone",
        "department",
        "dispatched_on",
        "return_count",
        "replied_on",
        "callback_on",
        "callback_reached",
        "rating",
        "rated_on",
        "rehandle_count",
        "concluded_on",
    ],
    required=["case_number", "received_on", "category", "title"],
    case_number={
        "comment": "12345平台的工单编号；再次导入同一编号的工单将更新该工单，不会重复登记"
    },
    department={"comment": "本区划部门名称（如“公安局”或“示例县公安局”）；直接答复的留空"},
    dispatched_on={"comment": "留空的，以受理日期为派单日期"},
    content={"max_length": 4000},
    callback_reached={"kind": "bool"},
)
BY_KEY = {c.key: c for c in COLUMNS}
REQUIRED = [c.key for c in COLUMNS if c.required]


def mapping_problems(columns: Any, values: Any) -> list[str]:
    """What is wrong with a mapping, in Chinese; [] when it can be used."""
    out: list[str] = []
    if not isinstance(columns, dict):
        return ["列对应关系应为“字段：平台列名”的对照表"]
    for key in REQUIRED:
        header = columns.get(key)
        if not isinstance(header, str) or not header.strip():
            out.append(f"缺少必填列“{BY_KEY[key].header}”的对应列名")
    seen: dict[str, str] = {}
    for key, header in columns.items():
        if key not in BY_KEY:
            out.append(f"未知字段“{key}”")
            continue
        if not isinstance(header, str) or not header.strip():
            if key not in REQUIRED:
                out.append(f"“{BY_KEY[key].header}”的对应列名不能为空")
            continue
        if header.strip() in seen:
            out.append(
                f"平台列名“{header.strip()}”同时对应“{seen[header.strip()]}”和“{BY_KEY[key].header}”"
            )
        seen[header.strip()] = BY_KEY[key].header
    if values and not isinstance(values, dict):
        out.append("取值对应关系应为“字段：{平台取值：系统取值}”的对照表")
        return out
    for key, table in (values or {}).items():
        col = BY_KEY.get(key)
        if col is None or col.kind != "choice":
            out.append(f"“{key}”不是有可选项的字段，不能设置取值对应")
            continue
        if not isinstance(table, dict):
            out.append(f"“{col.header}”的取值对应应为“平台取值：系统取值”的对照表")
            continue
        codes = {v for v, _ in col.choices} | set(col.labels)
        for word, code in table.items():
            if code not in codes:
                out.append(f"“{col.header}”的取值“{word}”对应的“{code}”不在可选项中")
    return out


def mapped_columns(columns: dict[str, str], values: dict[str, dict[str, str]]) -> list[Column]:
    """Our columns under the platform's headers (only those it names), with its wording added to
    the choices (a label → our code)."""
    out = []
    for col in COLUMNS:
        header = (columns.get(col.key) or "").strip()
        if not header:
            continue
        extra = values.get(col.key) or {}
        label_to_code = {label: code for code, label in col.choices}
        more = tuple((label_to_code.get(code, code), word) for word, code in extra.items())
        out.append(dataclasses.replace(col, header=header, choices=(*col.choices, *more)))
    return out


STANDARD_MAPPING = {c.key: c.header for c in COLUMNS}
