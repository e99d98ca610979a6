"""Syntax colouring for the generated Python code.

A small line-based highlighter: keywords, builtins, ``self``, decorators, numbers,
comments and strings (single-line and triple-quoted, which may span lines; the
open/closed state is carried from block to block).
"""

from __future__ import annotations

import builtins
import keyword
import re

from PySide6.QtGui import (
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from designer.ui import theme_colors
from designer.ui.theme import qcolor
from designer.ui.theme_colors import CodeColors

LIGHT_CODE_COLORS = theme_colors.LIGHT.code
DARK_CODE_COLORS = theme_colors.DARK.code


_BUILTINS = sorted(
    name
    for name in dir(builtins)
    if not name.startswith("_") and name not in keyword.kwlist
)
_KEYWORD_RE = re.compile(r"\b(?:" + "|".join(keyword.kwlist) + r")\b")
_BUILTIN_RE = re.compile(r"\b(?:" + "|".join(_BUILTINS) + r")\b")
_SELF_RE = re.compile(r"\bself\b")
_NUMBER_RE = re.compile(
    r"\b(?:0[xX][0-9a-fA-F_]+|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)\b"
)
_DECORATOR_RE = re.compile(r"^\s*@[\w.]+")
_DEFINITION_RE = re.compile(r"\b(?:def|class)\s+(\w+)")
# A string or a comment, whichever starts first; triple quotes before single ones.
_STRING_OR_COMMENT_RE = re.compile(
    r'(?P<triple>[rRbBfFuU]{0,2}(?:"""|\'\'\'))'
    r'|(?P<single>[rRbBfFuU]{0,2}(?:"(?:[^"\\\n]|\\.)*"?|\'(?:[^\'\\\n]|\\.)*\'?))'
    r"|(?P<comment>#.*)"
)

# Block states: inside a triple-quoted string opened with """ or '''.
_NORMAL, _IN_DOUBLE, _IN_SINGLE = 0, 1, 2
_DELIMITER = {_IN_DOUBLE: '"""', _IN_SINGLE: "'''"}


class PythonHighlighter(QSyntaxHighlighter):
    """Colours Python source in a QTextDocument."""

    def __init__(
        self, document: QTextDocument, colors: CodeColors = LIGHT_CODE_COLORS
    ) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self.set_colors(colors)

    def set_colors(self, colors: CodeColors) -> None:
        def fmt(
            color: str, bold: bool = False, italic: bool = False
        ) -> QTextCharFormat:
            result = QTextCharFormat()
            result.setForeground(qcolor(color))
            if bold:
                result.setFontWeight(QFont.Weight.Bold)
            result.setFontItalic(italic)
            return result

        self._formats = {
            "keyword": fmt(colors.keyword, bold=True),
            "builtin": fmt(colors.builtin),
            "self": fmt(colors.self_word, italic=True),
            "string": fmt(colors.string),
            "number": fmt(colors.number),
            "comment": fmt(colors.comment, italic=True),
            "decorator": fmt(colors.decorator),
            "definition": fmt(colors.definition, bold=True),
        }
        self.rehighlight()

    def format_for(self, kind: str) -> QTextCharFormat:
        """The character format used for ``kind`` (keyword, string, comment…)."""
        return self._formats[kind]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        self.setCurrentBlockState(_NORMAL)
        protected: list[tuple[int, int]] = []  # spans inside strings/comments
        start = 0
        previous = self.previousBlockState()
        if previous in _DELIMITER:
            end = text.find(_DELIMITER[previous])
            if end < 0:
                self.setFormat(0, len(text), self._formats["string"])
                self.setCurrentBlockState(previous)
                return
            start = end + 3
            self.setFormat(0, start, self._formats["string"])
            protected.append((0, start))
        start = self._strings_and_comments(text, start, protected)
        if start < 0:
            return
        self._apply(text, _NUMBER_RE, "number", protected)
        self._apply(text, _BUILTIN_RE, "builtin", protected)
        self._apply(text, _SELF_RE, "self", protected)
        self._apply(text, _KEYWORD_RE, "keyword", protected)
        self._apply(text, _DECORATOR_RE, "decorator", protected)
        for match in _DEFINITION_RE.finditer(text):
            if not _inside(match.start(1), protected):
                self.setFormat(
                    match.start(1),
                    match.end(1) - match.start(1),
                    self._formats["definition"],
                )

    def _strings_and_comments(
        self, text: str, start: int, protected: list[tuple[int, int]]
    ) -> int:
        """Colour strings and comments from ``start``; -1 when a triple string stays open."""
        position = start
        while True:
            match = _STRING_OR_COMMENT_RE.search(text, position)
            if match is None:
                return position
            begin = match.start()
            if match.group("triple"):
                delimiter = match.group("triple")[-3:]
                close = text.find(delimiter, match.end())
                if close < 0:
                    self.setFormat(begin, len(text) - begin, self._formats["string"])
                    protected.append((begin, len(text)))
                    self.setCurrentBlockState(
                        _IN_DOUBLE if delimiter == '"""' else _IN_SINGLE
                    )
                    self._colour_code_before(text, begin, protected)
                    return -1
                end = close + 3
                kind = "string"
            elif match.group("single"):
                end = match.end()
                kind = "string"
            else:
                end = len(text)
                kind = "comment"
            self.setFormat(begin, end - begin, self._formats[kind])
            protected.append((begin, end))
            position = end

    def _colour_code_before(
        self, text: str, limit: int, protected: list[tuple[int, int]]
    ) -> None:
        """Keyword colouring for code on a line that ends in an open triple string."""
        head = text[:limit]
        self._apply(head, _NUMBER_RE, "number", protected)
        self._apply(head, _KEYWORD_RE, "keyword", protected)
        self._apply(head, _BUILTIN_RE, "builtin", protected)
        self._apply(head, _SELF_RE, "self", protected)

    def _apply(
        self,
        text: str,
        pattern: re.Pattern[str],
        kind: str,
        protected: list[tuple[int, int]],
    ) -> None:
        for match in pattern.finditer(text):
            if not _inside(match.start(), protected):
                self.setFormat(
                    match.start(), match.end() - match.start(), self._formats[kind]
                )


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(begin <= position < end for begin, end in spans)
