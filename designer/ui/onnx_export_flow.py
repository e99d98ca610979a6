"""File ▸ Export ▸ ONNX…: the network of the current tab as an ONNX file.

The window never imports torch, so the export runs ``designer export PROJECT -o
FILE.onnx`` in a child process (as File ▸ Import PyTorch Model… runs ``designer
import``), on a copy of the project as it is now (saved or not).  When the
training panel holds trained weights, they go into the file; otherwise the
network has fresh weights, and the status bar says which.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from designer.graph.project_file import atomic_write_text, dumps_project
from designer.ui.child_command import ChildCommand

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


class OnnxExporter(ChildCommand):
    """Runs one ``designer export … -o FILE.onnx`` in a child process."""

    exported = Signal(str)  # the ONNX file

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = tempfile.TemporaryDirectory(prefix="designer-onnx-")
        self.project_file = Path(self._folder.name) / "project.json"
        self.target = ""

    def start(
        self, project: Any, target: str, network: str, weights: Path | None
    ) -> None:
        atomic_write_text(self.project_file, dumps_project(project))
        self.target = target
        arguments = ["-m", "designer", "export", str(self.project_file)]
        arguments += ["-o", target, "--network", network]
        if weights is not None:
            arguments += ["--weights", str(weights)]
        self.run(arguments)

    def could_not_start(self, reason: str) -> str:
        return self.tr("The export could not start: {0}").format(reason)

    def failed_without_message(self) -> str:
        return self.tr("The export failed.")

    def succeeded(self) -> None:
        self.exported.emit(self.target)


class OnnxExportFlow:
    """The window's File ▸ Export ▸ ONNX…: the file dialog, the process, the outcome."""

    def __init__(self, files: Any) -> None:
        self.files = files  # the window's ProjectFiles: dialogs, status, the document
        self.exporter: OnnxExporter | None = None
        self._with_weights = False

    def run(self) -> bool:
        doc = self.files.document
        error = doc.code_error()
        if error:
            self.files.show_error(
                translate("OnnxExportFlow", "Cannot export yet"), error
            )
            return False
        path = self.files.choose_save_path(
            translate("OnnxExportFlow", "Export ONNX"),
            translate("OnnxExportFlow", "ONNX model (*.onnx)"),
            self.files.suggested_export_path(".onnx"),
        )
        if not path:
            return False
        if Path(path).suffix.lower() != ".onnx":
            path += ".onnx"
        self.start(path)
        return True

    def trained_weights(self) -> Path | None:
        """The training panel's last trained weights, when there are any."""
        panel = getattr(self.files.window, "training_panel", None)
        weights = getattr(panel, "trained_weights", None)
        return weights if weights is not None and weights.is_file() else None

    def start(self, path: str) -> OnnxExporter:
        doc = self.files.document
        exporter = OnnxExporter(self.files.window)
        exporter.exported.connect(self._exported)
        exporter.failed.connect(self._failed)
        self.exporter = exporter
        weights = self.trained_weights()
        self._with_weights = weights is not None
        self.files._say(
            translate("OnnxExportFlow", "Exporting {0} as ONNX…").format(
                doc.graph.name
            ),
            0,
        )
        exporter.start(doc.project, path, doc.graph.name, weights)
        return exporter

    def _exported(self, path: str) -> None:
        text = (
            translate("OnnxExportFlow", "Exported {0} with the trained weights")
            if self._with_weights
            else translate(
                "OnnxExportFlow",
                "Exported {0} (fresh weights: train first to export trained ones)",
            )
        )
        self.files._say(text.format(Path(path).name), 6000)

    def _failed(self, message: str) -> None:
        self.files._say("", 0)
        self.files.show_error(
            translate("OnnxExportFlow", "Could not export ONNX"), message
        )
