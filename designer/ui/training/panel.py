"""The training panel: pick the data, set the run up, press Train and watch it learn.

Left: the dataset (with a preview), whether it fits the network (with a one-click
fix for the Input shape), and the settings.  Right: the run controls and progress
(:mod:`.controls`), a message strip, and the result tabs (:mod:`.results`).

The panel wires these to the document and to a Qt-free
:class:`~designer.training.run_controller.RunController`, which owns the runs,
their folders and the weights.  A run happens in the training process, followed
by a :class:`~designer.ui.training.worker.TrainingRun`; the document is only read
when a run starts (the project is copied), so a failing run cannot lose
anything.  Settings and dataset edits go through the document as undoable
commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from designer.graph.project_file import project_to_dict
from designer.graph.translatable import Message
from designer.training.messages import RunRequest
from designer.training.run_controller import (
    RunController,
)
from designer.training.server import pool
from designer.ui.plurals import plural_form
from designer.ui.training.background import run_in_background
from designer.ui.training.banner import Banner
from designer.ui.training.compatibility import (
    FIT_NOT_CHECKED,
    bullet_list,
    compatibility_problems,
    data_network,
    default_dataset_spec,
    input_shape_differs,
    single_input,
)
from designer.ui.training.controls import RunControls
from designer.ui.training.memory_check import MemoryCheck
from designer.ui.training.results import ResultViews
from designer.ui.training.run_history_view import attach_run_history
from designer.ui.training.run_texts import (
    failure_text,
    run_end_message,
    start_notes_text,
    translated_device_label,
    translated_process_message,
)
from designer.ui.training.setup_column import SetupColumn
from designer.ui.training.weights_actions import WeightsActions
from designer.ui.training.worker import TrainingRun

REDRAW_INTERVAL_MS = 100  # curves and progress at 10 frames a second: live, and cheap


class TrainingPanel(WeightsActions, QWidget):
    """Dataset, settings, controls and live results for training the document's project."""

    runStarted = Signal()
    runFinished = Signal(object)  # the RunResult, or None when the run could not start
    weightsChecked = Signal(bool)  # after load_weights_from: whether the weights fit
    insideReady = Signal(
        object
    )  # what the run sees inside (designer.ui.inside follows it)

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainingPanel")
        self.document = document
        self.runs = RunController(self._make_run)
        self._last_step: Any = None
        self._total_epochs = 0
        self._dirty = False
        self._devices_requested = False
        self._build()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._redraw)
        self._connect_document()
        self._load_from_document()
        self.run_history = attach_run_history(self)  # the Runs tab
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._about_to_quit)

    # == building =============================================================
    def _build(self) -> None:
        # -- left column: data, its fit, settings (never clipped) -----------
        self.setup = SetupColumn()
        self.dataset_picker = self.setup.dataset_picker
        self.dataset_picker.datasetEdited.connect(self._dataset_edited)
        self.dataset_picker.datasetLoaded.connect(
            lambda _d: self.update_compatibility()
        )
        self.fit_banner = self.setup.fit_banner
        self.fit_banner.actionTriggered.connect(self.set_input_shape_from_dataset)
        self.settings_form = self.setup.settings_form
        self.settings_form.settingsEdited.connect(self._settings_edited)
        self.left_scroll = self.setup.scroll
        self.memory_check = MemoryCheck(self._run_inputs)
        self.setup.add_below_settings(self.memory_check)

        # -- right column: controls, progress, results ----------------------
        self.controls = RunControls()
        self.controls.startRequested.connect(self.start)
        self.controls.stopRequested.connect(self.stop)
        self.controls.pauseToggled.connect(self._pause_toggled)
        self.controls.deviceChosen.connect(self._device_chosen)
        self.controls.saveWeightsRequested.connect(self._save_weights_dialog)
        self.controls.loadWeightsRequested.connect(self._load_weights_dialog)
        self.controls.clearWeightsRequested.connect(self.clear_initial_weights)
        self.banner = Banner()
        self.results = ResultViews()
        self._alias_parts()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 6)
        right_layout.setSpacing(6)
        right_layout.addWidget(self.controls)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.results, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.setup)
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

    def _alias_parts(self) -> None:
        """The parts' widgets under the panel's names (tests, benchmarks, scripts)."""
        controls, results = self.controls, self.results
        self.start_button = controls.start_button
        self.pause_button = controls.pause_button
        self.stop_button = controls.stop_button
        self.device_combo = controls.device_combo
        self.epoch_bar, self.run_bar = controls.epoch_bar, controls.run_bar
        self.status_label = controls.status_label
        self.tabs = results.tabs
        self.plots, self.terms_plot = results.plots, results.terms_plot
        self.confusion, self.samples = results.confusion, results.samples
        self.boundary, self.predictions = results.boundary, results.predictions
        self._preview_tabs = results.preview_tabs

    # == the run controller's state, as the panel's ==============================
    @property
    def run(self) -> TrainingRun | None:
        return self.runs.run  # type: ignore[return-value]

    @property
    def last_result(self) -> Any:
        return self.runs.last_result

    @property
    def run_count(self) -> int:
        return self.runs.run_count

    @property
    def trained_weights(self) -> Path | None:
        return self.runs.trained_weights

    @property
    def initial_weights(self) -> Path | None:
        return self.runs.initial_weights

    @initial_weights.setter
    def initial_weights(self, path: Path | None) -> None:
        self.runs.initial_weights = path
        self._update_buttons()

    # == document ===============================================================
    def _connect_document(self) -> None:
        doc = self.document
        doc.projectReplaced.connect(self._load_from_document)
        doc.analysisChanged.connect(self._analysis_changed)
        if hasattr(doc, "trainingChanged"):
            doc.trainingChanged.connect(self._training_changed)
        if hasattr(doc, "datasetChanged"):
            doc.datasetChanged.connect(self._dataset_changed)

    def _load_from_document(self) -> None:
        """Another project or sample: its settings, and none of the last one's results."""
        self._training_changed()
        self._dataset_changed()
        self.runs.forget_weights()
        if not self.is_running():
            self.results.clear()
            self.controls.reset()
            self.banner.clear()
        self._update_buttons()

    def _training_changed(self) -> None:
        training = self.document.project.training
        self.settings_form.set_settings(training)
        self.controls.select_device(str((training or {}).get("device", "auto")))
        self.update_compatibility()

    def _dataset_changed(self) -> None:
        """Show the project's dataset; a project that has chosen none gets one that
        fits its Input (digits for 1×28×28, a token set for token ids)."""
        spec = self.document.project.dataset
        if not spec:
            spec = default_dataset_spec(self.document.project)
        self.dataset_picker.set_spec(spec)
        self.update_compatibility()

    def _analysis_changed(self) -> None:
        if not self.document.project.dataset:  # the default follows the Input
            self._dataset_changed()
        else:
            self.update_compatibility()

    def _settings_edited(self, settings: dict) -> None:
        settings = dict(settings)
        settings["device"] = self.controls.device()
        self.document.set_training(settings)
        self.update_compatibility()

    def _dataset_edited(self, spec: dict) -> None:
        self.document.set_dataset(spec)
        self._hide_fit_banner()

    def current_settings(self) -> dict[str, Any]:
        settings = self.settings_form.settings()
        settings["device"] = self.controls.device()
        return settings

    # == devices ==================================================================
    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._devices_requested:
            pool.training_server().ensure_started()  # torch loads while the user looks
            self.refresh_devices()

    def refresh_devices(self) -> None:
        """Ask the training process which devices are present (the window never imports
        torch); the answer comes once it has loaded, in the background."""
        self._devices_requested = True
        server = pool.training_server()
        run_in_background(
            server.wait_for_devices,
            self.set_devices,
            self._devices_unknown,
            long_wait=True,
        )

    def _devices_unknown(self, message: str) -> None:
        if isValid(self):
            self.controls.devices_unknown(message)

    def set_devices(self, devices: list[tuple[str, str]]) -> None:
        if not isValid(self):
            return  # the panel closed while the training process started
        self.controls.set_devices(devices)
        self.settings_form.set_devices(devices)

    def _device_chosen(self, device: str) -> None:
        settings = dict(self.document.project.training or {})
        if not settings:
            settings = self.settings_form.settings()
        settings["device"] = device
        self.document.set_training(settings)

    # == compatibility ==========================================================
    def compatibility_problems(self) -> list[Message]:
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
            return [Message.of(FIT_NOT_CHECKED, error=str(error))]

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
        self.fit_banner.show_message(
            lambda: (
                self.tr("The dataset does not fit the network yet:")
                + "\n"
                + bullet_list(problems)
            ),
            "warning",
            (lambda: self.tr("Set Input shape from dataset")) if fixable else None,
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
                lambda: self.tr(
                    "The network needs exactly one Input for this; add one or remove "
                    "the extras."
                ),
                "warning",
            )
            return False
        if doc.current_network != first:
            doc.set_current_network(first)
        problem = doc.set_param(node.id, "shape", list(suggested_input_shape(dataset)))
        if problem:
            self.banner.show_message(
                lambda: self.tr("The Input shape could not be set: {0}").format(
                    problem
                ),
                "error",
            )
            return False
        self.update_compatibility()
        return True

    # == running ==================================================================
    def is_running(self) -> bool:
        """Whether a run is under way (from Start until its process has reported the end)."""
        return self.runs.is_running()

    def start(self) -> bool:
        """Start a run with the current settings; False (with a message) when it cannot."""
        if self.runs.is_running():
            return False
        problems = self.compatibility_problems()
        if problems:
            self.update_compatibility()
            self.banner.show_message(
                lambda: (
                    self.tr(
                        "Training cannot start: the dataset does not fit the network."
                    )
                    + "\n"
                    + bullet_list(problems)
                ),
                "error",
            )
            return False
        settings = self.current_settings()
        epochs = int(settings.get("epochs", 1))
        self._last_step = None
        number = self.runs.run_count + 1
        self.results.begin_run(lambda: self.tr("run {0}").format(number), epochs)
        self.controls.begin_run()
        self.banner.clear()
        self._hide_fit_banner()
        self.runs.start(*self._run_inputs())
        self._redraw_timer.start()
        self._update_buttons()
        self.runStarted.emit()
        return True

    def _run_inputs(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        """The project, dataset spec and settings a run (or the memory pre-flight) gets."""
        project = project_to_dict(self.document.project)
        return project, self.dataset_picker.spec(), self.current_settings()

    def _make_run(self, request: RunRequest) -> TrainingRun:
        """The controller's ``launch``: a run wired to the views, not yet started."""
        run = TrainingRun(request)
        first = run.server.runs_submitted == 0
        self.controls.set_status(
            (
                lambda: self.tr(
                    "Starting the training engine (PyTorch loads once per session)…"
                )
            )
            if first
            else (lambda: self.tr("Starting…"))
        )
        worker = run.worker
        worker.status.connect(self._show_process_status)
        worker.datasetLoaded.connect(self.results.dataset_loaded)
        worker.runStarted.connect(self._on_run_started)
        worker.stepUpdated.connect(self._on_step)
        worker.epochEnded.connect(self._on_epoch)
        worker.predictionsReady.connect(self._on_predictions)
        worker.insideReady.connect(self.insideReady)
        worker.weightsSaved.connect(self.runs.weights_saved)
        worker.runEnded.connect(self._on_run_ended)
        worker.failed.connect(self._on_failed)
        run.finished.connect(self._on_thread_finished)
        return run

    def _show_process_status(self, text: str) -> None:
        self.controls.set_status(lambda: translated_process_message(text))

    def stop(self) -> None:
        if self.runs.is_running():
            self.controls.set_paused(False)
            self.runs.stop()
            self.controls.set_status(lambda: self.tr("Stopping…"))

    def pause(self) -> None:
        self.controls.set_paused(True)

    def resume(self) -> None:
        self.controls.set_paused(False)

    def _pause_toggled(self, paused: bool) -> None:
        if not self.runs.is_running():
            return
        if paused:
            self.runs.pause()
            self.controls.set_status(lambda: self.tr("Paused. Press Resume to go on."))
        else:
            self.runs.resume()
            self.controls.set_status(lambda: self.tr("Training…"))

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop a run and wait for its thread (for closing the window); True when it ended."""
        self._redraw_timer.stop()
        self.memory_check.shutdown()
        ended = self.runs.shutdown(timeout_ms)
        self._update_buttons()
        return ended

    def _about_to_quit(self) -> None:
        self.shutdown()
        self.remove_temporary_files()
        pool.close_training_servers()

    def remove_temporary_files(self) -> None:
        """Delete the runs' temporary folders (the trained weights go with them)."""
        self.runs.remove_temporary_files()
        self._update_buttons()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.shutdown()
        super().closeEvent(event)

    # == what the run reports =======================================================
    def _on_run_started(self, info: Any) -> None:
        self._total_epochs = info.epochs
        self.results.run_started(info)
        steps, number = info.steps_per_epoch, self.runs.run_count

        def status() -> str:
            per_epoch = plural_form(self.tr("%n step(s) per epoch", "", steps), steps)
            return self.tr(
                "Run {0} on {1}: {2} training and {3} validation samples, {4}."
            ).format(
                number,
                translated_device_label(info.device_label),
                f"{info.num_train:,}",
                f"{info.num_val:,}",
                per_epoch,
            )

        self.controls.set_status(status)
        if info.notes:
            notes = list(info.notes)
            self.banner.show_message(lambda: start_notes_text(notes), "info")
        self.controls.run_started(info.epochs)

    def _on_step(self, update: Any) -> None:
        self.results.add_step(update)
        self._last_step = update
        self._dirty = True

    def _redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self.results.redraw_curves()
        if self._last_step is not None:
            self.controls.show_step(self._last_step)

    def _on_epoch(self, metrics: Any) -> None:
        self.results.add_epoch(metrics)
        self._dirty = True
        self.controls.show_epoch(metrics, self._last_step)

    def _on_predictions(self, snapshot: Any) -> None:
        self.results.show_predictions(snapshot)

    def _on_run_ended(self, result: Any) -> None:
        self.runs.result_arrived(result)
        self._dirty = True
        self._redraw()
        self.results.flush()
        self.controls.show_end(result, self._total_epochs)
        if result.status == "failed":
            self.banner.show_message(
                lambda: self.tr("Training failed. {0}").format(failure_text(result)),
                "error",
            )
        else:
            kind = {
                "finished": "success",
                "early_stopped": "success",
                "stopped": "info",
            }
            self.banner.show_message(
                lambda: run_end_message(result),
                kind.get(result.status, "error"),
            )
        self.runFinished.emit(result)

    def _on_failed(self, message: Any) -> None:
        self.runs.run_failed()
        self.banner.show_message(lambda: translated_process_message(message), "error")
        self.controls.show_not_started()
        self.runFinished.emit(None)

    def _on_thread_finished(self, run: TrainingRun) -> None:
        if self.runs.run_ended(run):
            self._redraw_timer.stop()
            self.controls.set_paused(False)
            self._update_buttons()
            self.update_compatibility()

    def _update_buttons(self) -> None:
        running = self.runs.is_running()
        self.controls.set_state(
            running, self.runs.can_save_weights(), self.runs.initial_weights is not None
        )
        self.settings_form.setEnabled(not running)
        self.dataset_picker.setEnabled(not running)
