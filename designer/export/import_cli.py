"""``designer import FILE.py:Name --input 1x28x28 -o project.json``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from designer.i18n import Cli

EXIT_REFUSED = 1


def add_import_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import",
        help=Cli.tr(
            "draw an existing PyTorch model (traced with torch.fx) as a project"
        ),
        description=Cli.tr(
            "Build the model that FILE.py:Name makes (a class or a function; "
            "this runs the file's code), trace it with torch.fx and write a project whose "
            "generated code loads the model's weights and gives the same outputs."
        ),
    )
    parser.add_argument(
        "model", metavar="FILE.py:Name", help=Cli.tr("the model's file and name")
    )
    parser.add_argument(
        "--input",
        action="append",
        required=True,
        metavar="SHAPE",
        help=Cli.tr(
            "one input's sample shape without the batch, e.g. 1x28x28, or long:16 "
            "for 16 token ids (or 0/1 key padding flags); a recurrent layer's initial "
            "state as LAYERSxHIDDEN, e.g. 1x64; once per input of forward"
        ),
    )
    parser.add_argument(
        "--args",
        metavar="JSON",
        help=Cli.tr("keyword arguments for Name, as a JSON object"),
    )
    parser.add_argument(
        "-o", "--output", required=True, help=Cli.tr("project file to write (.json)")
    )
    parser.add_argument(
        "--weights",
        metavar="W.safetensors",
        help=Cli.tr(
            "also write the model's weights, renamed for the project's code "
            "(.safetensors, or .pt for torch.save)"
        ),
    )
    parser.set_defaults(handler=run_import)
    return parser


def run_import(args: argparse.Namespace) -> int:
    from designer.export.model_import import (
        InputSpec,
        ModelImportError,
        import_model,
        load_model,
    )
    from designer.graph.project_file import ProjectFileError, save_project

    try:
        specs = [InputSpec.parse(text) for text in args.input]
        model, path = load_model(args.model, args.args)
        name = args.model.rpartition(":")[2]
        result = import_model(model, specs, name, path)
    except ModelImportError as error:
        print(Cli.tr("designer import: {error}").format(error=error), file=sys.stderr)
        return EXIT_REFUSED
    output = Path(args.output)
    try:
        save_project(result.project, output)
    except (ProjectFileError, OSError) as error:
        print(
            Cli.tr("designer import: cannot write {path}: {reason}").format(
                path=output, reason=error
            ),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    if args.weights:
        from designer.graph.safe_files import atomic_write_bytes
        from designer.training.recipes.common import weights_bytes

        state = result.converted_state_dict(model.state_dict())
        safetensors = Path(args.weights).suffix == ".safetensors"
        try:
            atomic_write_bytes(Path(args.weights), weights_bytes(state, safetensors))
        except OSError as error:
            print(
                Cli.tr("designer import: cannot write {path}: {reason}").format(
                    path=args.weights, reason=error
                ),
                file=sys.stderr,
            )
            return EXIT_REFUSED
    graph = result.project.networks[0]
    print(
        Cli.tr("wrote {path}: %n card(s) from {model}", "", len(graph.nodes)).format(
            path=output, model=args.model
        )
    )
    for note in result.notes:
        print(note)
    return 0
