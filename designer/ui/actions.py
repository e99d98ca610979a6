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

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar

Std = QKeySequence.StandardKey
Shortcut = str | QKeySequence.StandardKey

FILE, EDIT, VIEW, HELP = "&File", "&Edit", "&View", "&Help"
MENUS = (FILE, EDIT, VIEW, HELP)


@dataclass(frozen=True)
class ActionSpec:
    """One command of the window."""

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
    """A submenu the window fills; it is stored as the window attribute ``attr``."""

    attr: str
    text: str
    menu: str
    separator_before: bool = False


ACTIONS: tuple[ActionSpec | SubmenuSpec, ...] = (
    # -- File -----------------------------------------------------------------------
    ActionSpec("new", "&New", "files.new_document", (Std.New,), "new",
               "Start a new project", menu=FILE, toolbar=(0, 0)),
    ActionSpec("open", "&Open…", "files.open_dialog", (Std.Open,), "open",
               "Open a project file", menu=FILE, toolbar=(0, 1)),
    SubmenuSpec("recent_menu", "Open &Recent", FILE),
    SubmenuSpec("samples_menu", "Sa&mples", FILE),
    ActionSpec("save", "&Save", "files.save", (Std.Save,), "save", "Save the project",
               menu=FILE, separator_before=True, toolbar=(0, 2)),
    ActionSpec("save_as", "Save &As…", "files.save_as", ("Ctrl+Shift+S",), None,
               "Save the project under a new name", menu=FILE),
    SubmenuSpec("export_menu", "&Export", FILE),
    ActionSpec("export", "&Python Code…", "files.export_python", ("Ctrl+E",),
               "export", "Write the PyTorch code to a .py file", menu=FILE,
               submenu="export_menu", toolbar=(4, 0)),
    ActionSpec("export_training", "Code with &Training Script…",
               "files.export_training_script", ("Ctrl+Shift+E",), None,
               "Write model.py and a standalone train.py (needs only torch, numpy "
               "and scikit-learn; runs under torchrun too) into a folder", menu=FILE,
               submenu="export_menu"),
    ActionSpec("export_onnx", "&ONNX…", "files.onnx_export.run", (), None,
               "Write the network of this tab as an ONNX file (with the trained "
               "weights, after training)", menu=FILE, submenu="export_menu"),
    ActionSpec("import_model", "&Import PyTorch Model…", "files.model_import.run", (), None,
               "Draw an nn.Module from a Python file (runs that file)", menu=FILE,
               separator_before=True),
    ActionSpec("rename_project", "Project &Name…", "files.rename_project", (), None,
               "Rename the project", menu=FILE, separator_before=True),
    ActionSpec("quit", "&Quit", "close", (Std.Quit,), None, "Quit designer",
               menu=FILE, separator_before=True),
    # -- Edit -----------------------------------------------------------------------
    ActionSpec("undo", "&Undo", "", (Std.Undo,), "undo", menu=EDIT, toolbar=(1, 0),
               undo_stack=True),
    ActionSpec("redo", "&Redo", "", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo", menu=EDIT,
               toolbar=(1, 1), undo_stack=True),
    ActionSpec("cut", "Cu&t", "cut", (Std.Cut,), "cut", menu=EDIT,
               separator_before=True, toolbar=(2, 0)),
    ActionSpec("copy", "&Copy", "copy", (Std.Copy,), "copy", menu=EDIT,
               toolbar=(2, 1)),
    ActionSpec("paste", "&Paste", "document.paste", (Std.Paste,), "paste", menu=EDIT,
               toolbar=(2, 2)),
    ActionSpec("duplicate", "D&uplicate", "duplicate", ("Ctrl+D",), "duplicate",
               menu=EDIT),
    ActionSpec("delete", "&Delete", "view.network_scene.delete_selection", (Std.Delete, "Backspace"),
               "delete", menu=EDIT, toolbar=(2, 3)),
    ActionSpec("select_all", "Select &All", "view.network_scene.select_all", (Std.SelectAll,),
               "select-all", menu=EDIT, separator_before=True),
    ActionSpec("rename", "&Rename…", "rename_selected", ("F2",), None,
               "Rename the selected layer", menu=EDIT),
    ActionSpec("find_layer", "&Find Layer…", "find_layer", (Std.Find,), None,
               "Search the layer palette", menu=EDIT),
    ActionSpec("group_block", "&Group into Block…", "blocks.group_selection",
               ("Ctrl+B",), None, "Make the selected layers one reusable block",
               menu=EDIT, separator_before=True),
    ActionSpec("ungroup_block", "&Ungroup Block", "blocks.ungroup_selection",
               ("Ctrl+Shift+B",), None, "Put the selected block's layers back in its place",
               menu=EDIT),
    ActionSpec("unique_block", "Make Block Uni&que", "blocks.make_selection_unique",
               (), None, "Give the selected use its own copy, so editing it leaves the "
               "other uses alone", menu=EDIT),
    ActionSpec("open_block", "&Open Block Definition", "blocks.open_selection",
               ("Ctrl+Shift+O",), None, "Edit the selected block's layers in a tab of "
               "their own; every use changes", menu=EDIT),
    ActionSpec("close_block", "Close Block &Tab", "blocks.close_current", (), None,
               "Close the block definition being edited", menu=EDIT),
    ActionSpec("save_block", "Save Block to &Library…", "blocks.save_selection_to_library",
               (), None, "Keep the selected block in your library, for every project",
               menu=EDIT),
    # -- View -----------------------------------------------------------------------
    ActionSpec("fit", "&Fit to Window", "fit_view", ("F",), "fit",
               "Show the whole network", menu=VIEW, toolbar=(3, 0)),
    ActionSpec("zoom_in", "Zoom &In", "view.zoom_in", (Std.ZoomIn, "Ctrl+="), "zoom-in",
               menu=VIEW, toolbar=(3, 1)),
    ActionSpec("zoom_out", "Zoom &Out", "view.zoom_out", (Std.ZoomOut,), "zoom-out",
               menu=VIEW, toolbar=(3, 2)),
    ActionSpec("snap", "&Snap to Grid", "set_snap", ("Ctrl+G",), "grid",
               "Snap moved layers to the grid", checkable=True, menu=VIEW,
               separator_before=True, toolbar=(3, 4)),
    ActionSpec("tidy", "&Tidy Layout", "tidy_layout", ("Ctrl+L",), "tidy",
               "Arrange the network left to right", menu=VIEW, toolbar=(3, 3)),
    ActionSpec("theme_light", "&Light Theme", "use_light_theme", checkable=True,
               menu=VIEW, separator_before=True, exclusive_group="theme"),
    ActionSpec("theme_dark", "&Dark Theme", "use_dark_theme", icon="theme",
               checkable=True, menu=VIEW, exclusive_group="theme"),
    ActionSpec("large_text", "La&rger Text", "set_large_text", (), None,
               "Bigger text for presenting", checkable=True, menu=VIEW),
    ActionSpec("presentation", "&Presentation", "presentation.set_active", ("F11",),
               None, "Full screen, large high-contrast text, only the canvas (and the "
               "plots while training); F11 again to leave", checkable=True, menu=VIEW),
    ActionSpec("highlight_cursor", "&Highlight Cursor", "presentation.set_cursor_highlight",
               (), None, "A circle around the mouse pointer, for an audience",
               checkable=True, menu=VIEW),
    ActionSpec("gradient_colours", "Show &Gradient Colours",
               "inside.set_gradient_colours", (), None,
               "Colour each card by its gradient norm after every epoch of a run "
               "(blue: vanishing, green: healthy, red: exploding)", checkable=True,
               menu=VIEW, separator_before=True),
    ActionSpec("layer_previews", "Show Layer &Previews", "inside.set_layer_previews",
               (), None, "Draw each card's output for the chosen sample under it while "
               "a model trains (off: runs do not look inside)", checkable=True,
               menu=VIEW),
    ActionSpec("preview_sample", "Preview &Sample…", "inside.choose_sample", (), None,
               "Choose the dataset sample that the previews show", menu=VIEW),
    ActionSpec("inside_panel", "&Inside Panel", "inside.show_panel", ("Ctrl+I",), None,
               "The selected card's feature maps, filters, attention and the saliency "
               "of the chosen sample", menu=VIEW),
    SubmenuSpec("panels_menu", "&Panels", VIEW, separator_before=True),
    ActionSpec("mode_design", "&Design Workspace", "workspace.show_design",
               ("Ctrl+1",), "design", "Edit the network: palette, inspector and code "
               "around the canvas", checkable=True, menu=VIEW, separator_before=True,
               toolbar=(5, 0), toolbar_label="Design", exclusive_group="workspace"),
    ActionSpec("mode_train", "T&rain Workspace", "workspace.show_train", ("Ctrl+2",),
               "train", "Training full width: curves, confusion matrix and previews "
               "beside a compact view of the network", checkable=True, menu=VIEW,
               toolbar=(5, 1), toolbar_label="Train", exclusive_group="workspace"),
    ActionSpec("train", "&Training Panel", "show_training", ("Ctrl+T",), None,
               "Show the training panel", menu=VIEW),
    # -- Help -----------------------------------------------------------------------
    ActionSpec("reference", "Layer &Reference", "show_layer_reference",
               (Std.HelpContents,), "help", menu=HELP),
    ActionSpec("about", "&About designer", "show_about", menu=HELP),
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
            make = (
                undo_stack.createUndoAction
                if spec.key == "undo"
                else undo_stack.createRedoAction
            )
            action = make(window, spec.text)
        else:
            action = QAction(spec.text, window)
            action.setCheckable(spec.checkable)
            _connect(action, window, spec)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.tip:
            action.setStatusTip(spec.tip)
        action.setData(spec.icon)
        if spec.exclusive_group:
            group = groups.setdefault(spec.exclusive_group, QActionGroup(window))
            group.addAction(action)
        window.addAction(action)
        actions[spec.key] = action
    return actions


def build_menus(
    bar: QMenuBar, actions: dict[str, QAction], specs=ACTIONS
) -> dict[str, QMenu]:
    """The menu bar from the table; returns the submenus by their ``attr``."""
    menus = {title: bar.addMenu(title) for title in MENUS}
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
            submenus[spec.attr] = menu.addMenu(spec.text)
        else:
            menu.addAction(actions[spec.key])
    return submenus


def build_toolbar(
    window: QMainWindow, actions: dict[str, QAction], specs=ACTIONS
) -> QToolBar:
    """The main toolbar: the table's toolbar actions by (group, place), icons only,
    with the shortcut in each tooltip."""
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("mainToolbar")
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
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = action.text().replace("&", "").rstrip("…")
        action.setToolTip(f"{text} ({shortcut})" if shortcut else text)
        if spec.toolbar_label:
            button = bar.widgetForAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            action.setIconText(spec.toolbar_label)
    return bar
