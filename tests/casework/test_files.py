"""The kit's file helpers: private storage under MEDIA_ROOT/private and the upload checks."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from fazhi.casework.files import MAX_FILE_BYTES, file_problem, private_storage, random_name


def test_file_problem_names_the_file_and_the_reason() -> None:
    assert file_problem(SimpleUploadedFile("整改报告.pdf", b"%PDF-1.4")) is None
    assert file_problem(SimpleUploadedFile("run.exe", b"MZ")) == (
        "文件“run.exe”的类型不允许上传（可上传PDF、OFD、Word、WPS、Excel、JPG、PNG）"
    )
    assert file_problem(SimpleUploadedFile("空.docx", b"")) == "文件“空.docx”为空文件"

    class Big:
        name, size = "大.pdf", MAX_FILE_BYTES + 1

    assert file_problem(Big()) == "文件“大.pdf”超过20MB，请压缩或拆分后上传"


def test_private_storage_follows_media_root_and_names_are_random(tmp_path: Path) -> None:
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        storage = private_storage()
        assert Path(storage.location) == (tmp_path / "private").resolve()
    a, b = random_name("supervision/1"), random_name("supervision/1")
    assert a != b and a.startswith("supervision/1/") and "." not in a
