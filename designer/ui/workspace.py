"""The Design | Train switch: two layouts of the same window.

*Design* is the editor: the palette, inspector, code and the bottom panels
around the canvas.  *Train* gives training the room to be seen: the training
panel moves beside the canvas and takes most of the width (its curves, confusion
matrix and previews large), the editing docks are put away, and the canvas
stays as a compact view of the network, fitted to its space.  Switching back
puts the design layout back exactly as it was (``saveState``/``restoreState``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow

DESIGN, TRAIN = "design", "train"
WORKSPACE_STATE_VERSION = 8  # saveState's version tag for the design layout kept
TRAINING_SHARE = 0.68  # of the window's width, in the Train workspace
COMPACT_NETWORK_MIN = 280  # pixels left to the canvas at least


class Workspace(QObject):
    """Switches a :class:`MainWindow` between the Design and Train layouts."""

    modeChanged = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.mode = DESIGN
        self._design_state: QByteArray | None = None

    # -- the actions' slots -------------------------------------------------------------
    def show_design(self, on: bool = True) -> None:
        if on:
            self.set_mode(DESIGN)

    def show_train(self, on: bool = True) -> None:
        if on:
            self.set_mode(TRAIN)

    def set_mode(self, mode: str) -> None:
        if mode not in (DESIGN, TRAIN):
            raise ValueError(f"no workspace {mode!r}; use 'design' or 'train'")
        if mode == self.mode:
            return
        if mode == TRAIN:
            self._enter_train()
        else:
            self._leave_train()
        self.mode = mode
        self._check_actions()
        self.modeChanged.emit(mode)

    def _check_actions(self) -> None:
        key = "mode_train" if self.mode == TRAIN else "mode_design"
        action = self.window.action(key)
        action.blockSignals(True)
        action.setChecked(True)
        action.blockSignals(False)

    # -- layouts ------------------------------------------------------------------------
    def editing_docks(self) -> list[QDockWidget]:
        """The docks the Train workspace puts away (every dock but training's)."""
        training = self.window.training_dock
        return [d for d in self.window.findChildren(QDockWidget) if d is not training]

    def _enter_train(self) -> None:
        window = self.window
        self._design_state = window.saveState(WORKSPACE_STATE_VERSION)
        for dock in self.editing_docks():
            if not dock.isFloating():
                dock.hide()
        dock = window.training_dock
        dock.setFloating(False)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.show()
        dock.raise_()
        window.training_page.ensure_built()
        self.fit_training_dock()
        # The canvas has its new size once the layout has run.
        QTimer.singleShot(0, window.fit_view)

    def fit_training_dock(self) -> None:
        """Give the training panel most of the width, and the network a compact view."""
        window = self.window
        width = max(window.width(), 2 * COMPACT_NETWORK_MIN)
        share = min(int(width * TRAINING_SHARE), width - COMPACT_NETWORK_MIN)
        window.resizeDocks([window.training_dock], [share], Qt.Orientation.Horizontal)

    def _leave_train(self) -> None:
        window = self.window
        if self._design_state is not None:
            window.restoreState(self._design_state, WORKSPACE_STATE_VERSION)
            self._design_state = None
        QTimer.singleShot(0, window.fit_view)

    # -- presentation mode keeps and restores the workspace with the layout ----------
    def snapshot(self) -> tuple[str, QByteArray | None]:
        return self.mode, self._design_state

    def restore(self, snapshot: object) -> None:
        """Back to a :meth:`snapshot` (the window's layout is restored by the caller)."""
        mode, design_state = snapshot  # type: ignore[misc]
        self.mode, self._design_state = mode, design_state
        self._check_actions()
        self.modeChanged.emit(mode)
