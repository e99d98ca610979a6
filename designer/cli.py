"""The ``designer`` command: open the app, or validate / export / train a project.

``designer [FILE]`` opens the editor; the subcommands work without a display.
``designer --version`` prints the version and ``designer --install-desktop-entry``
adds designer to the Linux applications menu; neither needs Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from unicodedata import east_asian_width

from designer.graph.model import Graph, Project
from designer.graph.project_file import (
    ProjectFileError,
    atomic_write_text,
    load_project,
)
from designer.graph.shape import format_shape
from designer.i18n import (
    LANGUAGES,
    Cli,
    set_language,
    translate,
    translate_argparse,
)
from designer.shapes.infer import infer_shapes
from designer.shapes.problems import Problem, describe, sentence_message

SUBCOMMANDS = ("validate", "export", "train", "explain", "import", "runs")
EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE
LANGUAGE_OPTION = "--lang"


def problem_text(problem: Problem, graph: Graph) -> str:
    """:func:`~designer.shapes.problems.describe` in the command line's language."""
    message = sentence_message(problem, graph)
    return describe(problem, graph) if message is None else message.worded(translate)


def _shape_list(shape: tuple | None) -> list[Any] | None:
    return None if shape is None else list(shape)


def validation_report(project: Project) -> dict[str, Any]:
    """The ``--json`` document of ``designer validate``."""
    analyses = [infer_shapes(graph) for graph in project.networks]
    report: dict[str, Any] = {
        "valid": all(a.valid for a in analyses),
        "errors": [],
        "warnings": [],
        "nodes": [],
        "inputs": [],
        "outputs": [],
        "total_params": sum(a.total_params for a in analyses),
        "total_macs": sum(a.total_macs for a in analyses),
        "networks": [],
    }
    for analysis in analyses:
        graph = analysis.graph
        for problem in analysis.problems:
            entry = {
                "node": problem.node,
                "message": describe(problem, graph),
            }
            report["errors" if problem.is_error else "warnings"].append(entry)
        for node in graph.nodes:
            shape = analysis.shape_of(node.id)
            info = analysis.nodes.get(node.id)
            report["nodes"].append(
                {
                    "id": node.id,
                    "name": node.name,
                    "type": node.type,
                    "output_shape": _shape_list(shape),
                    "params": info.params if info else None,
                    # False: reaches no Output, so left out of the export and totals
                    "used": node.id in analysis.live,
                }
            )
            if node.type == "Input":
                report["inputs"].append(
                    {
                        "name": node.name,
                        "shape": _shape_list(shape),
                        "dtype": node.params["dtype"],
                    }
                )
            elif node.type == "Output":
                report["outputs"].append(
                    {"name": node.name, "shape": _shape_list(shape)}
                )
        report["networks"].append(
            {
                "name": graph.name,
                "valid": analysis.valid,
                "nodes": [node.id for node in graph.nodes],
                "total_params": analysis.total_params,
            }
        )
    return report


def text_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[list[str]], headers: list[str], right: set[int]) -> str:
    widths = [
        max(text_width(str(r[k])) for r in [headers, *rows])
        for k in range(len(headers))
    ]

    def padded(text: str, width: int, at_right: bool) -> str:
        fill = " " * (width - text_width(text))
        return fill + text if at_right else text + fill

    def line(row: list[str]) -> str:
        cells = [
            padded(str(c), w, k in right)
            for k, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def render_summary(project: Project) -> tuple[str, bool]:
    """A human summary table per network plus the problems; returns (text, valid)."""
    parts: list[str] = []
    valid = True
    for graph in project.networks:
        analysis = infer_shapes(graph)
        valid &= analysis.valid
        rows = []
        ordered = analysis.order + [
            n.id for n in graph.nodes if n.id not in analysis.nodes
        ]
        unused = False
        for node_id in ordered:
            node = graph.node(node_id)
            info = analysis.nodes.get(node_id)
            shape = format_shape(info.shape) if info and info.shape else "?"
            counts = [f"{info.params:,}", f"{info.macs:,}"] if info else ["-", "-"]
            if info and node_id not in analysis.live and node.type != "Input":
                counts = [f"({count})" for count in counts]  # not in the totals
                unused = True
            rows.append([node.name, node.type, shape, *counts])
        total = [f"{analysis.total_params:,}", f"{analysis.total_macs:,}"]
        rows.append([Cli.tr("Total"), "", "", *total])
        title = (
            Cli.tr("Network '{name}'").format(name=graph.name)
            if len(project.networks) > 1
            else Cli.tr("Project '{name}'").format(name=project.name)
        )
        parts.append(title)
        headers = [
            Cli.tr("Name"),
            Cli.tr("Type"),
            Cli.tr("Output shape"),
            Cli.tr("Params"),
            "MACs",
        ]
        parts.append(_table(rows, headers, {3, 4}))
        if unused:
            parts.append(
                Cli.tr(
                    "(…): unused, reaches no Output: left out of the export and the total"
                )
            )
        for problem in analysis.problems:
            text = problem_text(problem, analysis.graph)
            if problem.is_error:
                parts.append(Cli.tr("error: {problem}").format(problem=text))
            else:
                parts.append(Cli.tr("warning: {problem}").format(problem=text))
        parts.append("")
    parts.append(Cli.tr("valid") if valid else Cli.tr("INVALID: fix the errors above"))
    return "\n".join(parts), valid


def _load(path: str) -> Project | None:
    try:
        return load_project(path)
    except ProjectFileError as error:
        message = error.worded(translate)
        print(
            Cli.tr("designer: cannot open {error}").format(error=message),
            file=sys.stderr,
        )
        return None


def cmd_validate(args: argparse.Namespace) -> int:
    project = _load(args.file)
    if project is None:
        return EXIT_UNREADABLE
    if args.json:
        report = validation_report(project)
        print(json.dumps(report, indent=2))
        return 0 if report["valid"] else EXIT_INVALID
    text, valid = render_summary(project)
    print(text)
    return 0 if valid else EXIT_INVALID


def cmd_export(args: argparse.Namespace) -> int:
    from designer.codegen.module import CodegenError, generate_code

    project = _load(args.file)
    if project is None:
        return EXIT_UNREADABLE
    if Path(args.output).suffix.lower() == ".onnx":
        return _export_onnx(project, Path(args.output), args.network, args.weights)
    if args.network is not None or args.weights is not None:
        print(
            Cli.tr(
                "designer: --network and --weights are for ONNX exports (-o FILE.onnx); "
                "the code export writes every network's code, which loads weights itself"
            ),
            file=sys.stderr,
        )
        return EXIT_INVALID
    try:
        source = generate_code(project)
    except CodegenError as error:
        reason = error.message.worded(translate)
        print(Cli.tr("designer: {error}").format(error=reason), file=sys.stderr)
        return EXIT_INVALID
    target = Path(args.output)
    try:
        if args.train_script:
            return _export_with_train_script(project, source, target, args.file)
        if target.is_dir():
            target = target / "model.py"
        atomic_write_text(target, source)
    except OSError as error:
        print(
            Cli.tr("designer: cannot write {path}: {reason}").format(
                path=target, reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    print(Cli.tr("wrote {path}").format(path=target))
    return 0


def _export_onnx(
    project: Project, target: Path, network: str | None, weights: str | None
) -> int:
    try:
        from designer.export.onnx_export import OnnxExportError, export_onnx
    except ImportError as error:  # pragma: no cover - torch and onnx are dependencies
        print(
            Cli.tr("designer: ONNX export needs torch and onnx ({error})").format(
                error=error
            ),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    try:
        written = export_onnx(project, target, network, weights=weights)
    except OnnxExportError as error:
        reason = error.message.worded(translate)
        print(Cli.tr("designer: {error}").format(error=reason), file=sys.stderr)
        return EXIT_INVALID
    axes = sorted({a for axes in written.dynamic_axes.values() for a in axes.values()})
    print(
        Cli.tr(
            "wrote {path} (network {network}, ONNX opset {opset}; dynamic sizes: {axes})"
        ).format(
            path=target,
            network=repr(written.network),
            opset=written.opset,
            axes=", ".join(axes),
        )
    )
    return 0


def _export_with_train_script(
    project: Project, source: str, folder: Path, project_path: str
) -> int:
    from designer.export.train_script import TrainScriptError, generate_train_script

    try:
        script = generate_train_script(project, project_path=Path(project_path))
    except TrainScriptError as error:
        reason = error.message.worded(translate)
        print(Cli.tr("designer: {error}").format(error=reason), file=sys.stderr)
        return EXIT_INVALID
    if folder.exists() and not folder.is_dir():
        print(
            Cli.tr(
                "designer: with --train-script, -o must be a folder; {path} is a file"
            ).format(path=folder),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_text(folder / "model.py", source)
    atomic_write_text(folder / "train.py", script)
    print(
        Cli.tr("wrote {first} and {second}").format(
            first=folder / "model.py", second=folder / "train.py"
        )
    )
    return 0


def cmd_runs(args: argparse.Namespace) -> int:
    """``designer runs FILE``: the project's run history as an aligned table."""
    from designer.training.run_compare import (
        SUMMARY_METRICS,
        column_title,
        table_rows,
    )
    from designer.training.run_history import HISTORY_SUFFIX, RunHistory

    path = Path(args.file)
    history = (
        RunHistory(path)
        if path.suffix == HISTORY_SUFFIX and path.is_dir()
        else RunHistory.for_project(path)
    )
    runs = history.runs()
    for problem in history.problems:
        print(
            Cli.tr("designer runs: skipped a damaged run: {problem}").format(
                problem=problem
            ),
            file=sys.stderr,
        )
    if not runs:
        print(
            Cli.tr(
                "No runs of {name} are kept yet (looked in {folder}). "
                "Train it in the app or with: designer train {file}"
            ).format(name=path.name, folder=history.folder, file=args.file)
        )
        return 0
    headers, rows = table_rows(runs, translate)
    numeric = ("duration", "epochs done", *SUMMARY_METRICS)
    right = {k for k, header in enumerate(headers) if header in numeric}
    print(_table(rows, [column_title(h, translate) for h in headers], right))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="designer",
        description=Cli.tr(
            "Build neural networks visually. Without a subcommand, opens the editor "
            "(designer [FILE] [--screenshot OUT.png] [--dark] [--lang zh_CN|en])."
        ),
        epilog=Cli.tr(
            "designer --version prints the version; designer --install-desktop-entry "
            "adds designer and its icon to the applications menu (under $XDG_DATA_HOME)."
        ),
    )
    parser.add_argument(
        LANGUAGE_OPTION,
        choices=LANGUAGES,
        help=Cli.tr(
            "the language of the messages (default: from the locale, LANG and LC_*)"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar=Cli.tr("COMMAND"))
    validate = sub.add_parser(
        "validate", help=Cli.tr("check a project and print every tensor's shape")
    )
    validate.add_argument("file", help=Cli.tr("project file (.json)"))
    validate.add_argument(
        "--json", action="store_true", help=Cli.tr("print a machine-readable report")
    )
    validate.set_defaults(handler=cmd_validate)
    export = sub.add_parser(
        "export", help=Cli.tr("write the PyTorch code of a project, or an ONNX file")
    )
    export.add_argument("file", help=Cli.tr("project file (.json)"))
    export.add_argument(
        "-o",
        "--output",
        required=True,
        help=Cli.tr(
            "output .py file (or folder with --train-script); a name ending in "
            ".onnx writes the network as ONNX"
        ),
    )
    export.add_argument(
        "--network",
        help=Cli.tr("with -o FILE.onnx: the network to export (default: the first)"),
    )
    export.add_argument(
        "--weights",
        metavar="W",
        help=Cli.tr(
            "with -o FILE.onnx: trained weights (.safetensors or .pt) to put in; "
            "without it the network has fresh initial weights"
        ),
    )
    export.add_argument(
        "--train-script",
        action="store_true",
        help=Cli.tr("also write a standalone train.py into the folder given by -o"),
    )
    export.set_defaults(handler=cmd_export)
    _add_train(sub)
    runs = sub.add_parser(
        "runs",
        help=Cli.tr("list the kept runs of a project and what differs between them"),
    )
    runs.add_argument("file", help=Cli.tr("project file (.json) or its .runs folder"))
    runs.set_defaults(handler=cmd_runs)
    _add_explain(sub)
    _add_import(sub)
    return parser


def _add_train(sub: argparse._SubParsersAction) -> None:
    try:
        from designer.training.cli_train import add_train_parser
    except ImportError:  # the training package is optional for validate/export
        return
    add_train_parser(sub)


def _add_explain(sub: argparse._SubParsersAction) -> None:
    try:
        from designer.training.explain import add_explain_parser
    except ImportError:  # the training package is optional for validate/export
        return
    add_explain_parser(sub)


def _add_import(sub: argparse._SubParsersAction) -> None:
    from designer.export.import_cli import add_import_parser

    add_import_parser(sub)


def _open_app(argv: Sequence[str]) -> int:
    try:
        from designer.ui.app import run_app
    except ImportError as error:
        print(
            Cli.tr("designer: the editor cannot start ({error}).").format(error=error),
            file=sys.stderr,
        )
        build_parser().print_help()
        return EXIT_UNREADABLE
    return run_app(list(argv))


def split_language(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` (or ``--lang=X``) taken out of ``argv``: (X or None, the rest)."""
    rest: list[str] = []
    language = None
    words = iter(argv)
    for word in words:
        if word == LANGUAGE_OPTION:
            language = next(words, "")
        elif word.startswith(LANGUAGE_OPTION + "="):
            language = word.partition("=")[2]
        else:
            rest.append(word)
    return language, rest


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["--version"], ["-V"]):
        from designer.version import app_version

        print(f"designer {app_version()}")
        return 0
    if argv[:1] == ["--install-desktop-entry"]:
        from designer.desktop_entry import main as install_desktop_entry

        return install_desktop_entry()
    language, rest = split_language(argv)
    if not rest or (rest[0] not in SUBCOMMANDS and rest[0] not in ("-h", "--help")):
        return _open_app(argv)  # the window reads its own --lang
    if language is not None and language not in LANGUAGES:
        message = Cli.tr("designer: no language {language}; use one of {choices}")
        print(
            message.format(language=repr(language), choices=", ".join(LANGUAGES)),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    set_language(language)
    translate_argparse()
    args = build_parser().parse_args(rest)
    try:
        status = args.handler(args)
        sys.stdout.flush()  # a closed pipe is found here, not at exit
        return status
    except BrokenPipeError:
        # The reader went away (``designer validate … | head``): stop quietly, and
        # keep Python from reporting the pipe again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
