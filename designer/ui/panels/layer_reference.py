"""Help ▸ Layer reference: every layer type with its parameters, grouped by category."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from designer.graph.catalog import CATEGORIES, LayerSpec, ParamSpec, all_specs
from designer.ui.theme import current_theme


def _param_text(param: ParamSpec) -> str:
    default = param.default
    if isinstance(default, list | tuple):
        default = ", ".join(str(v) for v in default)
    extra = []
    if param.choices:
        extra.append(" / ".join(param.choices))
    if param.minimum is not None or param.maximum is not None:
        low = "" if param.minimum is None else f"{param.minimum:g}"
        high = "" if param.maximum is None else f"{param.maximum:g}"
        extra.append(f"range {low}…{high}")
    detail = (
        f" <span style='color:{current_theme().muted}'>({html.escape('; '.join(extra))})</span>"
        if extra
        else ""
    )
    help_text = f" — {html.escape(param.help)}" if param.help else ""
    return f"<li><b>{html.escape(param.title)}</b> = <code>{html.escape(str(default))}</code>{detail}{help_text}</li>"


def reference_html(
    specs: list[LayerSpec], color_for: Callable[[str], QColor], query: str = ""
) -> str:
    words = query.lower().split()
    parts: list[str] = []
    for category in CATEGORIES:
        members = [
            s
            for s in specs
            if s.category == category
            and all(
                w in f"{s.type} {s.category} {s.description}".lower() for w in words
            )
        ]
        if not members:
            continue
        color = color_for(category).name()
        parts.append(
            f"<h2><span style='color:{color}'>■</span> {html.escape(category)}</h2>"
        )
        for spec in members:
            parts.append(
                f"<h3>{html.escape(spec.type)}</h3><p>{html.escape(spec.description)}</p>"
            )
            if spec.formula:
                parts.append(f"<p><code>{html.escape(spec.formula)}</code></p>")
            if spec.params:
                parts.append(
                    "<ul>" + "".join(_param_text(p) for p in spec.params) + "</ul>"
                )
            if spec.inferred_names:
                names = ", ".join(spec.inferred_names)
                parts.append(
                    f"<p><i>Inferred from the input:</i> {html.escape(names)}</p>"
                )
    if not parts:
        return "<p>No layer matches the search.</p>"
    return "\n".join(parts)


class LayerReferenceDialog(QDialog):
    def __init__(
        self, color_for: Callable[[str], QColor], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Layer reference")
        self.resize(720, 760)
        self._color_for = color_for
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search layers…")
        self.search.setClearButtonEnabled(True)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._render)
        self._render("")

    def _render(self, query: str) -> None:
        self.browser.setHtml(reference_html(all_specs(), self._color_for, query))
