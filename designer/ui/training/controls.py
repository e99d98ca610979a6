"""The run controls: Train / Pause / Stop, the device, the weights menu, and the
progress of the run (two bars and a status line).

The widget only shows and asks: its buttons emit signals, and the panel tells it
what the run is doing (:meth:`RunControls.show_step`, :meth:`show_epoch`, …).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QSize, Signal
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

ENDINGS = {"finished": "Done", "early_stopped": "Stopped early", "stopped": "Stopped"}


def format_duration(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return "–"
    if seconds < 10:
        return f"{seconds:.1f} s"
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}:{seconds:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"


def format_rate(samples_per_sec: float) -> str:
    if samples_per_sec >= 1e6:
        return f"{samples_per_sec / 1e6:.1f} M samples/s"
    if samples_per_sec >= 1e4:
        return f"{samples_per_sec / 1e3:.0f} k samples/s"
    return f"{samples_per_sec:,.0f} samples/s"


def epochs_in_run(update: Any) -> int:
    """The run's epoch count, as a step update implies it."""
    return max(1, round(update.total_steps / max(update.steps_per_epoch, 1)))


def epoch_status(metrics: Any) -> str:
    """The status line after an epoch: losses, accuracy, extra metrics and time."""
    parts = [f"Epoch {metrics.epoch}: train loss {metrics.train_loss:.4g}"]
    if metrics.val_loss is not None:
        parts.append(f"validation loss {metrics.val_loss:.4g}")
    if metrics.val_accuracy is not None:
        parts.append(f"accuracy {metrics.val_accuracy:.1%}")
    for key, value in (metrics.extra or {}).items():
        parts.append(f"{key} {value:.4g}")
    parts.append(f"{format_duration(metrics.seconds)}")
    return ", ".join(parts) + "."


class RunControls(QWidget):
    """Buttons, device selector, weights menu and progress of one training panel."""

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
        self.start_button = QPushButton("Train")
        self.start_button.setIcon(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        )
        self.start_button.setObjectName("startButton")
        self.start_button.setToolTip(
            "Start training with these settings (the document is copied; you can keep editing)"
        )
        self.start_button.clicked.connect(self.startRequested)
        self.pause_button = QPushButton("Pause")
        self.pause_button.setIcon(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        )
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop))
        self.stop_button.clicked.connect(self.stopRequested)
        self.device_combo = QComboBox()
        self.device_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.device_combo.setMinimumContentsLength(8)  # a GPU's long name elides
        self.device_combo.setToolTip("Where to train")
        self.device_combo.addItem("Best available", "auto")
        self.device_combo.addItem("CPU", "cpu")
        self.device_combo.currentIndexChanged.connect(
            lambda _index: self.deviceChosen.emit(self.device())
        )
        self.weights_button = QToolButton()
        self.weights_button.setText("Weights")
        self.weights_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.weights_button)
        self.save_weights_action = menu.addAction(
            "Save trained weights…", self.saveWeightsRequested.emit
        )
        self.load_weights_action = menu.addAction(
            "Load weights to start from…", self.loadWeightsRequested.emit
        )
        self.clear_weights_action = menu.addAction(
            "Start from fresh weights", self.clearWeightsRequested.emit
        )
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
        device_label = QLabel("Device")
        device_label.setObjectName("mutedText")
        device_row.addWidget(device_label)
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
        self.epoch_bar.setFormat("Epoch –")
        self.run_bar = QProgressBar()
        self.run_bar.setRange(0, 1000)
        self.run_bar.setFormat("Run –")
        for bar in (self.epoch_bar, self.run_bar):
            bar.setTextVisible(True)
            bar.setFixedHeight(18)
        self.status_label = QLabel("Ready. Choose a dataset and press Train.")
        self.status_label.setObjectName("statusText")
        self.status_label.setWordWrap(True)
        progress = QGridLayout()
        progress.setHorizontalSpacing(8)
        progress.setVerticalSpacing(3)
        epoch_caption, run_caption = QLabel("Epoch"), QLabel("Run")
        for caption in (epoch_caption, run_caption):
            caption.setObjectName("mutedText")
        progress.addWidget(epoch_caption, 0, 0)
        progress.addWidget(self.epoch_bar, 0, 1)
        progress.addWidget(run_caption, 1, 0)
        progress.addWidget(self.run_bar, 1, 1)
        progress.addWidget(self.status_label, 2, 0, 1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(buttons)
        layout.addLayout(progress)

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
        self.start_button.setText(
            "Train (from loaded weights)" if from_weights else "Train"
        )

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def set_paused(self, paused: bool) -> None:
        """Check or uncheck Pause (emits :attr:`pauseToggled` when it changes)."""
        self.pause_button.setChecked(paused)

    def _pause_toggled(self, paused: bool) -> None:
        self.pause_button.setText("Resume" if paused else "Pause")
        icon = (
            QStyle.StandardPixmap.SP_MediaPlay
            if paused
            else QStyle.StandardPixmap.SP_MediaPause
        )
        self.pause_button.setIcon(self.style().standardIcon(icon))
        self.pauseToggled.emit(paused)

    # -- devices ----------------------------------------------------------------------
    def device(self) -> str:
        return self.device_combo.currentData() or "auto"

    def set_devices(self, devices: list[tuple[str, str]]) -> None:
        """The devices the training process found, as (id, label); keeps the choice."""
        current = self.device_combo.currentData()
        blocked = self.device_combo.blockSignals(True)
        self.device_combo.clear()
        gpus = [label for ident, label in devices if ident != "cpu"]
        best = f"Best available ({gpus[0]})" if gpus else "Best available (CPU)"
        self.device_combo.addItem(best, "auto")
        for ident, label in devices:
            self.device_combo.addItem(label, ident)
        self.device_combo.blockSignals(blocked)
        self.select_device(current or "auto")

    def select_device(self, device: str) -> None:
        """Show ``device`` as chosen (listed as not present if it is unknown here)."""
        index = self.device_combo.findData(device)
        blocked = self.device_combo.blockSignals(True)
        if index < 0:
            self.device_combo.addItem(f"{device} (not present)", device)
            index = self.device_combo.count() - 1
        self.device_combo.setCurrentIndex(index)
        self.device_combo.blockSignals(blocked)

    def devices_unknown(self, message: str) -> None:
        self.device_combo.setToolTip(f"Where to train. ({message})")

    # -- progress ---------------------------------------------------------------------
    def reset(self) -> None:
        """As before any run (another project was opened)."""
        self.epoch_bar.setValue(0)
        self.run_bar.setValue(0)
        self.epoch_bar.setFormat(self.tr("Epoch –"))
        self.run_bar.setFormat(self.tr("Run –"))
        self.set_status(self.tr("Ready. Choose a dataset and press Train."))

    def begin_run(self) -> None:
        self.epoch_bar.setValue(0)
        self.run_bar.setValue(0)
        self.epoch_bar.setFormat("Epoch –")
        self.run_bar.setFormat("Starting…")

    def run_started(self, epochs: int) -> None:
        self.epoch_bar.setFormat(f"Epoch 1/{epochs}")
        self.run_bar.setFormat("Run 0%")

    def show_step(self, update: Any) -> None:
        self.epoch_bar.setValue(int(1000 * update.epoch_fraction))
        self.run_bar.setValue(int(1000 * update.run_fraction))
        self.epoch_bar.setFormat(
            f"Epoch {update.epoch}/{epochs_in_run(update)} — step {update.step}/"
            f"{update.steps_per_epoch} — {format_rate(update.samples_per_sec)}"
        )
        self.run_bar.setFormat(
            f"{update.run_fraction:.0%} — {format_duration(update.eta_seconds)} left"
        )

    def show_epoch(self, metrics: Any, last_step: Any) -> None:
        """An epoch ended (``last_step``: the run's latest step update, if any)."""
        if last_step is not None:
            self.epoch_bar.setValue(1000)
            self.epoch_bar.setFormat(
                f"Epoch {metrics.epoch}/{epochs_in_run(last_step)} done — "
                f"{format_rate(metrics.samples_per_sec)}"
            )
        self.set_status(epoch_status(metrics))

    def show_end(self, result: Any, total_epochs: int) -> None:
        """The bars and status line for a run's :class:`RunResult`."""
        if result.epochs:
            last = result.epochs[-1]
            total = total_epochs or len(result.epochs)
            self.epoch_bar.setValue(1000)
            self.epoch_bar.setFormat(
                f"Epoch {last.epoch}/{total} — {format_rate(last.samples_per_sec)}"
            )
        if result.status not in ENDINGS:
            self.set_status(
                "The run failed; your project is unchanged. Fix the problem and press Train again."
            )
            return
        self.set_status(
            {
                "finished": "Done.",
                "early_stopped": "Stopped early.",
                "stopped": "Stopped.",
            }[result.status]
        )
        if result.epochs:
            if result.status == "finished":
                self.run_bar.setValue(1000)
            self.run_bar.setFormat(ENDINGS[result.status])

    def show_not_started(self) -> None:
        self.set_status("The run could not start; your project is unchanged.")
        self.run_bar.setFormat("Not started")
