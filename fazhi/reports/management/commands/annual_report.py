"""`manage.py annual_report --jurisdiction 990102 --year 2025 --format docx|pdf|html|json --out PATH`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.org.models import Jurisdiction
from fazhi.reports import render
from fazhi.reports.draft import DraftError, draft
from fazhi.reports.models import AnnualReport
from fazhi.reports.pdf import ConversionFailed, LibreOfficeMissing


class Command(BaseCommand):
    help = "生成法治政府建设年度报告（尚无报告时先从台账起草初稿），输出 docx、pdf、html 或 json"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jurisdiction", required=True, help="区划代码，如 990102")
        parser.add_argument("--year", type=int, required=True, help="报告年度，如 2025")
        parser.add_argument(
            "--format", choices=["docx", "pdf", "html", "json"], default="docx", help="输出格式"
        )
        parser.add_argument("--out", required=True, help="输出文件路径")
        parser.add_argument(
            "--redraft", action="store_true", help="报告仍在起草状态时，按台账重新起草"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            jur = Jurisdiction.objects.get(code=opts["jurisdiction"])
        except Jurisdiction.DoesNotExist as exc:
            raise CommandError(f"找不到区划代码 {opts['jurisdiction']}") from exc
        # The government's own report (departments' reports are their own rows).
        report = AnnualReport.objects.filter(
            jurisdiction=jur, year=opts["year"], department__isnull=True
        ).first()
        if report is None or opts["redraft"]:
            try:
                report = draft(jur, opts["year"])
            except DraftError as exc:
                raise CommandError(str(exc)) from exc
            self.stderr.write(f"已从台账起草：{report.title}")
        out = Path(opts["out"])
        fmt = opts["format"]
        if fmt == "docx":
            out.write_bytes(render.to_docx(report))
        elif fmt == "pdf":
            try:
                out.write_bytes(render.to_pdf(report))
            except LibreOfficeMissing as exc:
                docx = out.with_suffix(".docx")
                docx.write_bytes(render.to_docx(report))
                raise CommandError(f"{exc}（已另存 Word 版：{docx}）") from exc
            except ConversionFailed as exc:
                raise CommandError(str(exc)) from exc
        elif fmt == "html":
            out.write_text(render.to_html(report), encoding="utf-8")
        else:
            out.write_text(
                json.dumps(render.to_json(report), ensure_ascii=False, indent=2), encoding="utf-8"
            )
        self.stdout.write(str(out))
