"""Files kept with a ledger row (答复材料, 整改佐证): stored under MEDIA_ROOT/private, which no URL
serves, and read back only through a ledger's permission-checked view; checked on upload by
type, size and emptiness with a Chinese message naming the file."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage

MAX_FILE_BYTES = 20 * 1024 * 1024
ALLOWED_SUFFIXES = (
    ".pdf",
    ".ofd",
    ".doc",
    ".docx",
    ".wps",
    ".jpg",
    ".jpeg",
    ".png",
    ".xls",
    ".xlsx",
)


class PrivateStorage(FileSystemStorage):
    """MEDIA_ROOT/private, read from the settings on each use (tests and deployments move it)."""

    @property
    def base_location(self) -> str:
        return str(Path(settings.MEDIA_ROOT) / "private")

    @property
    def location(self) -> str:
        return str(Path(self.base_location).resolve())


def private_storage() -> FileSystemStorage:
    """For `FileField(storage=private_storage)` (a callable, so migrations do not freeze a path)."""
    return PrivateStorage()


def random_name(folder: str) -> str:
    """A random name without the uploaded extension: nothing uploaded can be run or guessed."""
    return f"{folder}/{uuid.uuid4().hex}"


def file_problem(f: Any) -> str | None:
    """Why an uploaded file is refused, or None."""
    name = getattr(f, "name", None) or "未命名文件"
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        return f"文件“{name}”的类型不允许上传（可上传PDF、OFD、Word、WPS、Excel、JPG、PNG）"
    size = getattr(f, "size", 0) or 0
    if size > MAX_FILE_BYTES:
        return f"文件“{name}”超过20MB，请压缩或拆分后上传"
    if not size:
        return f"文件“{name}”为空文件"
    return None


def download(row: Any) -> Any:
    """A stored file as an attachment named as uploaded, never rendered by the browser. The
    caller has fetched `row` through a row the user may see (get_visible_or_404)."""
    from django.http import FileResponse

    response = FileResponse(
        row.file.open("rb"),
        as_attachment=True,
        filename=row.name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
