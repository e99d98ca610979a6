"""Start fast: the first paint loads none of the heavy libraries it does not need.

networkx (cycles, block order, connection rules), jsonschema (a document that
does not plainly fit), pyqtgraph (the training charts), scikit-learn (datasets)
torch (training, in its own process) and numpy (the layer previews and
Inside views) all load on first use; so do the parts of designer itself that
the first paint does not show (the code generator, the import and ONNX flows,
the layer reference).  Each check runs in a fresh interpreter, because this
test process has long loaded them all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("networkx", "jsonschema", "pyqtgraph", "sklearn", "torch", "numpy")
LATER = (
    "designer.codegen.module",
    "designer.ui.import_dialog",
    "designer.ui.onnx_export_flow",
    "designer.ui.panels.layer_reference",
)

SHOWN = """
import json, sys
from designer.ui.app import _application
app = _application([])
from designer.ui.main_window import MainWindow
window = MainWindow(dark=False, interactive=False)
if sys.argv[1] and not window.files.open_file(sys.argv[1], ask=False):
    raise SystemExit("the project did not open")
window.resize(1400, 900)
window.show()
if sys.argv[2] == "code":
    window.code_dock.raise_()
for _ in range(3):
    app.processEvents()
window.grab()
print(json.dumps({name: name in sys.modules for name in sys.argv[3:]}))
"""


def _loaded_after_first_paint(project: str, front: str = "") -> dict[str, bool]:
    """Which heavy modules are loaded once the window is painted; ``front="code"``
    brings the Code panel to the front first."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO),
    }
    result = subprocess.run(
        [sys.executable, "-c", SHOWN, project, front, *HEAVY, *LATER],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("project", ["", "samples/cnn_mnist.json"])
def test_the_first_paint_loads_no_heavy_library(project: str) -> None:
    loaded = _loaded_after_first_paint(project)
    assert not any(loaded.values()), [name for name, yes in loaded.items() if yes]


def test_the_check_sees_a_heavy_library() -> None:
    """The code of a project that uses a block needs networkx for the block order:
    with the Code panel in front, the check notices (and sees the code generator)."""
    sample = next(
        path
        for path in sorted((REPO / "samples").glob("*.json"))
        if "blocks" in json.loads(path.read_text())
    )
    in_front = _loaded_after_first_paint(str(sample), front="code")
    assert in_front["networkx"] and in_front["designer.codegen.module"]
    # Behind the inspector, the Code panel is not built before the first paint.
    assert not _loaded_after_first_paint(str(sample))["networkx"]
