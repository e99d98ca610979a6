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

from PySide6.QtCore import QCoreApplication

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
        re.compile(r"Delete (\d+) items?"),
        lambda m: _plural(
            translate("UndoSteps", "Delete %n item(s)", None, int(m[1])), int(m[1])
        ),
    ),
    (
        re.compile(r"Delete (\d+) layers?"),
        lambda m: _plural(
            translate("UndoSteps", "Delete %n layer(s)", None, int(m[1])), int(m[1])
        ),
    ),
    (
        re.compile(r"Cut (\d+) layers?"),
        lambda m: _plural(
            translate("UndoSteps", "Cut %n layer(s)", None, int(m[1])), int(m[1])
        ),
    ),
    (
        re.compile(r"Move (\d+) layers?"),
        lambda m: _plural(
            translate("UndoSteps", "Move %n layer(s)", None, int(m[1])), int(m[1])
        ),
    ),
    (
        re.compile(r"Paste (\d+) layers?"),
        lambda m: _plural(
            translate("UndoSteps", "Paste %n layer(s)", None, int(m[1])), int(m[1])
        ),
    ),
    (
        re.compile(r"Duplicate (\d+) layers?"),
        lambda m: _plural(
            translate("UndoSteps", "Duplicate %n layer(s)", None, int(m[1])), int(m[1])
        ),
    ),
    (
        re.compile(r"Group (\d+) layers? into (.+)"),
        lambda m: _plural(
            _fill(
                translate("UndoSteps", "Group %n layer(s) into %1", None, int(m[1])),
                m[2],
            ),
            int(m[1]),
        ),
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


def undo_text(model_text: str) -> str:
    """The model's English name of an edit, in the interface language."""
    for pattern, translate in _PATTERNS:
        match = pattern.fullmatch(model_text)
        if match is not None:
            return translate(match)
    return model_text
