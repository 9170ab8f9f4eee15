"""Peak memory of a large ingest: generate a corpus of --gb gigabytes (the shared narratives repeated
under varied names, each document unique; written as a stream of ~100 KB files into a temporary
folder), run a real `tipkb ingest --jobs N` over it, and sample the memory of the ingest process and of
each of its worker processes (RSS every 0.2 s, PSS every second).

    python benchmarks/memory_bench.py [--gb 1.0] [--jobs 2] [--db URL] [--no-write]

Target: all the processes of the ingest together under 500 MB (PSS: what they use between them), flat
in corpus size. The figures go into the "Memory" section of docs/scaling.md.
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

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import write_section  # noqa: E402
from parallel_bench import ROOT, TIPKB, write_corpus  # noqa: E402

MB = 1024 * 1024


def tree(proc: psutil.Process) -> list[psutil.Process]:
    try:
        return [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return [proc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb", type=float, default=1.0, help="corpus size in GB (1 GB = 1024 MB)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--db", default=None, help="store (default: a SQLite file in the temporary folder)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update docs/")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tipkb-memory-"))
    try:
        corpus = tmp / "corpus"
        started = time.perf_counter()
        size, files, words = write_corpus(args.shared, args.gb * 1024 * MB, corpus)
        print(
            f"corpus: {size / MB:,.0f} MB, {files} files, {words:,} words in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        db = args.db or str(tmp / "kb.db")
        command = [TIPKB, "ingest", str(corpus), "--db", db, "--jobs", str(args.jobs)]
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ps = psutil.Process(proc.pid)
        peak_parent = peak_worker = peak_total = peak_pss = 0
        timeline: list[tuple[float, int]] = []
        samples = 0
        while proc.poll() is None:
            parent = total = worker = pss = 0
            # PSS (each shared page counted once, split among its sharers) reads every mapping: once a
            # second; RSS (shared pages counted in every process) five times a second.
            with_pss = samples % 5 == 0
            for p in tree(ps):
                try:
                    rss = p.memory_info().rss
                    if with_pss:
                        pss += p.memory_full_info().pss
                except psutil.Error:
                    continue
                if p.pid == proc.pid:
                    parent = rss
                elif p.ppid() != proc.pid:  # the forkserver's children: the workers
                    worker = max(worker, rss)
                total += rss
            peak_parent, peak_worker, peak_total, peak_pss = (
                max(peak_parent, parent),
                max(peak_worker, worker),
                max(peak_total, total),
                max(peak_pss, pss),
            )
            timeline.append((time.perf_counter() - started, total))
            samples += 1
            time.sleep(0.2)
        loads = os.getloadavg()
        out, err = proc.communicate()
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            raise SystemExit(f"ingest failed ({proc.returncode}):\n{err[-2000:]}")
        summary = out.strip().split(": ", 1)[-1]
        db_mb = Path(db).stat().st_size / MB if Path(db).exists() else None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    quarters = []
    for q in (0.25, 0.5, 0.75, 1.0):
        upto = [t for s, t in timeline if s <= q * seconds]
        quarters.append(max(upto, default=0) / MB)
    wps = words / seconds
    per_gb = seconds / (size / (1024 * MB))
    lines = [
        "## Memory",
        "",
        f"Measured by `benchmarks/memory_bench.py --gb {args.gb} --jobs {args.jobs}` on {time.strftime('%Y-%m-%d')} "
        f"({os.cpu_count()} cores; 15-minute load average {loads[2]:.1f} at the end, its own "
        f"processes included): a real `tipkb ingest --jobs {args.jobs}` over "
        f"**{size / MB:,.0f} MB** ({files:,} files, {words:,} words) into SQLite"
        + (f" ({db_mb:,.0f} MB after)" if db_mb else "")
        + f", in {seconds:,.0f} s ({wps:,.0f} words/s); RSS sampled every 0.2 s, PSS every second.",
        "",
        "| process | peak |",
        "| --- | ---: |",
        f"| ingest process (reads the paths, writes the store): RSS | {peak_parent / MB:,.0f} MB |",
        f"| largest worker process (reads, extracts): RSS | {peak_worker / MB:,.0f} MB |",
        f"| all of them together (with the forkserver and resource tracker): PSS | **{peak_pss / MB:,.0f} MB** |",
        f"| all of them together, RSS summed (pages they share counted once per process) | {peak_total / MB:,.0f} MB |",
        "",
        "Summed RSS of the whole tree by the end of each quarter of the run: "
        + ", ".join(f"{m:,.0f} MB" for m in quarters)
        + f" (documents are streamed, two files per worker at a time, committed every 0.5 s; the tree grew by "
        f"{quarters[-1] - quarters[0]:,.0f} MB after the first quarter).",
        f"Stored: {summary}.",
        "",
        f"At this rate 1 GB takes about {per_gb / 60:,.0f} minutes with {args.jobs} workers on this machine "
        f"(about {per_gb * args.jobs / 3600:,.1f} core-hours).",
    ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        print(f"\nwritten to {write_section('scaling.md', 'memory', body, 'Scaling')}")


if __name__ == "__main__":
    main()
