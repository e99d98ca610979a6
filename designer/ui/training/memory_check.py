"""The memory pre-flight in the training settings: "about X of Y", and the largest batch.

The estimate needs torch (the networks are built on its meta device,
:mod:`designer.training.memory`), which the window never imports, so it is
made by the training process: the box hands it the same request a run would
get, marked ``memory_only``, and shows the one line the process sends back
(:func:`designer.training.server.process.memory_message`), in the interface language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from designer.graph.translatable import Message
from designer.training.messages import RunRequest
from designer.ui.language import LanguageFollower
from designer.ui.problem_text import translated
from designer.ui.training.run_texts import (
    translated_device_label,
    translated_process_message,
)
from designer.ui.training.worker import TrainingRun


class MemoryCheck(LanguageFollower, QGroupBox):
    """A button that estimates the memory a run needs, and the answer under it."""

    def __init__(
        self,
        run_inputs: Callable[[], tuple[dict[str, Any], dict[str, Any], dict[str, Any]]],
        parent: QWidget | None = None,
    ) -> None:
        """``run_inputs`` gives the project, dataset spec and settings a run would get."""
        super().__init__(parent)
        self._run_inputs = run_inputs
        self._run: TrainingRun | None = None
        self._text: Callable[[], str] = lambda: self.tr(
            "What a run with these settings needs, worked out before it starts."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        self.label = QLabel()
        self.label.setObjectName("mutedText")
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("estimateMemory")
        self.button.clicked.connect(self.estimate)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Memory"))
        self.button.setText(self.tr("Estimate memory"))
        self.button.setToolTip(
            self.tr(
                "Parameters, gradients, optimizer state and activations at the batch "
                "size, measured without allocating, against the memory available."
            )
        )
        self.label.setText(self._text())

    def _set_text(self, text: Callable[[], str]) -> None:
        self._text = text
        self.label.setText(text())

    def estimate(self) -> bool:
        """Ask the training process for the estimate; False while one is under way."""
        if self._run is not None:
            return False
        project, dataset, settings = self._run_inputs()
        request = RunRequest(
            project, dataset, settings, "", extra={"memory_only": True}
        )
        run = TrainingRun(request, self)
        run.worker.memoryEstimated.connect(self._show)
        run.worker.failed.connect(self._show)
        run.finished.connect(self._finished)
        self._run = run
        self.button.setEnabled(False)
        self._set_text(lambda: self.tr("Estimating… (PyTorch loads once per session)"))
        run.start()
        return True

    @property
    def busy(self) -> bool:
        return self._run is not None

    def _show(self, answer: Message | str) -> None:
        """The estimate (a message), or why there is none (the process's text)."""
        if isinstance(answer, Message):
            self._set_text(lambda: translated(with_device_translated(answer)))
        else:
            self._set_text(lambda: translated_process_message(answer))

    def _finished(self) -> None:
        run, self._run = self._run, None
        if run is not None:
            run.deleteLater()
        self.button.setEnabled(True)

    def shutdown(self) -> None:
        """End an estimate still under way (the window is closing)."""
        if self._run is not None:
            self._run.shutdown(1000)


def with_device_translated(message: Message) -> Message:
    """``message`` with its ``device`` argument ("CPU (2 threads)") in the
    interface language, as the training panel names devices."""
    args = tuple(
        (
            name,
            translated_device_label(value)
            if name == "device" and isinstance(value, str)
            else value,
        )
        for name, value in message.args
    )
    return Message(message.template, args)
