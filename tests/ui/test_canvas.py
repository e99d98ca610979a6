"""The node canvas: items follow the document, gestures become document edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDropEvent
from PySide6.QtTest import QTest

from designer.graph.model import Graph, Project
from designer.ui.canvas.colors import CATEGORY_HEX, DARK, LIGHT, category_color
from designer.ui.canvas.edge_item import EdgeItem, crosses
from designer.ui.canvas.metrics import port_anchor
from designer.ui.canvas.render import render_scene, save_scene_png
from designer.ui.canvas.view import LAYER_MIME_TYPE, READABLE_ZOOM, NetworkView
from designer.ui.document import Document


@pytest.fixture
def view(qtbot, document: Document) -> NetworkView:
    widget = NetworkView(document)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def viewport_point(view: NetworkView, scene_pos: QPointF) -> QPoint:
    return view.mapFromScene(scene_pos)


# -- items follow the document --------------------------------------------------------
def test_adding_a_node_through_the_document_creates_an_item(
    view: NetworkView, document: Document
) -> None:
    scene = view.network_scene
    node_id = document.add_node("Conv2d", (100, 60))
    item = scene.node_item(node_id)
    assert (item.pos().x(), item.pos().y()) == (100, 60)
    assert (
        item.layer_type == "Conv2d" and item.name == document.graph.node(node_id).name
    )
    document.undo_stack.undo()
    assert not scene.has_node_item(node_id)
    document.undo_stack.redo()
    assert scene.has_node_item(node_id)


def test_items_follow_parameter_renames_and_moves(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    document.rename(cnn[1], "features")
    assert scene.node_item(cnn[1]).name == "features"
    document.move_nodes(
        {cnn[1]: (document.graph.node(cnn[1]).position, (500.0, 300.0))}
    )
    assert scene.node_item(cnn[1]).pos() == QPointF(500, 300)
    edge = document.graph.edges_into(cnn[1])[0]
    assert scene.edge_item(edge).end_point() == scene.node_item(cnn[1]).input_port_pos(
        "in"
    )
    document.set_param(cnn[1], "out_channels", 16)
    assert scene.node_item(cnn[1]).shape_text == "(N, 16, 26, 26)"


def test_edge_labels_show_the_shapes_they_carry(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    labels = {
        (item.edge.source, item.edge.target): item.label for item in scene.edge_items()
    }
    assert labels[(cnn[0], cnn[1])] == "(N, 1, 28, 28)"
    assert labels[(cnn[1], cnn[2])] == "(N, 32, 26, 26)"
    assert labels[(cnn[9], cnn[10])] == "(N, 576)"
    assert scene.node_item(cnn[3]).shape_text == "(N, 32, 13, 13)"
    assert scene.node_item(cnn[-1]).shape_text == "(N, 10)"
    assert not any(item.has_error for item in scene.edge_items())


def test_an_invalid_connection_shows_the_badge_on_the_node_that_fails(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    dense = document.add_node("Linear", (0, 400), {"out_features": 8})
    conv = document.add_node("Conv2d", (400, 400))
    document.connect(cnn[9], "out", dense, "in")  # after Flatten: (N, 8)
    assert document.connect(dense, "out", conv, "in") is None
    conv_item = scene.node_item(conv)
    assert conv_item.has_error
    assert any(
        "Conv2d" in message and "(N, C, H, W)" in message
        for message in conv_item.errors
    )
    assert "⚠" in conv_item.toolTip()
    assert not scene.node_item(dense).has_error
    edge = document.graph.edge_into(conv, "in")
    assert scene.edge_item(edge).has_error
    assert not scene.edge_item(document.graph.edge_into(dense, "in")).has_error
    document.undo_stack.undo()
    assert conv_item.errors == ["its input is not connected"]


def test_a_changed_parameter_updates_only_the_affected_items(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    before = {item.node_id: item.shape_text for item in scene.node_items()}
    document.set_param(cnn[10], "out_features", 32)
    after = {item.node_id: item.shape_text for item in scene.node_items()}
    changed = {node_id for node_id in before if before[node_id] != after[node_id]}
    assert changed == {cnn[10], cnn[11]}


# -- palette drops --------------------------------------------------------------------
def test_a_palette_drop_adds_the_layer_where_it_was_dropped(
    view: NetworkView, document: Document
) -> None:
    mime = QMimeData()
    mime.setData(LAYER_MIME_TYPE, b"MaxPool2d")
    target = QPoint(400, 300)
    event = QDropEvent(
        QPointF(target),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    nodes = document.graph.nodes
    assert [n.type for n in nodes] == ["MaxPool2d"]
    item = view.network_scene.node_item(nodes[0].id)
    assert item.sceneBoundingRect().contains(view.mapToScene(target))
    assert document.selected_ids == [nodes[0].id]


def test_a_drop_of_an_unknown_type_is_refused_with_a_message(
    view: NetworkView, document: Document, qtbot
) -> None:
    mime = QMimeData()
    mime.setData(LAYER_MIME_TYPE, b"Conv9d")
    with qtbot.waitSignal(view.messageRequested) as blocker:
        assert view.add_dropped_layer(mime, QPointF(0, 0)) is None
    assert "Conv9d" in blocker.args[0]
    assert document.graph.nodes == []


# -- connecting with the mouse -------------------------------------------------------------
def test_dragging_from_an_output_to_an_input_connects_and_updates_shapes(
    view: NetworkView, document: Document
) -> None:
    scene = view.network_scene
    source = document.add_node("Input", (0, 0), {"shape": [3, 32, 32]})
    conv = document.add_node("Conv2d", (300, 0), {"out_channels": 8})
    out = document.add_node("Output", (600, 0))
    document.connect(conv, "out", out, "in")
    assert scene.node_item(out).shape_text == ""
    start = viewport_point(view, scene.node_item(source).output_port_pos("out"))
    end = viewport_point(view, scene.node_item(conv).input_port_pos("in"))
    QTest.mousePress(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        start,
    )
    interaction = scene.connect_interaction
    assert interaction is not None
    QTest.mouseMove(view.viewport(), (start + end) / 2)
    QTest.mouseMove(view.viewport(), end)
    assert interaction._hot == (conv, "in")
    QTest.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
    )
    assert scene.connect_interaction is None
    assert document.graph.edge_into(conv, "in").source == source
    assert scene.node_item(conv).shape_text == "(N, 8, 30, 30)"
    assert scene.node_item(out).shape_text == "(N, 8, 30, 30)"
    assert len(scene.edge_items()) == 2
    assert not [i for i in scene.items() if type(i).__name__ == "DraftEdgeItem"]


def test_only_valid_inputs_are_highlighted_while_connecting(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    spare = document.add_node("ReLU", (0, 500))
    interaction = scene.begin_connection(scene.node_item(cnn[3]).output_port_pos("out"))
    assert interaction is not None
    highlighted = {
        node_id for node_id in cnn + [spare] if scene.node_item(node_id)._drop_ports
    }
    # Upstream nodes (and the node itself) would make a cycle: not offered.
    assert not highlighted & set(cnn[:4])
    assert set(cnn[5:]) | {spare} <= highlighted
    # A drop on a node upstream does nothing.
    assert interaction.target_at(scene.node_item(cnn[1]).input_port_pos("in")) is None
    count = document.undo_stack.count()
    scene.finish_connection(scene.node_item(cnn[1]).input_port_pos("in"))
    assert document.undo_stack.count() == count
    assert not any(item._drop_ports for item in scene.node_items())


def test_dropping_on_an_occupied_input_replaces_its_edge(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    other = document.add_node("Input", (0, 400), {"shape": [1, 28, 28]})
    conv = cnn[1]
    scene.begin_connection(scene.node_item(other).output_port_pos("out"))
    count = document.undo_stack.count()
    scene.finish_connection(scene.node_item(conv).input_port_pos("in"))
    assert document.undo_stack.count() == count + 1
    assert [e.source for e in document.graph.edges_into(conv)] == [other]


def test_pulling_an_edge_off_its_input_disconnects_it(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    relu = cnn[2]
    edge = document.graph.edge_into(relu, "in")
    interaction = scene.begin_connection(scene.node_item(relu).input_port_pos("in"))
    assert interaction is not None and interaction.detached == edge
    assert not scene.edge_item(edge).isVisible()
    scene.finish_connection(QPointF(-3000, -3000))
    assert document.graph.edge_into(relu, "in") is None
    assert any("not connected" in m for m in scene.node_item(relu).errors)
    document.undo_stack.undo()
    assert scene.edge_item(edge).isVisible()


def test_pulling_an_edge_onto_another_input_reroutes_it_in_one_step(
    view: NetworkView, document: Document
) -> None:
    scene = view.network_scene
    source = document.add_node("Input", (0, 0), {"shape": [4]})
    first = document.add_node("Linear", (300, 0))
    second = document.add_node("Linear", (300, 300))
    document.connect(source, "out", first, "in")
    count = document.undo_stack.count()
    scene.begin_connection(scene.node_item(first).input_port_pos("in"))
    scene.finish_connection(scene.node_item(second).input_port_pos("in"))
    assert document.undo_stack.count() == count + 1
    assert document.graph.edge_into(first, "in") is None
    assert document.graph.edge_into(second, "in").source == source


# -- selection, deletion, moving ---------------------------------------------------------
def test_delete_key_deletes_the_selection(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    document.set_selection([cnn[2], cnn[3]])
    assert scene.node_item(cnn[2]).isSelected()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert not document.graph.has_node(cnn[2]) and not scene.has_node_item(cnn[3])
    document.undo_stack.undo()
    assert scene.has_node_item(cnn[2]) and len(scene.edge_items()) == len(cnn) - 1
    edge_item = scene.edge_item(document.graph.edges[0])
    scene.clearSelection()
    edge_item.setSelected(True)
    QTest.keyClick(view, Qt.Key.Key_Backspace)
    assert len(document.graph.edges) == len(cnn) - 2


def test_ctrl_a_selects_everything_and_selection_is_shared(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert set(document.selected_ids) == set(cnn)
    scene.clearSelection()
    assert document.selected_ids == []
    scene.node_item(cnn[4]).setSelected(True)
    assert document.selected_ids == [cnn[4]]


def test_dragging_nodes_moves_them_on_the_grid_as_one_step(
    view: NetworkView, document: Document, qtbot
) -> None:
    scene = view.network_scene
    node_id = document.add_node("ReLU", (0, 0))
    view.centerOn(0, 0)
    item = scene.node_item(node_id)
    start = viewport_point(view, item.mapToScene(QPointF(60, 40)))
    count = document.undo_stack.count()
    QTest.mousePress(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        start,
    )
    for step in range(1, 6):
        QTest.mouseMove(view.viewport(), start + QPoint(step * 13, step * 9))
    QTest.mouseRelease(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        start + QPoint(65, 45),
    )
    position = document.graph.node(node_id).position
    assert position != (0.0, 0.0)
    # On the grid: the left edge and the line of the ports (where tidy layout puts them).
    assert (
        position[0] % 20 == 0
        and (position[1] + port_anchor(document.graph.node(node_id))) % 20 == 0
    )
    assert document.undo_stack.count() == count + 1
    document.undo_stack.undo()
    assert item.pos() == QPointF(0, 0)


def test_arrow_keys_nudge_the_selection(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    document.set_selection([cnn[0]])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert document.graph.node(cnn[0]).position == (0.0, 20.0)


# -- renaming in place -----------------------------------------------------------------------
def test_double_click_on_the_name_renames_in_place(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    view.centerOn(scene.node_item(cnn[1]))
    item = scene.node_item(cnn[1])
    point = viewport_point(view, item.mapToScene(item.name_rect().center()))
    QTest.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        point,
    )
    rename = scene.rename_interaction
    assert rename is not None and rename.editor.text() == item.name
    rename.editor.setText(document.graph.node(cnn[2]).name)
    QTest.keyClick(rename.editor, Qt.Key.Key_Return)
    assert scene.rename_interaction is rename  # refused: the name is taken
    assert "already called" in rename.editor.toolTip()
    rename.editor.setText("features")
    QTest.keyClick(rename.editor, Qt.Key.Key_Return)
    assert scene.rename_interaction is None
    assert document.graph.node(cnn[1]).name == "features" == item.name


def test_escape_cancels_renaming(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    name = document.graph.node(cnn[1]).name
    rename = scene.start_rename(cnn[1])
    rename.editor.setText("something else")
    QTest.keyClick(rename.editor, Qt.Key.Key_Escape)
    assert scene.rename_interaction is None
    assert document.graph.node(cnn[1]).name == name


# -- quick add ------------------------------------------------------------------------------
def test_quick_add_filters_and_adds_at_the_position(
    view: NetworkView, document: Document
) -> None:
    popup = view.open_quick_add(QPointF(200, 100))
    assert popup.isVisible()
    QTest.keyClicks(popup.filter, "conv2")
    visible = popup.visible_types()
    assert "Conv2d" in visible and "ReLU" not in visible and "Conv1d" not in visible
    QTest.keyClick(popup.filter, Qt.Key.Key_Return)
    assert not popup.isVisible()
    (node,) = document.graph.nodes
    assert node.type == "Conv2d"
    assert abs(node.position[0] + 98 - 200) <= 20 and abs(node.position[1] - 100) <= 20


def test_quick_add_arrows_choose_and_escape_closes(
    view: NetworkView, document: Document
) -> None:
    popup = view.open_quick_add(QPointF(0, 0))
    QTest.keyClicks(popup.filter, "pool")
    assert popup.visible_types()[:2] == ["MaxPool2d", "AvgPool2d"]
    QTest.keyClick(popup.filter, Qt.Key.Key_Down)
    assert popup.list.currentItem().text() == "AvgPool2d"
    QTest.keyClick(popup.filter, Qt.Key.Key_Escape)
    assert not popup.isVisible() and document.graph.nodes == []


def test_tab_on_the_canvas_opens_quick_add(view: NetworkView) -> None:
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.quick_add.isVisible()
    view.quick_add.hide()


def test_double_click_on_empty_canvas_opens_quick_add(view: NetworkView) -> None:
    QTest.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(500, 350),
    )
    assert view.quick_add.isVisible()
    view.quick_add.hide()


# -- menus, view, themes --------------------------------------------------------------------
def test_context_menus_offer_the_editing_actions(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    node_menu = scene.node_menu(cnn[1])
    node_actions = [a.text() for a in node_menu.actions() if a.text()]
    assert node_actions == [
        "Rename",
        "Duplicate",
        "Copy",
        "Disconnect all",
        "Group into block…",
        "Delete",
    ]
    edge_menu = scene.edge_menu(document.graph.edges[0])
    edge_menu.actions()[0].trigger()
    assert len(document.graph.edges) == len(cnn) - 2
    canvas = scene.canvas_menu(QPointF(0, 600))
    texts = [a.text() for a in canvas.actions() if a.text()]
    assert texts[:1] == ["Add layer"] and {
        "Paste",
        "Tidy layout",
        "Fit to view",
    } <= set(texts)
    categories = [a.text() for a in canvas.actions()[0].menu().actions()]
    assert "Convolution" in categories
    conv_menu = (
        canvas.actions()[0].menu().actions()[categories.index("Convolution")].menu()
    )
    next(a for a in conv_menu.actions() if a.text() == "Conv2d").trigger()
    assert document.graph.nodes[-1].type == "Conv2d"


def test_zoom_keys_and_fit(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    view.setFocus()
    view.reset_zoom()
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom > 1.0
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom < 1.0
    QTest.keyClick(view, Qt.Key.Key_F)
    visible = view.visible_scene_rect()
    for item in view.network_scene.node_items():
        assert visible.contains(item.sceneBoundingRect().center())


def test_new_project_and_network_switching_rebuild_the_canvas(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    old_scene = view.network_scene
    project = Project("gan", networks=[Graph("generator"), Graph("discriminator")])
    project.networks[1].add_node("Input", "image")
    document.new(project)
    assert view.network_scene is not old_scene
    assert view.network_scene.node_items() == []
    document.set_current_network("discriminator")
    assert [i.name for i in view.network_scene.node_items()] == ["image"]
    assert view.scene() is view.network_scene


def test_theme_switch_repaints_in_the_dark_palette(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene

    def corner_colours(image) -> set[str]:
        return {
            image.pixelColor(x, y).name()
            for x in range(0, 12, 3)
            for y in range(0, 12, 3)
        }

    assert LIGHT.background.name() in corner_colours(render_scene(scene, scale=0.5))
    view.set_theme(True)
    dark = corner_colours(render_scene(scene, scale=0.5))
    assert DARK.background.name() in dark and LIGHT.background.name() not in dark
    assert scene.node_item(cnn[0])._theme is DARK


def test_category_colours_are_distinct_and_readable_with_white_text() -> None:
    def luminance(color: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    colors = [category_color(category) for category in CATEGORY_HEX]
    assert len({c.name() for c in colors}) == len(colors)
    for color in colors:
        assert 1.05 / (luminance(color) + 0.05) >= 4.5, color.name()
    assert category_color("Nope").isValid()


def test_the_seed_cnn_renders_to_png(
    tmp_path, document: Document, cnn: list[str], view: NetworkView
) -> None:
    document.tidy_layout()
    path = save_scene_png(view.network_scene, tmp_path / "cnn.png", scale=1.0)
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert image.width() > 14 * 196 and image.height() > 100
    # The Conv2d header colour is really painted somewhere.
    item = view.network_scene.node_item(cnn[1])
    rect = view.network_scene.items_rect()
    header = item.mapToScene(QPointF(150, 8)) - rect.topLeft() + QPointF(48, 48)
    assert image.pixelColor(int(header.x()), int(header.y())) == category_color(
        "Convolution"
    )


def test_edge_items_are_below_nodes_and_selectable(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    item = view.network_scene.edge_items()[0]
    assert isinstance(item, EdgeItem)
    assert item.zValue() < view.network_scene.node_item(cnn[0]).zValue()
    assert item.shape().contains(item.path().pointAtPercent(0.3))


def test_a_skip_connection_arches_around_the_cards_between(
    view: NetworkView, document: Document
) -> None:
    ids = []
    for k, layer in enumerate(["Input", "Linear", "ReLU", "Linear", "Add", "Output"]):
        params = (
            {"shape": [8]}
            if layer == "Input"
            else {"out_features": 8}
            if layer == "Linear"
            else {}
        )
        ids.append(document.add_node(layer, (k * 360.0, 0.0), params))
    for a, b, port in (
        (0, 1, "in"),
        (1, 2, "in"),
        (2, 3, "in"),
        (3, 4, "in1"),
        (4, 5, "in"),
    ):
        document.connect(ids[a], "out", ids[b], port)
    document.connect(ids[0], "out", ids[4], "in2")
    scene = view.network_scene
    skip = scene.edge_item(document.graph.edge_into(ids[4], "in2"))
    for node_id in ids[1:4]:
        card = scene.node_item(node_id).mapRectToScene(
            scene.node_item(node_id).card_rect()
        )
        assert not crosses(skip.path(), card)
        assert not skip.label_rect().intersects(card)
    assert crosses(skip.path(), skip.label_rect())  # the label sits on the detour
    plain = scene.edge_item(document.graph.edge_into(ids[1], "in"))
    assert plain.path().boundingRect().height() < 20  # a neighbour gets no detour


def test_nodes_with_several_ports_list_them_in_labelled_rows(
    view: NetworkView, document: Document
) -> None:
    add = document.add_node("Add", (0, 0), {"inputs": 3})
    item = view.network_scene.node_item(add)
    ys = [item.input_port_pos(port).y() for port in ("in1", "in2", "in3")]
    assert (
        ys == sorted(ys) and min(b - a for a, b in zip(ys, ys[1:], strict=False)) >= 20
    )
    assert ys[-1] < item.height
    relu = view.network_scene.node_item(document.add_node("ReLU", (0, 300)))
    assert relu.height < item.height


def test_a_long_network_opens_at_a_readable_zoom_showing_its_inputs(
    qtbot, document: Document, chain
) -> None:
    chain(document)  # one long row, not tidied: too long to read whole
    project = document.project
    view = NetworkView(document)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    document.new(project)
    assert view.zoom >= READABLE_ZOOM
    first = view.network_scene.node_items()[0]
    assert view.visible_scene_rect().contains(first.sceneBoundingRect())
    view.fit_to_view()
    assert view.zoom < READABLE_ZOOM


def test_the_tidied_seed_cnn_opens_whole_with_every_shape_label(
    qtbot, document: Document, chain
) -> None:
    ids = chain(document)
    document.tidy_layout()
    project = document.project
    view = NetworkView(document)
    qtbot.addWidget(view)
    view.resize(1000, 640)
    view.show()
    qtbot.waitExposed(view)
    document.new(project)
    assert view.zoom >= READABLE_ZOOM
    scene = view.network_scene
    visible = view.visible_scene_rect()
    for node_id in ids:
        assert visible.contains(
            scene.node_item(node_id).mapRectToScene(
                scene.node_item(node_id).card_rect()
            )
        )
    edges = scene.edge_items()
    assert len(edges) == len(ids) - 1
    cards = [item.mapRectToScene(item.card_rect()) for item in scene.node_items()]
    for edge in edges:
        label = edge.label_rect()
        assert edge.label and not label.isNull() and visible.contains(label)
        assert not any(label.intersects(card) for card in cards)


def test_the_cursor_turns_into_a_cross_over_ports(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    item = view.network_scene.node_item(cnn[1])
    view.centerOn(item)
    QTest.mouseMove(view.viewport(), QPoint(5, 5))
    QTest.mouseMove(view.viewport(), viewport_point(view, item.output_port_pos("out")))
    assert view.viewport().cursor().shape() == Qt.CursorShape.CrossCursor
    QTest.mouseMove(
        view.viewport(),
        viewport_point(view, item.mapToScene(item.card_rect().center())),
    )
    assert view.viewport().cursor().shape() != Qt.CursorShape.CrossCursor


def test_keys_typed_while_renaming_go_to_the_editor(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    view.setFocus()
    zoom = view.zoom
    rename = scene.start_rename(cnn[1])
    rename.editor.clear()
    QTest.keyClicks(view, "Fc")
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert view.zoom == zoom and not view.quick_add.isVisible()
    assert document.graph.has_node(cnn[1])
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert document.graph.node(cnn[1]).name == "Fc"


def test_dragging_from_a_free_input_back_to_an_output_connects(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    spare = document.add_node("Linear", (0, 500), {"out_features": 5})
    interaction = scene.begin_connection(scene.node_item(spare).input_port_pos("in"))
    assert interaction is not None
    offered = {
        node_id for node_id in cnn + [spare] if scene.node_item(node_id)._drop_ports
    }
    assert offered == set(
        cnn[:-1]
    )  # every output but the Output node's (it has none) and its own
    count = document.undo_stack.count()
    scene.finish_connection(scene.node_item(cnn[10]).output_port_pos("out"))
    assert document.undo_stack.count() == count + 1
    assert document.graph.edge_into(spare, "in").source == cnn[10]
    assert scene.node_item(spare).shape_text == "(N, 5)"
    assert not any(item._drop_ports for item in scene.node_items())


def test_ports_describe_the_shape_flowing_through_them(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    scene = view.network_scene
    name = document.graph.node(cnn[1]).name
    assert (
        scene.port_description(cnn[1], "in", "in")
        == f"{name} · input 'in': (N, 1, 28, 28)"
    )
    assert (
        scene.port_description(cnn[1], "out", "out")
        == f"{name} · output 'out': (N, 32, 26, 26)"
    )
    spare = document.add_node("ReLU", (0, 400))
    assert "not connected" in scene.port_description(spare, "in", "in")


def test_right_click_opens_the_menu_of_what_is_under_the_mouse(
    view: NetworkView, document: Document, cnn: list[str]
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    seen: list[list[str]] = []

    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        seen.append([a.text() for a in menu.actions() if a.text()] if menu else [])
        if menu:
            menu.close()

    item = view.network_scene.node_item(cnn[2])
    view.centerOn(item)
    for scene_pos in (item.mapToScene(item.card_rect().center()), QPointF(5000, 5000)):
        view.centerOn(scene_pos)
        point = view.mapFromScene(scene_pos)
        QTimer.singleShot(100, close_menu)
        view.contextMenuEvent(
            QContextMenuEvent(
                QContextMenuEvent.Reason.Mouse,
                point,
                view.viewport().mapToGlobal(point),
            )
        )
    assert seen[0][0] == "Rename" and "Tidy layout" in seen[1]
    assert document.selected_ids == [cnn[2]]


def test_labels_are_left_out_between_cards_too_close_for_them(
    view: NetworkView, document: Document
) -> None:
    scene = view.network_scene
    source = document.add_node("Input", (0, 0), {"shape": [1, 28, 28]})
    near = document.add_node("Flatten", (230, 0))
    far = document.add_node("Flatten", (600, 300))
    document.connect(source, "out", near, "in")
    document.connect(source, "out", far, "in")
    tight = scene.edge_item(document.graph.edge_into(near, "in"))
    roomy = scene.edge_item(document.graph.edge_into(far, "in"))
    assert tight.label == roomy.label == "(N, 1, 28, 28)"
    assert tight.label_rect().isNull() and not roomy.label_rect().isNull()
