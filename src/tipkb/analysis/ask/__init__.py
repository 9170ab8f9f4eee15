"""Answers to questions in English from the knowledge base, each with the sentences that support it.

``ask(store, question)`` reads a question with the extractor's own vocabulary (the places gazetteer and
``PlaceMatcher``, the victims and exploitation phrases of ``vocabulary.toml``) and the question words in
``data/questions.toml``; finds what it asks (flows from, to or through a place, who and for what;
roles; tiers; ratification; compliance; statistics; funding; penalties; a comparison of two countries; an
overview of one); and answers from the query layer. No model or service is called.

A question it cannot read or the data cannot answer gets "I can't answer that from the data" with the
sentences that best match its words (full-text search), never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tipkb import query
from tipkb.analysis.question import (
    Question,
    asked_kind,
    compares,
    is_english,
    lexicon,
    read_question,
    unanswerable,
)
from tipkb.query import EvidenceRow

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import CANT, MAX_CHARS, MAX_EVIDENCE, Answer
from tipkb.analysis.ask.compare import _compare
from tipkb.analysis.ask.intents import _HANDLERS
from tipkb.analysis.ask.yesno import NOT_SAID, is_yes_no, yes_no_lead

__all__ = ["CANT", "MAX_CHARS", "Answer", "ask"]


# The answers a yes or a no can lead: not a comparison, a change (rose or fell) or a count.
YES_NO_KINDS = frozenset({"flows", "roles", "tiers", "ratification", "compliance", "penalties", "funding"})


def _bounds(store: Store) -> tuple[int, int] | None:
    return store.year_bounds()


def _search_words(q: Question | None, text: str) -> list[str]:
    """The question's words worth searching for, most telling first: places, then the domain's words,
    then the rest."""
    lex = lexicon()
    if q is None:
        return [w for w in re.findall(r"[^\W_]+", text) if w.lower() not in lex.stopwords][:8]
    places = [p.text for p in q.places]
    taken = {i for p in q.places for i in range(p.start, p.end)}
    words = [
        w
        for i, w in enumerate(q.words)
        if i not in taken and any(ch.isalnum() for ch in w) and w.lower() not in lex.stopwords
    ]
    domain = [w for w in words if w.lower() in lex.known]
    other = [w for w in words if w.lower() not in lex.known]
    return list(dict.fromkeys(places + domain + other))[:8]


def _search(store: Store, words: list[str], limit: int = 5) -> list[EvidenceRow]:
    """The sentences that best match the most of these words (dropping the least telling until some match)."""
    for n in range(len(words), 0, -1):
        try:
            hits = query.search(store, " ".join(f'"{w}"' for w in words[:n]), limit=limit)
        except query.QueryError:
            continue
        if hits:
            return [EvidenceRow(h.document, h.start, h.end, h.text) for h in hits]
    return []


def _refusal(
    store: Store,
    question: str,
    reason: str,
    detail: str | None,
    q: Question | None = None,
    search: bool = True,
) -> Answer:
    text = CANT if not detail else f"{CANT[:-1]}: {detail}."
    evidence = _search(store, _search_words(q, question)) if search else []
    if evidence:
        text += " The sentences that best match the question's words are below."
    return Answer(
        question=question,
        kind="refusal",
        answered=False,
        text=text,
        evidence=evidence,
        reason=reason,
        parsed=q.describe() if q else {},
    )


def _unique(evidence: Iterable[EvidenceRow]) -> list[EvidenceRow]:
    seen: set[tuple[str, int]] = set()
    out = []
    for e in evidence:
        if (e.document, e.start) not in seen:
            seen.add((e.document, e.start))
            out.append(e)
    return out[:MAX_EVIDENCE]


def ask(store: Store, question: str) -> Answer:
    """Answer a question in English from the knowledge base, with the sentences that support the answer.

    Never raises for what the question says: an empty, overlong, foreign or unreadable question, an
    unknown country, a year outside the data, or one the data does not answer gets ``answered=False``,
    the words "I can't answer that from the data", the reason, and the best matching sentences.
    """
    text = (question or "").strip()
    if not text:
        return _refusal(
            store, "", "empty", "the question is empty; ask, for example, 'Where are Uzbek women trafficked to?'",
            search=False,
        )  # fmt: skip
    if len(text) > MAX_CHARS:
        return _refusal(
            store, text, "too_long", f"the question is longer than {MAX_CHARS} characters; ask one thing at a time",
            search=False,
        )  # fmt: skip
    if not any(ch.isalpha() for ch in text):
        return _refusal(store, text, "not_understood", "the question has no words", search=False)
    if not is_english(text):
        return _refusal(store, text, "language", "I can only read questions in English")
    bounds = _bounds(store)
    q = read_question(text, bounds)
    if q.unknown:
        hint = f" (did you mean {', '.join(q.suggestions)}?)" if q.suggestions else ""
        names = ", ".join(repr(u) for u in q.unknown)
        return _refusal(store, text, "unknown_place", f"I know no country or region called {names}{hint}", q)
    if q.out_of_range:
        span = f"; its facts are for {bounds[0]}–{bounds[1]}" if bounds else "; it holds no dated facts"
        years = ", ".join(map(str, sorted(set(q.out_of_range))))
        return _refusal(
            store, text, "year_out_of_range", f"the knowledge base has nothing for {years}{span}", q
        )
    if any(w in lexicon().off_topic for w in q.low):
        return _refusal(
            store, text, "off_topic", "the knowledge base holds facts about human trafficking only", q
        )
    intent = asked_kind(q)
    if intent is None and compares(q):
        intent = "profile"  # "compare Thailand and Vietnam": what is known of each
    why = unanswerable(q, intent)
    if why:
        return _refusal(store, text, "not_understood", why, q)
    if intent is None:
        return _refusal(store, text, "not_understood", None, q)
    if compares(q):
        part = _compare(store, q, intent)
        kind = "comparison"
    else:
        part = _HANDLERS[intent](store, q, q.countries)
        kind = intent
        if intent == "changes" and not part.answered:
            # Nothing earlier to compare with: say what the year itself holds.
            fallback = asked_kind(q, changes=False)
            if fallback is not None:
                part, kind = _HANDLERS[fallback](store, q, q.countries), fallback
    yes_no = is_yes_no(q) and kind in YES_NO_KINDS
    if not part.answered:
        reason = "need_country" if part.detail and part.detail.startswith("name ") else "no_data"
        refused = _refusal(store, text, reason, part.detail, q)
        if yes_no and reason == "no_data":
            # Absence is not a no: nothing stated either way.
            refused.text, refused.verdict = f"{NOT_SAID} {refused.text}", "not_said"
        return refused
    lead = yes_no_lead(q, kind, part) if yes_no else None
    verdict = None
    if yes_no:
        said = lead or part.text
        verdict = "yes" if said.startswith("Yes") else "no" if said.startswith("No") else None
    return Answer(
        question=text,
        kind=kind,
        answered=True,
        verdict=verdict,
        text=f"{lead} {part.text}" if lead else part.text,
        values=list(dict.fromkeys(part.values)),
        rows=part.rows,
        evidence=_unique(part.evidence),
        parsed=q.describe(),
    )
