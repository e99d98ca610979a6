"""Fonts and text fitting for the cards: the families, cached fonts per size,
parameter values and counts as cards show them, eliding to a width, and what a
port's tooltip says."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from designer.graph.model import Graph
from designer.graph.shape import format_shape
from designer.shapes.infer import GraphShapes

SANS_FAMILIES = [
    "Inter",
    "Segoe UI",
    "SF Pro Text",
    "Cantarell",
    "Ubuntu",
    "Noto Sans",
    "DejaVu Sans",
    "Arial",
]
MONO_FAMILIES = [
    "JetBrains Mono",
    "Cascadia Mono",
    "Consolas",
    "SF Mono",
    "Menlo",
    "DejaVu Sans Mono",
    "Courier New",
]


def _font(pixels: int, bold: bool = False, mono: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(MONO_FAMILIES if mono else SANS_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace if mono else QFont.StyleHint.SansSerif)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class Fonts:
    """Fonts shared by all items (created once, after the application exists)."""

    _instance: Fonts | None = None

    def __init__(self) -> None:
        self.header = _font(14, bold=True)
        self.name = _font(15, bold=True)
        self.body = _font(14)
        self.value = _font(14, bold=True)
        self.shape = _font(14, mono=True)
        self.port = _font(14)
        self.badge = _font(15, bold=True)
        self.label = _font(14, mono=True)

    @classmethod
    def get(cls) -> Fonts:
        if cls._instance is None:
            cls._instance = Fonts()
        return cls._instance


def format_value(value: Any) -> str:
    """A parameter value as people write it: 1×28×28, yes/no, 0.001."""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("NodeCard", "yes")
        return QCoreApplication.translate("NodeCard", "no")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        if all(isinstance(v, int) and v > 0 or isinstance(v, str) for v in value):
            return "×".join(str(v) for v in value)
        return ", ".join(str(v) for v in value)
    return str(value)


def format_count(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f}M".replace(".0M", "M")
    if count >= 10_000:
        return f"{count / 1000:.0f}k"
    if count >= 1000:
        return f"{count / 1000:.1f}k".replace(".0k", "k")
    return str(count)


_HEADER_FITS: dict[tuple[str, float], tuple[QFont, str]] = {}
MIN_HEADER_PIXELS = 12


def _fitted_header(text: str, room: float) -> tuple[QFont, str]:
    """The header font, a little smaller for long type names (TransformerEncoderLayer),
    and the text elided only if even that does not fit."""
    key = (text, room)
    fitted = _HEADER_FITS.get(key)
    if fitted is None:
        font = Fonts.get().header
        width = QFontMetricsF(font).horizontalAdvance(text)
        if width > room:
            font = QFont(font)
            font.setPixelSize(
                max(MIN_HEADER_PIXELS, int(font.pixelSize() * room / width))
            )
        fitted = _HEADER_FITS[key] = (font, elide(text, font, room))
    return fitted


def elide(text: str, font: QFont, width: float) -> str:
    return QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


def port_description(
    graph: Graph, shapes: GraphShapes | None, node_id: str, direction: str, port: str
) -> str:
    """A port's tooltip: which port, and the shape that flows through it."""
    node = graph.node(node_id)
    info = shapes.nodes.get(node_id) if shapes is not None else None
    shape = None
    if info is not None:
        shape = (info.inputs if direction == "in" else info.outputs).get(port)
    if direction == "in":
        kind = QCoreApplication.translate("NodeCard", "input {0}")
    else:
        kind = QCoreApplication.translate("NodeCard", "output {0}")
    text = f"{node.name} · {kind.format(repr(port))}"
    if shape is not None:
        return f"{text}: {format_shape(shape)}"
    if direction == "in" and graph.edge_into(node_id, port) is None:
        return f"{text}: " + QCoreApplication.translate(
            "NodeCard", "not connected — drag from here to an output"
        )
    return f"{text}: " + QCoreApplication.translate("NodeCard", "shape not known yet")
