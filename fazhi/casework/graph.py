"""Each ledger's workflow drawn from its declarations (a Mermaid state diagram), for its docs
page; `manage.py ledger_graph <key>` prints it and a test keeps the docs in step."""

from __future__ import annotations

from typing import Any

from fazhi.casework.registry import LedgerSpec


def _label(states: dict[str, str], code: str) -> str:
    return states.get(code, code)


def mermaid(spec: LedgerSpec) -> str:
    if not spec.transitions:  # a register: a row is recorded, edited, never moved
        return "\n".join(
            ["```mermaid", "stateDiagram-v2", f"    [*] --> recorded: 登记{spec.noun}", "```"]
        )
    field = spec.model._meta.get_field("state")
    states = {str(k): str(v) for k, v in field.choices}
    lines = ["```mermaid", "stateDiagram-v2"]
    for code, label in states.items():
        lines.append(f"    {code}: {label}")
    lines.append(f"    [*] --> {field.default}: 登记")
    for t in spec.transitions:
        targets: list[Any]
        if t.target is None:
            targets = []  # the state stays: a record on the row
        elif callable(t.target):
            targets = ["*"]
        else:
            targets = [t.target]
        for source in t.source:
            for target in targets:
                to = source if target == "*" else target
                note = "（回到中止前的状态）" if target == "*" else ""
                lines.append(f"    {source} --> {to}: {t.label}{note}")
            if not targets:
                lines.append(f"    {source} --> {source}: {t.label}")
    lines.append("```")
    return "\n".join(lines)
