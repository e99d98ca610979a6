"""Shared fixtures for the Qt tests: an offscreen platform and small projects."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from designer.ui.document import Document  # noqa: E402

SEED_CNN = [
    ("Input", {"shape": [1, 28, 28]}),
    ("Conv2d", {"out_channels": 32, "kernel_size": 3}),
    ("ReLU", {}),
    ("MaxPool2d", {"kernel_size": 2}),
    ("Conv2d", {"out_channels": 64, "kernel_size": 3}),
    ("ReLU", {}),
    ("MaxPool2d", {"kernel_size": 2}),
    ("Conv2d", {"out_channels": 64, "kernel_size": 3}),
    ("ReLU", {}),
    ("Flatten", {}),
    ("Linear", {"out_features": 64}),
    ("ReLU", {}),
    ("Linear", {"out_features": 10}),
    ("Output", {}),
]


def build_chain(
    document: Document, layers=SEED_CNN, spacing: float = 240.0
) -> list[str]:
    """Add ``layers`` to the document's current network, connected in a chain."""
    ids: list[str] = []
    for index, (layer_type, params) in enumerate(layers):
        ids.append(document.add_node(layer_type, (index * spacing, 0.0), params))
        if index:
            assert document.connect(ids[-2], "out", ids[-1], "in") is None
    return ids


@pytest.fixture(scope="session")
def gui_thread_collector(qapp):
    """As in the app: Python's cycle collector runs only on the GUI thread (see
    designer.ui.gui_thread_gc); without it a collection in a relay thread could
    free plot items the GUI thread is drawing."""
    from designer.ui.gui_thread_gc import collect_on_gui_thread

    collector = collect_on_gui_thread(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def collect_after_each_test(gui_thread_collector):
    """Tests that never spin the event loop still have their garbage collected."""
    yield
    gui_thread_collector.collect_due()


@pytest.fixture
def document(qapp) -> Document:
    doc = Document()
    yield doc
    doc.undo_stack.clear()
    doc.deleteLater()


@pytest.fixture
def cnn(document: Document) -> list[str]:
    """The seed CNN (MNIST-sized) in ``document``; returns its node ids in order."""
    return build_chain(document)


@pytest.fixture
def chain():
    """``chain(document, layers)`` adds connected layers; see :func:`build_chain`."""
    return build_chain


@pytest.fixture
def vanishing_gradients_window(qtbot, tmp_path):
    """The main window on a copy of the vanishing-gradients sample (1400×900)."""
    from designer.ui.main_window import SAMPLES_DIR, MainWindow

    # A copy: a run keeps its history beside the project, never in the package.
    sample = shutil.copy(SAMPLES_DIR / "vanishing_gradients.json", tmp_path)
    document = Document()
    document.load(sample)
    window = MainWindow(document, interactive=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    yield window
    window.document.undo_stack.clear()
    window.close()


@pytest.fixture(scope="session", autouse=True)
def _empty_clipboard_at_the_end(qapp):
    """Leave the clipboard empty when the tests end: data still on it (copied
    cards) is freed after the application object when the process exits, which
    crashed the interpreter on its way out (a segmentation fault after the last
    test) on the offscreen platform."""
    yield
    qapp.clipboard().clear()
    qapp.processEvents()


@pytest.fixture
def window_collecting_errors(qtbot, tmp_path):
    """A window whose file errors are kept in ``window.errors`` as (title, message)
    instead of shown in a message box."""
    from PySide6.QtCore import QSettings

    from designer.ui.main_window import MainWindow
    from designer.ui.recovery import RecoveryStore

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    made = MainWindow(
        Document(), settings=settings, recovery=RecoveryStore(tmp_path / "recovery")
    )
    made.interactive = False
    errors: list[tuple[str, str]] = []
    made.files.show_error = lambda title, message: errors.append((title, message))
    made.errors = errors
    qtbot.addWidget(made)
    yield made
    made.document.undo_stack.setClean()
    made.close()
