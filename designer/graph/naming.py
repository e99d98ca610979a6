"""Node names: what a name may be, and how a new node gets a name no other node has.

Automatic names number a stem (``conv2d_1``, ``conv2d_2``…).  A name someone chose
that is already taken (pasting ``b2_1`` next to the original) gets a ``_copy``
suffix instead of the next number: renumbering it would take the name the user
means to give the next node of their own series (``b2_2``), and push that one
along in turn.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection

from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

MAX_NAME_LENGTH = 64
COPY_SUFFIX = "_copy"
_NAME_TAIL = re.compile(r"^(.*?)_(\d+)$")


EMPTY_NAME = QT_TRANSLATE_NOOP("Problem", "a name cannot be empty")
LONG_NAME = QT_TRANSLATE_NOOP("Problem", "a name can be at most {limit} characters")
TAKEN_NAME = QT_TRANSLATE_NOOP("Problem", "another node is already called {name}")


def name_message(name: str) -> Message | None:
    """Why ``name`` (already stripped) cannot name a node, or None when it can."""
    if not name:
        return Message(EMPTY_NAME)
    if len(name) > MAX_NAME_LENGTH:
        return Message.of(LONG_NAME, limit=str(MAX_NAME_LENGTH))
    return None


def name_problem(name: str) -> str | None:
    """:func:`name_message` in English."""
    problem = name_message(name)
    return None if problem is None else problem.english()


def rename_message(taken: Collection[str], current: str, name: str) -> Message | None:
    """Why a node called ``current`` cannot be renamed to ``name`` (stripped) when the
    other nodes of its network are called ``taken``; None when it can."""
    problem = name_message(name)
    if problem:
        return problem
    if name != current and name in taken:
        return Message.of(TAKEN_NAME, name=repr(name))
    return None


def rename_problem(taken: Collection[str], current: str, name: str) -> str | None:
    """:func:`rename_message` in English."""
    problem = rename_message(taken, current, name)
    return None if problem is None else problem.english()


def automatic_name(taken: Collection[str], stem: str) -> str:
    """``stem_1``, ``stem_2``… the first one free (a stem like ``x_3`` numbers on from
    ``x``); ``stem`` itself when it already ends in a free number."""
    stem = stem.strip() or "node"
    match = _NAME_TAIL.match(stem)
    if match and stem not in taken:
        return stem
    base = match.group(1) if match else stem
    for k in itertools.count(1):
        candidate = f"{base}_{k}"
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")


def copy_name(taken: Collection[str], name: str) -> str:
    """``name`` when free, else ``name_copy``, ``name_copy2``, ``name_copy3``…

    The suffix never has the ``_<number>`` shape of a numbered series, so a copy
    never takes a name the user is about to give a sibling.
    """
    name = name.strip()
    if name not in taken:
        return name
    stem = name[: MAX_NAME_LENGTH - len(COPY_SUFFIX) - 4] + COPY_SUFFIX
    for k in itertools.count(1):
        candidate = stem if k == 1 else f"{stem}{k}"
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")
