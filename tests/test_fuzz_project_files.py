"""Fuzzing project files: mutated samples either load, save and load again, or are
refused with a ProjectFileError — never another exception, a hang or a traceback.

``make test`` runs a few hundred examples; ``make fuzz`` sets
``DESIGNER_FUZZ_EXAMPLES`` for a long run.  The checks run under Python's normal
recursion limit (Hypothesis raises it while a test runs; a user's app does not).
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.graph.json_values import nested_deeper_than
from designer.graph.project_file import ProjectFileError, dumps_project, loads_project
from designer.shapes.infer import infer_shapes

EXAMPLES = int(os.environ.get("DESIGNER_FUZZ_EXAMPLES", "300"))
SAMPLES = {
    path.stem: path.read_text(encoding="utf-8")
    for path in sorted((Path(__file__).parent.parent / "samples").glob("*.json"))
}
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NORMAL_RECURSION_LIMIT = 1000
MARK = "\x00mark\x00"
SPELLINGS = ["1e999", "-1e999", "NaN", "-Infinity", "1E400", "-0", "1e-400", "12" * 30]

leaves = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.sampled_from([0, -1, 2**63, 10**400, 1e308, -0.0, 1e-320])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.sampled_from(
        ["Linear", "Input", "Output", "Add", "n1", "in", "out", "", "x" * 65]
    )
)
json_values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@contextlib.contextmanager
def normal_recursion_limit() -> Iterator[None]:
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(NORMAL_RECURSION_LIMIT)
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def places(value: Any, trail: tuple = ()) -> Iterator[tuple]:
    """Every place in a document (as a key path), containers before their items."""
    yield trail
    if isinstance(value, dict):
        for key, child in value.items():
            yield from places(child, (*trail, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from places(child, (*trail, index))


def at(document: Any, trail: tuple) -> Any:
    for key in trail:
        document = document[key]
    return document


def mutate(data: st.DataObject, document: dict) -> tuple[dict, dict[str, str]]:
    """A few structure-aware edits: replace, delete, duplicate, move values.

    Half the edits go into ``training`` or ``dataset``, which hold any JSON and so
    are where a value that loads but cannot be saved would hide.
    """
    raw_text: dict[str, str] = {}  # marker -> the JSON text that replaces it
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        every = list(places(document))
        free = [p for p in every if p and p[0] in ("training", "dataset")]
        pool = free if free and data.draw(st.booleans(), label="free") else every[1:]
        trail = data.draw(st.sampled_from(pool), label="place")
        parent = at(document, trail[:-1])
        key = trail[-1]
        action = data.draw(
            st.sampled_from(
                ["replace", "delete", "borrow", "duplicate", "deep", "spell", "add"]
            ),
            label="action",
        )
        if action == "replace":
            parent[key] = data.draw(json_values, label="value")
        elif action == "delete":
            del parent[key]
        elif action == "borrow":  # a value from elsewhere in the same document
            parent[key] = copy.deepcopy(at(document, data.draw(st.sampled_from(every))))
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif action == "deep":
            depth = data.draw(st.sampled_from([5, 31, 33, 200, 600, 990, 3000]))
            parent[key] = marker = f"{MARK}{len(raw_text)}"
            raw_text[marker] = "[" * depth + "1" + "]" * depth
        elif action == "spell":  # numbers as a hostile file may spell them
            parent[key] = marker = f"{MARK}{len(raw_text)}"
            raw_text[marker] = data.draw(st.sampled_from(SPELLINGS))
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8), label="key")] = data.draw(json_values)
    return document, raw_text


def as_text(document: dict, raw_text: dict[str, str]) -> str:
    text = json.dumps(document, allow_nan=True)
    for marker, replacement in raw_text.items():
        text = text.replace(json.dumps(marker), replacement)
    return text


def check(text: str | bytes) -> None:
    """Loads, saves and loads again, or is refused with a short ProjectFileError."""
    with normal_recursion_limit():
        try:
            project = loads_project(text, "fuzz.json")
        except ProjectFileError as error:
            assert error.problems and len(str(error)) < 20_000
            return
        saved = dumps_project(project)
        assert loads_project(saved) == project
        for graph in project.networks:
            infer_shapes(graph)


@FUZZ
@given(st.sampled_from(sorted(SAMPLES)), st.data())
def test_mutated_samples_load_and_round_trip_or_are_refused(
    sample: str, data: st.DataObject
) -> None:
    document, raw_text = mutate(data, json.loads(SAMPLES[sample]))
    check(as_text(document, raw_text))


@FUZZ
@given(st.sampled_from(sorted(SAMPLES)), st.data())
def test_byte_level_mutations_never_escape_as_other_errors(
    sample: str, data: st.DataObject
) -> None:
    raw = bytearray(SAMPLES[sample].encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        where = data.draw(st.integers(0, len(raw)), label="where")
        action = data.draw(st.sampled_from(["set", "insert", "delete", "copy"]))
        if action == "set" and where < len(raw):
            raw[where] = data.draw(st.integers(0, 255))
        elif action == "insert":
            raw[where:where] = data.draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del raw[where : where + data.draw(st.integers(1, 64))]
        elif action == "copy":
            start = data.draw(st.integers(0, len(raw)))
            raw[where:where] = raw[start : start + data.draw(st.integers(1, 200))]
    check(bytes(raw))


def depth_of(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    return 0


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.recursive(
        st.text(alphabet='[]{}"\\ab\n', max_size=6) | st.integers(),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.text(alphabet='[]{}"\\a', max_size=4), inner, max_size=3
            )
        ),
        max_leaves=20,
    ),
    st.integers(0, 8),
    st.booleans(),
)
def test_the_quick_depth_measure_agrees_with_the_values(
    value: Any, limit: int, ascii_only: bool
) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8")
    assert nested_deeper_than(text, limit) == (depth_of(value) > limit)
