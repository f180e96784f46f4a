"""Benchmark: the demo county's annual report as docx and PDF, beside a bare LibreOffice conversion.

    DATABASE_URL=sqlite:////tmp/fz_demo.sqlite3 .venv/bin/python bench/report.py   (after load_demo)

Goal: docx under 2 s; PDF within 1.5× of converting the same docx with a bare `soffice` call.
Last line: `docx_s=N pdf_s=N bare_convert_s=N`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
# the settings refuse to run without a key when DEBUG is off
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")

import django  # noqa: E402

django.setup()

from fazhi.org.models import Jurisdiction  # noqa: E402
from fazhi.reports import render  # noqa: E402
from fazhi.reports.draft import draft  # noqa: E402
from fazhi.reports.models import AnnualReport  # noqa: E402
from fazhi.reports.pdf import soffice_binary  # noqa: E402


def timed(fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def emit(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description="年度报告生成基准（docx、PDF 与直接调用 LibreOffice 对比）"
    )
    parser.add_argument("--jurisdiction", default="990102", help="区划代码")
    parser.add_argument("--year", type=int, default=2025, help="年度")
    args = parser.parse_args()
    jur = Jurisdiction.objects.get(code=args.jurisdiction)
    report = AnnualReport.objects.filter(jurisdiction=jur, year=args.year).first() or draft(
        jur, args.year
    )
    binary = soffice_binary()
    if binary is None:
        sys.exit("未安装 LibreOffice（libreoffice-writer-nogui），无法测量 PDF")
    render.to_pdf(report)  # warm our profile
    docx, docx_s = timed(lambda: render.to_docx(report))
    _, pdf_s = timed(lambda: render.to_pdf(report))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.docx"
        src.write_bytes(docx)
        profile = Path(tmp) / "profile"
        cmd = [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(src),
        ]
        subprocess.run(cmd, check=True, capture_output=True)  # noqa: S603 - warm the bare profile too
        _, bare_s = timed(lambda: subprocess.run(cmd, check=True, capture_output=True))  # noqa: S603
        shutil.rmtree(profile, ignore_errors=True)
    emit(f"{report.title}: docx {len(docx)} bytes")
    emit(f"docx_s={docx_s:.3f} pdf_s={pdf_s:.3f} bare_convert_s={bare_s:.3f}")


if __name__ == "__main__":
    main()
