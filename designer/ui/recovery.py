"""Autosave for crash recovery.

While a document has unsaved changes the window writes it every so often to a
recovery file (``autosave-<pid>.json``) in the app data folder, recording where
the project was saved before.  A clean exit deletes the file; a file left behind
by a process that is no longer running is offered for restore on the next start.
The folder can be overridden with ``DESIGNER_RECOVERY_DIR`` (tests do).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths

from designer.graph.model import Project
from designer.graph.project_file import (
    ProjectFileError,
    atomic_write_text,
    project_from_dict,
    project_to_dict,
)
from designer.graph.safe_files import remove_stale_temporaries_in

RECOVERY_DIR_ENV = "DESIGNER_RECOVERY_DIR"
_PREFIX = "autosave-"


@dataclass
class RecoveredProject:
    project: Project
    original_path: str | None
    saved_at: str
    file: Path
    # The original file came from a newer designer: it stays read-only when restored.
    read_only_note: str | None = None


def recovery_dir() -> Path:
    override = os.environ.get(RECOVERY_DIR_ENV)
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation
    )
    return Path(base or Path.home() / ".designer") / "recovery"


def _process_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform.startswith("win"):
        return False  # no cheap portable check; a stale file is only an offer
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class RecoveryStore:
    """This process' recovery file, and those left behind by earlier runs."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else recovery_dir()
        self.file = self.directory / f"{_PREFIX}{os.getpid()}.json"

    @staticmethod
    def record(
        project: Project,
        original_path: str | os.PathLike[str] | None,
        read_only_note: str | None = None,
    ) -> dict[str, Any]:
        """What a recovery file holds, as fresh plain data (no references into the
        project, so another thread may encode it).  Raises ``ProjectSaveError``."""
        return {
            "original_path": str(original_path) if original_path else None,
            "read_only_note": read_only_note,
            "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "project": project_to_dict(project),
        }

    def write_record(self, record: dict[str, Any]) -> None:
        """Encode and write a :meth:`record` atomically (``OSError``, ``ValueError``)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries_in(self.directory)
        text = json.dumps(record, ensure_ascii=False, allow_nan=False)
        atomic_write_text(self.file, text)

    def write(
        self,
        project: Project,
        original_path: str | os.PathLike[str] | None,
        read_only_note: str | None = None,
    ) -> None:
        self.write_record(self.record(project, original_path, read_only_note))

    def clear(self) -> None:
        self.file.unlink(missing_ok=True)

    def leftovers(self) -> list[Path]:
        """Recovery files of processes that are no longer running, newest first."""
        if not self.directory.is_dir():
            return []
        found: list[tuple[float, Path]] = []
        for path in self.directory.glob(f"{_PREFIX}*.json"):
            stem = path.stem[len(_PREFIX) :]
            if stem.isdigit() and not _process_running(int(stem)):
                try:
                    found.append((path.stat().st_mtime, path))
                except OSError:  # removed meanwhile
                    continue
        return [path for _, path in sorted(found, reverse=True)]

    @staticmethod
    def read(path: Path) -> RecoveredProject | None:
        """The project in a recovery file, or None when the file is unusable."""
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            project = project_from_dict(record["project"], source=str(path))
            original = record.get("original_path")
            note = record.get("read_only_note")
            return RecoveredProject(
                project,
                str(original) if original else None,
                str(record.get("saved_at", "")),
                path,
                str(note) if note and original else None,
            )
        except (
            OSError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            ProjectFileError,
        ):
            return None

    @staticmethod
    def discard(path: Path) -> None:
        path.unlink(missing_ok=True)

    @staticmethod
    def set_aside(path: Path) -> Path | None:
        """Keep a file that cannot be read (e.g. from a newer designer) but stop offering it."""
        target = path.with_name(f"unreadable-{path.name}")
        try:
            path.replace(target)
        except OSError:
            return None
        return target
