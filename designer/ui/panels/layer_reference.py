"""Help ▸ Layer reference: every layer type with its parameters, grouped by category."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
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
from designer.ui.catalog_texts import layer_text
from designer.ui.language import LanguageFollower
from designer.ui.theme import current_theme


def _param_text(param: ParamSpec) -> str:
    default = param.default
    if isinstance(default, list | tuple):
        default = ", ".join(str(v) for v in default)
    extra = []
    if param.choices:
        extra.append(
            " / ".join(layer_text(label) for _, label in param.labelled_choices())
        )
    if param.minimum is not None or param.maximum is not None:
        low = "" if param.minimum is None else f"{param.minimum:g}"
        high = "" if param.maximum is None else f"{param.maximum:g}"
        extra.append(
            QCoreApplication.translate("LayerReference", "range {0}…{1}").format(
                low, high
            )
        )
    detail = (
        f" <span style='color:{current_theme().muted}'>({html.escape('; '.join(extra))})</span>"
        if extra
        else ""
    )
    help_text = f" — {html.escape(layer_text(param.help))}" if param.help else ""
    title = html.escape(layer_text(param.title))
    name = f" <code>{html.escape(param.name)}</code>"
    return f"<li><b>{title}</b>{name} = <code>{html.escape(str(default))}</code>{detail}{help_text}</li>"


def _matches(spec: LayerSpec, words: list[str]) -> bool:
    """Every word is in the type, category or description (English or translated)."""
    text = " ".join(
        (
            spec.type,
            spec.category,
            spec.description,
            layer_text(spec.category),
            layer_text(spec.description),
        )
    ).lower()
    return all(w in text for w in words)


def reference_html(
    specs: list[LayerSpec], color_for: Callable[[str], QColor], query: str = ""
) -> str:
    """The reference page in the current language, limited to the layers matching ``query``."""
    words = query.lower().split()
    parts: list[str] = []
    for category in CATEGORIES:
        members = [s for s in specs if s.category == category and _matches(s, words)]
        if not members:
            continue
        color = color_for(category).name()
        parts.append(
            f"<h2><span style='color:{color}'>■</span> {html.escape(layer_text(category))}</h2>"
        )
        for spec in members:
            parts.append(
                f"<h3>{html.escape(spec.type)}</h3><p>{html.escape(layer_text(spec.description))}</p>"
            )
            if spec.formula:
                parts.append(
                    f"<p><code>{html.escape(layer_text(spec.formula))}</code></p>"
                )
            if spec.params:
                parts.append(
                    "<ul>" + "".join(_param_text(p) for p in spec.params) + "</ul>"
                )
            if spec.inferred_names:
                names = ", ".join(spec.inferred_names)
                label = html.escape(
                    QCoreApplication.translate(
                        "LayerReference", "Inferred from the input:"
                    )
                )
                parts.append(f"<p><i>{label}</i> <code>{html.escape(names)}</code></p>")
    if not parts:
        nothing = QCoreApplication.translate(
            "LayerReference", "No layer matches the search."
        )
        return f"<p>{html.escape(nothing)}</p>"
    return "\n".join(parts)


class LayerReferenceDialog(LanguageFollower, QDialog):
    def __init__(
        self, color_for: Callable[[str], QColor], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.resize(720, 760)
        self._color_for = color_for
        self.search = QLineEdit()
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
        self.retranslate()

    def retranslate(self) -> None:
        """Title, search hint and the whole page in the current language."""
        self.setWindowTitle(self.tr("Layer reference"))
        self.search.setPlaceholderText(self.tr("Search layers…"))
        self._render(self.search.text())

    def _render(self, query: str) -> None:
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(reference_html(all_specs(), self._color_for, query))
        self.browser.verticalScrollBar().setValue(scroll)
