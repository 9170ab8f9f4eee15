"""Shared fixtures: where the shared corpus is, and the real CLI entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# The browser tests' fixtures (Chromium, a server over a fixture store, a page that checks its requests).
pytest_plugins = ["browser_support"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


def run_cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``tipkb`` entry point as a user would."""
    exe = Path(sys.executable).with_name("tipkb")
    return subprocess.run(
        [str(exe), *args], input=stdin, capture_output=True, text=True, timeout=300, env=env, check=False
    )
