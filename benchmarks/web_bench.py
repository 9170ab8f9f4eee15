"""Web benchmark: the API under 50 concurrent clients on loopback against a store of a million facts, and
the country page's full render time in headless Chromium.

    python benchmarks/web_bench.py [--db PATH] [--facts 1000000] [--clients 50] [--requests 1500]
                                   [--workers 2] [--shared ../shared] [--no-write]

The store is built as `benchmarks/store_bench.py` builds it (the shared narratives analysed once and
stored again under many names) unless --db names one that exists. `tipkb serve` runs in a child process;
the clients (a minimal HTTP/1.1 client on asyncio, so that the CPU goes to the server) run in this
one. Three runs per endpoint:

- cold: one client, every URL new to the server (a never-seen `_` parameter defeats the response cache),
  so each answer is computed by tipkb.query: the cost of a query over HTTP;
- 50 clients, uncached: the same with 50 clients at once; twice, on other new URLs the second time (the
  first run also pays for what each server process computes once);
- 50 clients: the same URLs asked again and again, as a dashboard's users do; most are answered from the
  server's response cache (kept until the store changes).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import write_section  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TIPKB = Path(sys.executable).with_name("tipkb")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def build(db: Path, facts: int, shared: Path) -> None:
    import store_bench
    from tipkb.store import open_store

    with open_store(str(db)) as store:
        store_bench.bulk_build(store, store_bench.load_texts(shared), facts)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=120) as response:
        return json.load(response)


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "TIPKB_TOKEN"}
    proc = subprocess.Popen(
        [str(TIPKB), "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
        env=env,
        start_new_session=True,  # its own process group: the workers stop with it
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            raise SystemExit("tipkb serve stopped")
        try:
            get_json(base + "/api")
            return proc, base
        except OSError:
            if time.monotonic() > deadline:
                stop(proc)
                raise SystemExit("tipkb serve did not answer") from None
            time.sleep(0.3)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server and its worker processes (its process group)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def urls(base: str) -> dict[str, list[str]]:
    """The URLs of each endpoint: the 40 countries most named, years with tiers, the store benchmark's
    searches."""
    import store_bench

    countries = get_json(base + "/api/countries?kind=country&limit=500")["items"]
    busy = [c["code"] for c in sorted(countries, key=lambda c: -c["facts"])[:40]]
    years = sorted({t["year"] for t in get_json(base + "/api/tiers?limit=500")["items"] if t["year"]}) or [
        2015
    ]
    flows = []
    for code in busy:
        flows += [
            f"/api/flows?origin={code}",
            f"/api/flows?destination={code}&years=2005-2015",
            f"/api/flows?country={code}&exploitation=labor",
        ]
    flows += [f"/api/flows?exploitation=labor&year={y}" for y in years]
    return {
        "profile": [f"/api/countries/{code}" for code in busy],
        "profile with evidence": [f"/api/countries/{code}?evidence=true" for code in busy],
        "flows": flows,
        "search": [f"/api/search?q={urllib.request.quote(words)}" for words in store_bench.SEARCHES],
    }


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> int:
    """One GET over a kept-alive HTTP/1.1 connection; the status. A client this small (no parsing
    beyond the status line and the body's length) leaves the CPU to the server it measures."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\n\r\n".encode("latin-1"))
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readline()).strip() or b"0", 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def drive(
    base: str, paths: list[str], clients: int, fresh: bool = False
) -> tuple[list[float], int, float]:
    """Ask every path, ``clients`` connections at a time (``fresh``: a new connection for each request);
    latencies in ms, errors, requests per second."""
    host, port = base.removeprefix("http://").split(":")
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    times: list[float] = []
    errors = 0

    async def client() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while True:
                try:
                    path = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                start = time.perf_counter()
                try:
                    status = await asyncio.wait_for(fetch(reader, writer, host, path), timeout=120)
                    if status != 200:
                        errors += 1
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                    errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
                times.append((time.perf_counter() - start) * 1000)
                if fresh:
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - start
    return times, errors, len(paths) / elapsed


def p(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered))) - 1))]


def render_times(base: str, path: str, runs: int) -> list[float]:
    """Milliseconds from navigation to the load event (all SVG, CSS and script done) of a page, each run in
    a fresh browser context (nothing cached)."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(base + path, wait_until="load")
            out.append(float(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")))
            context.close()
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a large store to use (built here if missing)")
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1500, help="requests per endpoint in each run")
    parser.add_argument("--misses", type=int, default=200, help="uncached requests per endpoint, 50 clients")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--renders", type=int, default=10)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update docs/")
    args = parser.parse_args()
    rng = random.Random(11)
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="tipkb-webbench-") as tmp:
        db = args.db or Path(tmp) / "large.db"
        if not db.exists():
            print(f"building a store of {args.facts:,} facts at {db}", file=sys.stderr)
            build(db, args.facts, args.shared)
        proc, base = start_server(db, args.workers)
        try:
            counts = get_json(base + "/api")["counts"]
            endpoints = urls(base)
            results: dict[str, dict[str, Any]] = {}
            for name, paths in endpoints.items():
                cold_paths = [
                    f"{u}{'&' if '?' in u else '?'}_=c{i}" for i, u in enumerate(rng.choices(paths, k=60))
                ]
                cold, cold_errors, _ = asyncio.run(drive(base, cold_paths, 1))
                miss_paths = [
                    f"{u}{'&' if '?' in u else '?'}_=m{i}"
                    for i, u in enumerate(rng.choices(paths, k=args.misses))
                ]
                miss, miss_errors, miss_rps = asyncio.run(drive(base, miss_paths, args.clients))
                # Again, on other new URLs: what the server computes once per process (its document
                # index, each thread's connection) is done by now.
                again_paths = [
                    f"{u}{'&' if '?' in u else '?'}_=a{i}"
                    for i, u in enumerate(rng.choices(paths, k=args.misses))
                ]
                again, again_errors, again_rps = asyncio.run(drive(base, again_paths, args.clients))
                # Warm up: each URL a few times, so that both worker processes have answered it once.
                # (a new connection each time: the kernel hands each to either worker).
                asyncio.run(drive(base, paths * 8, args.clients, fresh=True))
                hot, hot_errors, hot_rps = asyncio.run(
                    drive(base, rng.choices(paths, k=args.requests), args.clients)
                )
                results[name] = {
                    "distinct": len(paths),
                    "cold": (statistics.median(cold), p(cold, 0.95), cold_errors),
                    "miss": (statistics.median(miss), p(miss, 0.95), miss_errors, miss_rps, len(miss)),
                    "again": (statistics.median(again), p(again, 0.95), again_errors, again_rps, len(again)),
                    "hot": (statistics.median(hot), p(hot, 0.95), hot_errors, hot_rps, len(hot)),
                }
                print(name, json.dumps(results[name]), file=sys.stderr)
            country = max(
                get_json(base + "/api/countries?kind=country&limit=500")["items"], key=lambda c: c["facts"]
            )
            renders = render_times(base, f"/countries/{country['code']}", args.renders)
            print("render", renders, file=sys.stderr)
        finally:
            stop(proc)
    lines = [
        "## Web",
        "",
        f"Measured by `benchmarks/web_bench.py` on {time.strftime('%Y-%m-%d')} ({platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; 1-minute load average {load[0]:.1f} at the "
        f"start, {os.getloadavg()[0]:.1f} at the end): `tipkb serve --workers {args.workers}` over "
        f"SQLite with {counts['facts']:,} facts in {counts['documents']:,} documents; the clients "
        "(a minimal HTTP/1.1 client on asyncio, keep-alive connections) run on the same machine, over loopback.",
        "",
        f"| endpoint | distinct URLs | cold, 1 client: p50 / p95 | {args.clients} clients, uncached, first: "
        f"p50 / p95 (req/s) | {args.clients} clients, uncached, again: p50 / p95 (req/s) "
        f"| {args.clients} clients, warmed: p50 / p95 (req/s) | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results.items():
        c, m, a, h = r["cold"], r["miss"], r["again"], r["hot"]
        lines.append(
            f"| {name} | {r['distinct']} | {c[0]:.1f} / {c[1]:.1f} ms | {m[0]:.0f} / {m[1]:.0f} ms ({m[3]:.0f}) "
            f"| {a[0]:.0f} / {a[1]:.0f} ms ({a[3]:.0f}) | {h[0]:.1f} / {h[1]:.1f} ms ({h[3]:.0f}) "
            f"| {c[2] + m[2] + a[2] + h[2]} of {60 + m[4] + a[4] + h[4]} |"
        )
    lines += [
        "",
        "*Cold* is the cost of computing an answer (each URL new to the server, one client); *uncached* puts "
        f"{args.clients} clients on such URLs at once, so a request waits behind the others on two cores "
        "(the clients' own loop shares them): *first* is the first such run of each endpoint, which also pays "
        "for reading the parts of the store it needs from disk into memory the first time (with evidence: "
        "the facts of thousands of documents), *again* is a second run on other new URLs. The last "
        "column is the dashboard's normal case, the same URLs asked again (after each was asked a few "
        "times), answered from the response cache that the server keeps until the store changes. Profile is "
        "`/api/countries/CODE` (one of the 40 countries most named), with or without `evidence=true`; flows "
        "are `/api/flows` by origin, destination and years, either end and exploitation, or exploitation and "
        "year; search is `/api/search` with the store benchmark's phrases.",
        "",
        f"Country page ({country['name']}, the country most named: profile with its sentences, maps, charts"
        f") in headless Chromium, from navigation to the load event, fresh browser context each time: "
        f"median **{statistics.median(renders):.0f} ms**, slowest {max(renders):.0f} ms over {len(renders)} loads.",
    ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        print(f"wrote {write_section('performance.md', 'web', body, 'Performance')}", file=sys.stderr)


if __name__ == "__main__":
    main()
