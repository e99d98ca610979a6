"""The file dialogs that choose where trained weights are saved and read from.

safetensors is offered first (a plain tensor file that loads without running
anything); PyTorch's ``.pt`` stays readable (with ``weights_only=True``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_weights_path_to_save(parent: QWidget, project_path: Path | None) -> str:
    """The chosen file ('' when cancelled), suggested next to the project."""
    base = (
        Path(project_path).with_suffix(".safetensors")
        if project_path
        else Path("weights.safetensors")
    )
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("TrainingPanel", "Save trained weights"),
        str(base),
        QCoreApplication.translate(
            "TrainingPanel", "safetensors (*.safetensors);;PyTorch weights (*.pt *.pth)"
        ),
    )
    return path


def ask_weights_path_to_load(parent: QWidget) -> str:
    """The chosen weights file ('' when cancelled)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("TrainingPanel", "Load weights"),
        "",
        QCoreApplication.translate(
            "TrainingPanel",
            "Weights (*.safetensors *.pt *.pth);;safetensors (*.safetensors);;"
            "PyTorch weights (*.pt *.pth);;All files (*)",
        ),
    )
    return path
