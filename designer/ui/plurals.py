"""Counts in words that agree with their number: "1 layer", "2 layers".

Write the text with Qt's ``%n`` plural forms, ``self.tr("%n layer(s)", "", n)``
(or ``QCoreApplication.translate(context, "%n layer(s)", None, n)``), so that a
translation gives each language its own forms, and pass the result through
:func:`plural_form`: English is the source language and has no translation
file, so its "(s)" is resolved here.
"""

from __future__ import annotations

ENGLISH_PLURAL_MARK = "(s)"


def plural_form(text: str, count: int) -> str:
    """``text`` as translated for ``count``; an untranslated "(s)" becomes the
    English singular or plural."""
    if ENGLISH_PLURAL_MARK in text:
        text = text.replace(ENGLISH_PLURAL_MARK, "" if count == 1 else "s")
    return text
