"""The interface in Simplified Chinese and English, switched at run time.

The whole-window walk fails on any user-visible text still in English under
zh_CN (words of three or more ASCII letters, less proper names, layer types,
key names and the project's own data); the narrower walk covers the window's
own parts (menus, actions, docks, toolbar, status bar, title).  The translation
files must be up to date with the code, complete, and cover every ui module.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from english_texts import (
    ENGLISH_WORD,
    KEY_NAMES,
    allowed_words,
    english_words,
    offenders,
    own_parts_texts,
    whole_window_texts,
    whole_window_texts_of,
)
from PySide6.QtCore import QEvent, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMenu

from designer.graph.catalog import all_specs
from designer.graph.project_file import load_project
from designer.ui import language as language_module
from designer.ui.about import about_html
from designer.ui.app import LANGUAGE_CHOICES, parse_args
from designer.ui.document import Document
from designer.ui.import_dialog import ImportModelDialog
from designer.ui.language import (
    CHINESE,
    ENGLISH,
    LANGUAGES,
    NO_CHINESE_FONT,
    current_language,
    install_language,
    saved_language,
    startup_language,
    system_language,
)
from designer.ui.main_window import MainWindow
from designer.ui.recovery import RecoveryStore
from designer.ui.undo_texts import undo_text
from designer.ui.window_files import Discard, sample_files

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "cnn_mnist.json"
UI = ROOT / "designer" / "ui"


def _translations_tool() -> ModuleType:
    """``tools/translations.py`` (not a package on the path in every run)."""
    spec = importlib.util.spec_from_file_location(
        "designer_translations_tool", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# == fixtures ==========================================================================
@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg")
    )
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "designer-tests", "i18n"
    )


@pytest.fixture
def english_after(qapp) -> Iterator[None]:
    """Whatever a test installs, the next one starts in English."""
    install_language(ENGLISH)
    yield
    install_language(ENGLISH)


@pytest.fixture
def window(qtbot, settings, tmp_path, english_after) -> MainWindow:
    built = MainWindow(
        Document(load_project(SAMPLE)),
        settings=settings,
        recovery=RecoveryStore(tmp_path / "recovery"),
        autosave_ms=60_000,
    )
    built.files.ask_save_changes = lambda _action: Discard
    qtbot.addWidget(built)
    built.resize(1400, 900)
    built.show()
    QApplication.processEvents()
    return built


def switch_to(language: str) -> None:
    install_language(language)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# == finding English ===================================================================


# == the whole window and its dialogs ====================================================
def test_the_whole_window_and_its_dialogs_are_chinese(window) -> None:
    """Strict: every part of the window (panels and training included)."""
    switch_to(CHINESE)
    window.show_training()
    QApplication.processEvents()
    allowed = allowed_words(window)
    texts = list(whole_window_texts(window))
    reference = window.show_layer_reference()
    texts += [(f"LayerReference/{w}", t) for w, t in whole_window_texts_of(reference)]
    dialog = ImportModelDialog("", window)
    texts += [(f"ImportModelDialog/{w}", t) for w, t in whole_window_texts_of(dialog)]
    texts.append(("About", about_html()))
    problems = offenders(texts, allowed)
    assert not problems, "English left under zh_CN:\n" + "\n".join(problems)


def test_the_windows_own_parts_are_chinese(window) -> None:
    switch_to(CHINESE)
    problems = offenders(own_parts_texts(window), allowed_words(window))
    assert not problems, "English left under zh_CN:\n" + "\n".join(problems)
    assert window.action("save").text() == "保存(&S)"
    assert window.problems_dock.windowTitle().startswith("问题")
    assert window.readouts.params_label.text().startswith("参数量")


def test_the_walk_finds_english(window) -> None:
    """The check can fail: in English the same walk finds plenty."""
    problems = offenders(own_parts_texts(window), allowed_words(window))
    assert any("QAction(action_save).text" in p for p in problems)
    assert english_words("保存 model.py (Ctrl+S) 到 /tmp/x.json", set(KEY_NAMES)) == []
    assert english_words("Save the project", set()) == ["Save", "the", "project"]


def test_the_import_dialog_and_about_box_are_chinese(window) -> None:
    switch_to(CHINESE)
    dialog = ImportModelDialog("", window)
    texts = list(whole_window_texts_of(dialog)) + [("About", about_html())]
    problems = offenders(texts, allowed_words(window))
    assert not problems, "\n".join(problems)
    assert dialog.windowTitle() == "导入 PyTorch 模型"
    switch_to(ENGLISH)
    assert dialog.windowTitle() == "Import PyTorch Model"
    assert dialog.ok_button.text() == "Run and Import"


# == switching at run time ================================================================
def test_switching_en_zh_en_changes_the_menus_and_back(window) -> None:
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "&File"
    assert window.action("open").text() == "&Open…"
    switch_to(CHINESE)
    assert file_menu.text() == "文件(&F)"
    assert window.action("open").text() == "打开(&O)…"
    assert window.action("save").statusTip() == "保存项目"
    assert window.action("mode_design").iconText() == "设计"
    assert window.inspector_dock.windowTitle() == "属性面板"
    switch_to(ENGLISH)
    assert file_menu.text() == "&File"
    assert window.action("open").text() == "&Open…"
    assert window.action("save").statusTip() == "Save the project"
    assert window.inspector_dock.windowTitle() == "Inspector"
    assert window.readouts.zoom_label.text().startswith("Zoom ")


def test_undo_steps_are_named_in_the_current_language(window) -> None:
    conv = next(n for n in window.document.graph.nodes if n.type == "Conv2d")
    old_name = conv.name
    window.document.rename(conv.id, "features")
    assert window.action("undo").text() == f"&Undo Rename {old_name} to features"
    switch_to(CHINESE)
    undo = window.action("undo").text()
    assert undo == f"撤销 把 {old_name} 重命名为 features(&U)"
    window.action("undo").trigger()
    assert window.action("redo").text().startswith("重做 把")
    switch_to(ENGLISH)
    assert window.action("redo").text() == f"&Redo Rename {old_name} to features"


@pytest.mark.parametrize(
    ("model_text", "chinese"),
    [
        ("Delete 3 layers", "删除 3 个层"),
        ("Delete 1 item", "删除 1 项"),
        ("Move 2 layers", "移动 2 个层"),
        ("Move fc1", "移动 fc1"),
        ("Connect a → b.in", "连接 a → b.in"),
        ("Change out_features of fc1", "修改 fc1 的 out_features"),
        ("Group 4 layers into Stem", "把 4 个层组合为 Stem"),
        ("Add Conv2d", "添加 Conv2d"),
        ("Tidy layout", "整理布局"),
        ("Rename block A to B", "把模块 A 重命名为 B"),
    ],
)
def test_undo_text_patterns(english_after, model_text: str, chinese: str) -> None:
    assert undo_text(model_text) == model_text  # English: the model's own words
    switch_to(CHINESE)
    assert undo_text(model_text) == chinese
    assert undo_text("Something new") == "Something new"


# == choosing the language =================================================================
def test_view_language_menu_switches_at_once_and_is_saved(window, settings) -> None:
    actions = window.language.actions
    assert [a.text() for a in actions.values()] == ["English", "简体中文"]
    assert actions[ENGLISH].isChecked() and not actions[CHINESE].isChecked()
    actions[CHINESE].trigger()
    QApplication.processEvents()
    assert current_language() == CHINESE
    assert window.action("save").text() == "保存(&S)"
    assert actions[CHINESE].isChecked() and not actions[ENGLISH].isChecked()
    assert [a.text() for a in actions.values()] == ["English", "简体中文"]
    assert saved_language(settings) == CHINESE
    actions[ENGLISH].trigger()
    QApplication.processEvents()
    assert window.action("save").text() == "&Save"
    assert saved_language(settings) == ENGLISH
    view = window.menuBar().findChild(QMenu, "menu_view")
    assert window.language.menu.menuAction() in view.actions()


def test_the_language_follows_the_system_unless_chosen(settings) -> None:
    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    assert system_language(china) == CHINESE
    assert system_language(QLocale(QLocale.Language.French)) == ENGLISH
    assert system_language(QLocale(QLocale.Language.English)) == ENGLISH
    assert startup_language(settings) == system_language()
    settings.setValue("view/language", CHINESE)
    assert startup_language(settings) == CHINESE
    assert startup_language(settings, ENGLISH) == ENGLISH  # --lang wins
    settings.setValue("view/language", "klingon")
    assert saved_language(settings) is None


def test_lang_choices_match_the_languages() -> None:
    assert tuple(LANGUAGE_CHOICES) == LANGUAGES
    assert parse_args(["--lang", "zh_CN", "x.json"]).lang == "zh_CN"
    assert parse_args([]).lang is None


def test_a_bad_lang_is_a_clear_argparse_error(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_args(["--lang", "fr"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "--lang" in error and "invalid choice: 'fr'" in error and "zh_CN" in error


def test_install_language_refuses_an_unknown_language(english_after) -> None:
    with pytest.raises(ValueError, match="klingon"):
        install_language("klingon")


def test_a_missing_i18n_folder_leaves_english_working(window, monkeypatch) -> None:
    from designer.resources import MissingResourceError

    def missing(name: str):
        raise MissingResourceError(name, "nowhere")

    monkeypatch.setattr(language_module, "resource_folder", missing)
    switch_to(CHINESE)
    assert window.action("save").text() == "&Save"
    switch_to(ENGLISH)
    assert window.action("save").text() == "&Save"


# == fonts =================================================================================
def test_no_chinese_font_is_said_once_in_plain_words(window, monkeypatch, capsys):
    monkeypatch.setattr(language_module, "chinese_font_families", lambda: [])
    monkeypatch.setattr(language_module, "_font_warned", [False])
    window.language.actions[CHINESE].trigger()
    QApplication.processEvents()
    assert window.statusBar().currentMessage() == NO_CHINESE_FONT
    assert "fonts-noto-cjk" in NO_CHINESE_FONT
    assert capsys.readouterr().err.count("No Chinese font") == 1
    window.statusBar().clearMessage()
    window.language.actions[ENGLISH].trigger()
    window.language.actions[CHINESE].trigger()
    assert window.statusBar().currentMessage() == ""  # once
    assert "No Chinese font" not in capsys.readouterr().err


def test_a_chinese_font_means_no_warning(window, monkeypatch, capsys) -> None:
    monkeypatch.setattr(
        language_module, "chinese_font_families", lambda: ["Noto Sans CJK SC"]
    )
    monkeypatch.setattr(language_module, "_font_warned", [False])
    window.language.actions[CHINESE].trigger()
    assert window.statusBar().currentMessage() == ""
    assert "No Chinese font" not in capsys.readouterr().err


# == the translation files ================================================================
def test_the_ts_files_are_up_to_date_with_the_code() -> None:
    problems = _translations_tool().check()
    assert problems == [], "\n".join(problems)


def test_every_ui_module_is_in_exactly_one_group() -> None:
    tool = _translations_tool()
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        owners = [
            group
            for group, sources in tool.GROUPS.items()
            if any(
                relative == source or relative.startswith(source.rstrip("/") + "/")
                for source in sources
            )
        ]
        assert len(owners) == 1, f"{relative} is in groups {owners}"


def test_no_translation_is_unfinished() -> None:
    tool = _translations_tool()
    for group in tool.GROUPS:
        for language in tool.LANGUAGES:
            ts = tool.ts_file(group, language)
            left = tool.untranslated(ts)
            assert not left, f"{ts.name}: {len(left)} unfinished, e.g. {left[:5]}"


def test_the_window_group_is_complete() -> None:
    tool = _translations_tool()
    ts = tool.ts_file("window", CHINESE)
    assert tool.untranslated(ts) == []
    assert len(tool.messages(ts)) > 200


# == the command line =======================================================================
def test_lang_zh_cn_screenshot(tmp_path: Path) -> None:
    from PIL import Image

    out = tmp_path / "zh.png"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        DESIGNER_RECOVERY_DIR=str(tmp_path / "recovery"),
        PYTHONPATH=str(ROOT),
    )
    command = [sys.executable, "-m", "designer", "--lang", "zh_CN"]
    command += ["--screenshot", str(out), str(SAMPLE)]
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=180
    )
    assert result.returncode == 0, result.stderr
    with Image.open(out) as image:
        assert image.size == (1400, 900)
    assert not list((tmp_path / "config").rglob("*.ini")) or all(
        "language" not in p.read_text() for p in (tmp_path / "config").rglob("*.ini")
    )


def test_a_bad_lang_on_the_command_line(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "designer", "--lang", "fr"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2
    assert "invalid choice: 'fr'" in result.stderr


def test_the_read_only_note_is_translated(english_after) -> None:
    from designer.ui.read_only import note_text

    note = (
        "This project was saved by designer 9.0, newer than this one (0.1.0). It is "
        "open read-only so that the file keeps what this version does not know; use "
        "Save As to keep your changes in another file, or update designer."
    )
    assert note_text(note) == note
    switch_to(CHINESE)
    assert note_text(note).startswith("此项目由 designer 9.0 保存")
    assert "（0.1.0）" in note_text(note)
    assert note_text("Something else") == "Something else"


def test_the_unsaved_changes_question_and_qts_buttons_are_chinese(
    window, monkeypatch
) -> None:
    """The question box, with Qt's own Save / Discard / Cancel in Chinese too."""
    from PySide6.QtWidgets import QMessageBox

    from designer.ui.window_files import ProjectFiles

    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return QMessageBox.StandardButton.Cancel.value

    monkeypatch.setattr(QMessageBox, "exec", record)
    switch_to(CHINESE)
    ProjectFiles.ask_save_changes(window.files, "closing")
    box = shown[-1]
    assert box.text() == "在关闭之前保存对“CNN MNIST”的更改吗？"
    texts = list(whole_window_texts_of(box)) + [("text", box.informativeText())]
    problems = offenders(texts, allowed_words(window))
    assert not problems, "\n".join(problems)
    save = box.button(QMessageBox.StandardButton.Save)
    assert save is not None and "保存" in save.text()


def test_every_sample_has_a_translated_title(english_after) -> None:
    from designer.ui.window_language import SAMPLE_TITLES, sample_title

    titles = [title for title, _path in sample_files()]
    assert set(titles) <= set(SAMPLE_TITLES), "add the new sample to SAMPLE_TITLES"
    assert sample_title("CNN MNIST") == "CNN MNIST"
    switch_to(CHINESE)
    assert sample_title("Vanishing gradients") == "梯度消失"
    assert sample_title("my own project") == "my own project"


def test_every_kind_of_edit_is_named_in_chinese(window) -> None:
    """Real edits, so that a change of the model's wording cannot slip by: each
    step's name under zh_CN holds no English but node names and parameter keys."""
    doc = window.document
    stack = doc.undo_stack
    nodes = doc.graph.nodes
    conv, relu = nodes[1], nodes[2]
    added = doc.add_node("ReLU", (0.0, 400.0))
    doc.connect(relu.id, "out", added, "in")
    doc.disconnect_all(added)
    doc.set_param(conv.id, "out_channels", 16)
    doc.rename(added, "extra")
    doc.move_nodes({added: ((0.0, 400.0), (40.0, 440.0))})
    doc.duplicate([added])
    doc.copy([added, conv.id])
    doc.paste()
    doc.delete([added])
    assert doc.group_into_block([nodes[5].id, nodes[6].id], "Stem") is None
    doc.cut([nodes[3].id, nodes[4].id])
    doc.tidy_layout()
    doc.set_project_name("Digits")
    doc.set_training({"epochs": 3})
    doc.set_dataset({"name": "digits"})
    switch_to(CHINESE)
    keys = {field.name for spec in all_specs() for field in spec.params}
    allowed = allowed_words(window) | {"Digits", "Stem", "extra", "features"}
    allowed |= {word for key in keys for word in ENGLISH_WORD.findall(key)}
    names = [stack.command(index).text() for index in range(stack.count())]
    assert len(names) >= 15 and all(name for name in names), names
    problems = offenders((("undo step", name) for name in names), allowed)
    assert not problems, "\n".join(problems)
