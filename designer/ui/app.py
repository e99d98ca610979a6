"""Starting the desktop app: ``designer [FILE] [--dark] [--lang zh_CN|en] [--screenshot OUT.png]``.

``--lang`` sets the interface language for this run only (not saved); without
it the language is the one chosen in View ▸ Language, else the system's.  It is
installed before the window is built, so the window starts translated.

``--screenshot`` renders the window (1400×900) to a PNG and exits; it shows no
dialogs, touches no settings and writes no recovery file, so it also works
headless with ``QT_QPA_PLATFORM=offscreen``.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

SCREENSHOT_SIZE = (1400, 900)
#: The interface languages (designer.ui.language.LANGUAGES; kept here so that
#: parsing the arguments loads no Qt).
LANGUAGE_CHOICES = ("en", "zh_CN")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="designer",
        description="Build neural networks visually and export them as PyTorch code.",
    )
    parser.add_argument("file", nargs="?", help="a project file (.json) to open")
    parser.add_argument("--dark", action="store_true", help="use the dark theme")
    parser.add_argument(
        "--lang",
        choices=LANGUAGE_CHOICES,
        help="the interface language for this run: en (English) or zh_CN "
        "(Simplified Chinese); not saved. Default: the one chosen in "
        "View > Language, else the system's",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        help="render the window to a PNG at PATH and exit (works headless)",
    )
    return parser.parse_args(argv)


def _application(argv: list[str]):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is not None:
        return existing
    # Must be set before the application exists: crisp rendering at 125 %/150 %.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    # The style given on the command line, not set from Python afterwards: see
    # designer.ui.theme.started_with_fusion.
    program = sys.argv[0] if sys.argv else "designer"
    app = QApplication([program, "-style", "Fusion", *argv])
    from designer.ui.theme import started_with_fusion

    started_with_fusion(app)
    from designer.ui.gui_thread_gc import collect_on_gui_thread

    collect_on_gui_thread(app)  # Qt objects are never freed by another thread's gc
    app.setApplicationName("designer")
    app.setOrganizationName("designer")
    app.setApplicationDisplayName("designer")
    app.setDesktopFileName("designer")  # matches designer.desktop (Wayland, docks)
    return app


def report_missing_resources(names: list[str], show_box: bool) -> None:
    """Say which of the package's files are missing: on stderr, and in a message
    box unless the app runs without dialogs (``--screenshot``)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from designer.resources import resources_root

    text = QCoreApplication.translate(
        "App",
        "designer cannot start: its installation is incomplete. Missing from {0}: {1}. "
        "Reinstall designer (pip install --force-reinstall designer, or pip install . "
        "in a checkout).",
    ).format(resources_root(), ", ".join(names))
    print(f"designer: {text}", file=sys.stderr)
    if show_box:
        QMessageBox.critical(None, "designer", text)


def run_app(argv: list[str]) -> int:
    """Run the desktop app (or take a screenshot); returns the exit status."""
    args = parse_args(argv)
    app = _application([])

    from designer.resources import MissingResourceError, missing_resources

    missing = missing_resources()
    if missing:
        report_missing_resources(missing, show_box=not args.screenshot)
        return 2
    try:
        return _run_window(app, args)
    except MissingResourceError as error:
        report_missing_resources([error.name], show_box=not args.screenshot)
        return 2


def _run_window(app, args: argparse.Namespace) -> int:
    from designer.ui.language import install_language, startup_language
    from designer.ui.main_window import MainWindow
    from designer.ui.settings import app_settings
    from designer.ui.termination import close_on_terminate
    from designer.ui.theme import app_icon, ensure_readable_font

    ensure_readable_font(app)
    app.setWindowIcon(app_icon())
    # Before the window is built, so that it starts in its language.
    install_language(startup_language(app_settings(), args.lang))
    if args.screenshot:
        return _screenshot(app, args)

    # Ctrl+C in the terminal ends the app; unsaved work stays in the recovery file.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _apply_look(app, True if args.dark else None, interactive=True)
    window = MainWindow(dark=True if args.dark else None)
    close_on_terminate(app, window)  # SIGTERM: no orphaned training process
    window.show()
    window.language.warn_if_no_font()
    if args.file:
        window.files.open_file(
            args.file, ask=False
        )  # a load error shows over the window
    else:
        window.files.offer_recovery()
    return app.exec()


def _apply_look(app, dark: bool | None, interactive: bool) -> None:
    """The window's theme applied before the window is built: styling widgets as
    they are made is much cheaper than re-polishing all of them afterwards."""
    from designer.ui.settings import app_settings, startup_look
    from designer.ui.theme import apply_theme

    apply_theme(app, *startup_look(app_settings(), dark, interactive))


def _screenshot(app, args: argparse.Namespace) -> int:
    from designer.ui.main_window import MainWindow

    _apply_look(app, args.dark, interactive=False)
    window = MainWindow(dark=args.dark, interactive=False)
    window.language.warn_if_no_font()
    if args.file and not window.files.open_file(args.file, ask=False):
        return 2
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    for _ in range(3):
        app.processEvents()
    # Fit the network, or, when fitting would make the cards unreadable, show its
    # start at a readable zoom (as opening a project does).
    window.view.show_start()
    app.processEvents()
    image = window.grab()
    target = Path(args.screenshot)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(
            f"designer: cannot create the folder {target.parent}: {error.strerror or error}",
            file=sys.stderr,
        )
        return 1
    if not image.save(str(target), "PNG"):
        print(f"designer: could not write the screenshot to {target}", file=sys.stderr)
        return 1
    window.close()
    return 0


def main() -> int:
    return run_app(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
