"""Checks that a JSON-like value can be written and read back: depth, finiteness, types.

A value nested deeper than Python's recursion allows loads but cannot be saved, and
an infinite number saves as ``Infinity``, which no strict JSON reader accepts.  The
walk here is iterative (it never recurses, whatever the depth) and linear in the size
of the value; it stops after ``limit`` problems.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
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


_SCALARS = (str, int, bool, type(None))
# A trail is (parent trail, key): one small tuple per container, turned into a
# place only when a problem is found.
Trail = tuple[Any, Any] | None


def _place_of(trail: Trail) -> str:
    parts: list[Any] = []
    while trail is not None:
        trail, key = trail
        parts.append(key)
    return place_text(parts[::-1])


def _float_problem(number: float, trail: Trail) -> str | None:
    if math.isfinite(number):
        return None
    return (
        f"{_place_of(trail)}: {_finite_name(number)} is not allowed; "
        "a project holds only finite numbers"
    )


def value_problems(
    value: Any,
    place: Place = (),
    *,
    max_depth: int = MAX_DEPTH,
    limit: int = 20,
) -> list[str]:
    """Where ``value`` holds something a project file cannot hold, in words."""
    trail: Trail = None
    for part in place:
        trail = (trail, part)
    problems: list[str] = []
    stack: list[tuple[Any, int, Trail]] = [(value, len(place), trail)]
    while stack and len(problems) < limit:
        item, depth, trail = stack.pop()
        if isinstance(item, float):
            problem = _float_problem(item, trail)
            if problem:
                problems.append(problem)
            continue
        if isinstance(item, _SCALARS):
            continue
        if not isinstance(item, dict | list | tuple):
            problems.append(
                f"{_place_of(trail)}: a {type(item).__name__} cannot be stored "
                "in a project file"
            )
            continue
        if depth >= max_depth:
            problems.append(
                f"{_place_of(trail)}: nested more than {max_depth} levels deep, "
                "more than a project can hold"
            )
            continue
        if isinstance(item, dict):
            bad_key = next((k for k in item if type(k) is not str), None)
            if bad_key is not None:
                problems.append(
                    f"{_place_of(trail)}: the key {bad_key!r} is not text; "
                    "a project file's keys must be"
                )
                continue
            pairs = item.items()
        else:
            pairs = enumerate(item)
        pending = []
        for key, child in pairs:
            kind = type(child)
            if kind is str or kind is int or kind is bool or child is None:
                continue
            if kind is float:
                if child - child == 0.0:  # finite: the common case, checked inline
                    continue
                problem = _float_problem(child, (trail, key))
                if problem:
                    problems.append(problem)
                continue
            pending.append((child, depth + 1, (trail, key)))
        stack.extend(reversed(pending))
    return problems


# Every byte but brackets and quotes, and a string once only quotes are left of it.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_STRING = re.compile(rb'"[^"]*"')
_INNERMOST = re.compile(rb"\[\]|\{\}")


def nested_deeper_than(document: bytes, depth: int) -> bool:
    """Whether the valid JSON ``document`` nests containers more than ``depth`` deep.

    Works on the text at C speed, far quicker than a walk of the parsed values:
    escaped backslashes and quotes go first (so every quote left delimits a
    string), then everything but brackets and quotes, then strings, and then each
    round strips the innermost pairs of brackets.  UTF-8 keeps these bytes apart
    from any other character's.
    """
    structure = (
        document.replace(b"\\\\", b"")
        .replace(b'\\"', b"")
        .translate(None, _NOT_STRUCTURE)
    )
    brackets = _STRING.sub(b"", structure)
    for _ in range(depth):
        if not brackets:
            return False
        brackets = _INNERMOST.sub(b"", brackets)
    return bool(brackets)
