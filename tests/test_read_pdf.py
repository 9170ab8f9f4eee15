"""The PDF reader on reports built here: reading order, furniture removed, hyphens, columns, pages, bad files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pytest
from fpdf import FPDF
from PIL import Image
from tests.conftest import run_cli
from tests.fixtures.report_pdf import Report, build_report, old_style_report

from tipkb import Document, extract_document
from tipkb.read import ReadError, iter_documents, page_of, read_document, read_pdf

FIXTURES = Path(__file__).parent / "fixtures"


def _expected(text: str) -> str:
    """A fixture paragraph as the reader should give it: forced breaks rejoined."""
    return re.sub(r"(\w)\|(\w)", r"\1\2", text.replace("-|", "-"))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path, Document]:
    spec = old_style_report()
    path = build_report(tmp_path_factory.mktemp("pdf") / "report-2010.pdf", spec)
    return spec, path, read_pdf(path)


def test_paragraphs_in_reading_order(report: tuple[Report, Path, Document]) -> None:
    spec, _, doc = report
    position = 0
    for narrative in spec.narratives:
        header = f"\n\n{narrative.header}\n\n"
        found = doc.text.find(header, position)
        assert found > position, narrative.header
        position = found
        for kind, text in narrative.blocks:
            want = (f"\n\n{text}\n\n") if kind == "h" else _expected(text)
            found = doc.text.find(want, position)
            assert found >= position, f"missing or out of order: {want[:60]!r}"
            position = found


def test_running_header_footer_and_page_numbers_removed(report: tuple[Report, Path, Document]) -> None:
    _, path, doc = report
    with pdfplumber.open(path) as pdf:
        raw = pdf.pages[2].extract_text()
    assert "TRAFFICKING IN PERSONS REPORT 2010" in raw and re.search(r"^3$", raw, re.M)
    assert "TRAFFICKING IN PERSONS REPORT 2010" not in doc.text
    assert not re.search(r"^\s*\d+\s*$", doc.text, re.M)
    assert doc.meta["running_lines"] == ["TRAFFICKING IN PERSONS REPORT 2010"]


def test_hyphenated_words_rejoined(report: tuple[Report, Path, Document]) -> None:
    _, path, doc = report
    with pdfplumber.open(path) as pdf:
        raw = "\n".join(page.extract_text() for page in pdf.pages)
    assert re.search(r"traf-\n", raw) and re.search(r"anti-\ntrafficking", raw)
    assert "the trafficking of girls" in doc.text
    assert "traf-" not in doc.text and "traf " not in doc.text
    # A compound broken at its own hyphen keeps it (the document writes "anti-trafficking" elsewhere).
    assert "paid for anti-trafficking courses" in doc.text


def test_two_columns_read_column_by_column(report: tuple[Report, Path, Document]) -> None:
    spec, path, doc = report
    with pdfplumber.open(path) as pdf:
        first_line = pdf.pages[3].extract_text().splitlines()[2]
    # pdfplumber alone interleaves the columns: a left and a right column line on one line.
    assert first_line.startswith("Cote d'Ivoire is") and "government" in first_line
    columns = next(n for n in spec.narratives if n.columns)
    for _, text in columns.blocks:
        assert _expected(text) in doc.text


def test_paragraph_across_a_page_break_is_one_paragraph(report: tuple[Report, Path, Document]) -> None:
    _, _, doc = report
    start = doc.meta["pages"][2][0]
    assert doc.text[start - 1] == " "
    assert "\n" not in doc.text[start - 200 : start + 50]


def test_page_ranges_and_page_of(report: tuple[Report, Path, Document]) -> None:
    _, path, doc = report
    ranges = doc.meta["pages"]
    assert ranges[0][0] == 0 and ranges[-1][1] == len(doc.text)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    with pdfplumber.open(path) as pdf:
        # Without spaces: pdfplumber's default tolerance runs the words of some lines together.
        raw_pages = ["".join(page.extract_text().split()) for page in pdf.pages]
    for probe in (
        "10th Edition",
        "Kazakhstan is a destination",
        "Victims identified in the country",
        "Somalia remained a special case",
        "This table lists",
    ):
        offset = doc.text.index(probe)
        expected = next(i + 1 for i, text in enumerate(raw_pages) if probe.replace(" ", "") in text)
        assert page_of(doc, offset) == expected, probe
    assert page_of(doc, len(doc.text)) == len(ranges)
    with pytest.raises(ValueError):
        page_of(Document(text="no pages", source="a.txt"), 0)
    with pytest.raises(ValueError):
        page_of(doc, -1)


def test_evidence_offsets_point_into_the_pdf_text(report: tuple[Report, Path, Document]) -> None:
    _, _, doc = report
    facts = extract_document(doc)
    assert facts
    for fact in facts:
        assert doc.text[fact.evidence.start : fact.evidence.end] == fact.evidence.text


# ------------------------------------------------------------------------------------------ bad input


def _one_page(text: str = "Kazakhstan is a destination country for forced labor.") -> FPDF:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 10, text)
    return pdf


def _read_error(path: Path) -> str:
    with pytest.raises(ReadError) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(str(path) + ": ")
    return message


def test_encrypted_pdf_needs_a_password(tmp_path: Path) -> None:
    pdf = _one_page()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(tmp_path / "locked.pdf"))
    assert "encrypted PDF" in _read_error(tmp_path / "locked.pdf")


def test_encrypted_pdf_with_empty_password_opens(tmp_path: Path) -> None:
    pdf = _one_page()
    pdf.set_encryption(owner_password="owner")
    pdf.output(str(tmp_path / "owner-only.pdf"))
    doc = read_document(tmp_path / "owner-only.pdf")
    assert "Kazakhstan is a destination country" in doc.text


def test_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    Image.new("L", (400, 300), 230).save(tmp_path / "scan.png")
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(str(tmp_path / "scan.png"), x=10, y=10, w=180)
    pdf.output(str(tmp_path / "scanned.pdf"))
    assert "no text layer: OCR is not supported" in _read_error(tmp_path / "scanned.pdf")


def test_scanned_pages_in_a_text_pdf_are_a_warning(tmp_path: Path) -> None:
    Image.new("L", (400, 300), 230).save(tmp_path / "scan.png")
    pdf = _one_page()
    pdf.add_page()
    pdf.image(str(tmp_path / "scan.png"), x=10, y=10, w=180)
    pdf.output(str(tmp_path / "mixed.pdf"))
    doc = read_document(tmp_path / "mixed.pdf")
    assert "Kazakhstan" in doc.text
    assert any("no text layer on page(s) 2" in w for w in doc.meta["warnings"])


def test_truncated_pdf(tmp_path: Path, report: tuple[Report, Path, Document]) -> None:
    data = report[1].read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])
    assert "truncated PDF" in _read_error(tmp_path / "cut.pdf")


def test_corrupt_pdf(tmp_path: Path) -> None:
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    assert "corrupt PDF" in _read_error(tmp_path / "corrupt.pdf")


def test_empty_pdf_file(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert _read_error(tmp_path / "empty.pdf").endswith("empty file")


def test_pdf_without_text_or_images(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.output(str(tmp_path / "blank.pdf"))
    assert "PDF has no text" in _read_error(tmp_path / "blank.pdf")


@pytest.mark.parametrize(
    ("name", "head", "problem"),
    [
        ("huge.txt", b"Peru is a source country. " * 400, "file too large (500 MB; limit 200 MB)"),
        (
            "huge.html",
            b"<html><body><p>" + b"Peru is a source country. " * 400,
            "HTML file too large (500 MB",
        ),
        ("huge.pdf", b"%PDF-1.7\n" + b"% padding\n" * 1000, "truncated PDF"),
    ],
)
def test_500_mb_files_are_refused_without_reading_them(
    tmp_path: Path, name: str, head: bytes, problem: str
) -> None:
    path = tmp_path / name
    with path.open("wb") as f:  # sparse: the test writes a few kilobytes, not 500 MB
        f.write(head)
        f.truncate(500 * 1024 * 1024)
    assert problem in _read_error(path)


def test_extension_that_lies_is_read_by_content(tmp_path: Path) -> None:
    _one_page().output(str(tmp_path / "really-a-pdf.txt"))
    doc = read_document(tmp_path / "really-a-pdf.txt")
    assert doc.meta["format"] == "pdf" and "Kazakhstan" in doc.text
    assert "content is PDF, not plain text" in doc.meta["warnings"][0]
    html = (FIXTURES / "stategov-kazakhstan.html").read_bytes()
    (tmp_path / "page.pdf").write_bytes(html)
    doc = read_document(tmp_path / "page.pdf")
    assert doc.meta["format"] == "html" and "content is HTML, not PDF" in doc.meta["warnings"][0]


def test_binary_of_another_format_is_refused(tmp_path: Path) -> None:
    Image.new("L", (10, 10), 0).save(tmp_path / "picture.png")
    (tmp_path / "picture.pdf").write_bytes((tmp_path / "picture.png").read_bytes())
    assert "a PNG image, not text, HTML or PDF" in _read_error(tmp_path / "picture.pdf")
    (tmp_path / "doc.html").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "ZIP archive" in _read_error(tmp_path / "doc.html")


def test_batch_goes_on_after_bad_files(tmp_path: Path, report: tuple[Report, Path, Document]) -> None:
    (tmp_path / "a-report.pdf").write_bytes(report[1].read_bytes())
    (tmp_path / "b-broken.pdf").write_bytes(report[1].read_bytes()[:5000])
    (tmp_path / "c-empty.pdf").write_bytes(b"")
    (tmp_path / "d-page.html").write_bytes((FIXTURES / "wikipedia-kazakhstan.html").read_bytes())
    (tmp_path / "e-notes.txt").write_text("Peru is a source country for forced labor.")
    items = list(iter_documents([str(tmp_path)]))
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert len(errors) == 2 and "b-broken.pdf" in errors[0] and "c-empty.pdf" in errors[1]
    assert [Path(d.source).name for d in docs] == [
        "a-report.pdf#KAZ",
        "a-report.pdf#BIH",
        "a-report.pdf#COD",
        "a-report.pdf#CIV",
        "a-report.pdf#SOM",
        "d-page.html",
        "e-notes.txt",
    ]


def test_extract_cli_reads_html_and_pdf(tmp_path: Path, report: tuple[Report, Path, Document]) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n")
    result = run_cli(
        "extract", str(FIXTURES / "stategov-kazakhstan.html"), str(report[1]), str(broken), "-f", "jsonl"
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "broken.pdf" in errors[0] and "truncated" in errors[0]
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    docs = {Path(f["doc"]).name for f in facts}
    assert "stategov-kazakhstan.html" in docs and "report-2010.pdf#CIV" in docs
    tiers = {(Path(f["doc"]).name, f["tier"]) for f in facts if f["type"] == "tier"}
    assert ("report-2010.pdf#CIV", "2WL") in tiers and ("report-2010.pdf#SOM", "special") in tiers
