"""Plain text and Markdown: decode bytes exactly as stored, so evidence offsets point into this text."""

from __future__ import annotations

from pathlib import Path

from tipkb.model import Document

# Refuse a single file larger than this: the extractor keeps one document in memory.
MAX_BYTES = 200 * 1024 * 1024
# A line this long with no sentence end is not narrative text.
MAX_LINE = 1_000_000


class ReadError(Exception):
    """A document that cannot be read; the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (a BOM is dropped); else the detected encoding, with a warning.

    Returns the text and the warnings. Raises ReadError for binary or undecodable data.
    """
    warnings: list[str] = []
    if not data.strip():
        raise ReadError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise ReadError(source, "binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as err:
        first_bad = err.start
    encoding = _western(data) or _detected(data)
    if encoding is None:
        raise ReadError(source, f"not valid UTF-8 (byte {first_bad}) and no other text encoding fits")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise ReadError(source, f"not valid UTF-8 and not {encoding} either: {err}") from None
    warnings.append(f"{source}: not valid UTF-8 (byte {first_bad}); decoded as {encoding}")
    return text, warnings


def _western(data: bytes) -> str | None:
    """English text with a few accented letters is almost always Windows-1252 (or Latin-1): a
    statistical detector guesses wrong on so few non-ASCII bytes."""
    high = sum(1 for b in data[:1_000_000] if b >= 0x80)
    if high > len(data[:1_000_000]) // 20:
        return None
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return "cp1252"


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * 1024 * 1024]).best()
    return best.encoding if best is not None else None


def read_bytes(path: Path, name: str) -> bytes:
    """A file's bytes, refusing one too large to hold as a document."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(
            name, f"file too large ({size // (1024 * 1024)} MB; limit {MAX_BYTES // (1024 * 1024)} MB)"
        )
    try:
        return path.read_bytes()
    except OSError as err:
        raise ReadError(name, f"cannot read: {err.strerror or err}") from None


def read_text(path: Path, name: str) -> Document:
    """Read one text or Markdown file."""
    return text_document(read_bytes(path, name), name)


def text_document(data: bytes, name: str) -> Document:
    """A Document from the bytes of a text or Markdown file (see ``decode_bytes``)."""
    text, warnings = decode_bytes(data, name)
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > MAX_LINE and text.count(". ") < longest // 10_000:
        raise ReadError(name, f"one line of {longest:,} characters with no sentences: not narrative text")
    return Document(text=text, source=name, meta={"warnings": warnings})
