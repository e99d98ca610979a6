"""The main window's exports: PyTorch code, model.py with train.py, and ONNX.

A part of :class:`designer.ui.window_files.ProjectFiles` (``window.files``),
kept apart so that each module has one job; it uses the same document, dialogs
(``choose_save_path``, ``show_error``, …) and status bar.  The ONNX flow is made
on first use, so the window starts without loading it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from designer.graph.project_file import atomic_write_text
from designer.ui.problem_text import translated
from designer.ui.settings import APPLICATION as APP_NAME

if TYPE_CHECKING:
    from designer.ui.onnx_export_flow import OnnxExportFlow

PYTHON_FILTER = QT_TRANSLATE_NOOP("ProjectFiles", "Python files (*.py);;All files (*)")

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


class ExportCommands:
    """File ▸ Export: the code, the training script and ONNX (a ProjectFiles part)."""

    # What ProjectFiles provides.
    document: Any
    window: Any
    interactive: bool
    show_error: Callable[[str, str], None]
    choose_save_path: Callable[..., str | None]
    _last_folder: Callable[[], str]
    _say: Callable[[str, int], None]

    @cached_property
    def onnx_export(self) -> OnnxExportFlow:
        """File ▸ Export ▸ ONNX… (made on first use)."""
        from designer.ui.onnx_export_flow import OnnxExportFlow

        return OnnxExportFlow(self)

    def export_python(self) -> bool:
        doc = self.document
        error = doc.code_error()
        if error:
            self.show_error(translate("ProjectFiles", "Cannot export yet"), error)
            return False
        title = translate("ProjectFiles", "Export PyTorch code")
        suggested = self.suggested_export_path(".py")
        path = self.chosen_save_path(title, PYTHON_FILTER, suggested, ".py")
        if path is None:
            return False
        return self._write_files(
            path.parent,
            {path: doc.code()},
            translate("ProjectFiles", "Could not export the code"),
            translate("ProjectFiles", "Exported %1").replace("%1", path.name),
        )

    def suggested_export_path(self, suffix: str) -> str:
        """In the last folder, named after the project file (or the project)."""
        doc = self.document
        stem = doc.path.stem if doc.path else (doc.project.name or "model")
        return str(
            Path(self._last_folder()) / f"{stem.replace(' ', '_').lower()}{suffix}"
        )

    def chosen_save_path(
        self, title: str, file_filter: str, suggested: str, suffix: str
    ) -> Path | None:
        """The path the user chose to save to (``suffix`` added when it has none)."""
        path = self.choose_save_path(title, file_filter, suggested)
        if not path:
            return None
        return Path(path if Path(path).suffix else path + suffix)

    def _write_files(
        self, folder: Path, texts: dict[Path, str], failure: str, done: str
    ) -> bool:
        """Write each file (atomically); say ``done``, or show why it failed."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for path, text in texts.items():
                atomic_write_text(path, text)
        except OSError as error:
            where = next(iter(texts)) if len(texts) == 1 else folder
            self.show_error(failure, f"{where}: {error.strerror or error}")
            return False
        self._say(done, 6000)
        return True

    def choose_export_folder(self) -> str | None:
        folder = QFileDialog.getExistingDirectory(
            self.window,
            translate("ProjectFiles", "Export model and training script"),
            self._last_folder(),
        )
        return folder or None

    def ask_overwrite(self, names: list[str], folder: Path) -> bool:
        if not self.interactive:
            return True
        answer = QMessageBox.question(
            self.window,
            APP_NAME,
            translate("ProjectFiles", "%1 already exist in %2. Replace them?")
            .replace("%1", ", ".join(names))
            .replace("%2", str(folder)),
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
            self.show_error(translate("ProjectFiles", "Cannot export yet"), error)
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
            self.show_error(
                translate("ProjectFiles", "Cannot write a training script"),
                translated(problem.message),
            )
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return self._write_files(
            folder,
            {folder / "model.py": doc.code(), folder / "train.py": script},
            translate("ProjectFiles", "Could not export"),
            translate("ProjectFiles", "Exported model.py and train.py to %1").replace(
                "%1", str(folder)
            ),
        )
