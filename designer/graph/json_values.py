"""Checks that a JSON-like value can be written and read back: depth, finiteness, types.

A value nested deeper than Python's recursion allows loads but cannot be saved, and
an infinite number saves as ``Infinity``, which no strict JSON reader accepts.  The
walk here is iterative (it never recurses, whatever the depth) and linear in the size
of the value; it stops after ``limit`` problems.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

# Deep enough for any setting the app writes (a project is about six levels deep).
MAX_DEPTH = 32

Place = tuple[str | int, ...]


def place_text(parts: Sequence[Any]) -> str:
    """``networks[0].nodes[3].params`` for ("networks", 0, "nodes", 3, "params")."""
    text = ""
    for part in parts:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(document)"


def _finite_name(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    return "Infinity" if number > 0 else "-Infinity"


def _children(value: Any) -> Iterator[tuple[str | int, Any]]:
    if isinstance(value, dict):
        yield from value.items()
    else:
        yield from enumerate(value)


def value_problems(
    value: Any,
    place: Place = (),
    *,
    max_depth: int = MAX_DEPTH,
    limit: int = 20,
) -> list[str]:
    """Where ``value`` holds something a project file cannot hold, in words."""
    problems: list[str] = []
    stack: list[tuple[Place, Any]] = [(place, value)]
    while stack and len(problems) < limit:
        where, item = stack.pop()
        if isinstance(item, bool | int | str) or item is None:
            continue
        if isinstance(item, float):
            if not math.isfinite(item):
                problems.append(
                    f"{place_text(where)}: {_finite_name(item)} is not allowed; "
                    "a project holds only finite numbers"
                )
            continue
        if not isinstance(item, dict | list | tuple):
            problems.append(
                f"{place_text(where)}: a {type(item).__name__} cannot be stored "
                "in a project file"
            )
            continue
        if len(where) >= max_depth:
            problems.append(
                f"{place_text(where)}: nested more than {max_depth} levels deep, "
                "more than a project can hold"
            )
            continue
        if isinstance(item, dict):
            bad_key = next((k for k in item if not isinstance(k, str)), None)
            if bad_key is not None:
                problems.append(
                    f"{place_text(where)}: the key {bad_key!r} is not text; "
                    "a project file's keys must be"
                )
                continue
        children = list(_children(item))
        stack.extend((where + (key,), child) for key, child in reversed(children))
    return problems
