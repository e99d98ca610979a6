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
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from designer.ui.training.plots import (
    FAINT_ALPHA,
    MAX_PAST_RUNS,
    _detach,
    _pen,
    _Series,
    _StableRange,
    _style_plot,
)

PROBABILITY_TERMS = frozenset({"d_real", "d_fake", "val_d_real", "val_d_fake"})


@dataclass(frozen=True)
class TermStyle:
    label: str
    color: str
    training: bool = False  # a mean over the epoch's training steps (thinner, no markers)
    baseline: bool = False  # a bar to beat (dashed grey-ish, no markers)


TERM_STYLES: dict[str, TermStyle] = {
    # VAE
    "train_reconstruction": TermStyle("reconstruction (training)", "#1f5fbf", training=True),
    "train_kl": TermStyle("KL (training)", "#e8590c", training=True),
    "reconstruction": TermStyle("reconstruction", "#1f5fbf"),
    "kl": TermStyle("KL divergence", "#e8590c"),
    "neg_elbo": TermStyle("−ELBO (reconstruction + KL)", "#343a40"),
    # GAN
    "d_loss": TermStyle("discriminator loss", "#c2255c"),
    "g_loss": TermStyle("generator loss", "#1971c2"),
    "d_real": TermStyle("D(x): real samples", "#2b8a3e"),
    "d_fake": TermStyle("D(G(z)): generated samples", "#7048e8"),
    "val_d_real": TermStyle("D(x), validation", "#2b8a3e", training=True),
    "val_d_fake": TermStyle("D(G(z)), validation", "#7048e8", training=True),
    # forecasting, reconstruction, regression
    "val_mse": TermStyle("mean squared error", "#1f5fbf"),
    "mse": TermStyle("mean squared error", "#1f5fbf"),
    "mae": TermStyle("mean absolute error", "#0c8599"),
    "baseline_mse": TermStyle("baseline's mean squared error", "#868e96", baseline=True),
}
FALLBACK_COLORS = ("#d6336c", "#5c940d", "#f08c00", "#3bc9db", "#9c36b5", "#495057")


def term_style(name: str, index: int = 0) -> TermStyle:
    """How the term ``name`` is drawn and labelled (unknown names get a colour of their own)."""
    style = TERM_STYLES.get(name)
    if style is not None:
        return style
    return TermStyle(name.replace("_", " "), FALLBACK_COLORS[index % len(FALLBACK_COLORS)])


def _current_pen(style: TermStyle):
    if style.baseline:
        return _pen(style.color, 2.0, 230, Qt.PenStyle.DashLine)
    return _pen(style.color, 1.6 if style.training else 2.4, 150 if style.training else 255)


def _markers(style: TermStyle) -> dict:
    """Filled dots for validation terms, hollow ones for training means and baselines
    (every curve has markers, so a one-epoch run still shows its values)."""
    if style.training or style.baseline:
        return {"symbol": "s" if style.baseline else "o", "symbolSize": 6, "symbolBrush": "w",
                "symbolPen": _pen(style.color, 1.4)}
    return {"symbol": "o", "symbolSize": 7, "symbolBrush": style.color, "symbolPen": None}


class LossTermsPlot(QWidget):
    """Two plots sharing the epoch axis: the loss terms, and the discriminator's verdicts (GANs only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground("w")
        self._view.ci.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

        self.terms_plot: pg.PlotItem = pg.PlotItem()
        self.probability_plot: pg.PlotItem = pg.PlotItem()
        _style_plot(self.terms_plot, "Loss terms per epoch", "value")
        _style_plot(self.probability_plot, "Discriminator: mean probability of “real”", "probability")
        self.probability_plot.setYRange(0.0, 1.0, padding=0.02)
        self.probability_plot.getAxis("left").setTicks(
            [[(v, f"{v:g}") for v in (0.0, 0.25, 0.5, 0.75, 1.0)], [(v / 20, "") for v in range(21)]]
        )
        self.probability_plot.addLine(y=0.5, pen=_pen("#adb5bd", 1.0, 255, Qt.PenStyle.DotLine))
        self.probability_plot.setXLink(self.terms_plot)
        for plot in (self.terms_plot, self.probability_plot):
            plot.addLegend(offset=(-8, 8), labelTextSize="9pt", labelTextColor="#333", brush=pg.mkBrush(255, 255, 255, 215))
        self._view.ci.addItem(self.terms_plot, row=0, col=0)
        self._probabilities_shown = False
        self.terms_range = _StableRange(self.terms_plot)
        self._epochs = 0
        self.series: dict[str, _Series] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._past: list[list[pg.PlotDataItem]] = []
        self._dirty = False

    # -- runs -------------------------------------------------------------------
    def set_epochs(self, epochs: int) -> None:
        self._epochs = max(1, int(epochs))
        self.terms_plot.setXRange(0.0, float(self._epochs), padding=0.01)

    def start_run(self, epochs: int | None = None) -> None:
        """Fade this run's curves (if any) behind the next run's."""
        self.terms_range.reset()
        if epochs:
            self.set_epochs(epochs)
        faded: list[pg.PlotDataItem] = []
        for name, curve in self.curves.items():
            self._legend_of(name).removeItem(curve)
            if len(self.series[name]):
                style = term_style(name)
                curve.setPen(_pen(style.color, 1.3, FAINT_ALPHA, Qt.PenStyle.DashLine))
                curve.setSymbol(None)
                curve.setZValue(-10)
                faded.append(curve)
            else:
                _detach(curve)
        if faded:
            self._past.append(faded)
        while len(self._past) > MAX_PAST_RUNS:
            for curve in self._past.pop(0):
                _detach(curve)
        self.series.clear()
        self.curves.clear()

    def clear_history(self) -> None:
        """Forget every run, past and current."""
        self.start_run()
        for items in self._past:
            for curve in items:
                _detach(curve)
        self._past.clear()

    @property
    def past_run_count(self) -> int:
        return len(self._past)

    @property
    def has_terms(self) -> bool:
        return bool(self.series)

    @property
    def shows_probabilities(self) -> bool:
        return self._probabilities_shown

    def curve_labels(self) -> dict[str, str]:
        """Each current term's name → its label in the legend."""
        return {name: term_style(name).label for name in self.curves}

    # -- data -------------------------------------------------------------------
    def add_epoch(self, epoch: float, terms: dict[str, float] | None) -> None:
        """One epoch's terms; a term seen for the first time gets its curve."""
        for name, value in (terms or {}).items():
            if name not in self.series:
                self._add_curve(name)
            self.series[name].add(epoch, value)
        self._dirty = bool(terms) or self._dirty

    def _legend_of(self, name: str) -> pg.LegendItem:
        plot = self.probability_plot if name in PROBABILITY_TERMS else self.terms_plot
        return plot.legend

    def _add_curve(self, name: str) -> None:
        style = term_style(name, len(self.series))
        plot = self.terms_plot
        if name in PROBABILITY_TERMS:
            plot = self.probability_plot
            self._show_probabilities()
        self.series[name] = _Series()
        self.curves[name] = plot.plot(pen=_current_pen(style), antialias=True, name=style.label, **_markers(style))

    def _show_probabilities(self) -> None:
        if self._probabilities_shown:
            return
        self._probabilities_shown = True
        self._view.ci.addItem(self.probability_plot, row=1, col=0)
        grid = self._view.ci.layout
        grid.setRowStretchFactor(0, 3)
        grid.setRowStretchFactor(1, 2)

    def redraw(self) -> None:
        """Push the collected points to the curves."""
        if not self._dirty:
            return
        self._dirty = False
        values: list[float] = []
        for name, series in self.series.items():
            if len(series):
                self.curves[name].setData(*series.arrays())
                if name not in PROBABILITY_TERMS:
                    values += series.y
        if values:
            self.terms_range.fit(min(values), max(values))
