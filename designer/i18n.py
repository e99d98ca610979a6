"""Translations for the parts of designer that do not load Qt: the command line.

The window translates with Qt's own machinery (:mod:`designer.ui.language`).  A
command such as ``designer validate`` must not pay for loading Qt, yet its texts
go through the same tools: they are marked in the code with names Qt's
``pyside6-lupdate`` recognises — ``Cli.tr("…")`` (context ``Cli``; plural forms
with ``Cli.tr("%n run(s)", "", n)``), ``translate("Context", "…")`` and
``QT_TRANSLATE_NOOP("Context", "…")`` — collected into the ``cli`` group's
``.ts`` file (``tools/translations.py``) and translated there.  At run time this
module reads the shipped ``.ts`` files (XML, standard library only) of
:data:`GROUPS`: a message with a finished translation is translated, any other
is English, and a missing or damaged file means English, never a traceback.

Which language: :func:`set_language` (``designer --lang zh_CN|en``), else the
locale environment as gettext reads it (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``): a Chinese locale (``zh…``) gives Simplified Chinese,
anything else English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
#: The translation groups (``GROUP_LANG.ts`` in ``designer/resources/i18n``) the
#: command line reads: its own texts, the model's problem messages and the
#: training's (a failed run's reasons).
GROUPS = ("cli", "model", "training")
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

#: (context, source, disambiguation) → the translation's forms (one, or one per plural form)
Catalog = dict[tuple[str, str, str], tuple[str, ...]]

_chosen: list[str | None] = [None]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's name
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    del context
    return text


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale environment asks for, as gettext reads it."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if not value:
            continue
        # LANGUAGE is a list ("zh_CN:en"); the first entry decides
        first = value.split(":")[0].strip().lower()
        return CHINESE if first.startswith("zh") else ENGLISH
    return ENGLISH


def set_language(language: str | None) -> None:
    """Use ``language`` ("en", "zh_CN") from now on; None: the environment's."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"no language {language!r}; use one of {', '.join(LANGUAGES)}")
    _chosen[0] = language


def current_language() -> str:
    """The language set with :func:`set_language`, else the environment's."""
    return _chosen[0] or language_from_environment()


def translate(
    context: str, text: str, disambiguation: str | None = None, n: int = -1
) -> str:
    """``text`` of ``context`` in the current language (English when there is no
    finished translation); ``%n`` stands for ``n`` when ``n`` is given, and an
    English "(s)" becomes the singular or the plural that agrees with it."""
    language = current_language()
    forms = (
        None
        if language == ENGLISH
        else catalog(language).get((context, text, disambiguation or ""))
    )
    found = text if not forms else forms[_plural_index(language, n, len(forms))]
    if n < 0:
        return found
    if not forms:  # English, the source language: its "(s)" agrees with n
        found = found.replace("(s)", "" if n == 1 else "s")
    return found.replace("%n", str(n))


class Cli:
    """The command line's texts: ``Cli.tr("…")`` is what lupdate collects under ``Cli``."""

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate("Cli", text, disambiguation, n)


def _plural_index(language: str, n: int, count: int) -> int:
    """Which plural form Qt's rules give ``n``: Chinese has one, English two."""
    if language == CHINESE or n < 0:
        return 0
    return min(0 if n == 1 else 1, count - 1)


def catalog(language: str) -> Catalog:
    """Every finished translation into ``language`` of the groups the CLI reads."""
    found: Catalog = {}
    for group in GROUPS:
        found.update(_cached_ts(str(_i18n_folder() / f"{group}_{language}.ts")))
    return found


def _i18n_folder() -> Path:
    from designer.resources import resources_root

    return resources_root() / "i18n"


@lru_cache(maxsize=8)
def _cached_ts(path: str) -> Catalog:
    return read_ts(Path(path))


def read_ts(path: Path) -> Catalog:
    """The finished translations of a Qt Linguist ``.ts`` file; {} when it is
    missing or cannot be read (the texts then stay English)."""
    import xml.etree.ElementTree as ElementTree  # only once a text needs it

    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return {}
    found: Catalog = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes":
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            if forms and all(forms):
                key = (name, source, message.findtext("comment") or "")
                found[key] = forms
    return found


# argparse's own words (headings, its help option, its errors), as the standard
# library writes them; :func:`translate_argparse` has argparse look them up here.
ARGPARSE_CONTEXT = "argparse"
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP(
        "argparse", "invalid choice: %(value)r (choose from %(choices)s)"
    ),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP(
        "argparse", "ambiguous option: %(option)s could match %(matches)s"
    ),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
)


def translate_argparse() -> None:
    """Have :mod:`argparse` word its headings and errors in the current language.

    argparse looks its words up through its module's ``_`` and ``ngettext``
    (gettext's, which has no Chinese catalogue); they now go through
    :func:`translate`, which gives back argparse's own English when the language
    is English or the text is not translated.
    """
    import argparse

    def argparse_text(text: str) -> str:
        return translate(ARGPARSE_CONTEXT, text)

    def argparse_plural(singular: str, plural: str, n: int) -> str:
        return argparse_text(singular if n == 1 else plural)

    argparse._ = argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = argparse_plural  # type: ignore[attr-defined]
