"""``designer --install-desktop-entry``: the Linux menu entry and icon.

Writes ``applications/designer.desktop`` and
``icons/hicolor/scalable/apps/designer.svg`` under ``$XDG_DATA_HOME`` (by default
``~/.local/share``), the places desktops look for a user's own applications.  The
entry starts this very interpreter (``python -m designer``), so it works for a
virtual environment or pipx install that is not on the desktop's ``PATH``.
"""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from designer.graph.safe_files import atomic_write_text
from designer.resources import resource_text

DESKTOP_FILE = "designer.desktop"
ICON_NAME = "designer"


@dataclass(frozen=True)
class InstalledEntry:
    desktop_file: Path
    icon_file: Path


def data_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute
    (as the XDG Base Directory specification says)."""
    value = (os.environ if environ is None else environ).get("XDG_DATA_HOME", "")
    return (
        Path(value)
        if value and Path(value).is_absolute()
        else Path.home() / ".local" / "share"
    )


def desktop_entry_text(python: str | None = None) -> str:
    """The packaged ``designer.desktop`` with ``Exec`` running ``python -m designer``."""
    command = f"{shlex.quote(python or sys.executable)} -m designer %f"
    lines = []
    for line in resource_text(DESKTOP_FILE).splitlines():
        lines.append(f"Exec={command}" if line.startswith("Exec=") else line)
    return "\n".join(lines) + "\n"


def install_desktop_entry(target: Path | None = None) -> InstalledEntry:
    """Write the menu entry and icon under ``target`` (the XDG data home by default).

    Raises ``OSError`` when they cannot be written and
    :class:`~designer.resources.MissingResourceError` when the package lacks them.
    """
    root = target or data_home()
    desktop = root / "applications" / DESKTOP_FILE
    icon = root / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    text, svg = desktop_entry_text(), resource_text(f"icons/{ICON_NAME}.svg")
    for path, content in ((desktop, text), (icon, svg)):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, content)
    return InstalledEntry(desktop, icon)


def main() -> int:
    """The command: write the files and say where, or why not."""
    from designer.resources import MissingResourceError

    try:
        entry = install_desktop_entry()
    except MissingResourceError as error:
        print(f"designer: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        where = getattr(error, "filename", None) or data_home()
        print(
            f"designer: cannot write the desktop entry to {where}: {error.strerror or error}",
            file=sys.stderr,
        )
        return 2
    print(f"wrote {entry.desktop_file}")
    print(f"wrote {entry.icon_file}")
    print(
        "designer now appears in the applications menu (log out and in if it does not)."
    )
    return 0
