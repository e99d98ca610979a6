"""Training texts in the interface language.

The settings, tasks and datasets are described in Qt-free tables
(:mod:`designer.training.settings`, :mod:`designer.training.tasks.registry`,
:mod:`designer.training.datasets`); their texts reach Qt Linguist through the
generated :mod:`designer.ui.training_texts` and are translated here, at display.
Metric names are marked where the plots name them (context ``"Metric"``).

Widgets follow a language change through
:class:`designer.ui.language.LanguageFollower`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SETTINGS_CONTEXT = "TrainingSettings"
TASK_CONTEXT = "Task"
DATASET_CONTEXT = "Dataset"
METRIC_CONTEXT = "Metric"


def _translated(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text) if text else text


def translated_setting(text: str) -> str:
    """A training setting's title, help or choice label, translated."""
    return _translated(SETTINGS_CONTEXT, text)


def translated_task(text: str) -> str:
    """A task's title or description, translated."""
    return _translated(TASK_CONTEXT, text)


def translated_dataset(text: str) -> str:
    """A dataset's title, description, option label, option help or choice, translated."""
    return _translated(DATASET_CONTEXT, text)


def option_label(name: str) -> str:
    """How the dataset picker titles an option, in English: ``n_samples`` → "N samples"."""
    return name.replace("_", " ").capitalize()


def translated_metric(text: str) -> str:
    """A metric's or loss term's name, translated (marked with ``QT_TRANSLATE_NOOP("Metric", …)``)."""
    return _translated(METRIC_CONTEXT, text)
