"""Shared fixtures: where the shared corpus is, and the real CLI entry point."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass
class Ran:
    """What a command run in this process returned and printed (named like subprocess's result)."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Ran]:
    """Run a command in this process; tables as wide as a wide terminal, so sentences stay on one line."""
    from tipkb.cli import main

    monkeypatch.setenv("COLUMNS", "300")

    def run(*args: str) -> Ran:
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return run
