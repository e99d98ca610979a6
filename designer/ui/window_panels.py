"""The main window's dock panels: the layer palette, inspector, code, summary,
problems and training, in their default places.

The code and training panels are built the first time their tab is shown
(:class:`~designer.ui.panels.lazy_panel.LazyPanel`): the training panel's imports
are heavy (pyqtgraph), and the window paints sooner without the code view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget

from designer.ui.canvas.colors import category_color
from designer.ui.panels.inspector import Inspector
from designer.ui.panels.lazy_panel import LazyPanel
from designer.ui.panels.palette import LayerPalette
from designer.ui.panels.problems import ProblemsList
from designer.ui.panels.summary import SummaryTable

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow


def make_dock(
    window: MainWindow, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(area, dock)
    return dock


def create_panels(window: MainWindow) -> None:
    """Make the panels and their docks as attributes of ``window``."""
    window.palette_panel = LayerPalette(category_color)
    window.palette_panel.layerActivated.connect(window.add_layer_at_centre)
    window.inspector = Inspector(
        window.document.set_param, window.document.rename, category_color
    )
    window.summary = SummaryTable()
    window.summary.nodeActivated.connect(
        lambda node_id: window.document.select_and_centre(node_id)
    )
    window.problems = ProblemsList()
    window.problems.problemActivated.connect(window._on_problem_activated)

    def build_code() -> QWidget:
        from designer.ui.panels.code_view import CodeView

        view = CodeView()
        view.exportRequested.connect(window.files.export_python)
        view.copied.connect(
            lambda: window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Code copied"), 3000
            )
        )
        view.set_dark(window.theme.dark)
        return view

    # Built when its tab is first shown: the window paints sooner without it.
    window.code_page = LazyPanel(build_code)

    def build_training() -> QWidget:
        from designer.ui.training.panel import TrainingPanel

        return window.inside.follow(TrainingPanel(window.document))

    # Built the first time its tab is shown: the import is heavy (pyqtgraph).
    window.training_page = LazyPanel(build_training)

    left, right = (
        Qt.DockWidgetArea.LeftDockWidgetArea,
        Qt.DockWidgetArea.RightDockWidgetArea,
    )
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    window.palette_dock = make_dock(
        window, "Layers", "paletteDock", window.palette_panel, left
    )
    window.inspector_dock = make_dock(
        window, "Inspector", "inspectorDock", window.inspector, right
    )
    window.code_dock = make_dock(window, "Code", "codeDock", window.code_page, right)
    window.summary_dock = make_dock(
        window, "Summary", "summaryDock", window.summary, bottom
    )
    window.problems_dock = make_dock(
        window, "Problems", "problemsDock", window.problems, bottom
    )
    window.training_dock = make_dock(
        window, "Training", "trainingDock", window.training_page, bottom
    )
    window._docks = (window.palette_dock, window.inspector_dock, window.code_dock)
    window._docks += (window.summary_dock, window.problems_dock, window.training_dock)
    window.setCorner(Qt.Corner.BottomLeftCorner, left)
    window.setCorner(Qt.Corner.BottomRightCorner, right)
    window.setTabPosition(
        Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North
    )
    # Right: inspector | code.  Bottom, like an IDE's panel: summary | problems | training.
    window.tabifyDockWidget(window.inspector_dock, window.code_dock)
    window.tabifyDockWidget(window.summary_dock, window.problems_dock)
    window.tabifyDockWidget(window.problems_dock, window.training_dock)
    window.inspector_dock.raise_()
    window.summary_dock.raise_()
    window.code_dock.visibilityChanged.connect(window._on_code_visibility)
    window.training_dock.visibilityChanged.connect(window._on_training_visibility)
