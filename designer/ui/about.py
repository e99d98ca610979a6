"""The About box's text."""

from __future__ import annotations


def about_html() -> str:
    import platform

    import PySide6
    from PySide6.QtCore import QCoreApplication

    from designer.ui.theme import current_theme
    from designer.version import app_version

    own = app_version()
    return (
        f"<h3>designer {own}</h3>"
        "<p>"
        + QCoreApplication.translate(
            "About",
            "Build neural networks visually: drag layers onto the canvas, see every "
            "shape as you go, export readable PyTorch code and train in the background.",
        )
        + "</p>"
        f"<p style='color:{current_theme().muted}'>Python {platform.python_version()} · PySide6 {PySide6.__version__}</p>"
    )
