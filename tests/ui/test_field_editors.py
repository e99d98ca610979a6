"""The one editor factory for fields: every kind, both users, and the wheel guard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from designer.fields import Field, bool_field, choice_field, float_field, int_field
from designer.training.settings import FIELD_SPECS
from designer.ui.fields.editors import (
    NOT_VALID_HERE,
    ChoiceEditor,
    FieldEditor,
    make_editor,
)
from designer.ui.fields.widgets import LogSpinBox
from designer.ui.training.settings_form import SettingsForm


def editor_for(qtbot, field: Field) -> FieldEditor:
    editor = make_editor(field)
    qtbot.addWidget(editor.container)
    return editor


def wheel(widget: QWidget, notches: int = 1) -> QWheelEvent:
    """Send a real wheel event to ``widget``'s centre; returns it (to read ``isAccepted``)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


def focus(qtbot, widget: QWidget) -> None:
    window = widget.window()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


@pytest.mark.parametrize(
    ("field", "widget_type", "shown"),
    [
        (int_field("units", 64, 1, 100), QSpinBox, 64),
        (float_field("p", 0.5, 0.0, 0.99), QDoubleSpinBox, 0.5),
        (bool_field("bias", True), QCheckBox, True),
        (choice_field("mode", "b", ("a", "b")), QComboBox, "b"),
        (Field("shape", "shape", [1, 28, 28]), QLineEdit, [1, 28, 28]),
        (
            Field("pad", "padding", "same", minimum=0, choices=("same",)),
            QComboBox,
            "same",
        ),
    ],
    ids=lambda v: v.kind if isinstance(v, Field) else "",
)
def test_every_kind_gets_an_editor_showing_the_default(
    qtbot, field: Field, widget_type: type, shown: object
) -> None:
    editor = editor_for(qtbot, field)
    assert isinstance(editor.field, widget_type)
    assert editor.value() == shown
    assert editor.spec is field


def test_setting_a_value_does_not_commit_but_a_user_edit_does(qtbot) -> None:
    editor = editor_for(qtbot, int_field("units", 64, 1, 100))
    committed: list[object] = []
    editor.committed.connect(committed.append)
    editor.set_value(7)
    assert editor.value() == 7 and committed == []
    editor.field.setValue(9)  # what the arrows or typing do
    assert committed == [9]


def test_numbers_out_of_range_are_clamped_and_wrong_types_ignored(qtbot) -> None:
    editor = editor_for(qtbot, int_field("units", 64, 1, 100))
    editor.set_value(1e30)
    assert editor.value() == 100
    editor.set_value("many")
    editor.set_value(float("nan"))
    assert editor.value() == 100
    floats = editor_for(qtbot, float_field("p", 0.5, 0.0, 0.99))
    floats.field.setValue(0.1 + 0.2)
    assert floats.value() == 0.3  # no float noise


def test_an_exclusive_minimum_is_not_offered_and_log_fields_step_along_1_2_5(
    qtbot,
) -> None:
    lr = editor_for(qtbot, FIELD_SPECS["lr"])
    assert isinstance(lr.field, LogSpinBox) and lr.field.minimum() > 0
    gamma = editor_for(qtbot, FIELD_SPECS["gamma"])
    assert 0 < gamma.field.minimum() < 0.001
    assert gamma.field.singleStep() == pytest.approx(0.05)


def test_choices_show_labels_keep_values_and_mark_a_value_not_offered(qtbot) -> None:
    editor = editor_for(
        qtbot, choice_field("optimizer", "adam", {"sgd": "SGD", "adam": "Adam"})
    )
    assert isinstance(editor, ChoiceEditor)
    assert editor.field.currentText() == "Adam" and editor.value() == "adam"
    editor.set_value("lbfgs")
    assert editor.value() == "lbfgs"
    assert editor.field.currentText() == f"lbfgs {NOT_VALID_HERE}"
    editor.set_choices([("sgd", "SGD")])
    assert editor.value() == "sgd"  # the old value is no longer offered
    editor.set_choices([("sgd", "SGD"), ("adam", "Adam")])
    assert editor.value() == "sgd"


def test_typed_sizes_are_checked_as_typed_and_committed_when_valid(qtbot) -> None:
    editor = editor_for(qtbot, Field("shape", "shape", [1, 28, 28], maximum=3))
    committed: list[object] = []
    editor.committed.connect(committed.append)
    editor.field.setText("1, 2, 3, 4")
    editor.field.editingFinished.emit()
    assert editor.invalid and "at most 3 dimensions" in editor.message.text()
    assert committed == []
    editor.field.setText("(3, 32, 32)")
    editor.field.editingFinished.emit()
    assert not editor.invalid and committed == [[3, 32, 32]]
    assert editor.value() == [3, 32, 32]


# -- the wheel guard ---------------------------------------------------------------------
def scrolled_form(qtbot, editor: FieldEditor) -> QScrollArea:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(editor.container)
    other = QLineEdit()  # somewhere for the focus to be
    layout.addWidget(other)
    area = QScrollArea()
    area.setWidget(page)
    qtbot.addWidget(area)
    focus(
        qtbot, other
    )  # an active window, its focus elsewhere: as when scrolling a form
    return area


@pytest.mark.parametrize(
    "field",
    [
        int_field("units", 50, 1, 100),
        float_field("p", 0.5, 0.0, 0.99),
        FIELD_SPECS["lr"],
        choice_field("mode", "b", ("a", "b", "c")),
        Field("pad", "padding", 1, minimum=0, choices=("same",)),
    ],
    ids=lambda f: f.name,
)
def test_the_wheel_changes_nothing_until_the_field_is_focused(
    qtbot, field: Field
) -> None:
    editor = make_editor(field)
    area = scrolled_form(qtbot, editor)
    committed: list[object] = []
    editor.committed.connect(committed.append)
    before = (
        editor.field.currentText()
        if isinstance(editor.field, QComboBox)
        else editor.value()
    )

    event = wheel(editor.field, notches=-1)
    shown = (
        editor.field.currentText()
        if isinstance(editor.field, QComboBox)
        else editor.value()
    )
    assert shown == before and committed == []
    assert not event.isAccepted()  # passed on: the scroll area scrolls instead
    # Qt's default WheelFocus would let a real turn of the wheel focus the box first.
    assert editor.field.focusPolicy() == Qt.FocusPolicy.StrongFocus

    focus(qtbot, editor.field)
    wheel(editor.field, notches=-1)
    shown = (
        editor.field.currentText()
        if isinstance(editor.field, QComboBox)
        else editor.value()
    )
    assert shown != before
    assert area.isVisible()


def test_scrolling_over_the_settings_form_edits_no_setting(qtbot) -> None:
    form = SettingsForm()
    area = QScrollArea()
    area.setWidget(form)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    before = form.settings()
    edited: list[dict] = []
    form.settingsEdited.connect(edited.append)
    for name in ("optimizer", "lr", "weight_decay", "epochs", "schedule"):
        assert not wheel(form.editor(name), notches=-1).isAccepted()
    assert form.settings() == before and edited == []
    focus(qtbot, form.editor("epochs"))
    wheel(form.editor("epochs"))
    assert edited and edited[-1]["epochs"] == before["epochs"] + 1
