"""Everything Qt: the main window, the canvas, the document with undo, panels.

Importing this package first protects the process from a PySide6 defect (see
:func:`_guard_none_refcount`), so every Qt module of the app lives under it.
"""

from __future__ import annotations

import sys

# None's reference count is raised by this much when the defect is present: at one
# lost reference per Qt call, that lasts far longer than any session.
_NONE_RESERVE = 1 << 48


def _guard_none_refcount() -> bool:
    """Work around PySide6 wheels that lose a reference to None per void Qt call.

    PySide6 6.12's stable-ABI wheels are compiled with the Python 3.12 headers, in
    which None is immortal and ``Py_RETURN_NONE`` takes no reference.  On Python
    3.11 every Qt method that returns nothing (``update()``, ``setPos()``…) then
    drops one reference to None, and after a few thousand calls the interpreter
    aborts with "none_dealloc: deallocating None".  Where that happens, None is
    given a huge reserve of references (as 3.12 makes it immortal).  Returns
    whether the guard was needed.
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QPointF

    probe = QPointF()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setX(1.0)
    if sys.getrefcount(None) >= before - 8:
        return False
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += _NONE_RESERVE
    return True


def _guard_bool_refcount() -> bool:
    """The same defect for True/False: ``Signal.emit()`` and ``disconnect()`` return a
    bool with ``Py_RETURN_TRUE``, so every emit from Python drops a reference to True
    and the interpreter aborts ("bool_dealloc") at exit or mid-session.  Both get the
    same reserve as None.  Returns whether the guard was needed.
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.ping.emit()
    if sys.getrefcount(True) >= before - 8:
        return False
    import ctypes

    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _NONE_RESERVE
    return True


NONE_REFCOUNT_GUARDED = _guard_none_refcount()
BOOL_REFCOUNT_GUARDED = _guard_bool_refcount()
