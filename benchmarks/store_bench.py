"""Knowledge-base benchmark: ingest against extraction alone, then a store of at least a million facts and
the p50/p95 latency of profile, flows, tiers and search on it (SQLite).

    python benchmarks/store_bench.py [--facts 1000000] [--db PATH] [--shared ../shared] [--no-write]

1. Ingest vs extraction: the shared narratives, each in a few copies made distinct by a trailing line, are
   extracted alone (``extract_document``) and then ingested (``ingest``: segment, extract, store;
   each document whole, committed every 0.5 s of work) into a fresh store; best of three runs each.
2. Bulk build: each distinct narrative is analysed once and stored again and again under varied names
   (``copies/00042/d03-moldova.txt``, with a trailing line so that each copy is its own document) in batches
   of 2,000 documents per transaction, until the store holds ``--facts`` facts.
3. Latency: queries with varied arguments, timed through ``tipkb.query`` (SQL and row building).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import write_section  # noqa: E402
from tipkb import query  # noqa: E402
from tipkb.extract import extract_document  # noqa: E402
from tipkb.model import Document  # noqa: E402
from tipkb.pipeline import analyse, ingest  # noqa: E402
from tipkb.store import DocumentRecord, Store, open_store  # noqa: E402


def sql(store: Store, statement: str, params: Any = ()) -> list[Any]:
    """Run SQL on the store (the benchmark looks inside it)."""
    return store.dialect.execute(statement, params)


ROOT = Path(__file__).resolve().parents[1]
BATCH = 2000
SEARCHES = [
    "forced begging",
    "sex trafficking",
    "debt bondage",
    "domestic servitude",
    "fishing vessels",
    "construction sites",
    "convicted traffickers",
    "victims identified",
    "forced labor agriculture",
    '"minimum standards"',
    "shelters",
    "brothels",
]


def load_texts(shared: Path) -> list[tuple[str, str]]:
    paths = sorted((shared / "corpus").rglob("*.txt"))
    if not paths:
        raise SystemExit(f"no narratives under {shared / 'corpus'}")
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def copies(texts: list[tuple[str, str]], rounds: int, prefix: str) -> list[Document]:
    return [
        Document(text=f"{text}\n\nCopy {r} of {name}.\n", source=f"{prefix}/{r:05d}/{name}")
        for r in range(rounds)
        for name, text in texts
    ]


def ingest_vs_extraction(texts: list[tuple[str, str]], tmp: Path, rounds: int) -> dict[str, float]:
    docs = copies(texts, rounds, "ingest")
    extract_document(docs[0])  # load the pipeline before timing
    extraction, ingestion, facts = [], [], 0
    for attempt in range(3):
        start = time.perf_counter()
        facts = sum(len(extract_document(d)) for d in docs)
        extraction.append(time.perf_counter() - start)
        with open_store(str(tmp / f"ingest-{attempt}.db")) as store:
            start = time.perf_counter()
            report = ingest(store, docs)
            ingestion.append(time.perf_counter() - start)
            assert report.outcomes["new"] == len(docs), report.summary()
    return {
        "documents": len(docs),
        "facts": facts,
        "extract_s": min(extraction),
        "ingest_s": min(ingestion),
    }


def bulk_build(store: Store, texts: list[tuple[str, str]], target: int) -> dict[str, float]:
    start = time.perf_counter()
    base = [analyse(Document(text=text, source=name)) for name, text in texts]
    analysed = time.perf_counter() - start
    per_round = sum(len(r.facts) for r in base)
    facts = docs = sentences = 0
    n = 0
    start = time.perf_counter()
    while facts < target:
        batch: list[DocumentRecord] = []
        while len(batch) < BATCH and facts < target:
            rec = base[n % len(base)]
            i = n // len(base)
            name = Path(rec.source).name
            batch.append(
                DocumentRecord(
                    source=f"copies/{i:05d}/{name}",
                    text=f"{rec.text}\n\nCopy {i} of {name}.\n",
                    sentences=rec.sentences,
                    facts=rec.facts,
                    title=rec.title,
                    subject=rec.subject,
                    report_year=rec.report_year,
                    ruleset=rec.ruleset,
                )
            )
            facts += len(rec.facts)
            sentences += len(rec.sentences)
            n += 1
        store.write_documents(batch)
        docs += len(batch)
        print(f"  {docs:,} documents, {facts:,} facts", end="\r", file=sys.stderr, flush=True)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    store.optimize(full=True)
    optimised = time.perf_counter() - start
    print(file=sys.stderr)
    return {
        "distinct": len(base),
        "facts_per_round": per_round,
        "analyse_s": analysed,
        "load_s": loaded,
        "optimize_s": optimised,
        "documents": docs,
        "facts": facts,
        "sentences": sentences,
    }


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float, int]:
    """p50 and p95 in milliseconds over ``runs`` calls (after one warm-up), and the rows of the last."""
    fn()
    times = []
    rows = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
        rows = len(result) if hasattr(result, "__len__") else 1
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)], rows


def latencies(store: Store, runs: int, seed: int = 7) -> list[tuple[str, float, float, str]]:
    rng = random.Random(seed)
    places = [p for p in query.places(store) if p.kind == "country"]
    places.sort(key=lambda p: -p.facts)
    busy = [p.code for p in places[:40]]
    years = sorted({y for (y,) in sql(store, "SELECT DISTINCT year FROM facts WHERE type = 'tier'") if y})
    cases: list[tuple[str, Callable[[], Any], str]] = []

    def pick(items: list[Any]) -> Callable[[], Any]:
        return lambda: rng.choice(items)

    country, year, words = pick(busy), pick(years), pick(SEARCHES)
    cases.append(("profile", lambda: query.profile(store, country()), "a country among the 40 most named"))
    cases.append(
        (
            "profile --evidence",
            lambda: query.profile(store, country(), evidence=True),
            "the same, with up to 5 sentences per line",
        )
    )
    cases.append(("flows --from", lambda: query.flows(store, origin=country()), "flows out of one country"))
    cases.append(
        (
            "flows --to --years",
            lambda: query.flows(store, destination=country(), years=(2005, 2015)),
            "flows into one country in 2005-2015",
        )
    )
    # (origin, year) pairs that some flow has, so that the filtered queries find something.
    stated = [
        (a, int(y))
        for a, y in sql(
            store, "SELECT DISTINCT a, value FROM rollup_values WHERE kind = 'flow' AND attribute = 'year'"
        )
    ]
    origin_year, flow_year = pick(stated), pick([y for _, y in stated])

    def from_labor_in() -> Any:
        origin, when = origin_year()
        return query.flows(store, origin=origin, exploitation=["labor"], year=when)

    cases.append(
        (
            "flows --from --exploitation --year",
            from_labor_in,
            "labor flows out of one country in a year it has flows",
        )
    )
    cases.append(
        (
            "flows --exploitation --year",
            lambda: query.flows(store, exploitation=["labor"], year=flow_year()),
            "every labor flow of one year, from anywhere",
        )
    )
    cases.append(
        (
            "flows --country --exploitation",
            lambda: query.flows(store, country=country(), exploitation=["labor"]),
            "labor flows into or out of one country",
        )
    )
    cases.append(("tiers --year", lambda: query.tiers(store, year=year()), "every placement in one year"))
    cases.append(
        ("tiers --country", lambda: query.tiers(store, country=country()), "one country's tier history")
    )
    cases.append(("search", lambda: query.search(store, words()), "2-3 words, top 20 sentences"))
    cases.append(
        (
            "search, broad, page 3",
            lambda: query.search(store, "forced labor", limit=50, offset=100),
            '"forced labor", sentences 101-150',
        )
    )
    everywhere = [p.code for p in places]
    cases.append(
        (
            "facts --country (a page)",
            lambda: query.facts(
                store, country=rng.choice(everywhere), limit=50, offset=rng.choice([0, 50, 500])
            ),
            "50 facts of any named country, from the 1st, 51st or 501st, in document order",
        )
    )
    out = []
    for name, fn, what in cases:
        p50, p95, _ = timed(fn, runs)
        out.append((name, p50, p95, what))
        print(f"  {name:22} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms", file=sys.stderr)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--facts", type=int, default=1_000_000, help="facts in the large store")
    parser.add_argument("--db", type=Path, help="keep the large store here (default: a temporary file)")
    parser.add_argument(
        "--rounds", type=int, default=6, help="copies of each narrative in the ingest comparison"
    )
    parser.add_argument("--runs", type=int, default=60, help="timed runs of each query")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update docs/")
    args = parser.parse_args()
    load = os.getloadavg()
    texts = load_texts(args.shared)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print("ingest vs extraction ...", file=sys.stderr)
        cmp = ingest_vs_extraction(texts, tmp, args.rounds)
        db = args.db or tmp / "large.db"
        if db.exists():
            raise SystemExit(f"{db} exists: give a new path")
        print(f"bulk load to {args.facts:,} facts ...", file=sys.stderr)
        with open_store(str(db)) as store:
            built = bulk_build(store, texts, args.facts)
            counts = store.counts()
            size = store.size_bytes() or 0
            print("query latency ...", file=sys.stderr)
            lat = latencies(store, args.runs)
    ratio = cmp["ingest_s"] / cmp["extract_s"]
    lines = [
        "## Knowledge base",
        "",
        f"Measured by `benchmarks/store_bench.py` on {time.strftime('%Y-%m-%d')} "
        f"({platform.machine()}, Python {platform.python_version()}, SQLite {_sqlite_version()}, one process; "
        f"1-minute load average {load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, on 2 cores).",
        "",
        "**Ingest against extraction alone.** "
        f"{cmp['documents']:,} documents ({len(texts)} shared narratives, {args.rounds} distinct copies each), "
        f"{cmp['facts']:,} facts:",
        "",
        "| phase | seconds | documents/s |",
        "| --- | ---: | ---: |",
        f"| extraction alone (`extract_document`) | {cmp['extract_s']:.2f} | {cmp['documents'] / cmp['extract_s']:,.0f} |",
        f"| ingest (segment, extract, store; committed every 0.5 s) | {cmp['ingest_s']:.2f} "
        f"| {cmp['documents'] / cmp['ingest_s']:,.0f} |",
        "",
        f"Ingest takes **{ratio:.2f}x** the time of extraction alone (target: at most 1.5x).",
        "",
        f"**Bulk load.** {built['documents']:,} documents ({built['distinct']} distinct narratives analysed once, "
        f"stored under varied names), {counts['facts']:,} facts and {counts['sentences']:,} sentences in "
        f"{built['load_s']:.0f} s ({counts['facts'] / built['load_s']:,.0f} facts/s, "
        f"{built['documents'] / built['load_s']:,.0f} documents/s, {BATCH:,} documents per transaction), "
        f"then `ANALYZE` in {built['optimize_s']:.1f} s. "
        f"Store size: {size / 1024 / 1024:,.0f} MB ({size / counts['facts']:,.0f} bytes per fact, with the "
        "documents' text, their sentences and the full-text index).",
        "",
        f"**Query latency** at {counts['facts']:,} facts, {args.runs} runs each with varied arguments "
        "(through `tipkb.query`: SQL and building the rows):",
        "",
        "| query | p50 ms | p95 ms | arguments |",
        "| --- | ---: | ---: | --- |",
        *[f"| {name} | {p50:.1f} | {p95:.1f} | {what} |" for name, p50, p95, what in lat],
        "",
        "Target: p95 under 50 ms for profile, flows, tiers and search at 1M facts. Every narrative is stored "
        f"about {built['documents'] // max(built['distinct'], 1):,} times, so each country is named in "
        "thousands of documents: more per country than the real report series holds. How: profiles, tiers, "
        "statistics and flows without attribute filters read the rollup tables (counts per group kept up to "
        "date by every write); flows filtered on year, victims, exploitation, via or hedging read the flow "
        "groups (per flow, the documents that state it alike, with their statements and sentences per "
        "combination of those attributes, kept by every write: `tipkb.store.rollup.FlowGroups`), so a filter "
        "reads a few rows however many documents state a flow; evidence takes the first few facts of each "
        "row from an index on (country, type, year, detail); search ranks each distinct sentence once, "
        "highlights only the page it returns and reads how many documents hold each sentence from a count "
        "kept by every write; a page of facts walks the documents in order through an index that holds "
        "each one's facts in text order, or, when few facts match, sorts just those.",
    ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        print(f"\nwritten to {write_section('performance.md', 'knowledge-base', body, 'Performance')}")


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


if __name__ == "__main__":
    main()
