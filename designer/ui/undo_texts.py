"""The names of undo steps in the interface language ("Undo Rename fc to head").

The model (:mod:`designer.graph.editing`, plain Python) names each edit in
English, with the names of the nodes it touches: ``Rename fc to head``,
``Delete 3 layers``, ``Connect conv1 → relu1``.  The undo stack shows those
names; :func:`undo_text` gives each pattern's translation, with the node names,
counts and values put back in.  A name no pattern knows stays as the model
wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

CONTEXT = "UndoSteps"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


def _plural(text: str, count: int) -> str:
    from designer.ui.plurals import plural_form

    return plural_form(text, count)


def _fill(template: str, *values: str) -> str:
    for index, value in enumerate(values, start=1):
        template = template.replace(f"%{index}", value)
    return template


# Each row: the model's English pattern, and the translated name built from its groups.
# The literal texts are written out in each lambda so that lupdate finds them.
_Pattern = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_PATTERNS: tuple[_Pattern, ...] = (
    (re.compile(r"Tidy layout"), lambda m: translate("UndoSteps", "Tidy layout")),
    (
        re.compile(r"Change training settings"),
        lambda m: translate("UndoSteps", "Change training settings"),
    ),
    (re.compile(r"Change dataset"), lambda m: translate("UndoSteps", "Change dataset")),
    (
        re.compile(r"Connect (.+) → (.+)"),
        lambda m: _fill(translate("UndoSteps", "Connect %1 → %2"), m[1], m[2]),
    ),
    (
        re.compile(r"Disconnect (.+) → (.+)"),
        lambda m: _fill(translate("UndoSteps", "Disconnect %1 → %2"), m[1], m[2]),
    ),
    (
        re.compile(r"Disconnect (.+)"),
        lambda m: _fill(translate("UndoSteps", "Disconnect %1"), m[1]),
    ),
    (
        re.compile(r"Delete (.+)"),
        lambda m: _fill(translate("UndoSteps", "Delete %1"), m[1]),
    ),
    (re.compile(r"Cut (.+)"), lambda m: _fill(translate("UndoSteps", "Cut %1"), m[1])),
    (
        re.compile(r"Move (.+)"),
        lambda m: _fill(translate("UndoSteps", "Move %1"), m[1]),
    ),
    (
        re.compile(r"Paste (.+)"),
        lambda m: _fill(translate("UndoSteps", "Paste %1"), m[1]),
    ),
    (
        re.compile(r"Duplicate (.+)"),
        lambda m: _fill(translate("UndoSteps", "Duplicate %1"), m[1]),
    ),
    (re.compile(r"Cut"), lambda m: translate("UndoSteps", "Cut")),
    (re.compile(r"Paste"), lambda m: translate("UndoSteps", "Paste")),
    (re.compile(r"Duplicate"), lambda m: translate("UndoSteps", "Duplicate")),
    (
        re.compile(r"Add block (.+)"),
        lambda m: _fill(translate("UndoSteps", "Add block %1"), m[1]),
    ),
    (
        re.compile(r"Add (.+) from the library"),
        lambda m: _fill(translate("UndoSteps", "Add %1 from the library"), m[1]),
    ),
    (re.compile(r"Add (.+)"), lambda m: _fill(translate("UndoSteps", "Add %1"), m[1])),
    (
        re.compile(r"Change (.+) of (.+)"),
        lambda m: _fill(translate("UndoSteps", "Change %1 of %2"), m[1], m[2]),
    ),
    (
        re.compile(r"Rename project to (.+)"),
        lambda m: _fill(translate("UndoSteps", "Rename project to %1"), m[1]),
    ),
    (
        re.compile(r"Rename block (.+) to (.+)"),
        lambda m: _fill(translate("UndoSteps", "Rename block %1 to %2"), m[1], m[2]),
    ),
    (
        re.compile(r"Rename (.+) to (.+)"),
        lambda m: _fill(translate("UndoSteps", "Rename %1 to %2"), m[1], m[2]),
    ),
    (
        re.compile(r"Ungroup (.+)"),
        lambda m: _fill(translate("UndoSteps", "Ungroup %1"), m[1]),
    ),
    (
        re.compile(r"Make (.+) unique as (.+)"),
        lambda m: _fill(translate("UndoSteps", "Make %1 unique as %2"), m[1], m[2]),
    ),
)


_COUNTED = re.compile(r"(Delete|Cut|Move|Paste|Duplicate) (\d+) (item|layer)s?")
_GROUPED = re.compile(r"Group (\d+) layers? into (.+)")


class UndoSteps(QObject):
    """The steps whose names hold a count: ``self.tr`` marks them as plurals."""

    def counted(self, verb: str, noun: str, count: int) -> str | None:
        """A step that names how many layers (or items) it changes."""
        texts = {
            ("Delete", "item"): self.tr("Delete %n item(s)", "", count),
            ("Delete", "layer"): self.tr("Delete %n layer(s)", "", count),
            ("Cut", "layer"): self.tr("Cut %n layer(s)", "", count),
            ("Move", "layer"): self.tr("Move %n layer(s)", "", count),
            ("Paste", "layer"): self.tr("Paste %n layer(s)", "", count),
            ("Duplicate", "layer"): self.tr("Duplicate %n layer(s)", "", count),
        }
        text = texts.get((verb, noun))
        return None if text is None else _plural(text, count)

    def grouped(self, count: int, block: str) -> str:
        text = self.tr("Group %n layer(s) into %1", "", count)
        return _plural(text, count).replace("%1", block)


_STEPS: list[UndoSteps] = []


def _steps() -> UndoSteps:
    if not _STEPS:
        _STEPS.append(UndoSteps())
    return _STEPS[0]


def undo_text(model_text: str) -> str:
    """The model's English name of an edit, in the interface language."""
    counted = _COUNTED.fullmatch(model_text)
    if counted is not None:
        text = _steps().counted(counted[1], counted[3], int(counted[2]))
        if text is not None:
            return text
    grouped = _GROUPED.fullmatch(model_text)
    if grouped is not None:
        return _steps().grouped(int(grouped[1]), grouped[2])
    for pattern, name_of in _PATTERNS:
        match = pattern.fullmatch(model_text)
        if match is not None:
            return name_of(match)
    return model_text
