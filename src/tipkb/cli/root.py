"""The one Typer app that every command module registers its commands on."""

from __future__ import annotations

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
