"""One theme source: the stylesheet template, no colour literals in widgets, plots
that follow the theme and count whole epochs."""

from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from designer.ui import theme_colors
from designer.ui.theme import (
    DARK,
    LIGHT,
    apply_theme,
    current_theme,
    stylesheet,
    stylesheet_template,
)
from designer.ui.training.plot_style import EpochAxis
from designer.ui.training.plots import TrainingPlots
from designer.ui.training.terms_plot import TERM_STYLES, LossTermsPlot

UI = Path(__file__).resolve().parents[2] / "designer" / "ui"
# Modules whose job is to hold colours.
THEME_MODULES = {"theme.py", "theme_colors.py", "canvas/colors.py"}
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
CSS_FUNCTION = re.compile(r"\brgba?\(")
CSS_NAMED = re.compile(
    r"\b(?:color|background(?:-color)?)\s*:\s*(?!transparent|none|palette|qlineargradient)[a-zA-Z]+\b"
)
COLOR_CALLS = {"QColor", "mkColor", "mkPen", "mkBrush", "setBackground", "fill"}


def colour_literals(source: str) -> list[tuple[int, str]]:
    """(line, what) for every colour written into ``source`` instead of taken from the theme."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(source)
    # An f-string's text parts are checked as one, at the f-string's line.
    in_fstrings = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    for node in ast.walk(tree):
        text = None
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in in_fstrings
        ):
            text = node.value
        if text is not None:
            for pattern in (HEX, CSS_FUNCTION, CSS_NAMED):
                match = pattern.search(text)
                if match:
                    found.append((node.lineno, match.group(0)))
            continue
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.attr
                if isinstance(func, ast.Attribute)
                else getattr(func, "id", "")
            )
            if name in COLOR_CALLS and any(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str | int)
                for arg in node.args
            ):
                found.append((node.lineno, f"{name}(<literal>)"))
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "GlobalColor"
            and node.attr != "transparent"
        ):
            found.append((node.lineno, f"GlobalColor.{node.attr}"))
    return sorted(found)


def test_the_checker_finds_colour_literals() -> None:
    source = (
        "a = '#fff'\n"
        "b = f'<span style=\"color:#dc2626\">{x}</span>'\n"
        "c = 'color: white; padding: 2px'\n"
        "d = QColor(255, 255, 255)\n"
        "e = pg.mkBrush(255, 255, 255, 210)\n"
        "f = w.setBackground('w')\n"
        "g = Qt.GlobalColor.red\n"
        "h = 'rgba(1, 2, 3, 4)'\n"
    )
    assert [line for line, _what in colour_literals(source)] == list(range(1, 9))
    clean = (
        "a = qcolor(theme.error)\n"
        "b = pixmap.fill(Qt.GlobalColor.transparent)\n"
        "c = 'background: transparent'\n"
        "d = '# a comment-like string, issue #12'\n"
    )
    assert colour_literals(clean) == []


def test_no_colour_literals_outside_the_theme_modules() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI).as_posix()
        if relative in THEME_MODULES:
            continue
        for line, what in colour_literals(path.read_text(encoding="utf-8")):
            offenders.append(f"designer/ui/{relative}:{line}: {what}")
    assert offenders == [], (
        "colours belong in designer/ui/theme_colors.py:\n" + "\n".join(offenders)
    )


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_one_template_fills_both_themes(theme: theme_colors.ThemeColors) -> None:
    template = stylesheet_template()
    assert not HEX.search(template), "colours belong in theme_colors, not the template"
    sheet = stylesheet(theme)
    assert "${" not in sheet
    assert f"QMainWindow, QDialog {{ background: {theme.window}; }}" in sheet
    assert f"QStatusBar QLabel {{ color: {theme.muted};" in sheet
    other = DARK if theme is LIGHT else LIGHT
    assert other.window not in sheet


def test_translucent_colours_become_rgba_for_qt() -> None:
    assert theme_colors.css("#ffffffe6") == "rgba(255, 255, 255, 230)"
    assert theme_colors.css("#2b2d30") == "#2b2d30"
    assert "rgba(43, 45, 48, 230)" in stylesheet(DARK)
    with pytest.raises(ValueError, match="#rrggbb"):
        theme_colors.rgba("#12345")


def test_both_themes_name_every_colour_role() -> None:
    for dataclass_ in (
        theme_colors.ThemeColors,
        theme_colors.CanvasColors,
        theme_colors.CodeColors,
        theme_colors.SeriesColors,
    ):
        for field in fields(dataclass_):
            if field.type in ("str", str) and field.name != "name":
                light = getattr(_part(LIGHT, dataclass_), field.name)
                dark = getattr(_part(DARK, dataclass_), field.name)
                theme_colors.rgba(light), theme_colors.rgba(dark)  # valid colours
    for style in TERM_STYLES.values():
        assert hasattr(LIGHT.series, style.color), style


def _part(theme, dataclass_):
    for name in ("canvas", "code", "series"):
        if isinstance(getattr(theme, name), dataclass_):
            return getattr(theme, name)
    return theme


@pytest.fixture
def light_again(qapp):
    yield
    apply_theme(qapp, dark=False)


def test_plots_follow_the_theme_live(qtbot, light_again) -> None:
    app = QApplication.instance()
    apply_theme(app, dark=False)
    plots = TrainingPlots()
    terms = LossTermsPlot()
    qtbot.addWidget(plots)
    qtbot.addWidget(terms)
    terms.add_epoch(1.0, {"kl": 0.5})
    widget = plots._layout_widget

    def colours():
        return (
            widget.backgroundBrush().color().name(),
            plots.loss_plot.getAxis("bottom").textPen().color().name(),
            plots.smooth_curve.opts["pen"].color().name(),
            terms._view.backgroundBrush().color().name(),
            terms.curves["kl"].opts["pen"].color().name(),
        )

    assert colours() == (
        LIGHT.plot_background,
        LIGHT.plot_foreground,
        LIGHT.series.blue,
        LIGHT.plot_background,
        LIGHT.series.orange,
    )
    apply_theme(app, dark=True)
    assert current_theme() is DARK
    assert colours() == (
        DARK.plot_background,
        DARK.plot_foreground,
        DARK.series.blue,
        DARK.plot_background,
        DARK.series.orange,
    )


def test_epoch_ticks_are_whole_epochs(qtbot) -> None:
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    axis = plots.loss_plot.getAxis("bottom")
    assert isinstance(axis, EpochAxis)
    for epochs, width in ((1, 400), (2, 600), (3, 300), (7, 900), (40, 500)):
        plots.set_epochs(epochs)
        low, high = plots.loss_plot.getViewBox().viewRange()[0]
        levels = axis.tickValues(low, high, width)
        values = [v for _spacing, ticks in levels for v in ticks]
        assert values, f"no ticks for {epochs} epochs"
        assert all(float(v).is_integer() for v in values), (epochs, values)
        assert axis.tickStrings(values, 1.0, 1.0) == [str(int(v)) for v in values]


def test_the_last_epoch_is_inside_the_view(qtbot) -> None:
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.set_epochs(5)
    low, high = plots.loss_plot.getViewBox().viewRange()[0]
    assert low < 0 and high >= 5 + 0.03 * 5
