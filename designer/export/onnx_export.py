"""A project's network → an ONNX file, checked with ``onnx.checker``.

The network is built from the same generated source as the exported model.py
(:func:`designer.codegen.build.build_networks`) and exported with PyTorch's
TorchScript-based exporter (``torch.onnx.export(..., dynamo=False)``), the one
that has been stable for years; the batch axis of every input and output is
dynamic, and so is every named size (a sequence length ``L``) of an input.

A layer ONNX cannot express is refused with a message naming the layer, taken
from the module scope PyTorch reports with the failing operator.  torch and
onnx are imported inside the functions: importing this module needs neither.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from designer.codegen.build import BuiltNetwork, build_networks
from designer.codegen.module import CodegenError
from designer.graph.model import Project
from designer.graph.safe_files import atomic_write_bytes
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message, MessageError
from designer.shapes.infer import infer_shapes

__all__ = ["OPSET", "OnnxExportError", "OnnxExport", "export_onnx", "sample_inputs"]

OPSET = 17
BATCH_AXIS = "batch"
# The batch exported with: above 1, so that the exporter cannot fold it into a constant.
EXAMPLE_BATCH = 2
_OPERATOR = re.compile(r"operator '?([\w:]+)")


NO_SUCH_NETWORK = QT_TRANSLATE_NOOP(
    "Problem", "the project has no network {name}; its networks are {names}"
)
THE_LAYER = QT_TRANSLATE_NOOP("Problem", "the layer {name} ({type})")
A_LAYER = QT_TRANSLATE_NOOP("Problem", "a layer")
NO_ONNX_FORM = QT_TRANSLATE_NOOP(
    "Problem",
    "{layer} of the network {name} cannot be written as ONNX: {reason}. Change or "
    "remove it, or export the PyTorch code instead",
)
NO_ONNX_PACKAGE = QT_TRANSLATE_NOOP(
    "Problem",
    "ONNX export needs the onnx package, which is not installed: "
    "pip install 'designer[onnx]' (or pip install onnx onnxscript)",
)
CHECKER_FAILED = QT_TRANSLATE_NOOP(
    "Problem",
    "the ONNX model of the network {name} does not pass onnx.checker: {error}",
)
NOT_WRITTEN = QT_TRANSLATE_NOOP("Problem", "cannot write {path}: {error}")


class OnnxExportError(MessageError):
    """The network cannot be written as ONNX; ``message`` says why, for people
    (translated by the window and the command line)."""


@dataclass
class OnnxExport:
    """What was written: the network, its inputs' dynamic axes, and the file."""

    network: str
    path: str
    input_names: list[str]
    output_names: list[str]
    opset: int
    dynamic_axes: dict[str, dict[int, str]] = field(default_factory=dict)


def _pick(
    built: dict[str, BuiltNetwork], network: str | None
) -> tuple[str, BuiltNetwork]:
    if network is None:
        name = next(iter(built))
        return name, built[name]
    if network not in built:
        raise OnnxExportError(
            Message.of(
                NO_SUCH_NETWORK,
                name=repr(network),
                names=", ".join(repr(n) for n in built),
            )
        )
    return network, built[network]


def sample_inputs(
    network: BuiltNetwork,
    batch: int,
    seed: int = 0,
    sizes: dict[str, int] | None = None,
) -> list[Any]:
    """A seeded batch of ``batch`` for every input; ``sizes`` gives named sizes (L)."""
    import torch

    code = network.code
    generator = torch.Generator().manual_seed(seed)
    values = {**code.example_sizes, **(sizes or {})}
    tensors = []
    for shape, dtype, vocabulary in zip(
        code.input_shapes, code.input_dtypes, code.token_ranges, strict=True
    ):
        size = (
            batch,
            *(values.get(d, 16) if isinstance(d, str) else d for d in shape[1:]),
        )
        if dtype == "long":
            tensors.append(torch.randint(0, vocabulary, size, generator=generator))
        else:
            tensors.append(torch.randn(size, generator=generator))
    return tensors


def _dynamic_axes(network: BuiltNetwork) -> dict[str, dict[int, str]]:
    code = network.code
    axes: dict[str, dict[int, str]] = {}
    for name, shape in zip(code.input_names, code.input_shapes, strict=True):
        axes[name] = {0: BATCH_AXIS} | {
            k: d for k, d in enumerate(shape) if k > 0 and isinstance(d, str)
        }
    for name in code.output_names:
        axes[name] = {0: BATCH_AXIS}
    return axes


@contextlib.contextmanager
def _captured_stdout() -> Iterator[list[str]]:
    """Catch what the exporter's C++ side prints (its graph dump on failure).

    PyTorch prints the TorchScript graph to the process's standard output when an
    export fails; it goes into the list instead, where the failing layer is found.
    """
    caught: list[str] = []
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile(mode="w+b") as log:
        os.dup2(log.fileno(), 1)
        try:
            yield caught
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
            log.seek(0)
            caught.append(log.read().decode("utf-8", "replace"))


def _layer_named_in(
    reason: str, log: str, project: Project, network: str, built: BuiltNetwork
) -> Message | None:
    """The canvas name and type of the layer the exporter failed on, when it says.

    The failing operator is named in the error; the graph dump gives the module
    scope of the call, ``…::/torch.nn.modules.pooling.AdaptiveAvgPool2d::gap`` (or
    ``…::stage1.conv`` inside a block), whose first attribute is the card's.
    """
    operator = _OPERATOR.search(reason)
    if not operator:
        return None
    op = operator.group(1).split("::")[-1]
    pattern = re.compile(rf"aten::{re.escape(op)}\(.*scope: \S+::([\w.]+)")
    attributes = {name: node_id for node_id, name in built.code.attributes.items()}
    for line in log.splitlines():
        match = pattern.search(line)
        if match and match.group(1).split(".")[0] in attributes:
            node = project.network(network).node(
                attributes[match.group(1).split(".")[0]]
            )
            return Message.of(THE_LAYER, name=repr(node.name), type=node.type)
    return None


def _load_weights(
    built: dict[str, BuiltNetwork], weights: str | os.PathLike[str]
) -> None:
    from designer.training.checkpoints import (
        WeightsError,
        load_state,
        read_weights,
        weights_in,
    )

    modules = {name: network.module for name, network in built.items()}
    try:
        load_state(modules, read_weights(weights), weights_in(weights))
    except WeightsError as error:
        raise OnnxExportError(error.message) from None


def _reason(error: Exception) -> str:
    text = (
        str(error).strip().splitlines()[0]
        if str(error).strip()
        else type(error).__name__
    )
    text = text.split(" Please feel free to request support")[0]
    text = re.sub(r"\s*\[Caused by.*$", "", text)
    return text.removeprefix("Unsupported: ").rstrip(".")


def export_onnx(
    project: Project,
    path: str | os.PathLike[str],
    network: str | None = None,
    opset: int = OPSET,
    weights: str | os.PathLike[str] | None = None,
) -> OnnxExport:
    """Write ``network`` (the project's first when None) to ``path`` as ONNX, atomically.

    ``weights`` is a weights file as training writes it (``.safetensors`` or
    ``.pt``); without it the network has its fresh initial weights.  Raises
    :class:`OnnxExportError` when the graph has errors, the weights do not fit,
    a layer has no ONNX form, or the written model fails ``onnx.checker``.
    """
    try:
        import onnx
    except ImportError:
        raise OnnxExportError(Message(NO_ONNX_PACKAGE)) from None
    import torch

    analyses = {graph.name: infer_shapes(graph) for graph in project.networks}
    try:
        built = build_networks(project, analyses)
    except CodegenError as error:
        raise OnnxExportError(error.message) from None
    name, chosen = _pick(built, network)
    if weights is not None:
        _load_weights(built, weights)
    module = chosen.module.eval()
    code = chosen.code
    axes = _dynamic_axes(chosen)
    stream = io.BytesIO()
    try:
        # Not under no_grad: there, Transformer layers take a fused fast path that
        # has no ONNX form.
        with _captured_stdout() as log, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                module,
                tuple(sample_inputs(chosen, EXAMPLE_BATCH)),
                stream,
                input_names=code.input_names,
                output_names=code.output_names,
                dynamic_axes=axes,
                opset_version=opset,
                dynamo=False,
            )
    except Exception as error:  # the exporter raises many kinds, all for one reason
        reason = _reason(error)
        layer = _layer_named_in(reason, "".join(log), project, name, chosen)
        raise OnnxExportError(
            Message.of(
                NO_ONNX_FORM,
                layer=layer or Message(A_LAYER),
                name=repr(name),
                reason=reason,
            )
        ) from None
    model = onnx.load_from_string(stream.getvalue())
    try:
        onnx.checker.check_model(model, full_check=True)
    except Exception as error:
        raise OnnxExportError(
            Message.of(CHECKER_FAILED, name=repr(name), error=str(error))
        ) from None
    try:
        atomic_write_bytes(path, stream.getvalue())
    except OSError as error:
        raise OnnxExportError(
            Message.of(NOT_WRITTEN, path=str(path), error=str(error.strerror or error))
        ) from None
    return OnnxExport(name, str(path), code.input_names, code.output_names, opset, axes)
