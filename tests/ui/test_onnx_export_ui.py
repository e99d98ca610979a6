"""File ▸ Export ▸ ONNX…: the submenu, the child process, the file and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.ui.main_window import MainWindow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def window(window_collecting_errors):
    return window_collecting_errors


def test_the_export_submenu_holds_code_training_script_and_onnx(
    window: MainWindow,
) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    (export,) = [
        a.menu() for a in file_menu.actions() if a.text().replace("&", "") == "Export"
    ]
    assert export.actions() == [
        window.action("export"),
        window.action("export_training"),
        window.action("export_onnx"),
    ]


def _export(qtbot, window: MainWindow, sample: str, target: Path) -> None:
    assert window.files.open_file(SAMPLES / f"{sample}.json", ask=False)
    window.files.choose_save_path = lambda *_args: str(target)
    assert window.files.onnx_export.run()
    exporter = window.files.onnx_export.exporter
    qtbot.waitUntil(
        lambda: (
            exporter.process is not None
            and exporter.process.state() == exporter.process.ProcessState.NotRunning
        ),
        timeout=90_000,
    )


def test_onnx_is_written_by_a_child_process(qtbot, window: MainWindow, tmp_path):
    onnx = pytest.importorskip("onnx")
    target = tmp_path / "mlp"  # the suffix is added
    _export(qtbot, window, "mlp", target)
    assert window.errors == []
    written = tmp_path / "mlp.onnx"
    onnx.checker.check_model(onnx.load(str(written)))
    assert "fresh weights" in window.statusBar().currentMessage()


def test_a_layer_onnx_lacks_is_named_in_the_error(qtbot, window: MainWindow, tmp_path):
    _export(qtbot, window, "resnet_block", tmp_path / "r.onnx")
    qtbot.waitUntil(lambda: bool(window.errors), timeout=5_000)
    title, message = window.errors[0]
    assert "ONNX" in title
    assert "'gap' (AdaptiveAvgPool2d)" in message and "Traceback" not in message
    assert not (tmp_path / "r.onnx").exists()
