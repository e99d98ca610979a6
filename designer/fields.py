"""One typed-field system for layer parameters and training settings.

A :class:`Field` says what a value may be — its kind, range or choices — and words
what is wrong with a value (:meth:`Field.check`).  Layer parameters
(:mod:`designer.graph.catalog`) and training settings
(:mod:`designer.training.settings`) are both lists of fields, and the ui builds one
editor per field from the same description, so a rule and its message live here once.

Messages are the predicate of a sentence ("must be an integer of at least 1, got 0");
the caller puts the subject in front ("training.epochs: …", "Out features …").
:meth:`Field.check_message` and :meth:`Field.parse_message` give the same message
as a template and its arguments (:mod:`designer.graph.translatable`), which the ui
translates.

This module is at the bottom of the package: it imports nothing from ``designer``
but the Qt-free :mod:`designer.graph.translatable`.
"""

from __future__ import annotations

import keyword
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import KW_ONLY, dataclass
from typing import Any

from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

INT = "int"
FLOAT = "float"
BOOL = "bool"
CHOICE = "choice"
# A non-negative number of pixels or one of ``choices`` (such as "same").
PADDING = "padding"
# A sample shape: positive sizes or short symbolic names such as "L".
SHAPE = "shape"
# A list of small integers (a permutation of dimensions, say).
INTS = "ints"
# A reshape target: positive sizes with at most one -1 meaning "the rest".
TARGET_SHAPE = "target_shape"

# Kinds typed as text (sizes, padding), parsed with :meth:`Field.parse`.
TEXT_KINDS = frozenset({PADDING, SHAPE, INTS, TARGET_SHAPE})

# The symbolic name of the batch dimension, which a sample shape leaves out.
BATCH = "N"
MAX_DIM = 1_000_000
MAX_ELEMENTS = 100_000_000
_INT_TOKEN = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True)
class Field:
    """One typed value a person edits: a layer parameter or a training setting.

    ``minimum``/``maximum`` bound numbers (for ``shape``, ``maximum`` is the most
    dimensions); ``exclusive_minimum`` makes the minimum itself unacceptable (a
    learning rate above 0).  ``choices`` are the stored values and
    ``choice_labels`` what a person sees for each; ``accepts`` is a regular
    expression for further values a choice field takes ("cuda:1").  ``log_scale``
    and ``step`` tell an editor how to step a float.
    """

    name: str
    kind: str
    default: Any
    _: KW_ONLY
    label: str = ""
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    accepts: str = ""
    log_scale: bool = False
    step: float | None = None
    help: str = ""

    def __post_init__(self) -> None:
        if self.kind not in _CHECKS:
            raise ValueError(f"field {self.name!r} has unknown kind {self.kind!r}")
        if self.choice_labels and len(self.choice_labels) != len(self.choices):
            raise ValueError(f"field {self.name!r} needs one label per choice")

    @property
    def title(self) -> str:
        """What a form shows beside the editor: the label, or the name made readable."""
        return self.label or self.name.replace("_", " ").capitalize()

    def labelled_choices(self) -> list[tuple[str, str]]:
        """``(value, label)`` for every choice; the value is its own label when unnamed."""
        return list(zip(self.choices, self.choice_labels or self.choices, strict=True))

    def check(self, value: Any) -> str | None:
        """Why ``value`` is not acceptable, for people; None when it is."""
        problem = self.check_message(value)
        return None if problem is None else problem.english()

    def check_message(self, value: Any) -> Message | None:
        """:meth:`check` as a template and arguments the ui translates."""
        return _CHECKS[self.kind](self, value)

    def parse(self, text: str) -> tuple[Any, str | None]:
        """The value typed ``text`` stands for, checked: ``(value, None)`` or ``(None, message)``."""
        value, problem = self.parse_message(text)
        return value, None if problem is None else problem.english()

    def parse_message(self, text: str) -> tuple[Any, Message | None]:
        """:meth:`parse` with the problem as a translatable :class:`Message`."""
        if self.kind == PADDING:
            value, problem = _parse_padding(text, self.choices)
        elif self.kind in TEXT_KINDS:
            value, problem = parse_sizes_message(text, self.kind)
        else:
            raise ValueError(f"field {self.name!r} of kind {self.kind!r} is not typed")
        if problem is None:
            problem = self.check_message(value)
        return (None, problem) if problem else (value, None)


def int_field(
    name: str,
    default: int,
    minimum: int | None = None,
    maximum: int | None = None,
    **extra: Any,
) -> Field:
    return Field(name, INT, default, minimum=minimum, maximum=maximum, **extra)


def float_field(
    name: str,
    default: float,
    minimum: float | None = None,
    maximum: float | None = None,
    **extra: Any,
) -> Field:
    return Field(name, FLOAT, default, minimum=minimum, maximum=maximum, **extra)


def bool_field(name: str, default: bool, **extra: Any) -> Field:
    return Field(name, BOOL, default, **extra)


def choice_field(
    name: str, default: str, choices: Mapping[str, str] | Sequence[str], **extra: Any
) -> Field:
    """A choice among ``choices``: a sequence of values, or a value → label mapping."""
    labels = tuple(choices.values()) if isinstance(choices, Mapping) else ()
    return Field(
        name, CHOICE, default, choices=tuple(choices), choice_labels=labels, **extra
    )


# -- text -------------------------------------------------------------------------------
def parse_sizes(text: str, kind: str) -> tuple[list[int | str] | None, str | None]:
    """Parse "1, 28, 28" (or "(1, 28, 28)", "1 28 28") into a list, unchecked.

    Symbolic names ("L") are allowed only for ``kind == "shape"``.  Returns
    (value, None) or (None, message).
    """
    value, problem = parse_sizes_message(text, kind)
    return value, None if problem is None else problem.english()


def parse_sizes_message(
    text: str, kind: str
) -> tuple[list[int | str] | None, Message | None]:
    """:func:`parse_sizes` with the problem as a translatable :class:`Message`."""
    stripped = text.strip().strip("()[]").strip()
    if not stripped:
        return None, Message(
            QT_TRANSLATE_NOOP(
                "Problem", "enter sizes separated by commas, e.g. 1, 28, 28"
            )
        )
    tokens = [t for t in re.split(r"[,\s]+", stripped) if t]
    values: list[int | str] = []
    for index, token in enumerate(tokens):
        if _INT_TOKEN.match(token):
            values.append(int(token))
        elif kind == SHAPE and token.isidentifier():
            values.append(token)
        elif kind == SHAPE:
            return None, _not_a_size(index, repr(token))
        else:
            return None, _not_an_integer(index, repr(token))
    return values, None


def format_value(value: Any) -> str:
    """A value as a person types it: lists as "1, 28, 28"."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _parse_padding(text: str, choices: Sequence[str]) -> tuple[Any, Message | None]:
    stripped = text.strip()
    if _INT_TOKEN.match(stripped):
        return int(stripped), None
    if stripped in choices:
        return stripped, None
    options: str | Message = repr(choices[0]) if choices else ""
    for choice in choices[1:]:
        options = Message.of(
            QT_TRANSLATE_NOOP("Problem", "{first} or {second}"),
            first=options,
            second=repr(choice),
        )
    return None, Message.of(
        QT_TRANSLATE_NOOP(
            "Problem", "must be a number of pixels or {options}, got {got}"
        ),
        options=options,
        got=repr(stripped),
    )


# -- checks -----------------------------------------------------------------------------
def describe_value(value: Any) -> str:
    """``repr`` cut to 40 characters, for quoting what someone entered."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def format_number(value: float) -> str:
    """1 rather than 1.0; 0.99 as it is."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# The range messages of integers and of real numbers: (positive, above, at least,
# at most), each a template with {bound} and {got}.
_RANGE_MESSAGES = {
    INT: (
        QT_TRANSLATE_NOOP("Problem", "must be a positive integer, got {got}"),
        QT_TRANSLATE_NOOP("Problem", "must be an integer above {bound}, got {got}"),
        QT_TRANSLATE_NOOP(
            "Problem", "must be an integer of at least {bound}, got {got}"
        ),
        QT_TRANSLATE_NOOP(
            "Problem", "must be an integer of at most {bound}, got {got}"
        ),
    ),
    FLOAT: (
        QT_TRANSLATE_NOOP("Problem", "must be a positive number, got {got}"),
        QT_TRANSLATE_NOOP("Problem", "must be a number above {bound}, got {got}"),
        QT_TRANSLATE_NOOP("Problem", "must be a number of at least {bound}, got {got}"),
        QT_TRANSLATE_NOOP("Problem", "must be a number of at most {bound}, got {got}"),
    ),
}


def _check_range(field: Field, value: float, kind: str) -> Message | None:
    got = describe_value(value)
    positive, above, at_least, at_most = _RANGE_MESSAGES[kind]
    low, high = field.minimum, field.maximum
    if low is not None and field.exclusive_minimum and value <= low:
        if low == 0:
            return Message.of(positive, got=got)
        return Message.of(above, bound=format_number(low), got=got)
    if low is not None and value < low:
        return Message.of(at_least, bound=format_number(low), got=got)
    if high is not None and value > high:
        return Message.of(at_most, bound=format_number(high), got=got)
    return None


def _check_int(field: Field, value: Any) -> Message | None:
    if not _is_integer(value):
        template = (
            QT_TRANSLATE_NOOP("Problem", "must be a positive integer, got {got}")
            if (field.minimum or 0) >= 1
            else QT_TRANSLATE_NOOP("Problem", "must be an integer, got {got}")
        )
        return Message.of(template, got=describe_value(value))
    return _check_range(field, value, INT)


def _check_float(field: Field, value: Any) -> Message | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        positive = field.exclusive_minimum and field.minimum == 0
        template = (
            QT_TRANSLATE_NOOP("Problem", "must be a positive number, got {got}")
            if positive
            else QT_TRANSLATE_NOOP("Problem", "must be a number, got {got}")
        )
        return Message.of(template, got=describe_value(value))
    if not math.isfinite(value):
        return Message.of(
            QT_TRANSLATE_NOOP("Problem", "must be a finite number, got {got}"),
            got=describe_value(value),
        )
    return _check_range(field, float(value), FLOAT)


def _check_bool(_field: Field, value: Any) -> Message | None:
    if not isinstance(value, bool):
        return Message.of(
            QT_TRANSLATE_NOOP("Problem", "must be true or false, got {got}"),
            got=describe_value(value),
        )
    return None


def _check_choice(field: Field, value: Any) -> Message | None:
    if value in field.choices:
        return None
    if field.accepts and isinstance(value, str) and re.fullmatch(field.accepts, value):
        return None
    return Message.of(
        QT_TRANSLATE_NOOP("Problem", "must be one of {options}, got {got}"),
        options=", ".join(repr(c) for c in field.choices),
        got=describe_value(value),
    )


def _check_padding(field: Field, value: Any) -> Message | None:
    if isinstance(value, str):
        return _check_choice(field, value)
    return _check_int(field, value)


def _check_shape(field: Field, value: Any) -> Message | None:
    if not isinstance(value, list | tuple) or not value:
        return _not_a_list(value)
    if field.maximum is not None and len(value) > field.maximum:
        return Message.of(
            QT_TRANSLATE_NOOP(
                "Problem", "must have at most {most} dimensions, got {count}"
            ),
            most=format_number(field.maximum),
            count=str(len(value)),
        )
    total = 1
    for index, dim in enumerate(value):
        if isinstance(dim, str):
            if not dim.isidentifier() or keyword.iskeyword(dim) or len(dim) > 16:
                return _not_a_size(index, describe_value(dim))
            if dim == BATCH:
                return Message.of(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "dimension {index} cannot be called {batch}: {batch} is the "
                        "batch size, which is left out",
                    ),
                    index=str(index),
                    batch=BATCH,
                )
            continue
        if not _is_integer(dim) or dim < 1:
            return Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem", "dimension {index} must be a positive integer, got {got}"
                ),
                index=str(index),
                got=describe_value(dim),
            )
        if dim > MAX_DIM:
            return Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "dimension {index} is {size}, larger than the limit of {limit}",
                ),
                index=str(index),
                size=str(dim),
                limit=str(MAX_DIM),
            )
        total *= dim
    if total > MAX_ELEMENTS:
        return Message.of(
            QT_TRANSLATE_NOOP(
                "Problem",
                "has {total} elements per sample, more than the limit of {limit}",
            ),
            total=str(total),
            limit=str(MAX_ELEMENTS),
        )
    return None


def _not_a_list(value: Any) -> Message:
    return Message.of(
        QT_TRANSLATE_NOOP("Problem", "must be a non-empty list of sizes, got {got}"),
        got=describe_value(value),
    )


def _not_a_size(index: int, got: str) -> Message:
    return Message.of(
        QT_TRANSLATE_NOOP(
            "Problem",
            "dimension {index} must be a size or a short name like 'L', got {got}",
        ),
        index=str(index),
        got=got,
    )


def _not_an_integer(index: int, got: str) -> Message:
    return Message.of(
        QT_TRANSLATE_NOOP("Problem", "item {index} must be an integer, got {got}"),
        index=str(index),
        got=got,
    )


def _check_ints(_field: Field, value: Any) -> Message | None:
    if not isinstance(value, list | tuple) or not value:
        return Message.of(
            QT_TRANSLATE_NOOP(
                "Problem", "must be a non-empty list of integers, got {got}"
            ),
            got=describe_value(value),
        )
    for index, item in enumerate(value):
        if not _is_integer(item):
            return _not_an_integer(index, describe_value(item))
        if abs(item) > 64:
            return Message.of(
                QT_TRANSLATE_NOOP("Problem", "item {index} is out of range, got {got}"),
                index=str(index),
                got=str(item),
            )
    return None


def _check_target_shape(_field: Field, value: Any) -> Message | None:
    if not isinstance(value, list | tuple) or not value:
        return _not_a_list(value)
    for index, dim in enumerate(value):
        if not _is_integer(dim) or not (dim == -1 or 1 <= dim <= MAX_DIM):
            return Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "dimension {index} must be a positive integer or -1, got {got}",
                ),
                index=str(index),
                got=describe_value(dim),
            )
    if list(value).count(-1) > 1:
        return Message(QT_TRANSLATE_NOOP("Problem", "may contain -1 only once"))
    return None


_CHECKS: dict[str, Callable[[Field, Any], Message | None]] = {
    INT: _check_int,
    FLOAT: _check_float,
    BOOL: _check_bool,
    CHOICE: _check_choice,
    PADDING: _check_padding,
    SHAPE: _check_shape,
    INTS: _check_ints,
    TARGET_SHAPE: _check_target_shape,
}
