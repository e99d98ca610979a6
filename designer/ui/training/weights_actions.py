"""The training panel's weights: save the trained ones, start from saved ones.

A mixin of :class:`~designer.ui.training.panel.TrainingPanel` (it uses the
panel's run controller, document, message strip and buttons).  Loading checks
in the background that the weights fit the network; the outcome shows in the
message strip, in the interface language.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from shiboken6 import isValid

from designer.graph.model import Project
from designer.training.run_controller import (
    NoTrainedWeights,
    WeightsCopyError,
    check_weights,
)
from designer.ui.training.background import run_in_background
from designer.ui.training.weights_dialogs import (
    ask_weights_path_to_load,
    ask_weights_path_to_save,
)


def copy_project(project: Project) -> Project:
    """A listener-free deep copy for a background thread to read while the user edits."""
    return Project(
        name=project.name,
        networks=[graph.copy() for graph in project.networks],
        training=copy.deepcopy(project.training),
        dataset=copy.deepcopy(project.dataset),
    )


class WeightsActions:
    """Saving and loading weights, for the training panel (list it before QWidget)."""

    runs: Any
    document: Any
    banner: Any
    weightsChecked: Signal

    def _update_buttons(self) -> None:
        raise NotImplementedError

    # == weights ==================================================================
    def can_save_weights(self) -> bool:
        return self.runs.can_save_weights()

    def save_weights_to(self, path: str | Path) -> bool:
        """Save the last run's trained weights; shows the outcome in the message strip."""
        try:
            target = self.runs.save_weights_to(path)
        except NoTrainedWeights as error:
            self.banner.show_message(str(error), "warning")
            return False
        except WeightsCopyError as error:
            self.banner.show_message(str(error), "error")
            return False
        self.banner.show_message(
            lambda: self.tr("Saved the trained weights to {0}.").format(target),
            "success",
        )
        return True

    def load_weights_from(self, path: str | Path) -> None:
        """Check in the background that saved weights fit the network; if they do, the
        next run starts from them.  :attr:`weightsChecked` tells the outcome."""
        target = Path(path)
        try:  # any failure is shown, never swallowed
            project = copy_project(self.document.project)
        except Exception as error:  # noqa: BLE001
            self._weights_checked(target, str(error) or type(error).__name__)
            return
        self.banner.show_message(
            lambda: self.tr("Checking the weights in {0}…").format(target.name), "info"
        )
        run_in_background(
            lambda: check_weights(project, target),
            lambda problem: self._weights_checked(target, problem),
            lambda message: self._weights_checked(target, message),
        )

    def _weights_checked(self, path: Path, problem: str | None) -> None:
        if not isValid(self):
            return  # the panel closed while the weights were checked
        if problem:
            self.banner.show_message(
                lambda: self.tr("Those weights cannot be loaded: {0}").format(problem),
                "error",
            )
            self.weightsChecked.emit(False)
            return
        self.runs.use_initial_weights(path)
        self.banner.show_message(
            lambda: self.tr(
                "The weights in {0} fit the network. The next run starts from them "
                "(Weights ▸ Start from fresh weights to undo)."
            ).format(path.name),
            "success",
        )
        self._update_buttons()
        self.weightsChecked.emit(True)

    def clear_initial_weights(self) -> None:
        self.runs.clear_initial_weights()
        self._update_buttons()

    def _save_weights_dialog(self) -> None:
        path = ask_weights_path_to_save(self, getattr(self.document, "path", None))
        if path:
            self.save_weights_to(path)

    def _load_weights_dialog(self) -> None:
        path = ask_weights_path_to_load(self)
        if path:
            self.load_weights_from(path)
