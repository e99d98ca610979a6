"""Choosing the dataset: built-in or from a file, its options, and a preview.

The picker shows a project's ``dataset`` spec (``{"name": ..., "options":
{...}}``) and emits :attr:`DatasetPicker.datasetEdited` with a new spec on each
edit; the panel records it in the document as one undoable step.  The preview
is made in the background (a few hundred milliseconds for the 28×28 digits) so
typing in an option never stalls the window.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from designer.training.datasets.dataset import DatasetInfo, DatasetOption
from designer.training.datasets.download import DOWNLOADS
from designer.training.datasets.named_downloads import (
    data_home,
    downloadable_datasets,
)
from designer.training.datasets.registry import (
    builtin_datasets,
    file_formats,
    load_dataset,
)
from designer.ui.fields.widgets import (
    CompactDoubleSpinBox,
    GuardedComboBox,
    GuardedSpinBox,
)
from designer.ui.language import LanguageFollower
from designer.ui.training.background import run_in_background
from designer.ui.training.dataset_preview import DatasetPreview
from designer.ui.training.texts import (
    option_label,
    translated_dataset,
)

DEFAULT_DATASET = "moons"
PREVIEW_DELAY_MS = 250


class DatasetPicker(LanguageFollower, QWidget):
    """Dataset combo box, an editor per option, a description and a preview."""

    datasetEdited = Signal(dict)
    datasetLoaded = Signal(object)  # the previewed Dataset, for the compatibility check
    datasetFailed = Signal(str)

    def __init__(self, parent: QWidget | None = None, preview: bool = True) -> None:
        super().__init__(parent)
        self._infos: dict[str, DatasetInfo] = {}
        self._option_editors: dict[str, QWidget] = {}
        self._option_labels: dict[str, QLabel] = {}
        self._file_formats: set[str] = set()
        self._loading = False
        self._preview_token = 0
        self.dataset: Any = None  # the last loaded (previewed) dataset

        # The wheel scrolls the column unless the user clicked into the list; long
        # names elide rather than widen the panel.
        self.combo = GuardedComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(14)
        self.combo.setObjectName("datasetCombo")
        for info in builtin_datasets():
            self._infos[info.name] = info
            self.combo.addItem(info.title, info.name)
        self.combo.insertSeparator(self.combo.count())
        for info in downloadable_datasets():
            self._infos[info.name] = info
            self.combo.addItem(info.title, info.name)
        self.combo.insertSeparator(self.combo.count())
        for info in file_formats():
            self._infos[info.name] = info
            self._file_formats.add(info.name)
            self.combo.addItem(info.title, info.name)
        self.combo.currentIndexChanged.connect(self._dataset_chosen)

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("mutedText")
        self.options_box = QWidget()
        self.options_form = QFormLayout(self.options_box)
        self.options_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.options_form.setContentsMargins(0, 0, 0, 0)
        self.options_form.setVerticalSpacing(4)

        self.preview = DatasetPreview()
        self.preview.setVisible(preview)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.combo)
        layout.addWidget(self.description)
        layout.addWidget(self.options_box)
        layout.addWidget(self.preview)
        self._rebuild_options(self.current_name(), {})
        self.retranslate()

    # -- texts ------------------------------------------------------------------
    def retranslate(self) -> None:
        """The datasets' names, description and options in the interface language."""
        for index in range(self.combo.count()):
            name = self.combo.itemData(index)
            if name in self._infos:
                self.combo.setItemText(index, self.title(name))
        info = self._infos[self.current_name()]
        self.description.setText(self._description(info))
        for option in info.options:
            label = self._option_labels.get(option.name)
            editor = self._option_editors.get(option.name)
            if label is not None:
                label.setText(translated_dataset(option_label(option.name)))
            if editor is not None:
                editor.setToolTip(translated_dataset(option.help))
            if isinstance(editor, QComboBox):
                for index in range(editor.count()):
                    editor.setItemText(
                        index, translated_dataset(str(editor.itemData(index)))
                    )

    def title(self, name: str) -> str:
        """The dataset ``name`` as the list shows it, in the interface language."""
        info = self._infos[name]
        if name in DOWNLOADS:
            return self.tr("{0} (download)").format(DOWNLOADS[name])
        if name in self._file_formats:
            return self.tr("From file: {0}").format(translated_dataset(info.title))
        return translated_dataset(info.title)

    def _description(self, info: DatasetInfo) -> str:
        if info.name in DOWNLOADS:
            return self.tr(
                "{0}, read from {1} when its files are there, else downloaded "
                "through torchvision (optional) — without it, how to get the "
                "files by hand is explained."
            ).format(DOWNLOADS[info.name], data_home() / info.name)
        return translated_dataset(info.description)

    # -- spec -------------------------------------------------------------------
    def current_name(self) -> str:
        return str(self.combo.currentData() or DEFAULT_DATASET)

    def spec(self) -> dict[str, Any]:
        options: dict[str, Any] = {}
        for name, editor in self._option_editors.items():
            if isinstance(editor, QComboBox):
                options[name] = editor.currentData()
            elif isinstance(editor, QSpinBox):
                options[name] = int(editor.value())
            elif isinstance(editor, QDoubleSpinBox):
                options[name] = float(editor.value())
            elif isinstance(editor, QLineEdit):
                options[name] = editor.text().strip()
            elif isinstance(editor, _PathEditor):
                options[name] = editor.path()
        return {"name": self.current_name(), "options": options}

    def set_spec(self, spec: Mapping[str, Any] | None) -> None:
        """Show a project's dataset spec (empty → the default dataset)."""
        spec = dict(spec or {})
        name = spec.get("name") or DEFAULT_DATASET
        options = dict(spec.get("options") or {})
        if name not in self._infos:
            name = DEFAULT_DATASET
        if {"name": name, "options": options} == self.spec():
            return  # our own edit coming back from the document
        self._loading = True
        try:
            self.combo.setCurrentIndex(self.combo.findData(name))
            self._rebuild_options(name, options)
        finally:
            self._loading = False
        self.schedule_preview()

    # -- options ----------------------------------------------------------------
    def _dataset_chosen(self) -> None:
        if self._loading:
            return
        self._rebuild_options(self.current_name(), {})
        self._edited()

    def _rebuild_options(self, name: str, values: Mapping[str, Any]) -> None:
        info = self._infos[name]
        self.description.setText(self._description(info))
        while self.options_form.rowCount():
            self.options_form.removeRow(0)
        self._option_editors.clear()
        self._option_labels.clear()
        for option in info.options:
            try:
                editor = self._make_editor(
                    option, values.get(option.name, option.default)
                )
            except (
                TypeError,
                ValueError,
                OverflowError,
            ):  # a hand-edited file: show the default
                editor = self._make_editor(option, option.default)
            editor.setToolTip(translated_dataset(option.help))
            editor.setObjectName(f"datasetOption_{option.name}")
            self._option_editors[option.name] = editor
            label = QLabel(translated_dataset(option_label(option.name)))
            self._option_labels[option.name] = label
            self.options_form.addRow(label, editor)

    def _make_editor(self, option: DatasetOption, value: Any) -> QWidget:
        if option.kind == "choice":
            combo = GuardedComboBox()
            for choice in option.choices:
                combo.addItem(translated_dataset(choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(self._edited)
            return combo
        if option.kind == "int":
            spin = GuardedSpinBox()
            spin.setRange(
                int(option.minimum if option.minimum is not None else 0),
                int(
                    min(
                        option.maximum if option.maximum is not None else 2**31 - 1,
                        2**31 - 1,
                    )
                ),
            )
            spin.setValue(int(min(max(int(value), spin.minimum()), spin.maximum())))
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._edited)
            return spin
        if option.kind == "float":
            spin = CompactDoubleSpinBox()
            spin.setDecimals(3)
            spin.setRange(
                option.minimum or 0.0,
                option.maximum if option.maximum is not None else 1e9,
            )
            spin.setSingleStep(0.01 if (option.maximum or 10) <= 2 else 0.1)
            spin.setValue(min(max(float(value), spin.minimum()), spin.maximum()))
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._edited)
            return spin
        if option.kind == "path":
            editor = _PathEditor(str(value or ""), folder=self._wants_folder())
            editor.changed.connect(self._edited)
            return editor
        line = QLineEdit(str(value or ""))
        line.editingFinished.connect(self._edited)
        return line

    def _wants_folder(self) -> bool:
        return self.current_name() in ("idx", "image_folder", "cifar10_binary")

    def _edited(self, *_args: Any) -> None:
        if self._loading:
            return
        self.datasetEdited.emit(self.spec())
        self.schedule_preview()

    # -- preview ----------------------------------------------------------------
    def schedule_preview(self) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Load the chosen dataset in the background and show a few samples."""
        spec = self.spec()
        info = self._infos[spec["name"]]
        if any(
            o.kind == "path" and not spec["options"].get(o.name) for o in info.options
        ):
            self.dataset = None
            self.preview.show_message(
                lambda: self.tr("Choose a file or folder to see its samples.")
            )
            return
        self._preview_token += 1
        token = self._preview_token
        self.preview.show_message(lambda: self.tr("Loading a preview…"))
        run_in_background(
            lambda: load_dataset(spec),
            lambda dataset: self._preview_ready(token, dataset),
            lambda message: self._preview_failed(token, message),
        )

    def _preview_ready(self, token: int, dataset: Any) -> None:
        if not isValid(self) or not isValid(self.preview):
            return  # the picker was closed while the preview loaded
        if token != self._preview_token:
            return  # an older request; a newer one is on its way
        self.dataset = dataset
        name = self.current_name()
        self.preview.show_dataset(dataset, lambda: self.title(name))
        self.datasetLoaded.emit(dataset)

    def _preview_failed(self, token: int, message: str) -> None:
        if not isValid(self) or not isValid(self.preview):
            return
        if token != self._preview_token:
            return
        self.dataset = None
        self.preview.show_message(message, error=True)
        self.datasetFailed.emit(message)


class _PathEditor(LanguageFollower, QWidget):
    """A path field with a Browse… button."""

    changed = Signal()

    def __init__(self, path: str, folder: bool) -> None:
        super().__init__()
        self._folder = folder
        self.line = QLineEdit(path)
        self.line.editingFinished.connect(self.changed.emit)
        self.browse = browse = QPushButton()
        browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(browse)
        self.setFocusProxy(self.line)
        self.line.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        self.line.setPlaceholderText(
            self.tr("folder…") if self._folder else self.tr("file…")
        )
        self.browse.setText(self.tr("Browse…"))

    def path(self) -> str:
        return self.line.text().strip()

    def _browse(self) -> None:
        if self._folder:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Choose the dataset folder"), self.path()
            )
        else:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Choose the dataset file"), self.path()
            )
        if chosen:
            self.line.setText(chosen)
            self.changed.emit()
