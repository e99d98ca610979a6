"""Builders of the hostile project files from the reliability issue, and a timer.

Each builder returns a document (a dict) or its text; sizes are parameters so that
tests can compare n with 4n and prove a check linear in seconds.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from typing import Any

from designer.graph.project_file import FORMAT_NAME, FORMAT_VERSION


def node(
    index: int, layer: str = "ReLU", params: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "id": f"n{index}",
        "type": layer,
        "name": f"node_{index}",
        "params": params or {},
        "position": [float(index % 1000), float(index // 1000)],
    }


def edge(source: str, target: str, port: str = "in") -> dict[str, str]:
    return {
        "source": source,
        "source_port": "out",
        "target": target,
        "target_port": port,
    }


def document(
    nodes: list[dict[str, Any]], edges: list[dict[str, str]], **extra: Any
) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "name": "Hostile",
        "networks": [{"name": "model", "nodes": nodes, "edges": edges}],
        **extra,
    }


def chain(length: int, **extra: Any) -> dict[str, Any]:
    """A valid Input → ReLU … → Output chain of ``length`` nodes."""
    nodes = [
        node(0, "Input", {"shape": [4]}),
        *(node(k) for k in range(1, length - 1)),
        node(length - 1, "Output"),
    ]
    edges = [edge(f"n{k}", f"n{k + 1}") for k in range(length - 1)]
    return document(nodes, edges, **extra)


def cycle(length: int) -> dict[str, Any]:
    """``length`` ReLUs, each feeding the next and the last the first."""
    nodes = [node(k) for k in range(length)]
    edges = [edge(f"n{k}", f"n{(k + 1) % length}") for k in range(length)]
    return document(nodes, edges)


def dangling(nodes: int, edges: int) -> dict[str, Any]:
    """``edges`` edges from a node that does not exist."""
    return document(
        [node(k) for k in range(nodes)],
        [edge("ghost", f"n{k % nodes}") for k in range(edges)],
    )


def unknown_types(count: int) -> dict[str, Any]:
    """``count`` nodes, each of a different unknown layer type."""
    return document([node(k, f"Zq{k}layer") for k in range(count)], [])


def deep_text(depth: int, key: str = "training") -> str:
    """A valid project whose ``key`` value is nested ``depth`` levels deep."""
    text = json.dumps(chain(3, **{key: {"deep": "MARK"}}))
    nested = '{"a": ' * depth + "1" + "}" * depth
    return text.replace('"MARK"', nested)


def best_time(action: Callable[[], object], repeats: int = 3) -> float:
    """The fastest of a few runs, in CPU seconds of this process.

    The machine is shared: wall time grows with everyone else's load, while the
    process's own CPU time (and the minimum of a few runs) stays steady.  The
    garbage collector is paused: its full passes cost in proportion to everything
    the test process holds (a whole suite's worth), not to the check measured.
    """
    times = []
    gc.collect()
    was_enabled = gc.isenabled()  # the UI tests collect on the GUI thread only
    gc.disable()
    try:
        for _ in range(repeats):
            start = time.process_time()
            action()
            times.append(time.process_time() - start)
    finally:
        if was_enabled:
            gc.enable()
    return min(times)
