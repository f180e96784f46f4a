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
