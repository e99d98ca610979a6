"""A file from a newer designer opens read-only (banner, Save disabled, Save As
offered); a file in a newer format is refused with a message naming the versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from designer.graph.project_file import FORMAT_VERSION, load_project, project_to_dict
from designer.version import app_version

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, tmp_path):
    from designer.ui.main_window import MainWindow
    from designer.ui.recovery import RecoveryStore

    window = MainWindow(interactive=False, recovery=RecoveryStore(tmp_path / "rec"))
    qtbot.addWidget(window)
    window.show()
    return window


def write_project(path: Path, **changes) -> Path:
    document = project_to_dict(load_project(ROOT / "samples" / "mlp.json"))
    document.update(changes)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_file_from_a_newer_designer_opens_read_only(window, tmp_path) -> None:
    newer = write_project(tmp_path / "newer.json", app_version="999.2.0")
    before = newer.read_text(encoding="utf-8")
    assert window.files.open_file(newer, ask=False)
    banner = window.files.read_only.banner
    assert banner.isVisible() and banner.kind == "warning"
    assert "999.2.0" in banner.text and app_version() in banner.text
    assert banner.action.isVisible() and "Save As" in banner.action.text()
    assert not window.action("save").isEnabled()
    assert window.action("save_as").isEnabled()

    # Save goes to Save As; saving elsewhere makes the project the user's own.
    chosen = tmp_path / "mine.json"
    asked: list[str] = []
    window.files.choose_save_path = lambda *args: asked.append(args[0]) or str(chosen)
    assert window.files.save()
    assert asked == ["Save project"]
    assert newer.read_text(encoding="utf-8") == before
    assert (
        json.loads(chosen.read_text(encoding="utf-8"))["app_version"] == app_version()
    )
    assert not banner.isVisible() and window.action("save").isEnabled()
    assert window.document.path == chosen


def test_the_banner_offers_save_as(window, tmp_path) -> None:
    newer = write_project(tmp_path / "newer.json", app_version="999.0")
    window.files.open_file(newer, ask=False)
    window.files.choose_save_path = lambda *args: None  # cancelled
    window.files.read_only.banner.action.click()
    assert window.files.read_only.active  # still read-only after a cancel
    assert not window.action("save").isEnabled()


def test_an_own_or_older_file_is_editable_and_the_banner_goes(window, tmp_path) -> None:
    window.files.open_file(
        write_project(tmp_path / "n.json", app_version="999.0"), ask=False
    )
    for version in (app_version(), "0.0.1"):
        path = write_project(tmp_path / f"{version}.json", app_version=version)
        assert window.files.open_file(path, ask=False)
        assert not window.files.read_only.banner.isVisible()
        assert window.action("save").isEnabled()
        assert window.files.save() and window.document.path == path
    window.files.open_file(
        write_project(tmp_path / "n2.json", app_version="999.0"), ask=False
    )
    window.files.new_document()
    assert not window.files.read_only.active and window.action("save").isEnabled()


def test_a_newer_format_is_refused_with_a_clear_message(
    window, tmp_path, capsys
) -> None:
    path = write_project(
        tmp_path / "future.json", version=FORMAT_VERSION + 1, app_version="999.0"
    )
    name = window.document.project.name
    assert not window.files.open_file(path, ask=False)
    err = capsys.readouterr().err
    assert "Could not open the project" in err
    assert "designer 999.0" in err and "Update designer" in err
    assert window.document.project.name == name
    assert not window.files.read_only.banner.isVisible()


def test_restored_work_on_a_newer_file_stays_read_only(qtbot, window, tmp_path) -> None:
    from designer.ui.main_window import MainWindow

    newer = write_project(tmp_path / "newer.json", app_version="999.0")
    window.files.open_file(newer, ask=False)
    window.document.set_project_name("Edited")
    window.files.autosave()
    crashed = window.recovery.file.with_name("autosave-999999999.json")
    window.recovery.file.rename(crashed)  # as if the process had died

    second = MainWindow(interactive=False, recovery=window.recovery)
    qtbot.addWidget(second)
    second.files.ask_restore = lambda recovered: True
    assert second.files.offer_recovery()
    assert second.document.path == newer and second.document.project.name == "Edited"
    assert second.files.read_only.active
    assert not second.action("save").isEnabled()
