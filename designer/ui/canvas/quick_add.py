"""The quick-add popup: type a few letters, press Enter, the layer appears there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.graph.catalog import all_specs
from designer.ui.canvas.colors import category_color
from designer.ui.catalog_texts import layer_text
from designer.ui.language import LanguageFollower

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1


def _dot(color: QColor) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(1, 1, 14, 14, 4, 4)
    painter.end()
    return QIcon(pixmap)


def matches(text: str, layer_type: str, category: str) -> bool:
    """Every word typed appears in the type or category (case-insensitive)."""
    haystack = f"{layer_type} {category} {layer_text(category)}".lower()
    return all(word in haystack for word in text.lower().split())


class QuickAddPopup(LanguageFollower, QFrame):
    """A filter line and the matching layer types; ``chosen(type, scene_pos)`` on Enter."""

    chosen = Signal(str, QPointF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("QuickAddPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.scene_pos = QPointF()
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.resize(280, 340)
        for spec in all_specs():
            item = QListWidgetItem(_dot(category_color(spec.category)), spec.type)
            item.setData(TYPE_ROLE, spec.type)
            self.list.addItem(item)
        self.retranslate()
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.returnPressed.connect(self.accept_current)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        self.filter.installEventFilter(self)

    def retranslate(self) -> None:
        """The filter's hint and the layers' tooltips in the current language."""
        self.filter.setPlaceholderText(self.tr("Add layer… type to filter"))
        specs = {spec.type: spec for spec in all_specs()}
        for row in range(self.list.count()):
            item = self.list.item(row)
            spec = specs[item.data(TYPE_ROLE)]
            item.setToolTip(
                f"{layer_text(spec.category)}: {layer_text(spec.description)}"
            )

    def popup(self, global_pos: QPoint, scene_pos: QPointF) -> None:
        self.scene_pos = QPointF(scene_pos)
        self.filter.clear()
        self.apply_filter("")
        self.move(global_pos)
        self.show()
        self.filter.setFocus()

    def visible_types(self) -> list[str]:
        return [
            self.list.item(row).data(TYPE_ROLE)
            for row in range(self.list.count())
            if not self.list.item(row).isHidden()
        ]

    def apply_filter(self, text: str) -> None:
        specs = {spec.type: spec.category for spec in all_specs()}
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            layer_type = item.data(TYPE_ROLE)
            hidden = not matches(text, layer_type, specs[layer_type])
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        # Prefer an exact or prefix match of the type name.
        lowered = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if (
                lowered
                and not item.isHidden()
                and item.data(TYPE_ROLE).lower().startswith(lowered)
            ):
                first = item
                break
        self.list.setCurrentItem(first)

    def accept_current(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        self.hide()
        self.chosen.emit(item.data(TYPE_ROLE), self.scene_pos)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            key = (
                QKeyEvent(event).key()
                if not isinstance(event, QKeyEvent)
                else event.key()
            )
            if key in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Up,
                Qt.Key.Key_PageDown,
                Qt.Key.Key_PageUp,
            ):
                self._step(1 if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -1)
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def _step(self, direction: int) -> None:
        rows = [
            row
            for row in range(self.list.count())
            if not self.list.item(row).isHidden()
        ]
        if not rows:
            return
        current = self.list.currentRow()
        if current not in rows:
            self.list.setCurrentRow(rows[0])
            return
        index = max(0, min(len(rows) - 1, rows.index(current) + direction))
        self.list.setCurrentRow(rows[index])
