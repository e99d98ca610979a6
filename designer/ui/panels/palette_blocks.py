"""The palette's groups of blocks: the project's own, and the block library.

Each is a top-level group of the layer tree whose items carry a payload in place
of a layer type (see :data:`designer.ui.canvas.metrics.BLOCK_ITEM_PREFIX` and
``LIBRARY_ITEM_PREFIX``), so dragging and double-clicking work as for layers.
The group is absent while it has nothing to list.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from designer.ui.catalog_texts import block_text


@dataclass(frozen=True)
class BlockRow:
    """One listed block: its label, what it carries, its description."""

    label: str
    payload: str
    description: str
    note: str = ""  # e.g. "yours": shown after the label, searched too


class BlockGroup:
    """A group of block items in ``tree``, rebuilt whole by :meth:`fill`."""

    def __init__(self, tree: QTreeWidget, role: int) -> None:
        self.tree = tree
        self.role = role
        self.group: QTreeWidgetItem | None = None
        self.items: list[tuple[QTreeWidgetItem, str]] = []  # (item, search text)

    def fill(self, title: str, icon: QIcon, rows: Iterable[BlockRow]) -> None:
        if self.group is not None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(self.group))
        self.group, self.items = None, []
        rows = list(rows)
        if not rows:
            return
        group = QTreeWidgetItem([title])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setIcon(0, icon)
        self.tree.addTopLevelItem(group)
        for row in rows:
            description = block_text(row.description)
            label = f"{row.label}  ({row.note})" if row.note else row.label
            item = QTreeWidgetItem([label])
            item.setData(0, self.role, row.payload)
            item.setToolTip(
                0,
                "<p style='white-space:pre-wrap'><b>"
                + html.escape(row.label)
                + "</b><br>"
                + html.escape(description)
                + "</p>",
            )
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            group.addChild(item)
            search = f"{row.label} {row.note} block {row.description} {description}"
            search = search.lower()
            self.items.append((item, search))
        group.setExpanded(True)
        self.group = group

    def labels(self) -> list[str]:
        return [item.text(0) for item, _ in self.items]

    def filter(self, words: list[str]) -> None:
        """Show the items whose text holds every word; hide the group when none."""
        for item, search in self.items:
            item.setHidden(not all(w in search for w in words))
        if self.group is not None:
            shown = any(not item.isHidden() for item, _ in self.items)
            self.group.setHidden(not shown)
            if words and shown:
                self.group.setExpanded(True)
