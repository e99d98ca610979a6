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
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from designer.ui.language import LanguageFollower
from designer.ui.plurals import plural_form
from designer.ui.theme import ThemeColors, current_theme, follow_theme
from designer.ui.training.image_grid import ImageGrid
from designer.ui.training.plot_style import pen, theme_plot, theme_plots
from designer.ui.training.previews import caption_label, register_preview
from designer.ui.training.reconstruction_preview import ReconstructionPreview
from designer.ui.training.terms_plot import text_size

# Series colours (SeriesColors fields) of the forecast plots.
HISTORY = "ink"
TRUTH = "green"
FORECAST = "orange"
MAX_FORECAST_PLOTS = 6
CONTEXT = "TaskPreviews"


def _tr(text: str) -> str:
    """A text marked ``QT_TRANSLATE_NOOP("TaskPreviews", …)``, translated."""
    return QCoreApplication.translate(CONTEXT, text)


EXPLANATION = QT_TRANSLATE_NOOP(
    "TaskPreviews",
    "The same inputs every epoch, so each tile shows one input's output changing as "
    "the network learns.",
)
EMPTY_FORECAST = QT_TRANSLATE_NOOP(
    "TaskPreviews",
    "Forecasts for a few validation windows appear after the first epoch.",
)


def _legend_html(theme: ThemeColors) -> str:
    history, truth, forecast = (
        getattr(theme.series, role) for role in (HISTORY, TRUTH, FORECAST)
    )
    saw, came, forecasted = (
        html.escape(_tr(text))
        for text in (
            QT_TRANSLATE_NOOP("TaskPreviews", "what the network saw"),
            QT_TRANSLATE_NOOP("TaskPreviews", "what came next"),
            QT_TRANSLATE_NOOP("TaskPreviews", "its forecast"),
        )
    )
    return (
        f"<span style='color:{history}'>━━</span> {saw} &nbsp;&nbsp; "
        f"<span style='color:{truth}'>━●</span> {came} &nbsp;&nbsp; "
        f"<span style='color:{forecast}'>╍◆</span> {forecasted}"
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
class ForecastPreview(LanguageFollower, QWidget):
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
        self.caption = caption_label()
        self._caption: Callable[[], str] = lambda: _tr(EMPTY_FORECAST)
        self._caption_tip: Callable[[], str] = str
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
        self.retranslate()

    def retranslate(self) -> None:
        self.legend.setText(_legend_html(self.theme))
        self._set_caption(self._caption, self._caption_tip)
        if self._data is not None:
            self._grid = (0, 0)  # the plots again, with their titles and axis
            self._draw()

    def _set_caption(
        self, text: Callable[[], str], tip: Callable[[], str] = str
    ) -> None:
        self._caption, self._caption_tip = text, tip
        self.caption.setText(text())
        self.caption.setToolTip(tip())

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
        self._set_caption(lambda: _tr(EMPTY_FORECAST))

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
            problem = str(error)
            self._set_caption(
                lambda: html.escape(
                    self.tr("The forecast cannot be drawn: {0}.").format(problem)
                )
            )
            return
        if len(history) == 0:
            self.clear()
            return
        self._data = (history, truth, prediction)
        self._draw()
        self.mse = float(np.mean((prediction - truth) ** 2))
        self.baseline_mse = float(np.mean((history[:, -1:] - truth) ** 2))
        mse, baseline, better = (
            self.mse,
            self.baseline_mse,
            self.mse < self.baseline_mse,
        )
        windows, steps, horizon = len(history), history.shape[1], truth.shape[1]

        def caption() -> str:
            text = (
                self.tr(
                    "Mean squared error <b>{0}</b> over {1} windows: better than "
                    "repeating the last value ({2})."
                )
                if better
                else self.tr(
                    "Mean squared error <b>{0}</b> over {1} windows: not yet better "
                    "than repeating the last value ({2})."
                )
            )
            return text.format(f"{mse:.3g}", windows, f"{baseline:.3g}")

        def tip() -> str:
            ahead = plural_form(
                self.tr("forecasting %n step(s) ahead", "", horizon), horizon
            )
            return self.tr(
                "Validation windows of {0} steps, {1}. A forecast that does not beat "
                "repeating the window's last value has learnt nothing yet."
            ).format(steps, ahead)

        self._set_caption(caption, tip)

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
                self.tr("window {0}: error² {1}").format(index + 1, f"{error:.2g}"),
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
            plot.setLabel("bottom", self.tr("steps from now"))
        if index % columns:
            plot.getAxis("left").setStyle(showValues=False)
            plot.getAxis("left").setWidth(8)
        else:
            plot.getAxis("left").setWidth(44)


# == generated samples ==============================================================
class SamplesPreview(LanguageFollower, QWidget):
    """A grid of generated images under a title, replaced every epoch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setObjectName("plotLegend")
        self.title.setWordWrap(True)
        self.grid = ImageGrid(tile=48)
        self.message = caption_label()
        self._message: Callable[[], str] = str
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
        self.retranslate()

    def retranslate(self) -> None:
        self.grid.set_empty_text(
            self.tr("Generated samples appear after the first epoch.")
        )
        self.message.setText(self._message())
        self._show_explanation()

    def _show_explanation(self) -> None:
        explanation = _tr(EXPLANATION) if self.grid.image_count else ""
        self.title.setToolTip(explanation)
        self.grid.setToolTip(explanation)

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
            problem = str(error)
            self._message = lambda: html.escape(
                self.tr("The samples cannot be drawn: {0}.").format(problem)
            )
            self.message.setText(self._message())
            self.message.show()
            return
        self.message.hide()
        self.updates += 1
        self.title_text = title
        self.title.setText(f"<b>{html.escape(title)}</b>")
        self.title.setVisible(bool(title))
        self._show_explanation()

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
