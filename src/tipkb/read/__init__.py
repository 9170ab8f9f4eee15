"""Readers: turn files into decoded documents, one module per format (text, html, pdf).

``read_document`` and ``iter_documents`` pick the reader from a file's content (``detect``);
``iter_documents`` also splits a whole annual report into its country narratives.
"""

from tipkb.read.detect import iter_documents, iter_paths, read_document, sniff_format
from tipkb.read.html import html_document, read_html
from tipkb.read.pdf import page_of, read_pdf
from tipkb.read.text import ReadError, decode_bytes

__all__ = [
    "ReadError",
    "decode_bytes",
    "html_document",
    "iter_documents",
    "iter_paths",
    "page_of",
    "read_document",
    "read_html",
    "read_pdf",
    "sniff_format",
]
