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

from PySide6.QtCore import QCoreApplication, QObject

from designer.training.messages import PROCESS_CONTEXT, PROCESS_TEXTS
from designer.ui.plurals import plural_form
from designer.ui.problem_text import translated

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


CPU_LABEL = re.compile(r"CPU \((\d+) threads?\)\Z")


def translated_device_label(label: str) -> str:
    """A device as the training process names it ("CPU (2 threads)", "CUDA: …"),
    in the interface language."""
    match = CPU_LABEL.match(label)
    if match is None:
        return label
    return RunMessages().cpu(int(match.group(1)))


class RunMessages(QObject):
    """The words for how a run ended (a QObject: its plurals are Qt's numerus forms)."""

    def cpu(self, threads: int) -> str:
        return plural_form(self.tr("CPU (%n thread(s))", "", threads), threads)

    def sentences(self, *texts: str) -> str:
        """Sentences one after the other (a space between them in English)."""
        joined = texts[0]
        for text in texts[1:]:
            joined = self.tr("{0} {1}", "one sentence after another").format(
                joined, text
            )
        return joined

    def epochs_summary(self, epochs: list[Any]) -> str:
        """The last epoch's losses (and accuracy) in one sentence."""
        last = epochs[-1]
        parts = [self.tr("train loss {0}").format(f"{last.train_loss:.4g}")]
        if last.val_loss is not None:
            parts.append(self.tr("validation loss {0}").format(f"{last.val_loss:.4g}"))
        if last.val_accuracy is not None:
            best = max(m.val_accuracy for m in epochs if m.val_accuracy is not None)
            parts.append(
                self.tr("validation accuracy {0} (best {1})").format(
                    f"{last.val_accuracy:.1%}", f"{best:.1%}"
                )
            )
        return self.tr("Last epoch: {0}.").format(self.tr(", ").join(parts))

    def end(self, result: Any, patience: int) -> str:
        epochs = list(result.epochs or [])
        done = len(epochs)
        if result.status == "finished" and epochs:
            finished = self.tr("Finished %n epoch(s).", "", done)
            return self.sentences(
                plural_form(finished, done), self.epochs_summary(epochs)
            )
        if result.status == "stopped":
            text = plural_form(self.tr("Stopped after %n epoch(s).", "", done), done)
            return self.sentences(text, self.epochs_summary(epochs)) if epochs else text
        if result.status == "early_stopped" and epochs and patience > 0:
            last = epochs[-1]
            watched = (
                self.tr(
                    "The validation loss has not improved for %n epoch(s).",
                    "",
                    patience,
                )
                if last.val_loss is not None
                else self.tr(
                    "The training loss has not improved for %n epoch(s).",
                    "",
                    patience,
                )
            )
            return self.sentences(
                self.tr("Stopped early after epoch {0}.").format(last.epoch),
                plural_form(watched, patience),
                self.epochs_summary(epochs),
            )
        return failure_text(result)


def failure_text(result: Any) -> str:
    """Why a run failed (a :class:`RunResult`), in the interface language: its
    message when the engine worded one, else the process's text translated."""
    text = getattr(result, "text", None)
    if text is not None:
        return translated(text)
    return translated_process_message(str(result.message))


def run_end_message(result: Any, patience: int) -> str:
    """How the run ended (a :class:`RunResult`), for the message strip.

    Finished and stopped runs are described from their epochs, as the engine
    describes them (``patience``: the early-stopping setting the run had); a
    failure's message is translated where it is one of the process's texts."""
    return RunMessages().end(result, patience)
