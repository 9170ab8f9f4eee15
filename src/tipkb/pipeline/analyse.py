"""The pipeline's analyse step: a document read becomes what the store keeps of it (sentences, facts,
title, subject country, report year and the rule set that made the facts)."""

from __future__ import annotations

from tipkb.context import document_subject, report_year
from tipkb.extract import extract_document
from tipkb.model import Document
from tipkb.ruleset import current_ruleset
from tipkb.segment import Segmented, segment, transient
from tipkb.store import DocumentRecord

__all__ = ["analyse", "current_ruleset"]

_TITLE_MAX = 200


def _title(document: Document, seg: Segmented) -> str | None:
    title = document.meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()[:_TITLE_MAX]
    if seg.paragraphs and seg.paragraphs[0].heading:
        return seg.paragraphs[0].text.strip().strip("=#").strip()[:_TITLE_MAX] or None
    return None


def analyse(document: Document, digest: str = "") -> DocumentRecord:
    """A document as the store keeps it: its sentences, facts, title, subject country and report year.

    ``digest``: the text's content hash, if already known.
    """
    with transient():
        seg = segment(document.text)
        return DocumentRecord(
            hash=digest,
            source=document.source,
            text=document.text,
            sentences=[(s.start, s.end, s.text) for s in seg.sentences],
            facts=extract_document(document, seg),
            title=_title(document, seg),
            subject=document.meta.get("subject") or document_subject(seg, document.source),
            report_year=document.meta.get("report_year") or report_year(seg),
            ruleset=current_ruleset(),
        )
