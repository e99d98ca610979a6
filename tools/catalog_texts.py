"""Write ``designer/ui/catalog_texts.py``: the layer catalog's texts for Qt Linguist.

The catalog (``designer/graph``) is plain Python without Qt, so its texts cannot
call ``tr``.  This script lists every user-facing text of every layer spec —
category names, descriptions, formulas written in words, parameter titles, help
texts and choice labels, the names of inferred values — as
``QT_TRANSLATE_NOOP("Layer", …)`` entries, and the built-in block library's
descriptions under ``"Block"``, so that ``pyside6-lupdate`` puts them in the
panels' ``.ts`` file.  The ui shows them through :func:`layer_text` and
:func:`block_text` of the generated module.

Run ``python tools/catalog_texts.py`` after changing a layer spec or a built-in
block (``make translations`` does it); ``--check`` fails when the file is out of date.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from designer.graph.catalog import CATEGORIES, all_specs  # noqa: E402

TARGET = ROOT / "designer" / "ui" / "catalog_texts.py"
BLOCKS = ROOT / "designer" / "resources" / "blocks"
LAYER_CONTEXT = "Layer"
BLOCK_CONTEXT = "Block"
# A formula is explained in words ("max over the k×k window") when it holds three
# words in a row; plain maths ("y = max(0, x)") stays as it is.
_WORDS = re.compile(r"[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}")

_HEADER = '''"""The layer catalog's texts, for Qt Linguist (generated: do not edit).

Written by ``python tools/catalog_texts.py`` from ``designer/graph/layers`` and
``designer/resources/blocks``; a test fails when it is out of date.  The
``QT_TRANSLATE_NOOP`` entries only mark the texts for ``pyside6-lupdate``;
:func:`layer_text` and :func:`block_text` translate them when they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    return text


def layer_text(text: str) -> str:
    """A text of the layer catalog (description, title, help…) in the app's language."""
    return QCoreApplication.translate("Layer", text) if text else text


def block_text(text: str) -> str:
    """A built-in block's description in the app's language."""
    return QCoreApplication.translate("Block", text) if text else text

'''


def readable(name: str) -> str:
    """An inferred value's name as the inspector shows it: in_features → In features."""
    return name.replace("_", " ").capitalize()


def layer_texts() -> list[str]:
    """Every user-facing text of the layer catalog, sorted and without repeats."""
    texts: set[str] = set(CATEGORIES)
    for spec in all_specs():
        texts.add(spec.description)
        if spec.formula and _WORDS.search(spec.formula):
            texts.add(spec.formula)
        for param in spec.params:
            texts.add(param.title)
            texts.add(param.help)
            texts.update(
                label for value, label in param.labelled_choices() if label != value
            )
        texts.update(readable(name) for name in spec.inferred_names)
    return sorted(text for text in texts if text)


def block_texts() -> list[str]:
    """The descriptions of the built-in blocks, sorted and without repeats."""
    texts: set[str] = set()
    for path in sorted(BLOCKS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts.update(block.get("description", "") for block in data.get("blocks", []))
    return sorted(text for text in texts if text)


def _entries(name: str, context: str, texts: list[str]) -> str:
    # One entry a line, as generated (ruff would fold the long ones).
    lines = ["# fmt: off", f"{name}: tuple[str, ...] = ("]
    lines += [
        f"    QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(text, ensure_ascii=False)}),"
        for text in texts
    ]
    lines += [")", "# fmt: on"]
    return "\n".join(lines) + "\n"


def generate() -> str:
    """The text of ``designer/ui/catalog_texts.py`` for the catalog as it is now."""
    return (
        _HEADER
        + "\n"
        + _entries("LAYER_TEXTS", LAYER_CONTEXT, layer_texts())
        + "\n"
        + _entries("BLOCK_TEXTS", BLOCK_CONTEXT, block_texts())
    )


def main(argv: list[str]) -> int:
    text = generate()
    if argv[:1] == ["--check"]:
        fresh = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print("catalog texts are up to date" if fresh else f"{TARGET} is out of date")
        return 0 if fresh else 1
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
