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
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

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


def text_size(widget: QWidget, delta: float = 0.0) -> str:
    """The widget's font size plus ``delta`` points, for pyqtgraph texts (which ignore Qt's fonts)."""
    points = widget.font().pointSizeF()
    return f"{max(7.0, (points if points > 0 else 10.0) + delta):g}pt"


@dataclass(frozen=True)
class TermStyle:
    label: str
    color: str
    training: bool = (
        False  # a mean over the epoch's training steps (thinner, no markers)
    )
    baseline: bool = False  # a bar to beat (dashed grey-ish, no markers)


TERM_STYLES: dict[str, TermStyle] = {
    # VAE
    "train_reconstruction": TermStyle(
        "reconstruction (training)", "#1f5fbf", training=True
    ),
    "train_kl": TermStyle("KL (training)", "#e8590c", training=True),
    "reconstruction": TermStyle("reconstruction", "#1f5fbf"),
    "kl": TermStyle("KL divergence", "#e8590c"),
    "neg_elbo": TermStyle("−ELBO (reconstruction + KL)", "#343a40"),
    # GAN
    "d_loss": TermStyle("discriminator loss", "#c2255c"),
    "g_loss": TermStyle("generator loss", "#1971c2"),
    "d_real": TermStyle("D(x), real", "#2b8a3e"),
    "d_fake": TermStyle("D(G(z)), generated", "#7048e8"),
    "val_d_real": TermStyle("D(x), validation", "#2b8a3e", training=True),
    "val_d_fake": TermStyle("D(G(z)), validation", "#7048e8", training=True),
    # forecasting, reconstruction, regression
    "val_mse": TermStyle("mean squared error", "#1f5fbf"),
    "mse": TermStyle("mean squared error", "#1f5fbf"),
    "mae": TermStyle("mean absolute error", "#0c8599"),
    "baseline_mse": TermStyle(
        "baseline to beat (mean squared error)", "#868e96", baseline=True
    ),
}
MAX_MARKED_EPOCHS = 30
LOG_RATIO = 30.0  # terms this far apart get a log axis
FALLBACK_COLORS = ("#d6336c", "#5c940d", "#f08c00", "#3bc9db", "#9c36b5", "#495057")


def term_style(name: str, index: int = 0) -> TermStyle:
    """How the term ``name`` is drawn and labelled (unknown names get a colour of their own)."""
    style = TERM_STYLES.get(name)
    if style is not None:
        return style
    return TermStyle(
        name.replace("_", " "), FALLBACK_COLORS[index % len(FALLBACK_COLORS)]
    )


def _current_pen(style: TermStyle):
    if style.baseline:
        return _pen(style.color, 2.0, 230, Qt.PenStyle.DashLine)
    return _pen(
        style.color, 1.6 if style.training else 2.4, 150 if style.training else 255
    )


def _markers(style: TermStyle) -> dict:
    """Filled dots for validation terms, hollow ones for training means and baselines
    (every curve has markers, so a one-epoch run still shows its values)."""
    if style.training or style.baseline:
        return {
            "symbol": "s" if style.baseline else "o",
            "symbolSize": 6,
            "symbolBrush": "w",
            "symbolPen": _pen(style.color, 1.4),
        }
    return {
        "symbol": "o",
        "symbolSize": 7,
        "symbolBrush": style.color,
        "symbolPen": None,
    }


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
        self._view.setBackground("w")
        self._view.ci.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

        self.terms_plot: pg.PlotItem = pg.PlotItem()
        self.probability_plot: pg.PlotItem = pg.PlotItem()
        _style_plot(self.terms_plot, "Loss terms and metrics", "value")
        _style_plot(
            self.probability_plot, "Discriminator's mean P(real)", "probability"
        )
        self.probability_plot.setYRange(0.0, 1.0, padding=0.02)
        self.probability_plot.getAxis("left").setTicks(
            [
                [(v, f"{v:g}") for v in (0.0, 0.25, 0.5, 0.75, 1.0)],
                [(v / 20, "") for v in range(21)],
            ]
        )
        self.probability_plot.addLine(
            y=0.5, pen=_pen("#adb5bd", 1.0, 255, Qt.PenStyle.DotLine)
        )
        self.probability_plot.setXLink(self.terms_plot)
        self.legend = pg.LegendItem(
            labelTextSize=text_size(self, -1),
            labelTextColor="#333",
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
        self._past: list[dict[str, pg.PlotDataItem]] = []
        self._dirty = False

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
        self.terms_plot.setLabel(
            "bottom", "epoch" if wide or not self._probabilities_shown else ""
        )
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
        self.terms_plot.setXRange(0.0, float(self._epochs), padding=0.01)

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
        faded: dict[str, pg.PlotDataItem] = {}
        for name, curve in self.curves.items():
            self.legend.removeItem(curve)
            if len(self.series[name]):
                style = term_style(name)
                curve.setPen(_pen(style.color, 1.3, FAINT_ALPHA, Qt.PenStyle.DashLine))
                curve.setSymbol(None)
                curve.setZValue(-10)
                faded[name] = curve
            else:
                _detach(curve)
        if faded:
            self._past.append(faded)
        while len(self._past) > MAX_PAST_RUNS:
            for curve in self._past.pop(0).values():
                _detach(curve)
        for run in self._past:
            for curve in run.values():
                curve.setVisible(False)
        self.series.clear()
        self.curves.clear()
        if self._probabilities_shown:
            self._probabilities_shown = False
            self._rearrange()

    def clear_history(self) -> None:
        """Forget every run, past and current."""
        self.start_run()
        for run in self._past:
            for curve in run.values():
                _detach(curve)
        self._past.clear()

    @property
    def past_run_count(self) -> int:
        return len(self._past)

    def visible_past_curves(self) -> int:
        return sum(curve.isVisible() for run in self._past for curve in run.values())

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
                for curve in run.values():
                    curve.setVisible(set(run) == names)

    def _add_curve(self, name: str) -> None:
        style = term_style(name, len(self.series))
        plot = self.terms_plot
        if name in PROBABILITY_TERMS:
            plot = self.probability_plot
            self._show_probabilities()
        self.series[name] = _Series()
        curve = plot.plot(pen=_current_pen(style), antialias=True, **_markers(style))
        self.curves[name] = curve
        self.legend.addItem(curve, style.label)
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
        self.terms_plot.setLabel("left", "value (log scale)" if log else "value")
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
