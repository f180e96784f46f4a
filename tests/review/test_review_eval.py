"""Scoring: gold files of excerpts (statutory_parts null), indicator accuracy and precision."""

from __future__ import annotations

import json
from pathlib import Path

from review import evaluate


def _write(tmp_path: Path, text: str, gold: dict[str, object]) -> Path:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gdir = tmp_path / "gold"
    gdir.mkdir()
    (gdir / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return gdir


def _fig(span: str, number: str, value: int, unit: str, indicator: str | None) -> dict[str, object]:
    return {
        "span": span,
        "number_text": number,
        "value": value,
        "unit": unit,
        "qualifier": None,
        "indicator": indicator,
    }


def test_eval_scores_an_excerpt_whose_statutory_parts_is_null(tmp_path: Path) -> None:
    text = "某县司法局开展普法讲座15场，调处矛盾纠纷42件，开通便民热线3条。"
    gold = {
        "source": "a.txt",
        "statutory_parts": None,
        "sections": [],
        "figures": [
            _fig("开展普法讲座15场", "15", 15, "场", "legal_education.lectures"),
            _fig("调处矛盾纠纷42件", "42", 42, "件", "mediation.disputes_received"),
            _fig("开通便民热线3条", "3", 3, "条", None),
        ],
    }
    result = evaluate(_write(tmp_path, text, gold))
    doc = result.documents[0]
    assert doc.matched == 3
    assert not doc.parts_scored
    assert " parts - " in result.lines()[0]
    # accuracy: right ids over gold ids; precision: right ids over ids given
    assert doc.gold_ids == 2 and doc.gold_ids_right == 2
    assert doc.ids_given == doc.ids_given_right
    assert "prec=" in result.lines()[-1]
