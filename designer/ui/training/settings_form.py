"""The training settings form, built from the engine's ``FIELD_SPECS``.

Every field of :class:`~designer.training.settings.TrainingSettings` gets an
editor chosen by its kind (choice → combo box, float → spin box, log-scale
float → a spin box stepping 1, 2, 5, 10…, int → spin box, bool → check box).
Fields that do not apply to the current choices (momentum for Adam, the step
schedule's numbers for a cosine schedule) are disabled, and the loss list only
offers the losses that fit the chosen task.  The form does not write to the
document itself: it emits :attr:`SettingsForm.settingsEdited` with the whole
settings dict and the panel records that as one undoable change.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from designer.training.settings import (
    FIELD_SPECS,
    LOSSES,
    SettingField,
    TrainingSettings,
)
from designer.training.tasks.registry import get_task_info

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Task", ("task", "loss")),
    (
        "Optimizer",
        ("optimizer", "lr", "momentum", "nesterov", "weight_decay", "grad_clip"),
    ),
    (
        "Schedule",
        ("epochs", "batch_size", "schedule", "step_size", "gamma", "early_stopping"),
    ),
    ("Data and hardware", ("val_split", "seed", "device", "mixed_precision")),
)


class LogSpinBox(QDoubleSpinBox):
    """A spin box for values such as learning rates: shows 1e-3, steps 1 → 2 → 5 → 10."""

    MANTISSAS = (1.0, 2.0, 5.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(12)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:
        return f"{value:.4g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        stripped = text.strip()
        if not stripped:
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            partial = stripped.rstrip("eE+-.")
            ok = partial == "" or _is_float(partial)
            state = QValidator.State.Intermediate if ok else QValidator.State.Invalid
            return state, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:
        value = self.value()
        for _ in range(abs(steps)):
            value = _next_nice(value, up=steps > 0)
        self.setValue(min(self.maximum(), max(self.minimum(), value)))


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
    )


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _next_nice(value: float, up: bool) -> float:
    """The next value on the 1-2-5 ladder above (or below) ``value``."""
    if value <= 0:
        return 1e-6 if up else value
    exponent = math.floor(math.log10(value))
    ladder = [
        m * 10.0**e
        for e in (exponent - 1, exponent, exponent + 1)
        for m in LogSpinBox.MANTISSAS
    ]
    if up:
        return next(v for v in ladder if v > value * (1 + 1e-9))
    return next(v for v in reversed(ladder) if v < value * (1 - 1e-9))


class SettingsForm(QWidget):
    """Editors for every training setting, grouped; emits the whole dict on each edit."""

    settingsEdited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editors: dict[str, QWidget] = {}
        self._labels: dict[str, QWidget] = {}
        self._loading = False
        self._devices: list[tuple[str, str]] = [
            ("auto", "Best available"),
            ("cpu", "CPU"),
        ]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for title, names in GROUPS:
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setContentsMargins(8, 6, 8, 6)
            form.setHorizontalSpacing(10)
            form.setVerticalSpacing(4)
            for name in names:
                spec = FIELD_SPECS[name]
                editor = self._make_editor(spec)
                editor.setToolTip(spec.help)
                editor.setObjectName(f"setting_{name}")
                self._editors[name] = editor
                if spec.kind == "bool":
                    form.addRow("", editor)
                    self._labels[name] = editor
                else:
                    form.addRow(spec.label, editor)
                    self._labels[name] = form.labelForField(editor)
            layout.addWidget(box)
        layout.addStretch(1)
        self.set_settings(TrainingSettings().to_dict())

    # -- editors --------------------------------------------------------------
    def _make_editor(self, spec: SettingField) -> QWidget:
        if spec.kind == "choice":
            combo = QComboBox()
            self._fill_choices(
                combo,
                spec.name,
                list(
                    zip(spec.choices, spec.choice_labels or spec.choices, strict=False)
                ),
            )
            combo.currentIndexChanged.connect(lambda _i, n=spec.name: self._edited(n))
            return combo
        if spec.kind == "bool":
            box = QCheckBox(spec.label)
            box.toggled.connect(lambda _v, n=spec.name: self._edited(n))
            return box
        if spec.kind == "int":
            spin = QSpinBox()
            spin.setRange(
                int(spec.minimum if spec.minimum is not None else 0),
                int(min(spec.maximum or 2**31 - 1, 2**31 - 1)),
            )
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda _v, n=spec.name: self._edited(n))
            return spin
        if spec.log_scale:
            spin: QDoubleSpinBox = LogSpinBox()
            low = spec.minimum or 0.0
            spin.setRange(
                max(low, 1e-9) if spec.exclusive_minimum else low, spec.maximum or 1e9
            )
        else:
            spin = QDoubleSpinBox()
            spin.setDecimals(4)
            spin.setKeyboardTracking(False)
            low = spec.minimum or 0.0
            spin.setRange(
                low + (1e-4 if spec.exclusive_minimum else 0.0),
                spec.maximum if spec.maximum is not None else 1e9,
            )
            span = (spec.maximum or 1.0) - low
            spin.setSingleStep(0.05 if span <= 1.0 else 0.1)
        spin.valueChanged.connect(lambda _v, n=spec.name: self._edited(n))
        return spin

    def _fill_choices(
        self, combo: QComboBox, name: str, items: Sequence[tuple[str, str]]
    ) -> None:
        current = combo.currentData()
        blocked = combo.blockSignals(True)
        combo.clear()
        for value, label in items:
            combo.addItem(label, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(blocked)

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def hide_field(self, name: str) -> None:
        """Hide a field whose editor lives elsewhere (its value is still reported)."""
        self._editors[name].setVisible(False)
        label = self._labels.get(name)
        if label is not None:
            label.setVisible(False)

    def set_devices(self, devices: Sequence[tuple[str, str]]) -> None:
        """Offer ``(id, label)`` devices (e.g. "cuda:0", "CUDA: NVIDIA H100") plus Best available."""
        self._devices = [("auto", "Best available"), *devices]
        combo = self._editors["device"]
        assert isinstance(combo, QComboBox)
        current = combo.currentData()
        items = list(self._devices)
        if current and all(value != current for value, _ in items):
            items.append((current, f"{current} (not present)"))
        self._fill_choices(combo, "device", items)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    # -- values ---------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, editor in self._editors.items():
            if isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                values[name] = int(editor.value())
            elif isinstance(editor, QDoubleSpinBox):
                values[name] = float(editor.value())
        return values

    def set_settings(self, data: Mapping[str, Any] | None) -> None:
        """Show ``data`` (a project's ``training`` dict; missing keys take defaults)."""
        merged = TrainingSettings().to_dict()
        merged.update({k: v for k, v in dict(data or {}).items() if k in merged})
        self._loading = True
        try:
            self._update_loss_choices(str(merged["task"]))
            for name, editor in self._editors.items():
                value = merged[name]
                if isinstance(editor, QComboBox):
                    index = editor.findData(value)
                    if index < 0:
                        label = LOSSES.get(str(value), str(value))
                        editor.addItem(f"{label} (not valid here)", value)
                        index = editor.count() - 1
                    editor.setCurrentIndex(index)
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(value is True)
                elif isinstance(editor, QSpinBox) and _is_number(value):
                    editor.setValue(
                        int(min(max(value, editor.minimum()), editor.maximum()))
                    )
                elif isinstance(editor, QDoubleSpinBox) and _is_number(value):
                    editor.setValue(
                        float(min(max(value, editor.minimum()), editor.maximum()))
                    )
                # a value of the wrong type (a hand-edited file) leaves the default shown
            self._update_enabled()
        finally:
            self._loading = False

    def _update_loss_choices(self, task: str) -> None:
        try:
            losses = get_task_info(task).losses
        except KeyError:
            losses = tuple(LOSSES)
        combo = self._editors["loss"]
        assert isinstance(combo, QComboBox)
        self._fill_choices(
            combo, "loss", [(name, LOSSES.get(name, name)) for name in losses]
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
                values["device"] == "auto"
                and any(d.startswith("cuda") for d, _ in self._devices)
            ),
        }
        nesterov = self._editors["nesterov"]
        if (
            not rules["nesterov"]
            and isinstance(nesterov, QCheckBox)
            and nesterov.isChecked()
        ):
            blocked = nesterov.blockSignals(True)
            nesterov.setChecked(
                False
            )  # Nesterov without SGD momentum is not a valid setting
            nesterov.blockSignals(blocked)
        for name, enabled in rules.items():
            self._editors[name].setEnabled(enabled)
            label = self._labels.get(name)
            if label is not None:
                label.setEnabled(enabled)

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        if name == "task":
            self._loading = True
            try:
                task = self._editors["task"].currentData()  # type: ignore[attr-defined]
                self._update_loss_choices(task)
                combo = self._editors["loss"]
                assert isinstance(combo, QComboBox)
                default = get_task_info(task).default_loss
                combo.setCurrentIndex(max(0, combo.findData(default)))
            finally:
                self._loading = False
        self._update_enabled()
        self.settingsEdited.emit(self.settings())
