"""The Inside panel: what the selected card does to the chosen sample.

For the card selected on the canvas it shows, from the last full probe report
of a run (sent after every epoch): the output's shape and statistics; for a
convolution, all its output channels and its learned filters (a first layer's
as pictures); for attention layers, the weights of every head; and for a
classifier, the saliency of the sample (gradient × input, Grad-CAM for CNNs)
beside the class probabilities.  The pictures are enlargeable (Zoom).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from designer.ui.canvas.preview_items import (
    as_bytes,
    channel_grid,
    gray_image,
    stats_text,
)
from designer.ui.catalog_texts import layer_text
from designer.ui.drawing_pad import DrawingPad
from designer.ui.language import LanguageFollower
from designer.ui.point_pad import PointPadBox

DEFAULT_ZOOM = 3
TOP_CLASSES = 5
#: The sections of the panel: key and heading.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("maps", QT_TRANSLATE_NOOP("InsidePanel", "Output channels")),
    ("filters", QT_TRANSLATE_NOOP("InsidePanel", "Learned filters")),
    ("attention", QT_TRANSLATE_NOOP("InsidePanel", "Attention weights per head")),
    (
        "saliency",
        QT_TRANSLATE_NOOP("InsidePanel", "Why this prediction: gradient × input"),
    ),
    ("cam", QT_TRANSLATE_NOOP("InsidePanel", "Grad-CAM")),
    ("probabilities", QT_TRANSLATE_NOOP("InsidePanel", "Class probabilities")),
)


def picture(pixels: np.ndarray, zoom: int) -> QPixmap:
    """A 2-D array as a gray pixmap, each value ``zoom``×``zoom`` pixels."""
    image = gray_image(as_bytes(pixels))
    return QPixmap.fromImage(image).scaled(
        image.width() * zoom,
        image.height() * zoom,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )


def heads_grid(weights: np.ndarray) -> np.ndarray:
    """(heads, L, S) attention weights → the heads side by side in a grid."""
    return channel_grid(as_bytes(weights))


def filters_grid(filters: np.ndarray) -> np.ndarray:
    """(out, in, kh, kw) → one picture per filter (its input channels averaged)."""
    return channel_grid(as_bytes(filters.mean(axis=1)))


def saliency_picture(values: np.ndarray) -> np.ndarray:
    """Gradient × input of any layout as a 2-D array (a vector as one row)."""
    values = np.abs(np.asarray(values, dtype=np.float32))
    return values if values.ndim == 2 else values.reshape(1, -1)


class InsidePanel(LanguageFollower, QWidget):
    """The selected card's inside, for the chosen sample."""

    def __init__(self, overlay: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InsidePanel")
        self.overlay = overlay
        self.document = overlay.document
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.zoom = QSpinBox()
        self.zoom.setRange(1, 12)
        self.zoom.setValue(DEFAULT_ZOOM)
        self.zoom.setSuffix("×")
        self.zoom.valueChanged.connect(lambda _z: self.refresh())
        zoom_row = QFormLayout()
        self.zoom_label = QLabel()
        zoom_row.addRow(self.zoom_label, self.zoom)
        self.sections: dict[str, tuple[QGroupBox, QLabel]] = {}
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.title)
        column.addLayout(zoom_row)
        for key, _heading in SECTIONS:
            box = QGroupBox()
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            QVBoxLayout(box).addWidget(label)
            column.addWidget(box)
            self.sections[key] = (box, label)
        column.addWidget(self._stepper())
        column.addWidget(self._drawing())
        self.point_box = PointPadBox(overlay)  # instead of drawing on 2-D points
        column.addWidget(self.point_box)
        overlay.regionsChanged.connect(self._show_pad_kind)
        self._show_pad_kind()
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        overlay.reportsChanged.connect(self.refresh)
        self.document.selectionChanged.connect(lambda _ids: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        """Every heading, button and message in the current language."""
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(self.tr("Inside"))
        self.zoom_label.setText(self.tr("Zoom"))
        for key, heading in SECTIONS:
            self.sections[key][0].setTitle(
                QCoreApplication.translate("InsidePanel", heading)
            )
        self.stepper_box.setTitle(self.tr("Step through the forward pass"))
        self.previous_button.setText(self.tr("◀ Previous"))
        self.next_button.setText(self.tr("Next ▶"))
        self.drawing_box.setTitle(self.tr("Draw a digit"))
        self.clear_button.setText(self.tr("Clear"))
        self.pad_message.setText(
            self.tr(
                "After training, draw here: the probabilities and the cards' "
                "previews follow the drawing."
            )
        )
        self.refresh()

    # -- the drawing pad ---------------------------------------------------------------
    def _drawing(self) -> QGroupBox:
        box = self.drawing_box = QGroupBox()
        self.pad = DrawingPad()
        self.pad.drawn.connect(self.drawing_changed)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.pad.clear)
        self.pad_message = QLabel()
        self.pad_message.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.pad)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.pad_message)
        return box

    def _show_pad_kind(self) -> None:
        """2-D points get the point pad, other data the drawing pad."""
        self.point_box.setVisible(self.overlay.point_mode)
        self.drawing_box.setVisible(not self.overlay.point_mode)

    def drawing_changed(self, pixels: np.ndarray) -> None:
        problem = self.overlay.probe_drawing(pixels)
        if problem:
            self.pad_message.setText(problem)

    # -- stepping through the forward pass ------------------------------------------
    def _stepper(self) -> QGroupBox:
        box = self.stepper_box = QGroupBox()
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.previous_button.clicked.connect(lambda: self.step_by(-1))
        self.next_button.clicked.connect(lambda: self.step_by(1))
        self.step_label = QLabel()
        self.step_label.setWordWrap(True)
        self.step_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(buttons)
        layout.addWidget(self.step_label)
        self.step_index = -1
        return box

    def steps(self) -> list[Any]:
        report = self.overlay.full_reports.get(self.document.current_network)
        return list(report.steps) if report is not None else []

    def step_by(self, delta: int) -> None:
        """Go to the next (or previous) node in execution order and select its card."""
        steps = self.steps()
        if not steps:
            return
        self.step_index = min(max(self.step_index + delta, 0), len(steps) - 1)
        node_id = steps[self.step_index].node_id
        self.document.select_and_centre(node_id)  # the card is highlighted
        self.refresh()

    def _show_step(self) -> None:
        steps = self.steps()
        selected = self.document.selected_ids
        at = [i for i, step in enumerate(steps) if [step.node_id] == selected]
        if at:
            self.step_index = at[0]
        self.previous_button.setEnabled(bool(steps) and self.step_index > 0)
        self.next_button.setEnabled(bool(steps) and self.step_index < len(steps) - 1)
        if not steps or not at:
            self.step_label.setText(
                self.tr("Next ▶ walks through the nodes in the order they run.")
                if steps
                else ""
            )
            return
        step = steps[self.step_index]
        lines = [
            self.tr("Step {index} of {count}: {name} ({type})").format(
                index=self.step_index + 1,
                count=len(steps),
                name=step.name,
                type=step.node_type,
            )
        ]
        lines += [
            self.tr("in  {port}: ").format(port=s.port) + stats_text(s.stats)
            for s in step.inputs
        ]
        lines += [
            self.tr("out {port}: ").format(port=s.port) + stats_text(s.stats)
            for s in step.outputs
        ]
        if step.formula:
            lines.append(layer_text(step.formula))
        self.step_label.setText("\n".join(lines))

    def _show(self, key: str, content: QPixmap | str | None) -> None:
        box, label = self.sections[key]
        box.setVisible(content is not None)
        if isinstance(content, QPixmap):
            label.setPixmap(content)
        elif content is not None:
            label.setText(content)

    def refresh(self) -> None:
        """Show the selected card's part of the last full report."""
        shown: dict[str, QPixmap | str | None] = dict.fromkeys(self.sections)
        report = self.overlay.full_reports.get(self.document.current_network)
        selected = self.document.selected_ids
        node_id = selected[0] if len(selected) == 1 else None
        zoom = self.zoom.value()
        if report is None:
            self.title.setText(
                self.tr(
                    "Train the network to look inside it: the chosen sample's "
                    "feature maps, filters, attention and saliency appear here "
                    "after every epoch."
                )
            )
        else:
            self.title.setText(self._title(report, node_id))
            for maps in report.feature_maps:
                if maps.node_id == node_id:
                    shown["maps"] = picture(channel_grid(as_bytes(maps.maps)), zoom)
                    if maps.filters is not None:
                        grid = filters_grid(maps.filters)
                        shown["filters"] = picture(grid, max(zoom, 4))
            for attention in report.attention:
                if attention.node_id == node_id:
                    shown["attention"] = picture(heads_grid(attention.weights), zoom)
            if report.saliency is not None:
                self._saliency(report.saliency, zoom, shown)
        for key, content in shown.items():
            self._show(key, content)
        self._show_step()

    def _title(self, report: Any, node_id: str | None) -> str:
        if node_id is None:
            return self.tr("Select one card to see what it does to the sample.")
        for preview in report.previews:
            if preview.node_id == node_id:
                return (
                    f"{preview.name} ({preview.node_type}): {stats_text(preview.stats)}"
                )
        return self.tr("This card has no output to show for the sample.")

    def _saliency(self, saliency: Any, zoom: int, shown: dict) -> None:
        shown["saliency"] = picture(
            saliency_picture(saliency.gradient_x_input), max(zoom, 4)
        )
        if saliency.grad_cam is not None:
            shown["cam"] = picture(saliency.grad_cam, max(zoom, 4))
        probabilities = np.asarray(saliency.probabilities, dtype=float)
        order = np.argsort(probabilities)[::-1][:TOP_CLASSES]
        classes = saliency.classes or [str(k) for k in range(len(probabilities))]
        lines = [
            ("▶ " if k == saliency.predicted else "   ")
            + f"{classes[k]}: {probabilities[k]:.1%}"
            for k in order
        ]
        target = classes[saliency.target] if saliency.target < len(classes) else "?"
        lines.append(self.tr("true class: {target}").format(target=target))
        shown["probabilities"] = "\n".join(lines)
