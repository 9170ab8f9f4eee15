"""Query parameters are taken as declared or refused: a parameter a route does not take, or one taking a
single value given twice, is a 422, never silently ignored (FastAPI would drop the first and keep the last
of a repeated value, and drop an unknown name)."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from fastapi import Request
from fastapi.exceptions import RequestValidationError

__all__ = ["check_length", "declared_query", "strict_query"]

# No name or word a filter takes is longer.
MAX_VALUE = 100


def _repeatable(annotation: Any) -> bool:
    if get_origin(annotation) in (Union, types.UnionType):
        return any(_repeatable(arg) for arg in get_args(annotation) if arg is not type(None))
    return get_origin(annotation) in (list, tuple, set, frozenset) or annotation in (list, tuple, set)


def declared_query(route: Any) -> dict[str, bool]:
    """The query parameters a route declares (with its dependencies'): name -> whether repeatable."""
    found: dict[str, bool] = {}
    pending = [getattr(route, "dependant", None)]
    while pending:
        dependant = pending.pop()
        if dependant is None:
            continue
        for field in dependant.query_params:
            found[field.alias] = _repeatable(field.field_info.annotation)
        pending.extend(dependant.dependencies)
    return found


def strict_query(request: Request) -> None:
    """Refuse (422) query parameters the route does not declare, and single values given twice."""
    declared = declared_query(request.scope.get("route"))
    problems: list[dict[str, Any]] = []
    for name in dict.fromkeys(request.query_params.keys()):
        if name not in declared:
            takes = ", ".join(sorted(declared)) or "none"
            problems.append(
                {
                    "type": "unknown_parameter",
                    "loc": ("query", name),
                    "msg": f"this route takes no parameter {name!r} (it takes: {takes})",
                    "input": request.query_params.get(name),
                }
            )
        elif not declared[name] and len(request.query_params.getlist(name)) > 1:
            problems.append(
                {
                    "type": "repeated_parameter",
                    "loc": ("query", name),
                    "msg": f"{name!r} takes one value, and was given {len(request.query_params.getlist(name))}",
                    "input": request.query_params.getlist(name),
                }
            )
    if problems:
        raise RequestValidationError(problems)


def check_length(value: str | None) -> None:
    """Refuse (422) a value longer than any name or word (each value of a repeatable parameter)."""
    if value is not None and len(value) > MAX_VALUE:
        raise RequestValidationError(
            [
                {
                    "type": "string_too_long",
                    "loc": ("query",),
                    "msg": f"a value is {len(value):,} characters long; at most {MAX_VALUE}",
                }
            ]
        )
