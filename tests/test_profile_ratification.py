"""A country ratifies the Palermo Protocol once: a date stated less precisely elsewhere joins the row of
the precise one, which keeps both sentences."""

from __future__ import annotations

from pathlib import Path

from store_helpers import record
from tipkb import query
from tipkb.store import open_store

PALERMO = {"type": "ratification", "country": "MDA", "instrument": "palermo_protocol"}


def test_one_ratification_with_the_most_precise_date_and_every_sentence(tmp_path: Path) -> None:
    one = record(
        "notes/moldova-a.txt",
        [
            (
                "Moldova became a party to the Palermo Protocol in May 2005.",
                [{**PALERMO, "year": 2005, "month": 5}],
            )
        ],
        subject="MDA",
    )
    two = record(
        "notes/moldova-b.txt",
        [
            ("Moldova ratified the protocol in 2005.", [{**PALERMO, "year": 2005}]),
            ("A later note says it acceded in 2007.", [{**PALERMO, "year": 2007}]),
        ],
        subject="MDA",
    )
    with open_store(str(tmp_path / "kb.db")) as store:
        store.write_documents([one, two])
        rows = query.profile(store, "MDA", evidence=True).ratifications
        plain = query.profile(store, "MDA").ratifications
    assert [(r.fields.get("year"), r.fields.get("month")) for r in rows] == [(2005, 5), (2007, None)]
    first = rows[0]
    assert (first.facts, first.sentences, first.documents) == (2, 2, 2)
    assert {e.text for e in first.evidence} == {
        "Moldova became a party to the Palermo Protocol in May 2005.",
        "Moldova ratified the protocol in 2005.",
    }
    assert [(r.fields, r.documents) for r in plain] == [(r.fields, r.documents) for r in rows]
