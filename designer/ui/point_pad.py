"""The point pad: click on a 2-D dataset to see what the classifier predicts there.

For classification data whose samples are two numbers (moons, circles, spirals,
XOR …) the Inside panel shows this pad instead of the drawing pad.  It draws a
subsample of the data in its class colours over the network's decision regions
(each cell of a grid in the colour of its predicted class, paler where the
network is unsure — :func:`~designer.ui.training.boundary.probability_image`).
A click places a point and a drag moves it; the predicted class probabilities
appear beside the point and under the plot.

The pad only draws.  :class:`~designer.ui.inside.InsideOverlay` asks the
training process for the regions (a
:class:`~designer.training.probes.regions.DecisionRegions`, computed there from
the current weights: freshly initialised ones before training, the run's while
it trains, the trained ones after) and for the exact probabilities of the
point; :class:`PointPadBox` shows what the overlay holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from designer.ui.theme import ThemeColors, follow_theme
from designer.ui.training.boundary import class_brush, probability_image
from designer.ui.training.plot_style import pen, theme_plots

MIN_SIDE = 200  # pixels; the plot is square and takes the panel's width
UPDATES_PER_S = 4  # point probes while dragging, at most
SHOWN_CLASSES = 5  # the most likely classes listed under the plot


class SquarePlotWidget(pg.PlotWidget):
    """A plot widget as high as it is wide."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width


class PointPad(QWidget):
    """A square plot of the data over the decision regions; click places a point.

    :attr:`pointMoved` follows the mouse at once (the pad's own marker and any
    reading off the grid); :attr:`pointPlaced` at most :data:`UPDATES_PER_S`
    times a second while dragging and once on release (a probe of the point).
    """

    pointMoved = Signal(float, float)  # data coordinates
    pointPlaced = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = SquarePlotWidget()
        self.plot_widget.setMinimumSize(MIN_SIDE, MIN_SIDE)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.plot_widget.setSizePolicy(policy)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.view_box = self.plot.getViewBox()
        self.view_box.setAspectLocked(True)
        self.view_box.setMouseEnabled(False, False)  # clicks place, not pan
        self.plot.setLabel("bottom", "x₁")
        self.plot.setLabel("left", "x₂")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-20)
        self.plot.addItem(self.image)
        self.scatter = pg.ScatterPlotItem(size=6, pxMode=True, antialias=True)
        self.plot.addItem(self.scatter)
        self.marker = pg.ScatterPlotItem(size=15, pxMode=True, antialias=True)
        self.marker.setZValue(10)
        self.plot.addItem(self.marker)
        self.note = pg.TextItem(anchor=(0, 1))
        self.note.setZValue(11)
        self.note.setVisible(False)
        self.plot.addItem(self.note)
        self.plot_widget.viewport().installEventFilter(self)
        self.plot_widget.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.point: tuple[float, float] | None = None
        self.extent: tuple[float, float, float, float] | None = None
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(1000 // UPDATES_PER_S)
        self._throttle.timeout.connect(self._emit_placed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.theme: ThemeColors | None = None
        follow_theme(self._restyle)

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        theme_plots(self.plot_widget, theme, self.plot)
        self.marker.setPen(pen(theme.plot_background, 2.5))
        self.scatter.setPen(pen(theme.plot_background, 0.8))
        fill = pg.mkColor(theme.plot_background)
        fill.setAlpha(210)  # the regions show through a little
        self.note.fill = pg.mkBrush(fill)
        self.note.setColor(theme.plot_foreground)

    # -- what the overlay sends ---------------------------------------------------------
    def show_regions(
        self,
        probabilities: np.ndarray,
        extent: Sequence[float],
        points: np.ndarray,
        labels: np.ndarray,
    ) -> None:
        """The regions (rows × cols × classes over ``extent`` = x0, x1, y0, y1;
        row 0 at the bottom) and the data points in their class colours."""
        x0, x1, y0, y1 = (float(v) for v in extent)
        colours = probability_image(np.asarray(probabilities, dtype=np.float32))
        self.image.setImage(colours, levels=(0, 255))
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        pts = np.asarray(points, dtype=float).reshape(-1, 2)
        brushes = [class_brush(int(c), 230) for c in np.asarray(labels).reshape(-1)]
        outline = pen(self.theme.plot_background, 0.8) if self.theme else None
        self.scatter.setData(pos=pts, brush=brushes, pen=outline)
        if self.extent != (x0, x1, y0, y1):
            self.view_box.setRange(
                xRange=(x0, x1), yRange=(y0, y1), padding=0.0, disableAutoRange=True
            )
            self.extent = (x0, x1, y0, y1)

    def clear_regions(self) -> None:
        self.image.clear()
        self.scatter.clear()
        self.extent = None

    def set_point(self, point: tuple[float, float] | None, note: str = "") -> None:
        """Mark ``point`` (None: no point) with ``note`` beside it."""
        self.point = point
        if point is None:
            self.marker.clear()
            self.note.setText("")
            self.note.setVisible(False)
            return
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.note.setPos(point[0], point[1])
        right_half = self.extent is not None and point[0] > sum(self.extent[:2]) / 2
        self.note.setAnchor((1.0, 1.0) if right_half else (0.0, 1.0))  # stays inside
        self.marker.setData(pos=[point])

    def mark_prediction(self, predicted: int | None) -> None:
        """Fill the point's marker in the colour of its predicted class."""
        if self.point is None:
            return
        if predicted is not None:
            fill = class_brush(predicted)
        else:  # not predicted yet: the theme's text colour
            fill = pg.mkBrush(self.theme.text if self.theme is not None else None)
        self.marker.setData(pos=[self.point], brush=fill, symbol="o")
        if self.theme is not None:
            self.marker.setPen(pen(self.theme.plot_background, 2.5))

    # -- the mouse ------------------------------------------------------------------------
    def data_point(self, widget_position: QPointF) -> tuple[float, float] | None:
        """The data coordinates under a viewport position, None outside the plot area."""
        scene = self.plot_widget.mapToScene(widget_position.toPoint())
        if not self.view_box.sceneBoundingRect().contains(scene):
            return None
        at = self.view_box.mapSceneToView(scene)
        return float(at.x()), float(at.y())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if watched is not self.plot_widget.viewport() or kind not in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.MouseButtonRelease,
        ):
            return super().eventFilter(watched, event)
        assert isinstance(event, QMouseEvent)
        held = bool(event.buttons() & Qt.MouseButton.LeftButton)
        if kind == QEvent.Type.MouseButtonRelease:
            if event.button() == Qt.MouseButton.LeftButton and self.point is not None:
                self._throttle.stop()
                self._emit_placed()
            return True
        if kind == QEvent.Type.MouseMove and not held:
            return False
        if kind == QEvent.Type.MouseButtonPress and not held:
            return True  # other buttons do nothing (no pyqtgraph menu or panning)
        point = self.data_point(event.position())
        if point is not None:
            self.place(point)
        return True

    def place(self, point: tuple[float, float]) -> None:
        """Put the point at ``point`` (data coordinates) as a click or drag would."""
        self.point = point
        self.marker.setData(pos=[point])
        self.note.setPos(point[0], point[1])
        self.pointMoved.emit(point[0], point[1])
        if not self._throttle.isActive():
            self._throttle.start()

    def _emit_placed(self) -> None:
        if self.point is not None:
            self.pointPlaced.emit(self.point[0], self.point[1])


def probability_lines(
    probabilities: np.ndarray, classes: Sequence[str], count: int = SHOWN_CLASSES
) -> list[str]:
    """``▶ class 1: 83.0%`` for the most likely classes, the predicted one marked."""
    values = np.asarray(probabilities, dtype=float).reshape(-1)
    order = np.argsort(values)[::-1][:count]
    names = [classes[k] if k < len(classes) else str(k) for k in range(len(values))]
    return [
        ("▶ " if rank == 0 else "   ") + f"{names[k]}: {values[k]:.1%}"
        for rank, k in enumerate(order)
    ]


class PointPadBox(QGroupBox):
    """The Inside panel's point pad with its message and probabilities."""

    def __init__(self, overlay: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overlay = overlay
        self.pad = PointPad()
        self.pad.pointMoved.connect(
            lambda x, y: overlay.place_point((x, y), probe=False)
        )
        self.pad.pointPlaced.connect(lambda x, y: overlay.place_point((x, y)))
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(overlay.clear_point)
        self.probabilities_label = QLabel()
        self.probabilities_label.setWordWrap(True)
        self.probabilities_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("mutedText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.pad)
        layout.addWidget(self.probabilities_label)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        overlay.regionsChanged.connect(self.refresh)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Place a point"))
        self.clear_button.setText(self.tr("Clear"))
        self.pad.setToolTip(self.tr("Click to place a point; drag it to move it."))
        self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.overlay.ensure_regions()

    def refresh(self) -> None:
        """Show the overlay's regions, point, prediction and state."""
        regions = self.overlay.regions
        if regions is None:
            self.pad.clear_regions()
        else:
            self.pad.show_regions(
                regions.probabilities, regions.extent, regions.points, regions.labels
            )
        self._show_point(regions)
        self.message.setText(self._message(regions))
        if self.isVisible():
            self.overlay.ensure_regions()

    def _show_point(self, regions: Any) -> None:
        point = self.overlay.point
        found = self.overlay.point_prediction()
        if point is None or found is None:
            self.pad.set_point(point)
            self.pad.mark_prediction(None)
            self.probabilities_label.setText(
                self.tr("Click the plot to see what the network predicts there.")
                if point is None
                else self.tr("At ({x}, {y}): waiting for the network…").format(
                    x=f"{point[0]:.2f}", y=f"{point[1]:.2f}"
                )
            )
            return
        probabilities, exact = found
        classes = list(regions.classes)
        lines = probability_lines(probabilities, classes)
        heading = (
            self.tr("At ({x}, {y}) the network predicts:")
            if exact
            else self.tr("At ({x}, {y}), read off the grid while it trains:")
        ).format(x=f"{point[0]:.2f}", y=f"{point[1]:.2f}")
        self.probabilities_label.setText("\n".join([heading, *lines]))
        predicted = int(np.argmax(probabilities))
        self.pad.set_point(point, probability_lines(probabilities, classes, 1)[0][2:])
        self.pad.mark_prediction(predicted)

    def _message(self, regions: Any) -> str:
        problem = self.overlay.point_problem
        if problem:
            return problem
        if regions is None:
            return self.tr(
                "Loading the network's decision regions… "
                "(PyTorch loads once per session)"
            )
        state = {
            "untrained": self.tr(
                "Untrained weights: the regions are the freshly initialised "
                "network's guesses. Train it and watch them change."
            ),
            "training": self.tr("Training: the regions follow the current weights."),
            "trained": self.tr("The regions of the trained network."),
        }.get(regions.weights, "")
        return (
            state
            + " "
            + self.tr("Each colour is a class; paler where the network is unsure.")
        )
