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
