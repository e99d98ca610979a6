"""The training panel's parts on their own: plots, confusion matrix, image grids,
decision boundary, previews by name, the settings form and the dataset preview."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from designer.training.datasets import load_dataset
from designer.ui.fields.widgets import LogSpinBox, next_nice
from designer.ui.training.boundary import (
    DecisionBoundaryView,
    grid_extent,
    predicted_at,
    probability_image,
)
from designer.ui.training.confusion import ConfusionMatrixView
from designer.ui.training.dataset_preview import DatasetPreview
from designer.ui.training.image_grid import ImageGrid, to_qimages
from designer.ui.training.plots import TrainingPlots, nice_ceiling
from designer.ui.training.previews import ImagePreview, preview_kind, register_preview
from designer.ui.training.settings_form import SettingsForm


def test_images_of_any_channel_count_become_qimages():
    grey = to_qimages(np.zeros((2, 1, 5, 4)))
    rgb = to_qimages(np.ones((1, 3, 5, 4)))
    plain = to_qimages(np.full((3, 6, 6), 0.5))
    assert [i.size().toTuple() for i in grey] == [(4, 5), (4, 5)]
    assert grey[0].format() == QImage.Format.Format_Grayscale8
    assert rgb[0].format() == QImage.Format.Format_RGB888
    assert QColor(rgb[0].pixel(0, 0)).getRgb()[:3] == (255, 255, 255)
    assert len(plain) == 3 and QColor(plain[0].pixel(2, 2)).red() in (127, 128)
    with pytest.raises(ValueError, match="N×C×H×W"):
        to_qimages(np.zeros((2, 3)))


def test_image_grid_marks_mistakes_and_paints(qtbot):
    grid = ImageGrid(tile=32)
    qtbot.addWidget(grid)
    grid.resize(400, 200)
    images = np.random.default_rng(0).random((6, 1, 8, 8))
    grid.set_images(images, ["1 / 1", "2 / 3"], [False, True])
    assert grid.image_count == 6
    assert grid.captions == ["1 / 1", "2 / 3", "", "", "", ""]
    assert grid.mistakes[:2] == [False, True]
    picture = grid.grab().toImage()
    assert picture.width() == 400
    # a red frame is painted somewhere for the mistake
    reds = sum(
        1
        for x in range(0, 400, 2)
        for y in range(0, 200, 2)
        if QColor(picture.pixel(x, y)).getRgb()[:3] == (224, 49, 49)
    )
    assert reds > 0


def test_confusion_matrix_shows_counts_and_names(qtbot):
    view = ConfusionMatrixView()
    qtbot.addWidget(view)
    matrix = np.array([[8, 2, 0], [1, 9, 0], [0, 5, 5]])
    view.set_matrix(matrix, ["cat", "dog", "bird"])
    assert view.matrix.tolist() == matrix.tolist()
    assert view.class_names == ["cat", "dog", "bird"]
    assert (
        "22 of 30" in view.summary.text() and "bird (50% right)" in view.summary.text()
    )
    assert view.counts.counts.tolist() == matrix.tolist()
    ticks = view.plot.getAxis("bottom")._tickLevels[0]
    assert [name for _, name in ticks] == ["cat", "dog", "bird"]
    view.set_matrix(np.zeros((2, 3)))  # not square: ignored
    assert view.matrix.shape == (3, 3)
    view.clear()
    assert view.matrix is None


def test_probability_colours_are_pale_where_the_model_is_unsure():
    sure = probability_image(np.array([[[1.0, 0.0]]]))[0, 0]
    unsure = probability_image(np.array([[[0.5, 0.5]]]))[0, 0]
    assert sure.sum() < unsure.sum()  # saturated colour vs near white
    assert probability_image(np.array([[0.9]])).shape == (
        1,
        1,
        3,
    )  # one logit = class 1


def test_grid_lookups_match_the_grid():
    xs, ys = np.linspace(-1, 1, 5), np.linspace(0, 4, 5)
    xx, yy = np.meshgrid(xs, ys)
    probs = np.zeros((5, 5, 2))
    probs[..., 1] = (xx > 0).astype(float)
    probs[..., 0] = 1 - probs[..., 1]
    points = np.array([[-0.9, 1.0], [0.9, 3.0]])
    assert predicted_at(points, xx, yy, probs).tolist() == [0, 1]
    assert grid_extent(xx, yy) == (-1.25, 1.25, -0.5, 4.5)


def test_decision_boundary_rings_the_wrong_points(qtbot):
    view = DecisionBoundaryView()
    qtbot.addWidget(view)
    probs = np.random.default_rng(1).random((10, 10, 2))
    points = np.array([[0.1, 0.1], [0.5, 0.5], [0.9, 0.9]])
    view.set_boundary(
        probs,
        (0, 1, 0, 1),
        points,
        np.array([0, 1, 1]),
        np.array([0, 0, 1]),
        ["a", "b"],
    )
    assert view.has_boundary
    assert "2 of 3" in view.caption.text() and "1 wrong" in view.caption.text()
    assert len(view.scatter.points()) == 3


def test_plots_collect_steps_and_epochs_and_fade_earlier_runs(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.start_run("run 1", epochs=2)
    for step in range(10):
        plots.add_step(step / 10, 2.0 - step * 0.1, 2.0 - step * 0.09, 1e-3)
    plots.add_epoch(1, 1.5, 0.6, train_loss=1.6, lr=1e-3)
    assert len(plots.train_raw) == 10  # the epoch mean is not mixed into step updates
    plots.add_epoch(
        2, float("nan"), 0.7, train_loss=1.0
    )  # non-finite values are skipped
    plots.redraw()
    assert len(plots.val_loss) == 1 and len(plots.val_accuracy) == 2
    assert (
        plots.train_raw.x[-1] == 2.0 and len(plots.train_smooth) == 11
    )  # no steps in epoch 2
    assert plots.loss_range.top == nice_ceiling(2.0 * 1.05)
    plots.start_run("run 2", epochs=3)
    assert plots.past_run_count == 1 and len(plots.train_raw) == 0
    plots.start_run("run 3")  # run 2 had no data: nothing to fade
    assert plots.past_run_count == 1
    plots.clear_history()
    assert plots.past_run_count == 0


def test_nice_ceilings():
    assert nice_ceiling(0.93) == 1.0
    assert nice_ceiling(2.2) == 2.5
    assert nice_ceiling(0.00031) == pytest.approx(0.0004)
    assert nice_ceiling(0) == 1.0


def test_log_spin_box_steps_along_1_2_5():
    assert next_nice(0.001, up=True) == pytest.approx(0.002)
    assert next_nice(0.002, up=True) == pytest.approx(0.005)
    assert next_nice(0.005, up=True) == pytest.approx(0.01)
    assert next_nice(0.001, up=False) == pytest.approx(0.0005)
    box = LogSpinBox()
    box.setRange(1e-6, 10)
    box.setValue(0.003)
    assert box.textFromValue(0.003) == "0.003"
    box.stepBy(1)
    assert box.value() == pytest.approx(0.005)


def test_settings_form_round_trips_and_reports_every_edit(qtbot):
    form = SettingsForm()
    qtbot.addWidget(form)
    form.set_settings({"optimizer": "sgd", "lr": 0.05, "epochs": 4, "nesterov": True})
    values = form.settings()
    assert (
        values["optimizer"] == "sgd"
        and values["lr"] == pytest.approx(0.05)
        and values["nesterov"] is True
    )
    assert (
        values["epochs"] == 4 and values["batch_size"] == 64
    )  # defaults fill the rest
    with qtbot.waitSignal(form.settingsEdited) as edited:
        form.editor("optimizer").setCurrentIndex(
            form.editor("optimizer").findData("adam")
        )
    assert edited.args[0]["optimizer"] == "adam"
    assert edited.args[0]["nesterov"] is False  # Nesterov needs SGD
    from designer.training.settings import TrainingSettings

    assert (
        TrainingSettings.from_dict(edited.args[0]).optimizer == "adam"
    )  # valid as emitted


def test_dataset_preview_picks_a_view_for_the_data(qtbot):
    preview = DatasetPreview()
    qtbot.addWidget(preview)
    preview.show_dataset(load_dataset({"name": "digits", "options": {}}))
    assert preview.kind == "images" and preview.images.image_count == 12
    assert preview.images.captions[:3] == ["0", "1", "2"]
    preview.show_dataset(load_dataset({"name": "moons", "options": {"n_samples": 50}}))
    assert preview.kind == "points"
    preview.show_dataset(load_dataset({"name": "sine", "options": {"n_samples": 50}}))
    assert preview.kind == "curve"
    preview.show_dataset(
        load_dataset({"name": "sine_forecast", "options": {"n_samples": 50}})
    )
    assert preview.kind == "sequences"
    preview.show_dataset(
        load_dataset({"name": "tokens_sorted", "options": {"n_samples": 50}})
    )
    assert preview.kind == "rows" and "→" in preview.text.text()
    preview.show_message("broken", error=True)
    assert preview.kind == "error"


def test_task_previews_are_found_by_name(qtbot):
    kind = preview_kind("images")
    assert kind is not None and kind.title == "Images"
    widget = kind.factory()
    qtbot.addWidget(widget)
    widget.show_preview(
        {
            "images": np.zeros((4, 1, 6, 6)),
            "captions": ["a"] * 4,
            "caption": "generated",
        }
    )
    assert widget.grid.image_count == 4 and widget.caption.text() == "generated"
    widget.show_preview(np.ones((2, 3, 4, 4)))
    assert widget.grid.image_count == 2
    register_preview("test_kind", "Test", ImagePreview)
    assert preview_kind("test_kind").factory is ImagePreview
    assert preview_kind("no_such_kind") is None


def test_hand_edited_nonsense_shows_defaults_instead_of_crashing(qtbot):
    from designer.ui.training.dataset_picker import DatasetPicker

    form = SettingsForm()
    qtbot.addWidget(form)
    form.set_settings(
        {
            "lr": "fast",
            "epochs": None,
            "nesterov": "yes",
            "batch_size": 1e30,
            "optimizer": "nope",
        }
    )
    values = form.settings()
    assert (
        values["lr"] == pytest.approx(1e-3)
        and values["epochs"] == 10
        and values["nesterov"] is False
    )
    assert values["batch_size"] == 65536  # clamped to the largest allowed
    assert (
        values["optimizer"] == "nope"
    )  # kept, so the run explains what is wrong with it
    assert "not valid here" in form.editor("optimizer").currentText()
    picker = DatasetPicker(preview=False)
    qtbot.addWidget(picker)
    picker.set_spec({"name": "moons", "options": {"n_samples": "many", "noise": [1]}})
    assert picker.spec() == {
        "name": "moons",
        "options": {"n_samples": 500, "noise": 0.1, "seed": 0},
    }
    picker.set_spec({"name": "no such dataset"})
    assert picker.current_name() == "moons"


def test_the_picker_offers_downloads_and_explains_a_missing_torchvision(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.setenv("DESIGNER_DATA_DIR", str(tmp_path))
    monkeypatch.setitem(sys.modules, "torchvision", None)
    from designer.ui.training.dataset_picker import DatasetPicker

    picker = DatasetPicker()
    qtbot.addWidget(picker)
    assert picker.combo.findData("mnist") >= 0
    failures: list[str] = []
    picker.datasetFailed.connect(failures.append)
    picker.set_spec({"name": "mnist", "options": {}})
    assert picker.current_name() == "mnist"
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert "needs torchvision" in failures[0]


def test_a_preview_arriving_after_the_picker_closed_is_dropped(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    from designer.ui.training.dataset_picker import DatasetPicker

    picker = DatasetPicker()
    picker.set_spec({"name": "digits28", "options": {}})
    picker.refresh_preview()  # digits28 takes a moment: still loading when we close
    picker.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QThreadPool.globalInstance().waitForDone(20_000)
    qtbot.wait(50)  # deliver the queued result; pytest-qt fails on an exception here
