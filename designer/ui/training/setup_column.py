"""The training panel's left column: the dataset, whether it fits, the settings.

The dataset picker and the settings form scroll vertically and are never
clipped sideways: the column is at least as wide as its widest row (labels in
full, at any text size, in any language).  The banner that says the dataset
does not fit the network — with its one-click "Set Input shape from dataset" —
sits above the scrolling part, so it is in view whenever it is needed.

The mouse wheel scrolls the column; it changes a combo box or spin box only
after the user has clicked or tabbed into it (the editors come from
:mod:`designer.ui.fields.widgets`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from designer.ui.language import LanguageFollower
from designer.ui.training.banner import Banner
from designer.ui.training.dataset_picker import DatasetPicker
from designer.ui.training.settings_form import SettingsForm


class SetupColumn(LanguageFollower, QWidget):
    """Dataset picker, fit banner and settings form, in a column that fits its rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset_picker = DatasetPicker()
        self.fit_banner = Banner()
        self.fit_banner.setObjectName("fitBanner")
        self.settings_form = SettingsForm()
        # The device is chosen next to Start; its editor in the form stays hidden.
        self.settings_form.hide_field("device")

        self.data_box = QGroupBox()
        data_layout = QVBoxLayout(self.data_box)
        data_layout.setContentsMargins(8, 6, 8, 8)
        data_layout.addWidget(self.dataset_picker)

        self.content = QWidget()
        self.content_layout = content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(6, 6, 6, 6)
        content_layout.setSpacing(8)
        content_layout.addWidget(self.data_box)
        content_layout.addWidget(self.settings_form)
        content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.fit_banner)
        layout.addWidget(self.scroll, 1)
        self.retranslate()
        self.fit_width()

    def retranslate(self) -> None:
        self.data_box.setTitle(self.tr("Dataset"))

    def add_below_settings(self, widget: QWidget) -> None:
        """Put ``widget`` under the settings form (above the column's stretch)."""
        self.content_layout.insertWidget(self.content_layout.count() - 1, widget)
        self.fit_width()

    # -- never clipped ---------------------------------------------------------------
    def fit_width(self) -> None:
        """Keep the column at least as wide as its widest row plus the scroll bar."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        needed = self.content.minimumSizeHint().width() + bar + 2
        self.scroll.setMinimumWidth(max(300, needed))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self.fit_width()  # text size, language or the dataset's options changed
        return False
