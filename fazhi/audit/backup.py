"""Backup and restore of everything a county would lose with the server: the database and the
media files (rendered PDFs, uploads). One archive, `fazhi-backup-<time>.tar.gz`, holding

- `db.sqlite3` (SQLite's online backup API: a consistent copy while the site runs) or
  `db.pgdump` (`pg_dump --format=custom`, restored with `pg_restore --clean`);
- `media/…`, every file under MEDIA_ROOT;
- `manifest.json`: the database engine, the row count of every model (history tables included)
  and the SHA-256 of every media file, which `restore` checks after restoring.

Used by `manage.py backup` and `manage.py restore` (docs/deploy.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection

FORMAT = 1


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message is for the operator."""


@dataclass
class Manifest:
    engine: str
    created_at: str
    counts: dict[str, int]
    media: dict[str, str]  # relative path -> sha256

    def to_json(self) -> bytes:
        data = {"format": FORMAT, **self.__dict__}
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode()


def row_counts() -> dict[str, int]:
    """Rows of every installed model whose table exists (history tables included)."""
    tables = set(connection.introspection.table_names())
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.managed and not m._meta.proxy and m._meta.db_table in tables
    }


def media_checksums(root: Path) -> dict[str, str]:
    out = {}
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            out[path.relative_to(root).as_posix()] = _sha256(path)
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1024 * 1024), b""):
            h.update(block)
    return h.hexdigest()


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"不支持备份 {vendor} 数据库（支持 SQLite 和 PostgreSQL）")
    return vendor


def backup(target_dir: Path) -> Path:
    """Write an archive into `target_dir` and return its path."""
    engine = _engine()
    media_root = Path(settings.MEDIA_ROOT)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target_dir.mkdir(parents=True, exist_ok=True)
    archive = target_dir / f"fazhi-backup-{stamp}.tar.gz"
    manifest = Manifest(
        engine=engine,
        created_at=dt.datetime.now(dt.UTC).isoformat(),
        counts=row_counts(),
        media=media_checksums(media_root),
    )
    with tempfile.TemporaryDirectory(prefix="fazhi-backup-") as tmp:
        db_file = Path(tmp) / ("db.sqlite3" if engine == "sqlite" else "db.pgdump")
        if engine == "sqlite":
            _sqlite_backup(db_file)
        else:
            _pg_dump(db_file)
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            _add_bytes(tar, "manifest.json", manifest.to_json())
            tar.add(db_file, arcname=db_file.name)
            for rel in manifest.media:
                tar.add(media_root / rel, arcname=f"media/{rel}")
        partial.rename(archive)  # a half-written archive never carries the final name
    return archive


def restore(archive: Path) -> Manifest:
    """Replace the database and the media files with the archive's, then check the counts and
    checksums against its manifest. Raises BackupError on any mismatch."""
    engine = _engine()
    with tempfile.TemporaryDirectory(prefix="fazhi-restore-") as tmp:
        work = Path(tmp)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")  # refuses absolute paths and ..
        manifest = _read_manifest(work / "manifest.json")
        if manifest.engine != engine:
            raise BackupError(
                f"备份来自 {manifest.engine} 数据库，当前是 {engine}，不能直接恢复；"
                "请在同类数据库上恢复"
            )
        if engine == "sqlite":
            _sqlite_restore(work / "db.sqlite3")
        else:
            _pg_restore(work / "db.pgdump")
        _restore_media(work / "media", Path(settings.MEDIA_ROOT))
    counts = row_counts()
    wrong = {k: (v, counts.get(k)) for k, v in manifest.counts.items() if counts.get(k) != v}
    if wrong:
        raise BackupError(f"恢复后行数与备份不符：{wrong}")
    media = media_checksums(Path(settings.MEDIA_ROOT))
    if media != manifest.media:
        raise BackupError("恢复后的媒体文件与备份清单不符")
    return manifest


def _read_manifest(path: Path) -> Manifest:
    if not path.exists():
        raise BackupError("备份文件中没有 manifest.json，不是 fazhi 的备份")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.pop("format", None) != FORMAT:
        raise BackupError("备份文件的格式版本不受支持")
    return Manifest(**data)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _raw_sqlite() -> sqlite3.Connection:
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _sqlite_backup(dest: Path) -> None:
    target = sqlite3.connect(dest)
    try:
        _raw_sqlite().backup(target)  # consistent even while others write
    finally:
        target.close()


def _sqlite_restore(source: Path) -> None:
    src = sqlite3.connect(source)
    try:
        src.backup(_raw_sqlite())  # replaces every page of the live database
    finally:
        src.close()


def _pg_env() -> tuple[dict[str, str], list[str]]:
    s = connection.settings_dict
    env = {**os.environ}
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    args = ["--host", str(s.get("HOST") or "127.0.0.1"), "--port", str(s.get("PORT") or 5432)]
    if s.get("USER"):
        args += ["--username", str(s["USER"])]
    return env, [*args, "--dbname", str(s["NAME"])]


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"找不到 {name}：请安装与服务器版本一致的 PostgreSQL 客户端（如 postgresql-client）"
        )
    return found


def _pg_dump(dest: Path) -> None:
    env, args = _pg_env()
    cmd = [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dest), *args]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if proc.returncode != 0:
        raise BackupError(f"pg_dump 失败：{proc.stderr.strip()[-500:]}")


def _pg_restore(source: Path) -> None:
    env, args = _pg_env()
    connection.close()  # our own idle connection must not hold locks on the tables dropped
    cmd = [
        _pg_tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        *args,
        str(source),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if proc.returncode != 0:
        raise BackupError(f"pg_restore 失败：{proc.stderr.strip()[-500:]}")


def _restore_media(source: Path, root: Path) -> None:
    """MEDIA_ROOT becomes exactly the archived files (files added since are removed)."""
    root.mkdir(parents=True, exist_ok=True)
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() or path.is_symlink():
            path.unlink()
        elif path.is_dir():
            path.rmdir()
    if source.is_dir():
        for path in source.rglob("*"):
            if path.is_file():
                rel = PurePosixPath(path.relative_to(source).as_posix())
                dest = root.joinpath(*rel.parts)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, dest)
