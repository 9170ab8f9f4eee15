"""Extraction throughput and memory: words per second on one core, against reading and sentence
splitting alone, over a corpus of at least 50 MB built from the shared narratives.

    python benchmarks/throughput.py [--mb 50] [--shared ../shared] [--no-write] [--against SRC]

``--against SRC`` also runs the extraction phase with the package under SRC (the ``src`` folder of
another checkout, say the last release's), before and after this one's, and reports this extraction's
time as a ratio to that one's: the same corpus, the same machine, the same run.

Each phase runs in its own child process (one core), so its peak memory is its own. The corpus is
written as files and streamed one document at a time, as `tipkb extract` does.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import write_section  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(shared: Path, target_mb: float, out: Path) -> tuple[int, int]:
    """Copies of the shared narratives under varied names until the corpus reaches target_mb."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus").rglob("*.txt"))]
    if not texts:
        raise SystemExit(f"no narratives under {shared / 'corpus'}")
    size = files = 0
    batch: list[str] = []
    n = 0
    while size < target_mb * 1024 * 1024:
        text = texts[n % len(texts)]
        batch.append(text)
        size += len(text.encode("utf-8"))
        n += 1
        if len(batch) == 50:  # ~100 KB documents, like a long narrative
            (out / f"doc-{files:05d}.txt").write_text("\n\n".join(batch), encoding="utf-8")
            files += 1
            batch = []
    if batch:
        (out / f"doc-{files:05d}.txt").write_text("\n\n".join(batch), encoding="utf-8")
        files += 1
    return size, files


CHILD = r"""
import json, sys, time
from pathlib import Path
from tipkb.read import read_document
phase, folder = sys.argv[1], Path(sys.argv[2])
if phase == "extract":
    from tipkb.extract import extract_document
else:
    from tipkb.segment import nlp, sentence_starts, iter_paragraphs
    pipeline = nlp()
files = sorted(folder.glob("*.txt"))
words = facts = sentences = 0
start = time.perf_counter()
for path in files:
    doc = read_document(path)
    words += len(doc.text.split())
    if phase == "extract":
        facts += len(extract_document(doc))
    else:
        for par in iter_paragraphs(doc.text):
            sentences += len(sentence_starts(pipeline.make_doc(par.text)))
elapsed = time.perf_counter() - start
print(json.dumps({"words": words, "seconds": elapsed, "facts": facts, "sentences": sentences}))
"""


def run_phase(phase: str, folder: Path, src: Path | None = None) -> dict[str, float]:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    if src is not None:  # another checkout's package first on the path
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, phase, str(folder)], stdout=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{phase} phase failed")
    result = json.loads(out)
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update docs/")
    parser.add_argument("--against", type=Path, help="another checkout's src folder to compare with")
    args = parser.parse_args()
    other: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size, files = build_corpus(args.shared, args.mb, folder)
        base = run_phase("split", folder)
        if args.against:
            other.append(run_phase("extract", folder, args.against))
        ext = run_phase("extract", folder, ROOT / "src")
        if args.against:
            other.append(run_phase("extract", folder, args.against))
    wps_base = base["words"] / base["seconds"]
    wps_ext = ext["words"] / ext["seconds"]
    lines = [
        "## Extraction throughput",
        "",
        f"Measured by `benchmarks/throughput.py` on {time.strftime('%Y-%m-%d')} "
        f"({platform.processor() or platform.machine()}, Python {platform.python_version()}, one core per phase).",
        f"Corpus: {size / 1024 / 1024:.1f} MB in {files} documents built from the shared narratives, "
        f"{ext['words']:,.0f} words.",
        "",
        "| phase | seconds | words/s (one core) | peak RSS |",
        "| --- | ---: | ---: | ---: |",
        f"| read + sentence splitting (baseline) | {base['seconds']:.1f} | {wps_base:,.0f} | {base['peak_rss_mb']:.0f} MB |",
        f"| read + full extraction | {ext['seconds']:.1f} | {wps_ext:,.0f} | {ext['peak_rss_mb']:.0f} MB |",
        "",
        f"Extraction takes **{ext['seconds'] / base['seconds']:.2f}x** the time of reading and splitting alone "
        f"and produced {ext['facts']:,.0f} facts. Target: at least 100,000 words/s on one core and peak RSS "
        "under 300 MB, flat in corpus size (documents are streamed one at a time). At this rate the whole "
        f"2001-2024 TIP report series (about 9 million words) takes about {9e6 / wps_ext:.0f} s.",
    ]
    if other:
        then = sum(o["seconds"] for o in other) / len(other)
        runs = ", ".join(f"{o['seconds']:.1f}" for o in other)
        lines += [
            "",
            f"Against `{args.against}` (run before and after this extraction, same corpus): "
            f"{then:.1f} s on average ({runs}), so this extraction "
            f"takes **{ext['seconds'] / then:.2f}x** that one's time ({ext['facts']:,.0f} facts against "
            f"{other[0]['facts']:,.0f}).",
        ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        print(f"\nwritten to {write_section('performance.md', 'throughput', body, 'Performance')}")


if __name__ == "__main__":
    main()
