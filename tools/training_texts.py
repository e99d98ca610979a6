"""Write ``designer/ui/training_texts.py``: the training texts kept in Qt-free tables.

The training settings (:data:`designer.training.settings.FIELD_SPECS`: titles,
help and choice labels), the tasks (titles and descriptions) and the datasets the
picker offers (titles, descriptions, option labels, option help and choices) are
plain Python data with no Qt in reach, so Qt Linguist cannot see them.  This
script lists each of them once as a ``QT_TRANSLATE_NOOP(context, text)`` entry in a
generated module that ``pyside6-lupdate`` reads (the ``training`` group of
:mod:`tools.translations`); the window translates them at display with
:mod:`designer.ui.training.texts`.

``python tools/training_texts.py`` rewrites the file; ``--check`` exits 1 when it
is out of date.  Nothing here imports torch.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET = ROOT / "designer" / "ui" / "training_texts.py"
SETTINGS_CONTEXT = "TrainingSettings"
TASK_CONTEXT = "Task"
DATASET_CONTEXT = "Dataset"

HEADER = '''"""The training texts of Qt-free tables, for Qt Linguist (generated: do not edit).

Written by ``tools/training_texts.py`` from the training settings, the tasks and
the datasets' registry; ``make translations`` regenerates it.  The window shows
these texts through :mod:`designer.ui.training.texts`.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

# fmt: off
TEXTS: tuple[str, ...] = (
'''


def collect_texts() -> dict[str, set[str]]:
    """context → the texts of that context, from the Qt-free tables."""
    from designer.training.datasets.registry import builtin_datasets, file_formats
    from designer.training.settings import FIELD_SPECS
    from designer.training.tasks.registry import get_task_info, task_names
    from designer.ui.training.texts import option_label

    texts: dict[str, set[str]] = {
        SETTINGS_CONTEXT: set(),
        TASK_CONTEXT: set(),
        DATASET_CONTEXT: set(),
    }
    for spec in FIELD_SPECS.values():
        texts[SETTINGS_CONTEXT].update((spec.title, spec.help, *spec.choice_labels))
    for name in task_names():
        info = get_task_info(name)
        texts[TASK_CONTEXT].update((info.title, info.description))
    for info in (*builtin_datasets(), *file_formats()):
        texts[DATASET_CONTEXT].update((info.title, info.description))
        for option in info.options:
            texts[DATASET_CONTEXT].update(
                (option_label(option.name), option.help, *option.choices)
            )
    return {
        context: {t for t in found if t.strip()} for context, found in texts.items()
    }


def quoted(text: str) -> str:
    """A Python string literal of ``text`` in the house style (double quotes)."""
    if '"' in text and "'" not in text and "\\" not in text and "\n" not in text:
        return f"'{text}'"  # fewer escapes: ruff keeps single quotes here
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{body}"'


def render(texts: dict[str, set[str]]) -> str:
    lines = [HEADER]
    for context in sorted(texts):
        for text in sorted(texts[context]):
            lines.append(f"    QT_TRANSLATE_NOOP({quoted(context)}, {quoted(text)}),\n")
    lines.append(")\n# fmt: on\n")
    return "".join(lines)


def main(argv: list[str]) -> int:
    wanted = render(collect_texts())
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != wanted:
            print(f"{TARGET.name} is out of date: run python tools/training_texts.py")
            return 1
        print(f"{TARGET.name} is up to date")
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
