"""One editor per :class:`~designer.fields.Field`, for the inspector and the settings form.

:func:`make_editor` picks the editor for a field's kind.  Every editor has the
same face: ``container`` (the widget to put in a form: the field and a message
under it), ``field`` (the input widget itself), :meth:`~FieldEditor.value` and
:meth:`~FieldEditor.set_value` (which shows a value without emitting anything),
and ``committed(value)``, emitted once per finished edit by the user.  Typed
values (sizes, padding) are checked as they are typed: a red border and the
field's message, and nothing is committed until the text stands for a valid value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSignalBlocker,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from designer.fields import Field, format_value
from designer.ui.fields.widgets import (
    CompactDoubleSpinBox,
    GuardedComboBox,
    GuardedSpinBox,
    LogSpinBox,
    float_step,
)
from designer.ui.problem_text import field_message
from designer.ui.theme import repolish

INT_LIMIT = 2**31 - 1
CONTEXT = "FieldEditor"
NOT_VALID_HERE = QT_TRANSLATE_NOOP("FieldEditor", "(not valid here)")


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
    )


class FieldEditor(QObject):
    """Base: an input widget for one field plus a message label under it."""

    committed = Signal(object)

    def __init__(self, spec: Field, parent: QObject | None = None) -> None:
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
        self.container.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """An editor is no widget: its container tells it the language changed."""
        if watched is self.container and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        """Set the editor's own texts (placeholders) in the current language."""

    def _make_field(self) -> QWidget:
        raise NotImplementedError

    def value(self) -> Any:
        """The value the editor shows."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting ``committed``.

        A value of the wrong type (a hand-edited file) leaves the editor as it was;
        a number out of range shows the nearest allowed one.
        """
        raise NotImplementedError

    def is_editing(self) -> bool:
        return self.field.hasFocus()

    def show_message(self, text: str | None) -> None:
        """Red border and a message under the field, or neither."""
        self.field.setProperty("invalid", bool(text))
        repolish(self.field)
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    @property
    def invalid(self) -> bool:
        return bool(self.field.property("invalid"))

    def _emit(self, *_args: Any) -> None:
        self.show_message(None)
        self.committed.emit(self.value())


class IntEditor(FieldEditor):
    def _make_field(self) -> QWidget:
        box = GuardedSpinBox()
        box.setKeyboardTracking(False)  # one commit per finished edit, not per digit
        low, high = self.spec.minimum, self.spec.maximum
        box.setRange(
            max(int(low), -INT_LIMIT) if low is not None else -INT_LIMIT,
            min(int(high), INT_LIMIT) if high is not None else INT_LIMIT,
        )
        box.setAccelerated(True)
        box.valueChanged.connect(self._emit)
        return box

    def value(self) -> int:
        return int(self.field.value())

    def set_value(self, value: Any) -> None:
        if _is_number(value):
            box = self.field
            with QSignalBlocker(box):
                box.setValue(int(min(max(value, box.minimum()), box.maximum())))


class FloatEditor(FieldEditor):
    """A spin box; a log-scale field (learning rate) steps 1, 2, 5, 10…"""

    def _make_field(self) -> QWidget:
        spec = self.spec
        low = spec.minimum if spec.minimum is not None else -1e9
        high = spec.maximum if spec.maximum is not None else 1e9
        if spec.log_scale:
            box = LogSpinBox()
            if spec.exclusive_minimum:
                low = max(low, 1e-9)
        else:
            box = CompactDoubleSpinBox()
            box.setKeyboardTracking(False)
            box.setDecimals(4)
            box.setSingleStep(spec.step or float_step(spec.default))
            if spec.exclusive_minimum:
                low += 10.0 ** -box.decimals()
        box.setRange(float(low), float(high))
        box.valueChanged.connect(self._emit)
        return box

    def value(self) -> float:
        # The box keeps ``decimals`` places; rounding drops float noise (0.30000000000000004).
        return round(float(self.field.value()), self.field.decimals())

    def set_value(self, value: Any) -> None:
        if _is_number(value):
            box = self.field
            with QSignalBlocker(box):
                box.setValue(float(min(max(value, box.minimum()), box.maximum())))


class BoolEditor(FieldEditor):
    def _make_field(self) -> QWidget:
        box = QCheckBox()
        box.toggled.connect(self._emit)
        return box

    def value(self) -> bool:
        return self.field.isChecked()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.field):
            self.field.setChecked(value is True)


class ChoiceEditor(FieldEditor):
    """A combo box showing each choice's label; the value is the choice itself.

    The offered choices may be narrowed (:meth:`set_choices`: the losses that fit a
    task); a value that is not offered is shown marked "(not valid here)" rather
    than silently replaced, so that the run can say what is wrong with it.
    """

    def _make_field(self) -> QWidget:
        self._labels = dict(self.spec.labelled_choices())
        box = GuardedComboBox()
        for value, label in self.spec.labelled_choices():
            box.addItem(label, value)
        box.currentIndexChanged.connect(self._emit)
        return box

    def value(self) -> Any:
        return self.field.currentData()

    def set_value(self, value: Any) -> None:
        box: QComboBox = self.field
        with QSignalBlocker(box):
            index = box.findData(value)
            if index < 0:
                label = self._labels.get(value, str(value))
                marker = QCoreApplication.translate(CONTEXT, NOT_VALID_HERE)
                box.addItem(f"{label} {marker}", value)
                index = box.count() - 1
            box.setCurrentIndex(index)

    def set_choices(self, items: Sequence[tuple[Any, str]]) -> None:
        """Offer ``(value, label)`` items; the current value stays when still offered."""
        box: QComboBox = self.field
        current = box.currentData()
        with QSignalBlocker(box):
            box.clear()
            for value, label in items:
                box.addItem(label, value)
            box.setCurrentIndex(max(box.findData(current), 0))


class TextFieldEditor(FieldEditor):
    """An editor whose text is parsed as it is typed and committed when editing ends."""

    _shown: Any = None

    def _text(self) -> str:
        raise NotImplementedError

    def value(self) -> Any:
        return self._shown

    def _check(self, _text: str = "") -> None:
        self.show_message(field_message(self.spec.parse_message(self._text())[1]))

    def _finish(self) -> None:
        value, problem = self.spec.parse_message(self._text())
        self.show_message(field_message(problem))
        if problem is None and value != self._shown:
            self._shown = list(value) if isinstance(value, list) else value
            self.committed.emit(value)

    def set_value(self, value: Any) -> None:
        self._shown = list(value) if isinstance(value, list | tuple) else value
        self._show_text(format_value(value))
        self.show_message(None)

    def _show_text(self, text: str) -> None:
        raise NotImplementedError


class PaddingEditor(TextFieldEditor):
    """An editable combo: pick "same"/"valid" or type a number of pixels."""

    def _make_field(self) -> QWidget:
        box = GuardedComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems([*self.spec.choices, "0", "1", "2"])
        box.lineEdit().textEdited.connect(self._check)
        box.lineEdit().editingFinished.connect(self._finish)
        box.activated.connect(lambda _index: self._finish())
        return box

    def _text(self) -> str:
        return self.field.currentText()

    def _show_text(self, text: str) -> None:
        with QSignalBlocker(self.field):
            self.field.setEditText(text)


class SizesEditor(TextFieldEditor):
    """A line edit for a list of sizes: "1, 28, 28"."""

    EXAMPLES = {
        "shape": QT_TRANSLATE_NOOP("FieldEditor", "e.g. 1, 28, 28 or L"),
        "ints": QT_TRANSLATE_NOOP("FieldEditor", "e.g. 0, 2, 1"),
        "target_shape": QT_TRANSLATE_NOOP("FieldEditor", "e.g. 16, -1"),
    }

    def retranslate(self) -> None:
        example = self.EXAMPLES.get(self.spec.kind, "")
        self.field.setPlaceholderText(
            QCoreApplication.translate(CONTEXT, example) if example else ""
        )

    def _make_field(self) -> QWidget:
        edit = QLineEdit()
        edit.textEdited.connect(self._check)
        edit.editingFinished.connect(self._finish)
        return edit

    def _text(self) -> str:
        return self.field.text()

    def _show_text(self, text: str) -> None:
        with QSignalBlocker(self.field):
            self.field.setText(text)


_EDITORS: dict[str, type[FieldEditor]] = {
    "int": IntEditor,
    "float": FloatEditor,
    "bool": BoolEditor,
    "choice": ChoiceEditor,
    "padding": PaddingEditor,
    "shape": SizesEditor,
    "ints": SizesEditor,
    "target_shape": SizesEditor,
}


def make_editor(spec: Field, parent: QObject | None = None) -> FieldEditor:
    """The editor for ``spec``'s kind, showing its default."""
    try:
        editor_class = _EDITORS[spec.kind]
    except KeyError:
        raise ValueError(f"no editor for field kind {spec.kind!r}") from None
    editor = editor_class(spec, parent)
    editor.set_value(spec.default)
    return editor
