"""Benchmark of the review package: reports read and analysed per second on one core.

The seeds are repeated to make at least 100 .txt reports; .docx files are made
from the seeds with python-docx and .pdf files from those with LibreOffice
(`soffice --headless --convert-to pdf`, with its own profile in a temp dir).
The peak resident memory of a child process that analyses 1,000 .txt reports and keeps
them all (as `compare` does) is measured too (goal: under 200 MB).
Last line: txt_per_s=N docx_per_s=N pdf_per_s=N rss_1000_mb=N
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# This file is named review.py: when run as a script its folder comes first on
# sys.path and would shadow the review package.
_HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if str(Path(p or ".").resolve()) != _HERE]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402

from review.pipeline import analyse_file  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _rate(files: list[Path], repeat: int) -> float:
    """Reports per second of CPU time of this process (one core), so that other
    work on the machine does not lower the figure; wall time is logged alongside."""
    started = time.process_time()
    wall = time.perf_counter()
    n = 0
    for _ in range(repeat):
        for f in files:
            report = analyse_file(f)
            if not report.figures:
                raise SystemExit(f"{f.name}: no figures found")
            n += 1
    cpu = time.process_time() - started
    sys.stdout.write(f"  {n} reports: {cpu:.2f} s CPU, {time.perf_counter() - wall:.2f} s wall\n")
    return n / cpu


def _keep_all(seeds: list[Path], n: int) -> None:
    """Analyse n reports and keep every report (run in a child process for its peak RSS)."""
    kept = []
    for i in range(n):
        kept.append(analyse_file(seeds[i % len(seeds)]))
    sys.stdout.write(f"{len(kept)} reports, {sum(len(r.figures) for r in kept)} figures kept\n")


def _peak_rss_mb(seeds_dir: str, n: int) -> float:
    """Peak RSS (MB) of a child process that analyses n .txt reports and keeps them."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(
        [sys.executable, __file__, "--seeds", seeds_dir, "--keep", str(n)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    sys.stdout.write("  " + proc.stdout)
    peak_kb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return peak_kb / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=str(SEEDS), help="folder with the seed .txt reports")
    parser.add_argument("--txt", type=int, default=200, help="number of .txt reports to analyse")
    parser.add_argument(
        "--keep", type=int, default=0, help="only analyse this many reports and keep them (child)"
    )
    args = parser.parse_args()
    seeds = sorted(Path(args.seeds).glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no seeds in {args.seeds}")
    if args.keep:
        _keep_all(seeds, args.keep)
        return 0
    out = sys.stdout
    rss = _peak_rss_mb(args.seeds, 1000)
    out.write(f"rss: {rss:.0f} MB peak for 1000 .txt reports kept in memory\n")
    # warm up (regex compilation, catalog)
    _rate(seeds, 1)
    txt = _rate(seeds, max(1, args.txt // len(seeds)))
    out.write(
        f"txt: {txt:.1f} reports/s over {max(1, args.txt // len(seeds)) * len(seeds)} reports\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        docs = []
        for seed in seeds:
            d = docx.Document()
            for line in seed.read_text(encoding="utf-8").split("\n"):
                d.add_paragraph(line)
            path = tmpdir / f"{seed.stem}.docx"
            d.save(str(path))
            docs.append(path)
        docx_rate = _rate(docs, 4)
        out.write(f"docx: {docx_rate:.1f} reports/s\n")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        pdf_rate = 0.0
        if soffice is None:
            out.write("pdf: soffice not found, pdf rate not measured\n")
        else:
            profile = (tmpdir / "lo-profile").as_uri()
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(tmpdir),
                    *map(str, docs),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
            pdfs = sorted(tmpdir.glob("*.pdf"))
            pdf_rate = _rate(pdfs, 2)
            out.write(f"pdf: {pdf_rate:.1f} reports/s over {len(pdfs) * 2} reports\n")
    out.write(
        f"txt_per_s={txt:.0f} docx_per_s={docx_rate:.0f} pdf_per_s={pdf_rate:.0f} "
        f"rss_1000_mb={rss:.0f}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
