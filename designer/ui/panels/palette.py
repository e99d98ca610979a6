"""The layer palette: every layer type, grouped by category, searchable, draggable."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.graph.catalog import CATEGORIES, LayerSpec, all_specs
from designer.ui.canvas.metrics import BLOCK_ITEM_PREFIX
from designer.ui.catalog_texts import layer_text
from designer.ui.language import LanguageFollower
from designer.ui.panels.palette_blocks import BlockGroup, BlockRow
from designer.ui.theme import current_theme, qcolor

LAYER_MIME_TYPE = "application/x-designer-layer"
TYPE_ROLE = Qt.ItemDataRole.UserRole + 1

ColorFor = Callable[[str], QColor]


def layer_tooltip(spec: LayerSpec) -> str:
    """Rich-text tooltip: the type, its description and formula (translated)."""
    category = html.escape(layer_text(spec.category))
    parts = [f"<b>{html.escape(spec.type)}</b> <i>({category})</i>"]
    parts.append(html.escape(layer_text(spec.description)))
    if spec.formula:
        parts.append(f"<code>{html.escape(layer_text(spec.formula))}</code>")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"


def layer_mime_data(layer_type: str) -> QMimeData:
    data = QMimeData()
    data.setData(LAYER_MIME_TYPE, QByteArray(layer_type.encode("utf-8")))
    data.setText(layer_type)
    return data


def swatch_icon(color: QColor, size: int = 14) -> QIcon:
    """A rounded colour chip, drawn at 2× so it is crisp on high-DPI screens."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(color.darker(130))
    painter.setBrush(color)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class LayerTree(QTreeWidget):
    """A tree whose layer items drag out (copy only) as :data:`LAYER_MIME_TYPE`."""

    activated = Signal(str)  # double-click or Enter on a layer

    def __init__(self, color_for: ColorFor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color_for = color_for
        self.itemDoubleClicked.connect(self._on_double_click)

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt override)
        return [LAYER_MIME_TYPE]

    def mimeData(self, items: Iterable[QTreeWidgetItem]) -> QMimeData:  # noqa: N802
        types = [item.data(0, TYPE_ROLE) for item in items if item.data(0, TYPE_ROLE)]
        return layer_mime_data(types[0]) if types else QMimeData()

    def make_drag(self, item: QTreeWidgetItem) -> QDrag | None:
        """The drag for a layer item: its type as mime data and a chip as the image."""
        layer_type = item.data(0, TYPE_ROLE)
        if not layer_type:
            return None
        drag = QDrag(self)
        drag.setMimeData(layer_mime_data(layer_type))
        spec = next(s for s in all_specs() if s.type == layer_type)
        drag.setPixmap(
            drag_chip(layer_type, self._color_for(spec.category), self.font())
        )
        drag.setHotSpot(QPoint(12, 12))
        return drag

    def startDrag(self, _actions: Qt.DropAction) -> None:  # noqa: N802 (Qt override)
        item = self.currentItem()
        drag = self.make_drag(item) if item is not None else None
        if drag is not None:
            # Copy only: a Move would make the view remove the item from the palette.
            drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        item = self.currentItem()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and item is not None
            and item.data(0, TYPE_ROLE)
        ):
            self.activated.emit(item.data(0, TYPE_ROLE))
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        layer_type = item.data(0, TYPE_ROLE)
        if layer_type:
            self.activated.emit(layer_type)


def drag_chip(text: str, color: QColor, font: QFont) -> QPixmap:
    """A small rounded label in the category colour, shown under the cursor while dragging."""
    metrics = QFontMetrics(font)
    width, height = metrics.horizontalAdvance(text) + 24, metrics.height() + 10
    ratio = 2.0
    pixmap = QPixmap(int(width * ratio), int(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(color.darker(130))
    painter.setBrush(color)
    painter.drawRoundedRect(0, 0, width - 1, height - 1, 6, 6)
    painter.setPen(qcolor(current_theme().canvas.on_header))
    painter.setFont(font)
    painter.drawText(0, 0, width, height, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


class LayerPalette(LanguageFollower, QWidget):
    """Search box over a category tree of layer types.

    ``layerActivated(type)`` fires on double-click or Enter: the window adds the
    layer at the centre of the view.
    """

    layerActivated = Signal(str)

    def __init__(self, color_for: ColorFor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerPalette")
        self._color_for = color_for
        self.search = QLineEdit()
        self.search.setObjectName("paletteSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.set_filter)
        self.search.returnPressed.connect(self._activate_first_visible)
        self.search.installEventFilter(self)

        self.tree = LayerTree(color_for)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.setIconSize(QSize(14, 14))
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.activated.connect(self.layerActivated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)

        self._category_items: dict[str, QTreeWidgetItem] = {}
        self._layer_items: dict[str, QTreeWidgetItem] = {}
        self._project_blocks = BlockGroup(self.tree, TYPE_ROLE)
        self._library = BlockGroup(self.tree, TYPE_ROLE)
        self._blocks: list[tuple[str, str]] = []
        self._library_rows: list[BlockRow] = []
        self._populate()
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (categories, tooltips, blocks)."""
        self.search.setPlaceholderText(self.tr("Search layers…"))
        for category, group in self._category_items.items():
            group.setText(0, layer_text(category))
        specs = {spec.type: spec for spec in all_specs()}
        for layer_type, item in self._layer_items.items():
            item.setToolTip(0, layer_tooltip(specs[layer_type]))
            item.setStatusTip(0, layer_text(specs[layer_type].description))
        self.set_blocks(self._blocks)
        self.set_library(self._library_rows)

    def _populate(self) -> None:
        specs = all_specs()
        for category in CATEGORIES:
            members = [s for s in specs if s.category == category]
            if not members:
                continue
            group = QTreeWidgetItem([category])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setIcon(0, swatch_icon(self._color_for(category)))
            self.tree.addTopLevelItem(group)
            self._category_items[category] = group
            for spec in members:
                item = QTreeWidgetItem([spec.type])
                item.setData(0, TYPE_ROLE, spec.type)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                group.addChild(item)
                self._layer_items[spec.type] = item
            group.setExpanded(True)

    def set_blocks(self, blocks: Iterable[tuple[str, str]]) -> None:
        """List the project's blocks, ``(name, description)``, under "Blocks"."""
        self._blocks = list(blocks)
        tip = self.tr(
            "A block of this project: drag it onto the canvas to use it; "
            "double-click a use to edit its definition."
        )
        rows = [
            BlockRow(name, BLOCK_ITEM_PREFIX + name, description or tip)
            for name, description in self._blocks
        ]
        icon = swatch_icon(self._color_for("Blocks"))
        self._project_blocks.fill(self.tr("Blocks"), icon, rows)
        self.set_filter(self.search.text())

    def set_library(self, rows: Iterable[BlockRow]) -> None:
        """List the block library (built-in blocks and the user's own)."""
        self._library_rows = list(rows)
        icon = swatch_icon(self._color_for("Blocks"))
        self._library.fill(self.tr("Block library"), icon, self._library_rows)
        self.set_filter(self.search.text())

    def block_names(self) -> list[str]:
        """The project's blocks listed (shown or filtered out)."""
        return self._project_blocks.labels()

    def library_labels(self) -> list[str]:
        return self._library.labels()

    def refresh_colors(self) -> None:
        """Redraw the category chips (after a theme change)."""
        for category, group in self._category_items.items():
            group.setIcon(0, swatch_icon(self._color_for(category)))

    # -- queries used by the window and tests --------------------------------------
    def item_for(self, layer_type: str) -> QTreeWidgetItem:
        return self._layer_items[layer_type]

    def visible_types(self) -> list[str]:
        return [t for t, item in self._layer_items.items() if not item.isHidden()]

    def visible_categories(self) -> list[str]:
        return [c for c, item in self._category_items.items() if not item.isHidden()]

    # -- filtering ------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        """Show the layers whose type, category or description contains every word."""
        if self.search.text() != text:
            self.search.setText(text)  # re-enters through textChanged
            return
        words = text.lower().split()
        specs = {s.type: s for s in all_specs()}
        for layer_type, item in self._layer_items.items():
            spec = specs[layer_type]
            haystack = " ".join(
                (
                    spec.type,
                    spec.category,
                    spec.description,
                    layer_text(spec.category),
                    layer_text(spec.description),
                )
            ).lower()
            item.setHidden(not all(w in haystack for w in words))
        self._project_blocks.filter(words)
        self._library.filter(words)
        for group in self._category_items.values():
            shown = any(
                not group.child(i).isHidden() for i in range(group.childCount())
            )
            group.setHidden(not shown)
            if words and shown:
                group.setExpanded(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Down in the search box moves into the list, onto the first match."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            visible = self.visible_types()
            if visible:
                self.tree.setCurrentItem(self._layer_items[visible[0]])
                self.tree.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _activate_first_visible(self) -> None:
        visible = self.visible_types()
        if visible:
            self.layerActivated.emit(visible[0])

    def mime_data_for(self, layer_type: str) -> QMimeData:
        """What a drag of ``layer_type`` carries (the tree's own mimeData)."""
        return self.tree.mimeData([self._layer_items[layer_type]])

    def index_for(self, layer_type: str) -> QModelIndex:
        return self.tree.indexFromItem(self._layer_items[layer_type])
