"""PDF: the text layer in reading order, without running headers, footers and page numbers.

Pages are read one at a time with pdfplumber (word boxes), so memory follows the text, not the file.
Each page's words are grouped into lines; a page with a vertical gutter is read column by column
(full-width lines such as a heading across both columns cut the page into bands). Lines that repeat
at the top or bottom of many pages, and bare page numbers there, are dropped. Lines are then joined
into paragraphs (a gap, an indent, a short last line, a heading), words hyphenated across lines are
rejoined, and paragraphs are separated by blank lines with headings on lines of their own.

``Document.meta["pages"]`` holds each page's ``(start, end)`` range in the text; ``page_of`` looks a
character offset up in it. The reading limits (file size, decompression bombs, fonts without Unicode)
are here; ``pdf_layout`` reads a page into lines, ``pdf_text`` joins the lines into the text.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import logging
import os
import re
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, cast

from tipkb.model import Document
from tipkb.read.pdf_layout import _drop_running_lines, _Page, _read_page
from tipkb.read.pdf_text import assemble
from tipkb.read.text import ReadError

# A PDF is read page by page, so a large file is only slow, not a memory risk; this refuses absurd ones.
MAX_PDF_BYTES = 2 * 1024 * 1024 * 1024
# A compressed stream may inflate to at most this (a page's content stream is well under a megabyte;
# embedded fonts a few), and all the streams of one file to at most MAX_DECODED_BYTES together: a
# decompression bomb (a 1 MB file inflating to gigabytes) is refused instead of filling the memory.
MAX_STREAM_BYTES = 64 * 1024 * 1024
MAX_DECODED_BYTES = 512 * 1024 * 1024
# Share of the text that may be "(cid:NN)" codes (a font with no Unicode map) before the text is refused.
MAX_CID_SHARE = 0.3

_CID = re.compile(r"\(cid:\d+\)")


def read_pdf(path: str | os.PathLike[str] | IO[bytes], source: str | None = None) -> Document:
    """Read a PDF's text layer into a Document with page ranges in ``meta["pages"]``.

    Raises ReadError for an encrypted, scanned (no text layer), truncated or corrupt PDF.
    """
    name = source or (str(path) if isinstance(path, (str, os.PathLike)) else "<pdf>")
    if isinstance(path, (str, os.PathLike)):
        p = Path(path)
        if not p.exists():
            raise ReadError(name, "no such file or directory")
        size = p.stat().st_size
        if size == 0:
            raise ReadError(name, "empty file")
        if size > MAX_PDF_BYTES:
            raise ReadError(
                name, f"file too large ({size // (1024 * 1024)} MB; limit {MAX_PDF_BYTES >> 20} MB)"
            )
        with p.open("rb") as stream:
            return _read_stream(stream, name)
    return _read_stream(path, name)


def _read_pages(pdf: Any, name: str, warnings: list[str]) -> tuple[list[_Page], list[str]]:
    """Every page's lines; a page that cannot be read is skipped with a warning."""
    try:
        page_objects = pdf.pages
    except StreamTooLarge:
        raise
    except Exception as err:
        _reraise_too_large(err)
        raise ReadError(name, _open_problem(err)) from None
    if not page_objects:
        raise ReadError(name, "PDF has no pages")
    pages: list[_Page] = []
    failed: list[str] = []
    for number, page in enumerate(page_objects):
        try:
            pages.append(_read_page(page, number))
        except StreamTooLarge:
            raise
        except Exception as err:  # one bad page (a broken content stream) does not lose the rest
            _reraise_too_large(err)
            failed.append(_short(err))
            warnings.append(f"{name}: page {number + 1} could not be read ({failed[-1]}); skipped")
            pages.append(_Page([], 792.0, 0))
        finally:
            page.close()
    return pages, failed


def _read_stream(stream: IO[bytes], name: str) -> Document:
    _check_envelope(stream, name)
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - depends on the install
        raise ReadError(name, "reading PDF needs the pdf extra: pip install 'tipkb[pdf]'") from None
    _install_stream_limits()
    _limits.budget = MAX_DECODED_BYTES
    try:
        return _read_limited(stream, name, pdfplumber)
    except StreamTooLarge as err:
        raise ReadError(name, str(err)) from None
    finally:
        _limits.budget = None


def _read_limited(stream: IO[bytes], name: str, pdfplumber: Any) -> Document:
    # pdfminer logs each oddity it works around (missing CropBox, font metrics) as a warning line of
    # its own; the reader reports problems as ReadErrors and meta warnings instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    warnings: list[str] = []
    try:
        pdf = pdfplumber.open(cast(Any, stream))
    except StreamTooLarge:
        raise
    except Exception as err:  # pdfminer raises many unrelated types for bad files
        _reraise_too_large(err)
        raise ReadError(name, _open_problem(err)) from None
    try:
        pages, failed = _read_pages(pdf, name, warnings)
    finally:
        # pdfminer may fail again closing a corrupt file: the first problem is the one to report.
        with contextlib.suppress(Exception):
            pdf.close()
    if len(failed) == len(pages):
        raise ReadError(name, f"corrupt PDF: no page could be read ({failed[0]})")
    words = sum(len(line.text.split()) for pg in pages for line in pg.lines)
    if words == 0:
        if any(pg.images for pg in pages):
            raise ReadError(name, "no text layer: OCR is not supported")
        raise ReadError(name, "PDF has no text")
    cid = sum(len(m) for pg in pages for line in pg.lines for m in _CID.findall(line.text))
    chars = sum(len(line.text) for pg in pages for line in pg.lines)
    if cid > MAX_CID_SHARE * chars:
        raise ReadError(name, "the text layer has no Unicode mapping (fonts give only glyph codes)")
    blank = [i + 1 for i, pg in enumerate(pages) if not pg.lines and pg.images]
    if blank:
        shown = ", ".join(str(n) for n in blank[:10]) + (", ..." if len(blank) > 10 else "")
        warnings.append(f"{name}: no text layer on page(s) {shown}: OCR is not supported; skipped")
    running = _drop_running_lines(pages)
    text, ranges = assemble(pages)
    meta: dict[str, Any] = {
        "format": "pdf",
        "pages": ranges,
        "running_lines": running,
        "warnings": warnings,
    }
    return Document(text=text, source=name, meta=meta)


def page_of(document: Document, offset: int) -> int:
    """The 1-based page number a character offset of the document falls on.

    Uses ``meta["pages"]`` (and ``meta["first_page"]`` for a part of a longer document).
    Raises ValueError for a document without page ranges or an offset outside its text.
    """
    ranges = document.meta.get("pages")
    if not ranges:
        raise ValueError(f"{document.source}: the document has no page ranges")
    if offset < 0 or offset > len(document.text):
        raise ValueError(f"offset {offset} is outside the text (0..{len(document.text)})")
    # The last page starting at or before the offset (a page with no text starts where the next does).
    index = max(0, bisect.bisect_right([start for start, _ in ranges], offset) - 1)
    return int(document.meta.get("first_page", 1)) + index


def _check_envelope(stream: IO[bytes], name: str) -> None:
    """Cheap checks on the bytes before parsing: empty, not a PDF, cut off before its end."""
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    if size == 0:
        raise ReadError(name, "empty file")
    stream.seek(0)
    head = stream.read(1024)
    if b"%PDF-" not in head:
        raise ReadError(name, "not a PDF (no %PDF header)")
    stream.seek(max(0, size - 2048))
    tail = stream.read()
    stream.seek(0)
    if b"%%EOF" not in tail:
        raise ReadError(name, "truncated PDF: no end-of-file marker (the file is incomplete or cut off)")


# ---------------------------------------------------------------- decompression limits


class StreamTooLarge(Exception):
    """A compressed stream (or all of a file's) inflating past the limits: a decompression bomb."""


_limits = threading.local()
_installed: list[Callable[[Any], None]] = []


def _reraise_too_large(err: BaseException) -> None:
    """pdfminer and pdfplumber sometimes wrap what they catch: find our limit in the chain."""
    seen = 0
    inner: BaseException | None = err
    while inner is not None and seen < 10:
        if isinstance(inner, StreamTooLarge):
            raise inner
        args = getattr(inner, "args", ())
        nested = args[0] if args and isinstance(args[0], BaseException) else None
        inner = nested or inner.__cause__ or inner.__context__
        seen += 1


def _install_stream_limits() -> None:
    """Make pdfminer inflate streams within the limits while tipkb reads a PDF (in this thread).

    pdfminer inflates a stream whole (``zlib.decompress``); the bounded pass below inflates Flate and
    LZW streams at most one byte past the limit and keeps the result, so a stream is decoded once.
    Streams with other filters or a predictor are checked by the bounded pass, then decoded by
    pdfminer's own code. Outside tipkb's reading (no budget set) pdfminer is left as it was.
    """
    if _installed:
        return
    from pdfminer.pdftypes import PDFStream

    original = PDFStream.decode

    def decode(self: Any) -> None:
        budget = getattr(_limits, "budget", None)
        if budget is None or self.data is not None or self.rawdata is None:
            original(self)
            return
        data, finished = _bounded_decode(self, min(MAX_STREAM_BYTES, budget))
        _limits.budget = budget - len(data)
        if finished:
            self.data = data
            self.rawdata = None
        else:
            original(self)

    PDFStream.decode = decode  # type: ignore[method-assign]
    _installed.append(original)


def _bounded_decode(stream: Any, limit: int) -> tuple[bytes, bool]:
    """The stream's data decoded through the filters this knows, within ``limit`` bytes (else
    StreamTooLarge); and whether that is all of its decoding (False: leave the rest to pdfminer)."""
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.pdftypes import (
        LITERALS_ASCII85_DECODE,
        LITERALS_ASCIIHEX_DECODE,
        LITERALS_FLATE_DECODE,
        LITERALS_LZW_DECODE,
        LITERALS_RUNLENGTH_DECODE,
    )
    from pdfminer.runlength import rldecode

    data = stream.rawdata
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    try:
        filters = stream.get_filters()
    except Exception:
        return b"", False
    for f, params in filters:
        if f in LITERALS_FLATE_DECODE:
            data = _inflate(data, limit)
        elif f in LITERALS_LZW_DECODE:
            data = _unlzw(data, limit)
        elif f in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif f in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        elif f in LITERALS_RUNLENGTH_DECODE:
            data = rldecode(data)  # at most 128 times its input
        else:
            return data, False  # images (DCT, JPX, JBIG2, CCITT) and the rest: pdfminer's own code
        if len(data) > limit:
            raise _too_large(limit)
        if params and "Predictor" in params:
            return data, False
    return data, True


def _too_large(limit: int) -> StreamTooLarge:
    if limit < MAX_STREAM_BYTES:
        return StreamTooLarge(
            f"its compressed streams inflate to more than {MAX_DECODED_BYTES >> 20} MB in all "
            "(a decompression bomb?): refused"
        )
    return StreamTooLarge(
        f"a compressed stream inflates to more than {MAX_STREAM_BYTES >> 20} MB (a decompression bomb?): refused"
    )


def _inflate(data: bytes, limit: int) -> bytes:
    """zlib inflate of at most ``limit`` bytes; a corrupt stream gives what inflates before the damage
    when the damage is in its checksum (as pdfminer does), else nothing."""
    d = zlib.decompressobj()
    try:
        out = d.decompress(data, limit + 1)
        if len(out) > limit or d.unconsumed_tail:
            raise _too_large(limit)
        return out + d.flush()
    except zlib.error:
        pass
    # Corrupt: inflate piece by piece to find where it breaks (pdfminer goes a byte at a time).
    d = zlib.decompressobj()
    parts: list[bytes] = []
    size = 0
    for i in range(len(data)):
        try:
            piece = d.decompress(data[i : i + 1], limit + 1 - size)
        except zlib.error:
            return b"".join(parts) if i >= len(data) - 3 else b""
        parts.append(piece)
        size += len(piece)
        if size > limit or d.unconsumed_tail:
            raise _too_large(limit)
    return b"".join(parts)


def _unlzw(data: bytes, limit: int) -> bytes:
    from pdfminer.lzw import LZWDecoder

    parts: list[bytes] = []
    size = 0
    for piece in LZWDecoder(io.BytesIO(data)).run():
        parts.append(piece)
        size += len(piece)
        if size > limit:
            raise _too_large(limit)
    return b"".join(parts)


def _open_problem(err: Exception) -> str:
    """A reader's exception as the problem a person can act on."""
    inner = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
    kind = type(inner).__name__
    if kind == "PDFPasswordIncorrect":
        return "encrypted PDF: it needs a password to open (tipkb reads only PDFs that open without one)"
    if kind == "PDFEncryptionError" or "encrypt" in str(inner).lower():
        return f"encrypted PDF with an unsupported scheme ({_short(inner)})"
    if kind == "PSEOF":
        return "truncated or corrupt PDF: unexpected end of data"
    return f"corrupt PDF: {_short(inner)}"


def _short(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."
