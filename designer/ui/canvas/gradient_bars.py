"""Gradient flow on the canvas: a coloured strip under each card with weights.

After every epoch a run reports each layer's mean gradient norm and
update-to-weight ratio (``EpochMetrics.grad_norms`` / ``update_ratios``, keyed
by node name, or ``network/name`` when several networks train).  Each card then
gets a strip coloured from "vanishing" (a thousandth of the largest layer's
norm, or less) through "healthy" (the largest) to "exploding" (a norm above
:data:`EXPLODING_NORM`), so the layers that hardly learn stand out in a deep
Sigmoid network.  The strip is a child item of the card: it moves with it and
leaves the card's own drawing (and its cache) alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.ui.theme import qcolor
from designer.ui.theme_colors import GRADIENT_FLOW

EXPLODING_NORM = 100.0
VANISHING_DECADES = 3.0  # this many powers of ten below the largest norm: all blue
BAR_HEIGHT = 6.0
BAR_GAP = 4.0


def flow_level(norm: float, largest: float) -> float:
    """Where ``norm`` sits between vanishing (0) and the largest layer's (1), in decades."""
    if not (math.isfinite(norm) and math.isfinite(largest)) or largest <= 0:
        return 1.0
    if norm <= 0:
        return 0.0
    decades = math.log10(norm / largest)
    return min(1.0, max(0.0, 1.0 + decades / VANISHING_DECADES))


def flow_color(norm: float, largest: float) -> QColor:
    """The strip's colour: blue (vanishing) → green (healthy); red when exploding."""
    vanishing, healthy, exploding = (qcolor(c) for c in GRADIENT_FLOW)
    if not math.isfinite(norm) or norm > EXPLODING_NORM:
        return exploding
    t = flow_level(norm, largest)
    return QColor(
        round(vanishing.red() + t * (healthy.red() - vanishing.red())),
        round(vanishing.green() + t * (healthy.green() - vanishing.green())),
        round(vanishing.blue() + t * (healthy.blue() - vanishing.blue())),
    )


def _number(value: float) -> str:
    return f"{value:.2e}".replace("-", "−") if math.isfinite(value) else str(value)


class GradientBar(QGraphicsItem):
    """The strip under one card; it reads the card's height when it paints."""

    def __init__(self, card: QGraphicsItem) -> None:
        super().__init__(card)
        self.color = QColor()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(-0.5)

    def show_values(self, norm: float, ratio: float | None, largest: float) -> None:
        self.prepareGeometryChange()
        self.color = flow_color(norm, largest)
        share = norm / largest if largest > 0 and math.isfinite(largest) else 1.0
        tip = QCoreApplication.translate(
            "GradientBar", "Gradient norm {norm} ({share:.1%} of the largest layer's)"
        ).format(norm=_number(norm), share=share)
        if ratio is not None:
            tip += "\n" + QCoreApplication.translate(
                "GradientBar", "Update / weight ratio {ratio}"
            ).format(ratio=_number(ratio))
        self.setToolTip(tip)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        card = self.parentItem().card_rect()  # type: ignore[union-attr]
        return QRectF(
            card.left() + 10, card.bottom() + BAR_GAP, card.width() - 20, BAR_HEIGHT
        )

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.color)
        painter.drawRoundedRect(self.boundingRect(), BAR_HEIGHT / 2, BAR_HEIGHT / 2)


def layer_values(
    values: Mapping[str, float], network: str, several: bool
) -> dict[str, float]:
    """The values of one network's layers by node name (labels are ``network/name``
    when the run trained several networks)."""
    if not several:
        return dict(values)
    prefix = network + "/"
    return {k[len(prefix) :]: v for k, v in values.items() if k.startswith(prefix)}


def paint_flow(
    scene: object,
    grad_norms: Mapping[str, float],
    update_ratios: Mapping[str, float],
    visible: bool,
) -> int:
    """Give the cards of ``scene`` (a NetworkScene) their strips; the number coloured.

    Cards without a measured layer lose their strip; ``visible=False`` hides all.
    """
    several = any("/" in label for label in grad_norms)
    graph = scene.graph  # type: ignore[attr-defined]
    norms = layer_values(grad_norms, graph.name, several)
    ratios = layer_values(update_ratios, graph.name, several)
    finite = [v for v in grad_norms.values() if math.isfinite(v)]
    largest = max(finite, default=0.0)
    coloured = 0
    for item in scene.node_items():  # type: ignore[attr-defined]
        bar = next((c for c in item.childItems() if isinstance(c, GradientBar)), None)
        node = graph.node(item.node_id) if graph.has_node(item.node_id) else None
        norm = norms.get(node.name) if node is not None else None
        if norm is None:
            if bar is not None:
                bar.setParentItem(None)
                if bar.scene() is not None:
                    bar.scene().removeItem(bar)
            continue
        if bar is None:
            bar = GradientBar(item)
        bar.show_values(norm, ratios.get(node.name), largest)
        bar.setVisible(visible)
        coloured += 1
    return coloured
