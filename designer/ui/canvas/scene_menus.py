"""The canvas's context menus: on a card, on a connection, on the empty canvas."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QMenu

from designer.graph.catalog import CATEGORIES, all_specs
from designer.graph.model import Edge
from designer.ui import block_commands
from designer.ui.canvas.colors import category_color
from designer.ui.canvas.metrics import snap
from designer.ui.catalog_texts import layer_text

if TYPE_CHECKING:
    from designer.ui.canvas.scene import NetworkScene


def node_menu(scene: NetworkScene, node_id: str) -> QMenu:
    """Rename, duplicate, copy, disconnect and delete the card (or the selection)."""
    menu = QMenu()
    document = scene.document
    ids = (
        scene.selected_node_ids() if node_id in scene.selected_node_ids() else [node_id]
    )
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Rename"),
        lambda: scene.start_rename(node_id),
    ).setShortcut(QKeySequence(Qt.Key.Key_F2))
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Duplicate"),
        lambda: document.duplicate(ids),
    )
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Copy"), lambda: document.copy(ids)
    )
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Disconnect all"),
        lambda: document.disconnect_all(node_id),
    )
    menu.addSeparator()
    _add_block_items(menu, scene, node_id, ids)
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Delete"),
        lambda: document.remove_nodes(ids),
    ).setShortcut(QKeySequence.StandardKey.Delete)
    return menu


def _add_block_items(
    menu: QMenu, scene: NetworkScene, node_id: str, ids: list[str]
) -> None:
    """Group the selection into a block; open, ungroup or split off a block use."""
    document = scene.document
    parent = scene.views()[0] if scene.views() else None
    if block_commands.block_of(document, node_id) is not None and len(ids) == 1:
        menu.addAction(
            QCoreApplication.translate("CanvasMenu", "Open block definition"),
            lambda: block_commands.open_definition(document, node_id),
        )
        menu.addAction(
            QCoreApplication.translate("CanvasMenu", "Ungroup block"),
            lambda: block_commands.ungroup(parent, document, node_id),
        )
        menu.addAction(
            QCoreApplication.translate("CanvasMenu", "Make block unique"),
            lambda: block_commands.make_unique(parent, document, node_id),
        )
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Group into block…"),
        lambda: block_commands.group(parent, document, ids),
    )
    menu.addSeparator()


def edge_menu(scene: NetworkScene, edge: Edge) -> QMenu:
    menu = QMenu()
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Delete connection"),
        lambda: scene.document.disconnect(edge),
    )
    return menu


def canvas_menu(scene: NetworkScene, scene_pos: QPointF) -> QMenu:
    """Add a layer here, paste, select all, tidy and fit."""
    menu = QMenu()
    add = menu.addMenu(QCoreApplication.translate("CanvasMenu", "Add layer"))
    by_category: dict[str, list[str]] = defaultdict(list)
    for spec in all_specs():
        by_category[spec.category].append(spec.type)
    for category in CATEGORIES:
        if not by_category.get(category):
            continue
        submenu = add.addMenu(_swatch(category), layer_text(category))
        for layer_type in by_category[category]:
            submenu.addAction(
                layer_type, lambda t=layer_type: scene.add_layer_at(t, scene_pos)
            )
    paste = menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Paste"),
        lambda: scene.document.paste((snap(scene_pos.x()), snap(scene_pos.y()))),
    )
    paste.setEnabled(scene.document.can_paste())
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Select all"), scene.select_all
    )
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Tidy layout"),
        scene.document.tidy_layout,
    )
    menu.addAction(
        QCoreApplication.translate("CanvasMenu", "Fit to view"),
        scene.fitRequested.emit,
    )
    return menu


def _swatch(category: str):
    pixmap = QPixmap(14, 14)
    pixmap.fill(category_color(category))
    return QIcon(pixmap)
