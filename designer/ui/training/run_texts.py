"""What the training process says, in the interface language.

The process sends English (the command line prints the same words):
fixed texts and templates marked in :mod:`designer.training.messages`, and the
run's end as a :class:`~designer.training.messages.RunResult`.  Here a fixed
text is looked up in the translations, a filled template is recognised and
translated with what it was filled with, and the end of a run is its
:class:`~designer.graph.translatable.Message` (``RunResult.text``, worded once
in :mod:`designer.training.run_end_texts`).  Anything else is shown as sent.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from designer.graph.translatable import Message
from designer.training.messages import PROCESS_CONTEXT, PROCESS_TEXTS
from designer.training.start_notes import start_note
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


def translated_process_message(text: str | Message) -> str:
    """``text`` from the training process in the interface language: a message
    translated, a text when it is one of the process's marked texts (a template
    keeps what filled it)."""
    if isinstance(text, Message):
        return translated(text)
    if text in PROCESS_TEXTS:
        return QCoreApplication.translate(PROCESS_CONTEXT, text)
    for pattern, template in _patterns():
        match = pattern.match(text)
        if match:
            worded = QCoreApplication.translate(PROCESS_CONTEXT, template)
            return worded.replace(SLOT, match.group(1))
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
    """Words of the training process's reports (a QObject: its plurals are Qt's
    numerus forms)."""

    def cpu(self, threads: int) -> str:
        return plural_form(self.tr("CPU (%n thread(s))", "", threads), threads)


def run_end_message(result: Any) -> str:
    """How the run ended (a :class:`RunResult`), for the message strip, in the
    interface language: the engine words every end (finished, stopped, stopped
    early, failed) as the result's ``text``; a result without one (sent by the
    process before the engine ran) is the process's text translated."""
    text = getattr(result, "text", None)
    if text is not None:
        return translated(text)
    return translated_process_message(str(result.message))


def start_notes_text(notes: list[str]) -> str:
    """A run's start notes (:attr:`RunInfo.notes`), one a line, in the interface
    language (:func:`designer.training.start_notes.start_note`)."""
    return "\n".join(translated(start_note(note)) for note in notes)


def failure_text(result: Any) -> str:
    """Why a run failed (a :class:`RunResult`), in the interface language."""
    return run_end_message(result)
