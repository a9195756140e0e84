"""The package's structure: no import cycle inside `ipr_rules/`, no module over 400 lines.

Every import counts, wherever it stands (module level, inside a function, under TYPE_CHECKING):
a cycle that is dodged by importing late is still a tangle. `import a.b` is an edge to `a.b`;
`from a import b` is an edge to `a` and, when `b` is a module, to `a.b` too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ipr_rules"
MAX_LINES = 400


def modules(root: Path = PACKAGE) -> dict[str, Path]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def import_graph(found: dict[str, Path]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in found.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                edges.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - node.level + 1]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                edges.add(target)
                edges.update(f"{target}.{alias.name}" for alias in node.names)
        graph[name] = {edge for edge in edges if edge in found and edge != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_in_the_package() -> None:
    graph = import_graph(modules())
    assert len(graph) > 100  # the whole package was read
    assert cycles(graph) == []


def test_no_module_over_400_lines() -> None:
    long = {
        name: n
        for name, path in modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_cycle_finder_finds_cycles_of_every_import_form(tmp_path: Path) -> None:
    package = tmp_path / "ipr_rules"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from ipr_rules.sub import b\n")  # function level
    (package / "sub" / "b.py").write_text("from .c import X\n")  # relative
    (package / "sub" / "c.py").write_text("import typing\nif typing.TYPE_CHECKING:\n    import ipr_rules.a\n")
    (package / "d.py").write_text("from ipr_rules import a\n")  # into the cycle, not part of it
    graph = import_graph(modules(package))
    assert graph["ipr_rules.a"] == {"ipr_rules.sub", "ipr_rules.sub.b"}
    assert cycles(graph) == [["ipr_rules.a", "ipr_rules.sub.b", "ipr_rules.sub.c"]]
