"""What the window shows of a network's inside, on the canvas.

:class:`InsideOverlay` keeps what the last run reported — the per-layer gradient
flow after each epoch, and the previews of the chosen sample a few times a
second — and paints it on the cards of every network's scene
(:mod:`designer.ui.canvas.gradient_bars`, :mod:`designer.ui.canvas.preview_items`),
also on scenes built later (a network tab opened after the run) and after the
user turns View ▸ Show Gradient Colours or Show Layer Previews off and on.  A new
project clears it; a new run replaces it as it reports.

On 2-D classification data it also keeps the point pad's state
(:mod:`designer.ui.point_pad`): the decision regions the training process last
sent, the placed point, and why the pad cannot show them (if it cannot).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QInputDialog

from designer.ui.canvas.gradient_bars import paint_flow
from designer.ui.theme import current_theme, qcolor

if TYPE_CHECKING:  # numpy loads with the first preview, not with the window
    import numpy as np

    from designer.training.probes.regions import DecisionRegions


class InsideOverlay(QObject):
    """Follows a training panel's runs and draws what they see on the cards."""

    reportsChanged = Signal()  # new probe reports (the Inside panel follows)
    regionsChanged = Signal()  # the point pad's regions, point, data or problem

    def __init__(self, view: Any, parent: QObject | None = None) -> None:
        super().__init__(parent or view)
        self.view = view
        self.document = view.document
        self.gradient_colours = True
        self.layer_previews = True
        self.sample = 0  # the dataset index the runs look inside with
        self.grad_norms: dict[str, float] = {}
        self.update_ratios: dict[str, float] = {}
        self.reports: dict[str, Any] = {}  # network → its latest ProbeReport
        self.full_reports: dict[str, Any] = {}  # network → latest with every probe
        self.panels: list[Any] = []
        self.dock: QDockWidget | None = None
        self.probe_run: Any = (
            None  # the drawing being looked at in the training process
        )
        self.pending_drawing: np.ndarray | None = None
        self.previews_painted = False  # any card has shown a preview yet
        self.point_mode = False  # the dataset is 2-D points with classes
        self.regions: DecisionRegions | None = None  # the point pad's latest
        self.point: tuple[float, float] | None = None  # placed on the point pad
        self.point_problem: str | None = None  # why the point pad shows nothing
        self.point_run: Any = None  # the point probe under way
        self.point_pending = False  # the point moved while a probe was under way
        # Connected after the view's own slots, so its scenes exist when these run.
        self.document.currentNetworkChanged.connect(lambda _name: self.repaint())
        self.document.projectReplaced.connect(self.clear)
        self.document.analysisChanged.connect(self._network_edited)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """The cards' tooltips follow the language: draw them again when it changes."""
        if watched is self.view and event.type() == QEvent.Type.LanguageChange:
            self.repaint()
        return super().eventFilter(watched, event)

    def follow(self, panel: Any) -> Any:
        """Listen to a TrainingPanel's runs; returns the panel (for the lazy dock)."""
        panel.results.gradientsMeasured.connect(self.show_gradients)
        panel.insideReady.connect(self.show_inside)
        panel.runStarted.connect(self.clear_gradients)
        panel.runFinished.connect(self._run_finished)
        panel.dataset_picker.datasetLoaded.connect(self.dataset_loaded)
        self.panels.append(panel)
        self._tell_panels()
        if panel.dataset_picker.dataset is not None:
            self.dataset_loaded(panel.dataset_picker.dataset)
        return panel

    def _tell_panels(self) -> None:
        sample = self.sample if self.layer_previews else None
        for panel in self.panels:
            panel.runs.request_extra["probe_sample"] = sample
            if self.point is None:  # the point pad's point, when one is placed
                panel.runs.request_extra.pop("regions_point", None)
            else:
                panel.runs.request_extra["regions_point"] = self.point

    # -- what a run reports -----------------------------------------------------------
    def show_gradients(self, metrics: Any) -> None:
        """An ``EpochMetrics`` with per-layer gradient norms and update ratios."""
        self.grad_norms = dict(metrics.grad_norms or {})
        self.update_ratios = dict(metrics.update_ratios or {})
        self.repaint()

    def show_inside(self, payload: Any) -> None:
        """A list of ProbeReports (one per network), the point pad's
        DecisionRegions, or why probing stopped."""
        from designer.training.probes.regions import DecisionRegions

        if isinstance(payload, DecisionRegions):
            self.regions = payload
            self.point_problem = None
            self.regionsChanged.emit()
            return
        if isinstance(payload, str):
            self.view.messageRequested.emit(payload)  # shown in the status bar
            return
        for report in payload:
            self.reports[report.network] = report
            if report.saliency is not None or report.steps:
                self.full_reports[report.network] = report
        self.repaint()
        self.reportsChanged.emit()

    # -- View menu --------------------------------------------------------------------
    def view_options(self) -> dict[str, bool]:
        """The checked state of this overlay's View menu actions, by action key."""
        return {
            "gradient_colours": self.gradient_colours,
            "layer_previews": self.layer_previews,
        }

    def set_gradient_colours(self, on: bool) -> None:
        """View ▸ Show Gradient Colours."""
        self.gradient_colours = on
        self.repaint()

    def set_layer_previews(self, on: bool) -> None:
        """View ▸ Show Layer Previews; off also stops the next runs from probing."""
        self.layer_previews = on
        self._tell_panels()
        self.repaint()

    def set_sample(self, index: int) -> None:
        """The dataset sample the next runs look inside with."""
        self.sample = max(0, int(index))
        self._tell_panels()

    def show_panel(self) -> Any:
        """View ▸ Inside Panel: a dock beside the inspector, built on first use."""
        window = self.view.window()
        if self.dock is None:
            from designer.ui.inside_panel import InsidePanel

            self.dock = QDockWidget(self.tr("Inside"), window)
            self.dock.setObjectName("insideDock")
            training_page = getattr(window, "training_page", None)
            if training_page is not None:  # its dataset decides which pad is offered
                training_page.ensure_built()
            self.dock.setWidget(InsidePanel(self))
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            beside = window.findChild(QDockWidget, "codeDock")
            if beside is not None:  # a tab beside the inspector and the code
                window.tabifyDockWidget(beside, self.dock)
        self.dock.show()
        self.dock.raise_()
        return self.dock.widget()

    def choose_sample(self) -> None:
        """View ▸ Preview Sample…: ask for the dataset index."""
        index, ok = QInputDialog.getInt(
            self.view.window(),
            self.tr("Preview sample"),
            self.tr(
                "Which sample of the dataset should the layer previews show?\n"
                "(0 is the first; the next run uses it.)"
            ),
            self.sample,
            0,
            10_000_000,
        )
        if ok:
            self.set_sample(index)

    # -- the drawing pad ----------------------------------------------------------------
    def drawing_input(self, pixels: np.ndarray) -> np.ndarray | str:
        """The 28×28 drawing shaped for the first network's Input, or why it cannot be."""
        graph = self.document.project.networks[0]
        inputs = [node for node in graph.nodes if node.type == "Input"]
        shape = list(inputs[0].params.get("shape", [])) if len(inputs) == 1 else []
        if (
            len(shape) != 3
            or shape[0] != 1
            or not all(
                isinstance(d, int) and 0 < d <= pixels.shape[0] for d in shape[1:]
            )
        ):
            return self.tr(
                "The drawing pad needs a network with one image Input of 1×H×W, "
                "at most 28×28 (this one takes {shape})."
            ).format(shape="×".join(str(d) for d in shape) or self.tr("something else"))
        from designer.training.probes import shrink

        return shrink.shrink(pixels, (shape[1], shape[2]))[None]

    def probe_drawing(self, pixels: np.ndarray) -> str | None:
        """Send a drawing through the last run's trained weights; None, or why not."""
        panel = self.panels[0] if self.panels else None
        weights = panel.trained_weights if panel is not None else None
        if weights is None:
            return self.tr("Train the network first: the drawing pad uses its weights.")
        drawing = self.drawing_input(pixels)
        if isinstance(drawing, str):
            return drawing
        if self.probe_run is not None:  # one at a time: the latest drawing waits
            self.pending_drawing = pixels
            return None
        from designer.graph.project_file import project_to_dict
        from designer.training.messages import RunRequest
        from designer.ui.training.worker import TrainingRun

        request = RunRequest(
            project_to_dict(self.document.project),
            {},
            {},
            str(weights.parent),
            initial_weights=str(weights),
            extra={"probe_input": drawing, "classes": panel.results.classes},
        )
        run = TrainingRun(request, self)
        run.worker.insideReady.connect(self.show_inside)
        run.finished.connect(self._drawing_probed)
        self.probe_run = run
        run.start()
        return None

    def _drawing_probed(self) -> None:
        self.probe_run = None
        pending, self.pending_drawing = self.pending_drawing, None
        if pending is not None:
            self.probe_drawing(pending)

    # -- the point pad ------------------------------------------------------------------
    def dataset_loaded(self, dataset: Any) -> None:
        """The training panel's dataset: 2-D points with classes get the point pad."""
        from designer.training.probes.regions import is_point_data

        self.point_mode = is_point_data(
            getattr(dataset, "x", None), getattr(dataset, "classes", None)
        )
        self.regions, self.point_problem = None, None
        self.regionsChanged.emit()

    def _network_edited(self) -> None:
        """Untrained regions belong to the network as it was: ask again."""
        if self.regions is not None and self.regions.weights == "untrained":
            self.probe_point()

    def ensure_regions(self) -> None:
        """Ask for the regions if the point pad has none yet (it is being shown)."""
        if (
            self.point_mode
            and self.regions is None
            and self.point_problem is None
            and self.point_run is None
        ):
            self.probe_point()

    def place_point(self, point: tuple[float, float], probe: bool = True) -> None:
        """The point pad's point moved; ``probe``: ask the network about it."""
        self.point = (float(point[0]), float(point[1]))
        self._tell_panels()  # a run started later reports on it as it trains
        self.regionsChanged.emit()
        if probe:
            problem = self.probe_point()
            if problem:
                self.point_problem = problem
                self.regionsChanged.emit()

    def clear_point(self) -> None:
        self.point = None
        self._tell_panels()
        self.regionsChanged.emit()

    def point_prediction(self) -> tuple[np.ndarray, bool] | None:
        """The point's class probabilities and whether they are exact (the
        network's own answer) or read off the grid (the point moved during a run)."""
        regions = self.regions
        if self.point is None or regions is None:
            return None
        import numpy as np

        from designer.training.probes.regions import grid_probabilities_at

        if regions.point == self.point and regions.point_probabilities is not None:
            return np.asarray(regions.point_probabilities), True
        return grid_probabilities_at(regions, self.point), False

    def probe_point(self) -> str | None:
        """Ask the training process for the regions and the point (through the
        trained weights, or untrained ones before training); None, or why not."""
        panel = self.panels[0] if self.panels else None
        if panel is None:
            return self.tr("Open the Training panel: the point pad uses its dataset.")
        if panel.is_running():
            return None  # the run sends the regions itself, a few times a second
        if self.point_run is not None:  # one at a time: the latest point waits
            self.point_pending = True
            return None
        from designer.graph.project_file import project_to_dict
        from designer.training.messages import RunRequest
        from designer.ui.training.worker import TrainingRun

        weights = panel.trained_weights
        request = RunRequest(
            project_to_dict(self.document.project),
            panel.dataset_picker.spec(),
            panel.current_settings(),
            str(weights.parent) if weights is not None else "",
            initial_weights=str(weights) if weights is not None else None,
            extra={"point_probe": True, "point": self.point},
        )
        run = TrainingRun(request, self)
        run.worker.insideReady.connect(self._point_answered)
        run.worker.failed.connect(self._point_answered)
        run.finished.connect(self._point_probed)
        self.point_run = run
        run.start()
        return None

    def _point_answered(self, payload: Any) -> None:
        if isinstance(payload, str):
            self.point_problem = payload
            self.regionsChanged.emit()
        else:
            self.show_inside(payload)

    def _point_probed(self) -> None:
        run, self.point_run = self.point_run, None
        if run is not None:
            run.deleteLater()
        if self.point_pending:
            self.point_pending = False
            self.probe_point()

    def _run_finished(self, _result: Any) -> None:
        """After a run, the placed point through the trained weights (the cards'
        previews then follow it too)."""
        if self.point_mode and self.point is not None:
            self.probe_point()

    def clear_gradients(self) -> None:
        self.grad_norms, self.update_ratios = {}, {}
        self.repaint()

    def clear(self) -> None:
        self.grad_norms, self.update_ratios = {}, {}
        self.reports, self.full_reports = {}, {}
        self.regions, self.point, self.point_problem = None, None, None
        self.repaint()
        self.reportsChanged.emit()
        self.regionsChanged.emit()

    def repaint(self) -> int:
        """Draw on every built scene's cards; the number of cards drawn on."""
        drawn = 0
        color = qcolor(current_theme().series.blue)
        for scene in self.view.scenes():
            drawn += paint_flow(
                scene, self.grad_norms, self.update_ratios, self.gradient_colours
            )
            report = self.reports.get(scene.graph.name)
            previews = {}
            for preview in report.previews if report is not None else []:
                previews.setdefault(preview.node_id, preview)  # a node's first port
            if not previews and not self.previews_painted:
                continue  # nothing to draw or remove: numpy stays unloaded at start
            self.previews_painted = True
            from designer.ui.canvas.preview_items import paint_previews

            drawn += paint_previews(scene, previews, color, self.layer_previews)
        return drawn
