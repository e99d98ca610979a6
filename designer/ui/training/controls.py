"""The run controls: Train / Pause / Stop, the device, the weights menu, and the
progress of the run (two bars and a status line).

The widget only shows and asks: its buttons emit signals, and the panel tells it
what the run is doing (:meth:`RunControls.show_step`, :meth:`show_epoch`, …).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer.ui.language import LanguageFollower
from designer.ui.training.banner import Text
from designer.ui.training.run_texts import translated_device_label
from designer.ui.training.terms_plot import metric_name

CONTEXT = "RunControls"
AUTO_DEVICE = "auto"
ENDINGS = {
    "finished": QT_TRANSLATE_NOOP("RunControls", "Done"),
    "early_stopped": QT_TRANSLATE_NOOP("RunControls", "Stopped early"),
    "stopped": QT_TRANSLATE_NOOP("RunControls", "Stopped"),
}
ENDING_STATUS = {
    "finished": QT_TRANSLATE_NOOP("RunControls", "Done."),
    "early_stopped": QT_TRANSLATE_NOOP("RunControls", "Stopped early."),
    "stopped": QT_TRANSLATE_NOOP("RunControls", "Stopped."),
}


def _tr(text: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("RunControls", …)``, translated."""
    return QCoreApplication.translate(CONTEXT, text)


def format_duration(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return "–"
    if seconds < 10:
        return QCoreApplication.translate("RunControls", "{0} s").format(
            f"{seconds:.1f}"
        )
    seconds = int(round(seconds))
    if seconds < 60:
        return QCoreApplication.translate("RunControls", "{0} s").format(seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}:{seconds:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"


def format_rate(samples_per_sec: float) -> str:
    if samples_per_sec >= 1e6:
        return QCoreApplication.translate("RunControls", "{0} M samples/s").format(
            f"{samples_per_sec / 1e6:.1f}"
        )
    if samples_per_sec >= 1e4:
        return QCoreApplication.translate("RunControls", "{0} k samples/s").format(
            f"{samples_per_sec / 1e3:.0f}"
        )
    return QCoreApplication.translate("RunControls", "{0} samples/s").format(
        f"{samples_per_sec:,.0f}"
    )


def epochs_in_run(update: Any) -> int:
    """The run's epoch count, as a step update implies it."""
    return max(1, round(update.total_steps / max(update.steps_per_epoch, 1)))


def epoch_status(metrics: Any) -> str:
    """The status line after an epoch: losses, accuracy, extra metrics and time."""
    parts = [
        QCoreApplication.translate("RunControls", "Epoch {0}: train loss {1}").format(
            metrics.epoch, f"{metrics.train_loss:.4g}"
        )
    ]
    if metrics.val_loss is not None:
        parts.append(
            QCoreApplication.translate("RunControls", "validation loss {0}").format(
                f"{metrics.val_loss:.4g}"
            )
        )
    if metrics.val_accuracy is not None:
        parts.append(
            QCoreApplication.translate("RunControls", "accuracy {0}").format(
                f"{metrics.val_accuracy:.1%}"
            )
        )
    for key, value in (metrics.extra or {}).items():
        parts.append(f"{metric_name(key)} {value:.4g}")
    parts.append(f"{format_duration(metrics.seconds)}")
    return QCoreApplication.translate("RunControls", "{0}.").format(
        QCoreApplication.translate("RunControls", ", ").join(parts)
    )


class RunControls(LanguageFollower, QWidget):
    """Buttons, device selector, weights menu and progress of one training panel.

    Every text it shows is kept as a function of the interface language, so a
    language change redraws the status line and the bars' texts mid-run.
    """

    startRequested = Signal()
    stopRequested = Signal()
    pauseToggled = Signal(bool)
    deviceChosen = Signal(str)
    saveWeightsRequested = Signal()
    loadWeightsRequested = Signal()
    clearWeightsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style = self.style()
        self._from_weights = False
        self._devices: list[tuple[str, str]] = [("cpu", "CPU")]  # found, besides auto
        self._devices_listed = False  # whether the training process has said which
        self._absent_device: str | None = None  # chosen, but not on this computer
        self._devices_problem: str | None = None
        self._status: Callable[[], str] = lambda: self.tr(
            "Ready. Choose a dataset and press Train."
        )
        self._epoch_format: Callable[[], str] = lambda: self.tr("Epoch –")
        self._run_format: Callable[[], str] = lambda: self.tr("Run –")
        self.start_button = QPushButton()
        self.start_button.setIcon(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        )
        self.start_button.setObjectName("startButton")
        self.start_button.clicked.connect(self.startRequested)
        self.pause_button = QPushButton()
        self.pause_button.setIcon(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        )
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.stop_button = QPushButton()
        self.stop_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop))
        self.stop_button.clicked.connect(self.stopRequested)
        self.device_combo = QComboBox()
        self.device_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.device_combo.setMinimumContentsLength(8)  # a GPU's long name elides
        self.device_combo.currentIndexChanged.connect(
            lambda _index: self.deviceChosen.emit(self.device())
        )
        self.weights_button = QToolButton()
        self.weights_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.weights_button)
        self.save_weights_action = menu.addAction("", self.saveWeightsRequested.emit)
        self.load_weights_action = menu.addAction("", self.loadWeightsRequested.emit)
        self.clear_weights_action = menu.addAction("", self.clearWeightsRequested.emit)
        self.weights_button.setMenu(menu)

        # Run buttons, then device and weights: one row, or two in a narrow panel.
        self.run_buttons = QWidget()
        run_row = QHBoxLayout(self.run_buttons)
        run_row.setContentsMargins(0, 0, 0, 0)
        run_row.setSpacing(6)
        run_row.addWidget(self.start_button)
        run_row.addWidget(self.pause_button)
        run_row.addWidget(self.stop_button)
        self.device_row = QWidget()
        device_row = QHBoxLayout(self.device_row)
        device_row.setContentsMargins(0, 0, 0, 0)
        device_row.setSpacing(6)
        self.device_label = QLabel()
        self.device_label.setObjectName("mutedText")
        device_row.addWidget(self.device_label)
        device_row.addWidget(self.device_combo, 1)
        device_row.addWidget(self.weights_button)
        buttons = QGridLayout()
        buttons.setHorizontalSpacing(18)
        buttons.setVerticalSpacing(6)
        self._buttons = buttons
        self._two_rows: bool | None = None
        self._arrange_buttons(two_rows=False)

        self.epoch_bar = QProgressBar()
        self.epoch_bar.setRange(0, 1000)
        self.run_bar = QProgressBar()
        self.run_bar.setRange(0, 1000)
        for bar in (self.epoch_bar, self.run_bar):
            bar.setTextVisible(True)
            bar.setFixedHeight(18)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusText")
        self.status_label.setWordWrap(True)
        progress = QGridLayout()
        progress.setHorizontalSpacing(8)
        progress.setVerticalSpacing(3)
        self.epoch_caption, self.run_caption = QLabel(), QLabel()
        for caption in (self.epoch_caption, self.run_caption):
            caption.setObjectName("mutedText")
        progress.addWidget(self.epoch_caption, 0, 0)
        progress.addWidget(self.epoch_bar, 0, 1)
        progress.addWidget(self.run_caption, 1, 0)
        progress.addWidget(self.run_bar, 1, 1)
        progress.addWidget(self.status_label, 2, 0, 1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(buttons)
        layout.addLayout(progress)
        self._fill_devices(AUTO_DEVICE)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface language, the run's progress included."""
        self.start_button.setToolTip(
            self.tr(
                "Start training with these settings (the document is copied; "
                "you can keep editing)"
            )
        )
        self._show_train_text()
        self._show_pause_text()
        self.stop_button.setText(self.tr("Stop"))
        self.weights_button.setText(self.tr("Weights"))
        self.save_weights_action.setText(self.tr("Save trained weights…"))
        self.load_weights_action.setText(self.tr("Load weights to start from…"))
        self.clear_weights_action.setText(self.tr("Start from fresh weights"))
        self.device_label.setText(self.tr("Device"))
        self.epoch_caption.setText(self.tr("Epoch"))
        self.run_caption.setText(self.tr("Run"))
        self._show_device_texts()
        self.status_label.setText(self._status())
        self.epoch_bar.setFormat(self._epoch_format())
        self.run_bar.setFormat(self._run_format())
        if self.width() > 0:  # the texts' widths changed: one row or two again
            self._arrange_buttons(two_rows=self.width() < self._one_row_width())

    # -- one row or two -----------------------------------------------------------------
    def _arrange_buttons(self, two_rows: bool) -> None:
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        self._buttons.removeWidget(self.device_row)
        self._buttons.addWidget(self.run_buttons, 0, 0)
        self._buttons.addWidget(self.device_row, *((1, 0) if two_rows else (0, 1)))
        self._buttons.setColumnStretch(1, 0 if two_rows else 1)

    def _one_row_width(self) -> int:
        spacing = self._buttons.horizontalSpacing()
        parts = (self.run_buttons, self.device_row)
        return sum(p.minimumSizeHint().width() for p in parts) + spacing

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """As narrow as the wider of the two rows: a narrow panel wraps, it does not
        widen the window."""
        hint = super().minimumSizeHint()
        parts = (self.run_buttons, self.device_row)
        return QSize(max(p.minimumSizeHint().width() for p in parts), hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange_buttons(two_rows=self.width() < self._one_row_width())

    # -- state ------------------------------------------------------------------------
    def set_state(self, running: bool, can_save: bool, from_weights: bool) -> None:
        """Enable what fits: a run under way, trained weights, loaded weights."""
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.device_combo.setEnabled(not running)
        self.save_weights_action.setEnabled(can_save)
        self.load_weights_action.setEnabled(not running)
        self.clear_weights_action.setEnabled(from_weights and not running)
        self._from_weights = from_weights
        self._show_train_text()

    def _show_train_text(self) -> None:
        self.start_button.setText(
            self.tr("Train (from loaded weights)")
            if self._from_weights
            else self.tr("Train")
        )

    def set_status(self, text: Text) -> None:
        """The status line: a text, or a function giving it in the interface language."""
        self._status = text if callable(text) else (lambda: text)
        self.status_label.setText(self._status())

    def _set_epoch_format(self, text: Callable[[], str]) -> None:
        self._epoch_format = text
        self.epoch_bar.setFormat(text())

    def _set_run_format(self, text: Callable[[], str]) -> None:
        self._run_format = text
        self.run_bar.setFormat(text())

    def set_paused(self, paused: bool) -> None:
        """Check or uncheck Pause (emits :attr:`pauseToggled` when it changes)."""
        self.pause_button.setChecked(paused)

    def _show_pause_text(self) -> None:
        paused = self.pause_button.isChecked()
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))

    def _pause_toggled(self, paused: bool) -> None:
        self._show_pause_text()
        icon = (
            QStyle.StandardPixmap.SP_MediaPlay
            if paused
            else QStyle.StandardPixmap.SP_MediaPause
        )
        self.pause_button.setIcon(self.style().standardIcon(icon))
        self.pauseToggled.emit(paused)

    # -- devices ----------------------------------------------------------------------
    def device(self) -> str:
        return self.device_combo.currentData() or AUTO_DEVICE

    def set_devices(self, devices: list[tuple[str, str]]) -> None:
        """The devices the training process found, as (id, label); keeps the choice."""
        current = self.device_combo.currentData()
        self._devices = [d for d in devices if d[0] != AUTO_DEVICE]
        self._devices_listed = True
        self._absent_device = None
        self._fill_devices(current or AUTO_DEVICE)

    def _fill_devices(self, current: str) -> None:
        blocked = self.device_combo.blockSignals(True)
        self.device_combo.clear()
        self.device_combo.addItem("", AUTO_DEVICE)
        for ident, label in self._devices:
            self.device_combo.addItem(translated_device_label(label), ident)
        self.device_combo.blockSignals(blocked)
        self._show_device_texts()
        self.select_device(current)

    def _show_device_texts(self) -> None:
        gpus = [label for ident, label in self._devices if ident != "cpu"]
        for index in range(1, self.device_combo.count()):
            ident = self.device_combo.itemData(index)
            label = dict(self._devices).get(ident)
            if label is not None:
                self.device_combo.setItemText(index, translated_device_label(label))
        self.device_combo.setItemText(
            0,
            self.tr("Best available ({0})").format(gpus[0] if gpus else "CPU")
            if self._devices_listed
            else self.tr("Best available"),
        )
        if self._absent_device is not None:
            index = self.device_combo.findData(self._absent_device)
            self.device_combo.setItemText(
                index, self.tr("{0} (not present)").format(self._absent_device)
            )
        tip = self.tr("Where to train")
        if self._devices_problem:
            tip = self.tr("Where to train. ({0})").format(self._devices_problem)
        self.device_combo.setToolTip(tip)

    @property
    def devices_listed(self) -> bool:
        """Whether the training process has said which devices it has."""
        return self._devices_listed

    def select_device(self, device: str) -> None:
        """Show ``device`` as chosen (listed as not present if it is unknown here)."""
        index = self.device_combo.findData(device)
        blocked = self.device_combo.blockSignals(True)
        if index < 0:
            self._absent_device = device
            self.device_combo.addItem(
                self.tr("{0} (not present)").format(device), device
            )
            index = self.device_combo.count() - 1
        self.device_combo.setCurrentIndex(index)
        self.device_combo.blockSignals(blocked)

    def devices_unknown(self, message: str) -> None:
        self._devices_problem = message
        self._show_device_texts()

    # -- progress ---------------------------------------------------------------------
    def reset(self) -> None:
        """As before any run (another project was opened)."""
        self.epoch_bar.setValue(0)
        self.run_bar.setValue(0)
        self._set_epoch_format(lambda: self.tr("Epoch –"))
        self._set_run_format(lambda: self.tr("Run –"))
        self.set_status(lambda: self.tr("Ready. Choose a dataset and press Train."))

    def begin_run(self) -> None:
        self.epoch_bar.setValue(0)
        self.run_bar.setValue(0)
        self._set_epoch_format(lambda: self.tr("Epoch –"))
        self._set_run_format(lambda: self.tr("Starting…"))

    def run_started(self, epochs: int) -> None:
        self._set_epoch_format(lambda: self.tr("Epoch {0}/{1}").format(1, epochs))
        self._set_run_format(lambda: self.tr("Run {0}").format("0%"))

    def show_step(self, update: Any) -> None:
        self.epoch_bar.setValue(int(1000 * update.epoch_fraction))
        self.run_bar.setValue(int(1000 * update.run_fraction))
        self._set_epoch_format(
            lambda: self.tr("Epoch {0}/{1} — step {2}/{3} — {4}").format(
                update.epoch,
                epochs_in_run(update),
                update.step,
                update.steps_per_epoch,
                format_rate(update.samples_per_sec),
            )
        )
        self._set_run_format(
            lambda: self.tr("{0} — {1} left").format(
                f"{update.run_fraction:.0%}", format_duration(update.eta_seconds)
            )
        )

    def show_epoch(self, metrics: Any, last_step: Any) -> None:
        """An epoch ended (``last_step``: the run's latest step update, if any)."""
        if last_step is not None:
            self.epoch_bar.setValue(1000)
            self._set_epoch_format(
                lambda: self.tr("Epoch {0}/{1} done — {2}").format(
                    metrics.epoch,
                    epochs_in_run(last_step),
                    format_rate(metrics.samples_per_sec),
                )
            )
        self.set_status(lambda: epoch_status(metrics))

    def show_end(self, result: Any, total_epochs: int) -> None:
        """The bars and status line for a run's :class:`RunResult`."""
        if result.epochs:
            last = result.epochs[-1]
            total = total_epochs or len(result.epochs)
            self.epoch_bar.setValue(1000)
            self._set_epoch_format(
                lambda: self.tr("Epoch {0}/{1} — {2}").format(
                    last.epoch, total, format_rate(last.samples_per_sec)
                )
            )
        if result.status not in ENDINGS:
            self.set_status(
                lambda: self.tr(
                    "The run failed; your project is unchanged. Fix the problem and "
                    "press Train again."
                )
            )
            return
        self.set_status(lambda: _tr(ENDING_STATUS[result.status]))
        if result.epochs:
            if result.status == "finished":
                self.run_bar.setValue(1000)
            self._set_run_format(lambda: _tr(ENDINGS[result.status]))

    def show_not_started(self) -> None:
        self.set_status(
            lambda: self.tr("The run could not start; your project is unchanged.")
        )
        self._set_run_format(lambda: self.tr("Not started"))
