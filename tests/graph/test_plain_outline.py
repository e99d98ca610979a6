"""The schema's fast path (``plain_outline``) never passes what jsonschema would refuse."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from designer.graph.project_schema import _validators, plain_outline, schema_problems

RESOURCES = Path(__file__).resolve().parents[2] / "designer" / "resources"
FILES = sorted((RESOURCES / "samples").glob("*.json")) + sorted(
    (RESOURCES / "blocks").glob("*.json")
)


def _outline_errors(document) -> list:
    return list(_validators()[0].iter_errors(document))


def _variants(document: dict) -> list:
    """The document and small breakages of its outline, each plain or not."""
    changes = [
        lambda d: d.update(format="other"),
        lambda d: d.update(version=2.5),
        lambda d: d.update(version=True),
        lambda d: d.update(app_version="9" * 65),
        lambda d: d.update(name="x" * 201),
        lambda d: d.update(extra=1),
        lambda d: d.update(training=[]),
        lambda d: d.update(networks=[]),
        lambda d: d["networks"][0].update(name=""),
        lambda d: d["networks"][0].update(extra=1),
        lambda d: d["networks"][0].update(nodes={}),
        lambda d: d.update(blocks={}),
        lambda d: d.update(blocks=[{"name": "B", "nodes": [], "edges": [], "x": 1}]),
        lambda d: d.update(blocks=[{"name": "B", "nodes": [{"id": 1}], "edges": []}]),
        lambda d: d.update(
            blocks=[{"name": "B", "nodes": [], "edges": [], "description": 3}]
        ),
    ]
    variants = [document]
    for change in changes:
        changed = copy.deepcopy(document)
        change(changed)
        variants.append(changed)
    return variants


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_plain_outlines_are_valid_outlines(path: Path) -> None:
    document = json.loads(path.read_text())
    assert plain_outline(document)  # the shipped files take the fast path
    for variant in _variants(document):
        if plain_outline(variant):
            assert _outline_errors(variant) == []
        else:
            assert variant is not document
    broken = copy.deepcopy(document)
    broken["networks"][0]["extra"] = 1
    assert schema_problems(broken)  # not plain: jsonschema words the problem
