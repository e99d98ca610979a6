"""The training panel: dataset, settings, background runs and live results (Qt).

``TrainingPanel`` is imported on first use, so the training process (which
imports :mod:`designer.training.server`) does not load the widgets.
"""

from __future__ import annotations

from typing import Any

__all__ = ["TrainingPanel"]


def __getattr__(name: str) -> Any:
    if name == "TrainingPanel":
        from designer.ui.training.panel import TrainingPanel

        return TrainingPanel
    raise AttributeError(name)
