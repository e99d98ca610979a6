"""Finding English in the interface: the texts a window shows, walked widget by
widget (labels, buttons, menus and actions, tabs, combo items, placeholders,
item models' headers and cells, tooltips), and the words in them that are not
proper names, layer types, key names or the project's own data."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

from designer.graph.block_library import builtin_folder, read_library
from designer.graph.catalog import all_specs
from designer.ui.main_window import MainWindow
from designer.ui.window_files import sample_files

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
# Parts of a text that are not words of the interface: file names and patterns,
# Python names (nn.Module, model.py), HTML tags and entities, paths.
# Formulas (<code>…</code>) are mathematics, written the same in any language.
NOT_WORDS = re.compile(
    r"<code>.*?</code>|<[^>]*>|&\w+;|\*\.\w+|\b[\w-]+\.(?:py|json|onnx|png|pt|safetensors|ts|qm)\b"
    r"|\bnn\.\w+|(?:/[\w.-]+)+|\"\w+\"\s*:"
)
PROPER_NAMES = {
    "PyTorch",
    "ONNX",
    "safetensors",
    "Adam",
    "AdamW",
    "SGD",
    "RMSprop",
    "CPU",
    "GPU",
    "CUDA",
    "MNIST",
    "ReLU",
    "Sigmoid",
    "Tanh",
    "Python",
    "PySide",  # PySide6
    "JSON",
    "designer",
    "numpy",
    "torch",
    "torchrun",
    "scikit",
    "learn",
    "forward",  # the model's method, in the import dialog's tip
    "long",  # the dtype written in input shapes (long:16)
    "English",  # the language menu names each language in its own language
    # Names of the field that Chinese textbooks write in English too.
    "softmax",
    "NLL",
    "MACs",
    "DenseNet",
    "GoogLeNet",
    "MobileNet",
    "ResNet",
    "VGG",
    "Net",  # U-Net
    "Xavier",  # Xavier and Kaiming initialisation: named after people
    "Kaiming",
    # Port and size names the shapes write as code: (N, L, hidden), mu and logvar.
    "hidden",
    "logvar",
    "like",
    # The training workspace: datasets, file formats, devices and losses by name.
    "CIFAR",
    "Fashion",
    "NumPy",
    "npz",
    "CSV",
    "IDX",
    "PNG",
    "SVG",
    "XOR",
    "Apple",
    "MPS",
    "MSE",
    "Huber",
    "Nesterov",
}
KEY_NAMES = {
    "Ctrl",
    "Shift",
    "Alt",
    "Meta",
    "Del",
    "Delete",
    "Backspace",
    "Esc",
    "Tab",
    "Space",
    "Enter",
    "Return",
    "Home",
    "End",
    "PgUp",
    "PgDown",
    "Ins",
}


def allowed_words(window: MainWindow) -> set[str]:
    """Words that stay as they are in any language: proper names, layer types,
    key names, and the project's own data (node, network and block names, files)."""
    allowed = PROPER_NAMES | KEY_NAMES
    for spec in all_specs():
        allowed |= set(ENGLISH_WORD.findall(spec.type))
        allowed |= set(ENGLISH_WORD.findall(spec.short_name))
        # Parameter names are code (dim, hidden_size): the texts quote them.
        for field in spec.params:
            allowed |= set(ENGLISH_WORD.findall(field.name))
    project = window.document.project
    data = [project.name, *window.document.network_names, *project.blocks.names()]
    for graph in project.networks:
        data += [node.name for node in graph.nodes]
    data += [title for title, _path in sample_files()]
    entries, _problems = read_library([(builtin_folder(), True)])
    data += [entry.name for entry in entries]  # block names are names, like layer types
    if window.document.path is not None:
        data.append(window.document.path.name)
    for text in data:
        allowed |= set(ENGLISH_WORD.findall(text))
    return allowed


def english_words(text: str, allowed: set[str]) -> list[str]:
    text = NOT_WORDS.sub(" ", text or "")
    return [w for w in ENGLISH_WORD.findall(text) if w not in allowed]


def _describe(thing: object) -> str:
    name = thing.objectName() if hasattr(thing, "objectName") else ""
    return f"{type(thing).__name__}({name or '-'})"


def action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    where = _describe(action)
    for kind, text in (
        ("text", action.text()),
        ("toolTip", action.toolTip()),
        ("statusTip", action.statusTip()),
        ("iconText", action.iconText()),
    ):
        yield f"{where}.{kind}", text
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield from menu_texts(menu)


def menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    yield f"{_describe(menu)}.title", menu.title()
    for action in menu.actions():
        if not action.isSeparator():
            yield from action_texts(action)


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model: one column (its columnCount is private)
        return 1


def model_texts(view: QAbstractItemView, limit: int = 400) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    where = _describe(view)
    display, tip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = (
            _columns(model, QModelIndex())
            if orientation == Qt.Orientation.Horizontal
            else 0
        )
        for section in range(count):
            for role in (display, tip):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield f"{where}.header", value
    top = QModelIndex()
    pending = [model.index(row, 0, top) for row in range(model.rowCount(top))]
    seen = 0
    while pending and seen < limit:
        index = pending.pop()
        seen += 1
        for column in range(_columns(model, index.parent())):
            cell = index.siblingAtColumn(column)
            for role in (display, tip):
                value = model.data(cell, role)
                if isinstance(value, str):
                    yield f"{where}.item", value
        pending += [model.index(r, 0, index) for r in range(model.rowCount(index))]


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    where = _describe(widget)
    yield f"{where}.toolTip", widget.toolTip()
    yield f"{where}.statusTip", widget.statusTip()
    if widget.isWindow() or isinstance(widget, QDockWidget | QToolBar):
        yield f"{where}.windowTitle", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield f"{where}.text", widget.text()
    if isinstance(widget, QAbstractButton):
        yield f"{where}.text", widget.text()
    if isinstance(widget, QGroupBox):
        yield f"{where}.title", widget.title()
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"{where}.item", widget.itemText(index)
            tip = widget.itemData(index, Qt.ItemDataRole.ToolTipRole)
            yield f"{where}.itemTip", tip if isinstance(tip, str) else ""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield f"{where}.placeholder", widget.placeholderText()
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield f"{where}.tab", widget.tabText(index)
            yield f"{where}.tabTip", widget.tabToolTip(index)
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"{where}.tab", widget.tabText(index)
            yield f"{where}.tabTip", widget.tabToolTip(index)
    if isinstance(widget, QMenu):
        yield from menu_texts(widget)
    if isinstance(widget, QAbstractItemView):
        yield from model_texts(widget)
    for action in widget.actions():
        if not action.isSeparator():
            yield from action_texts(action)


def offenders(texts: Iterable[tuple[str, str]], allowed: set[str]) -> list[str]:
    found = []
    for where, text in texts:
        words = english_words(text, allowed)
        if words:
            found.append(f"{where}: {text!r} ({', '.join(sorted(set(words)))})")
    return sorted(set(found))


def whole_window_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    yield "MainWindow.windowTitle", window.windowTitle()
    for widget in [window, *window.findChildren(QWidget)]:
        # The tab bars of tabbed docks show the docks' titles, checked with the
        # docks; Qt keeps bars it no longer uses, with the titles they had.
        if not (isinstance(widget, QTabBar) and widget.parent() is window):
            yield from widget_texts(widget)
    for action in window.findChildren(QAction):
        yield from action_texts(action)


def own_parts_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    """The window's own texts: menus and actions, toolbar, dock titles, status
    bar readouts, network tabs, title."""
    yield "MainWindow.windowTitle", window.windowTitle()
    for action in window.menuBar().actions():
        yield from action_texts(action)
    for action in window._actions.values():
        yield from action_texts(action)
    yield from widget_texts(window.toolbar)
    for dock in window.findChildren(QDockWidget):
        yield f"{_describe(dock)}.windowTitle", dock.windowTitle()
    for label in window.statusBar().findChildren(QLabel):
        yield from widget_texts(label)
    yield from widget_texts(window.network_tabs)


def whole_window_texts_of(top: QWidget) -> Iterator[tuple[str, str]]:
    for widget in [top, *top.findChildren(QWidget)]:
        yield from widget_texts(widget)
