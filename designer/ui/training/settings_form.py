"""The training settings form, built from the engine's ``FIELD_SPECS``.

Every field of :class:`~designer.training.settings.TrainingSettings` gets the
editor :func:`designer.ui.fields.editors.make_editor` picks for its kind, the
same factory the inspector uses for layer parameters.
Fields that do not apply to the current choices (momentum for Adam, the step
schedule's numbers for a cosine schedule) are disabled, and the loss list only
offers the losses that fit the chosen task.  The form does not write to the
document itself: it emits :attr:`SettingsForm.settingsEdited` with the whole
settings dict and the panel records that as one undoable change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from designer.fields import BOOL
from designer.training.settings import (
    DEVICES,
    FIELD_SPECS,
    LOSSES,
    TrainingSettings,
)
from designer.training.tasks.registry import get_task_info
from designer.ui.fields.editors import ChoiceEditor, FieldEditor, make_editor
from designer.ui.language import LanguageFollower
from designer.ui.training.run_texts import translated_device_label
from designer.ui.training.texts import translated_setting

CONTEXT = "SettingsForm"
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("SettingsForm", "Task"), ("task", "loss")),
    (
        QT_TRANSLATE_NOOP("SettingsForm", "Optimizer"),
        ("optimizer", "lr", "momentum", "nesterov", "weight_decay", "grad_clip"),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsForm", "Schedule"),
        ("epochs", "batch_size", "schedule", "step_size", "gamma", "early_stopping"),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsForm", "Data and hardware"),
        ("val_split", "seed", "device", "mixed_precision", "fast"),
    ),
)
AUTO_DEVICE = "auto"


class SettingsForm(LanguageFollower, QWidget):
    """Editors for every training setting, grouped; emits the whole dict on each edit."""

    settingsEdited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editors: dict[str, FieldEditor] = {}
        self._labels: dict[str, QWidget] = {}
        self._boxes: list[tuple[QGroupBox, str]] = []
        self._loading = False
        self._devices: list[tuple[str, str]] = [("cpu", "CPU")]  # found besides "auto"
        self._devices_known = False  # until then the form offers the spec's choices
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for title, names in GROUPS:
            box = QGroupBox()
            self._boxes.append((box, title))
            form = QFormLayout(box)
            # A narrow column puts a long label above its editor instead of cutting it.
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setContentsMargins(8, 6, 8, 6)
            form.setHorizontalSpacing(10)
            form.setVerticalSpacing(4)
            for name in names:
                spec = FIELD_SPECS[name]
                editor = make_editor(spec, self)
                editor.field.setObjectName(f"setting_{name}")
                if isinstance(editor.field, QComboBox):  # long choices elide
                    editor.field.setSizeAdjustPolicy(
                        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                    )
                    editor.field.setMinimumContentsLength(12)
                editor.committed.connect(lambda _value, n=name: self._edited(n))
                self._editors[name] = editor
                if spec.kind == BOOL:  # a check box names itself
                    form.addRow(editor.container)  # the whole row: never cut short
                    self._labels[name] = editor.field
                else:
                    label = QLabel()
                    form.addRow(label, editor.container)
                    self._labels[name] = label
            layout.addWidget(box)
        layout.addStretch(1)
        self.retranslate()
        self.set_settings(TrainingSettings().to_dict())

    def retranslate(self) -> None:
        """Group titles, labels, help and choice labels in the interface language."""
        for box, title in self._boxes:
            box.setTitle(QCoreApplication.translate(CONTEXT, title))
        loading, self._loading = self._loading, True
        try:
            for name, editor in self._editors.items():
                spec = editor.spec
                label = self._labels[name]  # a QLabel, or the check box itself
                label.setText(translated_setting(spec.title))  # type: ignore[attr-defined]
                editor.field.setToolTip(translated_setting(spec.help))
                if isinstance(editor, ChoiceEditor) and name not in ("loss", "device"):
                    editor.set_choices(
                        [
                            (value, translated_setting(text))
                            for value, text in spec.labelled_choices()
                        ]
                    )
            self._update_loss_choices(str(self._editors["task"].value()))
            self._show_devices()
        finally:
            self._loading = loading

    # -- editors --------------------------------------------------------------
    def editor(self, name: str) -> QWidget:
        """The input widget of a setting (a combo box, spin box or check box)."""
        return self._editors[name].field

    def _choice_editor(self, name: str) -> ChoiceEditor:
        editor = self._editors[name]
        assert isinstance(editor, ChoiceEditor)
        return editor

    def hide_field(self, name: str) -> None:
        """Hide a field whose editor lives elsewhere (its value is still reported)."""
        self._editors[name].container.setVisible(False)
        label = self._labels.get(name)
        if label is not None:
            label.setVisible(False)

    def set_devices(self, devices: Sequence[tuple[str, str]]) -> None:
        """Offer ``(id, label)`` devices (e.g. "cuda:0", "CUDA: NVIDIA H100") plus Best available."""
        self._devices = [d for d in devices if d[0] != AUTO_DEVICE]
        self._devices_known = True
        self._show_devices()

    def _show_devices(self) -> None:
        editor = self._choice_editor("device")
        current = editor.value()
        offered = (
            self._devices
            if self._devices_known
            else [d for d in DEVICES.items() if d[0] != AUTO_DEVICE]
        )
        items = [
            (value, translated_device_label(translated_setting(label)))
            for value, label in ((AUTO_DEVICE, DEVICES[AUTO_DEVICE]), *offered)
        ]
        if current and all(value != current for value, _ in items):
            items.append((current, self.tr("{0} (not present)").format(current)))
        editor.set_choices(items)
        editor.set_value(current)

    # -- values ---------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self._editors.items()}

    def set_settings(self, data: Mapping[str, Any] | None) -> None:
        """Show ``data`` (a project's ``training`` dict; missing keys take defaults).

        A value of the wrong type (a hand-edited file) leaves the default shown; a
        choice that is not offered is kept, marked, so that the run can explain it.
        """
        merged = TrainingSettings().to_dict()
        merged.update({k: v for k, v in dict(data or {}).items() if k in merged})
        self._loading = True
        try:
            self._update_loss_choices(str(merged["task"]))
            for name, editor in self._editors.items():
                editor.set_value(merged[name])
            self._update_enabled()
        finally:
            self._loading = False

    def _update_loss_choices(self, task: str) -> None:
        try:
            losses = get_task_info(task).losses
        except KeyError:
            losses = tuple(LOSSES)
        self._choice_editor("loss").set_choices(
            [(name, translated_setting(LOSSES.get(name, name))) for name in losses]
        )

    def _update_enabled(self) -> None:
        values = self.settings()
        optimizer = values["optimizer"]
        rules = {
            "momentum": optimizer in ("sgd", "rmsprop"),
            "nesterov": optimizer == "sgd" and values["momentum"] > 0,
            "step_size": values["schedule"] == "step",
            "gamma": values["schedule"] == "step",
            "mixed_precision": str(values["device"]).startswith("cuda")
            or (
                values["device"] == AUTO_DEVICE
                and any(d.startswith("cuda") for d, _ in self._devices)
            ),
        }
        if not rules["nesterov"] and values["nesterov"]:
            # Nesterov without SGD momentum is not a valid setting.
            self._editors["nesterov"].set_value(False)
        for name, enabled in rules.items():
            self._editors[name].field.setEnabled(enabled)
            label = self._labels.get(name)
            if label is not None:
                label.setEnabled(enabled)

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        if name == "task":
            self._loading = True
            try:
                task = self._editors["task"].value()
                self._update_loss_choices(task)
                self._editors["loss"].set_value(get_task_info(task).default_loss)
            finally:
                self._loading = False
        self._update_enabled()
        self.settingsEdited.emit(self.settings())
