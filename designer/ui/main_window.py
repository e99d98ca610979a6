"""The main window: network tabs over the canvas, dock panels, menus and toolbar.

Everything a user can do to the project goes through :class:`Document`; the window
wires the panels to it, keeps the status bar and title current, applies themes
and persists its layout.  File handling, the unsaved-changes prompt and crash
recovery live in :mod:`designer.ui.window_files` (mixed in as ``ProjectFiles``).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QMouseEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from designer.graph.model import GraphError
from designer.ui.document import Document
from designer.ui.panels.code_view import CodeView
from designer.ui.panels.formatting import format_compact, format_count
from designer.ui.panels.inspector import Inspector
from designer.ui.panels.layer_reference import LayerReferenceDialog
from designer.ui.panels.lazy_panel import LazyPanel
from designer.ui.panels.palette import LayerPalette
from designer.ui.panels.problems import ProblemsList
from designer.ui.panels.summary import SummaryTable
from designer.ui.panels.welcome import EmptyCanvasHint
from designer.ui.recovery import RecoveryStore
from designer.ui.settings import RecentFiles, app_settings
from designer.ui.theme import Theme, apply_theme, icon, theme_for
from designer.ui.window_files import (  # noqa: F401 (re-exported for callers and tests)
    APP_NAME,
    SAMPLES_DIR,
    Cancel,
    Discard,
    ProjectFiles,
    Save,
    sample_files,
)

AUTOSAVE_MS = 30_000
SLOW_PANEL_DELAY_MS = 150
STATE_VERSION = 1


def category_color(category: str):
    from designer.ui.canvas.colors import category_color as canvas_color

    return canvas_color(category)


def about_html() -> str:
    import platform
    from importlib.metadata import PackageNotFoundError, version

    import PySide6

    try:
        own = version("designer")
    except PackageNotFoundError:
        own = "development copy"
    return (
        f"<h3>designer {own}</h3>"
        "<p>Build neural networks visually: drag layers onto the canvas, see every shape "
        "as you go, export readable PyTorch code and train in the background.</p>"
        f"<p style='color:gray'>Python {platform.python_version()} · PySide6 {PySide6.__version__}</p>"
    )


class ClickableLabel(QLabel):
    """A status bar label that does something when clicked."""

    clicked = Signal()

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class MainWindow(ProjectFiles, QMainWindow):
    """The editor: one document, its canvas, the dock panels, menus and status bar.

    ``interactive=False`` (screenshots) shows no dialogs, writes no settings and
    starts no autosave.  ``settings`` and ``recovery`` can be given for tests.
    """

    def __init__(
        self,
        document: Document | None = None,
        *,
        settings: QSettings | None = None,
        recovery: RecoveryStore | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        interactive: bool = True,
        dark: bool | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)  # project files dropped from the file manager open
        self.document = document or Document()
        self.settings = settings or app_settings()
        self.recent = RecentFiles(self.settings)
        self.recovery = recovery or RecoveryStore()
        # Without a person at the screen (screenshots), messages go to stderr.
        self.interactive = interactive
        self.persist_settings = interactive
        if dark is None:
            dark = bool(self.settings.value("view/dark", False, type=bool))
        self.large_text = interactive and bool(
            self.settings.value("view/large_text", False, type=bool)
        )
        self.theme: Theme = theme_for(dark)
        self._actions: dict[str, QAction] = {}
        self._code_stale = False
        # Summary and code take longest on big networks; they follow edits after a
        # short pause so that dragging a spin box stays smooth.
        self._slow_refresh = QTimer(self)
        self._slow_refresh.setSingleShot(True)
        self._slow_refresh.setInterval(SLOW_PANEL_DELAY_MS)
        self._slow_refresh.timeout.connect(self.refresh_now)

        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )

        self._create_panels()
        self._create_actions()
        self._create_canvas()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        self._connect_document()
        self.apply_theme(dark)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave)
        if interactive:
            self.autosave_timer.start()

        self.resize(1400, 900)
        self._layout_restored = interactive and self._restore_layout()
        self._rebuild_tabs()
        self._refresh_all()

    # == construction ===================================================================
    def _dock(
        self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def add_panel(
        self,
        title: str,
        name: str,
        widget: QWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        tabify_with: QDockWidget | None = None,
    ) -> QDockWidget:
        """Add another dock panel, with a toggle in View ▸ Panels.

        Give it a stable ``name``: the saved layout refers to docks by name.
        """
        dock = self._dock(title, name, widget, area)
        if tabify_with is not None:
            self.tabifyDockWidget(tabify_with, dock)
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"toggle_{name}")
        self.panels_menu.addAction(toggle)
        self.restoreDockWidget(dock)  # its place from the saved layout, if any
        return dock

    def _create_panels(self) -> None:
        self.palette_panel = LayerPalette(category_color)
        self.palette_panel.layerActivated.connect(self.add_layer_at_centre)
        self.inspector = Inspector(
            self.document.set_param, self.document.rename, category_color
        )
        self.summary = SummaryTable()
        self.summary.nodeActivated.connect(
            lambda node_id: self.document.select_and_centre(node_id)
        )
        self.problems = ProblemsList()
        self.problems.problemActivated.connect(self._on_problem_activated)
        self.code_view = CodeView()
        self.code_view.exportRequested.connect(self.export_python)
        self.code_view.copied.connect(
            lambda: self.statusBar().showMessage("Code copied to the clipboard", 3000)
        )

        def build_training() -> QWidget:
            from designer.ui.training.panel import TrainingPanel

            return TrainingPanel(self.document)

        # Built the first time its tab is shown: the import is heavy (pyqtgraph).
        self.training_page = LazyPanel(build_training)

        left, right = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.palette_dock = self._dock(
            "Layers", "paletteDock", self.palette_panel, left
        )
        self.inspector_dock = self._dock(
            "Inspector", "inspectorDock", self.inspector, right
        )
        self.code_dock = self._dock("Code", "codeDock", self.code_view, right)
        self.summary_dock = self._dock("Summary", "summaryDock", self.summary, bottom)
        self.problems_dock = self._dock(
            "Problems", "problemsDock", self.problems, bottom
        )
        self.training_dock = self._dock(
            "Training", "trainingDock", self.training_page, bottom
        )
        self.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        self.setTabPosition(
            Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North
        )
        # Right: inspector | code.  Bottom, like an IDE's panel: summary | problems | training.
        self.tabifyDockWidget(self.inspector_dock, self.code_dock)
        self.tabifyDockWidget(self.summary_dock, self.problems_dock)
        self.tabifyDockWidget(self.problems_dock, self.training_dock)
        self.inspector_dock.raise_()
        self.summary_dock.raise_()
        self.code_dock.visibilityChanged.connect(self._on_code_visibility)
        self.training_dock.visibilityChanged.connect(self._on_training_visibility)

    def _action(
        self,
        key: str,
        text: str,
        slot,
        shortcut: QKeySequence | str | list | None = None,
        icon_name: str | None = None,
        tip: str | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        action.setData(icon_name)
        self.addAction(action)
        self._actions[key] = action
        return action

    def action(self, key: str) -> QAction:
        """An action by key (``new``, ``open``, ``save``, ``undo``…), for tests and extensions."""
        return self._actions[key]

    def _create_actions(self) -> None:
        std = QKeySequence.StandardKey
        a = self._action
        a("new", "&New", self.new_document, std.New, "new", "Start a new project")
        a("open", "&Open…", self.open_dialog, std.Open, "open", "Open a project file")
        a("save", "&Save", self.save, std.Save, "save", "Save the project")
        a(
            "save_as",
            "Save &As…",
            self.save_as,
            "Ctrl+Shift+S",
            None,
            "Save the project under a new name",
        )
        a(
            "rename_project",
            "Project &Name…",
            self.rename_project,
            None,
            None,
            "Rename the project",
        )
        a(
            "export",
            "&Export Python…",
            self.export_python,
            "Ctrl+E",
            "export",
            "Write the PyTorch code to a .py file",
        )
        a(
            "export_training",
            "Export with &Training Script…",
            self.export_training_script,
            "Ctrl+Shift+E",
            None,
            "Write model.py and a standalone train.py (needs only torch, numpy and scikit-learn) into a folder",
        )
        a("quit", "&Quit", self.close, std.Quit, None, "Quit designer")

        stack = self.document.undo_stack
        undo = stack.createUndoAction(self, "&Undo")
        undo.setObjectName("action_undo")
        undo.setShortcuts([QKeySequence(std.Undo)])
        undo.setData("undo")
        redo = stack.createRedoAction(self, "&Redo")
        redo.setObjectName("action_redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setData("redo")
        for key, action in (("undo", undo), ("redo", redo)):
            self.addAction(action)
            self._actions[key] = action

        a("cut", "Cu&t", self.cut, std.Cut, "cut")
        a("copy", "&Copy", self.copy, std.Copy, "copy")
        a("paste", "&Paste", self.paste, std.Paste, "paste")
        a("duplicate", "D&uplicate", self.duplicate, "Ctrl+D", "duplicate")
        a(
            "delete",
            "&Delete",
            self.delete_selection,
            [QKeySequence(std.Delete), QKeySequence("Backspace")],
            "delete",
        )
        a("select_all", "Select &All", self.select_all, std.SelectAll, "select-all")
        a(
            "rename",
            "&Rename…",
            self.rename_selected,
            "F2",
            None,
            "Rename the selected layer",
        )
        a(
            "find_layer",
            "&Find Layer…",
            self.find_layer,
            std.Find,
            None,
            "Search the layer palette",
        )

        a("fit", "&Fit to Window", self.fit_view, "F", "fit", "Show the whole network")
        a(
            "zoom_in",
            "Zoom &In",
            self.zoom_in,
            [QKeySequence(std.ZoomIn), QKeySequence("Ctrl+=")],
            "zoom-in",
        )
        a("zoom_out", "Zoom &Out", self.zoom_out, std.ZoomOut, "zoom-out")
        snap = a(
            "snap",
            "&Snap to Grid",
            self.set_snap,
            "Ctrl+G",
            "grid",
            "Snap moved layers to the grid",
            True,
        )
        snap.blockSignals(True)  # the canvas reads the action when it is created
        snap.setChecked(bool(self.settings.value("view/snap", True, type=bool)))
        snap.blockSignals(False)
        a(
            "tidy",
            "&Tidy Layout",
            self.tidy_layout,
            "Ctrl+L",
            "tidy",
            "Arrange the network left to right",
        )
        large = a(
            "large_text",
            "La&rger Text",
            self.set_large_text,
            None,
            None,
            "Bigger text for presenting",
            True,
        )
        large.blockSignals(True)
        large.setChecked(self.large_text)
        large.blockSignals(False)
        themes = QActionGroup(self)
        light = a(
            "theme_light",
            "&Light Theme",
            lambda on: on and self.apply_theme(False),
            None,
            None,
            None,
            True,
        )
        dark = a(
            "theme_dark",
            "&Dark Theme",
            lambda on: on and self.apply_theme(True),
            None,
            "theme",
            None,
            True,
        )
        themes.addAction(light)
        themes.addAction(dark)
        chosen = dark if self.theme.dark else light
        chosen.blockSignals(True)  # the theme is applied once, at the end of __init__
        chosen.setChecked(True)
        chosen.blockSignals(False)

        a(
            "train",
            "&Training Panel",
            self.show_training,
            "Ctrl+T",
            "train",
            "Train the network",
        )
        a("about", "&About designer", self.show_about)
        a(
            "reference",
            "Layer &Reference",
            self.show_layer_reference,
            std.HelpContents,
            "help",
        )

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for key in ("new", "open"):
            file_menu.addAction(self.action(key))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.samples_menu = file_menu.addMenu("Sa&mples")
        for title, path in sample_files():
            action = self.samples_menu.addAction(title)
            action.setStatusTip(f"Open the sample project {path.name}")
            action.triggered.connect(lambda _checked=False, p=path: self.open_sample(p))
        self.samples_menu.setEnabled(not self.samples_menu.isEmpty())
        file_menu.addSeparator()
        for key in ("save", "save_as", "export", "export_training"):
            file_menu.addAction(self.action(key))
        file_menu.addSeparator()
        file_menu.addAction(self.action("rename_project"))
        file_menu.addSeparator()
        file_menu.addAction(self.action("quit"))

        edit = bar.addMenu("&Edit")
        edit.addAction(self.action("undo"))
        edit.addAction(self.action("redo"))
        edit.addSeparator()
        for key in ("cut", "copy", "paste", "duplicate", "delete"):
            edit.addAction(self.action(key))
        edit.addSeparator()
        edit.addAction(self.action("select_all"))
        edit.addAction(self.action("rename"))
        edit.addAction(self.action("find_layer"))

        view = bar.addMenu("&View")
        for key in ("fit", "zoom_in", "zoom_out"):
            view.addAction(self.action(key))
        view.addSeparator()
        view.addAction(self.action("snap"))
        view.addAction(self.action("tidy"))
        view.addSeparator()
        view.addAction(self.action("theme_light"))
        view.addAction(self.action("theme_dark"))
        view.addAction(self.action("large_text"))
        view.addSeparator()
        self.panels_menu = view.addMenu("&Panels")
        docks = (
            self.palette_dock,
            self.inspector_dock,
            self.code_dock,
            self.summary_dock,
            self.problems_dock,
            self.training_dock,
        )
        for dock in docks:
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"toggle_{dock.objectName()}")
            self.panels_menu.addAction(toggle)
        view.addSeparator()
        view.addAction(self.action("train"))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.action("reference"))
        help_menu.addAction(self.action("about"))

    @property
    def training_panel(self) -> QWidget | None:
        """The TrainingPanel once it has been opened, else None."""
        return self.training_page.content

    def show_training(self) -> QWidget:
        """Show the training panel (building it on first use) with room for its plots."""
        self.training_dock.show()
        self.training_dock.raise_()
        panel = self.training_page.ensure_built()
        self.resizeDocks(
            [self.training_dock],
            [max(360, self.height() // 2)],
            Qt.Orientation.Vertical,
        )
        return panel

    def _on_training_visibility(self, visible: bool) -> None:
        if visible and not self.training_page.visibleRegion().isEmpty():
            self.training_page.ensure_built()

    def ask_stop_training(self) -> bool:
        """Closing while a model trains: stop it? (tests replace this)."""
        if not self.interactive:
            return True
        answer = QMessageBox.question(
            self,
            APP_NAME,
            "A model is still training. Stop the training and close?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _create_toolbar(self) -> None:
        bar = QToolBar("Main toolbar", self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        groups = (
            ("new", "open", "save"),
            ("undo", "redo"),
            ("cut", "copy", "paste", "delete"),
            ("fit", "zoom_in", "zoom_out", "tidy", "snap"),
            ("export", "train"),
        )
        for index, group in enumerate(groups):
            if index:
                bar.addSeparator()
            for key in group:
                action = self.action(key)
                bar.addAction(action)
                shortcut = action.shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText
                )
                text = action.text().replace("&", "").rstrip("…")
                action.setToolTip(f"{text} ({shortcut})" if shortcut else text)
        train_button = bar.widgetForAction(self.action("train"))
        train_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.action("train").setIconText("Train")
        self.toolbar = bar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _create_status_bar(self) -> None:
        status = self.statusBar()
        self.params_label = QLabel()
        self.params_label.setObjectName("paramCount")
        self.macs_label = QLabel()
        self.macs_label.setObjectName("macCount")
        self.problem_label = ClickableLabel()
        self.problem_label.setObjectName("problemCount")
        self.problem_label.setToolTip("Show the problems")
        self.problem_label.clicked.connect(self.show_problems)
        self.zoom_label = QLabel("100%")
        self.zoom_label.setObjectName("zoomLevel")
        for label in (
            self.params_label,
            self.macs_label,
            self.problem_label,
            self.zoom_label,
        ):
            status.addPermanentWidget(label)

    def _connect_document(self) -> None:
        doc = self.document
        doc.projectReplaced.connect(self._on_project_replaced)
        doc.analysisChanged.connect(self._refresh_analysis)
        doc.currentNetworkChanged.connect(self._on_current_network_changed)
        doc.selectionChanged.connect(lambda _ids: self._refresh_inspector())
        doc.pathChanged.connect(lambda _path: self._update_title())
        doc.modifiedChanged.connect(self._on_modified_changed)
        doc.projectNameChanged.connect(lambda _name: self._update_title())

    # == network tabs and the canvas ======================================================
    def _create_canvas(self) -> None:
        """One tab per network above a single canvas that shows the current network."""
        from designer.ui.canvas.view import NetworkView

        self.network_tabs = QTabBar()
        self.network_tabs.setObjectName("networkTabs")
        self.network_tabs.setDocumentMode(True)
        self.network_tabs.setExpanding(False)
        self.network_tabs.setDrawBase(False)
        self.network_tabs.currentChanged.connect(self._on_tab_changed)
        self.view = NetworkView(self.document, dark=self.theme.dark)
        self.view.setObjectName("networkView")
        self.view.set_snap_to_grid(self.action("snap").isChecked())
        self.view.zoomChanged.connect(lambda _zoom: self._update_zoom_label())
        self.view.messageRequested.connect(
            lambda text: self.statusBar().showMessage(text, 6000)
        )
        self.view.nodeActivated.connect(self._focus_inspector)
        centre = QWidget()
        centre.setObjectName("canvasArea")
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.network_tabs)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)
        self.empty_hint = EmptyCanvasHint(self.view.viewport(), sample_files())
        self.empty_hint.sampleChosen.connect(self.open_sample)

    def _rebuild_tabs(self) -> None:
        tabs = self.network_tabs
        tabs.blockSignals(True)
        while tabs.count():
            tabs.removeTab(0)
        for name in self.document.network_names:
            tabs.addTab(name)
            tabs.setTabToolTip(tabs.count() - 1, f"The {name} network")
        tabs.setVisible(tabs.count() > 1)
        tabs.setCurrentIndex(
            self.document.network_names.index(self.document.current_network)
        )
        tabs.blockSignals(False)
        self._update_zoom_label()

    @property
    def tab_names(self) -> list[str]:
        return [self.network_tabs.tabText(i) for i in range(self.network_tabs.count())]

    def _on_tab_changed(self, index: int) -> None:
        names = self.document.network_names
        if 0 <= index < len(names):
            self.document.set_current_network(names[index])

    def _on_current_network_changed(self, name: str) -> None:
        names = self.document.network_names
        if name in names and self.network_tabs.currentIndex() != names.index(name):
            self.network_tabs.setCurrentIndex(names.index(name))
        if hasattr(self, "_slow_refresh"):
            self._slow_refresh.start()
        self._refresh_inspector()
        self.empty_hint.setVisible(not self.document.graph.nodes)
        self._update_zoom_label()

    def _on_project_replaced(self) -> None:
        self._rebuild_tabs()
        self._refresh_all()

    def _focus_inspector(self, _node_id: str = "") -> None:
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    # == refreshing panels ===============================================================
    def _refresh_all(self) -> None:
        self._refresh_analysis()
        self.refresh_now()
        self._update_title()

    def _refresh_analysis(self) -> None:
        """After every edit: the cheap panels now, summary and code once edits pause."""
        self.empty_hint.setVisible(not self.document.graph.nodes)
        self._refresh_inspector()
        self.problems.set_problems(self.document.project, self.document.analysis)
        self._update_status()
        self._slow_refresh.start()

    def refresh_now(self) -> None:
        """Bring the summary and code up to date without waiting for the pause."""
        self._slow_refresh.stop()
        self._refresh_summary()
        if self.isVisible() and self.code_dock.visibleRegion().isEmpty():
            self._code_stale = True  # refreshed when the code panel is shown
        else:
            self._refresh_code()

    def _refresh_inspector(self) -> None:
        doc = self.document
        graph = doc.graph
        nodes = [graph.node(i) for i in doc.selected_ids if graph.has_node(i)]
        shapes = doc.analysis.get(doc.current_network)
        self.inspector.show_selection(nodes, shapes)

    def _refresh_summary(self) -> None:
        doc = self.document
        shapes = doc.analysis.get(doc.current_network)
        if shapes is not None:
            self.summary.set_analysis(doc.graph, shapes)
        several = len(doc.network_names) > 1
        self.summary_dock.setWindowTitle(
            f"Summary — {doc.current_network}" if several else "Summary"
        )

    def _on_code_visibility(self, visible: bool) -> None:
        if visible and self._code_stale:
            self._refresh_code()

    def _refresh_code(self) -> None:
        self._code_stale = False
        error = self.document.code_error()
        if error:
            self.code_view.set_error(error)
        else:
            self.code_view.set_code(self.document.code())

    def _update_status(self) -> None:
        analysis = self.document.analysis
        params = sum(shapes.total_params for shapes in analysis.values())
        macs = sum(shapes.total_macs for shapes in analysis.values())
        self.params_label.setText(f"Parameters: {format_count(params)}")
        self.params_label.setToolTip(
            f"{format_count(params)} trainable parameters in the project"
        )
        self.macs_label.setText(f"MACs: {format_compact(macs)}")
        self.macs_label.setToolTip(
            f"{format_count(macs)} multiply-accumulates per sample"
        )
        errors, warnings = self.problems.error_count, self.problems.warning_count
        if errors or warnings:
            parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
            parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
            text = ", ".join(parts)
        else:
            text = "No problems"
        self.problem_label.setText(text)
        self.problem_label.setProperty("problem", bool(errors))
        self.problem_label.style().unpolish(self.problem_label)
        self.problem_label.style().polish(self.problem_label)
        title = f"Problems ({errors + warnings})" if errors or warnings else "Problems"
        self.problems_dock.setWindowTitle(title)

    def _update_zoom_label(self) -> None:
        view = getattr(self, "view", None)
        if view is not None:
            self.zoom_label.setText(f"Zoom {round(view.zoom * 100)}%")

    def _update_title(self) -> None:
        doc = self.document
        name = doc.path.name if doc.path else doc.project.name or "Untitled"
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(doc.modified)

    def _on_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if not modified:
            self.recovery.clear()  # saved: nothing to recover

    def show_problems(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()

    def _on_problem_activated(self, network: str, node_id: str) -> None:
        self.document.select_and_centre(node_id, network)

    # == edit and view commands ==========================================================
    def add_layer_at_centre(self, layer_type: str) -> str | None:
        """Add a layer in the middle of the visible canvas and select it."""
        centre = self.view.visible_scene_rect().center()
        try:
            return self.view.network_scene.add_layer_at(layer_type, centre)
        except GraphError as error:
            self.show_error("Could not add the layer", str(error))
            return None

    def cut(self) -> None:
        self.document.cut(self.document.selected_ids)

    def copy(self) -> None:
        if self.document.selected_ids:
            self.document.copy(self.document.selected_ids)

    def paste(self) -> None:
        self.document.paste()

    def duplicate(self) -> None:
        self.document.duplicate(self.document.selected_ids)

    def delete_selection(self) -> None:
        """Delete the selected layers and connections."""
        self.view.network_scene.delete_selection()

    def select_all(self) -> None:
        self.view.network_scene.select_all()

    def rename_selected(self) -> None:
        """Rename the selected layer in place on the canvas."""
        if len(self.document.selected_ids) != 1:
            self.statusBar().showMessage("Select one layer to rename it.", 4000)
            return
        node_id = self.document.selected_ids[0]
        self.view.centre_on_node(node_id)
        self.view.setFocus()
        self.view.network_scene.start_rename(node_id)

    def find_layer(self) -> None:
        """Show the palette and put the cursor in its search box."""
        self.palette_dock.show()
        self.palette_dock.raise_()
        self.palette_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.palette_panel.search.selectAll()

    def fit_view(self) -> None:
        self.view.fit_to_view()
        self._update_zoom_label()

    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def set_snap(self, on: bool) -> None:
        if hasattr(self, "view"):
            self.view.set_snap_to_grid(on)
        if self.persist_settings:
            self.settings.setValue("view/snap", on)

    def set_large_text(self, on: bool) -> None:
        """Presenting: every panel's text at 13 pt instead of 10 pt."""
        self.large_text = on
        if self.persist_settings:
            self.settings.setValue("view/large_text", on)
        self.apply_theme(self.theme.dark)

    def tidy_layout(self) -> None:
        self.document.tidy_layout()
        self.fit_view()

    def apply_theme(self, dark: bool) -> None:
        app = QApplication.instance()
        if app is not None:
            self.theme = apply_theme(app, dark, self.large_text)
        else:
            self.theme = theme_for(dark)
        for action in self._actions.values():
            name = action.data()
            if name:
                action.setIcon(icon(name, self.theme))
        self.setWindowIcon(icon("app", self.theme))
        if hasattr(self, "view"):
            self.view.set_theme(dark)
        self.code_view.set_dark(dark)
        self.palette_panel.refresh_colors()
        if self.persist_settings:
            self.settings.setValue("view/dark", dark)
        if self._actions:
            self.action("theme_dark" if dark else "theme_light").setChecked(True)

    # == help ================================================================================
    def show_about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", about_html())

    def show_layer_reference(self) -> LayerReferenceDialog:
        dialog = LayerReferenceDialog(category_color, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.interactive:
            dialog.show()
        return dialog

    # == dropping project files onto the window ==========================================
    @staticmethod
    def _dropped_project(mime: QMimeData) -> str | None:
        for url in mime.urls() if mime.hasUrls() else []:
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if self._dropped_project(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        path = self._dropped_project(event.mimeData())
        if path:
            event.acceptProposedAction()
            # After the drop returns: the unsaved-changes prompt must not run inside it.
            QTimer.singleShot(0, lambda: self.open_file(path))
        else:
            super().dropEvent(event)

    # == layout persistence and closing ======================================================
    def _restore_layout(self) -> bool:
        """Put back the saved geometry and dock layout; False when there is none."""
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        if isinstance(state, QByteArray | bytes) and state:
            return self.restoreState(QByteArray(state), STATE_VERSION)
        return False

    def _default_dock_sizes(self) -> None:
        horizontal = [self.palette_dock, self.inspector_dock]
        self.resizeDocks(horizontal, [196, 280], Qt.Orientation.Horizontal)
        self.resizeDocks([self.summary_dock], [150], Qt.Orientation.Vertical)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            self._default_dock_sizes()

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(STATE_VERSION))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        panel = self.training_panel
        running = panel is not None and panel.is_running()
        if running and not self.ask_stop_training():
            event.ignore()
            return
        if not self.maybe_save("closing"):
            event.ignore()
            return
        if panel is not None:
            panel.shutdown()
        if self.persist_settings:
            self.save_layout()
        self.autosave_timer.stop()
        self.recovery.clear()
        event.accept()
