"""docx → PDF with LibreOffice headless: one conversion at a time (a file lock), a profile folder of
our own (-env:UserInstallation, so a desktop LibreOffice that is open does not swallow the job), and
the 公文 font aliases of fonts/fazhi-fonts.conf through FONTCONFIG_FILE."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

FONTS_CONF = Path(settings.BASE_DIR) / "fonts" / "fazhi-fonts.conf"
TIMEOUT_S = 180
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


def convert_file(docx_path: Path, out_dir: Path) -> Path:
    """Convert one .docx file; returns the PDF path. Used by the renderer and by bench/report.py."""
    binary = soffice_binary()
    if binary is None:
        raise LibreOfficeMissing()
    work = _work_dir()
    profile = work / "profile"
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(work)}
    cmd = [
        binary,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(out_dir),
        str(docx_path),
    ]
    with open(work / "convert.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one LibreOffice at a time: the profile is not shareable
        try:
            proc = subprocess.run(cmd, env=env, capture_output=True, timeout=TIMEOUT_S, check=False)  # noqa: S603
        except subprocess.TimeoutExpired as exc:
            raise ConversionFailed(f"LibreOffice 转换超过{TIMEOUT_S}秒未完成，请稍后重试") from exc
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if proc.returncode != 0 or not pdf.exists():
        detail = proc.stderr.decode("utf-8", "replace")[-500:]
        raise ConversionFailed(f"LibreOffice 未能生成 PDF（返回码 {proc.returncode}）：{detail}")
    return pdf


def docx_to_pdf(docx: bytes) -> bytes:
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as tmp:
        src = Path(tmp) / "report.docx"
        src.write_bytes(docx)
        return convert_file(src, Path(tmp)).read_bytes()
