"""Flows: people trafficked from one place to another (FACTS.md ``flow``).

Each place a clause names gets a part from the word that governs it (``from`` A, ``to``/``in``/``within``
B, ``through`` C, a demonym before *women* or *victims*), reading left across lists ("to A, B, and C",
"to other African countries, primarily A and B"). A clause is a flow only when it says people were
trafficked, exploited, subjected to forced labor or found as victims. What the clause leaves out comes
from the sentence's frame ("X is a source country for women trafficked to ...") and then the subject.

The parts (docs/extraction.md): ``clauses`` (a sentence's flows, clause by clause), ``facts`` (one
clause's facts and what each carries), ``triggers`` (is a clause about victims, by which pattern),
``frames`` (role frames), ``places`` and ``parts`` (the part each place plays), ``local`` (places inside
the country), ``provenance`` (where people are from when no origin is named), ``nationality`` (people
named by their place), ``lists`` (lists and
coordination), ``victims`` (victims, purposes, sectors), ``jobs`` (work migrated or lured for), ``memory`` (what flows keep from the sentences
before), ``words`` (the vocabulary they read with).
"""

from __future__ import annotations

from tipkb.extract.flows.clauses import RULE, extract

__all__ = ["RULE", "extract"]
