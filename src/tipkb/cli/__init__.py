"""The ``tipkb`` command: one Typer app, one module per command group, each thin over the library."""

from __future__ import annotations

import sys

import typer

app = typer.Typer(
    name="tipkb",
    help="Facts about human trafficking, extracted from narratives, each cited to its sentence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Facts about human trafficking, extracted from narratives, each cited to its sentence."""


# Command modules register themselves on ``app`` when imported.
from tipkb.cli import analysis as _analysis  # noqa: E402,F401
from tipkb.cli import extract as _extract  # noqa: E402,F401
from tipkb.cli import split as _split  # noqa: E402,F401
from tipkb.cli import store as _store  # noqa: E402,F401
from tipkb.cli import web as _web  # noqa: E402,F401


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
    sys.exit(main())
