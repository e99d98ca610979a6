"""The interface language: Qt's own translation machinery (``QTranslator``).

The app's strings are translated by the ``.qm`` files in the package's
``i18n/`` folder, one per group of sources (``window_zh_CN.qm``,
``panels_zh_CN.qm``, ``training_zh_CN.qm``: ``tools/translations.py`` says which
sources each covers), and Qt's own standard dialogs by Qt's ``qtbase`` catalogue.

Which language: ``designer --lang`` for one run, else the one chosen in
View ▸ Language (kept in the settings), else the system's (Chinese locales get
Simplified Chinese, every other locale English).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QFontDatabase

from designer.i18n import set_language as set_cli_language
from designer.resources import MissingResourceError, resource_folder

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
#: Each language's name in its own language, for the View ▸ Language menu.
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "简体中文"}
SETTINGS_KEY = "view/language"
CJK_FONT_PACKAGE = "fonts-noto-cjk"
NO_CHINESE_FONT = (
    "No Chinese font is installed, so Chinese text cannot be shown. "
    f"Install one (for example the package {CJK_FONT_PACKAGE}) and restart designer."
)

_installed: list[QTranslator] = []
_current = [ENGLISH]
_font_warned = [False]


def system_language(locale: QLocale | None = None) -> str:
    """The language the system's locale asks for: Chinese → zh_CN, else English."""
    locale = locale or QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def saved_language(settings: QSettings) -> str | None:
    """The language chosen in View ▸ Language, if one was and it is known."""
    value = settings.value(SETTINGS_KEY)
    return str(value) if value in LANGUAGES else None


def save_language(settings: QSettings, language: str) -> None:
    settings.setValue(SETTINGS_KEY, language)
    settings.sync()


def startup_language(settings: QSettings, override: str | None = None) -> str:
    """``--lang`` if given, else the saved choice, else the system's language."""
    if override in LANGUAGES:
        return override
    return saved_language(settings) or system_language()


def current_language() -> str:
    """The language last installed with :func:`install_language`."""
    return _current[0]


def chinese_font_families() -> list[str]:
    """The installed font families that can show Simplified Chinese."""
    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def missing_font_message(language: str) -> str | None:
    """For Chinese with no font that can show it: the plain words that say so
    (in English, which any font shows), once per run; else None."""
    if language != CHINESE or _font_warned[0] or chinese_font_families():
        return None
    _font_warned[0] = True
    print(f"designer: {NO_CHINESE_FONT}", file=sys.stderr)
    return NO_CHINESE_FONT


def install_language(language: str) -> None:
    """Replace the running app's translators with those of ``language`` ("en", "zh_CN").

    Installing or removing a translator makes Qt send every widget a
    ``LanguageChange`` event, so a window that retranslates on it follows at once.
    """
    if language not in LANGUAGES:
        raise ValueError(f"no language {language!r}; use one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    if app is None:
        return
    _current[0] = language
    set_cli_language(language)  # the Qt-free texts (designer.i18n) follow the window
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == ENGLISH:
        return
    for translator in _translators(language):
        app.installTranslator(translator)
        _installed.append(translator)


def _translators(language: str) -> list[QTranslator]:
    found = []
    try:
        folder = resource_folder("i18n")
    except MissingResourceError:
        return found
    for qm in sorted(folder.glob(f"*_{language}.qm")):
        translator = QTranslator()
        if translator.load(str(qm)):
            found.append(translator)
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator()
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_translations):
        found.append(qt_translator)
    return found


class LanguageFollower:
    """Mixin for a QWidget subclass (list it first): calls ``self.retranslate()`` on
    every ``LanguageChange``; the widget calls it once itself at the end of ``__init__``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
