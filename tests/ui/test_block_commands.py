"""Blocks on the canvas: group a selection, open a definition in its tab, edit it
once for every use, ungroup, make unique, and use a block from the palette."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from designer.graph.blocks import BLOCK, block_network
from designer.ui.document import Document
from designer.ui.main_window import SAMPLES_DIR, MainWindow
from designer.ui.panels.palette import TYPE_ROLE
from designer.ui.recovery import RecoveryStore

RESNET = SAMPLES_DIR / "resnet.json"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda _p, title, text, *a, **k: warnings.append((title, text)),
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(
        Document(), settings=settings, recovery=RecoveryStore(tmp_path / "recovery")
    )
    win.files.ask_save_changes = lambda _action: QMessageBox.StandardButton.Discard
    win.warnings = warnings
    qtbot.addWidget(win)
    yield win
    win.close()


def _ids(document: Document, *names: str) -> list[str]:
    return [document.graph.node_by_name(name).id for name in names]


def _answer(monkeypatch, name: str, accepted: bool = True) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (name, accepted))


def test_grouping_the_selection_makes_one_block_card_with_the_same_shapes(
    window, monkeypatch
) -> None:
    doc = window.document
    doc.load(RESNET)
    before = doc.analysis["model"].shape_of(doc.graph.node_by_name("pool").id)
    doc.set_selection(_ids(doc, "stem_conv", "stem_bn", "stem_relu"))
    _answer(monkeypatch, "Stem")
    window.action("group_block").trigger()

    assert "Stem" in doc.project.blocks
    uses = [
        n for n in doc.graph.nodes if n.type == BLOCK and n.params["block"] == "Stem"
    ]
    assert len(uses) == 1
    assert doc.graph.node_by_name("stem_conv") is None
    assert doc.analysis["model"].shape_of(doc.graph.node_by_name("pool").id) == before
    assert "Stem" in window.palette_panel.block_names()
    assert window.warnings == []

    doc.undo_stack.undo()  # one step brings the layers back and the block goes
    assert "Stem" not in doc.project.blocks
    assert doc.graph.node_by_name("stem_conv") is not None
    assert "Stem" not in window.palette_panel.block_names()


def test_a_refused_group_says_why_and_changes_nothing(window, monkeypatch) -> None:
    doc = window.document
    doc.load(RESNET)
    doc.set_selection(_ids(doc, "image", "stem_conv"))
    _answer(monkeypatch, "Stem")
    window.blocks.group_selection()
    assert "Stem" not in doc.project.blocks
    assert window.warnings and "Input and Output" in window.warnings[0][1]

    window.warnings.clear()
    doc.set_selection(_ids(doc, "stem_conv"))
    _answer(monkeypatch, "ResidualBlock")  # taken
    window.blocks.group_selection()
    assert window.warnings, "a taken name is refused in words"
    assert doc.undo_stack.count() == 0


def test_double_clicking_a_use_opens_its_definition_in_a_closable_tab(window) -> None:
    doc = window.document
    doc.load(RESNET)
    stage = doc.graph.node_by_name("stage1").id
    window.view.nodeActivated.emit(stage)

    assert doc.current_network == block_network("ResidualBlock")
    assert window.tab_names == ["model", block_network("ResidualBlock")]
    assert window.network_tabs.isVisible() or not window.isVisible()
    assert "ResidualBlock" in window.network_tabs.tabText(1)
    assert doc.analysis[block_network("ResidualBlock")].valid

    window.network_tabs.tabCloseRequested.emit(1)
    assert doc.current_network == "model"
    assert window.tab_names == ["model"]


def test_editing_the_definition_changes_every_use(window) -> None:
    doc = window.document
    doc.load(RESNET)
    stage = doc.graph.node_by_name("stage1").id
    params_before = doc.analysis["model"].nodes[stage].params
    doc.open_block("ResidualBlock")
    conv = next(n for n in doc.graph.nodes if n.type == "Conv2d")
    assert doc.set_param(conv.id, "kernel_size", 5) is None

    assert doc.analysis["model"].nodes[stage].params > params_before
    assert "kernel_size=5" in doc.code()
    doc.undo_stack.undo()  # undo shows and restores the definition
    assert doc.analysis["model"].nodes[stage].params == params_before


def test_undoing_the_group_closes_the_tab_of_the_block_it_made(
    window, monkeypatch
) -> None:
    doc = window.document
    doc.load(RESNET)
    doc.set_selection(_ids(doc, "stem_bn", "stem_relu"))
    _answer(monkeypatch, "BnRelu")
    window.blocks.group_selection()
    doc.open_block("BnRelu")
    assert block_network("BnRelu") in window.tab_names
    doc.show_network("model")
    doc.undo_stack.undo()
    assert window.tab_names == ["model"]
    assert doc.current_network == "model"


def test_make_unique_and_ungroup_from_the_edit_menu(window) -> None:
    doc = window.document
    doc.load(RESNET)
    stage = doc.graph.node_by_name("stage1").id
    doc.set_selection([stage])
    window.action("unique_block").trigger()
    renamed = doc.graph.node(stage).params["block"]
    assert renamed != "ResidualBlock" and renamed in doc.project.blocks

    doc.set_selection([stage])
    window.action("ungroup_block").trigger()
    assert not doc.graph.has_node(stage)
    assert all(n.type != BLOCK for n in doc.graph.nodes)
    assert doc.analysis["model"].valid  # three residual blocks inline, same shapes


def test_block_commands_need_one_selected_block(window) -> None:
    doc = window.document
    doc.load(RESNET)
    doc.set_selection(_ids(doc, "stem_conv"))
    window.blocks.ungroup_selection()
    assert window.warnings and "one block" in window.warnings[0][1]


def test_a_block_from_the_palette_lands_as_a_use(window) -> None:
    doc = window.document
    doc.load(RESNET)
    palette = window.palette_panel
    palette.set_filter("residual")
    [item] = [
        i
        for i in palette.tree.findItems("ResidualBlock", Qt.MatchFlag.MatchRecursive)
        if i.data(0, TYPE_ROLE).startswith("block:")
    ]
    assert not item.isHidden()
    palette.tree.activated.emit(item.data(0, TYPE_ROLE))
    uses = [n for n in doc.graph.nodes if n.type == BLOCK]
    assert len(uses) == 2 and uses[-1].params == {"block": "ResidualBlock", "repeat": 1}

    mime = palette.tree.mimeData([item])
    added = window.view.add_dropped_layer(mime, QPointF(600, 600))
    assert doc.graph.node(added).params["block"] == "ResidualBlock"

    palette.set_filter("conv2d")
    assert item.isHidden()


def test_the_library_is_listed_and_its_blocks_come_in_with_a_double_click(
    window, tmp_path: Path
) -> None:
    window.blocks.user_folder = tmp_path / "mine"
    window.blocks.refresh_library()
    palette = window.palette_panel
    assert "InceptionBlock" in palette.library_labels()
    doc = window.document
    doc.load(RESNET)
    palette.set_filter("inception")
    [item] = [
        i
        for i in palette.tree.findItems("InceptionBlock", Qt.MatchFlag.MatchRecursive)
        if not i.isHidden()
    ]
    palette.tree.activated.emit(item.data(0, TYPE_ROLE))
    assert "InceptionBlock" in doc.project.blocks
    assert "InceptionBlock" in palette.block_names()  # now a block of the project
    doc.undo_stack.undo()
    assert "InceptionBlock" not in doc.project.blocks


def test_a_block_saved_to_the_library_is_offered_as_yours(
    window, tmp_path: Path, monkeypatch
) -> None:
    window.blocks.user_folder = tmp_path / "mine"
    doc = window.document
    doc.load(RESNET)
    doc.set_selection(_ids(doc, "stage1"))
    window.action("save_block").trigger()
    assert (tmp_path / "mine" / "ResidualBlock.json").is_file()
    assert "ResidualBlock  (yours)" in window.palette_panel.library_labels()

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a, **k: (
            asked.append(text) or QMessageBox.StandardButton.No
        ),
    )
    window.action("save_block").trigger()  # the same name again: asks first
    assert asked and "already has a block called ResidualBlock" in asked[0]


def test_a_broken_library_file_is_reported_not_fatal(window, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "Broken.json").write_text("[1, 2", encoding="utf-8")
    window.blocks.user_folder = folder
    window.blocks.refresh_library()
    assert window.blocks.library_problems[0].startswith("Broken.json")
    assert "Broken.json" in window.statusBar().currentMessage()
    assert "VGGBlock" in window.palette_panel.library_labels()
