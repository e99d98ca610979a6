"""Time to the first painted window: designer against a bare PySide6 window.

Each side runs in a fresh interpreter, started and timed from here, and ends as
soon as its window is painted and grabbed into a PNG:

* bare: ``QApplication`` + an empty 1400×900 ``QMainWindow``, shown, events
  processed, grabbed and saved;
* designer: ``python -m designer --screenshot OUT.png samples/cnn_mnist.json``
  (the same size, the sample project opened, the same grab).

Interpreter start-up counts on both sides, so the ratio is what the user sees
beyond what any PySide6 app costs.  "Painted" is the moment the grab of the
painted window is done (both sides report it as they start writing the PNG);
"with the PNG" adds the writing and the exit.  Prints the median of ``RUNS`` runs
of each and the ratios; also lists which heavy modules the designer run loaded.

    python bench/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNS = 5
# Both sides say when the grab is done: the moment they start writing the PNG.
PAINTED = """
import time
from PySide6.QtGui import QPixmap
_save = QPixmap.save
def _painted_then_save(self, *args):
    print(f"painted-at {time.time():.6f}", flush=True)
    return _save(self, *args)
QPixmap.save = _painted_then_save
"""
BARE = (
    PAINTED
    + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1400, 900)
window.show()
for _ in range(3):
    app.processEvents()
window.grab().save(sys.argv[1], "PNG")
"""
)
HEAVY = ("networkx", "pyqtgraph", "sklearn", "torch", "jsonschema", "numpy")
DESIGNER = (
    PAINTED
    + """
import runpy, sys
sys.argv = ["designer", *sys.argv[1:]]
runpy.run_module("designer", run_name="__main__")
"""
)
LOADED = """
import runpy, sys
heavy = sys.argv[3:]
sys.argv = ["designer", "--screenshot", sys.argv[1], sys.argv[2]]
try:
    runpy.run_module("designer", run_name="__main__")
except SystemExit:
    pass
print(" ".join(m for m in heavy if m in sys.modules))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # As installed: the modules' bytecode is cached (the warm-up run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO), env.get("PYTHONPATH", "")) if p
    )
    return env


def _time(command: list[str]) -> tuple[float, float]:
    """Seconds from starting the process to its painted window, and to its exit."""
    start = time.time()
    done = subprocess.run(
        command, check=True, env=_env(), capture_output=True, text=True, cwd=REPO
    )
    total = time.time() - start
    marks = [
        line.split()[1]
        for line in done.stdout.splitlines()
        if line.startswith("painted-at")
    ]
    return float(marks[0]) - start, total


def main() -> None:
    sample = str(REPO / "samples" / "cnn_mnist.json")
    with tempfile.TemporaryDirectory() as folder:
        png = str(Path(folder) / "window.png")
        bare_cmd = [sys.executable, "-c", BARE, png]
        designer_cmd = [sys.executable, "-c", DESIGNER, "--screenshot", png, sample]
        _time(bare_cmd)  # warm the file cache for both
        _time(designer_cmd)
        bare, designer = [], []
        for _ in range(
            RUNS
        ):  # interleaved, so a change in the machine's load hits both
            bare.append(_time(bare_cmd))
            designer.append(_time(designer_cmd))
        loaded = subprocess.run(
            [sys.executable, "-c", LOADED, png, sample, *HEAVY],
            check=True,
            env=_env(),
            capture_output=True,
            text=True,
            cwd=REPO,
        ).stdout.split()
    b, d = (statistics.median(t[0] for t in runs) for runs in (bare, designer))
    b_all, d_all = (statistics.median(t[1] for t in runs) for runs in (bare, designer))
    print(f"median of {RUNS} runs each          painted   with the PNG")
    print(
        f"bare PySide6 window:                {b * 1000:5.0f} ms   {b_all * 1000:5.0f} ms"
    )
    print(
        f"designer --screenshot cnn_mnist:    {d * 1000:5.0f} ms   {d_all * 1000:5.0f} ms"
    )
    print(f"ratio designer / bare:              {d / b:5.2f}x   {d_all / b_all:5.2f}x")
    print(f"designer beyond the bare window:    {(d - b) * 1000:5.0f} ms")
    print(
        f"heavy modules loaded: {', '.join(loaded) or 'none'}  (of {', '.join(HEAVY)})"
    )


if __name__ == "__main__":
    main()
