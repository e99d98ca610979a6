"""The ``designer`` command: open the app, or validate / export / train a project.

``designer [FILE]`` opens the editor; the subcommands work without a display.
``designer --version`` prints the version and ``designer --install-desktop-entry``
adds designer to the Linux applications menu; neither needs Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from designer.graph.model import Project
from designer.graph.project_file import (
    ProjectFileError,
    atomic_write_text,
    load_project,
)
from designer.graph.shape import format_shape
from designer.shapes.infer import infer_shapes
from designer.shapes.problems import describe

SUBCOMMANDS = ("validate", "export", "train", "explain", "import", "runs")
EXIT_INVALID = 1
EXIT_UNREADABLE = 2


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


def _table(rows: list[list[str]], headers: list[str], right: set[int]) -> str:
    widths = [
        max(len(str(r[k])) for r in [headers, *rows]) for k in range(len(headers))
    ]

    def line(row: list[str]) -> str:
        cells = [
            str(c).rjust(w) if k in right else str(c).ljust(w)
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
        rows.append(
            ["Total", "", "", f"{analysis.total_params:,}", f"{analysis.total_macs:,}"]
        )
        title = (
            f"Network '{graph.name}'"
            if len(project.networks) > 1
            else f"Project '{project.name}'"
        )
        parts.append(title)
        parts.append(
            _table(rows, ["Name", "Type", "Output shape", "Params", "MACs"], {3, 4})
        )
        if unused:
            parts.append(
                "(…): unused, reaches no Output: left out of the export and the total"
            )
        for problem in analysis.problems:
            marker = "error" if problem.is_error else "warning"
            parts.append(f"{marker}: {describe(problem, analysis.graph)}")
        parts.append("")
    parts.append("valid" if valid else "INVALID: fix the errors above")
    return "\n".join(parts), valid


def _load(path: str) -> Project | None:
    try:
        return load_project(path)
    except ProjectFileError as error:
        print(f"designer: cannot open {error}", file=sys.stderr)
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
            "designer: --network and --weights are for ONNX exports (-o FILE.onnx); "
            "the code export writes every network's code, which loads weights itself",
            file=sys.stderr,
        )
        return EXIT_INVALID
    try:
        source = generate_code(project)
    except CodegenError as error:
        print(f"designer: {error}", file=sys.stderr)
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
            f"designer: cannot write {target}: {error.strerror or error}",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    print(f"wrote {target}")
    return 0


def _export_onnx(
    project: Project, target: Path, network: str | None, weights: str | None
) -> int:
    try:
        from designer.export.onnx_export import OnnxExportError, export_onnx
    except ImportError as error:  # pragma: no cover - torch and onnx are dependencies
        print(f"designer: ONNX export needs torch and onnx ({error})", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        written = export_onnx(project, target, network, weights=weights)
    except OnnxExportError as error:
        print(f"designer: {error}", file=sys.stderr)
        return EXIT_INVALID
    axes = sorted({a for axes in written.dynamic_axes.values() for a in axes.values()})
    print(
        f"wrote {target} (network {written.network!r}, ONNX opset "
        f"{written.opset}; dynamic sizes: {', '.join(axes)})"
    )
    return 0


def _export_with_train_script(
    project: Project, source: str, folder: Path, project_path: str
) -> int:
    from designer.export.train_script import TrainScriptError, generate_train_script

    try:
        script = generate_train_script(project, project_path=Path(project_path))
    except TrainScriptError as error:
        print(f"designer: {error}", file=sys.stderr)
        return EXIT_INVALID
    if folder.exists() and not folder.is_dir():
        print(
            f"designer: with --train-script, -o must be a folder; {folder} is a file",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_text(folder / "model.py", source)
    atomic_write_text(folder / "train.py", script)
    print(f"wrote {folder / 'model.py'} and {folder / 'train.py'}")
    return 0


def cmd_runs(args: argparse.Namespace) -> int:
    """``designer runs FILE``: the project's run history as an aligned table."""
    from designer.training.run_compare import SUMMARY_METRICS, table_rows
    from designer.training.run_history import HISTORY_SUFFIX, RunHistory

    path = Path(args.file)
    history = (
        RunHistory(path)
        if path.suffix == HISTORY_SUFFIX and path.is_dir()
        else RunHistory.for_project(path)
    )
    runs = history.runs()
    for problem in history.problems:
        print(f"designer runs: skipped a damaged run: {problem}", file=sys.stderr)
    if not runs:
        print(
            f"No runs of {path.name} are kept yet (looked in {history.folder}). "
            f"Train it in the app or with: designer train {args.file}"
        )
        return 0
    headers, rows = table_rows(runs)
    numeric = ("duration", "epochs done", *SUMMARY_METRICS)
    right = {k for k, header in enumerate(headers) if header in numeric}
    print(_table(rows, headers, right))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="designer",
        description="Build neural networks visually. Without a subcommand, opens the editor "
        "(designer [FILE] [--screenshot OUT.png] [--dark] [--lang zh_CN|en]).",
        epilog="designer --version prints the version; designer --install-desktop-entry "
        "adds designer and its icon to the applications menu (under $XDG_DATA_HOME).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = sub.add_parser(
        "validate", help="check a project and print every tensor's shape"
    )
    validate.add_argument("file", help="project file (.json)")
    validate.add_argument(
        "--json", action="store_true", help="print a machine-readable report"
    )
    validate.set_defaults(handler=cmd_validate)
    export = sub.add_parser(
        "export", help="write the PyTorch code of a project, or an ONNX file"
    )
    export.add_argument("file", help="project file (.json)")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        help="output .py file (or folder with --train-script); a name ending in "
        ".onnx writes the network as ONNX",
    )
    export.add_argument(
        "--network",
        help="with -o FILE.onnx: the network to export (default: the first)",
    )
    export.add_argument(
        "--weights",
        metavar="W",
        help="with -o FILE.onnx: trained weights (.safetensors or .pt) to put in; "
        "without it the network has fresh initial weights",
    )
    export.add_argument(
        "--train-script",
        action="store_true",
        help="also write a standalone train.py into the folder given by -o",
    )
    export.set_defaults(handler=cmd_export)
    _add_train(sub)
    runs = sub.add_parser(
        "runs", help="list the kept runs of a project and what differs between them"
    )
    runs.add_argument("file", help="project file (.json) or its .runs folder")
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
        print(f"designer: the editor cannot start ({error}).", file=sys.stderr)
        build_parser().print_help()
        return EXIT_UNREADABLE
    return run_app(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["--version"], ["-V"]):
        from designer.version import app_version

        print(f"designer {app_version()}")
        return 0
    if argv[:1] == ["--install-desktop-entry"]:
        from designer.desktop_entry import main as install_desktop_entry

        return install_desktop_entry()
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help")):
        return _open_app(argv)
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
