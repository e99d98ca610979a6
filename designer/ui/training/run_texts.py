"""What the training process says, in the interface language.

The process sends English (the command line prints the same words):
fixed texts and templates marked in :mod:`designer.training.messages`, and the
run's end as a :class:`~designer.training.messages.RunResult`.  Here a fixed
text is looked up in the translations, a filled template is recognised and
translated with what it was filled with, and the end of a finished or stopped
run is said again from the result's numbers.  Anything else (a failure's
detailed explanation) is shown as sent.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication

from designer.training.messages import PROCESS_CONTEXT, PROCESS_TEXTS
from designer.ui.plurals import plural_form

SLOT = "{0}"


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    found = []
    for template in PROCESS_TEXTS:
        if SLOT in template:
            before, after = template.split(SLOT, 1)
            pattern = re.compile(
                re.escape(before) + "(.*)" + re.escape(after) + r"\Z", re.DOTALL
            )
            found.append((pattern, template))
    return tuple(found)


def translated_process_message(text: str) -> str:
    """``text`` from the training process in the interface language, when it is one
    of the process's marked texts (a template keeps what filled it)."""
    if text in PROCESS_TEXTS:
        return QCoreApplication.translate(PROCESS_CONTEXT, text)
    for pattern, template in _patterns():
        match = pattern.match(text)
        if match:
            translated = QCoreApplication.translate(PROCESS_CONTEXT, template)
            return translated.replace(SLOT, match.group(1))
    return text


def epochs_summary(epochs: list[Any]) -> str:
    """The last epoch's losses (and accuracy) in one sentence."""
    last = epochs[-1]
    parts = [
        QCoreApplication.translate("RunMessages", "train loss {0}").format(
            f"{last.train_loss:.4g}"
        )
    ]
    if last.val_loss is not None:
        parts.append(
            QCoreApplication.translate("RunMessages", "validation loss {0}").format(
                f"{last.val_loss:.4g}"
            )
        )
    if last.val_accuracy is not None:
        best = max(m.val_accuracy for m in epochs if m.val_accuracy is not None)
        parts.append(
            QCoreApplication.translate(
                "RunMessages", "validation accuracy {0} (best {1})"
            ).format(f"{last.val_accuracy:.1%}", f"{best:.1%}")
        )
    return QCoreApplication.translate("RunMessages", "Last epoch: {0}.").format(
        QCoreApplication.translate("RunMessages", ", ").join(parts)
    )


def run_end_message(result: Any, patience: int) -> str:
    """How the run ended (a :class:`RunResult`), for the message strip.

    Finished and stopped runs are described from their epochs, as the engine
    describes them (``patience``: the early-stopping setting the run had); a
    failure's message is translated where it is one of the process's texts."""
    epochs = list(result.epochs or [])
    if result.status == "finished" and epochs:
        return (
            plural_form(
                QCoreApplication.translate(
                    "RunMessages", "Finished %n epoch(s).", None, len(epochs)
                ),
                len(epochs),
            )
            + " "
            + epochs_summary(epochs)
        )
    if result.status == "stopped":
        text = plural_form(
            QCoreApplication.translate(
                "RunMessages", "Stopped after %n epoch(s).", None, len(epochs)
            ),
            len(epochs),
        )
        return f"{text} {epochs_summary(epochs)}" if epochs else text
    if result.status == "early_stopped" and epochs and patience > 0:
        last = epochs[-1]
        watched = (
            QCoreApplication.translate(
                "RunMessages",
                "The validation loss has not improved for %n epoch(s).",
                None,
                patience,
            )
            if last.val_loss is not None
            else QCoreApplication.translate(
                "RunMessages",
                "The training loss has not improved for %n epoch(s).",
                None,
                patience,
            )
        )
        return " ".join(
            (
                QCoreApplication.translate(
                    "RunMessages", "Stopped early after epoch {0}."
                ).format(last.epoch),
                plural_form(watched, patience),
                epochs_summary(epochs),
            )
        )
    return translated_process_message(str(result.message))
