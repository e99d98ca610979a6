"""One editor widget per parameter kind, generated from a :class:`ParamSpec`.

Each editor shows a value, validates what is typed as it is typed (a red border
and a message under the field; nothing is applied), and emits ``committed(value)``
once the user finishes a valid edit.  The inspector sends that to the document.
"""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from designer.graph.catalog import ParamSpec

INT_LIMIT = 2**31 - 1
_INT_TOKEN = re.compile(r"^[+-]?\d+$")


def parse_sizes(text: str, kind: str) -> tuple[list[int | str] | None, str | None]:
    """Parse "1, 28, 28" (or "(1, 28, 28)", "1 28 28") into a list.

    Symbolic names ("L") are allowed only for ``kind == "shape"``.  Returns
    (value, None) or (None, message).
    """
    stripped = text.strip().strip("()[]").strip()
    if not stripped:
        return None, "enter sizes separated by commas, e.g. 1, 28, 28"
    tokens = [t for t in re.split(r"[,\s]+", stripped) if t]
    values: list[int | str] = []
    for index, token in enumerate(tokens):
        if _INT_TOKEN.match(token):
            values.append(int(token))
        elif kind == "shape" and token.isidentifier():
            values.append(token)
        elif kind == "shape":
            return (
                None,
                f"dimension {index} must be a size or a short name like 'L', got {token!r}",
            )
        else:
            return None, f"item {index} must be an integer, got {token!r}"
    return values, None


def format_sizes(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def parse_padding(text: str, spec: ParamSpec) -> tuple[int | str | None, str | None]:
    stripped = text.strip()
    if _INT_TOKEN.match(stripped):
        return int(stripped), None
    if stripped in spec.choices:
        return stripped, None
    options = " or ".join(repr(c) for c in spec.choices)
    return None, f"must be a number of pixels or {options}, got {stripped!r}"


class ParamEditor(QObject):
    """Base: a field widget plus a message label under it."""

    committed = Signal(object)

    def __init__(self, spec: ParamSpec, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.container = QWidget()
        self.message = QLabel()
        self.message.setObjectName("fieldMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.field = self._make_field()
        self.field.setObjectName(f"param_{spec.name}")
        if spec.help:
            self.field.setToolTip(spec.help)
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.field)
        layout.addWidget(self.message)

    def _make_field(self) -> QWidget:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` (from the model) without emitting ``committed``."""
        raise NotImplementedError

    def is_editing(self) -> bool:
        return self.field.hasFocus()

    def show_message(self, text: str | None) -> None:
        """Red border and a message under the field, or neither."""
        self.field.setProperty("invalid", bool(text))
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    @property
    def invalid(self) -> bool:
        return bool(self.field.property("invalid"))


class IntEditor(ParamEditor):
    def _make_field(self) -> QWidget:
        box = QSpinBox()
        box.setKeyboardTracking(False)  # one commit per finished edit, not per digit
        box.setRange(
            int(self.spec.minimum) if self.spec.minimum is not None else -INT_LIMIT,
            int(self.spec.maximum) if self.spec.maximum is not None else INT_LIMIT,
        )
        box.setAccelerated(True)
        box.valueChanged.connect(self._emit)
        return box

    def _emit(self, value: int) -> None:
        self.show_message(None)
        self.committed.emit(int(value))

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.field):
            self.field.setValue(int(value))


def float_step(default: float) -> float:
    """Arrow-key step: 0.1, or finer for small defaults (LeakyReLU's 0.01 → 0.01)."""
    if not default:
        return 0.1
    return min(0.1, 10 ** math.floor(math.log10(abs(default))))


class CompactDoubleSpinBox(QDoubleSpinBox):
    """Shows 0.5 rather than 0.5000 (trailing zeros dropped, one decimal kept)."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        text = f"{value:.{self.decimals()}f}"
        if "." in text:
            text = text.rstrip("0")
            if text.endswith("."):
                text += "0"
        return text


class FloatEditor(ParamEditor):
    def _make_field(self) -> QWidget:
        box = CompactDoubleSpinBox()
        box.setKeyboardTracking(False)
        box.setDecimals(4)
        low = self.spec.minimum if self.spec.minimum is not None else -1e9
        high = self.spec.maximum if self.spec.maximum is not None else 1e9
        box.setRange(float(low), float(high))
        box.setSingleStep(float_step(self.spec.default))
        box.valueChanged.connect(self._emit)
        return box

    def _emit(self, value: float) -> None:
        self.show_message(None)
        self.committed.emit(round(float(value), 6))

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.field):
            self.field.setValue(float(value))


class BoolEditor(ParamEditor):
    def _make_field(self) -> QWidget:
        box = QCheckBox()
        box.toggled.connect(lambda checked: self.committed.emit(bool(checked)))
        return box

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.field):
            self.field.setChecked(bool(value))


class ChoiceEditor(ParamEditor):
    def _make_field(self) -> QWidget:
        box = QComboBox()
        box.addItems(list(self.spec.choices))
        box.activated.connect(
            lambda index: self.committed.emit(self.spec.choices[index])
        )
        return box

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.field):
            self.field.setCurrentIndex(max(0, self.field.findText(str(value))))


class TextParamEditor(ParamEditor):
    """An editor whose text is parsed as you type and committed when editing finishes."""

    _shown: Any = None

    def _convert(self) -> tuple[Any, str | None]:
        """The value the text stands for, or a message when it stands for none."""
        raise NotImplementedError

    def _parse(self) -> tuple[Any, str | None]:
        value, problem = self._convert()
        if problem is None:
            problem = self.spec.validate(value)
        return value, problem

    def _check(self, _text: str = "") -> None:
        self.show_message(self._parse()[1])

    def _finish(self) -> None:
        value, problem = self._parse()
        self.show_message(problem)
        if problem is None and value != self._shown:
            self._shown = list(value) if isinstance(value, list) else value
            self.committed.emit(value)


class PaddingEditor(TextParamEditor):
    """An editable combo: pick "same"/"valid" or type a number of pixels."""

    def _make_field(self) -> QWidget:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems([*self.spec.choices, "0", "1", "2"])
        box.lineEdit().textEdited.connect(self._check)
        box.lineEdit().editingFinished.connect(self._finish)
        box.activated.connect(lambda _index: self._finish())
        return box

    def _convert(self) -> tuple[Any, str | None]:
        return parse_padding(self.field.currentText(), self.spec)

    def set_value(self, value: Any) -> None:
        self._shown = value
        with QSignalBlocker(self.field):
            self.field.setEditText(str(value))
        self.show_message(None)


class SizesEditor(TextParamEditor):
    """A line edit for ``shape``/``ints``/``target_shape``: "1, 28, 28"."""

    def _make_field(self) -> QWidget:
        edit = QLineEdit()
        examples = {
            "shape": "e.g. 1, 28, 28 or L",
            "ints": "e.g. 0, 2, 1",
            "target_shape": "e.g. 16, -1",
        }
        edit.setPlaceholderText(examples.get(self.spec.kind, ""))
        edit.textEdited.connect(self._check)
        edit.editingFinished.connect(self._finish)
        return edit

    def _convert(self) -> tuple[Any, str | None]:
        return parse_sizes(self.field.text(), self.spec.kind)

    def set_value(self, value: Any) -> None:
        self._shown = list(value) if isinstance(value, list | tuple) else value
        with QSignalBlocker(self.field):
            self.field.setText(format_sizes(value))
        self.show_message(None)


_EDITORS: dict[str, type[ParamEditor]] = {
    "int": IntEditor,
    "float": FloatEditor,
    "bool": BoolEditor,
    "choice": ChoiceEditor,
    "padding": PaddingEditor,
    "shape": SizesEditor,
    "ints": SizesEditor,
    "target_shape": SizesEditor,
}


def make_editor(spec: ParamSpec, parent: QObject | None = None) -> ParamEditor:
    try:
        editor_class = _EDITORS[spec.kind]
    except KeyError:
        raise ValueError(f"no editor for parameter kind {spec.kind!r}") from None
    return editor_class(spec, parent)
