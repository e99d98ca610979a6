"""The previews the forecasting, autoencoder, VAE and GAN tasks promise, and the loss-terms plot.

Widgets get synthetic data; the panel is driven through its epoch/snapshot
handlers (no training process); one slower test trains vae.json and gan.json
from the main window for an epoch each.
"""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
import pytest

from designer.training.metrics import EpochMetrics
from designer.training.server import pool as server_pool
from designer.ui.document import Document
from designer.ui.training.plot_style import VIEW_PADDING
from designer.ui.training.previews import preview_kind
from designer.ui.training.task_previews import (
    ForecastPreview,
    ReconstructionPreview,
    SamplesPreview,
)
from designer.ui.training.terms_plot import LossTermsPlot, term_style

RNG = np.random.default_rng(0)


def forecast_data(
    count: int = 6, window: int = 32, horizon: int = 1
) -> dict[str, np.ndarray]:
    steps = np.arange(window + horizon)
    series = np.stack([np.sin((steps + 5 * i) / 4.0) for i in range(count)])
    truth = series[:, window:]
    return {"history": series[:, :window], "truth": truth, "prediction": truth + 0.1}


def data_items(plot: pg.PlotItem) -> list[pg.PlotDataItem]:
    return [item for item in plot.listDataItems() if isinstance(item, pg.PlotDataItem)]


def shown(widget, qtbot, width: int = 1000, height: int = 480):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# == registration ==============================================================
def test_each_snapshot_key_has_its_preview():
    for key, widget_class, title in (
        ("forecast", ForecastPreview, "Forecast"),
        ("reconstruction", ReconstructionPreview, "Reconstructions"),
        ("samples", SamplesPreview, "Generated samples"),
    ):
        kind = preview_kind(key)
        assert kind is not None and kind.factory is widget_class and kind.title == title


# == forecast ==================================================================
def test_forecast_draws_history_truth_and_prediction_per_window(qtbot):
    preview = shown(ForecastPreview(), qtbot, 1000, 520)
    data = forecast_data(count=6, window=32, horizon=3)
    preview.show_preview(data)
    rows, columns = preview.grid_for(6)
    assert (rows, columns) == (2, 3)
    assert len(preview.plots) == 6
    first = data_items(preview.plots[0])
    # the past, then a line and markers each for the truth and the forecast
    assert len(first) == 5
    np.testing.assert_allclose(first[0].yData, data["history"][0])
    np.testing.assert_allclose(first[1].yData[1:], data["truth"][0])
    np.testing.assert_allclose(first[3].yData[1:], data["prediction"][0])
    assert (
        first[1].yData[0] == data["history"][0, -1]
    )  # the forecast starts from the last seen value
    assert first[0].xData[-1] == 0 and list(first[2].xData) == [1, 2, 3]
    assert (
        "what came next" in preview.legend.text()
        and "its forecast" in preview.legend.text()
    )
    assert preview.mse == pytest.approx(0.01)
    assert (
        "0.01" in preview.caption.text()
        and "repeating the last value" in preview.caption.text()
    )
    plots = list(preview.plots)
    later = dict(data, prediction=data["truth"] - 0.2)
    preview.show_preview(
        later
    )  # the next epoch: the same plots get the new data (no new layout)
    assert preview.plots == plots
    np.testing.assert_allclose(
        data_items(preview.plots[0])[3].yData[1:], later["prediction"][0]
    )
    assert preview.mse == pytest.approx(0.04)


def test_forecast_shows_fewer_windows_in_a_low_panel(qtbot):
    preview = shown(ForecastPreview(), qtbot, 900, 260)
    preview.show_preview(forecast_data(count=6))
    assert len(preview.plots) == 3
    preview.resize(900, 600)
    qtbot.waitUntil(lambda: len(preview.plots) == 6, timeout=2000)


def test_forecast_clear_and_bad_data(qtbot):
    preview = shown(ForecastPreview(), qtbot)
    preview.show_preview(forecast_data())
    preview.clear()
    assert preview.plots == [] and preview.mse is None
    assert "after the first epoch" in preview.caption.text()
    preview.show_preview(
        {
            "history": np.zeros((3, 8)),
            "truth": np.zeros((2, 1)),
            "prediction": np.zeros((3, 1)),
        }
    )
    assert preview.plots == [] and "cannot be drawn" in preview.caption.text()
    preview.show_preview({"history": np.zeros((3, 8))})
    assert "cannot be drawn" in preview.caption.text()


# == reconstruction ==============================================================
def test_reconstructions_pair_each_original_with_its_reconstruction(qtbot):
    preview = shown(ReconstructionPreview(), qtbot)
    originals = RNG.random((12, 1, 8, 8)).astype(np.float32)
    reconstructions = np.clip(originals + 0.1, 0, 1)
    preview.show_preview({"originals": originals, "reconstructions": reconstructions})
    pairs = preview.pairs
    assert pairs.pair_count == 12 and len(pairs.reconstructions) == 12
    expected = np.mean((originals - reconstructions) ** 2, axis=(1, 2, 3))
    np.testing.assert_allclose(pairs.errors, expected, rtol=1e-5)
    assert (
        "on average" in preview.caption.text()
        and "12 validation images" in preview.caption.toolTip()
    )
    columns, tile = pairs.layout_cells()
    assert (
        tile >= 40 and 12 % columns == 0
    )  # as big as fits, the same count in every band
    image = preview.grab().toImage()
    assert (
        image.pixelColor(image.width() // 2, 30).name() != "#ffffff"
    )  # tiles were painted
    preview.clear()
    assert pairs.pair_count == 0 and preview.caption.text() == ""


def test_reconstructions_of_another_shape_are_explained(qtbot):
    preview = shown(ReconstructionPreview(), qtbot)
    preview.show_preview(
        {"originals": np.zeros((2, 1, 8, 8)), "reconstructions": np.zeros((2, 1, 4, 4))}
    )
    assert preview.pairs.pair_count == 0 and "cannot be drawn" in preview.caption.text()


# == samples =====================================================================
def test_generated_samples_show_under_their_title_and_update(qtbot):
    preview = shown(SamplesPreview(), qtbot)
    preview.show_preview(
        {
            "images": RNG.random((64, 1, 8, 8)),
            "title": "Generated from 64 fixed noise vectors",
        }
    )
    assert preview.grid.image_count == 64 and preview.updates == 1
    assert (
        preview.title.isVisible()
        and "Generated from 64 fixed noise vectors" in preview.title.text()
    )
    preview.show_preview(
        {
            "images": RNG.random((16, 3, 8, 8)),
            "title": "Decoded from 16 fixed random codes",
        }
    )
    assert preview.grid.image_count == 16 and preview.updates == 2
    assert preview.title_text == "Decoded from 16 fixed random codes"
    preview.clear()
    assert (
        preview.grid.image_count == 0
        and not preview.title.isVisible()
        and preview.updates == 0
    )
    preview.show_preview({"images": np.zeros((2, 2)), "title": "broken"})
    assert preview.grid.image_count == 0 and "cannot be drawn" in preview.message.text()


# == loss terms ====================================================================
GAN_TERMS = {"d_loss": 1.3, "g_loss": 0.7, "d_real": 0.6, "d_fake": 0.4}
VAE_TERMS = {
    "train_reconstruction": 30.0,
    "train_kl": 4.0,
    "reconstruction": 28.0,
    "kl": 4.5,
    "neg_elbo": 32.5,
}


def test_one_curve_per_term_with_probabilities_on_their_own_axis(qtbot):
    plot = shown(LossTermsPlot(), qtbot)
    plot.start_run(epochs=5)
    for epoch in (1, 2, 3):
        plot.add_epoch(
            epoch, {name: value + 0.01 * epoch for name, value in GAN_TERMS.items()}
        )
    plot.redraw()
    assert set(plot.curves) == set(GAN_TERMS)
    assert (
        plot.shows_probabilities and plot.side_by_side
    )  # wide and low: next to each other
    in_terms = {item for item in data_items(plot.terms_plot)}
    in_probabilities = {item for item in data_items(plot.probability_plot)}
    assert {plot.curves["d_loss"], plot.curves["g_loss"]} <= in_terms
    assert {plot.curves["d_real"], plot.curves["d_fake"]} <= in_probabilities
    assert list(plot.curves["d_real"].yData) == pytest.approx([0.61, 0.62, 0.63])
    assert set(plot.legend_labels()) == {
        "discriminator loss",
        "generator loss",
        "D(x), real",
        "D(G(z)), generated",
    }
    # 0..1 with room for the markers of a value of exactly 0 or 1
    assert plot.probability_plot.getViewBox().viewRange()[1] == pytest.approx(
        [-VIEW_PADDING, 1 + VIEW_PADDING]
    )
    assert not plot.log_scale


def test_terms_far_apart_get_a_log_axis_and_unknown_terms_a_readable_label(qtbot):
    plot = shown(LossTermsPlot(), qtbot)
    plot.start_run(epochs=3)
    plot.add_epoch(1, {**VAE_TERMS, "kl": 0.2, "train_kl": 0.3, "some_new_term": 1.0})
    plot.redraw()
    assert len(plot.curves) == 6 and not plot.shows_probabilities
    assert plot.log_scale and "log" in plot.terms_plot.getAxis("left").labelText
    assert plot.curve_labels()["some_new_term"] == "some new term"
    assert term_style("neg_elbo").label.startswith("−ELBO")


def test_earlier_runs_stay_faint_behind_a_run_with_the_same_terms(qtbot):
    plot = shown(LossTermsPlot(), qtbot)
    plot.start_run(epochs=2)
    plot.add_epoch(1, GAN_TERMS)
    plot.redraw()
    first_run = dict(plot.curves)
    plot.start_run(epochs=2)
    assert (
        plot.past_run_count == 1 and not plot.has_terms and not plot.shows_probabilities
    )
    assert plot.legend_labels() == []
    plot.add_epoch(1, VAE_TERMS)  # another task: the GAN's faint curves stay hidden
    assert plot.visible_past_curves() == 0
    plot.start_run(epochs=2)
    plot.add_epoch(1, GAN_TERMS)
    plot.redraw()
    assert plot.visible_past_curves() == 4  # the first GAN run, faint and dashed
    faint = first_run["d_loss"]
    assert (
        faint.opts["pen"].style() == pg.QtCore.Qt.PenStyle.DashLine
        and faint.opts["pen"].color().alpha() < 255
    )
    plot.clear_history()
    assert plot.past_run_count == 0 and not plot.has_terms


# == the panel ======================================================================
@pytest.fixture
def panel(qtbot, monkeypatch):
    from designer.ui.training.panel import TrainingPanel

    monkeypatch.setattr(server_pool.TrainingServer, "ensure_started", lambda self: None)
    monkeypatch.setattr(TrainingPanel, "refresh_devices", lambda self: None)
    widget = TrainingPanel(Document())
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    yield widget
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)


def snapshot(previews: dict) -> SimpleNamespace:
    return SimpleNamespace(
        epoch=1,
        x=np.zeros((0, 2)),
        y_true=np.zeros(0),
        y_pred=np.zeros(0),
        probs=None,
        classes=None,
        grid=None,
        previews=previews,
    )


def epoch(number: int, extra: dict[str, float]) -> EpochMetrics:
    return EpochMetrics(
        epoch=number,
        train_loss=1.0,
        val_loss=None,
        val_accuracy=None,
        seconds=0.1,
        samples_per_sec=100.0,
        lr=0.001,
        extra=extra,
    )


def visible_tabs(panel) -> list[str]:
    return [
        panel.tabs.tabText(i)
        for i in range(panel.tabs.count())
        if panel.tabs.isTabVisible(i)
    ]


def test_the_panel_opens_a_tab_for_each_preview_a_snapshot_brings(panel):
    images = RNG.random((12, 1, 8, 8))
    panel._on_predictions(
        snapshot(
            {
                "forecast": forecast_data(),
                "reconstruction": {"originals": images, "reconstructions": images},
                "samples": {
                    "images": images,
                    "title": "Decoded from 12 fixed random codes",
                },
            }
        )
    )
    assert {"Forecast", "Reconstructions", "Generated samples"} <= set(
        visible_tabs(panel)
    )
    forecast = panel._preview_tabs["forecast"]
    assert (
        isinstance(forecast, ForecastPreview) and forecast.plots == []
    )  # drawn only when shown
    panel.tabs.setCurrentWidget(forecast)
    assert forecast.plots
    panel.tabs.setCurrentWidget(panel._preview_tabs["samples"])
    assert panel._preview_tabs["samples"].grid.image_count == 12
    panel.tabs.setCurrentWidget(panel._preview_tabs["reconstruction"])
    assert panel._preview_tabs["reconstruction"].pairs.pair_count == 12


def test_the_panel_plots_every_loss_term_of_its_epochs(panel):
    assert "Loss terms" not in visible_tabs(panel)
    panel._on_epoch(epoch(1, {}))
    assert "Loss terms" not in visible_tabs(panel)  # a classifier reports no terms
    panel._on_epoch(epoch(1, GAN_TERMS))
    panel._on_epoch(epoch(2, GAN_TERMS))
    assert "Loss terms" in visible_tabs(panel)
    panel.tabs.setCurrentWidget(panel.terms_plot)
    assert set(panel.terms_plot.curves) == set(GAN_TERMS)
    assert len(panel.terms_plot.curves["g_loss"].yData) == 2


def test_the_preview_modules_do_not_import_torch():
    script = (
        "import sys\nimport designer.ui.training.panel\nprint('torch' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


# == end to end: the samples train in the window ===================================
@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from designer.ui.main_window import MainWindow
    from designer.ui.recovery import RecoveryStore

    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path / "settings"),
    )
    settings = QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        "designer-tests",
        "designer",
    )
    main = MainWindow(
        settings=settings,
        recovery=RecoveryStore(tmp_path / "recovery"),
        interactive=False,
    )
    main.files.ask_save_changes = lambda _action: QMessageBox.StandardButton.Discard
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    yield main
    panel = main.training_panel
    if panel is not None:
        panel.shutdown()


@pytest.mark.parametrize(
    ("sample", "tabs"),
    [
        ("vae", {"Loss terms", "Reconstructions", "Generated samples"}),
        ("gan", {"Loss terms", "Generated samples"}),
    ],
)
def test_a_sample_trains_in_the_window_with_its_previews(qtbot, window, sample, tabs):
    from designer.ui.main_window import SAMPLES_DIR

    assert window.files.open_sample(SAMPLES_DIR / f"{sample}.json")
    settings = dict(window.document.project.training)
    settings["epochs"] = 1
    window.document.set_training(settings)
    panel = window.show_training()
    qtbot.waitUntil(
        lambda: (
            panel.dataset_picker.dataset is not None
            and not panel.compatibility_problems()
        ),
        timeout=20_000,
    )
    assert panel.start(), panel.banner.text
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=60_000)
    assert panel.last_result is not None and panel.last_result.status == "finished", (
        panel.banner.text
    )
    assert tabs <= set(visible_tabs(panel))
    assert "Confusion matrix" not in visible_tabs(
        panel
    )  # digits has labels, but these tasks predict none
    samples = panel._preview_tabs["samples"]
    assert samples.grid.image_count == 64 and samples.title_text
    expected_terms = {
        "vae": {"reconstruction", "kl", "neg_elbo"},
        "gan": {"d_loss", "g_loss", "d_real", "d_fake"},
    }[sample]
    assert expected_terms <= set(panel.terms_plot.curves)
