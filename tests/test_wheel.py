"""The wheel is the whole app: built from the source, installed into a fresh
virtual environment that cannot see the checkout, it shows its theme, its
toolbar icons and every sample, and both ``python -m designer`` and the
``designer`` console script work.

The fresh environment gets no packages from an index: it borrows the running
environment's site-packages (torch, PySide6…) through a ``.pth`` line, which adds
that folder without running its own ``.pth`` files, so the checkout's editable
install stays out and ``designer`` can only come from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "designer" / "resources" / "samples").glob("*.json"))
BLOCKS = sorted((ROOT / "designer" / "resources" / "blocks").glob("*.json"))

# Run inside the fresh environment: what the window shows, as JSON.
PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QToolBar
app = QApplication(["designer"])
import designer
from designer.ui.main_window import MainWindow
window = MainWindow(interactive=False)
window.show()
app.processEvents()
samples = window.samples_menu
toolbar_actions = [
    action for bar in window.findChildren(QToolBar) for action in bar.actions()
    if not action.isSeparator() and action.isVisible()
]
from designer.resources import resource_folder
print(json.dumps({
    "package": designer.__file__,
    "samples_enabled": samples.isEnabled(),
    "sample_titles": [a.text() for a in samples.actions() if not a.isSeparator()],
    "sample_files": sorted(p.name for p in resource_folder("samples").glob("*.json")),
    "toolbar": [[a.objectName(), not a.icon().isNull()] for a in toolbar_actions],
    "stylesheet": app.styleSheet(),
    "icons_folder": resource_folder("icons").as_posix(),
    "window_icon": not window.windowIcon().isNull(),
}))
"""


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 120):
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (
        f"{command[:4]} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    )
    return result


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "PIP_"))
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        DESIGNER_RECOVERY_DIR=str(tmp_path / "recovery"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        OMP_NUM_THREADS="1",
    )
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """(the fresh environment's python, a folder outside the checkout, its env)."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = _clean_env(tmp)
    # Build from a copy so that the checkout gets no build/ or egg-info folders.
    source = tmp / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(ROOT / "designer", source / "designer", ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    dist = tmp / "dist"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(dist),
            str(source),
        ],
        tmp,
        env,
        timeout=180,
    )
    (wheel,) = dist.glob("designer-*.whl")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp, env)
    python = venv / "bin" / "python"
    purelib = Path(
        _run(
            [
                str(python),
                "-c",
                "import sysconfig; print(sysconfig.get_path('purelib'))",
            ],
            tmp,
            env,
        ).stdout.strip()
    )
    borrowed = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (purelib / "_borrowed_site_packages.pth").write_text(
        "\n".join(sorted(borrowed)) + "\n", encoding="utf-8"
    )
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        tmp,
        env,
        timeout=180,
    )
    work = tmp / "elsewhere"
    work.mkdir()
    return python, work, env


def test_the_wheel_carries_every_resource(installed) -> None:
    python, work, _env = installed
    (wheel,) = (work.parent / "dist").glob("designer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "designer/py.typed",
        "designer/resources/style.qss",
        "designer/resources/designer.desktop",
        "designer/resources/icons/designer.svg",
        "designer/resources/icons/save.svg",
        *(f"designer/resources/samples/{p.name}" for p in SAMPLES),
        *(f"designer/resources/blocks/{p.name}" for p in BLOCKS),
        # the command line reads the .ts translations (no Qt), the window the .qm
        "designer/resources/i18n/cli_zh_CN.ts",
        "designer/resources/i18n/cli_zh_CN.qm",
    }
    assert expected <= names, sorted(expected - names)


def test_the_installed_window_has_its_theme_icons_and_samples(installed) -> None:
    python, work, env = installed
    result = _run([str(python), "-c", PROBE], work, env)
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(seen["package"]).is_relative_to(python.parent.parent), seen["package"]
    assert not Path(seen["package"]).is_relative_to(ROOT)
    assert seen["sample_files"] == [p.name for p in SAMPLES]
    assert seen["samples_enabled"]
    assert len(seen["sample_titles"]) == len(SAMPLES) >= 10
    names = {name for name, _ in seen["toolbar"]}
    assert {"action_new", "action_open", "action_save", "action_undo"} <= names
    assert all(has_icon for _, has_icon in seen["toolbar"]), seen["toolbar"]
    assert "QDockWidget" in seen["stylesheet"]
    assert f"url({seen['icons_folder']}/check.svg)" in seen["stylesheet"]
    assert seen["window_icon"]


def test_the_installed_commands_work(installed) -> None:
    python, work, env = installed
    bin_dir = python.parent
    version = _run([str(bin_dir / "designer"), "--version"], work, env).stdout
    assert version.startswith("designer ")
    code = "from designer.resources import resource_path as r; print(r('samples/mlp.json'))"
    sample = _run([str(python), "-c", code], work, env).stdout.strip()
    assert Path(sample).is_relative_to(python.parent.parent)
    chinese = {**env, "LANG": "zh_CN.UTF-8", "LC_ALL": "", "LANGUAGE": ""}
    table = _run([str(bin_dir / "designer"), "validate", sample], work, chinese)
    assert "合计" in table.stdout and "有效" in table.stdout
    shot = work / "shot.png"
    _run([str(python), "-m", "designer", "--screenshot", str(shot), sample], work, env)
    assert shot.stat().st_size > 10_000
    _run([str(bin_dir / "designer"), "--install-desktop-entry"], work, env)
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / "designer.desktop"
    assert f"Exec={python} -m designer %f" in entry.read_text(encoding="utf-8")
