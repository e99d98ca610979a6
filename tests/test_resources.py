"""Package data: found through importlib.resources, and named when missing;
the version; the Linux desktop entry."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import designer.resources as package_resources
from designer.cli import main
from designer.desktop_entry import data_home, desktop_entry_text, install_desktop_entry
from designer.resources import (
    REQUIRED,
    MissingResourceError,
    missing_resources,
    resource_folder,
    resource_path,
    resource_text,
)
from designer.version import __version__, app_version, is_newer_than_this, version_key

ROOT = Path(__file__).resolve().parents[1]


def test_every_required_resource_is_in_the_package() -> None:
    assert missing_resources() == []
    folder = resource_folder("samples")
    assert folder.parent == ROOT / "designer" / "resources"
    assert len(list(folder.glob("*.json"))) >= 10
    assert "QDockWidget" in resource_text("style.qss")
    assert resource_path("icons/save.svg").is_file()


def test_the_checkout_samples_path_is_the_package_folder() -> None:
    assert (ROOT / "samples").resolve() == resource_folder("samples").resolve()


def test_every_icon_the_window_names_exists() -> None:
    from designer.ui.actions import ACTIONS, ActionSpec

    named = {row.icon for row in ACTIONS if isinstance(row, ActionSpec) and row.icon}
    assert named and all(resource_path(f"icons/{name}.svg").is_file() for name in named)


def test_package_data_globs_cover_every_resource_file() -> None:
    """A file under designer/resources that pyproject does not list would be left
    out of the wheel: the app would work from the checkout and break installed."""
    import fnmatch

    tomllib = pytest.importorskip("tomllib")

    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"
    ]["setuptools"]["package-data"]["designer"]
    base = ROOT / "designer"
    for path in (base / "resources").rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".pyc"):
            name = path.relative_to(base).as_posix()
            assert any(fnmatch.fnmatchcase(name, g) for g in globs), name
    assert "resources/i18n/*.qm" in globs and "py.typed" in globs
    assert (base / "py.typed").is_file()


def test_a_missing_resource_is_an_error_that_names_it(monkeypatch, tmp_path) -> None:
    with pytest.raises(MissingResourceError, match=r"'icons/no-such\.svg'.*reinstall"):
        resource_path("icons/no-such.svg")
    monkeypatch.setattr(package_resources, "_root", lambda: tmp_path)
    assert missing_resources() == list(REQUIRED)
    with pytest.raises(MissingResourceError, match=r"'style\.qss' is missing from"):
        resource_text("style.qss")
    (tmp_path / "samples").write_text("not a folder")
    with pytest.raises(MissingResourceError, match=r"'samples/'"):
        resource_folder("samples")


def test_version_comes_from_one_place() -> None:
    assert app_version() == __version__ or version_key(app_version())
    assert version_key("1.10.2rc1") == (1, 10, 2)
    assert version_key("v2.0.0") == version_key("2") == (2,)
    assert version_key("nonsense") is None
    assert is_newer_than_this("0.10.0", "0.9.5")
    assert not is_newer_than_this("0.9.5", "0.10.0")
    assert not is_newer_than_this("1.0.0", "1.0")
    assert not is_newer_than_this("garbage", "1.0")
    assert is_newer_than_this("999.0")


def test_version_falls_back_to_the_number_in_the_source(monkeypatch) -> None:
    import importlib.metadata

    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    app_version.cache_clear()
    try:
        assert app_version() == __version__
    finally:
        app_version.cache_clear()


def test_version_flag_prints_the_version(capsys) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"designer {app_version()}"


def test_python_dash_m_designer_answers_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "designer", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("designer ")


def test_data_home_follows_xdg(tmp_path) -> None:
    assert data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    default = Path.home() / ".local" / "share"
    assert data_home({}) == default
    assert data_home({"XDG_DATA_HOME": "relative/path"}) == default


def test_desktop_entry_runs_this_interpreter() -> None:
    text = desktop_entry_text("/opt/my env/bin/python")
    assert "Exec='/opt/my env/bin/python' -m designer %f\n" in text
    assert "[Desktop Entry]" in text and "Icon=designer" in text
    assert "MimeType=application/json;" in text


def test_install_desktop_entry_writes_entry_and_icon_under_xdg_data_home(
    monkeypatch, tmp_path, capsys
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop-entry"]) == 0
    desktop = tmp_path / "applications" / "designer.desktop"
    icon = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "designer.svg"
    assert f"Exec={sys.executable} -m designer %f" in desktop.read_text(
        encoding="utf-8"
    )
    assert icon.read_text(encoding="utf-8").startswith("<svg")
    assert str(desktop) in capsys.readouterr().out


def test_install_desktop_entry_says_why_it_cannot_write(
    monkeypatch, tmp_path, capsys
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["--install-desktop-entry"]) == 2
    assert "cannot write the desktop entry" in capsys.readouterr().err


def test_install_desktop_entry_names_a_missing_icon(monkeypatch, tmp_path) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "designer" / "resources", copy)
    (copy / "icons" / "designer.svg").unlink()
    monkeypatch.setattr(package_resources, "_root", lambda: copy)
    with pytest.raises(MissingResourceError, match="icons/designer.svg"):
        install_desktop_entry(tmp_path / "data")
