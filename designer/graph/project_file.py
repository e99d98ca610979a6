"""Project files: one versioned JSON document per project.

Loading validates the whole document and reports every problem with its place in
the document (``networks[0].nodes[3].params.out_features: must be …``).  Nothing
in a file is executed or unpickled.  Whatever loads can be saved and loaded again:
numbers must be finite, values at most :data:`MAX_DEPTH` levels deep, and the
whole project at most :data:`MAX_NODES` nodes.  Every check is linear in the size
of the file, and messages name a few examples and a count rather than everything.
Saving is atomic (see :mod:`designer.graph.safe_files`).

Two numbers say who wrote a file.  ``version`` is the format: a file in a newer
format than this designer reads is refused, with the advice to update.
``app_version`` is the designer that saved it: a file from a newer designer in a
format this one reads still opens (:func:`read_project` says so, and the window
opens it read-only, so that saving over it cannot drop what the newer designer
knows).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from designer.graph.blocks import BlockTable
from designer.graph.json_values import MAX_DEPTH, nested_deeper_than, value_problems
from designer.graph.model import Graph, Project
from designer.graph.project_schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    KEPT_PROBLEMS,
    LISTED_PROBLEMS,
    MAX_EDGES,
    MAX_FILE_BYTES,
    MAX_NODES,
    MAX_POSITION,
    SUFFIX,
    document_value_problems,
    schema_problems,
    total_problems,
)
from designer.graph.safe_files import (
    UnreadableFileError,
    atomic_write_text,
    read_bytes_limited,
)
from designer.graph.translatable import MORE_PROBLEMS, QT_TRANSLATE_NOOP, Message
from designer.graph.validation import blocks_from_dicts, graph_from_dicts
from designer.version import app_version, is_newer_than_this

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_EDGES",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "MAX_POSITION",
    "SUFFIX",
    "LoadedProject",
    "ProjectFileError",
    "ProjectSaveError",
    "atomic_write_text",
    "dumps_project",
    "load_project",
    "loads_project",
    "parse_document",
    "project_from_dict",
    "project_to_dict",
    "read_project",
    "reads_project",
    "save_project",
]


class ProjectFileError(ValueError):
    """A project file that cannot be used.

    ``problems`` lists the first :data:`KEPT_PROBLEMS` reasons and ``count`` says
    how many there were; the message lists a few and counts the rest.
    """

    def __init__(
        self,
        problems: Iterable[str | Message],
        source: str | None = None,
        count: int | None = None,
    ) -> None:
        every = [p if isinstance(p, Message) else Message.plain(p) for p in problems]
        self.count = max(count or 0, len(every))
        self.messages = every[:KEPT_PROBLEMS]
        self.problems = [message.english() for message in self.messages]
        self.source = source
        super().__init__(self.worded(_english))

    def worded(self, translate: Callable[[str, str], str]) -> str:
        """The message in the words of ``translate(context, text)`` (the command
        line's or the window's), the reasons that are templates translated."""
        shown = [message.worded(translate) for message in self.messages]

        def word(template: str, **args: str) -> str:
            return Message.of(template, **args).worded(translate)

        if self.count == 1:
            text = shown[0]
        else:
            lines = [f"  - {problem}" for problem in shown[:LISTED_PROBLEMS]]
            rest = self.count - min(len(shown), LISTED_PROBLEMS)
            if rest > 0:
                lines.append(word(MORE_PROBLEMS, count=f"{rest:,}"))
            heading = word(PROBLEM_COUNT, count=f"{self.count:,}")
            text = heading + "\n" + "\n".join(lines)
        return word(IN_FILE, source=self.source, text=text) if self.source else text


def _english(context: str, text: str) -> str:
    del context
    return text


IN_FILE = QT_TRANSLATE_NOOP("Problem", "{source}: {text}")
PROBLEM_COUNT = QT_TRANSLATE_NOOP("Problem", "{count} problems:")
NO_SUCH_FILE = QT_TRANSLATE_NOOP("Problem", "no such file")
EMPTY_FILE = QT_TRANSLATE_NOOP("Problem", "the file is empty")
BINARY_FILE = QT_TRANSLATE_NOOP(
    "Problem", "this is a binary file, not a designer project (JSON text)"
)
NOT_READABLE = QT_TRANSLATE_NOOP(
    "Problem", "permission denied: the file cannot be read"
)
NOT_JSON = QT_TRANSLATE_NOOP(
    "Problem", "this is not valid JSON: {reason} at line {line}, column {column}"
)
# What Python's json module says is wrong, as a project file's reason shows it.
JSON_REASONS = (
    QT_TRANSLATE_NOOP("Problem", "Expecting value"),
    QT_TRANSLATE_NOOP("Problem", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("Problem", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("Problem", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("Problem", "Extra data"),
    QT_TRANSLATE_NOOP("Problem", "Unterminated string starting at"),
    QT_TRANSLATE_NOOP("Problem", "Invalid control character at"),
)


class ProjectSaveError(ProjectFileError):
    """A project that cannot be written as a file that would load again."""


@dataclass(frozen=True)
class LoadedProject:
    """A project read from a file, with the version of the designer that wrote it."""

    project: Project
    app_version: str | None = None  # None: written before files recorded it

    @property
    def from_newer_app(self) -> bool:
        """Whether a newer designer wrote the file (it then opens read-only)."""
        return self.app_version is not None and is_newer_than_this(self.app_version)

    def newer_app_note(self) -> str | None:
        """What to tell the user about a file from a newer designer, else None."""
        if not self.from_newer_app:
            return None
        return (
            f"This project was saved by designer {self.app_version}, newer than this "
            f"one ({app_version()}). It is open read-only so that the file keeps what "
            "this version does not know; use Save As to keep your changes in another "
            "file, or update designer."
        )


def _written_by(document: dict[str, Any]) -> str | None:
    found = document.get("app_version")
    return found if isinstance(found, str) and found.strip() else None


def _newer_app_advice(document: dict[str, Any]) -> str | None:
    writer = _written_by(document)
    if writer is None or not is_newer_than_this(writer):
        return None
    return (
        f"this project was saved by designer {writer}, newer than this one "
        f"({app_version()}); update designer to open it"
    )


def parse_document(text: str | bytes, source: str | None = None) -> dict[str, Any]:
    """Bytes or text → the JSON document, with a readable error for anything else."""
    return _parse(text, source)[0]


def _parse(text: str | bytes, source: str | None) -> tuple[dict[str, Any], bool]:
    """The document, and whether its values certainly pass :func:`value_problems`."""
    raw = text if isinstance(text, bytes) else None
    if isinstance(text, bytes):
        if not text.strip():
            raise ProjectFileError([Message(EMPTY_FILE)], source)
        if b"\x00" in text[:4096]:
            raise ProjectFileError([Message(BINARY_FILE)], source)
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
        raise ProjectFileError([Message(EMPTY_FILE)], source)
    unusual: list[str] = []
    try:
        # NaN and ±Infinity parse as floats so that the value check can name
        # their place; so does 1e999, which Python reads as infinity.
        document = json.loads(
            text, parse_constant=_note_float(unusual), parse_float=_note_float(unusual)
        )
    except json.JSONDecodeError as error:
        raise ProjectFileError(
            [
                Message.of(
                    NOT_JSON,
                    reason=Message.plain(error.msg),
                    line=str(error.lineno),
                    column=str(error.colno),
                )
            ],
            source,
        ) from None
    except RecursionError:
        raise ProjectFileError(
            [
                f"this is not a usable JSON document: it is nested far more than {MAX_DEPTH} levels deep"
            ],
            source,
        ) from None
    except ValueError as error:
        reason = (
            "a number has more digits than can be read"
            if "integer string conversion" in str(error)
            else str(error)
        )
        raise ProjectFileError(
            [f"this is not a usable JSON document: {reason}"], source
        ) from None
    if not isinstance(document, dict):
        raise ProjectFileError(
            [f"the document must be a JSON object, got {type(document).__name__}"],
            source,
        )
    if raw is None:
        raw = text.encode("utf-8", "surrogatepass")
    return document, not unusual and not nested_deeper_than(raw, MAX_DEPTH)


def _note_float(unusual: list[str]) -> Callable[[str], float]:
    def parse(spelling: str) -> float:
        number = float(spelling)
        if not math.isfinite(number):
            unusual.append(spelling)
        return number

    return parse


def project_from_dict(
    document: dict[str, Any], source: str | None = None, *, values_checked: bool = False
) -> Project:
    """Validate a whole document and build the project; raises :class:`ProjectFileError`.

    ``values_checked`` skips the walk of every value for depth and finiteness when
    the parser has already vouched for them.
    """
    try:
        return _project_from_dict(document, source, values_checked)
    except ProjectFileError as error:
        advice = _newer_app_advice(document)
        if advice is None or error.problems[0].startswith("this project was saved"):
            raise
        # What this designer cannot read may be what the newer one added.
        raise ProjectFileError(
            [advice, *error.problems], source, error.count + 1
        ) from None


def _project_from_dict(
    document: dict[str, Any], source: str | None, values_checked: bool
) -> Project:
    if not values_checked:
        problems = document_value_problems(document)
        if problems:
            raise ProjectFileError(problems, source)
    version = document.get("version")
    if (
        document.get("format") == FORMAT_NAME
        and isinstance(version, int)
        and not isinstance(version, bool)
    ):
        if version > FORMAT_VERSION:
            writer = _written_by(document)
            who = (
                f"designer {writer}"
                if writer and is_newer_than_this(writer)
                else "a newer version of designer"
            )
            raise ProjectFileError(
                [
                    f"this project was saved by {who} in a newer file format (format "
                    f"version {version}; designer {app_version()} reads up to "
                    f"{FORMAT_VERSION}). Update designer to open it."
                ],
                source,
            )
        if version < 1:
            raise ProjectFileError(
                [f"version: {version} is not a valid format version"], source
            )
    found = schema_problems(document)
    if found:
        found.sort(key=lambda item: [(isinstance(p, str), p) for p in item[0]])
        raise ProjectFileError([message for _, message in found], source)
    problems = total_problems(document)
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
    """The project as a document; :class:`ProjectSaveError` if it could not load again."""
    # The settings are checked before Project.to_dict deep-copies them, which
    # would recurse without end on a value nested thousands of levels deep.
    settings = {"training": project.training, "dataset": project.dataset}
    problems = value_problems(settings, limit=LISTED_PROBLEMS)
    if not problems:
        document = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "app_version": app_version(),
            **project.to_dict(),
        }
        problems = value_problems(document, limit=LISTED_PROBLEMS)
    if problems:
        raise ProjectSaveError(
            [f"the project cannot be saved: {p}" for p in problems], project.name
        )
    return document


def dumps_project(project: Project) -> str:
    """The file's text; raises :class:`ProjectSaveError`, never a RecursionError."""
    document = project_to_dict(project)
    try:
        return (
            json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        )
    except (ValueError, TypeError, RecursionError) as error:
        raise ProjectSaveError(
            [f"the project cannot be saved: {error}"], project.name
        ) from None


def loads_project(text: str | bytes, source: str | None = None) -> Project:
    return reads_project(text, source).project


def reads_project(text: str | bytes, source: str | None = None) -> LoadedProject:
    """:func:`loads_project` that also says which designer wrote the text."""
    document, values_checked = _parse(text, source)
    project = project_from_dict(document, source, values_checked=values_checked)
    return LoadedProject(project, _written_by(document))


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read and validate a project file; every failure is a :class:`ProjectFileError`."""
    return read_project(path).project


def read_project(path: str | os.PathLike[str]) -> LoadedProject:
    """:func:`load_project` that also says which designer wrote the file."""
    source = str(path)
    try:
        data = read_bytes_limited(path, MAX_FILE_BYTES)
    except UnreadableFileError as error:
        raise ProjectFileError([str(error)], source) from None
    except FileNotFoundError:
        raise ProjectFileError([Message(NO_SUCH_FILE)], source) from None
    except PermissionError:
        raise ProjectFileError([Message(NOT_READABLE)], source) from None
    except OSError as error:
        raise ProjectFileError(
            [f"the file cannot be read: {error.strerror or error}"], source
        ) from None
    return reads_project(data, source)


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Write the project atomically (:class:`ProjectSaveError` or ``OSError``)."""
    atomic_write_text(path, dumps_project(project))
