"""Per-epoch loss terms and task metrics (``EpochMetrics.extra``), one curve each.

A VAE's reconstruction error, KL divergence and −ELBO; a GAN's discriminator
and generator losses; a forecaster's error next to its naive baseline.  The
discriminator's mean verdicts D(x) and D(G(z)) are probabilities, so they get a
second plot of their own with a fixed 0..1 axis (and a dotted line at 0.5,
where a perfectly fooled discriminator would sit).

As in :mod:`~designer.ui.training.plots`, earlier runs of the session stay
behind as faint dashed curves.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from designer.ui.theme import ThemeColors, current_theme, follow_theme
from designer.ui.training.plot_style import (
    VIEW_PADDING,
    epoch_plot,
    pen,
    relabel_legend,
    theme_legend,
    theme_plots,
    title,
)
from designer.ui.training.plots import (
    FAINT_ALPHA,
    MAX_PAST_RUNS,
    _detach,
    _Series,
    _StableRange,
    _style_plot,
    epoch_axis_title,
    series_color,
)
from designer.ui.training.texts import translated_metric

PROBABILITY_TERMS = frozenset({"d_real", "d_fake", "val_d_real", "val_d_fake"})


def text_size(widget: QWidget, delta: float = 0.0) -> str:
    """The widget's font size plus ``delta`` points, for pyqtgraph texts (which ignore Qt's fonts)."""
    points = widget.font().pointSizeF()
    return f"{max(7.0, (points if points > 0 else 10.0) + delta):g}pt"


@dataclass(frozen=True)
class TermStyle:
    label: str
    color: str  # a SeriesColors field: the colour follows the theme
    training: bool = (
        False  # a mean over the epoch's training steps (thinner, no markers)
    )
    baseline: bool = False  # a bar to beat (dashed grey-ish, no markers)


TERM_STYLES: dict[str, TermStyle] = {
    # VAE
    "train_reconstruction": TermStyle(
        QT_TRANSLATE_NOOP("Metric", "reconstruction (training)"), "blue", training=True
    ),
    "train_kl": TermStyle(
        QT_TRANSLATE_NOOP("Metric", "KL (training)"), "orange", training=True
    ),
    "reconstruction": TermStyle(QT_TRANSLATE_NOOP("Metric", "reconstruction"), "blue"),
    "kl": TermStyle(QT_TRANSLATE_NOOP("Metric", "KL divergence"), "orange"),
    "neg_elbo": TermStyle(
        QT_TRANSLATE_NOOP("Metric", "−ELBO (reconstruction + KL)"), "ink"
    ),
    # GAN
    "d_loss": TermStyle(QT_TRANSLATE_NOOP("Metric", "discriminator loss"), "crimson"),
    "g_loss": TermStyle(QT_TRANSLATE_NOOP("Metric", "generator loss"), "blue"),
    "d_real": TermStyle(QT_TRANSLATE_NOOP("Metric", "D(x), real"), "green"),
    "d_fake": TermStyle(QT_TRANSLATE_NOOP("Metric", "D(G(z)), generated"), "violet"),
    "val_d_real": TermStyle(
        QT_TRANSLATE_NOOP("Metric", "D(x), validation"), "green", training=True
    ),
    "val_d_fake": TermStyle(
        QT_TRANSLATE_NOOP("Metric", "D(G(z)), validation"), "violet", training=True
    ),
    # forecasting, reconstruction, regression
    "val_mse": TermStyle(QT_TRANSLATE_NOOP("Metric", "mean squared error"), "blue"),
    "mse": TermStyle(QT_TRANSLATE_NOOP("Metric", "mean squared error"), "blue"),
    "mae": TermStyle(QT_TRANSLATE_NOOP("Metric", "mean absolute error"), "teal"),
    "baseline_mse": TermStyle(
        QT_TRANSLATE_NOOP("Metric", "baseline to beat (mean squared error)"),
        "grey",
        baseline=True,
    ),
}
MAX_MARKED_EPOCHS = 30
LOG_RATIO = 30.0  # terms this far apart get a log axis
FALLBACK_COLORS = ("pink", "olive", "amber", "cyan", "purple", "grey")


def term_style(name: str, index: int = 0) -> TermStyle:
    """How the term ``name`` is drawn and labelled (unknown names get a colour of their own)."""
    style = TERM_STYLES.get(name)
    if style is not None:
        return style
    return TermStyle(
        name.replace("_", " "), FALLBACK_COLORS[index % len(FALLBACK_COLORS)]
    )


def metric_name(name: str) -> str:
    """A loss term's or metric's name for people, in the interface language."""
    return translated_metric(term_style(name).label)


def _current_pen(style: TermStyle, theme: ThemeColors):
    color = series_color(theme, style.color)
    if style.baseline:
        return pen(color, 2.0, 230, Qt.PenStyle.DashLine)
    return pen(color, 1.6 if style.training else 2.4, 150 if style.training else 255)


def _markers(style: TermStyle, theme: ThemeColors) -> dict:
    """Filled dots for validation terms, hollow ones for training means and baselines
    (every curve has markers, so a one-epoch run still shows its values)."""
    color = series_color(theme, style.color)
    if style.training or style.baseline:
        return {
            "symbol": "s" if style.baseline else "o",
            "symbolSize": 6,
            "symbolBrush": theme.plot_background,
            "symbolPen": pen(color, 1.4),
        }
    return {"symbol": "o", "symbolSize": 7, "symbolBrush": color, "symbolPen": None}


def _faint_pen(style: TermStyle, theme: ThemeColors):
    return pen(series_color(theme, style.color), 1.3, FAINT_ALPHA, Qt.PenStyle.DashLine)


class LossTermsPlot(QWidget):
    """The loss terms, and (GANs only) the discriminator's verdicts on a second plot.

    In a wide, low dock the plots sit side by side with the legend as a column
    at the right; otherwise they are stacked under the legend laid out in
    rows.  Either way no legend hides a curve.  When the terms
    differ by more than :data:`LOG_RATIO` (a VAE's reconstruction error against
    its KL divergence) the terms axis turns logarithmic, so every curve stays
    readable.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = pg.GraphicsLayoutWidget()
        self._view.ci.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

        self.terms_plot: pg.PlotItem = epoch_plot()
        self.probability_plot: pg.PlotItem = epoch_plot()
        _style_plot(self.terms_plot, "", "")
        _style_plot(self.probability_plot, "", "")
        self.probability_plot.setYRange(0.0, 1.0, padding=VIEW_PADDING)
        self.probability_plot.getAxis("left").setTicks(
            [
                [(v, f"{v:g}") for v in (0.0, 0.25, 0.5, 0.75, 1.0)],
                [(v / 20, "") for v in range(21)],
            ]
        )
        self.half_line = self.probability_plot.addLine(y=0.5)
        self.probability_plot.setXLink(self.terms_plot)
        self.legend = pg.LegendItem(
            labelTextSize=text_size(self, -1),
            frame=False,
            horSpacing=18,
            verSpacing=-4,
        )
        # As small as its entries: a legend stretched to the plot's height spreads them apart.
        self.legend.setSizePolicy(
            QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum
        )
        self._probabilities_shown = False
        self._wide: bool | None = None
        self._arrange(wide=False)
        self.terms_range = _StableRange(self.terms_plot)
        self.log_scale = False
        self._epochs = 0
        self.series: dict[str, _Series] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.styles: dict[str, TermStyle] = {}
        # Faded runs: term name → (curve, how it was drawn).
        self._past: list[dict[str, tuple[pg.PlotDataItem, TermStyle]]] = []
        self._dirty = False
        self.theme: ThemeColors = current_theme()
        follow_theme(self._restyle)
        self.retranslate()

    def retranslate(self) -> None:
        """Titles, axes and the legend in the interface language."""
        title(self.terms_plot, self.tr("Loss terms and metrics"), self.theme)
        title(
            self.probability_plot, self.tr("Discriminator's mean P(real)"), self.theme
        )
        self.probability_plot.setLabel("left", self.tr("probability"))
        self.probability_plot.setLabel("bottom", epoch_axis_title())
        self._show_terms_axis()
        self._show_epoch_axis()
        relabel_legend(
            self.legend,
            {curve: metric_name(name) for name, curve in self.curves.items()},
        )

    def _show_terms_axis(self) -> None:
        self.terms_plot.setLabel(
            "left", self.tr("value (log scale)") if self.log_scale else self.tr("value")
        )

    def _show_epoch_axis(self) -> None:
        shown = self._wide or not self._probabilities_shown
        self.terms_plot.setLabel("bottom", epoch_axis_title() if shown else "")

    def _restyle(self, theme: ThemeColors) -> None:
        """Background, axes, legend and every curve in the app's theme."""
        self.theme = theme
        theme_plots(self._view, theme, self.terms_plot, self.probability_plot)
        theme_legend(self.legend, theme)
        self.half_line.setPen(pen(theme.series.guide, 1.0, style=Qt.PenStyle.DotLine))
        for name, curve in self.curves.items():
            style = self.styles[name]
            curve.setPen(_current_pen(style, theme))
            markers = _markers(style, theme)
            curve.setSymbolBrush(markers["symbolBrush"])
            curve.setSymbolPen(markers["symbolPen"])
        for run in self._past:
            for curve, style in run.values():
                curve.setPen(_faint_pen(style, theme))

    # -- layout -------------------------------------------------------------------
    def _arrange(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        items = self._view.ci
        plots = (
            (self.terms_plot, self.probability_plot)
            if self._probabilities_shown
            else (self.terms_plot,)
        )
        for item in (self.terms_plot, self.probability_plot, self.legend):
            if item in items.items:
                items.removeItem(item)
        grid = items.layout
        for index in range(3):
            grid.setRowStretchFactor(index, 0)
            grid.setColumnStretchFactor(index, 0)
        if wide:
            for col, (plot, stretch) in enumerate(zip(plots, (3, 2), strict=False)):
                items.addItem(plot, row=0, col=col)
                grid.setColumnStretchFactor(col, stretch)
            items.addItem(self.legend, row=0, col=len(plots))
            grid.setAlignment(
                self.legend, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            )
            grid.setRowStretchFactor(0, 1)
        else:
            items.addItem(self.legend, row=0, col=0)
            grid.setAlignment(
                self.legend, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
            )
            for row, (plot, stretch) in enumerate(
                zip(plots, (3, 2), strict=False), start=1
            ):
                items.addItem(plot, row=row, col=0)
                grid.setRowStretchFactor(row, stretch)
            grid.setColumnStretchFactor(0, 1)
        self._show_epoch_axis()
        self._fit_legend()

    def _fit_legend(self) -> None:
        """One column beside the plots; above them, as many columns as the width holds (~200 px each)."""
        columns = (
            1
            if self._wide
            else max(1, min(len(self.legend.items) or 1, self.width() // 200))
        )
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() == QEvent.Type.FontChange:  # "Larger Text" switched on or off
            self.legend.setLabelTextSize(text_size(self, -1))
            for _sample, label in self.legend.items:
                label.setText(label.text, size=text_size(self, -1))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange(wide=self.width() > 1.6 * max(self.height(), 1))
        self._fit_legend()

    @property
    def side_by_side(self) -> bool:
        return bool(self._wide) and self._probabilities_shown

    # -- runs -------------------------------------------------------------------
    def set_epochs(self, epochs: int) -> None:
        self._epochs = max(1, int(epochs))
        self.terms_plot.setXRange(0.0, float(self._epochs), padding=VIEW_PADDING)

    def start_run(self, epochs: int | None = None) -> None:
        """Fade this run's curves (if any) behind the next run's.

        Faded runs show only behind a later run with the same terms, so a GAN
        run is not cluttered with an earlier VAE's curves (nor a forecaster's
        baseline with an autoencoder's).
        """
        self.terms_range.reset()
        self._set_log_scale(False)
        if epochs:
            self.set_epochs(epochs)
        faded: dict[str, tuple[pg.PlotDataItem, TermStyle]] = {}
        for name, curve in self.curves.items():
            self.legend.removeItem(curve)
            if len(self.series[name]):
                style = self.styles[name]
                curve.setPen(_faint_pen(style, self.theme))
                curve.setSymbol(None)
                curve.setZValue(-10)
                faded[name] = (curve, style)
            else:
                _detach(curve)
        if faded:
            self._past.append(faded)
        while len(self._past) > MAX_PAST_RUNS:
            for curve, _style in self._past.pop(0).values():
                _detach(curve)
        for run in self._past:
            for curve, _style in run.values():
                curve.setVisible(False)
        self.series.clear()
        self.curves.clear()
        self.styles.clear()
        if self._probabilities_shown:
            self._probabilities_shown = False
            self._rearrange()

    def clear_history(self) -> None:
        """Forget every run, past and current."""
        self.start_run()
        for run in self._past:
            for curve, _style in run.values():
                _detach(curve)
        self._past.clear()

    @property
    def past_run_count(self) -> int:
        return len(self._past)

    def visible_past_curves(self) -> int:
        return sum(
            curve.isVisible() for run in self._past for curve, _style in run.values()
        )

    @property
    def has_terms(self) -> bool:
        return bool(self.series)

    @property
    def shows_probabilities(self) -> bool:
        return self._probabilities_shown

    def curve_labels(self) -> dict[str, str]:
        """Each current term's name → its label in the legend."""
        return {name: term_style(name).label for name in self.curves}

    def legend_labels(self) -> list[str]:
        return [label.text for _sample, label in self.legend.items]

    # -- data -------------------------------------------------------------------
    def add_epoch(self, epoch: float, terms: dict[str, float] | None) -> None:
        """One epoch's terms; a term seen for the first time gets its curve."""
        for name, value in (terms or {}).items():
            if name not in self.series:
                self._add_curve(name)
            self.series[name].add(epoch, value)
        if terms:
            self._dirty = True
            names = set(self.series)
            for run in self._past:
                for curve, _style in run.values():
                    curve.setVisible(set(run) == names)

    def _add_curve(self, name: str) -> None:
        style = term_style(name, len(self.series))
        plot = self.terms_plot
        if name in PROBABILITY_TERMS:
            plot = self.probability_plot
            self._show_probabilities()
        self.series[name] = _Series()
        curve = plot.plot(
            pen=_current_pen(style, self.theme),
            antialias=True,
            **_markers(style, self.theme),
        )
        self.curves[name] = curve
        self.styles[name] = style
        self.legend.addItem(curve, translated_metric(style.label))
        self._fit_legend()

    def _show_probabilities(self) -> None:
        if self._probabilities_shown:
            return
        self._probabilities_shown = True
        self._rearrange()

    def _rearrange(self) -> None:
        wide = bool(self._wide)
        self._wide = None
        self._arrange(wide)

    def _set_log_scale(self, log: bool) -> None:
        if log == self.log_scale:
            return
        self.log_scale = log
        self.terms_plot.setLogMode(y=log)
        self._show_terms_axis()
        if log:
            self.terms_plot.enableAutoRange(axis="y")
        else:
            self.terms_range.reset()

    def redraw(self) -> None:
        """Push the collected points to the curves."""
        if not self._dirty:
            return
        self._dirty = False
        values: list[float] = []
        for name, series in self.series.items():
            if len(series):
                curve = self.curves[name]
                if len(series) > MAX_MARKED_EPOCHS and curve.opts["symbol"] is not None:
                    curve.setSymbol(
                        None
                    )  # dots on every epoch of a long run would be clutter
                curve.setData(*series.arrays())
                if name not in PROBABILITY_TERMS:
                    values += series.y
        if not values:
            return
        low, high = min(values), max(values)
        if not self.terms_range.user_controlled:
            self._set_log_scale(low > 0 and high / low > LOG_RATIO)
        if not self.log_scale:
            self.terms_range.fit(low, high)
