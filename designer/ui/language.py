"""The interface language: Qt's own translation machinery (``QTranslator``).

The app's strings are translated by the ``.qm`` files in the package's
``i18n/`` folder, one per group of sources (``window_zh_CN.qm``,
``panels_zh_CN.qm``, ``training_zh_CN.qm``: ``tools/translations.py`` says which
sources each covers), and Qt's own standard dialogs by Qt's ``qtbase`` catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from designer.resources import MissingResourceError, resource_folder

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)

_installed: list[QTranslator] = []


def install_language(language: str) -> None:
    """Replace the running app's translators with those of ``language`` ("en", "zh_CN").

    Installing or removing a translator makes Qt send every widget a
    ``LanguageChange`` event, so a window that retranslates on it follows at once.
    """
    app = QCoreApplication.instance()
    if app is None:
        return
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
