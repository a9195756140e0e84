"""The modules that read a ruleset import one another in one direction only, at any level."""

from __future__ import annotations

import ast
from pathlib import Path

import ipr_rules

PACKAGE = Path(ipr_rules.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, known: set[str]) -> set[str]:
    """Every ipr_rules module `path` imports, at module level or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ipr_rules"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("ipr_rules"))
    return found & known


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    known = set(paths)
    return {name: _imports(path, known) - {name} for name, path in paths.items()}


def _cycle_through(graph: dict[str, set[str]], start: str) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for target in graph.get(node, ()):
            if target == start:
                return [*trail, start]
            if target not in seen and not target.endswith("__init__"):
                seen.add(target)
                stack.append((target, [*trail, target]))
    return None


def test_the_ruleset_modules_form_no_cycle() -> None:
    graph = _graph()
    modules = [name for name in graph if name.startswith(("ipr_rules.ruleset.", "ipr_rules.requirements."))]
    assert "ipr_rules.ruleset.store" in modules and "ipr_rules.requirements.overlay" in modules
    cycles = {name: cycle for name in modules if (cycle := _cycle_through(graph, name))}
    assert cycles == {}


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycle_through(graph, "a") == ["a", "b", "c", "a"]
    assert _cycle_through(graph, "d") is None
