"""Keep the translations in step with the code: ``python tools/translations.py update|release|check``.

The user-visible strings are split into groups, each with its own ``.ts`` source
in ``designer/resources/i18n/`` (``GROUP_zh_CN.ts``), so that a change to one part
of the app touches one translation file.  ``update`` runs Qt Linguist's
``pyside6-lupdate`` over each group's sources (obsolete entries dropped),
``release`` compiles every ``.ts`` into the ``.qm`` the app loads
(``pyside6-lrelease``), and ``check`` fails when a ``.ts`` file is out of date with
the code or a ``.qm`` is missing or older than its ``.ts``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "designer" / "resources" / "i18n"
LANGUAGES = ("zh_CN",)

#: group name -> the source files and folders (relative to the repository) it covers.
#: Every Python file under designer/ui belongs to exactly one group (a test says so).
GROUPS: dict[str, tuple[str, ...]] = {
    "window": (
        "designer/ui/about.py",
        "designer/ui/actions.py",
        "designer/ui/app.py",
        "designer/ui/autosave.py",
        "designer/ui/block_commands.py",
        "designer/ui/child_command.py",
        "designer/ui/commands.py",
        "designer/ui/document.py",
        "designer/ui/document_clipboard.py",
        "designer/ui/gui_thread_gc.py",
        "designer/ui/import_dialog.py",
        "designer/ui/language.py",
        "designer/ui/main_window.py",
        "designer/ui/network_tabs.py",
        "designer/ui/onnx_export_flow.py",
        "designer/ui/plurals.py",
        "designer/ui/presentation.py",
        "designer/ui/read_only.py",
        "designer/ui/recovery.py",
        "designer/ui/settings.py",
        "designer/ui/termination.py",
        "designer/ui/theme.py",
        "designer/ui/theme_colors.py",
        "designer/ui/theme_icons.py",
        "designer/ui/undo_texts.py",
        "designer/ui/window_export.py",
        "designer/ui/window_files.py",
        "designer/ui/window_language.py",
        "designer/ui/window_panels.py",
        "designer/ui/window_status.py",
        "designer/ui/workspace.py",
        "designer/ui/__init__.py",
    ),
    "panels": (
        "designer/ui/panels",
        "designer/ui/canvas",
        "designer/ui/fields",
        "designer/ui/inside.py",
        "designer/ui/inside_panel.py",
        "designer/ui/drawing_pad.py",
        "designer/ui/point_pad.py",
        "designer/ui/catalog_texts.py",
    ),
    "training": (
        "designer/ui/training",
        "designer/ui/training_texts.py",
        "designer/training/messages.py",
        "designer/training/memory_texts.py",
        "designer/training/run_end_texts.py",
        "designer/training/start_notes.py",
        "designer/training/checkpoints.py",
        "designer/training/settings.py",
        "designer/training/datasets/compat.py",
    ),
    # The command line (read without Qt by designer.i18n) and the run table's words.
    "cli": (
        "designer/cli.py",
        "designer/i18n.py",
        "designer/export/data_code.py",
        "designer/export/fx_layers.py",
        "designer/export/fx_more_layers.py",
        "designer/export/import_calls.py",
        "designer/export/import_cli.py",
        "designer/export/import_graph.py",
        "designer/export/import_stacks.py",
        "designer/export/model_import.py",
        "designer/export/onnx_export.py",
        "designer/export/train_script.py",
        "designer/training/cli_train.py",
        "designer/training/explain.py",
        "designer/training/run_compare.py",
    ),
    # Problem and field messages: marked templates in the model, worded by the ui.
    "model": (
        "designer/graph",
        "designer/codegen/module.py",
        "designer/shapes",
        "designer/fields.py",
        "designer/ui/problem_text.py",
    ),
}


def ts_file(group: str, language: str) -> Path:
    return I18N / f"{group}_{language}.ts"


def qm_file(group: str, language: str) -> Path:
    return ts_file(group, language).with_suffix(".qm")


def _tool(name: str) -> str:
    """A PySide6 tool from the running interpreter's environment, else from PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def _sources(group: str) -> list[str]:
    """The group's Python files: a folder stands for the files in it (lupdate
    does not look for .py files in a folder it is given)."""
    files: list[str] = []
    for path in GROUPS[group]:
        source = ROOT / path
        if source.is_dir():
            files += [str(found) for found in sorted(source.rglob("*.py"))]
        elif source.exists():
            files.append(str(source))
    return files


def update(target_dir: Path = I18N) -> None:
    target_dir.mkdir(parents=True, exist_ok=True)
    for group in GROUPS:
        for language in LANGUAGES:
            target = target_dir / ts_file(group, language).name
            if target_dir != I18N and ts_file(group, language).exists():
                shutil.copy(ts_file(group, language), target)
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-target-language",
                    language,
                    *_sources(group),
                    "-ts",
                    str(target),
                ],
                check=True,
                capture_output=True,
                text=True,
            )


def release() -> None:
    for group in GROUPS:
        for language in LANGUAGES:
            _lrelease(ts_file(group, language), qm_file(group, language))


def _lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        text=True,
    )


def messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every message a .ts file holds."""
    tree = ElementTree.parse(ts)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of the messages with no finished translation."""
    tree = ElementTree.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            numerus = translation is not None and list(translation.iter("numerusform"))
            empty = translation is None or (
                not (translation.text or "").strip()
                and not any((form.text or "").strip() for form in numerus or [])
            )
            if unfinished or empty:
                missing.append(
                    (context.findtext("name") or "", message.findtext("source") or "")
                )
    return missing


def check() -> list[str]:
    """Why the translation files are out of date with the code; empty when they are not."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        update(Path(scratch))
        for group in GROUPS:
            for language in LANGUAGES:
                committed, fresh = (
                    ts_file(group, language),
                    Path(scratch) / ts_file(group, language).name,
                )
                if not committed.exists():
                    problems.append(
                        f"{committed.name} is missing: run make translations"
                    )
                    continue
                added = messages(fresh) - messages(committed)
                gone = messages(committed) - messages(fresh)
                if added or gone:
                    problems.append(
                        f"{committed.name} is out of date with the code ({len(added)} new, "
                        f"{len(gone)} gone strings): run make translations"
                    )
                qm, fresh_qm = (
                    qm_file(group, language),
                    Path(scratch) / qm_file(group, language).name,
                )
                _lrelease(committed, fresh_qm)
                if not qm.exists() or qm.read_bytes() != fresh_qm.read_bytes():
                    problems.append(
                        f"{qm.name} is missing or not built from its .ts: run make translations"
                    )
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        update()
        release()
    elif command == "release":
        release()
    elif command == "check":
        problems = check()
        print("\n".join(problems) or "translations are up to date")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
