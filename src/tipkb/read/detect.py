"""Which reader a file needs, from its bytes: PDF, HTML or text, whatever its extension says.

A file whose extension disagrees with its content is read by its content, with a warning; binary data
that is none of these formats is a ReadError that says what it looks like. ``read_document``,
``iter_paths`` and ``iter_documents`` here are the readers' one entry point (exported by
``tipkb.read``); ``iter_documents`` also splits a whole annual report into its country narratives.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from tipkb.model import Document
from tipkb.read.manifest import manifest_meta
from tipkb.read.text import ReadError, read_bytes, read_text, text_document

PDF, HTML, TEXT = "pdf", "html", "text"
SUFFIX_FORMATS = {
    ".txt": TEXT,
    ".md": TEXT,
    ".markdown": TEXT,
    ".text": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".pdf": PDF,
}
DOCUMENT_SUFFIXES = tuple(SUFFIX_FORMATS)
_NAMES = {PDF: "PDF", HTML: "HTML", TEXT: "plain text"}
SNIFF_BYTES = 8192

# Leading bytes of formats tipkb does not read, to say what a rejected file is.
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (.docx, .xlsx, .epub or .zip)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc, .xls, .ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"%!PS", "a PostScript file"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_HTML_START = re.compile(
    rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAGS = re.compile(
    rb"<(?:p|div|h[1-6]|span|table|ul|ol|li|a|b|i|em|strong|br|article|section)\b[^>]*>", re.I
)


def sniff_format(head: bytes, suffix: str = "") -> str:
    """The format of a file from its first bytes: "pdf", "html", "text", or "" for other binary data.

    ``suffix`` (".html", ...) only decides an HTML fragment that starts with no document tag.
    """
    if b"%PDF-" in head[:1024]:
        return PDF
    for magic, _ in _MAGIC:
        if head.startswith(magic):
            return ""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            sample = head[: len(head) - len(head) % 2].decode("utf-16")
        except UnicodeDecodeError:
            return ""
        return sniff_format(sample.encode("utf-8"), suffix) if "\x00" not in sample else ""
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if b"\x00" in body:
        return ""
    if _HTML_START.match(body):
        return HTML
    if SUFFIX_FORMATS.get(suffix.lower()) == HTML and _HTML_TAGS.search(body):
        return HTML
    return TEXT


def describe_binary(head: bytes) -> str:
    """What a file that is not a document looks like ("a PNG image", ...)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return "binary data"


def read_document(path: str | os.PathLike[str], source: str | None = None) -> Document:
    """Read one document (text, Markdown, HTML or PDF, by content); ``-`` reads standard input.

    The result is the whole file as one Document; ``iter_documents`` also splits whole reports.
    """
    name = source or str(path)
    if str(path) == "-":
        name = source or "<stdin>"
        return _read_bytes(sys.stdin.buffer.read(), name, "")
    p = Path(path)
    if not p.exists():
        raise ReadError(name, "no such file or directory")
    if p.is_dir():
        raise ReadError(name, "is a directory")
    try:
        with p.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as err:
        raise ReadError(name, f"cannot read: {err.strerror or err}") from None
    if not head.strip() and len(head) < SNIFF_BYTES:
        raise ReadError(name, "empty file")
    suffix = p.suffix.lower()
    found = sniff_format(head, suffix)
    if not found:
        kind = describe_binary(head)
        if kind == "binary data" and SUFFIX_FORMATS.get(suffix) == TEXT:
            return read_text(p, name)  # its own message for a binary .txt
        raise ReadError(name, f"{kind}, not text, HTML or PDF")
    warning = _mismatch(name, suffix, found)
    if found == PDF:
        from tipkb.read.pdf import read_pdf

        doc = read_pdf(p, name)
    elif found == HTML:
        from tipkb.read.html import read_html

        doc = read_html(p, name)
    else:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            doc = _read_bytes(read_bytes(p, name), name, suffix)
        else:
            doc = read_text(p, name)
    if warning:
        doc.meta.setdefault("warnings", []).insert(0, warning)
    known = manifest_meta(p)
    if "warnings" in known:
        doc.meta.setdefault("warnings", []).extend(known.pop("warnings"))
    doc.meta.update(known)
    return doc


def _read_bytes(data: bytes, name: str, suffix: str) -> Document:
    """A Document from bytes already in memory (standard input), read by their format."""
    if not data.strip():
        raise ReadError(name, "empty file")
    found = sniff_format(data[:SNIFF_BYTES], suffix)
    if found == PDF:
        from tipkb.read.pdf import read_pdf

        return read_pdf(io.BytesIO(data), name)
    if found == HTML:
        from tipkb.read.html import html_document

        return html_document(data, name)
    if found == TEXT and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            utf8 = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as err:
            raise ReadError(name, f"starts as UTF-16 but is not UTF-16 (byte {err.start})") from None
        return text_document(utf8, name)
    if not found and describe_binary(data) != "binary data":
        raise ReadError(name, f"{describe_binary(data)}, not text, HTML or PDF")
    return text_document(data, name)


def _mismatch(name: str, suffix: str, found: str) -> str | None:
    """A warning when the extension names another format than the content has."""
    claimed = SUFFIX_FORMATS.get(suffix)
    if claimed is None or claimed == found:
        return None
    return f"{name}: content is {_NAMES[found]}, not {_NAMES[claimed]} as the extension says; read as {_NAMES[found]}"


def iter_paths(paths: Iterable[str]) -> Iterator[tuple[str, ReadError | None]]:
    """Expand files and directories (recursively: text, Markdown, HTML and PDF files, sorted).

    Yields (path, None) for each file to read, or (path, error) for a path that gives nothing.
    """
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES)
            if not found:
                yield raw, ReadError(raw, "directory has no .txt or .md documents (nor .html or .pdf)")
            for f in found:
                yield str(f), None
        elif not p.exists():
            yield raw, ReadError(raw, "no such file or directory")
        else:
            yield raw, None


def iter_documents(paths: Iterable[str], split_reports: bool = True) -> Iterator[Document | ReadError]:
    """Read every document under the paths, yielding a ReadError in place of each one that fails.

    A whole annual report (at least three country narratives) yields its narratives, one Document
    each, unless ``split_reports`` is false.
    """
    for path, error in iter_paths(paths):
        if error is not None:
            yield error
            continue
        try:
            doc = read_document(path)
        except ReadError as err:
            yield err
            continue
        if split_reports:
            from tipkb.split import split_if_report

            yield from split_if_report(doc)
        else:
            yield doc
