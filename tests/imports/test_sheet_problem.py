"""A problem with the whole file is never shown as "第0行"."""

from __future__ import annotations

from fazhi.imports.sheet import Problem


def test_file_problems_name_no_row() -> None:
    assert str(Problem(0, "", "请选择要导入的 Excel 文件")) == "请选择要导入的 Excel 文件"
    assert str(Problem(0, "案号", "缺少该列")) == "“案号”：缺少该列"
    assert str(Problem(3, "案号", "已被使用")) == "第3行“案号”：已被使用"
