"""The app entry: argument parsing, the headless screenshot, a light start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from designer.ui.app import SCREENSHOT_SIZE, parse_args

ROOT = Path(__file__).resolve().parents[2]


def headless_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        DESIGNER_RECOVERY_DIR=str(tmp_path / "recovery"),
        PYTHONPATH=str(ROOT),
    )
    return env


def run_designer(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from designer.ui.app import run_app; sys.exit(run_app(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=headless_env(tmp_path),
        timeout=120,
        check=False,
    )


def test_parse_args() -> None:
    args = parse_args(["net.json", "--dark", "--screenshot", "out.png"])
    assert (args.file, args.dark, args.screenshot) == ("net.json", True, "out.png")
    args = parse_args([])
    assert (args.file, args.dark, args.screenshot) == (None, False, None)


def test_screenshot_writes_a_png_of_the_window_size(tmp_path: Path) -> None:
    from PIL import Image

    out = tmp_path / "shot.png"
    result = run_designer(
        ["--screenshot", str(out), str(ROOT / "samples" / "cnn_mnist.json")], tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000
    with Image.open(out) as image:
        assert image.size == SCREENSHOT_SIZE
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50  # not a blank window
    assert not any((tmp_path / "recovery").glob("*.json"))


def test_screenshot_of_an_empty_document_and_dark_theme(tmp_path: Path) -> None:
    out = tmp_path / "empty.png"
    result = run_designer(["--dark", "--screenshot", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000


def test_screenshot_of_a_broken_file_reports_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    result = run_designer(
        ["--screenshot", str(tmp_path / "x.png"), str(broken)], tmp_path
    )
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("module", ["designer.ui.main_window", "designer.ui.app"])
def test_the_window_starts_without_torch_or_pyqtgraph(
    tmp_path: Path, module: str
) -> None:
    script = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from designer.ui.main_window import MainWindow\n"
        "from designer.ui.document import Document\n"
        "from designer.graph.project_file import load_project\n"
        f"w = MainWindow(Document(load_project({str(ROOT / 'samples' / 'cnn_mnist.json')!r})), interactive=False)\n"
        "w.show(); app.processEvents(); w._refresh_code()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'pyqtgraph'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=headless_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


INTERACTIVE_SCRIPT = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
shown = []
QMessageBox.warning = lambda parent, title, text, *a, **k: shown.append(text)
def report():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
    doc = window.document
    print(json.dumps({"title": window.windowTitle(), "nodes": len(doc.graph.nodes),
                      "path": str(doc.path) if doc.path else None, "messages": shown}))
    window.close()
QTimer.singleShot(300, report)
from designer.ui.app import run_app
sys.exit(run_app(sys.argv[1:]))
"""


def run_interactive(args: list[str], tmp_path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", INTERACTIVE_SCRIPT, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=headless_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_designer_file_opens_the_project(tmp_path: Path) -> None:
    sample = ROOT / "samples" / "cnn_mnist.json"
    state = run_interactive([str(sample)], tmp_path)
    assert state["title"] == "cnn_mnist.json[*] — designer"
    assert state["nodes"] > 5 and state["path"] == str(sample)
    assert state["messages"] == []


def test_designer_with_a_broken_file_shows_why_and_an_empty_document(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2]")
    state = run_interactive([str(broken)], tmp_path)
    assert state["nodes"] == 0 and state["path"] is None
    assert len(state["messages"]) == 1 and "broken.json" in state["messages"][0]


def test_screenshot_into_an_impossible_folder_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_designer(["--screenshot", str(blocker / "sub" / "x.png")], tmp_path)
    assert result.returncode == 1
    assert (
        "cannot create the folder" in result.stderr and "Traceback" not in result.stderr
    )
