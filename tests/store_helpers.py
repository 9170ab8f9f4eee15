"""Shared by the knowledge-base tests: store URLs for each backend, fixture texts, hand-made documents.

Every sentence here is written for these tests (none is taken from the shared corpus).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tipkb.model import fact_from_dict
from tipkb.pipeline import current_ruleset
from tipkb.store import DocumentRecord, Store

PG_URL = os.environ.get("TIPKB_TEST_PG")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="TIPKB_TEST_PG is not set (scripts/start-postgres.sh)"),
    ),
]


def sql(store: Store, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run SQL on a store as a test looks inside it (the library reads through the store's named methods)."""
    return store.dialect.execute(statement, params)


def store_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store location: a SQLite path, or a PostgreSQL schema of its own."""
    if backend == "sqlite":
        yield str(tmp_path / "kb.db")
        return
    import psycopg

    assert PG_URL
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


# Three small narratives for ingest tests.
FIXTURE_TEXTS = {
    "kazakhstan-2009.txt": (
        "KAZAKHSTAN (Tier 2)\n\n"
        "Kazakhstan is a destination and, to a lesser extent, a source country for men and women subjected "
        "to forced labor. Men from Uzbekistan and Kyrgyzstan are trafficked to Kazakhstan for forced labor in "
        "cotton fields and construction. Kazakhstani women are subjected to sex trafficking in the United Arab "
        "Emirates and Turkey.\n\n"
        "The Government of Kazakhstan does not fully meet the minimum standards for the elimination of "
        "trafficking; however, it is making significant efforts to do so. In 2009, the authorities convicted "
        "21 traffickers. Kazakhstan ratified the UN TIP Protocol in July 2008.\n"
    ),
    "moldova-brief.md": (
        "# Moldova\n\n"
        "Moldova is mainly a source country for women and girls trafficked for sexual exploitation. Moldovan "
        "women are trafficked to Turkey, Russia and Israel for forced prostitution. Children from Moldova may "
        "be trafficked to Ukraine for forced begging.\n\n"
        "In 2010, the police investigated 40 trafficking cases and prosecutors convicted 12 traffickers. "
        "Moldova was placed on Tier 2 Watch List in 2010.\n"
    ),
    "uzbek-summary.txt": (
        "Uzbekistan is a source country for men, women and children subjected to forced labor and sex "
        "trafficking. Uzbek men are exploited in forced labor in Kazakhstan and Russia, mostly in "
        "construction. Uzbekistan acceded to the Palermo Protocol in 2008.\n"
    ),
}


def write_corpus(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in FIXTURE_TEXTS.items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def record(source: str, items: list[tuple[str, list[dict[str, Any]]]], **kw: Any) -> DocumentRecord:
    """A document made of sentences, each with the facts it states (fields as in FACTS.md, no evidence)."""
    text, sentences, facts = "", [], []
    for sentence, sentence_facts in items:
        start = len(text)
        text += sentence
        sentences.append((start, len(text), sentence))
        text += "\n"
        for fields in sentence_facts:
            fields = {"year": None, "rule": "test.v1", **fields, "doc": source}
            fields["evidence"] = {"start": start, "end": start + len(sentence), "text": sentence}
            facts.append(fact_from_dict(fields))
    kw.setdefault("ruleset", current_ruleset())
    return DocumentRecord(source=source, text=text, sentences=sentences, facts=facts, **kw)


def flow(
    origin: str, destination: str, year: int | None, victims: list[str], exploitation: list[str], **kw: Any
) -> dict[str, Any]:
    return {
        "type": "flow",
        "origin": origin,
        "destination": destination,
        "year": year,
        "victims": victims,
        "exploitation": exploitation,
        **kw,
    }


def hand_made() -> list[DocumentRecord]:
    """Documents with known facts, independent of the extractor: two reports on Kazakhstan that disagree
    on a tier, a conviction count and a ratification date, and one on Moldova."""
    kaz_a = record(
        "reports/kaz-2009.txt",
        [
            ("KAZAKHSTAN (Tier 2)", [{"type": "tier", "country": "KAZ", "year": 2009, "tier": "2"}]),
            (
                "Kazakhstan is mostly a destination for people forced to work.",
                [
                    {
                        "type": "role",
                        "country": "KAZ",
                        "role": "destination",
                        "extent": "primary",
                        "year": 2009,
                    }
                ],
            ),
            (
                "Men from Uzbekistan are forced to work on farms in Kazakhstan.",
                [flow("UZB", "KAZ", 2009, ["men"], ["labor"], sectors=["agriculture"])],
            ),
            (
                "Kazakh women are exploited in brothels in Turkey.",
                [flow("KAZ", "TUR", 2009, ["women"], ["sexual"])],
            ),
            (
                "Judges convicted 21 traffickers in 2008.",
                [{"type": "statistic", "country": "KAZ", "metric": "convictions", "value": 21, "year": 2008}],
            ),
            (
                "Kazakhstan joined the Palermo Protocol in July 2008.",
                [{"type": "ratification", "country": "KAZ", "year": 2008, "month": 7}],
            ),
            (
                "The government does not fully meet the minimum standards but makes significant efforts.",
                [
                    {
                        "type": "compliance",
                        "country": "KAZ",
                        "fully_meets": False,
                        "significant_efforts": True,
                        "year": 2009,
                    }
                ],
            ),
        ],
        title="Kazakhstan 2009",
        subject="KAZ",
        report_year=2009,
    )
    kaz_b = record(
        "reports/kaz-2010.txt",
        [
            (
                "KAZAKHSTAN: TIER 2 WATCH LIST",
                [{"type": "tier", "country": "KAZ", "year": 2009, "tier": "2WL"}],
            ),
            (
                "Kazakhstan moved to Tier 2 in 2010.",
                [{"type": "tier", "country": "KAZ", "year": 2010, "tier": "2"}],
            ),
            (
                "Uzbek women and girls are forced into prostitution in Kazakhstan.",
                [flow("UZB", "KAZ", 2010, ["women", "girls"], ["sexual"])],
            ),
            (
                "Uzbek men may be taken through Kazakhstan to Russia for forced begging.",
                [flow("UZB", "RUS", 2010, ["men"], ["begging"], via=["KAZ"], hedged=True)],
            ),
            (
                "Courts convicted 25 traffickers in 2008.",
                [{"type": "statistic", "country": "KAZ", "metric": "convictions", "value": 25, "year": 2008}],
            ),
            (
                "Kazakhstan ratified the Palermo Protocol in 2009.",
                [{"type": "ratification", "country": "KAZ", "year": 2009}],
            ),
            (
                "The penal code punishes trafficking with up to 15 years under article 128.",
                [{"type": "penalty", "country": "KAZ", "articles": ["128"], "max_years": 15}],
            ),
            (
                "The state spent 35,000 dollars on shelters.",
                [
                    {
                        "type": "funding",
                        "country": "KAZ",
                        "amount": 35000,
                        "currency": "USD",
                        "purpose": "shelters",
                    }
                ],
            ),
        ],
        title="Kazakhstan 2010",
        subject="KAZ",
        report_year=2010,
    )
    mda = record(
        "reports/moldova.md",
        [
            (
                "Moldova is mainly a country of origin.",
                [{"type": "role", "country": "MDA", "role": "origin", "extent": "primary", "year": 2010}],
            ),
            (
                "Moldovan women may be forced into prostitution in Turkey.",
                [flow("MDA", "TUR", 2010, ["women"], ["sexual"], hedged=True)],
            ),
            (
                "Moldova stayed on the Tier 2 Watch List.",
                [{"type": "tier", "country": "MDA", "year": 2010, "tier": "2WL"}],
            ),
            ("Some Moldovan children beg on the streets of Chisinau.", []),
        ],
        subject="MDA",
    )
    return [kaz_a, kaz_b, mda]
