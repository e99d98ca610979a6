"""Reading and writing files the user names, safely against odd files and kills.

Reading refuses anything that is not a regular file (a device such as
``/dev/zero`` or a named pipe would read forever or hang) and never reads more
than the limit plus one byte, whatever the file system says the size is.

Writing is atomic: the text goes to a hidden temporary file in the same folder,
is flushed to disk and renamed over the target.  A symbolic link is followed, so
the file it points to is replaced and the link stays a link.  A file with more
than one hard link is rewritten in place instead (a rename would split the names
apart), which every link then sees.  Temporary files that a killed save left
behind are removed by the next save into that folder (and, by the window, when
the file is opened again).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

# A temporary file younger than this may belong to a save still in progress.
STALE_AFTER_S = 60.0
_CHUNK = 1 << 20


class UnreadableFileError(ValueError):
    """A file that cannot be read as a document; the message says why, for people."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "this is a named pipe, not a file; save the project to a file first"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "this is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "this is a socket, not a file"
    return "this is not a regular file"


def read_bytes_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The whole file, refusing non-regular files and anything over ``limit`` bytes.

    Raises :class:`UnreadableFileError` for a file that is too large or not a
    regular file, and ``OSError`` for the system's own failures.
    """
    if not stat.S_ISREG(mode := os.stat(path).st_mode):
        raise UnreadableFileError(_kind(mode))
    # O_NONBLOCK: should the path become a pipe after the check, opening it
    # returns at once instead of waiting for a writer.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        if not stat.S_ISREG(mode := os.fstat(descriptor).st_mode):
            raise UnreadableFileError(_kind(mode))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = handle.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    if total > limit:
        raise UnreadableFileError(
            f"the file is larger than {limit:,} bytes, the most a project can be"
        )
    return b"".join(chunks)


def _temporary_pattern(name: str) -> re.Pattern[str]:
    # The names tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp") makes.
    return re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp")


def remove_stale_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """Delete the temporary files that killed saves of ``path`` left; returns them."""
    target = Path(path)
    return _remove_stale(
        target.parent,
        f".{_glob_escape(target.name)}.*.tmp",
        _temporary_pattern(target.name),
    )


_ANY_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def remove_stale_temporaries_in(folder: str | os.PathLike[str]) -> list[Path]:
    """Delete every temporary file a killed save left in ``folder``; returns them.

    For folders the app owns (the recovery folder), where any such file is ours.
    """
    return _remove_stale(Path(folder), ".*.tmp", _ANY_TEMPORARY)


def _remove_stale(folder: Path, glob: str, pattern: re.Pattern[str]) -> list[Path]:
    """Delete the regular files in ``folder`` matching ``glob`` and ``pattern`` that
    are older than :data:`STALE_AFTER_S` (a save in progress is younger)."""
    now = time.time()
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(glob))
    except OSError:
        return removed
    for candidate in candidates:
        if not pattern.fullmatch(candidate.name):
            continue
        try:
            info = candidate.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER_S:
                candidate.unlink()
                removed.append(candidate)
        except OSError:  # gone meanwhile, or not ours to remove
            continue
    return removed
    for candidate in candidates:
        if not _ANY_TEMPORARY.fullmatch(candidate.name):
            continue
        try:
            info = candidate.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER_S:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def _glob_escape(name: str) -> str:
    """``name`` with glob's special characters taken literally."""
    return re.sub(r"([*?\[])", r"[\1]", name)


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a save to ``path`` must change: symbolic links followed."""
    return Path(os.path.realpath(os.fspath(path)))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, keeping links and the file's mode."""
    target = real_target(path)
    remove_stale_temporaries(target)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        code = errno.EISDIR if stat.S_ISDIR(existing.st_mode) else errno.EINVAL
        raise OSError(code, _kind(existing.st_mode), str(target))
    if existing is not None and existing.st_nlink > 1:
        _write_in_place(target, data)
        return
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_in_place(target: Path, data: bytes) -> None:
    with open(target, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """UTF-8 text through :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"))
