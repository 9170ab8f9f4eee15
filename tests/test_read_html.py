"""The HTML reader on saved Wikipedia, state.gov and refworld pages (written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipkb import extract_document
from tipkb.read import ReadError, html_document, iter_documents, read_document, sniff_format
from tipkb.segment import iter_paragraphs

FIXTURES = Path(__file__).parent / "fixtures"


def _headings(text: str) -> list[str]:
    return [p.text for p in iter_paragraphs(text) if p.heading]


def test_wikipedia_article() -> None:
    doc = read_document(FIXTURES / "wikipedia-kazakhstan.html")
    assert doc.meta["title"] == "Human trafficking in Kazakhstan"
    assert doc.meta["date"] == "2024-03-03"
    assert doc.text.startswith("Human trafficking in Kazakhstan\n\nKazakhstan became a party")
    # Footnote markers are citations; "citation needed" and the reference list are gone.
    assert "in July 2008.[1]" in doc.text
    assert "sexual exploitation.[2] Labor migrants" in doc.text
    assert "in the cities.[3][a]" in doc.text
    assert "United Arab Emirates" in doc.text  # non-breaking spaces are plain spaces
    for boilerplate in (
        "Jump to content",
        "Main menu",
        "Search Wikipedia",
        "From Wikipedia",
        "edit",
        "citation needed",
        "Contents",
        "Capital",
        "A map of Kazakhstan",
        "See also",
        "Human trafficking in Uzbekistan",
        "References",
        "Treaty status",
        "Human trafficking in Asia",
        "Retrieved from",
        "Categories",
        "last edited",
        "Privacy policy",
        "RLCONF",
        "margin-bottom",
    ):
        assert boilerplate not in doc.text, boilerplate
    assert _headings(doc.text)[:4] == [
        "Human trafficking in Kazakhstan",
        "Background",
        "Prosecution (2008)",
        "Sex trafficking",
    ]
    # List items are paragraphs of their own; table rows are lines of cells.
    assert "\n\nPolice closed several brothels in Almaty.\n\nAn NGO hotline" in doc.text
    assert "Year | Tier\n2017 | 2\n2023 | 2\n" in doc.text


def test_state_gov_narrative() -> None:
    doc = read_document(FIXTURES / "stategov-kazakhstan.html")
    assert doc.meta["title"] == "Kazakhstan"
    assert doc.meta["date"] == "2023-06-15"
    for boilerplate in (
        "Skip to content",
        "official website",
        "Here's how you know",
        "Travel",
        "Careers",
        "Share",
        "Facebook",
        "Related Articles",
        "Travel Advisory",
        "Privacy Policy",
        "dataLayer",
    ):
        assert boilerplate not in doc.text, boilerplate
    headings = _headings(doc.text)
    for heading in (
        "2023 Trafficking in Persons Report: Kazakhstan",
        "KAZAKHSTAN: Tier 2",
        "PROSECUTION",
        "TRAFFICKING PROFILE",
    ):
        assert heading in headings
    assert "new law on victim services.[2] However" in doc.text
    facts = {(f.type, getattr(f, "tier", None), f.year) for f in extract_document(doc)}
    assert ("tier", "2", 2023) in facts


def test_refworld_page_in_latin1() -> None:
    doc = read_document(FIXTURES / "refworld-moldova.html")
    assert doc.meta["title"] == "Trafficking in Persons Report 2010 - Moldova"
    assert doc.meta["date"] == "2010-06-14"
    assert "café owner in Bălți" in doc.text and "Chișinău" in doc.text
    for boilerplate in ("Skip to main content", "By Country", "Disclaimer", "Accessibility", "UNHCR 2024"):
        assert boilerplate not in doc.text, boilerplate
    headings = _headings(doc.text)
    assert headings[0] == "Trafficking in Persons Report 2010 - Moldova"
    assert "MOLDOVA (Tier 2)" in headings and "Prosecution" in headings and "Protection" in headings
    facts = extract_document(doc)
    assert {(f.type, f.year) for f in facts if f.type == "tier"} == {("tier", 2010)}


@pytest.mark.parametrize("name", ["wikipedia-kazakhstan", "stategov-kazakhstan", "refworld-moldova"])
def test_evidence_offsets_point_into_the_text(name: str) -> None:
    doc = read_document(FIXTURES / f"{name}.html")
    again = read_document(FIXTURES / f"{name}.html")
    assert doc.text == again.text  # the same page gives the same text, so stored offsets stay valid
    facts = extract_document(doc)
    assert facts
    for fact in facts:
        assert doc.text[fact.evidence.start : fact.evidence.end] == fact.evidence.text


def test_malformed_html_still_reads() -> None:
    page = (
        b"<html><head><title>Notes on Ghana</title><body><div><p>Ghana is a source country for "
        b"children in forced labor on fishing boats on Lake Volta.<p>Girls from the north are "
        b"exploited as porters in Accra.</span></b><div><h2>Prosecution<p>Courts convicted nine "
        b"traffickers in 2009.</td></tr></table>"
    )
    doc = html_document(page, "ghana.html")
    assert doc.meta["title"] == "Notes on Ghana"
    assert doc.text == (
        "Notes on Ghana\n\n"
        "Ghana is a source country for children in forced labor on fishing boats on Lake Volta.\n\n"
        "Girls from the north are exploited as porters in Accra.\n\n"
        "Prosecution\n\n"
        "Courts convicted nine traffickers in 2009.\n"
    )


def test_deeply_nested_page() -> None:
    page = "<html><body>" + "<div>" * 5000 + "<p>Peru is a source country.</p>" + "</div>" * 5000
    doc = html_document(page.encode(), "deep.html")
    assert "Peru is a source country." in doc.text


def test_fragment_with_html_extension(tmp_path: Path) -> None:
    p = tmp_path / "fragment.html"
    p.write_text("<p>Chad is a <b>source</b> country.</p><p>Second&nbsp;paragraph.</p>")
    doc = read_document(p)
    assert doc.text == "Chad is a source country.\n\nSecond paragraph.\n"
    assert doc.meta["warnings"] == []


def test_page_with_no_text_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "empty-page.html"
    p.write_text(
        "<!doctype html><html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>"
    )
    with pytest.raises(ReadError) as err:
        read_document(p)
    assert str(err.value) == f"{p}: no text found in the HTML page"


def test_plain_text_named_html_is_read_as_text(tmp_path: Path) -> None:
    p = tmp_path / "notes.html"
    p.write_text("Peru is a source country.\n\nIt is also a destination.\n")
    doc = read_document(p)
    assert doc.text == "Peru is a source country.\n\nIt is also a destination.\n"
    assert "content is plain text, not HTML" in doc.meta["warnings"][0]


def test_html_named_txt_is_read_as_html(tmp_path: Path) -> None:
    p = tmp_path / "saved.txt"
    p.write_bytes((FIXTURES / "stategov-kazakhstan.html").read_bytes())
    doc = read_document(p)
    assert doc.meta["format"] == "html" and "Skip to content" not in doc.text
    assert "content is HTML, not plain text" in doc.meta["warnings"][0]


def test_utf16_page(tmp_path: Path) -> None:
    p = tmp_path / "utf16.htm"
    p.write_bytes("<html><body><p>Côte d'Ivoire is a destination.</p></body></html>".encode("utf-16"))
    assert read_document(p).text == "Côte d'Ivoire is a destination.\n"


def test_directories_include_html(tmp_path: Path) -> None:
    (tmp_path / "a.htm").write_text("<p>Chad is a source country.</p>")
    (tmp_path / "b.html").write_text("<html><body><p>Peru is a source country.</p></body></html>")
    (tmp_path / "c.css").write_text("p { color: red }")
    docs = list(iter_documents([str(tmp_path)]))
    assert [Path(d.source).name for d in docs if not isinstance(d, ReadError)] == ["a.htm", "b.html"]


@pytest.mark.parametrize(
    ("head", "suffix", "expected"),
    [
        (b"%PDF-1.7\n", ".txt", "pdf"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "", "html"),
        (b"<!-- saved from url=(0041)https://example.org/ -->\n<html>", ".txt", "html"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">', "", "html"),
        (b"<p>a fragment</p>", ".html", "html"),
        (b"<p>a fragment</p>", ".txt", "text"),
        (b"Peru is a source country.", ".pdf", "text"),
        (b"\x89PNG\r\n\x1a\n", ".pdf", ""),
        (b"\x00\x01binary", ".html", ""),
    ],
)
def test_sniff_format(head: bytes, suffix: str, expected: str) -> None:
    assert sniff_format(head, suffix) == expected


# -- hostile nesting (docs/reliability.md, "Deeply nested HTML") -----------------------------------


def _tree_depth(markup: str) -> int:
    from selectolax.lexbor import LexborHTMLParser

    deepest = 0
    stack = [(LexborHTMLParser(markup).root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.iter())
    return deepest


@pytest.mark.parametrize("closed", [True, False])
@pytest.mark.parametrize("tag", ["div", "span", "font", "section"])
def test_nesting_past_the_limit_is_flattened_text_kept(tag: str, closed: bool) -> None:
    from tipkb.read.html import MAX_DEPTH

    n = 20_000
    parts = [f"<{tag}>Official count number {i} was recorded. " for i in range(n)]
    markup = "<html><body>" + "".join(parts) + (f"</{tag}>" * n if closed else "") + "</body></html>"
    doc = html_document(markup.encode(), "deep.html")
    # Every sentence is there, in order; the warning names the file and says what was done.
    words = doc.text.split()
    assert words.count("Official") == n
    assert " ".join(words[:6]) == "Official count number 0 was recorded."
    assert " ".join(words[-6:]) == f"Official count number {n - 1} was recorded."
    [warning] = doc.meta["warnings"]
    assert warning.startswith(f"deep.html: HTML nested deeper than {MAX_DEPTH} levels; ")
    assert "tags past that depth were dropped (their text kept)" in warning


def test_flattened_markup_parses_within_the_limit() -> None:
    from tipkb.read.html import MAX_DEPTH, flatten_deep

    markup = "<html><body>" + "<div><span>x " * 5_000 + "</span></div>" * 5_000 + "</body></html>"
    flat, dropped = flatten_deep(markup)
    assert dropped > 9_000
    assert _tree_depth(flat) <= MAX_DEPTH + 5 < _tree_depth(markup)


def test_flattening_leaves_real_pages_alone() -> None:
    from tipkb.read.html import flatten_deep

    for page in sorted(FIXTURES.glob("*.html")):
        markup = page.read_bytes().decode("utf-8", "replace")
        assert flatten_deep(markup) == (markup, 0), page.name
    # Deep, but within the limit (a page of nested lists and tables), and tags in comments and scripts.
    nested = "<ul><li>a " * 100 + "</li></ul>" * 100
    noise = (
        "<!-- " + "<div>" * 1000 + " --><script>" + "'<div>'" * 1000 + "</script>" + "<br><img src=x>" * 1000
    )
    assert flatten_deep(nested + noise, max_depth=100) == (nested + noise, 0)
    assert flatten_deep(nested, max_depth=50)[1] == 100


def test_runs_of_broken_tags_are_read_in_linear_time() -> None:
    from tipkb.read.html import flatten_deep

    # No ">" anywhere: a scan that looked for one from every "<" would be quadratic.
    markup = "<a" * 200_000 + "<div" * 200_000
    assert flatten_deep(markup) == (markup, 0)
