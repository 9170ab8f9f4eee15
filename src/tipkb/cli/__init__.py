"""The ``tipkb`` command: one Typer app, one module per command group, each thin over the library."""

from __future__ import annotations

import sys

# Each command module registers its commands on ``app`` when imported.
from tipkb.cli import analysis as _analysis  # noqa: F401
from tipkb.cli import extract as _extract  # noqa: F401
from tipkb.cli import split as _split  # noqa: F401
from tipkb.cli import store as _store  # noqa: F401
from tipkb.cli import web as _web  # noqa: F401
from tipkb.cli.root import app

__all__ = ["app", "main", "run"]


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; exit 0 on success, 1 when some input failed, 2 on a usage error."""
    try:
        app(args=argv, prog_name="tipkb")
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except KeyboardInterrupt:
        print("tipkb: interrupted", file=sys.stderr)
        return 130
    return 0


def run() -> None:
    """The ``tipkb`` entry point: run the CLI and exit with its status."""
    sys.exit(main())
