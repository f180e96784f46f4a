"""python manage.py restore ARCHIVE --yes: replace the database and media files with a backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.audit.backup import BackupError, restore


class Command(BaseCommand):
    help = "从 backup 生成的文件恢复数据库和媒体文件（覆盖现有数据），并核对行数与校验值"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="fazhi-backup-*.tar.gz 文件")
        parser.add_argument(
            "--yes", action="store_true", help="确认覆盖当前数据库和媒体文件（必须给出）"
        )

    def handle(self, *args: Any, archive: str, yes: bool, **options: Any) -> None:
        if not yes:
            raise CommandError("恢复会覆盖当前的数据库和媒体文件；确认无误后加 --yes 再运行")
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"找不到备份文件 {path}")
        try:
            manifest = restore(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest.counts.values())
        self.stdout.write(
            f"已恢复 {manifest.created_at} 的备份：{len(manifest.counts)} 张表共 {rows} 行，"
            f"{len(manifest.media)} 个媒体文件，均已核对"
        )
