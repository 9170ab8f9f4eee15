"""The documentation keeps up with the code: every command is in the CLI reference, which is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from tipkb.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_is_documented() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = getattr(typer.main.get_command(app), "commands", {})
    assert commands
    missing = [name for name in commands if f"## tipkb {name}" not in reference]
    assert not missing, f"undocumented commands: {missing}; run python scripts/cli_docs.py"


def test_cli_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli_docs.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_readme_names_the_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python block runs as written, from a folder that has the examples beside it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})
