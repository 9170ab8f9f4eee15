"""A small knowledge base for the web tests: three documents written for these tests, with known facts
(so the answers do not depend on the extractor), and a server started on a free loopback port.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from store_helpers import flow, record
from tipkb.store import DocumentRecord, open_store

TOKEN = "test-token-7c1f"


def stat(country: str, metric: str, value: int, year: int) -> dict[str, Any]:
    return {"type": "statistic", "country": country, "metric": metric, "value": value, "year": year}


def documents() -> list[DocumentRecord]:
    nepal_a = record(
        "fixtures/nepal-2016.txt",
        [
            ("NEPAL (Tier 2)", [{"type": "tier", "country": "NPL", "year": 2016, "tier": "2"}]),
            (
                "Nepal is chiefly a country of origin for workers who end up in forced labor.",
                [{"type": "role", "country": "NPL", "role": "origin", "extent": "primary", "year": 2016}],
            ),
            (
                "Nepali men are forced to work on building sites in Qatar.",
                [flow("NPL", "QAT", 2016, ["men"], ["labor"], sectors=["construction"])],
            ),
            (
                "Nepali girls are exploited in brothels in India.",
                [flow("NPL", "IND", 2016, ["girls"], ["sexual"])],
            ),
            ("In 2015 the police opened 150 investigations.", [stat("NPL", "investigations", 150, 2015)]),
            ("In 2016 the police opened 180 investigations.", [stat("NPL", "investigations", 180, 2016)]),
            ("Courts convicted 40 offenders in 2016.", [stat("NPL", "convictions", 40, 2016)]),
            (
                "The government does not fully meet the minimum standards but is making significant efforts.",
                [
                    {
                        "type": "compliance",
                        "country": "NPL",
                        "fully_meets": False,
                        "significant_efforts": True,
                        "year": 2016,
                    }
                ],
            ),
            (
                "Nepal joined the Palermo Protocol in June 2020.",
                [{"type": "ratification", "country": "NPL", "year": 2020, "month": 6}],
            ),
        ],
        title="Nepal 2016",
        subject="NPL",
        report_year=2016,
    )
    nepal_b = record(
        "fixtures/nepal-2017.txt",
        [
            (
                "NEPAL: TIER 2 WATCH LIST",
                [
                    {"type": "tier", "country": "NPL", "year": 2016, "tier": "2WL"},
                    {"type": "tier", "country": "NPL", "year": 2017, "tier": "2WL"},
                ],
            ),
            ("Courts convicted 45 offenders in 2016.", [stat("NPL", "convictions", 45, 2016)]),
            (
                "Nepali women may be taken through India to Malaysia for domestic work.",
                [flow("NPL", "MYS", 2017, ["women"], ["domestic_servitude"], via=["IND"], hedged=True)],
            ),
            (
                "Burmese fishermen are held in debt bondage on boats off Thailand.",
                [flow("MMR", "THA", 2017, ["men"], ["debt_bondage"], sectors=["fishing"])],
            ),
        ],
        title="Nepal 2017",
        subject="NPL",
        report_year=2017,
    )
    thailand = record(
        "fixtures/thailand.md",
        [
            ("THAILAND (Tier 3)", [{"type": "tier", "country": "THA", "year": 2016, "tier": "3"}]),
            (
                "Thailand is a destination for people from Burma and Cambodia.",
                [{"type": "role", "country": "THA", "role": "destination", "year": 2016}],
            ),
            (
                "Cambodian children beg in the streets of Bangkok.",
                [flow("KHM", "THA", 2016, ["children"], ["begging"])],
            ),
            (
                "Thai women are exploited in Europe.",
                [flow("THA", "region:Europe", 2016, ["women"], ["sexual"])],
            ),
            ("A market trader sells mangoes near the river.", []),
        ],
        subject="THA",
    )
    return [nepal_a, nepal_b, thailand]


def build_store(path: Path) -> str:
    url = str(path)
    with open_store(url) as store:
        store.write_documents(documents())
    return url


# A document the extractor reads, for uploads.
UPLOAD_TEXT = (
    "MALDIVES (Tier 2 Watch List)\n\n"
    "The Maldives is a destination country for men subjected to forced labor. Bangladeshi men are "
    "subjected to forced labor in the Maldives in construction.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(db: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``tipkb serve`` on a free loopback port, in a child process; yields its base URL."""
    port = free_port()
    exe = Path(sys.executable).with_name("tipkb")
    child_env = {k: v for k, v in os.environ.items() if k != "TIPKB_TOKEN"}
    child_env.update(env or {})
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", db, "--port", str(port)],
        env=child_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"tipkb serve stopped: {proc.stderr.read().decode() if proc.stderr else ''}"
                )
            try:
                with urllib.request.urlopen(base + "/api", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()
