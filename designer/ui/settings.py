"""Where the app keeps its preferences (window layout, recent files, theme).

Always an INI file in the user scope, so tests can redirect every setting with
``QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "designer"
APPLICATION = "designer"
MAX_RECENT_FILES = 10


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def startup_look(
    settings: QSettings, dark: bool | None, interactive: bool
) -> tuple[bool, bool]:
    """``(dark, large_text)`` for a new window: ``dark`` when given, else the saved
    theme; Larger Text as saved, except without a person at the screen (screenshots)."""
    if dark is None:
        dark = bool(settings.value("view/dark", False, type=bool))
    large_text = interactive and bool(
        settings.value("view/large_text", False, type=bool)
    )
    return dark, large_text


def _as_list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


class RecentFiles:
    """The most recently opened or saved project files, newest first."""

    KEY = "recent_files"

    def __init__(self, settings: QSettings, limit: int = MAX_RECENT_FILES) -> None:
        self._settings = settings
        self._limit = limit

    def paths(self) -> list[str]:
        return _as_list(self._settings.value(self.KEY, []))[: self._limit]

    def add(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        paths = [p for p in self.paths() if p != text]
        self._store([text, *paths])

    def remove(self, path: str | Path) -> None:
        text = str(path)
        self._store(
            [p for p in self.paths() if p != text and p != str(Path(text).resolve())]
        )

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[str]) -> None:
        self._settings.setValue(self.KEY, paths[: self._limit])
        self._settings.sync()
