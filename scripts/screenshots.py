"""Screenshots of the dashboard's main pages for the docs and the README (`make screenshots`).

Builds a store from examples/corpus in a temporary folder, serves it on a free loopback port, and has
headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) save PNGs to docs/screenshots/.

    python scripts/screenshots.py [--out docs/screenshots] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIPKB = Path(sys.executable).with_name("tipkb")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped (exit {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {url}")


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tipkb-shots-") as tmp:
        db = str(Path(tmp) / "demo.db")
        subprocess.run([str(TIPKB), "ingest", str(args.corpus), "--db", db], check=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "TIPKB_TOKEN"}
        server = subprocess.Popen([str(TIPKB), "serve", "--db", db, "--port", str(port)], env=env)
        try:
            wait_for(base + "/api", server)
            countries = get_json(base + "/api/countries?kind=country&limit=500")["items"]
            country = max(countries, key=lambda c: c["facts"])["code"]
            docs = get_json(base + "/api/documents")["items"]
            doc = next(d for d in docs if d["subject"] == country) if docs else None
            detail = get_json(base + doc["url"]) if doc else None
            anchor = ""
            if detail and detail["spans"]:
                span = detail["spans"][len(detail["spans"]) // 2]
                anchor = f"#ev-{span['start']}-{span['end']}"
            pages = [
                ("map", "/"),
                ("country", f"/countries/{country}"),
                ("country-facts", f"/countries/{country}/facts"),
                ("flows", "/flows?exploitation=labor"),
                ("search", "/search?q=forced+labor"),
                ("documents", "/documents"),
                ("network", "/network?country=KAZ&steps=2"),
                ("changes", "/changes?year=2011"),
                ("conflicts", "/conflicts"),
                ("ask", "/ask?q=Where+are+Moldovan+women+trafficked+to%3F"),
                ("upload", "/upload"),
                ("api-docs", "/api/docs"),
            ]
            if doc:
                # Opened at a sentence link, as evidence links open it.
                pages.append(("document", f"/documents/{doc['id']}{anchor}"))
            # Every page at desktop and phone width; a full-length country page besides.
            shots = [(name, path, 1280, 900, False) for name, path in pages]
            shots += [(f"{name}-phone", path, 390, 844, False) for name, path in pages]
            shots.append(("country-full", f"/countries/{country}", 1280, 900, True))
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                for name, path, width, height, full in shots:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(base + path, wait_until="load")
                    path_out = args.out / f"{name}.png"
                    page.screenshot(path=str(path_out), full_page=full)
                    print(f"wrote {path_out.relative_to(ROOT) if path_out.is_relative_to(ROOT) else path_out}")
                    page.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
