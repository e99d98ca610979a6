"""File ▸ Import PyTorch Model…: the dialog, the child process and the new project."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.ui.import_dialog import ImportModelDialog, model_names
from designer.ui.main_window import MainWindow

MODELS = Path(__file__).resolve().parents[1] / "export" / "import_models.py"


@pytest.fixture
def window(window_collecting_errors):
    return window_collecting_errors


def test_the_file_menu_offers_the_import(window: MainWindow) -> None:
    action = window.action("import_model")
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()


def test_the_names_are_read_without_running_the_file(tmp_path: Path) -> None:
    script = tmp_path / "model.py"
    script.write_text(
        "raise SystemExit('ran')\nclass Net: pass\ndef build(): pass\nclass _Hidden: pass\n"
    )
    assert model_names(script) == ["Net", "build"]
    assert model_names(tmp_path / "missing.py") == []
    (tmp_path / "broken.py").write_text("class (:\n")
    assert model_names(tmp_path / "broken.py") == []


def test_the_dialog_builds_the_command(qtbot, tmp_path: Path) -> None:
    dialog = ImportModelDialog()
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(MODELS))
    dialog._fill_names()
    assert {"ConvNet", "Sequence", "mlp"} <= {
        dialog.name_combo.itemText(i) for i in range(dialog.name_combo.count())
    }
    dialog.name_combo.setCurrentText("mlp")
    dialog.inputs_edit.setText("2x2, long:3")
    dialog.args_edit.setText('{"hidden": 5}')
    out = tmp_path / "x.json"
    assert dialog.command(out) == [
        "-m", "designer", "import", f"{MODELS}:mlp", "-o", str(out),
        "--input", "2x2", "--input", "long:3", "--args", '{"hidden": 5}',
    ]  # fmt: skip


def _dialog(qtbot, name: str, inputs: str) -> ImportModelDialog:
    dialog = ImportModelDialog()
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(MODELS))
    dialog.name_combo.setEditText(name)
    dialog.inputs_edit.setText(inputs)
    return dialog


def test_an_imported_model_opens_as_a_new_project(qtbot, window: MainWindow) -> None:
    importer = window.files.model_import.start(_dialog(qtbot, "ConvNet", "1x16x16"))
    qtbot.waitUntil(lambda: window.document.project.name == "ConvNet", timeout=180_000)
    assert importer.process is not None and importer.process.exitCode() == 0
    names = {node.name for node in window.document.graph.nodes}
    assert {"stem_0", "block", "head"} <= names
    assert "Residual" in window.document.project.blocks
    assert window.errors == []


def test_a_refusal_is_shown_and_the_document_is_kept(qtbot, window: MainWindow) -> None:
    before = [node.id for node in window.document.graph.nodes]
    window.files.model_import.start(_dialog(qtbot, "DataDependent", "4"))
    qtbot.waitUntil(lambda: bool(window.errors), timeout=180_000)
    title, message = window.errors[0]
    assert "import" in title.lower()
    assert "control flow" in message and "Traceback" not in message
    assert [node.id for node in window.document.graph.nodes] == before
