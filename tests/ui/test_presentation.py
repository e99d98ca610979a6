"""Presentation mode: a projector view that leaves the window exactly as it found it."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar

from designer.ui.main_window import MainWindow
from designer.ui.recovery import RecoveryStore
from designer.ui.theme import (
    MIN_POINT_SIZE,
    PRESENTATION_POINT_SIZE,
    current_point_size,
    current_theme,
)
from designer.ui.theme_colors import (
    DARK,
    DARK_HIGH_CONTRAST,
    LIGHT,
    LIGHT_HIGH_CONTRAST,
)


@pytest.fixture
def make_window(qtbot, tmp_path: Path):
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini")
    )
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "designer-tests", "p"
    )
    created: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(
            settings=settings, recovery=RecoveryStore(tmp_path / "recovery")
        )
        window.files.ask_save_changes = lambda _action: (
            QMessageBox.StandardButton.Discard
        )
        qtbot.addWidget(window)
        created.append(window)
        return window

    yield make
    for window in created:
        window.close()


def layout_of(window: MainWindow) -> dict[str, object]:
    docks = {
        dock.objectName(): (dock.isVisible(), dock.geometry()) for dock in window._docks
    }
    return {
        "docks": docks,
        "toolbar": window.toolbar.isVisible(),
        "status": window.statusBar().isVisible(),
        "geometry": window.geometry(),
        "zoom": window.view.zoom,
    }


def test_presentation_hides_the_chrome_and_leaving_restores_the_exact_layout(
    make_window, qtbot
) -> None:
    window = make_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.code_dock.show()
    window.code_dock.raise_()
    # The Code panel is built when first shown: measure once it is there.
    qtbot.waitUntil(lambda: window.code_page.content is not None)
    window.resizeDocks([window.inspector_dock], [333], Qt.Orientation.Horizontal)
    qtbot.wait(20)
    before = layout_of(window)

    window.action("presentation").trigger()  # View ▸ Presentation
    qtbot.wait(20)
    assert window.presentation.active
    assert window.action("presentation").isChecked()
    assert not any(dock.isVisible() for dock in window._docks)
    assert not any(bar.isVisible() for bar in window.findChildren(QToolBar))
    assert not window.statusBar().isVisible()
    assert window.view.isVisible()
    assert current_theme() is LIGHT_HIGH_CONTRAST
    assert current_point_size() == PRESENTATION_POINT_SIZE

    window.action("presentation").trigger()
    assert not window.presentation.active
    # Qt lays the window out again in posted events (the status bar takes its
    # normal height back a moment later on a busy machine): wait for it to settle.
    with contextlib.suppress(qtbot.TimeoutError):  # the assert below says what differs
        qtbot.waitUntil(lambda: layout_of(window) == before, timeout=2000)
    assert layout_of(window) == before
    assert current_theme() is LIGHT
    assert current_point_size() == MIN_POINT_SIZE


def test_f11_toggles_presentation_and_keeps_the_dark_theme(make_window, qtbot) -> None:
    window = make_window()
    window.apply_theme(True)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    assert "F11" in [s.toString() for s in window.action("presentation").shortcuts()]
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert window.presentation.active
    assert current_theme() is DARK_HIGH_CONTRAST
    assert window.view.network_scene.theme.dark
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert not window.presentation.active
    assert current_theme() is DARK
    window.apply_theme(False)


def test_the_training_plots_stay_in_the_train_workspace(make_window, qtbot) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.workspace.set_mode("train")
    window.presentation.set_active(True)
    assert window.training_dock.isVisible()
    assert not window.palette_dock.isVisible()
    window.presentation.set_active(False)
    assert window.workspace.mode == "train"
    assert window.action("mode_train").isChecked()


def test_high_contrast_themes_are_starker_than_their_base() -> None:
    def luminance(color: str) -> float:
        r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a: str, b: str) -> float:
        light, dark = sorted((luminance(a), luminance(b)), reverse=True)
        return (light + 0.05) / (dark + 0.05)

    for base, strong in ((LIGHT, LIGHT_HIGH_CONTRAST), (DARK, DARK_HIGH_CONTRAST)):
        assert strong.dark == base.dark
        assert contrast(strong.text, strong.window) > contrast(base.text, base.window)
        assert contrast(strong.muted, strong.base) > contrast(base.muted, base.base)
        assert contrast(strong.canvas.text, strong.canvas.card) >= contrast(
            base.canvas.text, base.canvas.card
        )


def test_the_cursor_highlight_follows_the_mouse_and_lets_clicks_through(
    make_window, qtbot
) -> None:
    window = make_window()
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    window.action("highlight_cursor").trigger()
    overlay = window.presentation.highlight
    assert overlay.isVisible()
    assert overlay.geometry() == window.rect()
    assert overlay.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    target = window.view.viewport()
    local = QPoint(120, 90)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(local),
        QPointF(target.mapToGlobal(local)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, move)
    assert overlay.position == overlay.mapFromGlobal(target.mapToGlobal(local))
    picture = overlay.grab().toImage()
    at = overlay.position
    assert picture.pixelColor(at.x(), at.y()).alpha() > 0
    window.resize(1000, 760)
    qtbot.wait(10)
    assert overlay.geometry() == window.rect()
    window.action("highlight_cursor").trigger()
    assert not overlay.isVisible()


def test_plots_follow_the_presentation_text_size(make_window, qtbot) -> None:
    from designer.ui.training.plots import TrainingPlots

    window = make_window()
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    axis = plots.loss_plot.getAxis("bottom")
    legend = plots.loss_plot.legend
    normal = axis.style["tickFont"].pointSizeF()
    assert legend.opts["labelTextSize"] == "8pt"
    window.presentation.set_active(True)
    assert axis.style["tickFont"].pointSizeF() >= PRESENTATION_POINT_SIZE - 2 > normal
    # The legend (train / validation) is read from the back of the room too.
    assert legend.opts["labelTextSize"] == f"{PRESENTATION_POINT_SIZE - 2}pt"
    assert f"{PRESENTATION_POINT_SIZE}pt" in plots.loss_plot.titleLabel.text or (
        plots.loss_plot.titleLabel.opts.get("size") == f"{PRESENTATION_POINT_SIZE}pt"
    )
    window.presentation.set_active(False)
    assert axis.style["tickFont"].pointSizeF() == normal
    assert legend.opts["labelTextSize"] == "8pt"


def test_counts_agree_with_their_number(make_window) -> None:
    from designer.ui.plurals import plural_form

    assert plural_form("1 layer(s)", 1) == "1 layer"
    assert plural_form("3 layer(s)", 3) == "3 layers"
    assert plural_form("0 epoch(s)", 0) == "0 epochs"
    assert plural_form("1 个层", 1) == "1 个层"  # a translation is left as it is
    window = make_window()
    window.document.add_node("Input", (0.0, 0.0), {"shape": [4]})
    window.refresh_now()
    total = window.summary.topLevelItem(window.summary.topLevelItemCount() - 1)
    assert total.text(1) == "1 layer"
    window.document.add_node("Linear", (200.0, 0.0), {"out_features": 2})
    window.refresh_now()
    total = window.summary.topLevelItem(window.summary.topLevelItemCount() - 1)
    assert total.text(1) == "2 layers"
