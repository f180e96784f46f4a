from __future__ import annotations

from tests.reconsideration.conftest import new_case  # noqa: F401  (the import tests use a 复议 sheet)
