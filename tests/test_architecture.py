"""The floors of src/tipkb (docs/architecture.md), checked by walking every import: no import circle, and
each package imports only what its floor may."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "tipkb"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import that runs (at module level or in a function), leaving out ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def imports_of(name: str) -> set[str]:
    """The tipkb modules a module imports (``from tipkb.x import y`` is tipkb.x.y when that is a module)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in _walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names
            ]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


GRAPH = {name: imports_of(name) for name in MODULES}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as the modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_circle_anywhere_in_src() -> None:
    assert find_cycle(GRAPH) is None, " -> ".join(find_cycle(GRAPH) or [])


def test_the_cycle_finder_finds_a_circle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


# -- the read layer -------------------------------------------------------------------------------

FRONT_ENDS = ("tipkb.cli", "tipkb.web", "tipkb.analysis", "tipkb.export")
# What the front ends may take from the store: opening it, and its errors (the type, for annotations).
STORE_NAMES = {"open_store", "StoreError"}
SQL = re.compile(
    r"\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|PRAGMA\s+\w)",
    re.I,
)


def _in(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def store_imports(name: str) -> list[str]:
    """What a module imports from tipkb.store (outside ``if TYPE_CHECKING:``), as "module:name"."""
    out = []
    for node in _walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tipkb.store"):
            out += [f"{node.module}:{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            out += [alias.name for alias in node.names if alias.name.startswith("tipkb.store")]
    return out


def sql_in(name: str) -> list[str]:
    """The string constants of a module that are SQL."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and SQL.search(node.value)
    ]


def test_front_ends_take_only_open_store_and_its_errors_from_the_store() -> None:
    bad = {
        name: found
        for name in MODULES
        if _in(name, FRONT_ENDS)
        and (found := [i for i in store_imports(name) if i.split(":")[-1] not in STORE_NAMES or ":" not in i])
    }
    assert not bad, bad


def test_no_sql_outside_the_store() -> None:
    bad = {name: found for name in MODULES if not _in(name, ("tipkb.store",)) and (found := sql_in(name))}
    assert not bad, bad


def test_the_query_layer_knows_no_rollup_columns() -> None:
    bad = {
        name: found
        for name in MODULES
        if _in(name, ("tipkb.query",))
        and (found := [i for i in store_imports(name) if not i.startswith("tipkb.store:")])
    }
    assert not bad, bad
    assert not [
        name for name in MODULES if _in(name, ("tipkb.query",)) and "dialect" in MODULES[name].read_text()
    ]


def test_the_checks_see_what_they_look_for() -> None:
    assert sql_in("tipkb.store.reads")
    assert "tipkb.store:open_store" in store_imports("tipkb.web.stores")
    assert not sql_in("tipkb.query.flows")


# -- the floors (docs/architecture.md) ---------------------------------------------------------------

DOC = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"


def allowed_imports() -> dict[str, set[str]]:
    """The table "What each package may import" of docs/architecture.md: package -> what it may import."""
    table: dict[str, set[str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`") and cells[1].isdigit():
            table[cells[0].strip("`")] = set(re.findall(r"`(\w+)`", cells[2]))
    return table


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "tipkb"


def package_imports() -> dict[str, set[str]]:
    """Which packages of tipkb each package imports (itself aside), by walking every module."""
    out: dict[str, set[str]] = {package_of(m): set() for m in MODULES}
    for module, deps in GRAPH.items():
        for dep in deps:
            if package_of(dep) != package_of(module):
                out[package_of(module)].add(package_of(dep))
    return out


def test_every_package_imports_only_what_its_floor_may() -> None:
    allowed = allowed_imports()
    found = package_imports()
    assert set(found) == set(allowed), "docs/architecture.md must list every package of src/tipkb"
    extra = {p: sorted(deps - allowed[p]) for p, deps in found.items() if deps - allowed[p]}
    assert not extra, f"imports that docs/architecture.md does not allow: {extra}"


def test_the_floors_go_down() -> None:
    floors = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`") and cells[1].isdigit():
            floors[cells[0].strip("`")] = int(cells[1])
    for package, deps in package_imports().items():
        for dep in deps - {"tipkb"}:  # (the root runs first anyway: its __version__ is free to take)
            assert floors[dep] <= floors[package], f"{package} (floor {floors[package]}) imports {dep}"
