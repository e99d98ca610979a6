"""How every pyqtgraph plot of the training views looks, in the app's theme.

pyqtgraph ignores Qt's stylesheet, so its background, axes, titles and legends
are coloured here from :mod:`designer.ui.theme_colors`; a view calls
:func:`theme_plots` from the method it hands to
:func:`~designer.ui.theme.follow_theme`, so the plots switch with View ▸ Dark
theme.  :class:`EpochAxis` counts whole epochs only.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from designer.ui.theme import current_point_size, qcolor
from designer.ui.theme_colors import ThemeColors

# Share of the view range left free around the data, so the markers of the first
# and last points (and of values at the top of a fixed range) are drawn whole.
VIEW_PADDING = 0.04
TITLE_SIZE = "10pt"


def pen(
    color: str,
    width: float = 2.0,
    alpha: int | None = None,
    style: Qt.PenStyle = Qt.PenStyle.SolidLine,
):
    """A cosmetic pen in a theme colour, optionally with its alpha replaced."""
    qc = qcolor(color)
    if alpha is not None:
        qc.setAlpha(alpha)
    return pg.mkPen(qc, width=width, style=style)


def brush(color: str, alpha: int | None = None):
    qc = qcolor(color)
    if alpha is not None:
        qc.setAlpha(alpha)
    return pg.mkBrush(qc)


class EpochAxis(pg.AxisItem):
    """An x axis of epochs: ticks and labels at whole epochs only (no "1.5")."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        levels = []
        for spacing, values in super().tickValues(minVal, maxVal, size):
            if spacing < 1:
                continue
            whole = [v for v in values if abs(v - round(v)) < 1e-9]
            if whole:
                levels.append((spacing, whole))
        if not levels:
            first, last = math.ceil(minVal), math.floor(maxVal)
            if last >= first:
                levels = [(1.0, [float(v) for v in range(first, last + 1)])]
        return levels

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [str(round(v * scale)) for v in values]


def epoch_plot() -> pg.PlotItem:
    """A PlotItem whose bottom axis is an :class:`EpochAxis`."""
    return pg.PlotItem(axisItems={"bottom": EpochAxis("bottom")})


def legend_size() -> str:
    """The legends' text size: 8 pt, growing with Larger Text and when presenting."""
    return f"{max(8, current_point_size() - 2)}pt"


def theme_legend(legend: pg.LegendItem, theme: ThemeColors) -> None:
    legend.setBrush(brush(theme.plot_legend))
    legend.setLabelTextColor(qcolor(theme.plot_foreground))
    size = legend_size()
    resized = legend.opts["labelTextSize"] != size
    legend.setLabelTextSize(size)
    for _sample, label in legend.items:
        label.setText(label.text)  # re-render with the new colour (and size)
    if resized:
        # Lay the legend out now: a layout left for later would move the legend
        # after a closing plot's view box is gone, and pyqtgraph's anchor would
        # then ask the deleted box for its bounds.
        legend.layout.activate()
        legend.updateSize()


def title_size() -> str:
    """The plot titles' size: 10 pt, larger with Larger Text and when presenting."""
    return f"{max(10, current_point_size())}pt"


def theme_plot(plot: pg.PlotItem, theme: ThemeColors) -> None:
    """Axes, tick labels, axis titles, the plot title and the legend in ``theme``,
    with text that grows with the app's text size (presentation mode)."""
    tick_font = QFont()
    tick_font.setPointSizeF(max(8.0, current_point_size() - 2.0))
    for side in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(side)
        axis.setPen(pen(theme.plot_axis, 1.0))
        axis.setTextPen(pen(theme.plot_foreground, 1.0))
        axis.setTickFont(tick_font)
        axis.label.setFont(tick_font)
    title = plot.titleLabel
    if title.text:
        title.setText(title.text, color=theme.plot_foreground, size=title_size())
    else:
        title.setAttr("color", theme.plot_foreground)
    if plot.legend is not None:
        theme_legend(plot.legend, theme)


def theme_plots(
    widget: pg.GraphicsView, theme: ThemeColors, *plots: pg.PlotItem
) -> None:
    """The background of a plot widget, and ``plots`` (shown in it or not) in ``theme``."""
    widget.setBackground(qcolor(theme.plot_background))
    for plot in plots:
        theme_plot(plot, theme)


def title(plot: pg.PlotItem, text: str, theme: ThemeColors) -> None:
    plot.setTitle(text, color=theme.plot_foreground, size=title_size())


def relabel_legend(legend: pg.LegendItem | None, labels: dict[object, str]) -> None:
    """Rename the legend's entries of the curves in ``labels`` (curve → new label),
    keeping their size and colour."""
    if legend is None:
        return
    for sample, label in legend.items:
        text = labels.get(sample.item)
        if text is not None and label.text != text:
            label.setText(text)


# pyqtgraph's scene menu names its one action through Qt's translation (context
# "GraphicsScene"), once, when the view is made; the training group translates it.
SCENE_EXPORT = QT_TRANSLATE_NOOP("GraphicsScene", "Export...")


def translate_scene_menus(root: QWidget) -> None:
    """The "Export..." action of every pyqtgraph view under ``root``, in the
    interface language (pyqtgraph words it only when the view is made)."""
    views = root.findChildren(pg.GraphicsView)
    if isinstance(root, pg.GraphicsView):
        views.append(root)
    text = QCoreApplication.translate("GraphicsScene", SCENE_EXPORT)
    for view in views:
        scene = view.scene()
        for action in getattr(scene, "contextMenu", None) or []:
            action.setText(text)
