"""Fuzzing the readers (text, HTML, PDF through ``tipkb.read``) and the extractor with random and mutated
documents: no exception but ReadError, no hang (each input has a time limit), and every evidence span and
sentence produced points at exactly its text. ``benchmarks/fuzz_long.py`` runs the same properties
longer (and atheris); ``docs/reliability.md`` records what was tried and found."""

from __future__ import annotations

import contextlib
import faulthandler
import io
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store_helpers import FIXTURE_TEXTS
from tipkb.model import Document
from tipkb.pipeline import analyse
from tipkb.read import ReadError, html_document, read_document, read_pdf
from tipkb.split import split_if_report

FIXTURES = Path(__file__).parent / "fixtures"
# No single input may take longer than this (seconds); a hang in C code is caught by faulthandler.
LIMIT = 10.0
# TIPKB_FUZZ_SCALE multiplies the examples (benchmarks/fuzz_long.py runs these properties much longer).
SCALE = float(os.environ.get("TIPKB_FUZZ_SCALE", "1"))


def examples(n: int) -> int:
    return max(1, int(n * SCALE))


FUZZ = settings(
    max_examples=examples(60),
    deadline=None,  # the time limit below bounds each input instead (machines under load vary)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: float = LIMIT) -> Iterator[None]:
    """Fail an input that runs longer than ``seconds``; kill the run (with tracebacks) if C code hangs."""

    def expired(signum: int, frame: Any) -> None:
        raise Hang(f"input took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    faulthandler.dump_traceback_later(seconds * 6, exit=True)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        faulthandler.cancel_dump_traceback_later()


def check_analysis(doc: Document) -> None:
    """The whole pipeline after reading: split, segment, extract; every span is its text."""
    assert isinstance(doc.text, str)
    for part in split_if_report(doc):
        record = analyse(part)
        text = part.text
        for start, end, sentence in record.sentences:
            assert 0 <= start <= end <= len(text) and text[start:end] == sentence
        for fact in record.facts:
            ev = fact.evidence
            assert 0 <= ev.start <= ev.end <= len(text), fact
            assert text[ev.start : ev.end] == ev.text, fact


# Inputs that crashed the readers when this fuzzing first ran (docs/reliability.md, F1 to F4; fixed):
# now each reads or fails with a ReadError like any other bad file.
FIXED_INPUTS = {
    "F1.txt": b"\xff\xfe\x00",
    "F3.html": b"<!DOCTYPE html><html><body><p>Kazakhstan is on Tier 2.</p>><?e></body></html>",
    "F4.html": b'<!DOCTYPE html><html role="banner"><body><p>Kazakhstan is on Tier 2.</p></body></html>',
}


def read_bytes_as(data: bytes, suffix: str) -> Document | None:
    """Read bytes as a file of that suffix; None for a ReadError (the only failure allowed)."""
    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        f.write(data)
        f.flush()
        try:
            return read_document(f.name)
        except ReadError:
            return None


def read_and_check(data: bytes, suffix: str) -> None:
    with time_limit():
        doc = read_bytes_as(data, suffix)
        if doc is not None:
            check_analysis(doc)


# -- seeds ------------------------------------------------------------------------------------------

SEED_TEXTS = list(FIXTURE_TEXTS.values())
SEED_HTML = [p.read_bytes() for p in sorted(FIXTURES.glob("*.html"))]


@lru_cache(maxsize=1)
def seed_pdfs() -> list[bytes]:
    """Two small PDFs of our own text (fpdf2): a one-page narrative and a short annual report."""
    pytest.importorskip("fpdf")
    pytest.importorskip("pdfplumber")
    from fpdf import FPDF

    sys.path.insert(0, str(FIXTURES))
    try:
        import report_pdf
    finally:
        sys.path.remove(str(FIXTURES))
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in SEED_TEXTS:
        pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    one = bytes(pdf.output())
    with tempfile.TemporaryDirectory() as tmp:
        path = report_pdf.build_report(Path(tmp) / "r.pdf", report_pdf.old_style_report())
        report = path.read_bytes()
    return [one, report]


def mutate(data: Any, draw: Any) -> Any:
    """Cut, splice, repeat, or overwrite random stretches (works on str and bytes)."""
    n = len(data)
    for _ in range(draw(st.integers(1, 4))):
        n = len(data)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 2000)))
        kind = draw(st.sampled_from(["cut", "delete", "repeat", "insert", "swap"]))
        if kind == "cut":
            data = data[:i]
        elif kind == "delete":
            data = data[:i] + data[j:]
        elif kind == "repeat":
            data = data[:j] + data[i:j] * draw(st.integers(2, 20)) + data[j:]
        elif kind == "insert":
            junk = draw(st.binary(max_size=64)) if isinstance(data, bytes) else draw(st.text(max_size=64))
            data = data[:i] + junk + data[i:]
        else:
            data = data[:i] + data[j:] + data[i:j]
    return data


@st.composite
def mutated_texts(draw: Any) -> str:
    return mutate(draw(st.sampled_from(SEED_TEXTS)), draw)


@lru_cache(maxsize=1)
def country_names() -> list[str]:
    from tipkb.places import country_codes, country_name

    return [country_name(c) for c in country_codes()]


@st.composite
def country_lists(draw: Any) -> str:
    """Sentences naming up to 300 countries in one list, in the shapes the flow and role rules read."""
    names = country_names()
    picked = draw(st.lists(st.sampled_from(names), min_size=50, max_size=300))
    head = ", ".join(picked[:-1]) + " and " + picked[-1]
    shape = draw(st.sampled_from(["victims", "destinations", "source", "tier"]))
    if shape == "victims":
        return f"Victims from {head} are subjected to forced labor in {picked[0]}."
    if shape == "destinations":
        return f"{picked[0]}n women are trafficked to {head} for sexual exploitation."
    if shape == "source":
        return f"{head} are source, transit, and destination countries for men, women, and children."
    return f"Tier 2 Watch List (2009): {head}."


@st.composite
def long_sentences(draw: Any) -> str:
    """One sentence of 2,000-20,000 words with no full stop (or a line far longer than any narrative's)."""
    words = [
        "women",
        "from",
        "Nepal",
        "are",
        "trafficked",
        "to",
        "India",
        "and",
        "the",
        ",",
        "in",
        "2009",
        "Tier",
    ]
    n = draw(st.integers(2_000, 20_000))
    seed = draw(st.randoms(use_true_random=False))
    body = " ".join(seed.choice(words) for _ in range(n))
    return body + draw(st.sampled_from(["", ".", "\n", "\n\nMOLDOVA (Tier 2)\n\n"]))


@st.composite
def nested_html(draw: Any) -> bytes:
    depth = draw(st.integers(100, 5000))
    tag = draw(st.sampled_from(["div", "p", "li", "table", "span", "section", "td", "b"]))
    text = draw(st.sampled_from(SEED_TEXTS))
    closed = draw(st.booleans())
    html = f"<html><body>{f'<{tag}>' * depth}{text}{f'</{tag}>' * depth if closed else ''}</body></html>"
    return html.encode("utf-8")


@st.composite
def tag_soup(draw: Any) -> bytes:
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(
                    [
                        "<p>",
                        "</p>",
                        "<div>",
                        "</div>",
                        "<h2>",
                        "</h2>",
                        "<table><tr><td>",
                        "</td></tr></table>",
                        "<ul><li>",
                        "</li>",
                        "<br>",
                        "<sup>[1]</sup>",
                        "<script>x<y",
                        "<!--",
                        "-->",
                        "&amp;",
                        "&#0;",
                        "<article>",
                        "<title>",
                        "</title>",
                        "<meta charset=latin-1>",
                        "<![CDATA[",
                        "<?xml version='1.0'?>",
                        '<html role="banner">',
                    ]
                ),
                st.sampled_from(SEED_TEXTS),
                st.text(max_size=40),
            ),
            max_size=60,
        )
    )
    return ("<!DOCTYPE html><html>" + "".join(parts)).encode("utf-8", "surrogatepass")


@st.composite
def mutated_html(draw: Any) -> bytes:
    return mutate(draw(st.sampled_from(SEED_HTML)), draw)


@st.composite
def mutated_pdfs(draw: Any) -> bytes:
    data = draw(st.sampled_from(seed_pdfs()))
    kind = draw(st.sampled_from(["truncate", "truncate-eof", "flip", "splice"]))
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "truncate-eof":  # cut, but still ending as a PDF should, so the parser runs
        return data[: draw(st.integers(0, len(data)))] + b"\n%%EOF\n"
    if kind == "flip":
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 30))):
            out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
        return bytes(out)
    return mutate(data, draw)


# -- properties -------------------------------------------------------------------------------------

SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".htm", ".pdf", ""])


@FUZZ
@given(data=st.binary(max_size=4096), suffix=SUFFIXES)
def test_random_bytes_in_any_reader(data: bytes, suffix: str) -> None:
    read_and_check(data, suffix)


@FUZZ
@given(
    data=st.binary(max_size=2048),
    head=st.sampled_from([b"%PDF-1.4\n", b"<!DOCTYPE html>", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe", b""]),
)
def test_random_bytes_behind_a_magic_number(data: bytes, head: bytes) -> None:
    read_and_check(head + data + (b"\n%%EOF\n" if head.startswith(b"%PDF") else b""), ".txt")


@FUZZ
@given(text=st.one_of(st.text(max_size=3000), mutated_texts()))
def test_random_and_mutated_text(text: str) -> None:
    with time_limit():
        check_analysis(Document(text=text, source="fuzz.txt"))
    read_and_check(text.encode("utf-8", "surrogatepass"), ".txt")


@settings(FUZZ, max_examples=examples(8))
@given(text=long_sentences())
def test_very_long_sentences(text: str) -> None:
    with time_limit():
        check_analysis(Document(text=text, source="long.txt"))


@settings(FUZZ, max_examples=examples(25))
@given(text=country_lists())
def test_lists_of_hundreds_of_countries(text: str) -> None:
    with time_limit():
        check_analysis(Document(text=text, source="countries.txt"))


@settings(FUZZ, max_examples=examples(25))
@given(data=st.one_of(nested_html(), tag_soup(), mutated_html()))
def test_nested_soupy_and_mutated_html(data: bytes) -> None:
    with time_limit():
        try:
            doc = html_document(data, "fuzz.html")
        except ReadError:
            doc = None
        if doc is not None:
            check_analysis(doc)
    read_and_check(data, ".html")


@settings(FUZZ, max_examples=examples(30))
@given(data=mutated_pdfs())
def test_truncated_and_mutated_pdfs(data: bytes) -> None:
    with time_limit():
        try:
            doc = read_pdf(io.BytesIO(data), "fuzz.pdf")
        except ReadError:
            return
        check_analysis(doc)


def test_the_seed_pdfs_read() -> None:
    """The mutations start from PDFs that read (so the fuzzing reaches the parser)."""
    for data in seed_pdfs():
        doc = read_pdf(io.BytesIO(data), "seed.pdf")
        assert "Tier" in doc.text


def test_inputs_that_once_crashed_the_readers(tmp_path: Path) -> None:
    """What the fuzzing found in the readers: each now reads, or fails alone as a clean read error."""
    from tipkb.pipeline import ingest
    from tipkb.store import open_store

    for name, data in FIXED_INPUTS.items():
        (tmp_path / name).write_bytes(data)
        with contextlib.suppress(ReadError):  # the only failure a reader may give
            read_document(str(tmp_path / name))
    (tmp_path / "good.txt").write_text(SEED_TEXTS[0], encoding="utf-8")
    with open_store(str(tmp_path / "kb.db")) as store:
        report = ingest(store, [str(tmp_path)])
    assert report.outcomes["new"] + len(report.errors) == 1 + len(FIXED_INPUTS)
    assert report.outcomes["new"] >= 1


def test_digits_that_are_no_decimal_digits() -> None:
    """Superscript and other digits Python calls digits but int() refuses ("1432¹", a footnote mark
    glued to a year or an article number) once crashed the extractor; they read as words."""
    text = (
        "Tonga: 2021 Trafficking in Persons Report\n\nArticle 143¹ of the code, in force since 2013², "
        "criminalises trafficking. In 2020³ the police identified 12 victims. 2019¹ - 7\n"
    )
    facts = [f.to_dict() for f in analyse(Document(text=text, source="tonga.txt")).facts]
    assert {(f["metric"], f["value"]) for f in facts if f["type"] == "statistic"} >= {
        ("victims_identified", 12)
    }
    for f in facts:
        ev = f["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
