"""File handling for the main window: new/open/save/recent/samples, the
unsaved-changes prompt, and autosave with crash recovery (the exports are in
:mod:`designer.ui.window_export`).

:class:`ProjectFiles` is a part the window owns (``window.files``): it works on
the document, the recent-files list and the recovery store it is given, and
uses the window only as the parent of its dialogs and for its status bar.
Every dialog goes through a small method (``ask_save_changes``,
``choose_open_path``, ``choose_save_path``, ``ask_restore``, ``show_error``) so
tests can replace it.
"""

from __future__ import annotations

import json
import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox

from designer.graph.model import Project
from designer.graph.project_file import (
    ProjectFileError,
    load_project,
)
from designer.graph.safe_files import real_target, remove_stale_temporaries
from designer.resources import resources_root
from designer.ui.autosave import THROTTLE_MS, Autosaver
from designer.ui.read_only import ReadOnlyFile
from designer.ui.recovery import RecoveredProject, RecoveryStore
from designer.ui.settings import APPLICATION as APP_NAME
from designer.ui.settings import RecentFiles
from designer.ui.window_export import ExportCommands
from designer.ui.window_language import sample_title

if TYPE_CHECKING:
    from designer.ui.import_dialog import ModelImportFlow

PROJECT_FILTER = QT_TRANSLATE_NOOP(
    "ProjectFiles", "Designer projects (*.json);;All files (*)"
)
#: What the unsaved-changes question names as the next step ("… before closing?").
NEXT_STEPS = (
    QT_TRANSLATE_NOOP("ProjectFiles", "closing"),
    QT_TRANSLATE_NOOP("ProjectFiles", "starting a new project"),
    QT_TRANSLATE_NOOP("ProjectFiles", "opening another project"),
    QT_TRANSLATE_NOOP("ProjectFiles", "opening a sample"),
    QT_TRANSLATE_NOOP("ProjectFiles", "importing a model"),
)
UNTITLED = Project.name  # the name a new project has until it is given one
SAMPLES_DIR = resources_root() / "samples"  # package data (designer/resources)

Save = QMessageBox.StandardButton.Save
Discard = QMessageBox.StandardButton.Discard
Cancel = QMessageBox.StandardButton.Cancel


translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("ProjectFiles", …), translated."""
    return translate("ProjectFiles", text)


def sample_files(folder: Path = SAMPLES_DIR) -> list[tuple[str, Path]]:
    """(title, path) for every sample project, titles from the files' ``name``."""
    found: list[tuple[str, Path]] = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            title = str(
                json.loads(path.read_text(encoding="utf-8")).get("name") or path.stem
            )
        except (OSError, ValueError, AttributeError):
            continue
        found.append((title, path))
    return sorted(found, key=lambda item: item[0].lower())


def project_in_drop(mime: QMimeData) -> str | None:
    """The first local ``.json`` file among dropped files, if any."""
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
            return url.toLocalFile()
    return None


class ProjectFiles(ExportCommands):
    """Project files and recovery for one window's document."""

    def __init__(
        self,
        window: QMainWindow,
        document: Any,
        recent: RecentFiles,
        recovery: RecoveryStore,
        autosave_ms: int = THROTTLE_MS,
    ) -> None:
        self.window = window  # parent of the dialogs; its status bar shows outcomes
        self.document = document
        self.recent = recent
        self.recovery = recovery
        # Follows the edits once started (the window starts it when interactive).
        self.autosaver = Autosaver(document, recovery, autosave_ms, parent=window)
        self.autosaver.failed.connect(self._autosave_failed)
        self.autosaver.resumed.connect(self._autosave_resumed)
        self.recent_menu: QMenu | None = None
        self.samples_menu: QMenu | None = None
        self._samples_folder = SAMPLES_DIR
        # A file from a newer designer: banner, Save disabled, Save As offered.
        self.read_only = ReadOnlyFile(window, document, self.save_as)

    @cached_property
    def model_import(self) -> ModelImportFlow:
        """File ▸ Import PyTorch Model… (made on first use: not needed to start)."""
        from designer.ui.import_dialog import ModelImportFlow

        return ModelImportFlow(self)

    @property
    def interactive(self) -> bool:
        """The window's flag: False (screenshots) shows no dialogs."""
        return bool(getattr(self.window, "interactive", True))

    def _say(self, text: str, timeout_ms: int) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)

    def ask_save_changes(self, action: str) -> QMessageBox.StandardButton:
        """Ask what to do with unsaved changes before ``action``: Save, Discard or Cancel."""
        if not self.interactive:
            return Discard
        name = (
            self.document.path.name
            if self.document.path
            else self.document.project.name
        )
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_NAME)
        question = translate("ProjectFiles", "Save the changes to “%1” before %2?")
        box.setText(question.replace("%1", name).replace("%2", _tr(action)))
        box.setInformativeText(
            translate(
                "ProjectFiles", "Your changes will be lost if you don't save them."
            )
        )
        box.setStandardButtons(Save | Discard | Cancel)
        box.setDefaultButton(Save)
        return QMessageBox.StandardButton(box.exec())

    def maybe_save(self, action: str) -> bool:
        """True when it is fine to drop the current document (saved, discarded or clean)."""
        if not self.document.modified:
            return True
        choice = self.ask_save_changes(action)
        if choice == Save:
            return self.save()
        return choice == Discard

    def choose_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("ProjectFiles", "Open project"),
            self._last_folder(),
            _tr(PROJECT_FILTER),
        )
        return path or None

    def choose_save_path(
        self, title: str, file_filter: str, suggested: str
    ) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, title, suggested, _tr(file_filter)
        )
        return path or None

    def show_error(self, title: str, message: str) -> None:
        if self.interactive:
            QMessageBox.warning(self.window, title, message)
        else:
            print(f"{title}: {message}", file=sys.stderr)

    def show_info(self, title: str, message: str) -> None:
        if self.interactive:
            QMessageBox.information(self.window, title, message)
        else:
            print(f"{title}: {message}", file=sys.stderr)

    def _last_folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        recent = self.recent.paths()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def new_document(self) -> bool:
        if not self.maybe_save("starting a new project"):
            return False
        self.document.new()
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save("opening another project"):
            return False
        path = self.choose_open_path()
        return self.open_file(path, ask=False) if path else False

    def open_file(self, path: str | Path, ask: bool = True) -> bool:
        """Open a project; a file that fails to load leaves the document untouched."""
        if ask and not self.maybe_save("opening another project"):
            return False
        if self._offer_newer_recovery(path):
            self.recent.add(path)
            return True
        remove_stale_temporaries(real_target(path))  # left by a save that was killed
        try:
            self.document.load(path)
        except ProjectFileError as error:
            self.show_error(
                translate("ProjectFiles", "Could not open the project"), str(error)
            )
            return False
        self.recent.add(path)
        self._say(
            translate("ProjectFiles", "Opened %1").replace("%1", Path(path).name), 4000
        )
        return True

    def open_recent(self, path: str) -> bool:
        if not Path(path).is_file():
            self.recent.remove(path)
            self._fill_recent_menu()
            self.show_error(
                translate("ProjectFiles", "File not found"),
                translate(
                    "ProjectFiles",
                    "%1 no longer exists; it was removed from the recent files.",
                ).replace("%1", path),
            )
            return False
        return self.open_file(path)

    def open_sample(self, path: str | Path) -> bool:
        """Open a sample as a new, unsaved project (saving never overwrites the sample)."""
        if not self.maybe_save("opening a sample"):
            return False
        try:
            project = load_project(path)
        except ProjectFileError as error:
            self.show_error(
                translate("ProjectFiles", "Could not open the sample"), str(error)
            )
            return False
        self.document.new(project)
        return True

    def attach_recent_menu(self, menu: QMenu) -> None:
        """Keep ``menu`` listing the recent files (refilled each time it opens)."""
        self.recent_menu = menu
        menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()

    def fill_samples_menu(self, menu: QMenu, folder: Path = SAMPLES_DIR) -> None:
        """One entry per sample project; when the folder is missing, one disabled
        entry that says so (a broken install), rather than a silently grey menu."""
        self.samples_menu, self._samples_folder = menu, folder
        menu.clear()
        if not folder.is_dir():
            menu.addAction(
                translate(
                    "ProjectFiles",
                    "Samples missing: {0} is not there; reinstall designer",
                ).format(folder)
            ).setEnabled(False)
            print(f"designer: the samples folder {folder} is missing", file=sys.stderr)
            return
        for title, path in sample_files(folder):
            action = menu.addAction(sample_title(title))
            tip = translate("ProjectFiles", "Open the sample project %1")
            action.setStatusTip(tip.replace("%1", path.name))
            action.triggered.connect(lambda _checked=False, p=path: self.open_sample(p))
        menu.setEnabled(not menu.isEmpty())

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        paths = self.recent.paths()
        for index, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{index % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if paths:
            menu.addSeparator()
            clear = translate("ProjectFiles", "Clear Recent Files")
            menu.addAction(clear, self._clear_recent)
        else:
            menu.addAction(translate("ProjectFiles", "No recent files")).setEnabled(
                False
            )

    def retranslate(self) -> None:
        """The menus filled from data, again in the current language."""
        self._fill_recent_menu()
        if self.samples_menu is not None:
            self.fill_samples_menu(self.samples_menu, self._samples_folder)
        self.read_only.refresh()

    def _clear_recent(self) -> None:
        self.recent.clear()
        self._fill_recent_menu()

    def save(self) -> bool:
        if self.document.path is None or self.read_only.active:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        doc = self.document
        suggested = (
            str(doc.path)
            if doc.path
            else str(
                Path(self._last_folder()) / f"{doc.project.name or 'untitled'}.json"
            )
        )
        title = translate("ProjectFiles", "Save project")
        path = self.chosen_save_path(title, PROJECT_FILTER, suggested, ".json")
        if path is None:
            return False
        self._name_untitled_project(path)
        return self._save_to(path)

    def _name_untitled_project(self, path: Path) -> None:
        """An untitled project saved as ``mnist_cnn.json`` is called mnist_cnn (its
        generated class MnistCnn, not Untitled); a project with a name keeps it."""
        doc = self.document
        if doc.project.name.strip() in ("", UNTITLED) and path.stem.strip():
            doc.set_project_name(path.stem.strip())

    def _save_to(self, path: Path) -> bool:
        """Save; any failure is shown, naming the file and the reason."""
        try:
            self.document.save(path)
        except OSError as error:
            reason = error.strerror or str(error)
        except ProjectFileError as error:  # a value no file could hold
            reason = str(error)
        except Exception as error:  # noqa: BLE001 - a save must never fail silently
            reason = str(error) or type(error).__name__
        else:
            reason = None
        if reason is not None:
            self.show_error(
                translate("ProjectFiles", "Could not save the project"),
                translate("ProjectFiles", "{path} was not saved: {reason}").format(
                    path=path, reason=reason
                ),
            )
            return False
        self.recent.add(path)
        self.autosaver.clear()
        self.read_only.saved_elsewhere()
        self._say(translate("ProjectFiles", "Saved %1").replace("%1", path.name), 4000)
        return True

    def ask_project_name(self, current: str) -> str | None:
        """The new project name, or None when cancelled (tests replace this)."""
        text, ok = QInputDialog.getText(
            self.window,
            translate("ProjectFiles", "Project name"),
            translate("ProjectFiles", "Name (also used for the generated class):"),
            text=current,
        )
        return text if ok else None

    def rename_project(self) -> bool:
        name = self.ask_project_name(self.document.project.name)
        if name is None:
            return False
        problem = self.document.set_project_name(name)
        if problem:
            self.show_error(
                translate("ProjectFiles", "Could not rename the project"), problem
            )
            return False
        return True

    # == autosave and recovery ================================================================
    def autosave(self) -> bool:
        """Write the recovery copy now; True when written (or nothing to write)."""
        return self.autosaver.save_now()

    def _autosave_failed(self, reason: str) -> None:
        """Crash recovery is off until a write succeeds: say so, once."""
        failed = translate("ProjectFiles", "Autosave failed: {reason}")
        self._say(failed.format(reason=reason), 0)
        self.show_error(
            translate("ProjectFiles", "Autosave failed"),
            translate(
                "ProjectFiles",
                "The recovery copy {file} could not be written: {reason}\n\n"
                "Until this is fixed a crash would lose your unsaved changes; "
                "save the project to keep them.",
            ).format(file=self.recovery.file, reason=reason),
        )

    def _autosave_resumed(self) -> None:
        self._say(translate("ProjectFiles", "Autosave works again."), 6000)

    def keep_for_recovery(self) -> None:
        """The session ends with nobody to ask (SIGTERM): unsaved changes stay in the
        recovery copy, which the next start offers."""
        if self.document.modified:
            self.autosaver.save_now()
        self.autosaver.close()

    def close(self) -> None:
        """The window closes cleanly: no recovery copy, no writer thread."""
        self.autosaver.clear()
        self.autosaver.close()

    def _offer_newer_recovery(self, path: str | Path) -> bool:
        """A crashed session left a newer copy of ``path``: offer it; True if restored."""
        if not self.interactive:
            return False  # a screenshot shows the file as it is
        try:
            target = real_target(path)
            saved_at = target.stat().st_mtime if target.exists() else 0.0
        except OSError:
            return False
        for leftover in self.recovery.leftovers():
            recovered = RecoveryStore.read(leftover)
            if recovered is None or not recovered.original_path:
                continue
            if real_target(recovered.original_path) != target:
                continue
            try:
                newer = leftover.stat().st_mtime > saved_at
            except OSError:
                continue
            if not newer:
                RecoveryStore.discard(leftover)  # the file was saved after it
                continue
            restore = self.ask_restore(recovered)
            if restore:
                self.restore(recovered)
            RecoveryStore.discard(leftover)
            return restore
        return False

    def ask_restore(self, recovered: RecoveredProject) -> bool:
        unsaved = translate("ProjectFiles", "an unsaved project")
        where = recovered.original_path or unsaved
        text = translate(
            "ProjectFiles",
            "designer did not exit cleanly. Unsaved changes to %1 "
            "(autosaved %2) can be restored.\n\nRestore them?",
        )
        answer = QMessageBox.question(
            self.window,
            translate("ProjectFiles", "Restore unsaved work?"),
            text.replace("%1", where).replace("%2", recovered.saved_at),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self) -> bool:
        """Offer the newest recovery file left by a run that did not exit cleanly."""
        for path in self.recovery.leftovers():
            recovered = RecoveryStore.read(path)
            if recovered is None:
                kept = RecoveryStore.set_aside(path)
                if kept is not None:
                    text = translate(
                        "ProjectFiles",
                        "An autosaved project could not be read; it was kept as %1",
                    )
                    self._say(text.replace("%1", str(kept)), 10000)
                continue
            restore = self.ask_restore(recovered)
            if restore:
                self.restore(recovered)
            RecoveryStore.discard(path)
            return restore
        return False

    def restore(self, recovered: RecoveredProject) -> None:
        """Install a recovered project: it keeps its original path and counts as modified."""
        doc = self.document
        doc.new(recovered.project)
        if recovered.original_path:
            doc.newer_app_note = recovered.read_only_note
            doc.path = Path(recovered.original_path)
            doc.pathChanged.emit(doc.path)
        doc.undo_stack.resetClean()
        self.window.update_title()
        self.autosave()
