"""File handling for the main window: new/open/save/recent/samples/export,
the unsaved-changes prompt, and autosave with crash recovery.

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
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox

from designer.graph.model import Project
from designer.graph.project_file import (
    ProjectFileError,
    atomic_write_text,
    load_project,
)
from designer.ui.import_dialog import ModelImportFlow
from designer.ui.recovery import RecoveredProject, RecoveryStore
from designer.ui.settings import RecentFiles

APP_NAME = "designer"
PROJECT_FILTER = "Designer projects (*.json);;All files (*)"
PYTHON_FILTER = "Python files (*.py);;All files (*)"
UNTITLED = Project.name  # the name a new project has until it is given one
SAMPLES_DIR = Path(__file__).resolve().parents[2] / "samples"

Save = QMessageBox.StandardButton.Save
Discard = QMessageBox.StandardButton.Discard
Cancel = QMessageBox.StandardButton.Cancel


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


class ProjectFiles:
    """Project files and recovery for one window's document."""

    def __init__(
        self,
        window: QMainWindow,
        document: Any,
        recent: RecentFiles,
        recovery: RecoveryStore,
    ) -> None:
        self.window = window  # parent of the dialogs; its status bar shows outcomes
        self.document = document
        self.recent = recent
        self.recovery = recovery
        self.recent_menu: QMenu | None = None
        self.model_import = ModelImportFlow(self)  # File ▸ Import PyTorch Model…

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
        box.setText(f"Save the changes to “{name}” before {action}?")
        box.setInformativeText("Your changes will be lost if you don't save them.")
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
            self.window, "Open project", self._last_folder(), PROJECT_FILTER
        )
        return path or None

    def choose_save_path(
        self, title: str, file_filter: str, suggested: str
    ) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, title, suggested, file_filter
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
        try:
            self.document.load(path)
        except ProjectFileError as error:
            self.show_error("Could not open the project", str(error))
            return False
        self.recent.add(path)
        self._say(f"Opened {Path(path).name}", 4000)
        return True

    def open_recent(self, path: str) -> bool:
        if not Path(path).is_file():
            self.recent.remove(path)
            self._fill_recent_menu()
            self.show_error(
                "File not found",
                f"{path} no longer exists; it was removed from the recent files.",
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
            self.show_error("Could not open the sample", str(error))
            return False
        self.document.new(project)
        return True

    def attach_recent_menu(self, menu: QMenu) -> None:
        """Keep ``menu`` listing the recent files (refilled each time it opens)."""
        self.recent_menu = menu
        menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()

    def fill_samples_menu(self, menu: QMenu, folder: Path = SAMPLES_DIR) -> None:
        """One entry per sample project; disabled when there are none."""
        for title, path in sample_files(folder):
            action = menu.addAction(title)
            action.setStatusTip(f"Open the sample project {path.name}")
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
            menu.addAction("Clear Recent Files", self._clear_recent)
        else:
            menu.addAction("No recent files").setEnabled(False)

    def _clear_recent(self) -> None:
        self.recent.clear()
        self._fill_recent_menu()

    def save(self) -> bool:
        if self.document.path is None:
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
        path = self.choose_save_path("Save project", PROJECT_FILTER, suggested)
        if not path:
            return False
        if not Path(path).suffix:
            path += ".json"
        self._name_untitled_project(Path(path))
        return self._save_to(Path(path))

    def _name_untitled_project(self, path: Path) -> None:
        """An untitled project saved as ``mnist_cnn.json`` is called mnist_cnn (its
        generated class MnistCnn, not Untitled); a project with a name keeps it."""
        doc = self.document
        if doc.project.name.strip() in ("", UNTITLED) and path.stem.strip():
            doc.set_project_name(path.stem.strip())

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except OSError as error:
            self.show_error(
                "Could not save the project", f"{path}: {error.strerror or error}"
            )
            return False
        self.recent.add(path)
        self.recovery.clear()
        self._say(f"Saved {path.name}", 4000)
        return True

    def ask_project_name(self, current: str) -> str | None:
        """The new project name, or None when cancelled (tests replace this)."""
        text, ok = QInputDialog.getText(
            self.window,
            "Project name",
            "Name (also used for the generated class):",
            text=current,
        )
        return text if ok else None

    def rename_project(self) -> bool:
        name = self.ask_project_name(self.document.project.name)
        if name is None:
            return False
        problem = self.document.set_project_name(name)
        if problem:
            self.show_error("Could not rename the project", problem)
            return False
        return True

    def export_python(self) -> bool:
        doc = self.document
        error = doc.code_error()
        if error:
            self.show_error("Cannot export yet", error)
            return False
        stem = doc.path.stem if doc.path else (doc.project.name or "model")
        suggested = str(
            Path(self._last_folder()) / f"{stem.replace(' ', '_').lower()}.py"
        )
        path = self.choose_save_path("Export PyTorch code", PYTHON_FILTER, suggested)
        if not path:
            return False
        if not Path(path).suffix:
            path += ".py"
        try:
            atomic_write_text(path, doc.code())
        except OSError as error:
            self.show_error(
                "Could not export the code", f"{path}: {error.strerror or error}"
            )
            return False
        self._say(f"Exported {Path(path).name}", 4000)
        return True

    def choose_export_folder(self) -> str | None:
        folder = QFileDialog.getExistingDirectory(
            self.window, "Export model and training script", self._last_folder()
        )
        return folder or None

    def ask_overwrite(self, names: list[str], folder: Path) -> bool:
        if not self.interactive:
            return True
        answer = QMessageBox.question(
            self.window,
            APP_NAME,
            f"{' and '.join(names)} already exist in {folder}. Replace them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_training_script(self) -> bool:
        """Write model.py and a standalone train.py (torch, numpy, scikit-learn only) into a folder."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from designer.export.train_script import (
            TrainScriptError,
            generate_train_script,
        )

        doc = self.document
        error = doc.code_error()
        if error:
            self.show_error("Cannot export yet", error)
            return False
        chosen = self.choose_export_folder()
        if not chosen:
            return False
        folder = Path(chosen)
        existing = [
            name for name in ("model.py", "train.py") if (folder / name).exists()
        ]
        if existing and not self.ask_overwrite(existing, folder):
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            script = generate_train_script(doc.project, doc.path)
        except TrainScriptError as problem:
            self.show_error("Cannot write a training script", str(problem))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(folder / "model.py", doc.code())
            atomic_write_text(folder / "train.py", script)
        except OSError as problem:
            self.show_error(
                "Could not export", f"{folder}: {problem.strerror or problem}"
            )
            return False
        self._say(f"Exported model.py and train.py to {folder}", 6000)
        return True

    # == autosave and recovery ================================================================
    def autosave(self) -> None:
        if not self.document.modified:
            return
        try:
            self.recovery.write(self.document.project, self.document.path)
        except OSError as error:
            self._say(f"Autosave failed: {error.strerror or error}", 6000)

    def ask_restore(self, recovered: RecoveredProject) -> bool:
        where = recovered.original_path or "an unsaved project"
        answer = QMessageBox.question(
            self.window,
            "Restore unsaved work?",
            f"designer did not exit cleanly. Unsaved changes to {where} "
            f"(autosaved {recovered.saved_at}) can be restored.\n\nRestore them?",
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
                    self._say(
                        f"An autosaved project could not be read; it was kept as {kept}",
                        10000,
                    )
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
            doc.path = Path(recovered.original_path)
            doc.pathChanged.emit(doc.path)
        doc.undo_stack.resetClean()
        self.window.update_title()
        self.autosave()
