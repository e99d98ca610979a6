"""The training panel: dataset, settings, background runs and live results (Qt)."""

from designer.ui.training.panel import TrainingPanel

__all__ = ["TrainingPanel"]
