"""The ask view: an answer to a question."""

from __future__ import annotations

import re
from typing import Any

from tipkb.web.stores import Stores
from tipkb.web.views.common import analysis_errors
from tipkb.web.views.documents import linked

CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def ask_view(stores: Stores, q: str) -> dict[str, Any]:
    """An answer to a question (``tipkb ask``) with its sentences linked; ``sentence_page`` opens the
    document at the sentence (also for the closest sentences of a refusal, which state no fact)."""
    with analysis_errors():
        from tipkb.web import analysis as endpoints

        data = linked(stores, endpoints.ask_data(stores.get(), CONTROL.sub(" ", q)))
    for e in data["evidence"]:
        e["sentence_page"] = (
            f"/documents/{e['document_id']}?sentence={e['start']}-{e['end']}#sentence"
            if e.get("document_id")
            else None
        )
    return data
