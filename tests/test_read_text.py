from __future__ import annotations

from pathlib import Path

import pytest

from tipkb.read import ReadError, iter_documents, read_document


def test_utf8_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffPeru is a source country.".encode())
    doc = read_document(p)
    assert doc.text == "Peru is a source country."


def test_other_encoding_with_warning(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes(
        "Côte d'Ivoire est un pays d'origine. Les enfants travaillent dans les plantations de cacao.".encode(
            "latin-1"
        )
    )
    doc = read_document(p)
    assert "Côte" in doc.text
    assert doc.meta["warnings"] and "not valid UTF-8" in doc.meta["warnings"][0]


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty file"), (b"\x00\x01\x02binary", "binary file")],
)
def test_bad_files(tmp_path: Path, content: bytes, problem: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read_document(p)
    assert problem in str(err.value) and "bad.txt" in str(err.value)


def test_directory_walk_and_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Chad is a source country.")
    (tmp_path / "a.txt").write_text("Peru is a source country.")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    items = list(iter_documents([str(tmp_path), str(tmp_path / "missing.txt")]))
    docs = [i for i in items if not isinstance(i, ReadError)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [Path(d.source).name for d in docs] == ["a.txt", "b.md"]
    assert len(errors) == 1 and "no such file" in str(errors[0])


def test_empty_directory(tmp_path: Path) -> None:
    (errors,) = list(iter_documents([str(tmp_path)]))
    assert isinstance(errors, ReadError) and "no .txt or .md" in str(errors)


def test_one_huge_line_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "line.txt"
    p.write_text("x" * 2_000_000)
    with pytest.raises(ReadError) as err:
        read_document(p)
    assert "one line" in str(err.value)


# -- a folder's manifest (sources.tsv) ------------------------------------------------------------

NARRATIVE = (
    "Officials in Moldova convicted 12 traffickers, compared with 9 in the previous reporting period. "
    "Moldova is a source country for women subjected to sex trafficking."
)


def _folder(tmp_path: Path, manifest: str, name: str = "sources.tsv") -> Path:
    (tmp_path / "moldova.txt").write_text(NARRATIVE, encoding="utf-8")
    (tmp_path / name).write_text(manifest, encoding="utf-8")
    return tmp_path / "moldova.txt"


@pytest.mark.parametrize("name", ["sources.tsv", "dsources.tsv"])
def test_manifest_gives_the_report_year_the_text_does_not(tmp_path: Path, name: str) -> None:
    from tipkb.extract import extract_document

    path = _folder(
        tmp_path,
        "file\turl\tsource_kind\treport_year\nmoldova.txt\thttps://example.org/m\tusdos\t2019\n",
        name,
    )
    doc = read_document(path)
    assert doc.meta["report_year"] == 2019
    assert doc.meta["url"] == "https://example.org/m" and doc.meta["source_kind"] == "usdos"
    assert not doc.meta.get("warnings")
    years = {f.value: f.year for f in extract_document(doc) if f.type == "statistic"}  # type: ignore[attr-defined]
    assert years == {12: 2019, 9: 2018}


def test_without_a_manifest_the_year_is_unknown(tmp_path: Path) -> None:
    from tipkb.extract import extract_document

    (tmp_path / "moldova.txt").write_text(NARRATIVE, encoding="utf-8")
    doc = read_document(tmp_path / "moldova.txt")
    assert "report_year" not in doc.meta
    assert {f.year for f in extract_document(doc) if f.type == "statistic"} == {None}


def test_manifest_rows_for_other_files_and_empty_years_change_nothing(tmp_path: Path) -> None:
    path = _folder(tmp_path, "file\treport_year\nother.txt\t2011\nmoldova.txt\t\n")
    assert "report_year" not in read_document(path).meta


@pytest.mark.parametrize(
    ("manifest", "problem"),
    [
        ("name\treport_year\nmoldova.txt\t2019\n", "no 'file' column"),
        ("file\treport_year\nmoldova.txt\tlast year\n", "is not a year"),
    ],
)
def test_a_bad_manifest_is_a_warning_not_an_error(tmp_path: Path, manifest: str, problem: str) -> None:
    doc = read_document(_folder(tmp_path, manifest))
    assert "report_year" not in doc.meta
    assert any(problem in w and "sources.tsv" in w for w in doc.meta["warnings"])


def test_an_edited_manifest_is_read_again(tmp_path: Path) -> None:
    import os

    path = _folder(tmp_path, "file\treport_year\nmoldova.txt\t2019\n")
    assert read_document(path).meta["report_year"] == 2019
    manifest = tmp_path / "sources.tsv"
    manifest.write_text("file\treport_year\nmoldova.txt\t2021\n", encoding="utf-8")
    stat = manifest.stat()
    os.utime(manifest, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert read_document(path).meta["report_year"] == 2021
