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


def repeated_option(argv: list[str]) -> str | None:
    """The first option that takes one value but is given more than once (click would keep the last
    silently), or None. Options that take several values are declared repeatable."""
    import typer.main

    # (Typer bundles its own copy of click: its classes are known by what they have.)
    commands = getattr(typer.main.get_command(app), "commands", {})
    command = commands.get(argv[0]) if argv else None
    if command is None:
        return None
    single: dict[str, str] = {}
    takes_value: set[str] = set()
    for param in command.params:
        if param.param_type_name == "option" and not param.is_flag and not param.count:
            for name in param.opts + param.secondary_opts:
                takes_value.add(name)
                if not param.multiple:
                    single[name] = max(param.opts, key=len)
    seen: set[str] = set()
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "--":
            break
        name = token.split("=", 1)[0] if token.startswith("--") else token
        if name in takes_value and "=" not in token:
            next(tokens, None)  # its value
        canonical = single.get(name)
        if canonical is None:
            continue
        if canonical in seen:
            return canonical
        seen.add(canonical)
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; exit 0 on success, 1 when some input failed, 2 on a usage error."""
    args = sys.argv[1:] if argv is None else argv
    twice = repeated_option(args)
    if twice is not None:
        print(f"tipkb {args[0]}: {twice} given more than once; it takes one value", file=sys.stderr)
        return 2
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
