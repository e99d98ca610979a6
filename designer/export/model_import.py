"""Bring an existing ``nn.Module`` into the app: trace it with ``torch.fx`` and draw it.

:func:`load_model` runs the user's own Python file (an explicit action: project
files are never executed) and builds the model; :func:`import_model` traces it,
turns every call into a layer card (:mod:`designer.export.fx_layers`), lays the
cards out, and then proves the result: the project's generated code is built,
loaded with the original model's weights (``key_map`` maps the names) and must
give the same outputs.  Whatever cannot be drawn is refused with every place
listed (file, line, the call) — nothing half-imported is returned.

Time-first layers.  The graph keeps the batch first everywhere; a recurrent or
attention layer built with ``batch_first=False`` becomes its card with the
``batch_first`` switch off, whose code transposes around the layer, so the port
holds the batch-first (N, L, …) tensor while the model holds the time-major
(L, N, …) one.  The importer tracks which traced tensors are time-major (as
:class:`~designer.export.import_graph.GraphBuilder` ``time_major``) and folds the
model's own permutes away: ``X.permute(1, 0, 2)``, ``X.transpose(0, 1)`` or
``X.t()`` that only converts between the two layouts draws no card (the port
holds both); a permute that also reorders the other dimensions is a Permute card
on the port.  Layers acting on each position alone (Linear, Embedding,
activations, LayerNorm, Dropout, Add, Concat along the features…) keep their
input's layout; ``x[-1]`` of a time-major sequence or state is LastTimeStep, and
d2l's context ``state[-1].repeat(X.shape[0], 1, 1)`` is RepeatTimeStep with X's
port.  Anything else on a time-major tensor — and a time-major result — is
refused with the way to make it batch-first.  Folding (rather than drawing a
Permute card and its inverse around every layer) keeps the drawing the network
a student would draw, and the generated code states the layout once, at the layer.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.fx
from torch import nn

from designer.export import fx_layers as rules
from designer.export import import_blocks
from designer.export.import_arguments import (
    ValueRecorder,
    data_free,
    fixed_arguments,
    not_drawn,
    padding_example,
    placeholder_roles,
)
from designer.export.import_calls import call_module
from designer.export.import_graph import GraphBuilder, place
from designer.export.import_stacks import STACKS, plain_forward
from designer.graph.layout import CardSizes, tidy_positions
from designer.graph.model import Graph, Project
from designer.i18n import Cli

MAX_LISTED = 20
# Rough card sizes for the first layout; the canvas can tidy again with its own.
_CARDS = CardSizes(196.0, 20.0, lambda _node: 100.0, lambda _node: 50.0)


class ModelImportError(Exception):
    """The model cannot be imported; ``problems`` says where and what to do."""

    def __init__(self, headline: str, problems: Sequence[str] = ()) -> None:
        self.headline = headline
        self.problems = list(problems)
        shown = [f"  - {p}" for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            more = len(self.problems) - MAX_LISTED
            shown.append(Cli.tr("  … and {0} more").format(more))
        super().__init__("\n".join([headline, *shown]))


@dataclass(frozen=True)
class InputSpec:
    """One input's sample shape (without the batch) and dtype, from ``1x28x28`` or ``long:16``."""

    shape: tuple[int, ...]
    dtype: str = "float"

    @classmethod
    def parse(cls, text: str) -> InputSpec:
        dtype, _, dims = text.rpartition(":")
        dtype = dtype or "float"
        if dtype not in ("float", "long"):
            raise ModelImportError(
                Cli.tr(
                    "--input {0}: the type must be float or long (as long:16)"
                ).format(repr(text))
            )
        try:
            shape = tuple(int(d) for d in dims.lower().split("x"))
        except ValueError:
            shape = ()
        if not shape or any(d < 1 for d in shape):
            raise ModelImportError(
                Cli.tr(
                    "--input {0}: give the sample's shape as sizes joined by x, "
                    "without the batch (e.g. 1x28x28, or long:16 for 16 token ids)"
                ).format(repr(text))
            )
        return cls(shape, dtype)

    def example(self, batch: int = 2, vocabulary: int = 2) -> torch.Tensor:
        generator = torch.Generator().manual_seed(0)
        if self.dtype == "long":
            return torch.randint(
                0, vocabulary, (batch, *self.shape), generator=generator
            )
        return torch.randn((batch, *self.shape), generator=generator)


@dataclass
class ImportResult:
    project: Project
    # The original model's state_dict keys → the generated model's.
    key_map: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def converted_state_dict(self, state: dict[str, Any]) -> dict[str, Any]:
        return {self.key_map[k]: v for k, v in state.items() if k in self.key_map}


# -- running the user's file ----------------------------------------------------------
def load_model(reference: str, arguments: str | None = None) -> tuple[nn.Module, Path]:
    """The model that ``FILE.py:Name`` builds (a class or a function), with ``arguments``
    (a JSON object of keyword arguments).  Runs the file's code."""
    path_text, _, name = reference.rpartition(":")
    path = Path(path_text)
    if not path_text or not name.isidentifier():
        raise ModelImportError(
            Cli.tr("{0}: give the file and the model as FILE.py:Name").format(
                repr(reference)
            )
        )
    if path.suffix != ".py" or not path.is_file():
        raise ModelImportError(Cli.tr("{0}: no such Python file").format(path))
    try:
        kwargs = json.loads(arguments) if arguments else {}
    except json.JSONDecodeError as error:
        raise ModelImportError(
            Cli.tr("--args is not JSON: {0}").format(error)
        ) from None
    if not isinstance(kwargs, dict):
        raise ModelImportError(
            Cli.tr("--args must be a JSON object of keyword arguments")
        )
    spec = importlib.util.spec_from_file_location(f"designer_import_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look modules up
    try:
        spec.loader.exec_module(module)
        factory = getattr(module, name, None)
        if factory is None:
            raise ModelImportError(Cli.tr("{0} has no {1}").format(path, repr(name)))
        model = factory(**kwargs)
    except ModelImportError:
        raise
    except Exception as error:  # the user's code: tell where it failed
        raise ModelImportError(
            Cli.tr("running {0} to build {1} failed: {2}: {3}").format(
                path.name, name, type(error).__name__, error
            ),
            _user_frames(error, path),
        ) from None
    finally:
        sys.modules.pop(spec.name, None)
    if not isinstance(model, nn.Module):
        raise ModelImportError(
            Cli.tr("{0}(…) gave a {1}, not a torch.nn.Module").format(
                name, type(model).__name__
            )
        )
    return model, path


def _user_frames(error: BaseException, path: Path) -> list[str]:
    frames = traceback.extract_tb(error.__traceback__)
    return [
        Cli.tr("{0}, line {1}: {2}").format(
            Path(f.filename).name, f.lineno, (f.line or "").strip()
        )
        for f in frames
        if Path(f.filename).resolve() == path.resolve()
    ]


# -- tracing --------------------------------------------------------------------------
class _Tracer(torch.fx.Tracer):
    """Every module the catalog knows, and every other ``torch.nn`` layer, is a leaf;
    the user's own modules (and containers) are traced through."""

    def __init__(self) -> None:
        super().__init__()
        self.record_stack_traces = True
        self.proxy_buffer_attributes = True  # a buffer sliced in forward: mask[:L, :L]

    def is_leaf_module(self, m: nn.Module, qualname: str) -> bool:
        if type(m) in rules.MODULE_RULES:
            return True
        if isinstance(m, STACKS):
            return False  # traced as its layers, see import_stacks
        return super().is_leaf_module(m, qualname)

    def call_module(
        self,
        m: nn.Module,
        forward: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> Any:
        return super().call_module(m, plain_forward(m) or forward, args, kwargs)


def _trace(model: nn.Module, path: Path | None) -> torch.fx.GraphModule:
    tracer = _Tracer()
    try:
        graph = tracer.trace(model)
    except Exception as error:
        places = _user_frames(error, path) if path else []
        raise ModelImportError(
            Cli.tr(
                "torch.fx cannot trace the model: {0}. Control flow that depends on "
                "the data (an if or a loop over a tensor's values) cannot be drawn as "
                "a fixed network; move it out of forward or make it depend on "
                "settings only."
            ).format(
                str(error).splitlines()[0] if str(error) else type(error).__name__
            ),
            places,
        ) from None
    return torch.fx.GraphModule(tracer.root, graph)


def import_model(
    model: nn.Module,
    inputs: Sequence[InputSpec],
    name: str = "Imported",
    path: Path | None = None,
) -> ImportResult:
    """The project that draws ``model``; :class:`ModelImportError` lists what cannot be."""
    model = model.eval()
    traced = _trace(model, path)
    placeholders = [n for n in traced.graph.nodes if n.op == "placeholder"]
    if len(placeholders) != len(inputs):
        raise ModelImportError(
            Cli.tr(
                "forward takes %n input(s) ({0}); give one --input for each",
                "",
                len(placeholders),
            ).format(", ".join(n.name for n in placeholders))
        )
    roles = placeholder_roles(traced)
    examples, model_examples = _examples(model, placeholders, inputs, roles)
    fixed = fixed_arguments(traced)
    recorder = ValueRecorder(traced, {n for nodes in fixed.values() for n in nodes})
    try:
        recorder.propagate(*model_examples)
    except Exception as error:
        hint = (
            Cli.tr(
                " (an initial state input is given without the batch, as "
                "LAYERSxHIDDEN: 1x64 for one layer of 64)"
            )
            if "state" in roles.values()
            else ""
        )
        cause = error.__cause__ or error  # ShapeProp wraps the model's own error
        where = recorder.failed_at
        reason = str(cause).splitlines()[0] if str(cause) else type(cause).__name__
        refusal = (
            Cli.tr("the model does not run on inputs of the given shapes: {0}{1}")
            if where is None
            else Cli.tr(
                "the model does not run on inputs of the given shapes ({2}): {0}{1}"
            )
        )
        raise ModelImportError(
            refusal.format(reason, hint, place(where, path) if where else "")
        ) from None
    graph = Graph(name)
    builder = GraphBuilder(traced, graph, path)
    builder.values = recorder.values
    builder.hidden = not_drawn(traced.graph, data_free(traced.graph), fixed)
    notes: list[str] = []
    for node in traced.graph.nodes:
        if node in builder.hidden or builder.follows_failure(node):
            continue
        if node.op == "placeholder":
            spec = inputs[placeholders.index(node)]
            created = graph.add_node(
                "Input", node.name, {"shape": list(spec.shape), "dtype": spec.dtype}
            )
            builder.produced[node] = (created.id, "out")
            if roles.get(node) == "state":
                builder.time_major.add(node)
                notes.append(
                    Cli.tr(
                        "the initial state {0} is an input drawn batch-first, "
                        "(N, num_layers·directions, hidden): the exported network "
                        "takes it transposed from how the model takes it"
                    ).format(node.name)
                )
        elif node.op == "call_module":
            call_module(builder, node)
        elif node.op in ("call_function", "call_method"):
            builder.call(node)
        elif node.op == "output":
            builder.outputs(node)
        elif node.op == "get_attr":
            builder.refuse(
                node,
                str(node.target),
                Cli.tr(
                    "a tensor stored on the model (a parameter used directly, not "
                    "through a layer)"
                ),
            )
    if builder.problems:
        count = len(builder.problems)
        raise ModelImportError(
            Cli.tr(
                "%n part(s) of the model cannot be drawn as layer cards:", "", count
            ),
            builder.problems,
        )
    positions = tidy_positions(graph, _CARDS)
    for node_id, position in positions.items():
        graph.move(node_id, position)
    project = Project(name=name, networks=[graph])
    result = ImportResult(project, notes=notes)
    _verify(result, builder, model, examples, model_examples)
    if any(builder.owners.values()):
        _keep_modules_as_blocks(result, builder, model, examples, model_examples)
    return result


def _examples(
    model: nn.Module,
    placeholders: list[torch.fx.Node],
    inputs: Sequence[InputSpec],
    roles: dict[torch.fx.Node, str],
) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """Example inputs for the drawn network and for the model: the same values,
    with a state input transposed to PyTorch's (num_layers·directions, N, hidden)
    for the model, and 0/1 flags for a key padding mask."""
    vocabulary = _smallest_vocabulary(model)
    drawn, original = [], []
    for node, spec in zip(placeholders, inputs, strict=True):
        example = spec.example(vocabulary=vocabulary)
        if roles.get(node) == "padding":
            example = padding_example(example)
        drawn.append(example)
        if roles.get(node) == "state" and example.dim() == 3:
            example = example.transpose(0, 1).contiguous()
        original.append(example)
    return drawn, original


def _keep_modules_as_blocks(
    result: ImportResult,
    builder: GraphBuilder,
    model: nn.Module,
    examples: list[torch.Tensor],
    model_examples: list[torch.Tensor],
) -> None:
    """Redraw with the user's module classes as blocks, when that computes the same
    (with the same weights); otherwise keep the flat drawing and say why."""
    from designer.codegen.build import build_networks
    from designer.graph.project_file import dumps_project, loads_project

    original = _weights(model, builder)
    try:
        candidate = loads_project(dumps_project(result.project))
        drawing = import_blocks.draw_blocks(
            candidate, builder.owners, builder.module_of
        )
        graphs = [*candidate.networks, *(d.graph for d in candidate.blocks)]
        for graph in graphs:
            for node_id, position in tidy_positions(graph, _CARDS).items():
                graph.move(node_id, position)
        generated = build_networks(candidate)[candidate.networks[0].name].module.eval()
        key_map = import_blocks.weight_keys(drawing, list(original))
        if set(key_map) != set(original) or set(key_map.values()) != set(
            generated.state_dict()
        ):
            raise ValueError("the weights' names would not match")
        generated.load_state_dict({key_map[k]: v for k, v in original.items()})
        with torch.no_grad():
            expected, got = model(*model_examples), generated(*examples)
        pairs = (
            zip(expected, got, strict=True)
            if isinstance(expected, tuple | list)
            else [(expected, got)]
        )
        if not all(torch.allclose(e, g, rtol=1e-4, atol=1e-5) for e, g in pairs):
            raise ValueError("the outputs would differ")
    except Exception as error:  # noqa: BLE001 - the flat drawing stands, checked
        result.notes.append(
            Cli.tr(
                "drawn without blocks: the model's own modules could not be kept as "
                "blocks ({0})"
            ).format(error)
        )
        return
    result.project, result.key_map = candidate, key_map
    names = ", ".join(candidate.blocks.names())
    result.notes.append(
        Cli.tr(
            "the model's own modules are blocks ({0}); checked again with its weights"
        ).format(names)
    )


def _weights(model: nn.Module, builder: GraphBuilder) -> dict[str, Any]:
    """The model's state_dict less the buffers that only make a mask or a state
    (a stored causal mask): the cards make those themselves."""
    drawn = tuple(f"{target}." for target in builder.module_of.values())
    fixed = {
        str(n.target)
        for n in builder.hidden
        if n.op == "get_attr" and not str(n.target).startswith(drawn)
    }
    return {k: v for k, v in model.state_dict().items() if k not in fixed}


def _smallest_vocabulary(model: nn.Module) -> int:
    sizes = [m.num_embeddings for m in model.modules() if isinstance(m, nn.Embedding)]
    return min(sizes) if sizes else 2


def _verify(
    result: ImportResult,
    builder: GraphBuilder,
    model: nn.Module,
    examples: list[torch.Tensor],
    model_examples: list[torch.Tensor],
) -> None:
    """Build the generated code, load the original weights into it and compare outputs."""
    from designer.codegen.build import build_networks
    from designer.shapes.infer import infer_shapes
    from designer.shapes.problems import describe

    graph = result.project.networks[0]
    shapes = infer_shapes(graph)
    if shapes.errors:
        raise ModelImportError(
            Cli.tr(
                "the drawn network has problems (a bug in the importer, please report "
                "it):"
            ),
            [describe(p, graph) for p in shapes.errors],
        )
    built = build_networks(result.project)[graph.name]
    attributes = built.code.attributes
    for card_id, target in builder.module_of.items():
        attribute = attributes.get(card_id)
        for key in model.get_submodule(target).state_dict():
            if attribute is not None:
                result.key_map[f"{target}.{key}"] = f"{attribute}.{key}"
    original = _weights(model, builder)
    missing = sorted(set(original) - set(result.key_map))
    if missing:
        raise ModelImportError(
            Cli.tr("some of the model's weights have no place in the drawn network:"),
            missing,
        )
    generated = built.module.eval()
    generated.load_state_dict(result.converted_state_dict(original), strict=True)
    with torch.no_grad():
        expected = model(*model_examples)
        got = generated(*examples)
    expected_list = list(expected) if isinstance(expected, tuple | list) else [expected]
    got_list = list(got) if isinstance(got, tuple | list) else [got]
    if len(expected_list) != len(got_list) or not all(
        torch.allclose(e, g, rtol=1e-4, atol=1e-5)
        for e, g in zip(expected_list, got_list, strict=False)
    ):
        raise ModelImportError(
            Cli.tr(
                "the drawn network does not compute what the model computes (a bug in "
                "the importer, please report it with the model)"
            )
        )
    parameters = sum(p.numel() for p in model.parameters())
    result.notes.append(
        Cli.tr(
            "checked: the exported code with the model's weights gives the model's "
            "outputs ({0} parameters)"
        ).format(f"{parameters:,}")
    )
