"""``designer explain FILE``: pictures of what a trained network does with one sample.

Writes into ``--out DIR`` one PNG per layer output, feature maps and filters per
convolution, saliency with Grad-CAM for classifiers, attention per head, and an
``index.md`` that lists them with the forward pass step by step.  Bad input gets
a message and exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from designer.i18n import Cli, translate
from designer.training.probes import pictures
from designer.training.probes.messages import (
    AttentionMap,
    FeatureMaps,
    LayerPreview,
    ProbeReport,
    Saliency,
    number,
)

EXIT_OK = 0
EXIT_FAILED = 1


class ExplainError(ValueError):
    """The pictures cannot be made; the message says why and what to do."""


@dataclass
class Written:
    """The files one run wrote, with a line describing each, for the index."""

    folder: Path
    files: list[tuple[str, str]] = field(
        default_factory=list
    )  # (file name, description)

    def save(self, image: Any, name: str, description: str) -> None:
        image.save(self.folder / name)
        self.files.append((name, description))


def file_stem(text: str) -> str:
    """A safe file-name piece: letters, digits, ``_`` and ``-``."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_") or "node"


# -- pictures of each kind of result -------------------------------------------------
def preview_picture(preview: LayerPreview) -> Any:
    title = f"{preview.name} ({preview.node_type})"
    stats = preview.stats
    subtitle = f"{stats.text()}{'  (capped)' if preview.capped else ''}"
    if preview.kind == "image":
        cell = 128 if preview.data.shape[0] == 1 else pictures.MIN_CELL
        body = pictures.channel_grid(preview.data, cell=cell)
    elif preview.kind == "sequence":
        body = pictures.heat_map(preview.data)
    elif preview.kind == "vector":
        body = pictures.bars(preview.data)
    else:
        body = pictures.titled(pictures.bars(np.zeros(1)), number(float(preview.data)))
    return pictures.titled(body, title, subtitle)


def feature_pictures(maps: FeatureMaps) -> list[tuple[Any, str, str]]:
    shown = maps.maps.shape[0]
    found = [
        (
            pictures.titled(
                pictures.channel_grid(maps.maps),
                f"{maps.name}: feature maps",
                f"{shown} of {maps.channels} channels",
            ),
            f"{file_stem(maps.name)}_feature_maps.png",
            f"every output channel of {maps.name}",
        )
    ]
    if maps.filters is not None:
        kind = "as images" if maps.filters_as_images else "blue < 0 < red"
        found.append(
            (
                pictures.titled(
                    pictures.filter_grid(maps.filters, maps.filters_as_images),
                    f"{maps.name}: learned filters",
                    f"{maps.filters.shape[0]} filters, {kind}",
                ),
                f"{file_stem(maps.name)}_filters.png",
                f"the learned filters of {maps.name}",
            )
        )
    return found


def saliency_picture(result: Saliency, sample: np.ndarray) -> Any:
    panels, captions = [], []
    attribution = result.gradient_x_input
    if attribution.ndim == 2:
        factor = pictures.scale_for(*attribution.shape, cell=160)
        base_rgb = pictures.picture(sample)
        panels.append(pictures.enlarge(base_rgb, factor))
        captions.append("input")
        panels.append(pictures.enlarge(pictures.signed_colours(attribution), factor))
        captions.append("gradient x input")
        if result.grad_cam is not None:
            panels.append(
                pictures.enlarge(pictures.overlay(sample, result.grad_cam), factor)
            )
            captions.append(f"Grad-CAM ({result.cam_layer})")
    else:
        panels.append(pictures.bars(attribution, width=320))
        captions.append("gradient x input")
    panels.append(
        pictures.probability_bars(result.probabilities, result.classes, result.target)
    )
    captions.append("class probabilities")
    predicted = result.classes[result.predicted]
    return pictures.titled(
        pictures.side_by_side(panels, captions),
        f"Why '{result.classes[result.target]}'?",
        f"predicted {predicted} ({float(result.probabilities[result.predicted]):.1%})",
    )


def attention_pictures(found: AttentionMap) -> list[tuple[Any, str, str]]:
    pictures_out = []
    for head, weights in enumerate(found.weights):
        body = pictures.heat_map(weights)
        pictures_out.append(
            (
                pictures.titled(
                    body,
                    f"{found.name}: attention, head {head + 1}",
                    f"rows: queries, columns: keys ({found.length} positions)",
                ),
                f"attention_{file_stem(found.name)}_head{head + 1}.png",
                f"attention weights of {found.name}, head {head + 1}",
            )
        )
    return pictures_out


def write_report(
    report: ProbeReport, sample: np.ndarray | None, written: Written, prefix: str = ""
) -> None:
    """All pictures of one network's report into ``written.folder``."""
    for k, preview in enumerate(report.previews):
        written.save(
            preview_picture(preview),
            f"{prefix}{k + 1:02d}_{file_stem(preview.name)}.png",
            f"output of {preview.name} ({preview.node_type}), {preview.stats.text()}",
        )
    for maps in report.feature_maps:
        for image, name, description in feature_pictures(maps):
            written.save(image, prefix + name, description)
    if report.saliency is not None and sample is not None:
        written.save(
            saliency_picture(report.saliency, sample),
            f"{prefix}saliency.png",
            "gradient x input"
            + (" and Grad-CAM" if report.saliency.grad_cam is not None else "")
            + " next to the class probabilities",
        )
    for found in report.attention:
        for image, name, description in attention_pictures(found):
            written.save(image, prefix + name, description)


def index_text(
    title: str, reports: list[ProbeReport], written: Written, notes: list[str]
) -> str:
    lines = [f"# {title}", ""]
    lines += [f"- note: {note}" for note in notes]
    for report in reports:
        if report.saliency is not None:
            s = report.saliency
            lines.append(
                f"- {report.network}: predicted **{s.classes[s.predicted]}** "
                f"({float(s.probabilities[s.predicted]):.1%})"
            )
        lines += [f"- note ({report.network}): {note}" for note in report.notes]
    lines += ["", "## Pictures", ""]
    lines += [
        f"- [{name}]({name}): {description}" for name, description in written.files
    ]
    for report in reports:
        lines += ["", f"## Forward pass of {report.network}, step by step", ""]
        for step in report.steps:
            outputs = "; ".join(slot.stats.text() for slot in step.outputs)
            lines.append(
                f"{step.index + 1}. **{step.name}** ({step.node_type}) → {outputs}"
            )
            if step.formula:
                lines += [
                    "",
                    "   ```",
                    *(f"   {line}" for line in step.formula.splitlines()),
                    "   ```",
                ]
    return "\n".join(lines) + "\n"


# -- the command ------------------------------------------------------------------------
def explain(
    project_path: str | Path,
    out: str | Path,
    weights: str | Path | None = None,
    dataset: str | None = None,
    sample: int = 0,
    target: int | None = None,
) -> Written:
    """Write the pictures for sample ``sample`` of the dataset; raises :class:`ExplainError`."""
    import torch

    from designer.codegen.build import build_networks
    from designer.codegen.module import CodegenError
    from designer.graph.project_file import (
        ProjectFileError,
        atomic_write_text,
        load_project,
    )
    from designer.training.checkpoints import (
        WeightsError,
        load_state,
        read_weights,
        weights_in,
    )
    from designer.training.datasets import DatasetError, load_dataset
    from designer.training.probes.capture import ProbeError
    from designer.training.probes.report import fits, network_inputs, probe_network

    try:
        project = load_project(project_path)
    except ProjectFileError as error:
        reason = error.worded(translate)
        raise ExplainError(Cli.tr("cannot open {0}").format(reason)) from None
    spec: Any = dataset or project.dataset
    if not spec or (isinstance(spec, dict) and not spec.get("name")):
        raise ExplainError(Cli.tr("the project names no dataset; pass --dataset NAME"))
    try:
        data = load_dataset(spec)
    except DatasetError as error:
        raise ExplainError(str(error)) from None
    if not 0 <= sample < len(data):
        raise ExplainError(
            Cli.tr("there is no sample {0}: the dataset {1} has samples 0…{2}").format(
                sample, repr(data.name), len(data) - 1
            )
        )
    torch.manual_seed(0)
    try:
        built = build_networks(project)
    except CodegenError as error:
        raise ExplainError(str(error)) from None
    notes: list[str] = []
    if weights is not None:
        try:
            load_state(
                {name: b.module for name, b in built.items()},
                read_weights(weights),
                weights_in(weights),
            )
        except WeightsError as error:
            raise ExplainError(str(error)) from None
    else:
        notes.append(
            "no --weights given: these are the pictures of an untrained network"
        )
    x = np.asarray(data.x[sample])
    if not any(fits(s, x) for b in built.values() for s in b.code.input_shapes):
        wanted = "; ".join(
            f"{name} takes {tuple(b.code.input_shapes[0][1:])}"
            for name, b in built.items()
        )
        raise ExplainError(
            Cli.tr(
                "the samples of {0} have shape {1}, which does not fit "
                "the project ({2}); pick a dataset that fits"
            ).format(repr(data.name), x.shape, wanted)
        )
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or error
        raise ExplainError(
            Cli.tr("cannot create {0}: {1}").format(folder, reason)
        ) from None
    written = Written(folder)
    reports = []
    for graph in project.networks:
        network = built[graph.name]
        inputs, input_notes = network_inputs(network, x, seed=sample)
        notes += [f"{graph.name}: {n}" for n in input_notes]
        try:
            report = probe_network(network, graph, inputs, data.classes, target)
        except ProbeError as error:
            raise ExplainError(str(error)) from None
        reports.append(report)
        prefix = f"{file_stem(graph.name)}_" if len(project.networks) > 1 else ""
        fed = x if not input_notes else None
        try:
            write_report(report, fed, written, prefix)
        except OSError as error:
            reason = error.strerror or error
            message = Cli.tr("cannot write into {0}: {1}").format(folder, reason)
            raise ExplainError(message) from None
    label = ""
    if data.classes is not None and np.ndim(data.y[sample]) == 0:
        label = f" (label: {data.classes[int(data.y[sample])]})"
    title = f"{project.name}: sample {sample} of {data.name}{label}"
    try:
        atomic_write_text(
            folder / "index.md", index_text(title, reports, written, notes)
        )
    except OSError as error:
        reason = error.strerror or error
        message = Cli.tr("cannot write into {0}: {1}").format(folder, reason)
        raise ExplainError(message) from None
    written.files.append(("index.md", "this list"))
    return written


def add_explain_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``explain`` subcommand to ``designer``'s argument parser."""
    parser = subparsers.add_parser(
        "explain",
        help=Cli.tr(
            "write pictures of what a network does with one sample (PNG + index.md)"
        ),
        description=Cli.tr(
            "Run one dataset sample through the network and write, as PNG files, every "
            "layer's output, feature maps and filters, saliency/Grad-CAM and attention "
            "per head."
        ),
    )
    parser.add_argument("file", help=Cli.tr("project file (.json)"))
    parser.add_argument(
        "--weights",
        metavar="W.safetensors",
        help=Cli.tr("trained weights (as designer train writes)"),
    )
    parser.add_argument(
        "--dataset",
        metavar="NAME|PATH",
        help=Cli.tr("dataset (default: the project's)"),
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=0,
        metavar="K",
        help=Cli.tr("which sample (default 0)"),
    )
    parser.add_argument(
        "--target",
        type=int,
        metavar="C",
        help=Cli.tr("class to explain (default: the predicted one)"),
    )
    parser.add_argument(
        "--out", required=True, metavar="DIR", help=Cli.tr("folder for the pictures")
    )
    parser.set_defaults(handler=run_explain)
    return parser


def run_explain(args: argparse.Namespace) -> int:
    try:
        written = explain(
            args.file, args.out, args.weights, args.dataset, args.sample, args.target
        )
    except ExplainError as error:
        print(Cli.tr("designer explain: {0}").format(error), file=sys.stderr)
        return EXIT_FAILED
    count = len(written.files)
    print(
        Cli.tr("wrote %n file(s) to {0} (see index.md)", "", count).format(
            written.folder
        )
    )
    return EXIT_OK
