"""Saves and crash recovery seen from the window: failures are shown, the recovery
copy follows each edit within about a second (a real ``kill -9`` loses at most two),
and opening a file offers a newer recovery copy of it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings

from designer.graph.model import Graph, Project
from designer.graph.project_file import load_project, save_project
from designer.ui.document import Document
from designer.ui.main_window import Discard, MainWindow
from designer.ui.recovery import RecoveredProject, RecoveryStore

ROOT = Path(__file__).resolve().parents[2]


def small_project(name: str = "net") -> Project:
    graph = Graph("model")
    data = graph.add_node("Input", "data", {"shape": [4]}, position=(0, 0))
    dense = graph.add_node("Linear", "fc", {"out_features": 3}, position=(240, 0))
    graph.connect(data.id, "out", dense.id, "in")
    return Project(name, [graph])


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini")
    )
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "tests", "designer"
    )


@pytest.fixture
def errors() -> list[tuple[str, str]]:
    return []


@pytest.fixture
def make_window(qtbot, settings, tmp_path, errors):
    created: list[MainWindow] = []

    def make(
        document: Document | None = None,
        autosave_ms: int = 60_000,
        store: RecoveryStore | None = None,
    ) -> MainWindow:
        window = MainWindow(
            document,
            settings=settings,
            recovery=store or RecoveryStore(tmp_path / "recovery"),
            autosave_ms=autosave_ms,
        )
        window.files.ask_save_changes = lambda _action: Discard
        window.files.show_error = lambda title, text: errors.append((title, text))
        qtbot.addWidget(window)
        created.append(window)
        return window

    yield make
    for window in created:
        window.close()


# -- failures of Save and autosave are shown ---------------------------------------------


def test_a_save_that_cannot_encode_a_value_is_shown_and_the_file_is_kept(
    make_window, tmp_path, errors
) -> None:
    path = tmp_path / "net.json"
    save_project(small_project(), path)
    before = path.read_bytes()
    window = make_window()
    assert window.files.open_file(path)
    window.document.project.training["seed"] = float("-inf")  # as a bad load once did
    window.document.set_project_name("changed")
    assert not window.files.save()
    assert path.read_bytes() == before
    [(title, text)] = errors
    assert "not saved" in text and str(path) in text and "inf" in text.lower()


def test_a_save_into_a_folder_that_cannot_be_written_is_shown(
    make_window, tmp_path, errors
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    window = make_window(Document(small_project()))
    window.files.choose_save_path = lambda *_args: str(folder / "net.json")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        assert not window.files.save()
    finally:
        folder.chmod(0o700)
    [(_title, text)] = errors
    assert str(folder / "net.json") in text and "ermission" in text


def test_an_autosave_failure_is_shown_once_and_its_end_is_told(
    make_window, tmp_path, errors, qtbot
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the recovery folder should be")
    window = make_window(autosave_ms=20, store=RecoveryStore(blocker / "recovery"))
    window.document.set_project_name("one")
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=3000)
    title, text = errors[0]
    assert title == "Autosave failed" and str(blocker) in text
    window.document.set_project_name("two")
    qtbot.wait(200)
    assert len(errors) == 1  # not a dialog on every edit
    blocker.unlink()
    window.document.set_project_name("three")
    qtbot.waitUntil(lambda: window.files.autosaver.failing is None, timeout=3000)
    assert "again" in window.statusBar().currentMessage()
    assert json.loads(window.recovery.file.read_text())["project"]["name"] == "three"


# -- the recovery copy follows the edits ---------------------------------------------------


def test_an_edit_reaches_the_recovery_copy_within_about_a_second(
    make_window, qtbot
) -> None:
    window = make_window(autosave_ms=1000)
    started = time.monotonic()
    window.document.set_project_name("edited")

    def written() -> bool:
        file = window.recovery.file
        return file.exists() and "edited" in file.read_text(encoding="utf-8")

    qtbot.waitUntil(written, timeout=3000)
    assert time.monotonic() - started < 2.0


def test_saving_drops_a_recovery_write_still_pending(make_window, tmp_path, qtbot):
    window = make_window(autosave_ms=50)
    window.document.set_project_name("edited")
    window.files.choose_save_path = lambda *_args: str(tmp_path / "saved.json")
    assert window.files.save()
    qtbot.wait(300)  # the throttle has passed: nothing may bring the copy back
    assert not window.recovery.file.exists()


def test_the_window_never_writes_the_recovery_copy_in_the_event_loop(
    make_window, qtbot, monkeypatch
) -> None:
    import threading

    threads: list[str] = []
    original = RecoveryStore.write_record

    def record_thread(self, record):
        threads.append(threading.current_thread().name)
        original(self, record)

    monkeypatch.setattr(RecoveryStore, "write_record", record_thread)
    window = make_window(autosave_ms=20)
    window.document.set_project_name("edited")
    qtbot.waitUntil(lambda: bool(threads), timeout=3000)
    assert threads == ["designer-autosave"]


# -- opening a file with a newer recovery copy ---------------------------------------------


def left_by_a_crash(folder: Path, project: Project, original: Path, pid: int) -> Path:
    store = RecoveryStore(folder)
    store.file = folder / f"autosave-{pid}.json"
    store.write(project, original)
    return store.file


def test_opening_a_file_offers_its_newer_recovery_copy(make_window, tmp_path) -> None:
    path = tmp_path / "net.json"
    save_project(small_project(), path)
    os.utime(path, (time.time() - 60, time.time() - 60))
    leftover = left_by_a_crash(
        tmp_path / "recovery", small_project("after the crash"), path, 999999990
    )
    window = make_window()
    offered: list[RecoveredProject] = []
    window.files.ask_restore = lambda recovered: offered.append(recovered) or True
    assert window.files.open_file(path)
    assert [r.original_path for r in offered] == [str(path)]
    assert window.document.project.name == "after the crash"
    assert window.document.path == path and window.document.modified
    assert not leftover.exists()
    assert str(path) in window.recent.paths()


def test_a_recovery_copy_older_than_the_file_is_not_offered(
    make_window, tmp_path
) -> None:
    path = tmp_path / "net.json"
    leftover = left_by_a_crash(
        tmp_path / "recovery", small_project("stale"), path, 999999991
    )
    os.utime(leftover, (time.time() - 60, time.time() - 60))
    save_project(small_project("saved later"), path)
    window = make_window()
    window.files.ask_restore = lambda recovered: pytest.fail("offered a stale copy")
    assert window.files.open_file(path)
    assert window.document.project.name == "saved later"
    assert not leftover.exists()


def test_declining_the_newer_copy_opens_the_file(make_window, tmp_path) -> None:
    path = tmp_path / "net.json"
    save_project(small_project("on disk"), path)
    os.utime(path, (time.time() - 60, time.time() - 60))
    left_by_a_crash(tmp_path / "recovery", small_project("newer"), path, 999999992)
    window = make_window()
    window.files.ask_restore = lambda recovered: False
    assert window.files.open_file(path)
    assert window.document.project.name == "on disk"
    assert not window.document.modified


def test_opening_a_file_removes_temporaries_of_a_killed_save(
    make_window, tmp_path
) -> None:
    path = tmp_path / "net.json"
    save_project(small_project(), path)
    old = tmp_path / ".net.json.ab12cd34.tmp"
    fresh = tmp_path / ".net.json.ef56gh78.tmp"  # may be a save under way
    for leftover in (old, fresh):
        leftover.write_text("{half a proj")
    os.utime(old, (time.time() - 600, time.time() - 600))
    (tmp_path / "recovery").mkdir()
    old_copy = tmp_path / "recovery" / ".autosave-999999993.json.zz99yy88.tmp"
    old_copy.write_text("{")
    os.utime(old_copy, (time.time() - 600, time.time() - 600))
    window = make_window(autosave_ms=10)
    assert window.files.open_file(path)
    assert not old.exists() and fresh.exists()
    window.document.set_project_name("edited")
    assert window.files.autosave()
    assert not old_copy.exists()


# -- a real kill -9 ------------------------------------------------------------------------

EDITING_WINDOW = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from designer.ui.main_window import MainWindow
    from designer.ui.recovery import RecoveryStore

    settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, recovery=RecoveryStore(sys.argv[2]))
    window.files.open_file(sys.argv[1], ask=False)
    edits = 0

    def edit():
        global edits
        edits += 1
        window.document.set_project_name(f"edit {edits}")
        print(edits, time.time(), flush=True)

    timer = QTimer()
    timer.timeout.connect(edit)
    timer.start(40)
    app.exec()
    """
)


def test_a_kill_9_loses_at_most_two_seconds_and_reopening_offers_the_rest(
    make_window, tmp_path
) -> None:
    path = tmp_path / "net.json"
    save_project(small_project(), path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            EDITING_WINDOW,
            str(path),
            str(tmp_path / "recovery"),
            str(tmp_path / "child.ini"),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    edits: dict[int, float] = {}
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + 90
        while len(edits) < 70 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            number, when = line.split()
            edits[int(number)] = float(when)
        killed_at = time.time()
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert len(edits) >= 70, "the editing window did not start"
    copy = tmp_path / "recovery" / f"autosave-{child.pid}.json"
    saved = json.loads(copy.read_text(encoding="utf-8"))["project"]["name"]
    kept = int(saved.split()[1])
    lost = [n for n, when in edits.items() if n > kept and when < killed_at - 2.0]
    assert not lost, f"edits older than 2 s were lost: {lost[:5]}"
    assert load_project(path).name == "net"  # the file itself is untouched

    window = make_window()
    window.files.ask_restore = lambda recovered: True
    assert window.files.open_file(path)
    assert window.document.project.name == saved
