"""The identity of the extraction rules: their names and a hash of the code and vocabulary data they use.

Each stored document records the identity of the rules that made its facts; after any change to a rule or
to a vocabulary file the identity changes, so ``tipkb status`` counts the documents made by older rules and
``tipkb reextract`` runs the current rules over exactly those.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

__all__ = ["RULESET", "current_ruleset", "rule_inputs", "ruleset_of"]

_PACKAGE = Path(__file__).resolve().parent
# What the facts of a document depend on, besides its text: the extractors, the sentence splitter and the
# context they read, the place resolver, and the vocabulary data (package-relative; folders whole).
RULE_INPUTS = (
    "extract",
    "segment",
    "context",
    "places",
    "vocab.py",
    "data/vocabulary.toml",
    "data/contract.toml",
)
_SUFFIXES = {".py", ".toml", ".tsv", ".txt", ".json"}


def rule_inputs() -> list[Path]:
    """The files whose content makes the rule set's identity, in a fixed order."""
    return list(_installed_inputs())


@lru_cache(maxsize=1)
def _installed_inputs() -> tuple[Path, ...]:
    found: list[Path] = []
    for name in RULE_INPUTS:
        path = _PACKAGE / name
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in _SUFFIXES))
        elif path.is_file():
            found.append(path)
    return tuple(found)


def ruleset_of(names: str, inputs: list[Path]) -> str:
    """A rule set's identity: the rules' versioned names, then ``@`` and a hash of the files they use."""
    digest = hashlib.sha256()
    for path in inputs:
        try:
            name = path.relative_to(_PACKAGE).as_posix()
        except ValueError:  # a file from elsewhere (a test's modified copy of a rule)
            name = path.name
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{names}@{digest.hexdigest()[:16]}"


@lru_cache(maxsize=8)
def _current(names: str, inputs: tuple[Path, ...]) -> str:
    return ruleset_of(names, list(inputs))


def current_ruleset() -> str:
    """The identity of the rules this tipkb extracts with (stored with each document it analyses)."""
    from tipkb.extract import RULESET

    return _current(RULESET, tuple(rule_inputs()))


# The identity of the installed rules (``current_ruleset()`` follows a changed ``rule_inputs``).
RULESET = current_ruleset()
