"""Text the way a PDF-to-text tool leaves it, as the project's stop hook makes it: each paragraph (a line of
the clean text) hard-wrapped at one width per document, paragraphs parted by a blank line, and a page
break (a blank line, a form feed with a page number and a running header, a blank line) in the middle of
the middle paragraph.

    python tests/wrapping.py SHARED OUT   # OUT/corpus: every shared corpus wrapped (OUT/eval: the scorer)
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

HEADER = "TRAFFICKING IN PERSONS REPORT"


def hook_wrap(text: str, index: int) -> str:
    """The text of a folder's ``index``-th document (in name order), wrapped at 60 + (index * 7) % 40."""
    paras = [q for q in text.split("\n") if q.strip()]
    out = []
    for j, q in enumerate(paras):
        lines = textwrap.wrap(q, 60 + (index * 7) % 40)
        if j == len(paras) // 2 and len(lines) > 3:
            k = len(lines) // 2
            lines = [*lines[:k], "", f"\f{40 + index}  {HEADER}", "", *lines[k:]]
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def lines_ending_at(paragraph: str, at: int) -> tuple[list[str], int]:
    """The paragraph wrapped at the first width from 50 to 99 where a line ends at offset ``at``, and the
    number of lines up to there."""
    for width in range(50, 100):
        lines = textwrap.wrap(paragraph, width)
        pos = 0
        for k, line in enumerate(lines[:-1]):
            pos = paragraph.index(line, pos) + len(line)
            if pos == at:
                return lines, k + 1
    raise AssertionError(f"no width breaks a line at {at}")


def corpus_files(corpus: Path) -> list[list[Path]]:
    """The shared corpora's documents, folder by folder (seed.txt on its own), each in name order."""
    folders = [sorted(corpus.glob("seed.txt"))]
    folders += [sorted(d.glob("*.txt")) for d in sorted(corpus.iterdir()) if d.is_dir()]
    return [f for f in folders if f]


def wrap_corpus(shared: Path, out: Path) -> None:
    """A copy of ``shared``'s corpora with every document wrapped (manifests and gold copied as they are)."""
    src = shared / "corpus"
    for files in corpus_files(src):
        for i, path in enumerate(files):
            dest = out / "corpus" / path.relative_to(src)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(hook_wrap(path.read_text(encoding="utf-8-sig"), i), encoding="utf-8")
    for extra in [*src.glob("*.jsonl"), *src.glob("*/*sources.tsv"), *src.glob("*/*gold.jsonl")]:
        shutil.copy(extra, out / "corpus" / extra.relative_to(src))
    (out / "eval").mkdir(parents=True, exist_ok=True)
    shutil.copy(shared / "eval" / "score.py", out / "eval" / "score.py")


if __name__ == "__main__":
    wrap_corpus(Path(sys.argv[1]), Path(sys.argv[2]))
