"""Imports run one way: cli → refresh/pipeline → steps (fetch, ingest, extract, build, validate,
publish) → core → schemas. No step imports a later one or a sibling, no lazy import hides a
cycle, and the module graph has no cycle at all."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# package (or module) -> what it may import besides itself
ALLOWED: dict[str, set[str]] = {
    "schemas": set(),
    "flows.limits": set(),
    "flows.core": {"schemas"},
    "flows.ingest": {"flows.core", "flows.limits", "schemas"},
    "flows.extract": {"flows.core", "schemas"},
    "flows.build": {"flows.extract", "flows.core", "schemas"},
    "flows.validate": {"flows.core", "schemas"},
    "flows.publish": {"flows.build", "flows.validate", "flows.core", "schemas", "flows"},
    "flows.budget": set(),
    "flows.cache": {"flows.extract", "flows.core", "schemas"},
    "flows.prefect_env": set(),
    "flows.progress": set(),
    "flows.fetch": {"flows.ingest", "flows.core", "flows.limits", "flows.prefect_env", "schemas"},
    "flows.access": {"flows.limits"},
    "flows.unchanged": set(),
}
TOP = {"flows.pipeline", "flows.refresh", "flows.cli", "flows"}  # orchestration: may import any step


def _module(path: Path) -> str:
    rel = path.relative_to(REPO).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Modules imported anywhere in the file (lazy imports included): `from pkg import sub`
    counts as importing pkg.sub when that is a module, else as importing pkg."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            subs = {f"{node.module}.{a.name}" for a in node.names} & modules
            out |= subs or {node.module}
            if len(subs) < len(node.names):
                out.add(node.module)
    return {m for m in out if m.split(".")[0] in ("flows", "schemas")}


def _owner(module: str) -> str | None:
    for key in sorted(ALLOWED, key=len, reverse=True):
        if module == key or module.startswith(key + "."):
            return key
    return None


def _graph() -> dict[str, set[str]]:
    files = [p for d in ("flows", "schemas") for p in (REPO / d).rglob("*.py")]
    modules = {_module(p): p for p in files}
    graph = {}
    for mod, path in modules.items():
        ancestors = {".".join(mod.split(".")[:i]) for i in range(1, mod.count(".") + 1)}
        graph[mod] = {m for m in _imports(path, set(modules)) if m in modules} - ancestors - {mod}
    return graph


def test_no_step_imports_a_later_step_or_a_sibling():
    wrong = []
    for mod, targets in _graph().items():
        if mod in TOP:
            continue
        owner = _owner(mod)
        assert owner is not None, f"{mod} belongs to no layer: add it to ALLOWED"
        for target in targets:
            t_owner = _owner(target) or target
            if t_owner != owner and t_owner not in ALLOWED[owner] and target != "flows":
                wrong.append(f"{mod} imports {target}")
    assert wrong == []


def test_the_module_graph_has_no_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt == node or nxt == "flows":
                continue
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*path[path.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_every_genre_has_one_profile_and_its_passages_exist():
    import yaml

    from flows.core.genres import PROFILES
    from flows.extract.passages import PASSAGES
    from schemas.common import GENRES

    assert set(PROFILES) == set(GENRES)
    assert next(iter(PASSAGES)) == "report_structure" and "claims" in PASSAGES  # the most specific reading first
    rules = yaml.safe_load((REPO / "flows" / "ingest" / "genre_rules.yaml").read_text(encoding="utf-8"))
    assert set(rules["genres"]) <= set(PROFILES)
