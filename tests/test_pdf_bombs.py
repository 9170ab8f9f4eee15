"""PDF decompression bombs: a small file whose streams inflate to far more than the limits is refused
with one clear error, quickly and in little memory; ordinary compressed PDFs read as before.

The PDFs are built here, by hand (objects, a cross-reference table), with Flate-compressed content.
"""

from __future__ import annotations

import resource
import struct
import time
import zlib
from pathlib import Path

import pytest

pytest.importorskip("pdfplumber")

from tipkb.read import ReadError, read_document  # noqa: E402
from tipkb.read import pdf as pdf_reader  # noqa: E402

TEXT = b"BT /F1 12 Tf 72 720 Td (Peru is a source country for men subjected to forced labor.) Tj ET\n"
OTHER = b"BT /F1 12 Tf 72 720 Td (Chile is a destination for women in domestic servitude.) Tj ET\n"


def deflated(text: bytes, padding: int) -> bytes:
    """A zlib stream of ``text`` followed by ``padding`` spaces (valid in a content stream), made without
    compressing the spaces: after a full flush a compressor starts afresh, so each megabyte of spaces is
    the same compressed block, repeated; the checksum is that of the whole."""
    block = b" " * (1 << 20)
    z = zlib.compressobj(9)
    head = z.compress(text) + z.flush(zlib.Z_FULL_FLUSH)
    rest = b" " * (padding % len(block))
    repeated = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH) if padding >= len(block) else b""
    last = z.compress(rest) + z.flush(zlib.Z_FULL_FLUSH) if rest else b""
    end = z.flush()[:-4]
    checksum = zlib.adler32(text)
    for _ in range(padding // len(block)):
        checksum = zlib.adler32(block, checksum)
    checksum = zlib.adler32(rest, checksum)
    return head + repeated * (padding // len(block)) + last + end + struct.pack(">I", checksum)


def build_pdf(contents: list[bytes]) -> bytes:
    """A PDF with one page per Flate-compressed content stream."""
    n = len(contents)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
        + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, data in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_the_bombs_are_valid_zlib() -> None:
    for padding in (0, 1000, 1 << 20, (3 << 20) + 17):
        assert zlib.decompress(deflated(TEXT, padding)) == TEXT + b" " * padding


def test_a_compressed_pdf_of_our_own_reads(tmp_path: Path) -> None:
    path = tmp_path / "ok.pdf"
    path.write_bytes(build_pdf([deflated(TEXT, 10_000), deflated(OTHER, 0)]))
    doc = read_document(path)
    assert "Peru is a source country for men subjected to forced labor." in doc.text
    assert "Chile is a destination for women in domestic servitude." in doc.text


def test_a_stream_inflating_past_the_limit_is_refused(tmp_path: Path) -> None:
    bomb = deflated(TEXT, 1 << 30)  # 1 GB of spaces in about 1 MB
    path = tmp_path / "bomb.pdf"
    path.write_bytes(build_pdf([bomb]))
    assert path.stat().st_size < 2 << 20
    before = peak_mb()
    started = time.perf_counter()
    with pytest.raises(ReadError) as err:
        read_document(path)
    assert str(err.value) == (
        f"{path}: a compressed stream inflates to more than 64 MB (a decompression bomb?): refused"
    )
    # Bounded: about the limit in memory (not the gigabyte), and no parsing of what was inflated.
    assert peak_mb() - before < 3 * (pdf_reader.MAX_STREAM_BYTES >> 20)
    assert time.perf_counter() - started < 60


def test_streams_inflating_past_the_file_budget_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Six pages of 1 MB each, each under the stream limit, together past a budget lowered to 4 MB.
    monkeypatch.setattr(pdf_reader, "MAX_STREAM_BYTES", 2 << 20)
    monkeypatch.setattr(pdf_reader, "MAX_DECODED_BYTES", 4 << 20)
    path = tmp_path / "many.pdf"
    path.write_bytes(build_pdf([deflated(TEXT, 1 << 20) for _ in range(6)]))
    with pytest.raises(ReadError, match=r"its compressed streams inflate to more than 4 MB in all"):
        read_document(path)
    # The budget is per file: the next one starts afresh, and a file within it reads.
    ok = tmp_path / "ok.pdf"
    ok.write_bytes(build_pdf([deflated(TEXT, 1 << 20), deflated(OTHER, 1 << 20)]))
    assert "Peru is a source country" in read_document(ok).text


def test_a_bomb_fails_only_its_file_in_an_ingest(tmp_path: Path) -> None:
    from conftest import run_cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bomb.pdf").write_bytes(build_pdf([deflated(TEXT, 200 << 20)]))
    (corpus / "peru.txt").write_text("Peru is a source country for men subjected to forced labor in Chile.\n")
    done = run_cli("ingest", str(corpus), "--db", str(tmp_path / "kb.db"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{corpus / 'bomb.pdf'}: a compressed stream inflates to more than 64 MB" in done.stderr
    assert "1 new" in done.stdout and "1 failed" in done.stdout
