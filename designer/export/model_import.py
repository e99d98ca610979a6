"""Bring an existing ``nn.Module`` into the app: trace it with ``torch.fx`` and draw it.

:func:`load_model` runs the user's own Python file (an explicit action: project
files are never executed) and builds the model; :func:`import_model` traces it,
turns every call into a layer card (:mod:`designer.export.fx_layers`), lays the
cards out, and then proves the result: the project's generated code is built,
loaded with the original model's weights (``key_map`` maps the names) and must
give the same outputs.  Whatever cannot be drawn is refused with every place
listed (file, line, the call) — nothing half-imported is returned.
"""

from __future__ import annotations

import importlib.util
import json
import operator
import re
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.fx
from torch import nn
from torch.fx.passes.shape_prop import ShapeProp

from designer.export import fx_layers as rules
from designer.export import import_blocks
from designer.export.fx_layers import Card, Unsupported
from designer.export.import_blocks import owners_from_stack
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
            shown.append(f"  … and {len(self.problems) - MAX_LISTED} more")
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
                f"--input {text!r}: the type must be float or long (as long:16)"
            )
        try:
            shape = tuple(int(d) for d in dims.lower().split("x"))
        except ValueError:
            shape = ()
        if not shape or any(d < 1 for d in shape):
            raise ModelImportError(
                f"--input {text!r}: give the sample's shape as sizes joined by x, "
                "without the batch (e.g. 1x28x28, or long:16 for 16 token ids)"
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
            f"{reference!r}: give the file and the model as FILE.py:Name"
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
        raise ModelImportError(Cli.tr("--args must be a JSON object of keywords"))
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
            f"running {path.name} to build {name} failed: {type(error).__name__}: {error}",
            _user_frames(error, path),
        ) from None
    finally:
        sys.modules.pop(spec.name, None)
    if not isinstance(model, nn.Module):
        raise ModelImportError(
            f"{name}(…) gave a {type(model).__name__}, not a torch.nn.Module"
        )
    return model, path


def _user_frames(error: BaseException, path: Path) -> list[str]:
    frames = traceback.extract_tb(error.__traceback__)
    return [
        f"{Path(f.filename).name}, line {f.lineno}: {(f.line or '').strip()}"
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

    def is_leaf_module(self, m: nn.Module, qualname: str) -> bool:
        if type(m) in rules.MODULE_RULES:
            return True
        return super().is_leaf_module(m, qualname)


def _place(node: torch.fx.Node, path: Path | None) -> str:
    """``file.py, line N`` of the user's code that made ``node``."""
    trace = node.stack_trace or ""
    found = re.findall(r'File "([^"]+)", line (\d+)', trace)
    for filename, line in reversed(found):
        if path is None or Path(filename).resolve() == path.resolve():
            return f"{Path(filename).name}, line {line}"
    return "the model"


def _trace(model: nn.Module, path: Path | None) -> torch.fx.GraphModule:
    tracer = _Tracer()
    try:
        graph = tracer.trace(model)
    except Exception as error:
        places = _user_frames(error, path) if path else []
        raise ModelImportError(
            "torch.fx cannot trace the model: "
            f"{str(error).splitlines()[0] if str(error) else type(error).__name__}. "
            "Control flow that depends on the data (an if or a loop over a tensor's "
            "values) cannot be drawn as a fixed network; move it out of forward or "
            "make it depend on settings only.",
            places,
        ) from None
    return torch.fx.GraphModule(tracer.root, graph)


# -- turning the traced graph into cards --------------------------------------------
@dataclass
class _Builder:
    module: torch.fx.GraphModule
    graph: Graph
    path: Path | None
    problems: list[str] = field(default_factory=list)
    # fx node → (card id, its output port), for tensors on the canvas.
    produced: dict[torch.fx.Node, tuple[str, str]] = field(default_factory=dict)
    key_map: dict[str, str] = field(default_factory=dict)
    # Nodes refused, or fed by a refused one (whose problem is listed once).
    failed: set[torch.fx.Node] = field(default_factory=set)
    module_of: dict[str, str] = field(default_factory=dict)  # card id → module path
    # card id → the user's modules it was made in (see import_blocks).
    owners: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def shape(self, node: Any) -> list[int] | None:
        meta = node.meta.get("tensor_meta") if isinstance(node, torch.fx.Node) else None
        return list(meta.shape) if hasattr(meta, "shape") else None

    def tensors(self, value: Any) -> list[torch.fx.Node]:
        if isinstance(value, torch.fx.Node):
            return [value] if value in self.produced else []
        if isinstance(value, list | tuple):
            return [n for item in value for n in self.tensors(item)]
        if isinstance(value, dict):
            return [n for item in value.values() for n in self.tensors(item)]
        return []

    def refuse(self, node: torch.fx.Node, what: str, why: str) -> None:
        self.failed.add(node)
        self.problems.append(f"{_place(node, self.path)}: {what}: {why}")

    def follows_failure(self, node: torch.fx.Node) -> bool:
        """Whether ``node`` uses a refused node: it is left out without a message."""
        if any(n in self.failed for n in node.all_input_nodes):
            self.failed.add(node)
            return True
        return False

    def card(
        self, node: torch.fx.Node, made: Card, inputs: list[torch.fx.Node]
    ) -> str | None:
        name: str | None = None  # a function call gets the card's own default name
        if node.op == "call_module":  # a module keeps its path: stem.0 → stem_0
            name = re.sub(r"\W", "_", str(node.target))
            if name[:1].isdigit():  # nn.Sequential's children are called 0, 1, …
                name = f"{made.type.lower()}_{name}"
        try:
            created = self.graph.add_node(made.type, name, made.params)
            ports = created.input_ports()
            if len(ports) != len(inputs):
                raise Unsupported(
                    f"{len(inputs)} inputs where {made.type} takes {len(ports)}"
                )
            for port, source in zip(ports, inputs, strict=True):
                source_id, source_port = self.produced[source]
                self.graph.connect(source_id, source_port, created.id, port)
        except Exception as error:
            self.refuse(node, made.type, str(error))
            return None
        self.produced[node] = (created.id, created.output_ports()[0])
        self.owners[created.id] = owners_from_stack(
            node.meta.get("nn_module_stack", {})
        )
        return created.id

    def alias(
        self, node: torch.fx.Node, source: torch.fx.Node, port: str | None = None
    ) -> None:
        card_id, source_port = self.produced[source]
        self.produced[node] = (card_id, port or source_port)

    def call_module(self, node: torch.fx.Node) -> None:
        target = str(node.target)
        module = self.module.get_submodule(target)
        inputs = self.tensors(node.args) + self.tensors(node.kwargs)
        if isinstance(module, rules.PASS_THROUGH_MODULES) and len(inputs) == 1:
            self.alias(node, inputs[0])
            return
        rule = rules.rule_for(module)
        if rule is None:
            self.refuse(
                node,
                f"{target} ({type(module).__name__})",
                "no layer card draws this module",
            )
            return
        try:
            made = rule(module)
        except Exception as error:  # Unsupported, or a setting of an unexpected type
            self.refuse(node, f"{target} ({type(module).__name__})", str(error))
            return
        if isinstance(module, nn.MultiheadAttention):
            if len(set(inputs)) != 1 or node.kwargs.get("attn_mask") is not None:
                self.refuse(
                    node,
                    target,
                    "only self-attention (query = key = value), without a mask",
                )
                return
            inputs = inputs[:1]
        if isinstance(module, rules.TUPLE_MODULES) and len(inputs) != 1:
            self.refuse(
                node,
                target,
                "an initial state or extra inputs (cards take the sequence only)",
            )
            return
        card_id = self.card(node, made, inputs)
        if card_id is not None:
            self.module_of[card_id] = target

    def call(self, node: torch.fx.Node) -> None:
        """A function (``torch.add``, ``F.relu``) or a tensor method (``x.view``)."""
        method = node.op == "call_method"
        name = (
            str(node.target)
            if method
            else getattr(node.target, "__name__", str(node.target))
        )
        args = list(node.args)
        inputs = self.tensors(node.args) + self.tensors(node.kwargs)
        shapes = [self.shape(n) or [] for n in inputs]
        out_shape = self.shape(node)
        if out_shape is None and name in ("size", "dim", "getattr") and inputs:
            return  # a size (x.size(0), x.shape): feeds a reshape, drawn as a shape
        if not inputs:
            return  # arithmetic on sizes and constants: feeds a reshape at most
        if node.target is operator.getitem:
            self.getitem(node, args)
            return
        if method and name in rules.PASS_THROUGH_METHODS:
            self.alias(node, inputs[0])
            return
        if (
            method and name in rules.RESHAPES
        ) or node.target in rules.RESHAPE_FUNCTIONS:
            made = rules.reshape_card(out_shape or [])
            self.card(node, made, inputs[:1])
            return
        try:
            if (
                method and name in rules.PERMUTES
            ) or node.target in rules.PERMUTE_FUNCTIONS:
                made = rules.permute_card(name, args[1:], len(shapes[0]))
            else:
                rule = (
                    rules.METHOD_RULES.get(name)
                    if method
                    else rules.FUNCTION_RULES.get(node.target)
                )
                if rule is None:
                    raise Unsupported("no layer card draws this call")
                made = rule(args, dict(node.kwargs), shapes)
        except Exception as error:  # Unsupported, or arguments of an unexpected kind
            self.refuse(node, f"{'.' if method else ''}{name}(…)", str(error))
            return
        self.card(node, made, inputs)

    def getitem(self, node: torch.fx.Node, args: list[Any]) -> None:
        source, index = args[0], args[1]
        if not node.users:
            return  # an unused part of a tuple, as in ``out, _ = self.lstm(x)``
        card_id, _port = self.produced[source]
        card = self.graph.node(card_id)
        if self.shape(source) is None:  # a tuple: (outputs, state) or chunks
            state = rules.state_port(card.type, _port, index)
            if card.type == "Split" and isinstance(index, int):
                self.alias(node, source, card.output_ports()[index])
            elif state is not None:  # the card's state is batch-first: only h[-1]
                self.graph.set_param(card_id, "state_out", True)
                self.alias(node, source, state)
            elif index == 0:
                self.alias(node, source)
            else:
                self.refuse(
                    node,
                    f"[{index}] of {card.name}",
                    "not drawn (of a recurrent state, only h[-1] is)",
                )
            return
        last_layer = _port in ("h_n", "c_n") and index == -1
        if last_layer or rules.is_last_step(index, len(self.shape(source) or [])):
            self.card(node, Card("LastTimeStep", {}), [source])
            return
        self.refuse(
            node,
            f"indexing {card.name}",
            f"[{index}] (only x[:, -1] of a sequence is drawn)",
        )


def _chunk_node(node: torch.fx.Node) -> bool:
    name = (
        node.target
        if node.op == "call_method"
        else getattr(node.target, "__name__", "")
    )
    return name == "chunk"


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
            f"forward takes {len(placeholders)} input(s) "
            f"({', '.join(n.name for n in placeholders)}); give one --input for each"
        )
    vocabulary = _smallest_vocabulary(model)
    examples = [spec.example(vocabulary=vocabulary) for spec in inputs]
    try:
        ShapeProp(traced).propagate(*examples)
    except Exception as error:
        raise ModelImportError(
            f"the model does not run on inputs of the given shapes: {error}"
        ) from None
    graph = Graph(name)
    builder = _Builder(traced, graph, path)
    for node in traced.graph.nodes:
        if builder.follows_failure(node):
            continue
        if node.op == "placeholder":
            spec = inputs[placeholders.index(node)]
            created = graph.add_node(
                "Input", node.name, {"shape": list(spec.shape), "dtype": spec.dtype}
            )
            builder.produced[node] = (created.id, "out")
        elif node.op == "call_module":
            builder.call_module(node)
        elif node.op in ("call_function", "call_method"):
            if _chunk_node(node):
                _chunk(builder, node)
            else:
                builder.call(node)
        elif node.op == "output":
            _outputs(builder, node)
        elif node.op == "get_attr":
            builder.refuse(
                node,
                str(node.target),
                "a tensor stored on the model (a parameter used directly, not through a layer)",
            )
    if builder.problems:
        raise ModelImportError(
            f"{len(builder.problems)} part(s) of the model cannot be drawn as layer cards:",
            builder.problems,
        )
    positions = tidy_positions(graph, _CARDS)
    for node_id, position in positions.items():
        graph.move(node_id, position)
    project = Project(name=name, networks=[graph])
    result = ImportResult(project)
    _verify(result, builder, model, examples)
    if any(builder.owners.values()):
        _keep_modules_as_blocks(result, builder, model, examples)
    return result


def _keep_modules_as_blocks(
    result: ImportResult,
    builder: _Builder,
    model: nn.Module,
    examples: list[torch.Tensor],
) -> None:
    """Redraw with the user's module classes as blocks, when that computes the same
    (with the same weights); otherwise keep the flat drawing and say why."""
    from designer.codegen.build import build_networks
    from designer.graph.project_file import dumps_project, loads_project

    original = model.state_dict()
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
            expected, got = model(*examples), generated(*examples)
        pairs = (
            zip(expected, got, strict=True)
            if isinstance(expected, tuple | list)
            else [(expected, got)]
        )
        if not all(torch.allclose(e, g, rtol=1e-4, atol=1e-5) for e, g in pairs):
            raise ValueError("the outputs would differ")
    except Exception as error:  # noqa: BLE001 - the flat drawing stands, checked
        result.notes.append(
            f"drawn without blocks: the model's own modules could not be kept as "
            f"blocks ({error})"
        )
        return
    result.project, result.key_map = candidate, key_map
    names = ", ".join(candidate.blocks.names())
    result.notes.append(
        f"the model's own modules are blocks ({names}); checked again with its weights"
    )


def _smallest_vocabulary(model: nn.Module) -> int:
    sizes = [m.num_embeddings for m in model.modules() if isinstance(m, nn.Embedding)]
    return min(sizes) if sizes else 2


def _chunk(builder: _Builder, node: torch.fx.Node) -> None:
    inputs = builder.tensors(node.args)
    args = list(node.args)
    chunks = node.kwargs.get("chunks", args[1] if len(args) > 1 else None)
    dim = node.kwargs.get("dim", args[2] if len(args) > 2 else 0)
    rank = len(builder.shape(inputs[0]) or [])
    dim = dim + rank if dim < 0 else dim
    if not isinstance(chunks, int) or dim == 0:
        builder.refuse(
            node, "chunk(…)", "chunks must be a number and the batch is kept whole"
        )
        return
    builder.card(node, Card("Split", {"chunks": chunks, "dim": dim}), inputs[:1])


def _outputs(builder: _Builder, node: torch.fx.Node) -> None:
    results = node.args[0]
    items = list(results) if isinstance(results, list | tuple) else [results]
    for k, item in enumerate(items):
        if item not in builder.produced:
            builder.refuse(
                node, f"output {k + 1}", "is not a tensor drawn on the canvas"
            )
            continue
        source_id, port = builder.produced[item]
        name = "output" if len(items) == 1 else f"output_{k + 1}"
        created = builder.graph.add_node("Output", name)
        builder.graph.connect(source_id, port, created.id, "in")


def _verify(
    result: ImportResult,
    builder: _Builder,
    model: nn.Module,
    examples: list[torch.Tensor],
) -> None:
    """Build the generated code, load the original weights into it and compare outputs."""
    from designer.codegen.build import build_networks
    from designer.shapes.infer import infer_shapes
    from designer.shapes.problems import describe

    graph = result.project.networks[0]
    shapes = infer_shapes(graph)
    if shapes.errors:
        raise ModelImportError(
            "the drawn network has problems (a bug in the importer, please report it):",
            [describe(p, graph) for p in shapes.errors],
        )
    built = build_networks(result.project)[graph.name]
    attributes = built.code.attributes
    for card_id, target in builder.module_of.items():
        attribute = attributes.get(card_id)
        for key in model.get_submodule(target).state_dict():
            if attribute is not None:
                result.key_map[f"{target}.{key}"] = f"{attribute}.{key}"
    original = model.state_dict()
    missing = sorted(set(original) - set(result.key_map))
    if missing:
        raise ModelImportError(
            "some of the model's weights have no place in the drawn network:", missing
        )
    generated = built.module.eval()
    generated.load_state_dict(result.converted_state_dict(original), strict=True)
    with torch.no_grad():
        expected = model(*examples)
        got = generated(*examples)
    expected_list = list(expected) if isinstance(expected, tuple | list) else [expected]
    got_list = list(got) if isinstance(got, tuple | list) else [got]
    if len(expected_list) != len(got_list) or not all(
        torch.allclose(e, g, rtol=1e-4, atol=1e-5)
        for e, g in zip(expected_list, got_list, strict=False)
    ):
        raise ModelImportError(
            "the drawn network does not compute what the model computes (a bug in the "
            "importer, please report it with the model)"
        )
    result.notes.append(
        f"checked: the exported code with the model's weights gives the model's outputs "
        f"({sum(p.numel() for p in model.parameters()):,} parameters)"
    )
