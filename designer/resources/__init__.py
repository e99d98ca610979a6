"""The files the app reads at run time, shipped inside the package.

``style.qss`` (the stylesheet template), ``icons/`` (SVG icons drawn with
``currentColor``, and ``designer.svg``, the application icon in its own colours),
``samples/`` (the sample projects), ``blocks/`` (the built-in block library), ``i18n/`` (compiled translations) and
``designer.desktop`` (the Linux menu entry) are package data: they are read
through :mod:`importlib.resources`, so a wheel, ``pip install .`` and the checkout
all find them.  A missing file is a :class:`MissingResourceError` that names it,
never a silently blank toolbar.  The translations (``i18n/``) are not
:data:`REQUIRED`: without them the app runs in English
(:func:`designer.ui.language.install_language` installs what it finds).  Standard
library only: every layer may use it.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = [
    "MissingResourceError",
    "missing_resources",
    "resource_folder",
    "resource_path",
    "resource_text",
    "resources_root",
]

PACKAGE = "designer.resources"
REQUIRED = ("style.qss", "icons", "samples", "blocks", "icons/designer.svg")


class MissingResourceError(FileNotFoundError):
    """A file the package should carry is not there (a broken install)."""

    def __init__(self, name: str, where: str) -> None:
        self.name = name
        super().__init__(
            f"designer's resource {name!r} is missing from {where}; "
            "the installation is incomplete: reinstall designer "
            "(pip install --force-reinstall designer, or pip install . in a checkout)"
        )


_FILES = ExitStack()
atexit.register(_FILES.close)


def resources_root() -> Path:
    """The folder that holds the resources (whether or not each one is there)."""
    return _root()


@lru_cache(maxsize=1)
def _root() -> Path:
    """The resources folder as a real path (extracted once when installed zipped)."""
    found = resources.files(PACKAGE)
    if isinstance(found, Path):  # an ordinary install or the checkout
        return found
    return Path(_FILES.enter_context(resources.as_file(found)))


def resource_path(name: str) -> Path:
    """The file or folder ``name`` (``"icons/save.svg"``) of the package's resources.

    Raises :class:`MissingResourceError` when it is not there.
    """
    path = _root().joinpath(*name.split("/"))
    if not path.exists():
        raise MissingResourceError(name, str(_root()))
    return path


def resource_folder(name: str) -> Path:
    """A folder of resources (``"samples"``, ``"icons"``, ``"i18n"``)."""
    path = resource_path(name)
    if not path.is_dir():
        raise MissingResourceError(f"{name}/", str(_root()))
    return path


def resource_text(name: str) -> str:
    """The text of a resource file (UTF-8)."""
    path = resource_path(name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise MissingResourceError(
            name, f"{path.parent} ({error.strerror or error})"
        ) from None


def missing_resources() -> list[str]:
    """The :data:`REQUIRED` resources that are not there, for a check at start-up."""
    missing = []
    for name in REQUIRED:
        try:
            resource_path(name)
        except MissingResourceError:
            missing.append(name)
    return missing
