"""Hostile files, bounded: how long reading them takes and how much memory, against a plain file of the
same size read in the same run (timings on a shared machine are noisy; the ratios are what count).

    python benchmarks/hostile_bench.py [--sizes 0.5,1,2,5] [--timeout 120]

- HTML nested as deep as the size allows (``<div>`` and ``<span>`` around a sentence each, closed and
  never closed; bare ``<div>x</div>``) against a shallow page of paragraphs of the same size: the time
  should grow linearly with the size, the ratio stay near 1 or below.

- PDFs whose one content stream inflates to 1 GB and 4 GB (from about 1 and 4 MB): refused, in
  bounded time and memory.

- One document of --facts facts (one per sentence; 182,746 made a 5 MB upload in issue 15): the time
  and size of its page and its API answer (first, middle and last page of facts) against a document
  of one fact, through the app in this process.

Run with ``PYTHONPATH`` at another tipkb's ``src`` to measure that one (the "before" figures).

Each case runs in its own process (its peak RSS is that process's), killed after --timeout seconds.
The figures go into the "Hostile files" section of docs/reliability.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import write_section  # noqa: E402

MB = 1024 * 1024
SENTENCE = "Officials identified victims of forced labor in the fishing sector. "

CHILD = r"""
import json, resource, sys, time
from tipkb.read import ReadError, read_document
start = time.perf_counter()
try:
    doc = read_document(sys.argv[1])
    outcome = f"{len(doc.text):,} characters"
except ReadError as err:
    outcome = f"ReadError: {err}"
print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "outcome": outcome}))
"""


def html_case(kind: str, size: int) -> bytes:
    """A page of about ``size`` bytes: shallow paragraphs, or elements nested as deep as the size allows."""
    head, tail = "<html><head><title>Report</title></head><body>", "</body></html>"
    if kind == "shallow":
        unit = f"<p>{SENTENCE}</p>\n"
        return (head + unit * (size // len(unit)) + tail).encode()
    tag = "div" if "div" in kind else "span"
    closed = "unclosed" not in kind
    unit = f"<{tag}>x" if "bare" in kind else f"<{tag}>{SENTENCE}"
    per = len(unit) + (len(tag) + 3 if closed else 0)
    n = size // per
    return (head + unit * n + (f"</{tag}>" * n if closed else "") + tail).encode()


def measure(path: Path, timeout: float) -> dict[str, object]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "rss_mb": None, "outcome": f"still running after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"seconds": None, "rss_mb": None, "outcome": done.stderr.strip().splitlines()[-1]}
    return dict(json.loads(done.stdout))


def html_table(sizes: list[float], timeout: float, folder: Path) -> str:
    kinds = ["shallow", "div", "span", "div-unclosed", "span-unclosed", "div-bare"]
    rows = [
        "| size | page | read time | vs shallow | per MB | peak RSS | result |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for mb in sizes:
        size = int(mb * MB)
        base: float | None = None
        for kind in kinds:
            path = folder / f"{kind}-{mb}.html"
            path.write_bytes(html_case(kind, size))
            got = measure(path, timeout)
            seconds = got["seconds"]
            if kind == "shallow":
                base = seconds if isinstance(seconds, float) else None
            ratio = f"{seconds / base:.2f}x" if isinstance(seconds, float) and base else "-"
            shown = f"{seconds:.2f} s" if isinstance(seconds, float) else "-"
            per_mb = f"{seconds / mb:.2f} s" if isinstance(seconds, float) else "-"
            rss = f"{got['rss_mb']:.0f} MB" if got["rss_mb"] is not None else "-"
            depth = "" if kind == "shallow" else f" ({path.read_bytes().count(b'<') - 3:,} tags)"
            rows.append(
                f"| {mb:g} MB | {kind}{depth} | {shown} | {ratio} | {per_mb} | {rss} | {got['outcome']} |"
            )
            print(rows[-1], flush=True)
    return "\n".join(rows)


def pdf_table(timeout: float, folder: Path) -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from test_pdf_bombs import TEXT, build_pdf, deflated

    rows = [
        "| PDF | file size | inflates to | read time | peak RSS | result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for gb in (1, 4):
        path = folder / f"bomb-{gb}gb.pdf"
        path.write_bytes(build_pdf([deflated(TEXT, gb << 30)]))
        got = measure(path, timeout)
        shown = f"{got['seconds']:.2f} s" if isinstance(got["seconds"], float) else "-"
        rss = f"{got['rss_mb']:.0f} MB" if got["rss_mb"] is not None else "-"
        outcome = str(got["outcome"]).replace(str(path), path.name)
        size = path.stat().st_size / MB
        rows.append(f"| one content stream | {size:.1f} MB | {gb} GB | {shown} | {rss} | {outcome} |")
        print(rows[-1], flush=True)
    return "\n".join(rows)


def document_table(facts: int, folder: Path) -> str:
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from fastapi.testclient import TestClient

    from store_helpers import record
    from tipkb.store import open_store
    from tipkb.web import create_app

    def doc(source: str, n: int) -> object:
        items = [
            (
                f"In {2000 + i % 20} officials counted {i} victims in district number {i}.",
                [
                    {
                        "type": "statistic",
                        "country": "NPL",
                        "metric": "victims_identified",
                        "value": i,
                        "year": 2000 + i % 20,
                    }
                ],
            )
            for i in range(n)
        ]
        return record(source, items, title=source, subject="NPL")

    db = folder / "docs.db"
    started = time.perf_counter()
    with open_store(str(db)) as store:
        store.write_documents([doc("small.txt", 1), doc("flood.txt", facts)])  # type: ignore[list-item]
    written = time.perf_counter() - started
    rows = ["| document | URL | time (best of 3) | size |", "| --- | --- | --- | --- |"]
    with TestClient(create_app(str(db), cache=False)) as client:
        ids = {d["source"]: d["id"] for d in client.get("/api/documents").json()["items"]}
        middle = facts // 2 // 500 * 500
        last = (facts - 1) // 500 * 500
        cases = [
            ("1 fact", f"/documents/{ids['small.txt']}"),
            ("1 fact", f"/api/documents/{ids['small.txt']}"),
        ]
        for offset in (0, middle, last):
            cases.append((f"{facts:,} facts", f"/documents/{ids['flood.txt']}?offset={offset}"))
        for offset in (0, last):
            cases.append((f"{facts:,} facts", f"/api/documents/{ids['flood.txt']}?offset={offset}"))
            cases.append(
                (f"{facts:,} facts", f"/api/documents/{ids['flood.txt']}?offset={offset}&text=false")
            )
        for name, url in cases:
            best = float("inf")
            for _ in range(3):
                t = time.perf_counter()
                response = client.get(url)
                best = min(best, time.perf_counter() - t)
            assert response.status_code == 200, url
            shown = url.replace(ids["flood.txt"], "ID").replace(ids["small.txt"], "ID")
            rows.append(
                f"| {name} | `{shown}` | {best * 1000:.0f} ms | {len(response.content) / MB:.2f} MB |"
            )
            print(rows[-1], flush=True)
    text_mb = (
        sum(len(f"In 2000 officials counted {i} victims in district number {i}.") + 1 for i in range(facts))
        / MB
    )
    return (
        f"A document of {facts:,} facts and {text_mb:.1f} MB of text (written in {written:.0f} s).\n\n"
        + "\n".join(rows)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2,5", help="file sizes in MB")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--facts", type=int, default=182_746, help="facts of the flooding document")
    parser.add_argument("--no-write", action="store_true", help="print only, do not update docs/")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="tipkb-hostile-") as tmp:
        html = html_table(sizes, args.timeout, Path(tmp))
        pdf = pdf_table(args.timeout, Path(tmp))
        flood = document_table(args.facts, Path(tmp))
    body = (
        "Measured by `benchmarks/hostile_bench.py` (reading only: `tipkb.read.read_document`, each file in "
        f"its own process; sizes {args.sizes} MB).\n\n### Deeply nested HTML\n\n{html}\n\n"
        f"### PDF decompression bombs\n\n{pdf}\n\n### One document flooding its page\n\n{flood}\n"
    )
    if not args.no_write:
        print(write_section("reliability.md", "hostile", body, "Reliability"))


if __name__ == "__main__":
    main()
