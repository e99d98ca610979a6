"""The main window's actions, menus and toolbar, as one table.

Each :class:`ActionSpec` says everything about one command: its key (the
action's object name is ``action_<key>``), text, shortcuts, icon, tip, the
window method it calls, and where it appears — a menu (in table order) and a
place on the toolbar.  :class:`SubmenuSpec` rows put a submenu the window fills
itself (recent files, samples, panels) between them.  The builders below turn
the table into Qt objects; adding a command is one row here and one method.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar

Std = QKeySequence.StandardKey
Shortcut = str | QKeySequence.StandardKey

CONTEXT = "Actions"  # the translation context of every text in the table
FILE = QT_TRANSLATE_NOOP("Actions", "&File")
EDIT = QT_TRANSLATE_NOOP("Actions", "&Edit")
VIEW = QT_TRANSLATE_NOOP("Actions", "&View")
HELP = QT_TRANSLATE_NOOP("Actions", "&Help")
MENUS = (FILE, EDIT, VIEW, HELP)


def translated(text: str) -> str:
    """A text of the table in the current language (the table holds the English)."""
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class ActionSpec:
    """One command of the window; its texts are English, translated when applied."""

    key: str
    text: str
    slot: str  # the window's method, by (dotted) name: "fit_view", "files.save"
    shortcuts: tuple[Shortcut, ...] = ()
    icon: str | None = None  # a name for designer.ui.theme.icon
    tip: str | None = None  # the status-bar tip
    checkable: bool = False  # the slot is called with the new checked state
    menu: str | None = None
    submenu: str | None = None  # the attr of a SubmenuSpec of ``menu`` to sit in
    separator_before: bool = False  # in its menu
    toolbar: tuple[int, int] | None = None  # (group, place); groups are separated
    toolbar_label: str | None = None  # shown beside the icon on the toolbar
    exclusive_group: str | None = None  # checkable actions of which one is checked
    undo_stack: bool = False  # the undo stack's own action ("undo" or "redo")


@dataclass(frozen=True)
class SubmenuSpec:
    """A submenu the window fills; it is stored as the window attribute ``attr``
    (the object name of the menu is ``menu_<attr>``)."""

    attr: str
    text: str
    menu: str
    separator_before: bool = False


ACTIONS: tuple[ActionSpec | SubmenuSpec, ...] = (
    # -- File -----------------------------------------------------------------------
    ActionSpec("new", QT_TRANSLATE_NOOP("Actions", "&New"), "files.new_document", (Std.New,), "new",
               QT_TRANSLATE_NOOP("Actions", "Start a new project"), menu=FILE, toolbar=(0, 0)),
    ActionSpec("open", QT_TRANSLATE_NOOP("Actions", "&Open…"), "files.open_dialog", (Std.Open,), "open",
               QT_TRANSLATE_NOOP("Actions", "Open a project file"), menu=FILE, toolbar=(0, 1)),
    SubmenuSpec("recent_menu", QT_TRANSLATE_NOOP("Actions", "Open &Recent"), FILE),
    SubmenuSpec("samples_menu", QT_TRANSLATE_NOOP("Actions", "Sa&mples"), FILE),
    ActionSpec("save", QT_TRANSLATE_NOOP("Actions", "&Save"), "files.save", (Std.Save,), "save", QT_TRANSLATE_NOOP("Actions", "Save the project"),
               menu=FILE, separator_before=True, toolbar=(0, 2)),
    ActionSpec("save_as", QT_TRANSLATE_NOOP("Actions", "Save &As…"), "files.save_as", ("Ctrl+Shift+S",), None,
               QT_TRANSLATE_NOOP("Actions", "Save the project under a new name"), menu=FILE),
    SubmenuSpec("export_menu", QT_TRANSLATE_NOOP("Actions", "&Export"), FILE),
    ActionSpec("export", QT_TRANSLATE_NOOP("Actions", "&Python Code…"), "files.export_python", ("Ctrl+E",),
               "export", QT_TRANSLATE_NOOP("Actions", "Write the PyTorch code to a .py file"), menu=FILE,
               submenu="export_menu", toolbar=(4, 0)),
    ActionSpec("export_training", QT_TRANSLATE_NOOP("Actions", "Code with &Training Script…"),
               "files.export_training_script", ("Ctrl+Shift+E",), None,
               QT_TRANSLATE_NOOP("Actions", "Write model.py and a standalone train.py (needs only torch, numpy "
               "and scikit-learn; runs under torchrun too) into a folder"), menu=FILE,
               submenu="export_menu"),
    ActionSpec("export_onnx", QT_TRANSLATE_NOOP("Actions", "&ONNX…"), "files.onnx_export.run", (), None,
               QT_TRANSLATE_NOOP("Actions", "Write the network of this tab as an ONNX file (with the trained "
               "weights, after training)"), menu=FILE, submenu="export_menu"),
    ActionSpec("import_model", QT_TRANSLATE_NOOP("Actions", "&Import PyTorch Model…"), "files.model_import.run", (), None,
               QT_TRANSLATE_NOOP("Actions", "Draw an nn.Module from a Python file (runs that file)"), menu=FILE,
               separator_before=True),
    ActionSpec("rename_project", QT_TRANSLATE_NOOP("Actions", "Project &Name…"), "files.rename_project", (), None,
               QT_TRANSLATE_NOOP("Actions", "Rename the project"), menu=FILE, separator_before=True),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "close", (Std.Quit,), None, QT_TRANSLATE_NOOP("Actions", "Quit designer"),
               menu=FILE, separator_before=True),
    # -- Edit -----------------------------------------------------------------------
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "", (Std.Undo,), "undo", menu=EDIT, toolbar=(1, 0),
               undo_stack=True),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo", menu=EDIT,
               toolbar=(1, 1), undo_stack=True),
    ActionSpec("cut", QT_TRANSLATE_NOOP("Actions", "Cu&t"), "cut", (Std.Cut,), "cut", menu=EDIT,
               separator_before=True, toolbar=(2, 0)),
    ActionSpec("copy", QT_TRANSLATE_NOOP("Actions", "&Copy"), "copy", (Std.Copy,), "copy", menu=EDIT,
               toolbar=(2, 1)),
    ActionSpec("paste", QT_TRANSLATE_NOOP("Actions", "&Paste"), "document.paste", (Std.Paste,), "paste", menu=EDIT,
               toolbar=(2, 2)),
    ActionSpec("duplicate", QT_TRANSLATE_NOOP("Actions", "D&uplicate"), "duplicate", ("Ctrl+D",), "duplicate",
               menu=EDIT),
    ActionSpec("delete", QT_TRANSLATE_NOOP("Actions", "&Delete"), "view.network_scene.delete_selection", (Std.Delete, "Backspace"),
               "delete", menu=EDIT, toolbar=(2, 3)),
    ActionSpec("select_all", QT_TRANSLATE_NOOP("Actions", "Select &All"), "view.network_scene.select_all", (Std.SelectAll,),
               "select-all", menu=EDIT, separator_before=True),
    ActionSpec("rename", QT_TRANSLATE_NOOP("Actions", "&Rename…"), "rename_selected", ("F2",), None,
               QT_TRANSLATE_NOOP("Actions", "Rename the selected layer"), menu=EDIT),
    ActionSpec("find_layer", QT_TRANSLATE_NOOP("Actions", "&Find Layer…"), "find_layer", (Std.Find,), None,
               QT_TRANSLATE_NOOP("Actions", "Search the layer palette"), menu=EDIT),
    ActionSpec("group_block", QT_TRANSLATE_NOOP("Actions", "&Group into Block…"), "blocks.group_selection",
               ("Ctrl+B",), None, QT_TRANSLATE_NOOP("Actions", "Make the selected layers one reusable block"),
               menu=EDIT, separator_before=True),
    ActionSpec("ungroup_block", QT_TRANSLATE_NOOP("Actions", "&Ungroup Block"), "blocks.ungroup_selection",
               ("Ctrl+Shift+B",), None, QT_TRANSLATE_NOOP("Actions", "Put the selected block's layers back in its place"),
               menu=EDIT),
    ActionSpec("unique_block", QT_TRANSLATE_NOOP("Actions", "Make Block Uni&que"), "blocks.make_selection_unique",
               (), None, QT_TRANSLATE_NOOP("Actions", "Give the selected use its own copy, so editing it leaves the "
               "other uses alone"), menu=EDIT),
    ActionSpec("open_block", QT_TRANSLATE_NOOP("Actions", "&Open Block Definition"), "blocks.open_selection",
               ("Ctrl+Shift+O",), None, QT_TRANSLATE_NOOP("Actions", "Edit the selected block's layers in a tab of "
               "their own; every use changes"), menu=EDIT),
    ActionSpec("close_block", QT_TRANSLATE_NOOP("Actions", "Close Block &Tab"), "blocks.close_current", (), None,
               QT_TRANSLATE_NOOP("Actions", "Close the block definition being edited"), menu=EDIT),
    ActionSpec("save_block", QT_TRANSLATE_NOOP("Actions", "Save Block to &Library…"), "blocks.save_selection_to_library",
               (), None, QT_TRANSLATE_NOOP("Actions", "Keep the selected block in your library, for every project"),
               menu=EDIT),
    # -- View -----------------------------------------------------------------------
    ActionSpec("fit", QT_TRANSLATE_NOOP("Actions", "&Fit to Window"), "fit_view", ("F",), "fit",
               QT_TRANSLATE_NOOP("Actions", "Show the whole network"), menu=VIEW, toolbar=(3, 0)),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &In"), "view.zoom_in", (Std.ZoomIn, "Ctrl+="), "zoom-in",
               menu=VIEW, toolbar=(3, 1)),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), "view.zoom_out", (Std.ZoomOut,), "zoom-out",
               menu=VIEW, toolbar=(3, 2)),
    ActionSpec("snap", QT_TRANSLATE_NOOP("Actions", "&Snap to Grid"), "set_snap", ("Ctrl+G",), "grid",
               QT_TRANSLATE_NOOP("Actions", "Snap moved layers to the grid"), checkable=True, menu=VIEW,
               separator_before=True, toolbar=(3, 4)),
    ActionSpec("tidy", QT_TRANSLATE_NOOP("Actions", "&Tidy Layout"), "tidy_layout", ("Ctrl+L",), "tidy",
               QT_TRANSLATE_NOOP("Actions", "Arrange the network left to right"), menu=VIEW, toolbar=(3, 3)),
    ActionSpec("theme_light", QT_TRANSLATE_NOOP("Actions", "&Light Theme"), "use_light_theme", checkable=True,
               menu=VIEW, separator_before=True, exclusive_group="theme"),
    ActionSpec("theme_dark", QT_TRANSLATE_NOOP("Actions", "&Dark Theme"), "use_dark_theme", icon="theme",
               checkable=True, menu=VIEW, exclusive_group="theme"),
    ActionSpec("large_text", QT_TRANSLATE_NOOP("Actions", "La&rger Text"), "set_large_text", (), None,
               QT_TRANSLATE_NOOP("Actions", "Bigger text for presenting"), checkable=True, menu=VIEW),
    ActionSpec("presentation", QT_TRANSLATE_NOOP("Actions", "&Presentation"), "presentation.set_active", ("F11",),
               None, QT_TRANSLATE_NOOP("Actions", "Full screen, large high-contrast text, only the canvas (and the "
               "plots while training); F11 again to leave"), checkable=True, menu=VIEW),
    ActionSpec("highlight_cursor", QT_TRANSLATE_NOOP("Actions", "&Highlight Cursor"), "presentation.set_cursor_highlight",
               (), None, QT_TRANSLATE_NOOP("Actions", "A circle around the mouse pointer, for an audience"),
               checkable=True, menu=VIEW),
    ActionSpec("gradient_colours", QT_TRANSLATE_NOOP("Actions", "Show &Gradient Colours"),
               "inside.set_gradient_colours", (), None,
               QT_TRANSLATE_NOOP("Actions", "Colour each card by its gradient norm after every epoch of a run "
               "(blue: vanishing, green: healthy, red: exploding)"), checkable=True,
               menu=VIEW, separator_before=True),
    ActionSpec("layer_previews", QT_TRANSLATE_NOOP("Actions", "Show Layer &Previews"), "inside.set_layer_previews",
               (), None, QT_TRANSLATE_NOOP("Actions", "Draw each card's output for the chosen sample under it while "
               "a model trains (off: runs do not look inside)"), checkable=True,
               menu=VIEW),
    ActionSpec("preview_sample", QT_TRANSLATE_NOOP("Actions", "Preview &Sample…"), "inside.choose_sample", (), None,
               QT_TRANSLATE_NOOP("Actions", "Choose the dataset sample that the previews show"), menu=VIEW),
    ActionSpec("inside_panel", QT_TRANSLATE_NOOP("Actions", "&Inside Panel"), "inside.show_panel", ("Ctrl+I",), None,
               QT_TRANSLATE_NOOP("Actions", "The selected card's feature maps, filters, attention and the saliency "
               "of the chosen sample"), menu=VIEW),
    SubmenuSpec("panels_menu", QT_TRANSLATE_NOOP("Actions", "&Panels"), VIEW, separator_before=True),
    ActionSpec("mode_design", QT_TRANSLATE_NOOP("Actions", "&Design Workspace"), "workspace.show_design",
               ("Ctrl+1",), "design", QT_TRANSLATE_NOOP("Actions", "Edit the network: palette, inspector and code "
               "around the canvas"), checkable=True, menu=VIEW, separator_before=True,
               toolbar=(5, 0), toolbar_label=QT_TRANSLATE_NOOP("Actions", "Design"), exclusive_group="workspace"),
    ActionSpec("mode_train", QT_TRANSLATE_NOOP("Actions", "T&rain Workspace"), "workspace.show_train", ("Ctrl+2",),
               "train", QT_TRANSLATE_NOOP("Actions", "Training full width: curves, confusion matrix and previews "
               "beside a compact view of the network"), checkable=True, menu=VIEW,
               toolbar=(5, 1), toolbar_label=QT_TRANSLATE_NOOP("Actions", "Train"), exclusive_group="workspace"),
    ActionSpec("train", QT_TRANSLATE_NOOP("Actions", "&Training Panel"), "show_training", ("Ctrl+T",), None,
               QT_TRANSLATE_NOOP("Actions", "Show the training panel"), menu=VIEW),
    # -- Help -----------------------------------------------------------------------
    ActionSpec("reference", QT_TRANSLATE_NOOP("Actions", "Layer &Reference"), "show_layer_reference",
               (Std.HelpContents,), "help", menu=HELP),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About designer"), "show_about", menu=HELP),
)  # fmt: skip


def resolve(owner: Any, dotted: str) -> Callable[..., Any]:
    """``owner.files.save`` for ``"files.save"``, looked up when called (tests
    may replace a method after the actions are built)."""
    target = owner
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def _connect(action: QAction, window: Any, spec: ActionSpec) -> None:
    if spec.checkable:
        action.toggled.connect(lambda on: resolve(window, spec.slot)(on))
    else:
        action.triggered.connect(lambda _checked=False: resolve(window, spec.slot)())


class UndoStackAction(QAction):
    """The undo stack's Undo or Redo, named in the current language ("Undo Cut"):
    Qt's own undo actions keep the prefix they were made with."""

    def __init__(self, window: QMainWindow, stack: QUndoStack, redo: bool) -> None:
        super().__init__(window)
        self.stack = stack
        self.redo = redo
        self.label = ""
        if redo:
            self.triggered.connect(stack.redo)
            stack.canRedoChanged.connect(self.setEnabled)
            stack.redoTextChanged.connect(self.show_step)
            self.setEnabled(stack.canRedo())
        else:
            self.triggered.connect(stack.undo)
            stack.canUndoChanged.connect(self.setEnabled)
            stack.undoTextChanged.connect(self.show_step)
            self.setEnabled(stack.canUndo())

    def set_label(self, label: str) -> None:
        """The translated "&Undo"/"&Redo" the step's name follows."""
        self.label = label
        self.refresh()

    def refresh(self) -> None:
        self.show_step(self.stack.redoText() if self.redo else self.stack.undoText())

    def show_step(self, step: str) -> None:
        """Name the step that undo (redo) would take, after the label."""
        if not step:
            self.setText(self.label)
        elif self.redo:
            self.setText(
                QCoreApplication.translate("Actions", "&Redo %1").replace("%1", step)
            )
        else:
            self.setText(
                QCoreApplication.translate("Actions", "&Undo %1").replace("%1", step)
            )


def build_actions(
    window: QMainWindow, undo_stack: Any, specs=ACTIONS
) -> dict[str, QAction]:
    """Every action of the table, added to ``window`` (so shortcuts work everywhere)."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in specs:
        if not isinstance(spec, ActionSpec):
            continue
        if spec.undo_stack:
            action: QAction = UndoStackAction(window, undo_stack, spec.key == "redo")
        else:
            action = QAction(window)
            action.setCheckable(spec.checkable)
            _connect(action, window, spec)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setData(spec.icon)
        if spec.exclusive_group:
            group = groups.setdefault(spec.exclusive_group, QActionGroup(window))
            group.addAction(action)
        window.addAction(action)
        actions[spec.key] = action
    apply_action_texts(actions, specs)
    return actions


def apply_action_texts(actions: dict[str, QAction], specs=ACTIONS) -> None:
    """Set every action's text, status tip, tooltip and toolbar label in the current
    language (when built, and again when the language changes)."""
    for spec in specs:
        if not isinstance(spec, ActionSpec) or spec.key not in actions:
            continue
        action = actions[spec.key]
        text = translated(spec.text)
        if isinstance(action, UndoStackAction):
            action.set_label(text)
        else:
            action.setText(text)
        action.setStatusTip(translated(spec.tip) if spec.tip else "")
        plain = text.replace("&", "").rstrip("…").rstrip(".")
        plain = _without_mnemonic_suffix(plain)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)
        if spec.toolbar_label:
            action.setIconText(translated(spec.toolbar_label))


def _without_mnemonic_suffix(text: str) -> str:
    """``文件(F)`` → ``文件``: a translated mnemonic in brackets is not part of a tip."""
    if text.endswith(")") and "(" in text:
        head, _, inner = text.rpartition("(")
        if len(inner) == 2 and inner[0].isascii() and inner[0].isalnum():
            return head.rstrip()
    return text


def build_menus(
    bar: QMenuBar, actions: dict[str, QAction], specs=ACTIONS
) -> dict[str, QMenu]:
    """The menu bar from the table; returns the submenus by their ``attr``.

    Each menu remembers its English title (property ``source_title``), so that
    :func:`apply_menu_titles` can set it again in another language.
    """
    menus = {}
    for title in MENUS:
        menus[title] = bar.addMenu(translated(title))
        menus[title].setProperty("source_title", title)
        menus[title].setObjectName("menu_" + title.replace("&", "").lower())
    submenus: dict[str, QMenu] = {}
    for spec in specs:
        if spec.menu is None:
            continue
        menu = menus[spec.menu]
        if isinstance(spec, ActionSpec) and spec.submenu is not None:
            menu = submenus[spec.submenu]
        if spec.separator_before:
            menu.addSeparator()
        if isinstance(spec, SubmenuSpec):
            submenu = menu.addMenu(translated(spec.text))
            submenu.setProperty("source_title", spec.text)
            submenu.setObjectName(f"menu_{spec.attr}")
            submenus[spec.attr] = submenu
        else:
            menu.addAction(actions[spec.key])
    return submenus


def apply_menu_titles(bar: QMenuBar) -> None:
    """Every menu built from the table titled in the current language again."""
    for menu in bar.findChildren(QMenu):
        source = menu.property("source_title")
        if source:
            menu.setTitle(translated(source))


def build_toolbar(
    window: QMainWindow, actions: dict[str, QAction], specs=ACTIONS
) -> QToolBar:
    """The main toolbar: the table's toolbar actions by (group, place), icons only,
    with the shortcut in each tooltip (set by :func:`apply_action_texts`)."""
    bar = QToolBar(window)
    bar.setObjectName("mainToolbar")
    bar.setWindowTitle(translated(TOOLBAR_TITLE))
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    placed = sorted(
        (
            spec
            for spec in specs
            if isinstance(spec, ActionSpec) and spec.toolbar is not None
        ),
        key=lambda spec: spec.toolbar,
    )
    previous_group = None
    for spec in placed:
        group = spec.toolbar[0]
        if previous_group is not None and group != previous_group:
            bar.addSeparator()
        previous_group = group
        action = actions[spec.key]
        bar.addAction(action)
        if spec.toolbar_label:
            button = bar.widgetForAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return bar


TOOLBAR_TITLE = QT_TRANSLATE_NOOP("Actions", "Main toolbar")
