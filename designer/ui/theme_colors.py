"""Every colour of the light and dark themes, defined once.

Plain data (CSS hex strings, ``#rrggbb`` or ``#rrggbbaa`` with the alpha last as
in CSS), no Qt: the stylesheet template (``designer/resources/style.qss``), the
QPalette, the canvas, the code highlighter and the plots all read their colours
from a :class:`ThemeColors`.  No widget writes a colour literal of its own
(``tests/ui/test_theme.py`` checks).
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class CanvasColors:
    """What the network canvas paints with."""

    background: str
    grid_minor: str
    grid_major: str
    card: str
    card_border: str
    shadow: str
    text: str
    text_muted: str
    shape_fill: str
    shape_text: str
    edge: str
    label_fill: str
    label_border: str
    label_text: str
    selection: str
    error: str
    warning: str
    port: str
    port_border: str
    highlight: str
    rubber_band: str
    on_header: str  # text and glyphs on a saturated category header
    on_header_muted: str


@dataclass(frozen=True)
class CodeColors:
    """Syntax colours of the generated Python code."""

    keyword: str
    builtin: str
    self_word: str
    string: str
    number: str
    comment: str
    decorator: str
    definition: str


@dataclass(frozen=True)
class SeriesColors:
    """Colours of plotted data, by hue, each readable on the theme's plot background."""

    blue: str
    pale_blue: str
    orange: str
    green: str
    violet: str
    crimson: str
    teal: str
    grey: str
    ink: str  # nearly the text colour: a sum of other curves
    pink: str
    olive: str
    amber: str
    cyan: str
    purple: str
    guide: str  # dotted reference lines (0.5, "now")
    mistake: str
    correct: str


@dataclass(frozen=True)
class ThemeColors:
    """A theme's named colour roles; the stylesheet template uses the str fields by name."""

    name: str
    dark: bool
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    button: str
    hover: str
    pressed: str
    highlight: str
    highlight_text: str
    highlight_hover: str
    border: str
    scrollbar: str
    icon: str
    error: str
    warning: str
    success: str
    error_background: str
    warning_background: str
    # message banners: (background, border, text) per kind; error/warning backgrounds above
    info_background: str
    info_border: str
    info_text: str
    success_background: str
    success_border: str
    success_text: str
    warning_border: str
    warning_text: str
    error_border: str
    error_text: str
    code_background: str
    overlay: str  # the translucent panel over the empty canvas
    shadow: str
    plot_background: str
    plot_foreground: str  # axis text and titles
    plot_axis: str
    plot_legend: str
    canvas: CanvasColors
    code: CodeColors
    series: SeriesColors


LIGHT = ThemeColors(
    name="light",
    dark=False,
    window="#f3f4f6",
    base="#ffffff",
    alternate="#f7f8fa",
    text="#1f2328",
    muted="#6a737d",
    button="#ffffff",
    hover="#e8ebef",
    pressed="#dde1e6",
    highlight="#2f6fed",
    highlight_text="#ffffff",
    highlight_hover="#3b7cf0",
    border="#d0d4da",
    scrollbar="#c4c9d0",
    icon="#3b4350",
    error="#d1242f",
    warning="#b08800",
    success="#1a7f37",
    error_background="#fff0f0",
    warning_background="#fff8e1",
    info_background="#e7f1fb",
    info_border="#a5c8ec",
    info_text="#1c4f80",
    success_background="#e8f6ec",
    success_border="#9fd3ad",
    success_text="#1d6b34",
    warning_border="#f0d27a",
    warning_text="#6b5200",
    error_border="#f2a5a5",
    error_text="#9b1c1c",
    code_background="#fbfbfc",
    overlay="#ffffffe6",
    shadow="#000000",
    plot_background="#ffffff",
    plot_foreground="#444444",
    plot_axis="#888888",
    plot_legend="#ffffffd2",
    canvas=CanvasColors(
        background="#f6f7f9",
        grid_minor="#eceef2",
        grid_major="#dde1e7",
        card="#ffffff",
        card_border="#c5cbd3",
        shadow="#0f172a24",
        text="#111827",
        text_muted="#4b5563",
        shape_fill="#eef2f7",
        shape_text="#1f2937",
        edge="#6b7280",
        label_fill="#ffffff",
        label_border="#cfd5dd",
        label_text="#1f2937",
        selection="#f59e0b",
        error="#dc2626",
        warning="#d97706",
        port="#ffffff",
        port_border="#4b5563",
        highlight="#16a34a",
        rubber_band="#2563eb28",
        on_header="#ffffff",
        on_header_muted="#ffffffd7",
    ),
    code=CodeColors(
        keyword="#0033b3",
        builtin="#7a3e9d",
        self_word="#94558d",
        string="#067d17",
        number="#1750eb",
        comment="#8c8c8c",
        decorator="#9e880d",
        definition="#00627a",
    ),
    series=SeriesColors(
        blue="#1f5fbf",
        pale_blue="#9ab8de",
        orange="#e8590c",
        green="#2b8a3e",
        violet="#7048e8",
        crimson="#c2255c",
        teal="#0c8599",
        grey="#868e96",
        ink="#343a40",
        pink="#d6336c",
        olive="#5c940d",
        amber="#f08c00",
        cyan="#3bc9db",
        purple="#9c36b5",
        guide="#adb5bd",
        mistake="#e03131",
        correct="#2b8a3e",
    ),
)

DARK = ThemeColors(
    name="dark",
    dark=True,
    window="#1e1f22",
    base="#2b2d30",
    alternate="#26282b",
    text="#dfe1e5",
    muted="#8c9199",
    button="#393b40",
    hover="#35373b",
    pressed="#43454a",
    highlight="#3574f0",
    highlight_text="#ffffff",
    highlight_hover="#4a85f5",
    border="#43454a",
    scrollbar="#55585e",
    icon="#ced0d6",
    error="#f75464",
    warning="#e0b341",
    success="#57a64a",
    error_background="#3c2326",
    warning_background="#3a3320",
    info_background="#1f2d3d",
    info_border="#2f5a86",
    info_text="#a9cdf5",
    success_background="#1f3324",
    success_border="#2f6b3c",
    success_text="#9fd8ab",
    warning_border="#7a6526",
    warning_text="#f0d27a",
    error_border="#7a3036",
    error_text="#f5a5ad",
    code_background="#1e1f22",
    overlay="#2b2d30e6",
    shadow="#000000",
    plot_background="#2b2d30",
    plot_foreground="#c9ccd1",
    plot_axis="#6f737a",
    plot_legend="#2b2d30d2",
    canvas=CanvasColors(
        background="#1b1e24",
        grid_minor="#22262d",
        grid_major="#2d323b",
        card="#2a2f38",
        card_border="#444b57",
        shadow="#0000005a",
        text="#f3f4f6",
        text_muted="#b6bcc7",
        shape_fill="#1f242c",
        shape_text="#e5e7eb",
        edge="#9aa3b2",
        label_fill="#262b33",
        label_border="#4a515e",
        label_text="#e5e7eb",
        selection="#fbbf24",
        error="#f87171",
        warning="#fbbf24",
        port="#2a2f38",
        port_border="#c0c7d2",
        highlight="#4ade80",
        rubber_band="#60a5fa32",
        on_header="#ffffff",
        on_header_muted="#ffffffd7",
    ),
    code=CodeColors(
        keyword="#cf8e6d",
        builtin="#c77dbb",
        self_word="#94558d",
        string="#6aab73",
        number="#2aacb8",
        comment="#7a7e85",
        decorator="#b3ae60",
        definition="#56a8f5",
    ),
    series=SeriesColors(
        blue="#5c9cf5",
        pale_blue="#3d5a80",
        orange="#ff8c42",
        green="#51cf66",
        violet="#9775fa",
        crimson="#f06595",
        teal="#3bc9db",
        grey="#adb5bd",
        ink="#e9ecef",
        pink="#f783ac",
        olive="#94d82d",
        amber="#ffc078",
        cyan="#66d9e8",
        purple="#da77f2",
        guide="#6c757d",
        mistake="#ff6b6b",
        correct="#51cf66",
    ),
)


# Presentation mode (View ▸ Presentation): the same themes at projector contrast —
# full black or white text, darker muted text and borders, a plain background.
LIGHT_HIGH_CONTRAST = replace(
    LIGHT,
    name="light-high-contrast",
    window="#ffffff",
    alternate="#f2f3f5",
    text="#000000",
    muted="#30363d",
    border="#5c6470",
    icon="#000000",
    plot_foreground="#000000",
    plot_axis="#30363d",
    canvas=replace(
        LIGHT.canvas,
        background="#ffffff",
        card_border="#4b5563",
        text="#000000",
        text_muted="#1f2937",
        shape_text="#000000",
        edge="#1f2937",
        label_border="#4b5563",
        label_text="#000000",
        port_border="#1f2937",
    ),
    series=replace(LIGHT.series, pale_blue="#6f95c9", guide="#6a737d"),
)
DARK_HIGH_CONTRAST = replace(
    DARK,
    name="dark-high-contrast",
    window="#000000",
    base="#121316",
    alternate="#0b0c0e",
    text="#ffffff",
    muted="#c9cdd3",
    border="#8a9099",
    icon="#ffffff",
    plot_background="#000000",
    plot_foreground="#ffffff",
    plot_axis="#c0c4ca",
    plot_legend="#000000d2",
    canvas=replace(
        DARK.canvas,
        background="#000000",
        grid_minor="#15181d",
        grid_major="#2a2f38",
        card="#16191f",
        card_border="#9aa3b2",
        text="#ffffff",
        text_muted="#e5e7eb",
        shape_text="#ffffff",
        edge="#d1d5db",
        label_fill="#16191f",
        label_border="#9aa3b2",
        label_text="#ffffff",
        port_border="#e5e7eb",
    ),
    series=replace(DARK.series, pale_blue="#5f82b5", guide="#9aa0a6"),
)


def theme_colors(dark: bool, high_contrast: bool = False) -> ThemeColors:
    """The light or dark theme, or its projector variant when ``high_contrast``."""
    if high_contrast:
        return DARK_HIGH_CONTRAST if dark else LIGHT_HIGH_CONTRAST
    return DARK if dark else LIGHT


def rgba(color: str) -> tuple[int, int, int, int]:
    """``#rgb``, ``#rrggbb`` or ``#rrggbbaa`` (CSS order) → (r, g, b, a)."""
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    if len(digits) == 6:
        digits += "ff"
    if len(digits) != 8:
        raise ValueError(f"not a #rrggbb or #rrggbbaa colour: {color!r}")
    return tuple(int(digits[i : i + 2], 16) for i in range(0, 8, 2))  # type: ignore[return-value]


def css(color: str) -> str:
    """The colour as Qt's stylesheets read it: ``#rrggbb``, or ``rgba(r, g, b, a)``
    when translucent (Qt reads ``#aarrggbb``, the other way round from CSS)."""
    r, g, b, a = rgba(color)
    if a == 255:
        return f"#{r:02x}{g:02x}{b:02x}"
    return f"rgba({r}, {g}, {b}, {a})"


# Data colours, the same in both themes (the data, not the app, decides them).
CLASS_COLORS = (  # one per class, matplotlib's "tab10"
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
HEATMAP = ("#f7fbff", "#6baed6", "#08306b")  # confusion matrix: none → all of a row
HEATMAP_TEXT = ("#1a1a1a", "#ffffff")  # counts on pale and on dark cells
# Gradient flow on the cards (View ▸ Show Gradient Colours): a layer whose gradient
# has all but vanished, a healthy one, and one whose gradient explodes.
GRADIENT_FLOW = ("#3b82f6", "#22c55e", "#ef4444")
