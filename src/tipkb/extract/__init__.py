"""Extraction: one pure function per fact type over a sentence in its context, run in document order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tipkb.context import iter_context
from tipkb.extract import (
    compliance,
    flows,
    funding,
    penalties,
    ratifications,
    roles,
    statistics,
    tiers,
)
from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.model import Document, Fact
from tipkb.segment import Segmented, segment, transient

Extractor = Callable[[View, Memory], Sequence[Fact]]

# Each extractor module's ``extract`` and its versioned rule name.
EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    (tiers.RULE, tiers.extract),
    (compliance.RULE, compliance.extract),
    (ratifications.RULE, ratifications.extract),
    (roles.RULE, roles.extract),
    (flows.RULE, flows.extract),
    (statistics.RULE, statistics.extract),
    (funding.RULE, funding.extract),
    (penalties.RULE, penalties.extract),
)
RULESET = "+".join(rule for rule, _ in EXTRACTORS)


def extract_document(document: Document, seg: Segmented | None = None) -> list[Fact]:
    """Every fact in a document, in text order, each with its evidence sentence.

    ``seg``: the document already segmented (``segment(document.text)``, inside ``transient()``), when
    the caller needs the sentences too."""
    if seg is None:
        with transient():
            return _extract(document, segment(document.text))
    return _extract(document, seg)


def _extract(document: Document, seg: Segmented) -> list[Fact]:
    memory = Memory()
    facts: list[Fact] = []
    for sentence, ctx in iter_context(seg, document.source, document.meta):
        memory.sentence_no += 1
        view = View(sentence, ctx)
        seen: set[tuple[object, ...]] = set()
        for _, run in EXTRACTORS:
            for fact in run(view, memory):
                # A flow two clauses give with their own victims or purposes is two facts ("Kenyan men
                # are forced to labor in Oman, and women are sexually exploited in Oman").
                key = (*fact.key(), getattr(fact, "victims", None), getattr(fact, "exploitation", None))
                if key not in seen:
                    seen.add(key)
                    facts.append(fact)
    return facts


def extract(text: str, source: str = "-") -> list[Fact]:
    """Every fact the text states, cited to its sentence. ``source`` names the document in each fact."""
    return extract_document(Document(text=text, source=source))
