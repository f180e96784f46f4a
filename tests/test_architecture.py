"""The dependency rules of style.md §1, checked on the source with ast."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _py_files(folder: str) -> list[Path]:
    return [p for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts]


def test_nothing_outside_ledgers_imports_a_ledger() -> None:
    offenders = []
    for path in _py_files("fazhi"):
        rel = path.relative_to(ROOT)
        if rel.parts[:2] == ("fazhi", "ledgers"):
            continue
        for name in _imports(path):
            if name.startswith("fazhi.ledgers"):
                offenders.append(f"{rel}: {name}")
    assert offenders == []


def test_ledgers_reach_each_other_only_through_api() -> None:
    offenders = []
    for path in _py_files("fazhi/ledgers"):
        rel = path.relative_to(ROOT)
        if len(rel.parts) < 4:
            continue
        own = rel.parts[2]
        for name in _imports(path):
            parts = name.split(".")
            if parts[:2] == ["fazhi", "ledgers"] and len(parts) > 2 and parts[2] != own:
                if parts[3:] != ["api"]:
                    offenders.append(f"{rel}: {name}")
    assert offenders == []


def test_lib_and_review_do_not_import_django() -> None:
    offenders = []
    for folder in ("fazhi/lib", "review"):
        for path in _py_files(folder):
            for name in _imports(path):
                own = folder.replace("/", ".")
                if name.split(".")[0] == "django" or (
                    name.startswith("fazhi") and not name.startswith(own)
                ):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_every_module_has_future_annotations() -> None:
    missing = []
    for folder in ("fazhi", "review"):
        for path in _py_files(folder):
            text = path.read_text(encoding="utf-8")
            body = ast.parse(text).body
            only_docstring = all(
                isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) for n in body
            )
            if not only_docstring and "from __future__ import annotations" not in text:
                missing.append(str(path.relative_to(ROOT)))
    assert missing == []


def test_the_guard_rejects_bare_update_on_audited_models(db: None) -> None:
    import pytest

    from fazhi.audit import audited_models

    models = audited_models()
    assert models, "没有任何模型启用审计历史"
    with pytest.raises(AssertionError, match="update_if"):
        models[0]._default_manager.filter(pk=-1).update()


def test_pages_stay_chinese_whatever_the_browser_asks(client, officer) -> None:  # noqa: ANN001
    from django.urls import reverse

    client.force_login(officer)
    resp = client.post(
        reverse("reconsideration:create"),
        {"received_on": "x"},
        HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9",
    )
    page = resp.content.decode()
    assert "输入一个有效的日期" in page and "Enter a valid date" not in page


KERNEL = (
    "lib",
    "org",
    "workcal",
    "clocks",
    "audit",
    "indicators",
    "imports",
    "reports",
    "casework",
)


def _kernel_app(name: str) -> str | None:
    parts = name.split(".")
    if len(parts) >= 2 and parts[0] == "fazhi" and parts[1] in KERNEL:
        return parts[1]
    return None


def test_kernel_apps_form_no_import_cycle() -> None:
    """Every import between kernel apps, inside functions too, points one way: the graph has no
    cycle (workcal once imported clocks inside a function while clocks imports workcal)."""
    edges: dict[str, set[str]] = {k: set() for k in KERNEL}
    for app in KERNEL:
        for path in _py_files(f"fazhi/{app}"):
            for name in _imports(path):
                target = _kernel_app(name)
                if target is not None and target != app:
                    edges[app].add(target)
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycle.extend([*trail, node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for app in KERNEL:
        if app not in state:
            visit(app, [])
    assert cycle == [], " → ".join(cycle)


def test_no_relative_imports() -> None:
    offenders = []
    for folder in ("fazhi", "review", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.level > 0:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def _code_strings(tree: ast.AST) -> list[str]:
    """String constants that are not docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]


# Codes that spell a ledger's key without naming the ledger: the 行政行为类别 政府信息公开 is
# `disclosure` in the kit's shared choice list (the 依申请公开 ledger's key too).
NOT_A_LEDGER_NAME = {("fazhi/casework/choices.py", "disclosure")}


def test_no_kernel_module_names_a_ledger() -> None:
    """The kernel finds ledgers through registries; no kernel code spells a ledger's name."""
    ledgers = {p.name for p in (ROOT / "fazhi" / "ledgers").iterdir() if (p / "apps.py").is_file()}
    assert {"reconsideration", "litigation"} <= ledgers
    offenders = []
    for app in KERNEL:
        for path in _py_files(f"fazhi/{app}"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for text in _code_strings(tree):
                offenders += [
                    f"{path.relative_to(ROOT)}: {text!r}"
                    for x in ledgers
                    if x in text and (str(path.relative_to(ROOT)), text) not in NOT_A_LEDGER_NAME
                ]
    assert offenders == []
