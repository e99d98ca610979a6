"""The main window: network tabs over the canvas, dock panels, menus and toolbar.

Everything a user can do to the project goes through :class:`Document`; the window
wires the panels to it, keeps the status bar and title current, applies themes
and persists its layout.  Files and crash recovery: :mod:`.window_files` (``files``);
actions, menus, toolbar: the table in :mod:`.actions`; the Design | Train switch:
:mod:`.workspace`; presentation mode: :mod:`.presentation`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from designer.graph.model import GraphError
from designer.ui.about import about_html  # noqa: F401 (re-exported for tests)
from designer.ui.actions import build_actions, build_menus, build_toolbar
from designer.ui.block_commands import BlockCommands
from designer.ui.canvas.colors import category_color
from designer.ui.document import Document
from designer.ui.inside import InsideOverlay
from designer.ui.network_tabs import NetworkTabs
from designer.ui.panels.welcome import EmptyCanvasHint
from designer.ui.presentation import PresentationMode
from designer.ui.recovery import RecoveryStore
from designer.ui.settings import RecentFiles, app_settings, startup_look
from designer.ui.theme import Theme, app_icon, apply_theme, icon, theme_for
from designer.ui.window_files import (  # noqa: F401 (re-exported for callers and tests)
    APP_NAME,
    SAMPLES_DIR,
    Cancel,
    Discard,
    ProjectFiles,
    Save,
    project_in_drop,
    sample_files,
)
from designer.ui.window_language import WindowLanguage, problems_title, summary_title
from designer.ui.window_panels import create_panels, make_dock
from designer.ui.window_status import StatusReadouts
from designer.ui.workspace import Workspace

if TYPE_CHECKING:
    from designer.ui.panels.code_view import CodeView
    from designer.ui.panels.layer_reference import LayerReferenceDialog

AUTOSAVE_MS = 1000  # from an edit to its recovery copy
SLOW_PANEL_DELAY_MS = 150
STATE_VERSION = 1


class MainWindow(QMainWindow):
    """The editor: one document, its canvas, the dock panels, menus and status bar.

    ``interactive=False`` (screenshots) shows no dialogs, writes no settings and
    keeps no recovery copy.  ``settings`` and ``recovery`` can be given for tests.
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
        dark, self.large_text = startup_look(self.settings, dark, interactive)
        self.theme: Theme = theme_for(dark)
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

        self.files = ProjectFiles(
            self, self.document, self.recent, self.recovery, autosave_ms
        )
        # In this order, each part finds what it uses already built.
        self._create_status_bar()
        self._create_panels()
        self._create_canvas()
        self._create_actions()
        self._connect_document()
        self.apply_theme(dark)

        if interactive:  # the recovery copy follows each edit within a second
            self.files.autosaver.start()

        self.resize(1400, 900)
        self._layout_restored = interactive and self._restore_layout()
        self._rebuild_tabs()
        self._refresh_all()
        self.language.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "language"):
            self.language.retranslate()
        super().changeEvent(event)

    # == construction ===================================================================
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
        dock = make_dock(self, title, name, widget, area)
        if tabify_with is not None:
            self.tabifyDockWidget(tabify_with, dock)
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"toggle_{name}")
        self.panels_menu.addAction(toggle)
        self.restoreDockWidget(dock)  # its place from the saved layout, if any
        return dock

    def _create_panels(self) -> None:
        create_panels(self)

    def action(self, key: str) -> QAction:
        """An action by key (``new``, ``open``, ``save``, ``undo``…), for tests and extensions."""
        return self._actions[key]

    def _create_actions(self) -> None:
        """Actions, menus and toolbar from the table in :mod:`designer.ui.actions`."""
        self.presentation = PresentationMode(self)
        self.workspace = Workspace(self)
        self._actions = build_actions(self, self.document.undo_stack)
        initial = {
            "snap": bool(self.settings.value("view/snap", True, type=bool)),
            "large_text": self.large_text,
            "theme_dark" if self.theme.dark else "theme_light": True,
            "mode_design": True,
            **self.inside.view_options(),
        }
        for key, checked in initial.items():  # the theme is applied at the end
            action = self.action(key)
            action.blockSignals(True)
            action.setChecked(checked)
            action.blockSignals(False)
        self.view.set_snap_to_grid(self.action("snap").isChecked())

        submenus = build_menus(self.menuBar(), self._actions)
        self.recent_menu = submenus["recent_menu"]
        self.samples_menu = submenus["samples_menu"]
        self.panels_menu = submenus["panels_menu"]
        self.language = WindowLanguage(self)  # View ▸ Language, and retranslate()
        self.files.attach_recent_menu(self.recent_menu)
        self.files.fill_samples_menu(self.samples_menu)
        for dock in self._docks:
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"toggle_{dock.objectName()}")
            self.panels_menu.addAction(toggle)
        self.toolbar = build_toolbar(self, self._actions)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def use_light_theme(self, on: bool) -> None:
        if on:
            self.apply_theme(False)

    def use_dark_theme(self, on: bool) -> None:
        if on:
            self.apply_theme(True)

    @property
    def training_panel(self) -> QWidget | None:
        """The TrainingPanel once it has been opened, else None."""
        return self.training_page.content

    def show_training(self) -> QWidget:
        """Show the training panel (building it on first use) with room for its plots."""
        self.training_dock.show()
        self.training_dock.raise_()
        panel = self.training_page.ensure_built()
        if self.workspace.mode == "design":
            height = max(360, self.height() // 2)
            self.resizeDocks([self.training_dock], [height], Qt.Orientation.Vertical)
        return panel

    def _on_training_visibility(self, visible: bool) -> None:
        if visible and not self.training_page.visibleRegion().isEmpty():
            self.training_page.ensure_built()

    def ask_stop_training(self) -> bool:
        """Closing while a model trains: stop it? (tests replace this)."""
        if not self.interactive:
            return True
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        text = self.tr("A model is still training. Stop the training and close?")
        return QMessageBox.question(self, APP_NAME, text, yes | no, no) == yes

    def _create_status_bar(self) -> None:
        self.readouts = StatusReadouts(self.statusBar(), self.show_problems)

    def _connect_document(self) -> None:
        doc = self.document
        doc.projectReplaced.connect(self._on_project_replaced)
        doc.analysisChanged.connect(self._refresh_analysis)
        doc.currentNetworkChanged.connect(self._on_current_network_changed)
        doc.selectionChanged.connect(lambda _ids: self._refresh_inspector())
        doc.pathChanged.connect(lambda _path: self.update_title())
        doc.modifiedChanged.connect(self._on_modified_changed)
        doc.projectNameChanged.connect(lambda _name: self.update_title())

    # == network tabs and the canvas ======================================================
    def _create_canvas(self) -> None:
        """One tab per network above a single canvas that shows the current network."""
        from designer.ui.canvas.view import NetworkView

        self.network_tabs = NetworkTabs(self.document)
        self.view = NetworkView(self.document, dark=self.theme.dark)
        self.view.setObjectName("networkView")
        self.inside = InsideOverlay(self.view)  # gradient colours on the cards
        self.view.zoomChanged.connect(lambda _zoom: self._update_zoom_label())
        self.view.messageRequested.connect(
            lambda t: self.statusBar().showMessage(t, 6000)
        )
        self.blocks = BlockCommands(self, self.document, self.palette_panel)
        self.view.nodeActivated.connect(self.blocks.open_or_inspect)
        centre = QWidget()
        centre.setObjectName("canvasArea")
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.network_tabs)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)
        self.empty_hint = EmptyCanvasHint(self.view.viewport(), sample_files())
        self.empty_hint.sampleChosen.connect(self.files.open_sample)

    def _rebuild_tabs(self) -> None:
        self.network_tabs.rebuild()
        self._update_zoom_label()

    @property
    def tab_names(self) -> list[str]:
        return self.network_tabs.names

    def _on_current_network_changed(self, name: str) -> None:
        self.network_tabs.follow(name)
        self._slow_refresh.start()
        self._refresh_inspector()
        self.empty_hint.setVisible(not self.document.graph.nodes)
        self._update_zoom_label()

    def _on_project_replaced(self) -> None:
        self._rebuild_tabs()
        self._refresh_all()

    # == refreshing panels ===============================================================
    def _refresh_all(self) -> None:
        self._refresh_analysis()
        self.refresh_now()
        self.update_title()

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
        hidden = not self.isVisible() or self.code_dock.visibleRegion().isEmpty()
        if hidden or self.code_page.content is None:
            self._code_stale = True  # refreshed when the code panel is shown
        else:
            self._refresh_code()

    @property
    def code_view(self) -> CodeView:
        """The Code panel, built and brought up to date on first use."""
        view = self.code_page.ensure_built()
        if self._code_stale:
            self._refresh_code()
        return view

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
        network = doc.current_network if several else None
        self.summary_dock.setWindowTitle(summary_title(network))

    def _on_code_visibility(self, visible: bool) -> None:
        if visible and not self.code_dock.visibleRegion().isEmpty():
            self.code_view  # noqa: B018 (builds the panel, refreshes stale code)

    def _refresh_code(self) -> None:
        self._code_stale = False
        view = self.code_page.ensure_built()
        error = self.document.code_error()
        if error:
            view.set_error(error)
        else:
            view.set_code(self.document.code())

    def _update_status(self) -> None:
        analysis = self.document.analysis
        errors, warnings = self.problems.error_count, self.problems.warning_count
        self.readouts.show_counts(
            sum(shapes.total_params for shapes in analysis.values()),
            sum(shapes.total_macs for shapes in analysis.values()),
            errors,
            warnings,
        )
        self.problems_dock.setWindowTitle(problems_title(errors + warnings))

    def _update_zoom_label(self) -> None:
        self.readouts.show_zoom(self.view.zoom)

    def update_title(self) -> None:
        doc = self.document
        name = doc.path.name if doc.path else doc.project.name
        self.setWindowTitle(f"{name or WindowLanguage.untitled()}[*] — {APP_NAME}")
        self.setWindowModified(doc.modified)

    def _on_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if not modified:
            self.files.autosaver.clear()  # saved: nothing to recover

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
            self.files.show_error(self.tr("Could not add the layer"), str(error))
            return None

    def cut(self) -> None:
        self.document.cut(self.document.selected_ids)

    def copy(self) -> None:
        if self.document.selected_ids:
            self.document.copy(self.document.selected_ids)

    def duplicate(self) -> None:
        self.document.duplicate(self.document.selected_ids)

    def rename_selected(self) -> None:
        """Rename the selected layer in place on the canvas."""
        if len(self.document.selected_ids) != 1:
            text = self.tr("Select one layer to rename it.")
            self.statusBar().showMessage(text, 4000)
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

    def set_snap(self, on: bool) -> None:
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
        presenting = self.presentation.active
        if app is not None:
            self.theme = apply_theme(app, dark, self.large_text, presenting)
        else:
            self.theme = theme_for(dark, presenting)
        for action in self._actions.values():
            name = action.data()
            if name:
                action.setIcon(icon(name, self.theme))
        self.setWindowIcon(app_icon())
        self.view.set_theme(dark, presenting)
        self.presentation.highlight.set_color(self.theme.canvas.selection)
        if self.code_page.content is not None:
            self.code_page.content.set_dark(dark)
        self.palette_panel.refresh_colors()
        if self.persist_settings:
            self.settings.setValue("view/dark", dark)
        self.action("theme_dark" if dark else "theme_light").setChecked(True)

    # == help ================================================================================
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About designer"), about_html())

    def show_layer_reference(self) -> LayerReferenceDialog:
        from designer.ui.panels.layer_reference import LayerReferenceDialog

        dialog = LayerReferenceDialog(category_color, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.interactive:
            dialog.show()
        return dialog

    # == dropping project files onto the window ==========================================
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if project_in_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        path = project_in_drop(event.mimeData())
        if path:
            event.acceptProposedAction()
            # After the drop returns: the unsaved-changes prompt must not run inside it.
            QTimer.singleShot(0, lambda: self.files.open_file(path))
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
        if not self.files.maybe_save("closing"):
            event.ignore()
            return
        if panel is not None:
            panel.shutdown()
        self.presentation.set_active(False)  # the layout to keep is the one before
        self.workspace.set_mode("design")
        if self.persist_settings:
            self.save_layout()
        self.files.close()
        event.accept()
