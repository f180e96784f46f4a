"""The review package stays pure Python, and its catalog copy matches the shared one."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from review_helpers import SHARED

import review
from review.catalog import CATALOG_PATH, load_catalog

PACKAGE = Path(review.__file__).resolve().parent


def test_no_django_import_anywhere_in_review() -> None:
    offenders = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) >= 10
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in ("django", "fazhi"):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_catalog_copy_is_identical_to_shared_spec() -> None:
    shared = json.loads((SHARED / "spec" / "indicators.json").read_text(encoding="utf-8"))
    ours = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
    assert ours == shared
    catalog = load_catalog()
    assert set(catalog.indicators) == {i["id"] for i in shared["indicators"]}
    assert len(catalog.identities) == len(shared["identities"])
    assert catalog.indicators["reconsideration.correction_rate"].denominators[0] == (
        "reconsideration.concluded_on_merits"
    )


def test_every_module_starts_with_future_annotations() -> None:
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        body = [n for n in tree.body if not isinstance(n, ast.Expr)]
        assert body, path
        first = body[0]
        assert isinstance(first, ast.ImportFrom) and first.module == "__future__", path.name
