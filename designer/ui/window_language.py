"""The main window in the interface language: View ▸ Language and retranslation.

:class:`WindowLanguage` is a part the window owns (``window.language``).  It adds
View ▸ Language (each language named in its own language; the checked one is
current), saves the choice and installs it at once (:func:`install_language`);
Qt then sends every widget a ``LanguageChange`` event, and the window's
``changeEvent`` calls :meth:`WindowLanguage.retranslate`, which sets every text
the window itself shows again: actions and menus from the table, the toolbar's
and docks' titles, the undo steps' names, the window title, the status bar and
the menus filled from data (recent files, samples).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from designer.ui.actions import TOOLBAR_TITLE, apply_action_texts, apply_menu_titles
from designer.ui.actions import translated as translated_action_text
from designer.ui.language import (
    LANGUAGE_NAMES,
    LANGUAGES,
    current_language,
    install_language,
    missing_font_message,
    save_language,
)

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


#: The sample projects' names (their files' ``name``), for File ▸ Samples.
SAMPLE_TITLES = (
    QT_TRANSLATE_NOOP("Samples", "Autoencoder"),
    QT_TRANSLATE_NOOP("Samples", "CNN MNIST"),
    QT_TRANSLATE_NOOP("Samples", "GAN"),
    QT_TRANSLATE_NOOP("Samples", "Inception"),
    QT_TRANSLATE_NOOP("Samples", "Stacked LSTM"),
    QT_TRANSLATE_NOOP("Samples", "MLP"),
    QT_TRANSLATE_NOOP("Samples", "Moons"),
    QT_TRANSLATE_NOOP("Samples", "ResNet"),
    QT_TRANSLATE_NOOP("Samples", "ResNet block"),
    QT_TRANSLATE_NOOP("Samples", "Simple RNN"),
    QT_TRANSLATE_NOOP("Samples", "Transformer"),
    QT_TRANSLATE_NOOP("Samples", "VAE"),
    QT_TRANSLATE_NOOP("Samples", "Vanishing gradients"),
)


def sample_title(title: str) -> str:
    """A sample project's name in the interface language (another name as it is)."""
    return translate("Samples", title) if title in SAMPLE_TITLES else title


def summary_title(network: str | None) -> str:
    """The Summary dock's title; with several networks it names the one shown."""
    if network is None:
        return translate("MainWindow", "Summary")
    return translate("MainWindow", "Summary — %1").replace("%1", network)


def problems_title(count: int) -> str:
    """The Problems dock's title, with the number of problems when there are any."""
    if not count:
        return translate("MainWindow", "Problems")
    return translate("MainWindow", "Problems (%1)").replace("%1", str(count))


class WindowLanguage:
    """View ▸ Language and the retranslation of one :class:`MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.menu = QMenu(window)
        self.menu.setObjectName("menu_language")
        self._insert_menu(window.menuBar().findChild(QMenu, "menu_view"))
        self.actions: dict[str, QAction] = {}
        group = QActionGroup(self.menu)
        for language in LANGUAGES:
            # Each language is named in its own language, whatever the current one.
            action = QAction(LANGUAGE_NAMES[language], self.menu)
            action.setObjectName(f"action_language_{language}")
            action.setCheckable(True)
            action.setChecked(language == current_language())
            action.triggered.connect(
                lambda _checked=False, chosen=language: self.choose(chosen)
            )
            group.addAction(action)
            self.menu.addAction(action)
            self.actions[language] = action

    def _insert_menu(self, view: QMenu | None) -> None:
        """Put Language in the View menu, right after Panels."""
        if view is None:
            return
        entries = view.actions()
        panels = self.window.panels_menu.menuAction()
        index = entries.index(panels) + 1 if panels in entries else len(entries)
        if index < len(entries):
            view.insertMenu(entries[index], self.menu)
        else:
            view.addMenu(self.menu)

    @staticmethod
    def untitled() -> str:
        """The name shown for a project that has none."""
        return translate("MainWindow", "Untitled")

    def choose(self, language: str) -> None:
        """View ▸ Language: install ``language`` now and keep the choice."""
        if self.window.persist_settings:
            save_language(self.window.settings, language)
        self.apply(language)

    def apply(self, language: str) -> None:
        """Install ``language`` (the window retranslates on the event Qt sends)."""
        if language != current_language():
            install_language(language)
        self.actions[language].setChecked(True)
        self.warn_if_no_font()

    def warn_if_no_font(self) -> None:
        """Chinese with no font to show it: say so once, in the status bar."""
        message = missing_font_message(current_language())
        if message:
            self.window.statusBar().showMessage(message, 0)

    def retranslate(self) -> None:
        """Every text the window itself shows, again in the current language."""
        window = self.window
        for action in self.actions.values():
            action.setChecked(action is self.actions.get(current_language()))
        self.menu.setTitle(translate("MainWindow", "&Language"))
        stack = window.document.undo_stack
        for index in range(stack.count()):
            command = stack.command(index)
            if hasattr(command, "retranslate"):
                command.retranslate()
        apply_action_texts(window._actions)
        apply_menu_titles(window.menuBar())
        window.toolbar.setWindowTitle(translated_action_text(TOOLBAR_TITLE))
        titles = {
            window.palette_dock: translate("MainWindow", "Layers"),
            window.inspector_dock: translate("MainWindow", "Inspector"),
            window.code_dock: translate("MainWindow", "Code"),
            window.training_dock: translate("MainWindow", "Training"),
        }
        for dock, title in titles.items():
            dock.setWindowTitle(title)
        window.files.retranslate()
        window.network_tabs.rebuild()
        window.refresh_now()  # the summary's dock title, the code panel's errors
        window._update_status()
        window._update_zoom_label()
        window.update_title()
