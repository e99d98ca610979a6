"""Project files: one versioned JSON document per project.

Loading validates the whole document and reports every problem with its place in
the document (``networks[0].nodes[3].params.out_features: must be …``).  Nothing
in a file is executed or unpickled.  Saving is atomic: a temporary file in the same
folder is written, flushed and renamed over the old one.
"""

from __future__ import annotations

import difflib
import json
import math
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema

from designer.graph.catalog import all_specs, get_spec, has_spec
from designer.graph.model import Edge, Graph, Node, Project

FORMAT_NAME = "designer-project"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_NODES = 20_000
MAX_POSITION = 1e7
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


_NAME = {"type": "string", "minLength": 1, "maxLength": 64}
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
                    "name": _NAME,
                    "nodes": {
                        "type": "array",
                        "maxItems": MAX_NODES,
                        "items": {
                            "type": "object",
                            "required": ["id", "type", "name"],
                            "additionalProperties": False,
                            "properties": {
                                "id": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 64,
                                },
                                "type": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": 64,
                                },
                                "name": _NAME,
                                "params": {"type": "object"},
                                "position": {
                                    "type": "array",
                                    "items": {
                                        "type": "number",
                                        "minimum": -MAX_POSITION,
                                        "maximum": MAX_POSITION,
                                    },
                                    "minItems": 2,
                                    "maxItems": 2,
                                },
                            },
                        },
                    },
                    "edges": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": [
                                "source",
                                "source_port",
                                "target",
                                "target_port",
                            ],
                            "additionalProperties": False,
                            "properties": {
                                key: {"type": "string", "minLength": 1, "maxLength": 64}
                                for key in (
                                    "source",
                                    "source_port",
                                    "target",
                                    "target_port",
                                )
                            },
                        },
                    },
                },
            },
        },
        "training": {"type": "object"},
        "dataset": {"type": "object"},
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(_SCHEMA)


def _path(parts: Iterable[Any]) -> str:
    text = ""
    for part in parts:
        text += (
            f"[{part}]"
            if isinstance(part, int)
            else (f".{part}" if text else str(part))
        )
    return text or "(document)"


def _describe(value: Any) -> str:
    text = json.dumps(value)[:40] if not isinstance(value, str) else repr(value[:40])
    return text


def _schema_message(error: jsonschema.ValidationError) -> str:
    where = _path(error.absolute_path)
    validator = error.validator
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where}: is missing {missing!r}"
    if validator == "additionalProperties":
        return f"{where}: {error.message}"
    if validator == "const":
        return f"{where}: must be {FORMAT_NAME!r}; this is not a designer project"
    if validator == "type":
        return f"{where}: must be {'an' if error.validator_value in ('object', 'array', 'integer') else 'a'} {error.validator_value}, got {_describe(error.instance)}"
    if validator in ("minimum", "maximum"):
        return f"{where}: {_describe(error.instance)} is out of range ({validator} {error.validator_value})"
    return f"{where}: {error.message}"


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
        _schema_message(e)
        for e in sorted(
            _VALIDATOR.iter_errors(document), key=lambda e: list(e.absolute_path)
        )
    ]
    if problems:
        raise ProjectFileError(problems, source)
    networks: list[Graph] = []
    seen_networks: set[str] = set()
    for index, data in enumerate(document["networks"]):
        where = f"networks[{index}]"
        if data["name"] in seen_networks:
            problems.append(
                f"{where}.name: another network is already called {data['name']!r}"
            )
        seen_networks.add(data["name"])
        networks.append(_graph_from_dict(data, where, problems))
    if problems:
        raise ProjectFileError(problems, source)
    return Project(
        name=document.get("name", "Untitled"),
        networks=networks,
        training=document.get("training", {}),
        dataset=document.get("dataset", {}),
    )


def _suggest(layer_type: str) -> str:
    known = [spec.type for spec in all_specs()]
    close = difflib.get_close_matches(layer_type, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _graph_from_dict(data: dict[str, Any], where: str, problems: list[str]) -> Graph:
    graph = Graph(data["name"])
    names: set[str] = set()
    for k, raw in enumerate(data["nodes"]):
        here = f"{where}.nodes[{k}]"
        if not has_spec(raw["type"]):
            problems.append(
                f"{here}.type: unknown layer type {raw['type']!r}{_suggest(raw['type'])}"
            )
            continue
        if graph.has_node(raw["id"]):
            problems.append(f"{here}.id: duplicate id {raw['id']!r}")
            continue
        if raw["name"] in names:
            problems.append(
                f"{here}.name: another node is already called {raw['name']!r}"
            )
            continue
        spec = get_spec(raw["type"])
        params = spec.defaults()
        ok = True
        for key, value in raw.get("params", {}).items():
            try:
                param = spec.param(key)
            except KeyError:
                problems.append(
                    f"{here}.params.{key}: {spec.type} has no parameter {key!r}"
                )
                ok = False
                continue
            message = param.validate(value)
            if message:
                problems.append(f"{here}.params.{key}: {message}")
                ok = False
            else:
                params[key] = list(value) if isinstance(value, list) else value
        if not ok:
            continue
        position = raw.get("position", [0.0, 0.0])
        if not all(math.isfinite(v) for v in position):
            problems.append(f"{here}.position: must be two finite numbers")
            continue
        names.add(raw["name"])
        graph.insert_node(
            Node(
                raw["id"],
                raw["type"],
                raw["name"],
                params,
                (float(position[0]), float(position[1])),
            )
        )
    for k, raw in enumerate(data["edges"]):
        here = f"{where}.edges[{k}]"
        missing = [end for end in ("source", "target") if not graph.has_node(raw[end])]
        if missing:
            known_ids = {node["id"] for node in data["nodes"]}
            for end in missing:
                if raw[end] not in known_ids:
                    problems.append(
                        f"{here}.{end}: no node has id {raw[end]!r} (dangling edge)"
                    )
            continue
        edge = Edge(
            raw["source"], raw["source_port"], raw["target"], raw["target_port"]
        )
        reason = graph.can_connect(*edge.to_dict().values())
        if reason:
            problems.append(f"{here}: {reason}")
        elif graph.edge_into(edge.target, edge.target_port) is not None:
            problems.append(
                f"{here}: input {edge.target_port!r} of {graph.node(edge.target).name} is connected twice"
            )
        else:
            graph.connect(*edge.to_dict().values())
    return graph


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
