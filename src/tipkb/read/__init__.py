"""Readers: turn files into decoded documents, one module per format."""

from tipkb.read.text import (
    ReadError,
    decode_bytes,
    iter_documents,
    iter_paths,
    read_document,
)

__all__ = ["ReadError", "decode_bytes", "iter_documents", "iter_paths", "read_document"]
