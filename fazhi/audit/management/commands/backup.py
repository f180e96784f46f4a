"""python manage.py backup [DIR]: the database and the media files in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.audit.backup import BackupError, backup


class Command(BaseCommand):
    help = "备份数据库（SQLite 在线备份或 pg_dump）和媒体文件到一个 .tar.gz 文件，附行数与校验清单"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", nargs="?", default="backups", help="备份文件存放目录")

    def handle(self, *args: Any, directory: str, **options: Any) -> None:
        try:
            archive = backup(Path(directory))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"已备份到 {archive}")
