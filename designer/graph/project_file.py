"""Project files: one versioned JSON document per project.

Loading validates the whole document and reports every problem with its place in
the document (``networks[0].nodes[3].params.out_features: must be …``).  Nothing
in a file is executed or unpickled.  Saving is atomic: a temporary file in the same
folder is written, flushed and renamed over the old one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema

from designer.graph.blocks import BlockTable
from designer.graph.model import Graph, Project
from designer.graph.validation import (
    EDGE_SCHEMA,
    NAME_SCHEMA,
    NODE_SCHEMA,
    blocks_from_dicts,
    graph_from_dicts,
    schema_problems,
)
from designer.graph.validation import (
    MAX_POSITION as MAX_POSITION,  # kept importable from here
)

FORMAT_NAME = "designer-project"
FORMAT_VERSION = 2  # 2: block definitions (a file without them reads as before)
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_NODES = 20_000
SUFFIX = ".json"


class ProjectFileError(ValueError):
    """A project file that cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: Iterable[str], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        where = f"{source}: " if source else ""
        if len(self.problems) == 1:
            text = f"{where}{self.problems[0]}"
        else:
            listed = "\n".join(f"  - {p}" for p in self.problems[:50])
            more = (
                f"\n  … and {len(self.problems) - 50} more"
                if len(self.problems) > 50
                else ""
            )
            text = f"{where}{len(self.problems)} problems:\n{listed}{more}"
        super().__init__(text)


_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["format", "version", "networks"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": FORMAT_NAME},
        "version": {"type": "integer"},
        "name": {"type": "string", "maxLength": 200},
        "networks": {
            "type": "array",
            "minItems": 1,
            "maxItems": 16,
            "items": {
                "type": "object",
                "required": ["name", "nodes", "edges"],
                "additionalProperties": False,
                "properties": {
                    "name": NAME_SCHEMA,
                    "nodes": {
                        "type": "array",
                        "maxItems": MAX_NODES,
                        "items": NODE_SCHEMA,
                    },
                    "edges": {"type": "array", "items": EDGE_SCHEMA},
                },
            },
        },
        "training": {"type": "object"},
        "dataset": {"type": "object"},
        "blocks": {
            "type": "array",
            "maxItems": 256,
            "items": {
                "type": "object",
                "required": ["name", "nodes", "edges"],
                "additionalProperties": False,
                "properties": {
                    "name": NAME_SCHEMA,
                    "description": {"type": "string", "maxLength": 2000},
                    "nodes": {
                        "type": "array",
                        "maxItems": MAX_NODES,
                        "items": NODE_SCHEMA,
                    },
                    "edges": {"type": "array", "items": EDGE_SCHEMA},
                },
            },
        },
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(_SCHEMA)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in a project file")


def parse_document(text: str | bytes, source: str | None = None) -> dict[str, Any]:
    """Bytes or text → the JSON document, with a readable error for anything else."""
    if isinstance(text, bytes):
        if not text.strip():
            raise ProjectFileError(["the file is empty"], source)
        if b"\x00" in text[:4096]:
            raise ProjectFileError(
                ["this is a binary file, not a designer project (JSON text)"], source
            )
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ProjectFileError(
                [
                    f"this is not a text file (undecodable byte at position {error.start}); a project is JSON text"
                ],
                source,
            ) from None
    if not text.strip():
        raise ProjectFileError(["the file is empty"], source)
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ProjectFileError(
            [
                f"this is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
            ],
            source,
        ) from None
    except (ValueError, RecursionError) as error:
        raise ProjectFileError(
            [f"this is not a usable JSON document: {error}"], source
        ) from None
    if not isinstance(document, dict):
        raise ProjectFileError(
            [f"the document must be a JSON object, got {type(document).__name__}"],
            source,
        )
    return document


def project_from_dict(document: dict[str, Any], source: str | None = None) -> Project:
    """Validate a whole document and build the project; raises :class:`ProjectFileError`."""
    version = document.get("version")
    if (
        document.get("format") == FORMAT_NAME
        and isinstance(version, int)
        and not isinstance(version, bool)
    ):
        if version > FORMAT_VERSION:
            raise ProjectFileError(
                [
                    f"this project was saved by a newer version of designer (format version {version}; "
                    f"this version reads up to {FORMAT_VERSION}). Update designer to open it."
                ],
                source,
            )
        if version < 1:
            raise ProjectFileError(
                [f"version: {version} is not a valid format version"], source
            )
    problems = [
        message
        for _, message in schema_problems(
            _VALIDATOR, document, "; this is not a designer project"
        )
    ]
    if problems:
        raise ProjectFileError(problems, source)
    blocks = blocks_from_dicts(document.get("blocks", []), problems)
    networks: list[Graph] = []
    seen_networks: set[str] = set()
    for index, data in enumerate(document["networks"]):
        where = f"networks[{index}]"
        if data["name"] in seen_networks:
            problems.append(
                f"{where}.name: another network is already called {data['name']!r}"
            )
        seen_networks.add(data["name"])
        networks.append(_graph_from_dict(data, where, problems, blocks))
    if problems:
        raise ProjectFileError(problems, source)
    return Project(
        name=document.get("name", "Untitled"),
        networks=networks,
        training=document.get("training", {}),
        dataset=document.get("dataset", {}),
        blocks=blocks,
    )


def _graph_from_dict(
    data: dict[str, Any], where: str, problems: list[str], blocks: BlockTable
) -> Graph:
    return graph_from_dicts(
        data["name"], data["nodes"], data["edges"], where, problems, blocks=blocks
    )


def project_to_dict(project: Project) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, **project.to_dict()}


def dumps_project(project: Project) -> str:
    return json.dumps(project_to_dict(project), indent=2, ensure_ascii=False) + "\n"


def loads_project(text: str | bytes, source: str | None = None) -> Project:
    return project_from_dict(parse_document(text, source), source)


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read and validate a project file; every failure is a :class:`ProjectFileError`."""
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ProjectFileError(["this is a folder, not a project file"], source)
        if size > MAX_FILE_BYTES:
            raise ProjectFileError(
                [f"the file is {size:,} bytes, larger than a project can be"], source
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ProjectFileError(["no such file"], source) from None
    except PermissionError:
        raise ProjectFileError(
            ["permission denied: the file cannot be read"], source
        ) from None
    except OSError as error:
        raise ProjectFileError(
            [f"the file cannot be read: {error.strerror or error}"], source
        ) from None
    return loads_project(data, source)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write via a temporary file in the same folder and rename it into place."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    atomic_write_text(path, dumps_project(project))
