"""docx → PDF with LibreOffice headless: one conversion at a time (a file lock), a profile folder of
our own (-env:UserInstallation, so a desktop LibreOffice that is open does not swallow the job), and
the 公文 font aliases of fonts/fazhi-fonts.conf through FONTCONFIG_FILE."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

FONTS_CONF = Path(settings.BASE_DIR) / "fonts" / "fazhi-fonts.conf"
TIMEOUT_S = 180
BEAT_S = 5.0  # how often a waiting conversion calls `beat` (the task's lease heartbeat)
MISSING_MESSAGE = (
    "服务器未安装 LibreOffice，无法生成 PDF。请系统管理员安装 libreoffice-writer-nogui 软件包"
    "（如 sudo apt-get install libreoffice-writer-nogui）；您仍可下载 Word（docx）版。"
)


class LibreOfficeMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__(MISSING_MESSAGE)


class ConversionFailed(RuntimeError):
    pass


def soffice_binary() -> str | None:
    configured = getattr(settings, "SOFFICE_BINARY", None)
    if configured:
        return configured if Path(configured).exists() or shutil.which(configured) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def _work_dir() -> Path:
    path = Path(tempfile.gettempdir()) / f"fazhi-soffice-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _no_beat() -> None:
    return None


def convert_file(docx_path: Path, out_dir: Path, beat: Callable[[], None] = _no_beat) -> Path:
    """Convert one .docx file; returns the PDF path. Used by the renderer and by bench/report.py.
    `beat` is called every few seconds while waiting (for the lock or for LibreOffice), so a
    background task can show it is alive; a worker killed meanwhile stops beating."""
    binary = soffice_binary()
    if binary is None:
        raise LibreOfficeMissing()
    work = _work_dir()
    profile = work / "profile"
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(work)}

    def soffice(target: str, src: Path, outdir: Path) -> tuple[int, bytes]:
        cmd = [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(src),
        ]
        return _run(cmd, env, beat)

    flat = out_dir / "flat"
    flat.mkdir(exist_ok=True)
    with open(work / "convert.lock", "w") as lock:
        _lock(lock.fileno(), beat)  # one LibreOffice at a time: the profile is not shareable
        try:
            # LibreOffice ignores w:autoSpaceDE/DN when it reads a .docx (its DOCX import drops
            # them), so every "247件" would be printed "247 件". The document goes through flat
            # ODF, where the switch is style:text-autospace, set to none, and then to PDF.
            returncode, stderr = soffice("fodt", docx_path, flat)
            fodt = flat / (docx_path.stem + ".fodt")
            if returncode == 0 and fodt.exists():
                fodt.write_bytes(no_autospace(fodt.read_bytes()))
                returncode, stderr = soffice("pdf:writer_pdf_Export", fodt, out_dir)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if returncode != 0 or not pdf.exists():
        detail = stderr.decode("utf-8", "replace")[-500:]
        raise ConversionFailed(f"LibreOffice 未能生成 PDF（返回码 {returncode}）：{detail}")
    return pdf


def no_autospace(fodt: bytes) -> bytes:
    """Flat ODF with the automatic CJK/Latin spacing turned off in every style and paragraph."""
    return fodt.replace(b'style:text-autospace="ideograph-alpha"', b'style:text-autospace="none"')


def _lock(fd: int, beat: Callable[[], None]) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            beat()
            time.sleep(0.5)


def _run(cmd: list[str], env: dict[str, str], beat: Callable[[], None]) -> tuple[int, bytes]:
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # noqa: S603
    while True:
        try:
            _out, err = proc.communicate(timeout=BEAT_S)
            return proc.returncode, err
        except subprocess.TimeoutExpired:
            if time.monotonic() - started > TIMEOUT_S:
                proc.kill()
                proc.communicate()
                raise ConversionFailed(
                    f"LibreOffice 转换超过{TIMEOUT_S}秒未完成，请稍后重试"
                ) from None
            beat()


def docx_to_pdf(docx: bytes, beat: Callable[[], None] = _no_beat) -> bytes:
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as tmp:
        src = Path(tmp) / "report.docx"
        src.write_bytes(docx)
        return convert_file(src, Path(tmp), beat).read_bytes()
