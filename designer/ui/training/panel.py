"""The training panel: pick the data, set the run up, press Train and watch it learn.

Left: the dataset (with a preview), whether it fits the network (with a one-click
fix for the Input shape), and the settings.  Right: Start / Pause / Stop, the
device, progress with time left and samples/s, a message strip, and tabs with
the live curves, the confusion matrix, validation samples, the decision
boundary for 2-D data, predictions for regression, and task-specific previews
(:mod:`.previews`).

The run happens in the training process, followed by a
:class:`~designer.ui.training.worker.TrainingRun` (see :mod:`.worker`); the
document is only read when a run starts (the project is copied), so a failing
run cannot lose anything.  Settings and dataset edits go through the document
as undoable commands.
"""

from __future__ import annotations

import copy
import math
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from designer.graph.model import Project
from designer.graph.project_file import project_to_dict
from designer.ui.training import task_previews  # noqa: F401 - registers the forecast, reconstruction and samples tabs
from designer.ui.training import worker as worker_module
from designer.ui.training.background import run_in_background
from designer.ui.training.banner import Banner
from designer.ui.training.boundary import (
    DecisionBoundaryView,
    grid_extent,
    predicted_at,
)
from designer.ui.training.compatibility import (
    compatibility_problems,
    data_network,
    input_shape_differs,
    single_input,
)
from designer.ui.training.confusion import ConfusionMatrixView
from designer.ui.training.dataset_picker import DatasetPicker
from designer.ui.training.plots import TrainingPlots
from designer.ui.training.previews import preview_kind
from designer.ui.training.regression_view import RegressionView
from designer.ui.training.sample_grid import SampleGridView
from designer.ui.training.settings_form import SettingsForm
from designer.ui.training.terms_plot import LossTermsPlot
from designer.ui.training.worker import DatasetSummary, RunRequest, TrainingRun

REDRAW_INTERVAL_MS = 100  # curves and progress at 10 frames a second: live, and cheap
_LIVE_RUNS: set[TrainingRun] = (
    set()
)  # keeps a thread object alive until its thread has ended


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


def copy_project(project: Project) -> Project:
    """A listener-free deep copy for the worker thread to read while the user edits."""
    return Project(
        name=project.name,
        networks=[graph.copy() for graph in project.networks],
        training=copy.deepcopy(project.training),
        dataset=copy.deepcopy(project.dataset),
    )


class TrainingPanel(QWidget):
    """Dataset, settings, controls and live results for training the document's project."""

    runStarted = Signal()
    runFinished = Signal(object)  # the RunResult, or None when the run could not start
    weightsChecked = Signal(bool)  # after load_weights_from: whether the weights fit

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainingPanel")
        self.document = document
        self.run: TrainingRun | None = None
        self.last_result: Any = None
        self.run_count = 0
        self._summary: DatasetSummary | None = None
        self._classes: list[str] | None = None
        self._last_step: Any = None
        self._total_epochs = 0
        self._task = ""
        self._metric_name = ""
        self._dirty = False
        self._devices_requested = False
        self.trained_weights: Path | None = (
            None  # the last run's weights (in a temporary folder)
        )
        self._run_dirs: list[Path] = []
        self.initial_weights: Path | None = None
        self._preview_tabs: dict[str, QWidget] = {}
        # Results for tabs not on screen wait here (latest only) until the tab is
        # shown or the run ends: drawing hidden tabs would only slow the window.
        self._pending: dict[QWidget, Callable[[], None]] = {}
        self._build()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._redraw)
        self._connect_document()
        self._load_from_document()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._about_to_quit)

    # == building =============================================================
    def _build(self) -> None:
        # -- left column: data and settings --------------------------------
        self.dataset_picker = DatasetPicker()
        self.dataset_picker.datasetEdited.connect(self._dataset_edited)
        self.dataset_picker.datasetLoaded.connect(
            lambda _d: self.update_compatibility()
        )
        data_box = QGroupBox("Dataset")
        data_layout = QVBoxLayout(data_box)
        data_layout.setContentsMargins(8, 6, 8, 8)
        data_layout.addWidget(self.dataset_picker)
        self.fit_banner = Banner()
        self.fit_banner.actionTriggered.connect(self.set_input_shape_from_dataset)
        data_layout.addWidget(self.fit_banner)

        self.settings_form = SettingsForm()
        self.settings_form.settingsEdited.connect(self._settings_edited)
        # The device is chosen next to Start; its editor in the form stays hidden.
        self.settings_form.hide_field("device")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        left_layout.setSpacing(8)
        left_layout.addWidget(data_box)
        left_layout.addWidget(self.settings_form)
        left_layout.addStretch(1)
        self.left_scroll = QScrollArea()
        self.left_scroll.setWidget(left)
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.left_scroll.setMinimumWidth(300)
        self.left_scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )

        # -- right column: controls, progress, results ----------------------
        style = self.style()
        self.start_button = QPushButton("Train")
        self.start_button.setIcon(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        )
        self.start_button.setObjectName("startButton")
        self.start_button.setToolTip(
            "Start training with these settings (the document is copied; you can keep editing)"
        )
        self.start_button.setStyleSheet(
            "QPushButton#startButton { background: #2f6fdb; color: white; font-weight: bold; padding: 5px 16px;"
            " border-radius: 4px; border: 1px solid #1f56b3; }"
            "QPushButton#startButton:disabled { background: #a9bfe6; border-color: #a9bfe6; }"
            "QPushButton#startButton:hover:!disabled { background: #3b7cf0; }"
        )
        self.start_button.clicked.connect(self.start)
        self.pause_button = QPushButton("Pause")
        self.pause_button.setIcon(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        )
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop))
        self.stop_button.clicked.connect(self.stop)
        self.device_combo = QComboBox()
        self.device_combo.setToolTip("Where to train")
        self.device_combo.addItem("Best available", "auto")
        self.device_combo.addItem("CPU", "cpu")
        self.device_combo.currentIndexChanged.connect(self._device_chosen)
        self.weights_button = QToolButton()
        self.weights_button.setText("Weights")
        self.weights_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.weights_button)
        self.save_weights_action = menu.addAction(
            "Save trained weights…", self._save_weights_dialog
        )
        self.load_weights_action = menu.addAction(
            "Load weights to start from…", self._load_weights_dialog
        )
        self.clear_weights_action = menu.addAction(
            "Start from fresh weights", self.clear_initial_weights
        )
        self.weights_button.setMenu(menu)

        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addWidget(self.start_button)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.stop_button)
        controls.addSpacing(12)
        device_label = QLabel("Device")
        device_label.setStyleSheet("color: #555;")
        controls.addWidget(device_label)
        controls.addWidget(self.device_combo, 1)
        controls.addWidget(self.weights_button)

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
        self.status_label.setStyleSheet("color: #444;")
        self.status_label.setWordWrap(True)
        progress = QGridLayout()
        progress.setHorizontalSpacing(8)
        progress.setVerticalSpacing(3)
        epoch_caption, run_caption = QLabel("Epoch"), QLabel("Run")
        for caption in (epoch_caption, run_caption):
            caption.setStyleSheet("color: #555;")
        progress.addWidget(epoch_caption, 0, 0)
        progress.addWidget(self.epoch_bar, 0, 1)
        progress.addWidget(run_caption, 1, 0)
        progress.addWidget(self.run_bar, 1, 1)
        progress.addWidget(self.status_label, 2, 0, 1, 2)

        self.banner = Banner()

        self.plots = TrainingPlots()
        self.confusion = ConfusionMatrixView()
        self.samples = SampleGridView()
        self.boundary = DecisionBoundaryView()
        self.predictions = RegressionView()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plots, "Curves")
        self.terms_plot = (
            LossTermsPlot()
        )  # shown once a run reports loss terms (VAE, GAN, …)
        self.tabs.addTab(self.terms_plot, "Loss terms")
        self.tabs.setTabVisible(self.tabs.indexOf(self.terms_plot), False)
        self.tabs.addTab(self.confusion, "Confusion matrix")
        self.tabs.addTab(self.samples, "Samples")
        self.tabs.addTab(self.boundary, "Decision boundary")
        self.tabs.addTab(self.predictions, "Predictions")
        self.tabs.setTabVisible(self.tabs.indexOf(self.boundary), False)
        self.tabs.setTabVisible(self.tabs.indexOf(self.predictions), False)
        self.tabs.currentChanged.connect(
            lambda _index: self._flush_pending(only_current=True)
        )

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 6)
        right_layout.setSpacing(6)
        right_layout.addLayout(controls)
        right_layout.addLayout(progress)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 700])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._update_buttons()

    # == document ===============================================================
    def _connect_document(self) -> None:
        doc = self.document
        doc.projectReplaced.connect(self._load_from_document)
        doc.analysisChanged.connect(self.update_compatibility)
        if hasattr(doc, "trainingChanged"):
            doc.trainingChanged.connect(self._training_changed)
        if hasattr(doc, "datasetChanged"):
            doc.datasetChanged.connect(self._dataset_changed)

    def _load_from_document(self) -> None:
        self._training_changed()
        self._dataset_changed()
        self.initial_weights = None
        self.trained_weights = None
        self._update_buttons()

    def _training_changed(self) -> None:
        training = self.document.project.training
        self.settings_form.set_settings(training)
        self._select_device(str((training or {}).get("device", "auto")))
        self.update_compatibility()

    def _dataset_changed(self) -> None:
        self.dataset_picker.set_spec(self.document.project.dataset)
        self.update_compatibility()

    def _settings_edited(self, settings: dict) -> None:
        settings = dict(settings)
        settings["device"] = self.device_combo.currentData() or "auto"
        self.document.set_training(settings)
        self.update_compatibility()

    def _dataset_edited(self, spec: dict) -> None:
        self.document.set_dataset(spec)
        self._hide_fit_banner()

    def current_settings(self) -> dict[str, Any]:
        settings = self.settings_form.settings()
        settings["device"] = self.device_combo.currentData() or "auto"
        return settings

    # == devices ==================================================================
    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._devices_requested:
            worker_module.training_server().ensure_started()  # torch loads while the user looks
            self.refresh_devices()

    def refresh_devices(self) -> None:
        """Ask the training process which devices are present (the window never imports
        torch); the answer comes once it has loaded, in the background."""
        self._devices_requested = True
        server = worker_module.training_server()
        run_in_background(
            server.wait_for_devices,
            self.set_devices,
            self._devices_unknown,
            long_wait=True,
        )

    def _devices_unknown(self, message: str) -> None:
        self.device_combo.setToolTip(f"Where to train. ({message})")

    def set_devices(self, devices: list[tuple[str, str]]) -> None:
        current = self.device_combo.currentData()
        blocked = self.device_combo.blockSignals(True)
        self.device_combo.clear()
        gpus = [label for ident, label in devices if ident != "cpu"]
        best = f"Best available ({gpus[0]})" if gpus else "Best available (CPU)"
        self.device_combo.addItem(best, "auto")
        for ident, label in devices:
            self.device_combo.addItem(label, ident)
        self.device_combo.blockSignals(blocked)
        self.settings_form.set_devices(devices)
        self._select_device(current or "auto")

    def _select_device(self, device: str) -> None:
        index = self.device_combo.findData(device)
        blocked = self.device_combo.blockSignals(True)
        if index < 0:
            self.device_combo.addItem(f"{device} (not present)", device)
            index = self.device_combo.count() - 1
        self.device_combo.setCurrentIndex(index)
        self.device_combo.blockSignals(blocked)

    def _device_chosen(self) -> None:
        settings = dict(self.document.project.training or {})
        if not settings:
            settings = self.settings_form.settings()
        settings["device"] = self.device_combo.currentData() or "auto"
        self.document.set_training(settings)

    # == compatibility ==========================================================
    def compatibility_problems(self) -> list[str]:
        dataset = self.dataset_picker.dataset
        if dataset is None:
            return []
        try:
            return compatibility_problems(
                self.document.project,
                self.document.analysis,
                dataset,
                self.settings_form.settings()["task"],
            )
        except Exception as error:  # a checker bug must not block the panel
            return [f"The fit of the dataset could not be checked: {error}"]

    def update_compatibility(self) -> None:
        if self.is_running():
            return
        dataset = self.dataset_picker.dataset
        problems = self.compatibility_problems()
        if not problems:
            self._hide_fit_banner()
            return
        graph = data_network(
            self.document.project, self.settings_form.settings()["task"]
        )
        fixable = dataset is not None and input_shape_differs(graph, dataset)
        text = "The dataset does not fit the network yet:\n" + "\n".join(
            f"• {p}" for p in problems
        )
        self.fit_banner.show_message(
            text, "warning", "Set Input shape from dataset" if fixable else None
        )

    def _hide_fit_banner(self) -> None:
        self.fit_banner.clear()

    def set_input_shape_from_dataset(self) -> bool:
        """Give the network's Input the dataset's sample shape (one undoable edit)."""
        dataset = self.dataset_picker.dataset
        if dataset is None:
            return False
        from designer.training.datasets import suggested_input_shape

        doc = self.document
        graph = data_network(
            doc.project, self.settings_form.settings()["task"]
        )  # a GAN's discriminator
        first = graph.name
        node = single_input(graph)
        if node is None:
            self.banner.show_message(
                "The network needs exactly one Input for this; add one or remove the extras.",
                "warning",
            )
            return False
        if doc.current_network != first:
            doc.set_current_network(first)
        problem = doc.set_param(node.id, "shape", list(suggested_input_shape(dataset)))
        if problem:
            self.banner.show_message(
                f"The Input shape could not be set: {problem}", "error"
            )
            return False
        self.update_compatibility()
        return True

    # == running ==================================================================
    def is_running(self) -> bool:
        """Whether a run is under way (from Start until its process has reported the end)."""
        return self.run is not None

    def start(self) -> bool:
        """Start a run with the current settings; False (with a message) when it cannot."""
        if self.run is not None:
            return False
        problems = self.compatibility_problems()
        if problems:
            self.update_compatibility()
            self.banner.show_message(
                "Training cannot start: the dataset does not fit the network.\n"
                + "\n".join(f"• {p}" for p in problems),
                "error",
            )
            return False
        run_dir = Path(tempfile.mkdtemp(prefix="designer-run-"))
        self._run_dirs.append(run_dir)
        request = RunRequest(
            project=project_to_dict(self.document.project),
            dataset_spec=self.dataset_picker.spec(),
            settings=self.current_settings(),
            weights_dir=str(run_dir),
            initial_weights=str(self.initial_weights) if self.initial_weights else None,
            step_interval_s=worker_module.UPDATE_INTERVAL_S,
        )
        self.run_count += 1
        self._summary = None
        self._classes = None
        self._last_step = None
        self.last_result = None
        self.plots.start_run(
            f"run {self.run_count}", epochs=int(request.settings.get("epochs", 1))
        )
        self.confusion.clear()
        self.samples.clear()
        self.boundary.clear()
        self.predictions.clear()
        self.terms_plot.start_run(epochs=int(request.settings.get("epochs", 1)))
        self.tabs.setTabVisible(self.tabs.indexOf(self.terms_plot), False)
        for widget in self._preview_tabs.values():
            widget.clear()  # type: ignore[attr-defined]
            self.tabs.setTabVisible(
                self.tabs.indexOf(widget), False
            )  # until this run sends its kind
        self._pending.clear()
        self.epoch_bar.setValue(0)
        self.run_bar.setValue(0)
        self.epoch_bar.setFormat("Epoch –")
        self.run_bar.setFormat("Starting…")
        self.banner.clear()
        self._hide_fit_banner()

        run = TrainingRun(request)
        if run.server.runs_submitted == 0:
            self._status(
                "Starting the training engine (PyTorch loads once per session)…"
            )
        else:
            self._status("Starting…")
        worker = run.worker
        worker.status.connect(self._status)
        worker.datasetLoaded.connect(self._on_dataset_loaded)
        worker.runStarted.connect(self._on_run_started)
        worker.stepUpdated.connect(self._on_step)
        worker.epochEnded.connect(self._on_epoch)
        worker.predictionsReady.connect(self._on_predictions)
        worker.weightsSaved.connect(self._on_weights_saved)
        worker.runEnded.connect(self._on_run_ended)
        worker.failed.connect(self._on_failed)
        run.finished.connect(lambda r=run: self._on_thread_finished(r))
        _LIVE_RUNS.add(run)
        self.run = run
        run.start()
        self._redraw_timer.start()
        self._update_buttons()
        self.runStarted.emit()
        return True

    def stop(self) -> None:
        if self.run is not None:
            self.pause_button.setChecked(False)
            self.run.stop()
            self._status("Stopping…")

    def pause(self) -> None:
        self.pause_button.setChecked(True)

    def resume(self) -> None:
        self.pause_button.setChecked(False)

    def _pause_toggled(self, paused: bool) -> None:
        self.pause_button.setText("Resume" if paused else "Pause")
        icon = (
            QStyle.StandardPixmap.SP_MediaPlay
            if paused
            else QStyle.StandardPixmap.SP_MediaPause
        )
        self.pause_button.setIcon(self.style().standardIcon(icon))
        if self.run is None:
            return
        if paused:
            self.run.pause()
            self._status("Paused. Press Resume to go on.")
        else:
            self.run.resume()
            self._status("Training…")

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop a run and wait for its thread (for closing the window); True when it ended."""
        self._redraw_timer.stop()
        run = self.run
        if run is None:
            return True
        ended = run.shutdown(timeout_ms)
        if ended:
            _LIVE_RUNS.discard(run)
        self.run = None
        self._update_buttons()
        return ended

    def _about_to_quit(self) -> None:
        self.shutdown()
        self.remove_temporary_files()
        worker_module.close_training_servers()

    def remove_temporary_files(self) -> None:
        """Delete the runs' temporary folders (the trained weights go with them)."""
        self.trained_weights = None
        for folder in self._run_dirs:
            shutil.rmtree(folder, ignore_errors=True)
        self._run_dirs.clear()
        self._update_buttons()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.shutdown()
        super().closeEvent(event)

    # == worker signals ===========================================================
    def _status(self, text: str) -> None:
        self.status_label.setText(text)

    def _on_dataset_loaded(self, summary: DatasetSummary) -> None:
        self._summary = summary
        self._classes = summary.classes

    def _on_run_started(self, info: Any) -> None:
        self._classes = info.classes
        self._total_epochs = info.epochs
        self.plots.set_epochs(info.epochs)
        self._metric_name = ""
        self.plots.set_metric(None)
        text = (
            f"Run {self.run_count} on {info.device_label}: {info.num_train:,} training and "
            f"{info.num_val:,} validation samples, {info.steps_per_epoch} steps per epoch."
        )
        self._status(text)
        if info.notes:
            self.banner.show_message("\n".join(info.notes), "info")
        # A VAE or GAN on a labelled dataset (digits) also knows the classes, but predicts none.
        is_classifier = info.classes is not None and info.task in (
            "classification",
            "sequence_classification",
        )
        self.tabs.setTabVisible(self.tabs.indexOf(self.confusion), is_classifier)
        self.tabs.setTabVisible(self.tabs.indexOf(self.samples), is_classifier)
        summary = self._summary
        two_d = summary is not None and summary.points is not None and is_classifier
        self.tabs.setTabVisible(self.tabs.indexOf(self.boundary), two_d)
        self.tabs.setTabVisible(
            self.tabs.indexOf(self.predictions), info.task == "regression"
        )
        self._task = info.task
        self.epoch_bar.setFormat(f"Epoch 1/{info.epochs}")
        self.run_bar.setFormat("Run 0%")

    def _on_step(self, update: Any) -> None:
        epoch_x = update.epoch - 1 + update.epoch_fraction
        self.plots.add_step(epoch_x, update.loss, update.smoothed_loss, update.lr)
        self._last_step = update
        self._dirty = True

    def _redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        if self.plots.isVisible():
            self.plots.redraw()
        else:
            self._pending[self.plots] = self.plots.redraw
        update = self._last_step
        if update is None:
            return
        self.epoch_bar.setValue(int(1000 * update.epoch_fraction))
        self.run_bar.setValue(int(1000 * update.run_fraction))
        epochs = max(1, round(update.total_steps / max(update.steps_per_epoch, 1)))
        self.epoch_bar.setFormat(
            f"Epoch {update.epoch}/{epochs} — step {update.step}/{update.steps_per_epoch} — {format_rate(update.samples_per_sec)}"
        )
        self.run_bar.setFormat(
            f"{update.run_fraction:.0%} — {format_duration(update.eta_seconds)} left"
        )

    def _on_epoch(self, metrics: Any) -> None:
        metric = metrics.val_accuracy
        if (
            metric is None
            and self._metric_name
            and self._metric_name in (metrics.extra or {})
        ):
            metric = metrics.extra[self._metric_name]
        elif metric is None and not self._metric_name and metrics.extra:
            self._metric_name = next(iter(metrics.extra))  # e.g. "mae" for regression
            self.plots.set_metric(self._metric_name)
            metric = metrics.extra[self._metric_name]
        self.plots.add_epoch(
            metrics.epoch, metrics.val_loss, metric, metrics.train_loss, metrics.lr
        )
        if metrics.extra:
            self.terms_plot.add_epoch(metrics.epoch, metrics.extra)
            self.tabs.setTabVisible(self.tabs.indexOf(self.terms_plot), True)
            self._show_when_visible(self.terms_plot, self.terms_plot.redraw)
        self._dirty = True
        if self._last_step is not None:
            epochs = max(
                1,
                round(
                    self._last_step.total_steps
                    / max(self._last_step.steps_per_epoch, 1)
                ),
            )
            self.epoch_bar.setValue(1000)
            self.epoch_bar.setFormat(
                f"Epoch {metrics.epoch}/{epochs} done — {format_rate(metrics.samples_per_sec)}"
            )
        if metrics.confusion is not None:
            confusion, classes = metrics.confusion, self._classes
            self._show_when_visible(
                self.confusion, lambda: self.confusion.set_matrix(confusion, classes)
            )
        parts = [f"Epoch {metrics.epoch}: train loss {metrics.train_loss:.4g}"]
        if metrics.val_loss is not None:
            parts.append(f"validation loss {metrics.val_loss:.4g}")
        if metrics.val_accuracy is not None:
            parts.append(f"accuracy {metrics.val_accuracy:.1%}")
        for key, value in (metrics.extra or {}).items():
            parts.append(f"{key} {value:.4g}")
        parts.append(f"{format_duration(metrics.seconds)}")
        self._status(", ".join(parts) + ".")

    def _on_predictions(self, snapshot: Any) -> None:
        if snapshot.classes or snapshot.probs is not None:
            self._show_when_visible(
                self.samples, lambda: self.samples.show_snapshot(snapshot)
            )
        elif self._task == "regression":
            self._show_when_visible(
                self.predictions, lambda: self.predictions.show_snapshot(snapshot)
            )
        grid = snapshot.grid
        summary = self._summary
        if grid is not None and summary is not None and summary.points is not None:
            points = np.asarray(summary.points, dtype=float)
            labels = np.asarray(summary.point_labels).astype(int)

            def draw_boundary() -> None:
                predicted = predicted_at(points, grid.xx, grid.yy, grid.probs)
                extent = grid_extent(grid.xx, grid.yy)
                self.boundary.set_boundary(
                    grid.probs, extent, points, labels, predicted, snapshot.classes
                )

            self._show_when_visible(self.boundary, draw_boundary)
        for kind_name, data in (snapshot.previews or {}).items():
            widget = self._preview_widget(kind_name)
            if widget is not None:
                self._show_when_visible(
                    widget, lambda w=widget, d=data: w.show_preview(d)
                )  # type: ignore[attr-defined]

    def _show_when_visible(self, widget: QWidget, draw: Callable[[], None]) -> None:
        if self.tabs.currentWidget() is widget and self.isVisible():
            self._pending.pop(widget, None)
            draw()
        else:
            self._pending[widget] = draw

    def _flush_pending(self, only_current: bool = False) -> None:
        for widget in list(self._pending):
            if not only_current or widget is self.tabs.currentWidget():
                self._pending.pop(widget)()

    def _preview_widget(self, name: str) -> QWidget | None:
        if name in self._preview_tabs:
            widget = self._preview_tabs[name]
            self.tabs.setTabVisible(self.tabs.indexOf(widget), True)
            return widget
        kind = preview_kind(name)
        if kind is None:
            return None
        widget = kind.factory()
        self._preview_tabs[name] = widget
        self.tabs.addTab(widget, kind.title)
        return widget

    def _on_run_ended(self, result: Any) -> None:
        self.last_result = result
        self._dirty = True
        self._redraw()
        self._flush_pending()
        if result.epochs:
            last = result.epochs[-1]
            total = self._total_epochs or len(result.epochs)
            self.epoch_bar.setValue(1000)
            self.epoch_bar.setFormat(
                f"Epoch {last.epoch}/{total} — {format_rate(last.samples_per_sec)}"
            )
        kind = {
            "finished": "success",
            "early_stopped": "success",
            "stopped": "info",
        }.get(result.status, "error")
        if result.status == "failed":
            self.banner.show_message(f"Training failed. {result.message}", "error")
            self._status(
                "The run failed; your project is unchanged. Fix the problem and press Train again."
            )
        else:
            self.banner.show_message(result.message, kind)
            self._status(
                {
                    "finished": "Done.",
                    "early_stopped": "Stopped early.",
                    "stopped": "Stopped.",
                }[result.status]
            )
            if result.epochs:
                self.run_bar.setValue(
                    1000 if result.status == "finished" else self.run_bar.value()
                )
                self.run_bar.setFormat(
                    {
                        "finished": "Done",
                        "early_stopped": "Stopped early",
                        "stopped": "Stopped",
                    }[result.status]
                )
        self.runFinished.emit(result)

    def _on_weights_saved(self, path: str) -> None:
        self.trained_weights = Path(path)
        self._remove_run_dirs(keep=self.trained_weights.parent)

    def _remove_run_dirs(self, keep: Path | None = None) -> None:
        for folder in list(self._run_dirs):
            if folder != keep and (
                self.run is None or folder != self._current_run_dir()
            ):
                shutil.rmtree(folder, ignore_errors=True)
                self._run_dirs.remove(folder)

    def _current_run_dir(self) -> Path | None:
        return self._run_dirs[-1] if self._run_dirs else None

    def _on_failed(self, message: str) -> None:
        self.last_result = None
        self.banner.show_message(message, "error")
        self._status("The run could not start; your project is unchanged.")
        self.run_bar.setFormat("Not started")
        self.runFinished.emit(None)

    def _on_thread_finished(self, run: TrainingRun) -> None:
        _LIVE_RUNS.discard(run)
        if self.run is run:
            self.run = None
            self._redraw_timer.stop()
            self.pause_button.setChecked(False)
            self._update_buttons()
            self.update_compatibility()

    def _update_buttons(self) -> None:
        running = self.run is not None
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.device_combo.setEnabled(not running)
        self.settings_form.setEnabled(not running)
        self.dataset_picker.setEnabled(not running)
        self.save_weights_action.setEnabled(
            self.trained_weights is not None and not running
        )
        self.load_weights_action.setEnabled(not running)
        self.clear_weights_action.setEnabled(
            self.initial_weights is not None and not running
        )
        self.start_button.setText(
            "Train" if self.initial_weights is None else "Train (from loaded weights)"
        )

    # == weights ==================================================================
    def can_save_weights(self) -> bool:
        return self.trained_weights is not None and self.run is None

    def save_weights_to(self, path: str | Path) -> bool:
        """Save the last run's trained weights; shows the outcome in the message strip."""
        if self.trained_weights is None or not self.trained_weights.is_file():
            self.banner.show_message(
                "There are no trained weights yet: train first.", "warning"
            )
            return False
        target = Path(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
            os.close(handle)
            shutil.copyfile(self.trained_weights, temporary)
            os.replace(temporary, target)
        except OSError as error:
            self.banner.show_message(
                f"The weights were not saved: {error.strerror or error}", "error"
            )
            return False
        self.banner.show_message(f"Saved the trained weights to {target}.", "success")
        return True

    def load_weights_from(self, path: str | Path) -> None:
        """Check in the background that saved weights fit the network; if they do, the
        next run starts from them.  :attr:`weightsChecked` tells the outcome."""
        project = copy_project(self.document.project)
        target = Path(path)
        self.banner.show_message(f"Checking the weights in {target.name}…", "info")

        def check() -> str | None:
            from designer.training.checkpoints import WeightsError, load_weights

            try:
                load_weights(project, target)
            except WeightsError as error:
                return str(error)
            return None

        run_in_background(
            check,
            lambda problem: self._weights_checked(target, problem),
            lambda message: self._weights_checked(target, message),
        )

    def _weights_checked(self, path: Path, problem: str | None) -> None:
        if not isValid(self):
            return  # the panel closed while the weights were checked
        if problem:
            self.banner.show_message(
                f"Those weights cannot be loaded: {problem}", "error"
            )
            self.weightsChecked.emit(False)
            return
        self.initial_weights = path
        self.banner.show_message(
            f"The weights in {path.name} fit the network. The next run starts from them "
            "(Weights ▸ Start from fresh weights to undo).",
            "success",
        )
        self._update_buttons()
        self.weightsChecked.emit(True)

    def clear_initial_weights(self) -> None:
        self.initial_weights = None
        self._update_buttons()

    def _save_weights_dialog(self) -> None:
        base = (
            self.document.path.with_suffix(".pt")
            if getattr(self.document, "path", None)
            else Path("weights.pt")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, "Save trained weights", str(base), "PyTorch weights (*.pt *.pth)"
        )
        if path:
            self.save_weights_to(path)

    def _load_weights_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Load weights", "", "PyTorch weights (*.pt *.pth);;All files (*)"
        )
        if path:
            self.load_weights_from(path)
