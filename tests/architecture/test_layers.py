"""The layout rules of DESIGN.md, checked on the code's own imports.

Data flows one way: page -> state -> service -> models/infra. The domain imports only
core; nothing outside ui imports ui (but the app module that assembles it); no module
under ui touches the database itself; files stay small.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "portal_app"
MAX_LINES = 400
BIG_ON_PURPOSE = {"portal_app/domain/scheduling/planning/engine.py"}


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        found = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found |= {f"{node.module}.{alias.name}" for alias in node.names}
        graph[_module(path)] = {name for name in found if name.startswith("portal_app")}
    return graph


GRAPH = _imports()


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _offenders(source_layers: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if _layer(module) in source_layers
        for target in targets
        if target.startswith(forbidden)
    )


def test_domain_imports_only_core_and_itself():
    allowed = ("portal_app.core", "portal_app.domain")
    offenders = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if _layer(module) == "domain"
        for target in targets
        if not target.startswith(allowed)
    )
    assert offenders == []


def test_core_imports_nothing_above_it():
    offenders = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if _layer(module) == "core"
        for target in targets
        if not target.startswith("portal_app.core")
    )
    assert offenders == []


def test_nothing_outside_ui_imports_ui_but_the_app_module():
    offenders = [
        line
        for line in _offenders(
            {"core", "domain", "infra", "web", "runtime", "config", "cli", "tables"},
            ("portal_app.ui",),
        )
    ]
    assert offenders == []


def test_infra_and_web_do_not_import_ui():
    assert _offenders({"infra", "web"}, ("portal_app.ui",)) == []


def test_no_import_cycles_between_packages():
    edges = defaultdict(set)
    for module, targets in GRAPH.items():
        for target in targets:
            source, goal = _layer(module), _layer(target)
            if source and goal and source != goal:
                edges[source].add(goal)
    cycles = [(a, b) for a in edges for b in edges[a] if a in edges.get(b, ())]
    # The app module (portal_app.portal_app) assembles everything and is imported by none.
    assert cycles == []


def _area(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "domain" else None


def test_domain_areas_depend_on_each_other_one_way_only():
    """Tables are shared (any area may import another's models); behaviour flows one way."""
    edges = defaultdict(set)
    for module, targets in GRAPH.items():
        source = _area(module)
        for target in targets:
            goal = _area(target)
            if source and goal and source != goal and not target.split(".")[3:4] == ["models"]:
                edges[source].add(goal)
    seen: dict[str, str] = {}

    def visit(area: str, path: list[str]) -> list[str] | None:
        if seen.get(area) == "done":
            return None
        if area in path:
            return path[path.index(area) :] + [area]
        for goal in sorted(edges[area]):
            cycle = visit(goal, path + [area])
            if cycle:
                return cycle
        seen[area] = "done"
        return None

    cycles = [cycle for area in sorted(edges) if (cycle := visit(area, []))]
    assert cycles == []


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.joinpath("ui").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_ui_module_opens_a_database_session(path):
    source = path.read_text()
    tree = ast.parse(source)
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not {name for name in imported if name.split(".")[0] in {"sqlmodel", "sqlalchemy"}}
    assert not {name for name in imported if name.startswith("portal_app.infra")}
    assert ".transaction(" not in source and "Session(" not in source


def test_no_file_is_over_400_lines():
    long = sorted(
        f"{path.relative_to(ROOT)}: {count}"
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and path.suffix in {".py", ".toml", ".html"}
        and (count := len(path.read_text().splitlines())) > MAX_LINES
        and str(path.relative_to(ROOT)) not in BIG_ON_PURPOSE
    )
    assert long == []


def test_every_feature_keeps_state_and_page_side_by_side():
    for audience in ("portal", "staff", "editor"):
        for feature in sorted(p for p in PACKAGE.joinpath("ui", audience).iterdir() if p.is_dir()):
            if feature.name == "__pycache__":
                continue
            assert {"state.py", "page.py"} <= {p.name for p in feature.iterdir()}, feature
