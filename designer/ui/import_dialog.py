"""File ▸ Import PyTorch Model…: pick a Python file, a model and its input shapes.

The import runs ``designer import`` in a separate process (the window never
imports torch, and the user's file runs there, not in the window); the dialog
says plainly that importing runs the file's code.  The names offered are read
from the file with ``ast`` — choosing a file runs nothing.
"""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.graph.model import Project
from designer.graph.project_file import ProjectFileError, load_project
from designer.ui.child_command import ChildCommand


def model_names(path: Path) -> list[str]:
    """The classes and functions defined at the top of a Python file (not run)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return []
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.ClassDef | ast.FunctionDef)
        and not node.name.startswith("_")
    ]


class ImportModelDialog(QDialog):
    """Asks for ``FILE.py``, the model's name, one shape per input and keyword arguments."""

    def __init__(self, folder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.file_edit = QLineEdit()
        self.file_edit.editingFinished.connect(self._fill_names)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.name_combo = QComboBox()
        self.name_combo.setEditable(True)
        self.inputs_edit = QLineEdit("1x28x28")
        self.args_edit = QLineEdit()
        self.args_edit.setPlaceholderText('{"classes": 10}')
        self.form = QFormLayout()
        self.form.addRow("", file_row)
        self.form.addRow("", self.name_combo)
        self.form.addRow("", self.inputs_edit)
        self.form.addRow("", self.args_edit)
        self.warning = QLabel()
        self.warning.setObjectName("mutedText")
        self.warning.setWordWrap(True)
        # Cancel is a standard button (Qt names it in each language); the accepting
        # button is our own, so that Qt's own retranslation leaves its text alone.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(560, self.sizeHint().height())

    def retranslate(self) -> None:
        """Every text of the dialog in the current language."""
        self.setWindowTitle(self.tr("Import PyTorch Model"))
        self.file_edit.setPlaceholderText(
            self.tr("a Python file that defines the model")
        )
        self.browse_button.setText(self.tr("Browse…"))
        self.name_combo.setToolTip(
            self.tr("A class, or a function that returns the model")
        )
        self.inputs_edit.setToolTip(
            self.tr(
                "One sample shape per input of forward, without the batch, separated "
                "by spaces: 1x28x28, or long:16 for 16 token ids"
            )
        )
        self.args_edit.setToolTip(self.tr("Keyword arguments for the model, as JSON"))
        labels = (self.tr("File"), self.tr("Model"))
        labels += (self.tr("Input shapes"), self.tr("Arguments"))
        for row, text in enumerate(labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
        self.warning.setText(
            self.tr(
                "Importing runs the code in this file to build the model. Import only "
                "files you trust."
            )
        )
        self.ok_button.setText(self.tr("Run and Import"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Python file with the model"), self.folder, "Python (*.py)"
        )
        if path:
            self.file_edit.setText(path)
            self._fill_names()

    def _fill_names(self) -> None:
        current = self.name_combo.currentText()
        self.name_combo.clear()
        self.name_combo.addItems(model_names(Path(self.file_edit.text())))
        if current:
            self.name_combo.setCurrentText(current)

    def command(self, output: Path) -> list[str]:
        """The ``designer import`` arguments for what the dialog holds."""
        arguments = [
            "-m",
            "designer",
            "import",
            f"{self.file_edit.text().strip()}:{self.name_combo.currentText().strip()}",
            "-o",
            str(output),
        ]
        for shape in self.inputs_edit.text().replace(",", " ").split():
            arguments += ["--input", shape]
        if self.args_edit.text().strip():
            arguments += ["--args", self.args_edit.text().strip()]
        return arguments


class ModelImporter(ChildCommand):
    """Runs one ``designer import`` in a child process and reports the project."""

    imported = Signal(object)  # Project
    error_prefix = "designer import: "

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = tempfile.TemporaryDirectory(prefix="designer-import-")
        self.output = Path(self._folder.name) / "imported.json"

    def start(self, arguments: list[str]) -> None:
        self.run(arguments)

    def could_not_start(self, reason: str) -> str:
        return self.tr("The import could not start: {0}").format(reason)

    def failed_without_message(self) -> str:
        return self.tr("The import failed.")

    def succeeded(self) -> None:
        try:
            project: Project = load_project(self.output)
        except ProjectFileError as error:
            self.failed.emit(str(error))
            return
        self.imported.emit(project)


class ModelImportFlow:
    """The window's File ▸ Import PyTorch Model…: the dialog, the process, the result.

    The imported project opens as a new, unsaved project (after the usual question
    about unsaved changes); a refusal is shown as the importer words it.
    """

    def __init__(self, files: Any) -> None:
        self.files = files  # the window's ProjectFiles: dialogs, status, the document
        self.importer: ModelImporter | None = None

    def run(self) -> bool:
        if not self.files.maybe_save("importing a model"):
            return False
        dialog = ImportModelDialog(self.files._last_folder(), self.files.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.start(dialog)
        return True

    def start(self, dialog: ImportModelDialog) -> ModelImporter:
        importer = ModelImporter(self.files.window)
        importer.imported.connect(self._imported)
        importer.failed.connect(self._failed)
        self.importer = importer
        self.files._say(
            QCoreApplication.translate(
                "ModelImportFlow", "Importing the model (running its file)…"
            ),
            0,
        )
        importer.start(dialog.command(importer.output))
        return importer

    def _imported(self, project: Project) -> None:
        self.files.document.new(project)
        self.files._say(
            QCoreApplication.translate("ModelImportFlow", "Imported {0}").format(
                project.name
            ),
            4000,
        )

    def _failed(self, message: str) -> None:
        self.files._say("", 0)
        self.files.show_error(
            QCoreApplication.translate("ModelImportFlow", "Could not import the model"),
            message,
        )
