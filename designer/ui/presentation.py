"""Presentation mode (F11, View ▸ Presentation): the window as a projector view.

Entering hides the toolbar, the status bar and every dock except what the lesson
needs — the canvas, and the training panel while a model trains or the Train
workspace is shown — switches to the high-contrast variant of the theme with
projector-sized text, goes full screen and fits the network to the window.
Leaving puts back exactly what was there: the window geometry and state
(``saveGeometry``/``saveState``), the status bar, the text size, the theme, the
workspace and the canvas zoom.

:class:`CursorHighlight` is the optional translucent circle that follows the
mouse, so that a class can see what the teacher points at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar, QWidget

from designer.ui.theme import qcolor

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow

PRESENTATION_STATE_VERSION = 7  # saveState's version tag for the layout kept meanwhile
PRESENTATION_MAX_ZOOM = 2.0  # a small network fills the projector
HIGHLIGHT_RADIUS = 36  # pixels
HIGHLIGHT_FILL_ALPHA = 70
HIGHLIGHT_RING_ALPHA = 190


class CursorHighlight(QWidget):
    """A translucent circle around the mouse pointer, drawn over the whole window.

    The overlay lets every mouse event through; it follows the pointer by watching
    the application's mouse moves while it is shown.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("cursorHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.position: QPoint | None = None
        self.color = (
            QColor()
        )  # set_color gives it the theme's colour before it is shown
        self.hide()

    def set_color(self, color: str) -> None:
        """The circle's colour, a theme colour (its alpha is the overlay's own)."""
        self.color = qcolor(color)
        self.update()

    def set_active(self, on: bool) -> None:
        app = QApplication.instance()
        window = self.parentWidget()
        if on:
            self.setGeometry(window.rect())
            self.raise_()
            self.show()
            if app is not None:
                app.installEventFilter(self)
            window.installEventFilter(self)
            self.follow(self.mapFromGlobal(QCursor.pos()))
        else:
            if app is not None:
                app.removeEventFilter(self)
            window.removeEventFilter(self)
            self.hide()

    def follow(self, position: QPoint) -> None:
        """Draw the circle at ``position`` (in this widget's coordinates)."""
        old = self.position
        self.position = QPoint(position)
        margin = HIGHLIGHT_RADIUS + 4
        for point in (old, self.position):
            if point is not None:
                self.update(
                    point.x() - margin, point.y() - margin, 2 * margin, 2 * margin
                )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            self.follow(self.mapFromGlobal(event.globalPosition().toPoint()))
        elif watched is self.parentWidget() and kind == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self.position is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.color)
        fill.setAlpha(HIGHLIGHT_FILL_ALPHA)
        ring = QColor(self.color)
        ring.setAlpha(HIGHLIGHT_RING_ALPHA)
        painter.setPen(QPen(ring, 3))
        painter.setBrush(fill)
        painter.drawEllipse(QPointF(self.position), HIGHLIGHT_RADIUS, HIGHLIGHT_RADIUS)
        painter.end()


@dataclass
class _SavedLayout:
    """What presentation mode changes, as it was before."""

    geometry: QByteArray
    rect: QRect  # the normal window's place (restoreGeometry would clamp it to the screen)
    state: QByteArray
    window_state: Qt.WindowState
    status_bar: bool
    transform: QTransform
    scroll: tuple[int, int]
    workspace: object  # the workspace's own saved mode, see Workspace.snapshot


class PresentationMode(QObject):
    """Enters and leaves the projector view of a :class:`MainWindow`."""

    toggled = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        # Screenshots and tests of the layout itself stay in a normal window.
        self.full_screen = window.interactive
        self._saved: _SavedLayout | None = None
        self.highlight = CursorHighlight(window)
        self.highlight_on = False
        self._watched_panel: QObject | None = None

    def toggle(self) -> None:
        self.set_active(not self.active)

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        if on:
            self._enter()
        else:
            self._leave()
        action = self.window.action("presentation")
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)
        self.toggled.emit(on)

    def set_cursor_highlight(self, on: bool) -> None:
        """View ▸ Highlight Cursor: the circle around the pointer (any time, not only
        when presenting)."""
        self.highlight_on = on
        self.highlight.set_color(self.window.theme.canvas.selection)
        self.highlight.set_active(on)

    # -- entering and leaving ----------------------------------------------------------
    def lesson_docks(self) -> list[QDockWidget]:
        """The docks a lesson needs: the training panel while training or in the
        Train workspace, nothing else."""
        window = self.window
        panel = window.training_panel
        training = window.workspace.mode == "train" or (
            panel is not None and panel.is_running()
        )
        return [window.training_dock] if training else []

    def _enter(self) -> None:
        window = self.window
        view = window.view
        self._saved = _SavedLayout(
            geometry=window.saveGeometry(),
            rect=window.geometry(),
            state=window.saveState(PRESENTATION_STATE_VERSION),
            window_state=window.windowState(),
            status_bar=window.statusBar().isVisible(),
            transform=view.transform(),
            scroll=(
                view.horizontalScrollBar().value(),
                view.verticalScrollBar().value(),
            ),
            workspace=window.workspace.snapshot(),
        )
        self.active = True
        keep = self.lesson_docks()
        for dock in window.findChildren(QDockWidget):
            if dock not in keep and not dock.isFloating():
                dock.hide()
        for toolbar in window.findChildren(QToolBar):
            toolbar.hide()
        window.statusBar().hide()
        self._watch_training(True)
        window.apply_theme(window.theme.dark)
        if self.full_screen:
            window.showFullScreen()
        # Once the layout has given the canvas the room the docks had.
        QTimer.singleShot(0, self._fit_network)

    def _fit_network(self) -> None:
        if self.active:
            self.window.view.fit_to_view(PRESENTATION_MAX_ZOOM)
            self.window.readouts.show_zoom(self.window.view.zoom)

    def _leave(self) -> None:
        window = self.window
        saved = self._saved
        self.active = False
        self._watch_training(False)
        window.apply_theme(window.theme.dark)
        if saved is None:
            return
        self._saved = None
        if self.full_screen:
            window.setWindowState(saved.window_state)
        window.restoreGeometry(saved.geometry)
        normal = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        if not saved.window_state & normal:
            window.setGeometry(saved.rect)
        window.workspace.restore(saved.workspace)
        window.restoreState(saved.state, PRESENTATION_STATE_VERSION)
        window.statusBar().setVisible(saved.status_bar)
        view = window.view
        view.setTransform(saved.transform)
        view.horizontalScrollBar().setValue(saved.scroll[0])
        view.verticalScrollBar().setValue(saved.scroll[1])
        window.readouts.show_zoom(view.zoom)

    # -- the training panel while presenting ---------------------------------------
    def _watch_training(self, on: bool) -> None:
        """Show the plots when a run starts during the presentation."""
        panel = self.window.training_panel
        if on and panel is not None:
            panel.runStarted.connect(self._run_started)
            self._watched_panel = panel
        elif not on and self._watched_panel is not None:
            self._watched_panel.runStarted.disconnect(self._run_started)
            self._watched_panel = None

    def _run_started(self) -> None:
        if self.active:
            self.window.training_dock.show()
            self.window.training_dock.raise_()
