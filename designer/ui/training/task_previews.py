"""The previews that forecasting, autoencoder, VAE and GAN runs promise, one tab each.

Registered with :func:`~designer.ui.training.previews.register_preview` under
the keys the tasks put in ``PredictionSnapshot.previews`` (see the task
modules in :mod:`designer.training.tasks`):

``"forecast"``
    ``{"history": (k, L), "truth": (k, H), "prediction": (k, H)}`` — a few
    validation windows, each in its own small plot: the values the network saw,
    what came next, and its forecast.
``"reconstruction"``
    ``{"originals": (k, C, H, W), "reconstructions": (k, C, H, W)}`` in [0, 1] —
    each validation image with the network's reconstruction right below it.
``"samples"``
    ``{"images": (m, C, H, W) in [0, 1], "title": str}`` — a VAE's decodings of
    fixed random codes or a GAN's samples from fixed noise, redrawn every epoch,
    so the same tiles can be watched improving.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from designer.ui.theme import ThemeColors, current_theme, follow_theme, qcolor
from designer.ui.training.image_grid import ImageGrid, _fit, to_qimages
from designer.ui.training.plot_style import pen, theme_plot, theme_plots
from designer.ui.training.previews import register_preview
from designer.ui.training.terms_plot import text_size

# Series colours (SeriesColors fields) of the forecast plots.
HISTORY = "ink"
TRUTH = "green"
FORECAST = "orange"
MAX_FORECAST_PLOTS = 6
EXPLANATION = "The same inputs every epoch, so each tile shows one input's output changing as the network learns."
EMPTY_FORECAST = "Forecasts for a few validation windows appear after the first epoch."


def _caption_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setObjectName("plotTitle")  # coloured by the stylesheet
    return label


def _legend_html(theme: ThemeColors) -> str:
    history, truth, forecast = (
        getattr(theme.series, role) for role in (HISTORY, TRUTH, FORECAST)
    )
    return (
        f"<span style='color:{history}'>━━</span> what the network saw &nbsp;&nbsp; "
        f"<span style='color:{truth}'>━●</span> what came next &nbsp;&nbsp; "
        f"<span style='color:{forecast}'>╍◆</span> its forecast"
    )


def _as_rows(values: Any, count: int | None = None) -> np.ndarray:
    """A (k, n) float array from (k,), (k, n) or (k, n, …) values (extra axes flattened)."""
    array = np.asarray(values, dtype=float)
    if array.ndim == 0:
        raise ValueError("expected one row per window")
    array = array.reshape(len(array), -1) if array.ndim > 1 else array[:, None]
    if count is not None and len(array) != count:
        raise ValueError(f"expected {count} rows, got {len(array)}")
    return array


# == forecast ===================================================================
class ForecastPreview(QWidget):
    """Small multiples of validation windows: the past, what came next, and the forecast.

    The x axis counts steps from the window's last value (0): the past runs from
    −L+1 to 0 and the forecast from 1 to H.  All plots share one y range, so
    the windows can be compared at a glance.  As many windows are shown as fit
    (one row of up to three in a low dock, two rows in a tall one).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setObjectName("plotLegend")
        self.view = pg.GraphicsLayoutWidget()
        self.view.ci.setSpacing(4)
        self.caption = _caption_label(EMPTY_FORECAST)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        self.plots: list[pg.PlotItem] = []
        self.mse: float | None = None
        self.baseline_mse: float | None = None
        self._data: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._grid = (0, 0)
        self._curves: list[tuple[pg.PlotDataItem, ...]] = []
        self._ranges: tuple | None = None
        self.theme: ThemeColors = current_theme()
        follow_theme(self._restyle)

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        theme_plots(self.view, theme)
        self.legend.setText(_legend_html(theme))
        if self._data is not None:
            self._grid = (0, 0)  # build the plots again, in the new colours
            self._draw()

    def clear(self) -> None:
        self.view.ci.clear()
        self.plots, self._curves = [], []
        self._data = None
        self._grid = (0, 0)
        self._ranges = None
        self.mse = self.baseline_mse = None
        self.caption.setText(EMPTY_FORECAST)

    def show_preview(self, data: Any) -> None:
        try:
            history = _as_rows(data["history"])
            truth = _as_rows(data["truth"], len(history))
            prediction = _as_rows(data["prediction"], len(history))
            if truth.shape != prediction.shape:
                raise ValueError(
                    f"truth {truth.shape} and prediction {prediction.shape} differ"
                )
        except (KeyError, TypeError, ValueError) as error:
            self.clear()
            self.caption.setText(html.escape(f"The forecast cannot be drawn: {error}."))
            return
        if len(history) == 0:
            self.clear()
            return
        self._data = (history, truth, prediction)
        self._draw()
        self.mse = float(np.mean((prediction - truth) ** 2))
        self.baseline_mse = float(np.mean((history[:, -1:] - truth) ** 2))
        verdict = (
            "better than" if self.mse < self.baseline_mse else "not yet better than"
        )
        horizon = truth.shape[1]
        self.caption.setText(
            f"Mean squared error <b>{self.mse:.3g}</b> over {len(history)} windows: {verdict} repeating the last "
            f"value ({self.baseline_mse:.3g})."
        )
        self.caption.setToolTip(
            f"Validation windows of {history.shape[1]} steps, forecasting {horizon} step{'s' if horizon != 1 else ''} "
            "ahead. A forecast that does not beat repeating the window's last value has learnt nothing yet."
        )

    def grid_for(self, count: int) -> tuple[int, int]:
        """(rows, columns) of plots that fit the widget: plots at least ~220×150 px."""
        view = self.view.size()
        columns = max(1, min(3, count, view.width() // 220))
        rows = max(1, min(2, -(-count // columns), view.height() // 150))
        return rows, columns

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._data is not None:
            self._draw()

    def _draw(self) -> None:
        """Lay the plots out again only when the grid changes; otherwise just new data (fast)."""
        assert self._data is not None
        history, truth, prediction = self._data
        grid = self.grid_for(min(len(history), MAX_FORECAST_PLOTS))
        count = min(len(history), grid[0] * grid[1])
        if (grid, count) != (self._grid, len(self.plots)):
            self._build(grid, count)
        self._grid = grid
        past_steps = np.arange(-history.shape[1] + 1, 1, dtype=float)
        future_steps = np.arange(0, truth.shape[1] + 1, dtype=float)
        low = float(min(history.min(), truth.min(), prediction.min()))
        high = float(max(history.max(), truth.max(), prediction.max()))
        pad = 0.08 * (high - low) if high > low else 0.5
        y_range = (low - pad, high + pad)
        # Room right of the forecast, so a one-step forecast is not squeezed against the edge.
        x_range = (past_steps[0], future_steps[-1] + max(1.0, 0.1 * len(past_steps)))
        title_size = text_size(
            self, -1
        )  # follows the window's text size ("Larger Text" when presenting)
        for index, plot in enumerate(self.plots):
            past, truth_line, truth_marks, forecast_line, forecast_marks = self._curves[
                index
            ]
            last = history[index, -1]
            past.setData(past_steps, history[index])
            # The lines start at the last seen value; the markers are only on the values after it.
            truth_line.setData(future_steps, np.r_[last, truth[index]])
            truth_marks.setData(future_steps[1:], truth[index])
            forecast_line.setData(future_steps, np.r_[last, prediction[index]])
            forecast_marks.setData(future_steps[1:], prediction[index])
            error = float(np.mean((prediction[index] - truth[index]) ** 2))
            plot.setTitle(
                f"window {index + 1}: error² {error:.2g}",
                color=self.theme.plot_foreground,
                size=title_size,
            )
            if self._ranges != (x_range, y_range):  # unchanged axes are not repainted
                plot.setXRange(*x_range, padding=0.0)
                plot.setYRange(*y_range, padding=0.0)
        self._ranges = (x_range, y_range)

    def _build(self, grid: tuple[int, int], count: int) -> None:
        rows, columns = grid
        self.view.ci.clear()
        self.plots, self._curves = [], []
        self._ranges = None
        series = self.theme.series
        history, truth, forecast = (
            getattr(series, role) for role in (HISTORY, TRUTH, FORECAST)
        )
        for index in range(count):
            plot = self.view.ci.addPlot(row=index // columns, col=index % columns)
            self._style(plot, index, columns, count)
            self._curves.append(
                (
                    plot.plot(pen=pen(history, 2), antialias=True),
                    plot.plot(pen=pen(truth, 2.5), antialias=True),
                    plot.plot(
                        pen=None,
                        antialias=True,
                        symbol="o",
                        symbolSize=9,
                        symbolBrush=truth,
                        symbolPen=None,
                    ),
                    plot.plot(
                        pen=pen(forecast, 2.5, style=Qt.PenStyle.DashLine),
                        antialias=True,
                    ),
                    plot.plot(
                        pen=None,
                        antialias=True,
                        symbol="d",
                        symbolSize=12,
                        symbolBrush=forecast,
                        symbolPen=None,
                    ),
                )
            )
            self.plots.append(plot)

    def _style(self, plot: pg.PlotItem, index: int, columns: int, count: int) -> None:
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.addLine(
            x=0, pen=pen(self.theme.series.guide, 1, style=Qt.PenStyle.DotLine)
        )
        for side in ("left", "bottom"):
            plot.getAxis(side).enableAutoSIPrefix(False)
        theme_plot(plot, self.theme)
        if index + columns >= count:  # the bottom row names the axis
            plot.setLabel("bottom", "steps from now")
        if index % columns:
            plot.getAxis("left").setStyle(showValues=False)
            plot.getAxis("left").setWidth(8)
        else:
            plot.getAxis("left").setWidth(44)


# == reconstruction ===============================================================
class PairGrid(QWidget):
    """Images in columns of two: each original with its reconstruction right below it.

    Columns wrap into bands when the widget is narrow; a label at the left of
    every band says which row is which.
    """

    ROWS = ("original", "reconstructed")

    def __init__(self, parent: QWidget | None = None, empty_text: str = "") -> None:
        super().__init__(parent)
        self.originals: list[QImage] = []
        self.reconstructions: list[QImage] = []
        self.errors: list[float] = []
        self._empty_text = empty_text
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)
        self.theme: ThemeColors = current_theme()
        follow_theme(self._restyle)

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        self.update()

    def set_pairs(self, originals: np.ndarray, reconstructions: np.ndarray) -> None:
        before = np.asarray(originals, dtype=np.float32)
        after = np.asarray(reconstructions, dtype=np.float32)
        if before.shape != after.shape:
            raise ValueError(
                f"originals {before.shape} and reconstructions {after.shape} differ in shape"
            )
        self.originals = to_qimages(before) if len(before) else []
        self.reconstructions = to_qimages(after) if len(after) else []
        self.errors = (
            [
                float(e)
                for e in np.mean(
                    (before - after) ** 2, axis=tuple(range(1, before.ndim))
                )
            ]
            if len(before)
            else []
        )
        self.update()

    def clear(self) -> None:
        self.originals, self.reconstructions, self.errors = [], [], []
        self.update()

    @property
    def pair_count(self) -> int:
        return len(self.originals)

    def sizeHint(self) -> QSize:
        return QSize(12 * 66 + 90, 2 * 66 + 40)

    def _label_width(self) -> int:
        return (
            max(self.fontMetrics().horizontalAdvance(text) for text in self.ROWS) + 14
        )

    def layout_cells(self) -> tuple[int, int]:
        """(columns, tile): the biggest tiles for which every band fits the widget."""
        count = max(1, self.pair_count)
        gap, band_gap = 4, 14
        caption = self.fontMetrics().height() + 2
        width = max(1, self.width() - self._label_width() - gap)
        height = max(1, self.height() - gap)
        for tile in range(160, 19, -2):
            columns = max(1, min(count, width // (tile + gap)))
            bands = -(-count // columns)
            band = 2 * tile + gap + caption
            if bands * band + (bands - 1) * band_gap <= height:
                return -(
                    -count // bands
                ), tile  # the same number of pairs in every band
        return max(1, min(count, width // 24)), 20

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        theme = self.theme
        painter.fillRect(self.rect(), qcolor(theme.plot_background))
        if not self.originals:
            painter.setPen(qcolor(theme.muted))
            painter.drawText(
                self.rect().adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._empty_text,
            )
            painter.end()
            return
        columns, tile = self.layout_cells()
        gap, band_gap = 4, 14
        caption = self.fontMetrics().height() + 2
        label_width = self._label_width()
        total = label_width + columns * (tile + gap) - gap
        left = max(gap, (self.width() - total) // 2)
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() - 1))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        band_height = 2 * tile + gap + caption
        for index, (before, after) in enumerate(
            zip(self.originals, self.reconstructions, strict=True)
        ):
            band, column = divmod(index, columns)
            top = gap + band * (band_height + band_gap)
            if column == 0:
                painter.setPen(qcolor(theme.plot_foreground))
                for row, text in enumerate(self.ROWS):
                    rect = QRect(left, top + row * (tile + gap), label_width - 8, tile)
                    painter.drawText(
                        rect,
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                        text,
                    )
            x = left + label_width + column * (tile + gap)
            for row, image in enumerate((before, after)):
                target = QRect(x, top + row * (tile + gap), tile, tile)
                painter.drawImage(_fit(image.size(), target), image)
                painter.setPen(QPen(qcolor(theme.border), 1.0))
                painter.drawRect(target.adjusted(0, 0, -1, -1))
            painter.setFont(small)
            painter.setPen(qcolor(theme.muted))
            rect = QRect(x - gap // 2, top + 2 * tile + gap, tile + gap, caption)
            text = painter.fontMetrics().elidedText(
                f"{self.errors[index]:.3f}", Qt.TextElideMode.ElideRight, rect.width()
            )
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text
            )
            painter.setFont(self.font())
        painter.end()


class ReconstructionPreview(QWidget):
    """Validation images above the network's reconstructions of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs = PairGrid(
            empty_text="Validation images and their reconstructions appear after the first epoch."
        )
        self.caption = _caption_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.pairs, 1)
        layout.addWidget(self.caption)

    def show_preview(self, data: Any) -> None:
        try:
            self.pairs.set_pairs(
                np.asarray(data["originals"]), np.asarray(data["reconstructions"])
            )
        except (KeyError, TypeError, ValueError) as error:
            self.pairs.clear()
            self.caption.setText(
                html.escape(f"The reconstructions cannot be drawn: {error}.")
            )
            return
        if not self.pairs.pair_count:
            self.caption.clear()
            return
        mean = float(np.mean(self.pairs.errors))
        self.caption.setText(
            f"Mean squared pixel error under each pair; on average <b>{mean:.4f}</b>."
        )
        self.caption.setToolTip(
            f"{self.pairs.pair_count} validation images, each above the network's reconstruction of it."
        )

    def clear(self) -> None:
        self.pairs.clear()
        self.caption.clear()


# == generated samples ==============================================================
class SamplesPreview(QWidget):
    """A grid of generated images under a title, replaced every epoch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setObjectName("plotLegend")
        self.title.setWordWrap(True)
        self.grid = ImageGrid(
            tile=48, empty_text="Generated samples appear after the first epoch."
        )
        self.message = _caption_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.message)
        self.title.hide()
        self.message.hide()
        self.title_text = ""
        self.updates = 0

    def show_preview(self, data: Any) -> None:
        if isinstance(data, Mapping):
            images, title = data.get("images"), str(data.get("title", ""))
        else:
            images, title = data, ""
        try:
            self.grid.set_images(
                np.asarray(images if images is not None else np.zeros((0, 1, 1, 1)))
            )
        except (TypeError, ValueError) as error:
            self.grid.clear()
            self.message.setText(html.escape(f"The samples cannot be drawn: {error}."))
            self.message.show()
            return
        self.message.hide()
        self.updates += 1
        self.title_text = title
        self.title.setText(f"<b>{html.escape(title)}</b>")
        self.title.setVisible(bool(title))
        self.title.setToolTip(EXPLANATION if self.grid.image_count else "")
        self.grid.setToolTip(EXPLANATION if self.grid.image_count else "")

    def clear(self) -> None:
        self.grid.clear()
        self.title.clear()
        self.title.hide()
        self.message.hide()
        self.title_text = ""
        self.updates = 0


register_preview(
    "forecast", QT_TRANSLATE_NOOP("ResultViews", "Forecast"), ForecastPreview
)
register_preview(
    "reconstruction",
    QT_TRANSLATE_NOOP("ResultViews", "Reconstructions"),
    ReconstructionPreview,
)
register_preview(
    "samples", QT_TRANSLATE_NOOP("ResultViews", "Generated samples"), SamplesPreview
)
