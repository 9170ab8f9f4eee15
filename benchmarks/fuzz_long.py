"""A long fuzzing run of the readers and the extractor: the Hypothesis properties of tests/test_fuzz.py
with many more examples, then atheris (coverage-guided, where it installs) for a while.

    python benchmarks/fuzz_long.py [--scale 20] [--atheris-seconds 120]

Prints what was run and what failed; docs/reliability.md records the figures.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ATHERIS = r"""
import io, sys, time, traceback
import atheris

with atheris.instrument_imports(include=["tipkb"]):
    from tipkb.pipeline import analyse
    from tipkb.model import Document
    from tipkb.read import ReadError, decode_bytes, html_document, read_pdf
    from tipkb.split import split_if_report

runs = {"inputs": 0, "read_errors": 0, "known": 0}


def check(doc):
    for part in split_if_report(doc):
        rec = analyse(part)
        for f in rec.facts:
            ev = f.evidence
            assert 0 <= ev.start <= ev.end <= len(part.text) and part.text[ev.start:ev.end] == ev.text
        for s, e, t in rec.sentences:
            assert part.text[s:e] == t


def one(data: bytes) -> None:
    runs["inputs"] += 1
    if not data:
        return
    kind, body = data[0] % 4, data[1:]
    try:
        if kind == 0:
            text, _ = decode_bytes(body, "fuzz.txt")
            doc = Document(text=text, source="fuzz.txt")
        elif kind == 1:
            doc = html_document(body, "fuzz.html")
        elif kind == 2:
            doc = read_pdf(io.BytesIO(b"%PDF-1.4\n" + body + b"\n%%EOF\n"), "fuzz.pdf")
        else:
            doc = Document(text=body.decode("utf-8", "replace"), source="fuzz.txt")
    except ReadError:
        runs["read_errors"] += 1
        return
    except Exception as err:
        cause = err.__context__
        while cause is not None and not isinstance(cause, ReadError):
            cause = cause.__context__
        frames = traceback.extract_tb(err.__traceback__)
        f3 = isinstance(err, AttributeError) and frames and frames[-1].name == "_blocks"
        f4 = "Decomposing the root node" in str(err)
        if cause is None and not f3 and not f4:
            raise
        runs["known"] += 1  # F2, F3, F4 in docs/reliability.md
        return
    check(doc)


atheris.Setup(sys.argv, one)
try:
    atheris.Fuzz()
finally:
    print("atheris:", runs, file=sys.stderr)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--scale", type=float, default=20, help="Hypothesis examples: this many times the suite's"
    )
    ap.add_argument("--atheris-seconds", type=int, default=120)
    args = ap.parse_args()
    env = {**os.environ, "TIPKB_FUZZ_SCALE": str(args.scale)}
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/test_fuzz.py",
            "-q",
            "--hypothesis-show-statistics",
            "-p",
            "no:cacheprovider",
        ],
        cwd=ROOT,
        env=env,
        check=False,
    )
    print(f"hypothesis: scale {args.scale}, exit {done.returncode}, {time.monotonic() - started:.0f} s")
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris: not installed (pip install atheris); skipped")
        return
    corpus = Path(tempfile.mkdtemp(prefix="tipkb-fuzz-"))
    seeds = [*(ROOT / "tests" / "fixtures").glob("*.html")]
    for i, seed in enumerate(seeds):
        (corpus / f"seed-html-{i}").write_bytes(b"\x01" + seed.read_bytes())
    (corpus / "seed-text").write_bytes(
        b"\x00" + b"Kazakhstan is a destination country for men from Uzbekistan."
    )
    script = io.StringIO(ATHERIS).getvalue()
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            f"-max_total_time={args.atheris_seconds}",
            f"-artifact_prefix={corpus}/",
            "-timeout=10",
            "-rss_limit_mb=2048",
            str(corpus),
        ],
        cwd=ROOT,
        check=False,
    )
    print(f"atheris: exit {done.returncode}, {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
