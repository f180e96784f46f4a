"""`manage.py disclosure_report --jurisdiction 990102 --year 2025 --format docx --out 报告.docx`:
the 政府信息公开工作年度报告 of a jurisdiction (or --department 名称) and year."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.ledgers.disclosure import annual, annual_render
from fazhi.org.models import Department, Jurisdiction


class Command(BaseCommand):
    help = "生成政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jurisdiction", required=True, help="区划代码，如 990102")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--department", default="", help="部门名称；不填为人民政府（汇总）")
        parser.add_argument("--format", choices=["docx", "pdf", "html", "json"], default="docx")
        parser.add_argument("--out", required=True, help="输出文件")

    def handle(self, *args: Any, **opts: Any) -> None:
        jurisdiction = Jurisdiction.objects.filter(code=opts["jurisdiction"]).first()
        if jurisdiction is None:
            raise CommandError(f"没有代码为 {opts['jurisdiction']} 的区划")
        dept = None
        if opts["department"]:
            dept = Department.objects.filter(
                jurisdiction=jurisdiction, name=opts["department"]
            ).first()
            if dept is None:
                raise CommandError(f"{jurisdiction.name}没有名为“{opts['department']}”的部门")
        report = annual.build(jurisdiction, opts["year"], dept)
        fmt = opts["format"]
        out = Path(opts["out"])
        if fmt == "docx":
            out.write_bytes(annual_render.to_docx(report))
        elif fmt == "pdf":
            out.write_bytes(annual_render.to_pdf(report))
        elif fmt == "html":
            out.write_text(annual_render.to_html(report), encoding="utf-8")
        else:
            out.write_text(annual_render.to_json(report), encoding="utf-8")
        for issue in report.issues:
            self.stderr.write(f"勾稽问题：{issue.message}")
        self.stdout.write(
            f"已生成 {out}（{annual_render.title(report)}；勾稽问题 {len(report.issues)} 项）"
        )
