"""The app's version: which designer this is, and whether another is newer.

:data:`__version__` is the one place the number is written (``pyproject.toml``
reads it from here); :func:`app_version` prefers the installed distribution's
metadata and falls back to it in a checkout that was never installed.
"""

from __future__ import annotations

import re
from functools import lru_cache

__version__ = "0.1.0"

_LEADING_NUMBERS = re.compile(r"\d+(?:\.\d+)*")


@lru_cache(maxsize=1)
def app_version() -> str:
    """This designer's version, e.g. ``"0.1.0"``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("designer")
    except PackageNotFoundError:
        return __version__


def version_key(text: str) -> tuple[int, ...] | None:
    """``"1.10.2rc1"`` → ``(1, 10, 2)``; None when ``text`` does not start with a number."""
    found = _LEADING_NUMBERS.match(text.strip().lstrip("vV"))
    if found is None:
        return None
    numbers = [int(part) for part in found.group().split(".")]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()  # 1.0 and 1.0.0 are the same version
    return tuple(numbers)


def is_newer_than_this(other: str, this: str | None = None) -> bool:
    """Whether the version ``other`` is later than ``this`` (this app by default).

    A version that cannot be read is not taken as newer.
    """
    theirs, ours = version_key(other), version_key(this or app_version())
    return theirs is not None and ours is not None and theirs > ours
