"""Whole-report splitting: PDF and text reports into country narratives, and ``tipkb split``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.fixtures.report_pdf import Report, build_report, new_style_report, old_style_report

from tipkb import Document, extract_document
from tipkb.read import ReadError, iter_documents, page_of, read_document
from tipkb.split import (
    MIN_NARRATIVES,
    find_headers,
    header_country,
    report_year,
    split_if_report,
    split_report,
)

CODES = ["KAZ", "BIH", "COD", "CIV", "SOM"]
TIERS = ["2", "1", "3", "2WL", "special"]


@pytest.fixture(scope="module", params=["old", "new"])
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Report, Path, int]:
    spec, year = (old_style_report(), 2010) if request.param == "old" else (new_style_report(), 2017)
    path = build_report(tmp_path_factory.mktemp(request.param) / "report.pdf", spec)
    return spec, path, year


def test_pdf_report_splits_into_narratives(built: tuple[Report, Path, int]) -> None:
    spec, path, year = built
    report = read_document(path)
    parts = split_report(report)
    assert [p.meta["subject"] for p in parts] == CODES
    assert [p.meta["tier"] for p in parts] == TIERS
    assert {p.meta["report_year"] for p in parts} == {year}
    assert [p.source for p in parts] == [f"{path}#{code}" for code in CODES]
    offsets = [p.meta["offset"] for p in parts]
    assert offsets == sorted(offsets)
    for part, narrative in zip(parts, spec.narratives, strict=True):
        start = part.meta["offset"]
        assert report.text[start : start + len(part.text)] == part.text
        assert part.text.splitlines()[0] == narrative.header == part.meta["header"]
        assert "This report looks at" not in part.text and "TIER PLACEMENTS" not in part.text
        assert "RELEVANT INTERNATIONAL CONVENTIONS" not in part.text
        assert "TRAFFICKING IN PERSONS REPORT" not in part.text
        # Page numbers of the part are the report's.
        assert page_of(part, 0) == spec.pages_of[narrative.header][0]
        assert page_of(part, len(part.text)) == spec.pages_of[narrative.header][-1]
    # The text between narratives belongs to one of them: nothing is lost but the introduction.
    assert report.text[offsets[0] :].rstrip().startswith(parts[0].text)


def test_facts_from_a_split_pdf(built: tuple[Report, Path, int]) -> None:
    _, path, _ = built
    docs = list(iter_documents([str(path)]))
    assert all(isinstance(d, Document) for d in docs)
    tiers = []
    for doc in docs:
        assert isinstance(doc, Document)
        for fact in extract_document(doc):
            assert doc.text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
            if fact.type == "tier" and fact.evidence.start == 0:
                tiers.append((getattr(fact, "country", None), getattr(fact, "tier", None)))
    assert tiers == list(zip(CODES, TIERS, strict=True))


REPORT_TEXT = """2012 Trafficking in Persons Report

INTRODUCTION

The introduction talks about Kazakhstan and Tier 2 in general terms, and names no placement of its own here.

KOREA, NORTH (Tier 3)

North Korea is a source country for men, women, and children who are subjected to forced labor and forced prostitution. Many are held in prison camps.

GAMBIA, THE (Tier 2 Watch List)

The Gambia is a source and destination country for children and women subjected to forced labor and sex trafficking, mainly along the coast.

ATLANTIS (Tier 2)

Atlantis is a destination country for men from neighbouring islands who are exploited on fishing boats and in the hotels along its shore.

MICRONESIA, FEDERATED STATES OF (Tier 2)

Micronesia is a source country for women subjected to sex trafficking in Guam and the United States, and a destination for foreign fishermen.

APPENDIX

KAZAKHSTAN (Tier 2)
KYRGYZSTAN (Tier 2)
"""


def test_text_report_with_reordered_and_unknown_names(tmp_path: Path) -> None:
    report = Document(text=REPORT_TEXT, source="tip.txt")
    parts = split_report(report)
    assert [p.meta["subject"] for p in parts] == ["PRK", "GMB", None, "FSM"]
    assert [p.source for p in parts] == ["tip.txt#PRK", "tip.txt#GMB", "tip.txt#atlantis", "tip.txt#FSM"]
    assert [p.meta["tier"] for p in parts] == ["3", "2WL", "2", "2"]
    assert {p.meta["report_year"] for p in parts} == {2012}
    assert any("ATLANTIS (Tier 2)" in w and "no known country" in w for w in parts[0].meta["warnings"])
    assert not parts[-1].text.endswith("\n") and "APPENDIX" not in parts[-1].text
    for part in parts:
        assert REPORT_TEXT[part.meta["offset"] :].startswith(part.text)
        assert "pages" not in part.meta


def test_iter_documents_splits_only_whole_reports(tmp_path: Path) -> None:
    (tmp_path / "report-2012.txt").write_text(REPORT_TEXT)
    two = REPORT_TEXT.split("ATLANTIS")[0]
    (tmp_path / "two.txt").write_text(two)
    docs = list(iter_documents([str(tmp_path)]))
    assert [Path(d.source).name for d in docs if isinstance(d, Document)] == [
        "report-2012.txt#PRK",
        "report-2012.txt#GMB",
        "report-2012.txt#atlantis",
        "report-2012.txt#FSM",
        "two.txt",
    ]
    assert len(split_report(Document(text=two, source="two.txt"))) < MIN_NARRATIVES
    unsplit = list(iter_documents([str(tmp_path / "report-2012.txt")], split_reports=False))
    assert len(unsplit) == 1
    narrative = next(d for d in docs if isinstance(d, Document))
    assert list(split_if_report(narrative)) == [narrative]


def test_list_of_headers_is_not_a_narrative() -> None:
    text = (
        "2019 Trafficking in Persons Report\n\nTIER 2 WATCH LIST COUNTRIES\n\n"
        "ALGERIA: TIER 2 WATCH LIST\nBELARUS: TIER 2 WATCH LIST\nCHAD: TIER 2 WATCH LIST\n\n"
        "PERU: TIER 2\n\n" + "Peru is a source and destination country for forced labor. " * 4 + "\n"
    )
    parts = split_report(Document(text=text, source="r.txt"))
    assert [p.meta["subject"] for p in parts] == ["PER"]
    assert [h.country for h in find_headers(text)] == ["DZA", "BLR", "TCD", "PER"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("KAZAKHSTAN", "KAZ"),
        ("BOSNIA AND HERZEGOVINA", "BIH"),
        ("CONGO, DEMOCRATIC REPUBLIC OF THE", "COD"),
        ("CONGO, REPUBLIC OF THE", "COG"),
        ("COTE D'IVOIRE", "CIV"),
        ("CÔTE D’IVOIRE", "CIV"),
        ("KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF", "PRK"),
        ("KOREA, SOUTH", "KOR"),
        ("BAHAMAS, THE", "BHS"),
        ("CHINA (INCLUDING TIBET, HONG KONG, AND MACAU)", "CHN"),
        ("ST. VINCENT AND THE GRENADINES", "VCT"),
        ("MACEDONIA, FORMER YUGOSLAV REPUBLIC OF", "MKD"),
        ("BURMA", "MMR"),
        ("KOSOVO", "XKX"),
        ("EUROPE", None),
        ("RECOMMENDATIONS FOR KAZAKHSTAN", None),
    ],
)
def test_header_country(name: str, code: str | None) -> None:
    assert header_country(name) == code


@pytest.mark.parametrize(
    ("line", "tier"),
    [
        ("KAZAKHSTAN: TIER 2", "2"),
        ("KAZAKHSTAN (Tier 2)", "2"),
        ("BELARUS: TIER 2 WATCH LIST", "2WL"),
        ("Moldova (Tier 2 Watch List)", "2WL"),
        ("IRAN: TIER 3", "3"),
        ("SWEDEN (Tier 1)", "1"),
        ("LIBYA: SPECIAL CASE", "special"),
        ("SOMALIA (Special Case)", "special"),
        ("  YEMEN: TIER 3  ", "3"),
    ],
)
def test_header_forms(line: str, tier: str) -> None:
    (header,) = find_headers(f"Intro.\n{line}\nText.")
    assert header.tier == tier and header.country is not None


@pytest.mark.parametrize(
    "line",
    [
        "The country remained on Tier 2 (Tier 2) this year.",
        "Overall: Tier 2",
        "KAZAKHSTAN: TIER 2 and more words after it",
        "In 2017, Kazakhstan: Tier 2",
    ],
)
def test_not_headers(line: str) -> None:
    assert find_headers(f"Intro.\n{line}\nText.") == []


@pytest.mark.parametrize(
    ("opening", "source", "year"),
    [
        ("2010 Trafficking in Persons Report\n\nJune 2010", "r.pdf", 2010),
        ("TRAFFICKING IN PERSONS REPORT\n\nJune 2014", "r.pdf", 2014),
        ("Trafficking in Persons Report 10th Edition June 2010", "r.pdf", 2010),
        ("Trafficking in Persons Report, 2008", "r.pdf", 2008),
        ("A report with no year in its title", "tip-report-2019.pdf", 2019),
        ("A report with no year in its title", "report.pdf", None),
    ],
)
def test_report_year(opening: str, source: str, year: int | None) -> None:
    assert report_year(Document(text=opening + "\n\nKAZAKHSTAN: TIER 2\n", source=source)) == year


def test_report_year_from_running_headers() -> None:
    doc = Document(
        text="Introduction\n", source="r.pdf", meta={"running_lines": ["2021 TRAFFICKING IN PERSONS REPORT"]}
    )
    assert report_year(doc) == 2021


# --------------------------------------------------------------------------------------- tipkb split


def test_split_cli_writes_narratives(built: tuple[Report, Path, int], tmp_path: Path) -> None:
    spec, path, year = built
    out = tmp_path / "parts"
    result = run_cli("split", str(path), "-o", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["code"] for r in rows] == CODES and [r["tier"] for r in rows] == TIERS
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        f"{year}-{slug}.txt"
        for slug in (
            "kazakhstan",
            "bosnia-and-herzegovina",
            "democratic-republic-of-the-congo",
            "cote-d-ivoire",
            "somalia",
        )
    )
    text = (out / f"{year}-kazakhstan.txt").read_text()
    assert text.startswith(
        f"{year} Trafficking in Persons Report: Kazakhstan\n\n{spec.narratives[0].header}\n\n"
    )
    report = read_document(path)
    kaz = split_report(report)[0]
    assert rows[0]["characters"] == len(kaz.text)
    # The file, read back, gives the narrative's year and tier without the report around it.
    (fact,) = [f for f in extract_document(read_document(out / f"{year}-kazakhstan.txt")) if f.type == "tier"]
    assert (getattr(fact, "country", None), getattr(fact, "tier", None), fact.year) == ("KAZ", "2", year)


def test_split_cli_table_and_exact_text(tmp_path: Path) -> None:
    src = tmp_path / "report.txt"
    src.write_text(REPORT_TEXT)
    result = run_cli("split", str(src), "-o", str(tmp_path / "out"), "--no-title")
    assert result.returncode == 0
    assert "4 narratives from the 2012 report" in result.stdout and "2012-north-korea.txt" in result.stdout
    assert "names no known country" in result.stderr
    written = (tmp_path / "out" / "2012-north-korea.txt").read_text()
    assert written.startswith("KOREA, NORTH (Tier 3)\n\n")
    assert written.rstrip("\n") == split_report(Document(text=REPORT_TEXT, source="x"))[0].text
    assert (tmp_path / "out" / "2012-atlantis.txt").exists()


def test_split_cli_errors(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Peru is a source country for forced labor.\n")
    result = run_cli("split", str(notes), "-o", str(tmp_path / "out"))
    assert result.returncode == 1 and "no country narratives found" in result.stderr
    assert not (tmp_path / "out").exists()
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = run_cli("split", str(empty), "-o", str(tmp_path / "out"))
    assert result.returncode == 1 and result.stderr.strip() == f"tipkb: {empty}: empty file"


def test_read_error_is_not_raised_by_iter_documents(tmp_path: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\nnot really")
    (item,) = list(iter_documents([str(tmp_path / "bad.pdf")]))
    assert isinstance(item, ReadError) and "bad.pdf" in str(item)
