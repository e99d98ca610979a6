"""Shared test machinery: random layer parameters and graphs, and running them in PyTorch.

The strategies draw from each :class:`ParamSpec`'s own range (capped small so
PyTorch runs fast); :func:`run_and_compare` builds a project through
``build_networks`` (the path export and training use), runs a real batch and
compares every output with the inferred shape.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import torch
from hypothesis import strategies as st

from designer.codegen.build import build_networks
from designer.codegen.naming import to_identifier
from designer.graph.catalog import LayerSpec, ParamSpec, all_specs
from designer.graph.model import Graph, Node, Project
from designer.graph.shape import Shape, concrete, evaluate_dim, symbols_in
from designer.shapes.infer import GraphShapes, infer_shapes

torch.set_num_threads(1)

BATCH = 3
IO_TYPES = ("Input", "Output")
LAYER_TYPES = tuple(spec.type for spec in all_specs() if spec.type not in IO_TYPES)

# Upper bounds that keep PyTorch fast; a parameter not named here gets DEFAULT_CAP.
INT_CAPS: dict[str, int] = {
    "out_channels": 8,
    "out_features": 8,
    "hidden_size": 6,
    "embedding_dim": 8,
    "dim_feedforward": 8,
    "kernel_size": 5,
    "stride": 3,
    "padding": 3,
    "dilation": 3,
    "output_padding": 3,
    "groups": 4,
    "num_heads": 4,
    "nhead": 4,
    "inputs": 3,
    "chunks": 4,
    "num_layers": 2,
    "num_embeddings": 20,
    "max_len": 24,
    "output_size": 4,
    "scale_factor": 3,
    "num_groups": 4,
}
DEFAULT_CAP = 4


def _int_range(spec: ParamSpec) -> tuple[int, int]:
    low = int(spec.minimum) if spec.minimum is not None else -DEFAULT_CAP
    cap = INT_CAPS.get(spec.name, DEFAULT_CAP)
    high = int(spec.maximum) if spec.maximum is not None else cap
    return low, max(low, min(high, low + cap if low < 0 else cap))


def param_values(spec: ParamSpec) -> st.SearchStrategy[Any]:
    """Values within the spec's own range, kept small."""
    if spec.kind == "int":
        low, high = _int_range(spec)
        if low < 0:  # a dimension index such as Softmax's dim: the full range matters
            high = int(spec.maximum) if spec.maximum is not None else DEFAULT_CAP
        return _favouring_default(spec, st.integers(low, high), low, high)
    if spec.kind == "float":
        return st.floats(spec.minimum or 0.0, spec.maximum or 1.0, allow_nan=False)
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "choice":
        return st.sampled_from(spec.choices)
    if spec.kind == "padding":
        low, high = _int_range(spec)
        return st.one_of(st.sampled_from(spec.choices), st.integers(low, high))
    if spec.kind == "ints":
        permutation = st.integers(1, 4).flatmap(
            lambda rank: st.permutations(range(1, rank + 1))
        )
        return st.one_of(
            permutation.map(list), st.lists(st.integers(-2, 5), min_size=1, max_size=4)
        )
    if spec.kind == "target_shape":
        sizes = st.lists(st.integers(1, 8), min_size=1, max_size=3)
        with_rest = st.tuples(sizes, st.integers(0, 3)).map(
            lambda t: [*t[0][: t[1]], -1, *t[0][t[1] :]]
        )
        return st.one_of(sizes, with_rest)
    if spec.kind == "shape":
        return st.lists(
            st.one_of(st.integers(1, 8), st.just("L")), min_size=1, max_size=4
        )
    raise AssertionError(
        f"no strategy for parameter kind {spec.kind!r}; add one to the test harness"
    )


def _favouring_default(
    spec: ParamSpec, values: st.SearchStrategy[Any], low: int, high: int
) -> st.SearchStrategy[Any]:
    """Half the draws take the default (when it is small), so that combinations of
    parameters (groups, dilation, stride…) are not almost always invalid."""
    if isinstance(spec.default, int) and low <= spec.default <= high:
        return st.one_of(st.just(spec.default), values)
    return values


def layer_params(spec: LayerSpec) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({p.name: param_values(p) for p in spec.params})


@dataclass(frozen=True)
class InputHint:
    """What a layer type usually takes, so that most random draws are valid.

    ``ranks`` counts the sample dimensions (batch excluded); ``related`` says the
    input ports should get the same shape (merges).
    """

    ranks: tuple[int, ...]
    dtype: str = "float"
    related: bool = False
    symbolic: tuple[int, ...] = ()  # sample dimensions that may be a name such as L


# Every layer type must be listed here (a test enforces it), so a new type is
# never skipped silently.
INPUT_HINTS: dict[str, InputHint] = {
    "Linear": InputHint((1, 2, 3)),
    "Conv1d": InputHint((2,), symbolic=(1,)),
    "Conv2d": InputHint((3,), symbolic=(1, 2)),
    "ConvTranspose2d": InputHint((3,), symbolic=(1, 2)),
    "ConvTranspose1d": InputHint((2,), symbolic=(1,)),
    "Conv3d": InputHint((4,), symbolic=(1, 2, 3)),
    "MaxPool3d": InputHint((4,), symbolic=(1, 2, 3)),
    "AvgPool3d": InputHint((4,), symbolic=(1, 2, 3)),
    "BatchNorm3d": InputHint((4,), symbolic=(1, 2, 3)),
    "MaxPool2d": InputHint((3,), symbolic=(1, 2)),
    "AvgPool2d": InputHint((3,), symbolic=(1, 2)),
    "AdaptiveAvgPool2d": InputHint((3,), symbolic=(0, 1, 2)),
    "MaxPool1d": InputHint((2,), symbolic=(1,)),
    "AvgPool1d": InputHint((2,), symbolic=(1,)),
    "AdaptiveAvgPool1d": InputHint((2,), symbolic=(0, 1)),
    "AdaptiveMaxPool2d": InputHint((3,), symbolic=(0, 1, 2)),
    "AdaptiveMaxPool1d": InputHint((2,), symbolic=(0, 1)),
    "LPPool2d": InputHint((3,), symbolic=(1, 2)),
    "GroupNorm": InputHint((1, 2, 3), symbolic=(1, 2)),
    "InstanceNorm2d": InputHint((3,), symbolic=(1, 2)),
    "Dropout2d": InputHint((3,), symbolic=(0, 1, 2)),
    "SiLU": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Hardswish": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Softplus": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "PReLU": InputHint((1, 2, 3), symbolic=(1, 2)),
    "ReLU6": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Hardsigmoid": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Hardtanh": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Mish": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Identity": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Upsample": InputHint((2, 3), symbolic=(0, 1, 2)),
    "Dropout": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "BatchNorm1d": InputHint((1, 2), symbolic=(1,)),
    "BatchNorm2d": InputHint((3,), symbolic=(1, 2)),
    "LayerNorm": InputHint((1, 2, 3), symbolic=(0, 1)),
    "ReLU": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "LeakyReLU": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "GELU": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "ELU": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Sigmoid": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Tanh": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Softmax": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "LogSoftmax": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Flatten": InputHint((1, 2, 3, 4), symbolic=(0, 1, 2, 3)),
    "Reshape": InputHint((1, 2, 3)),
    "Permute": InputHint((1, 2, 3, 4), symbolic=(0, 1, 2, 3)),
    "Embedding": InputHint((1,), dtype="long", symbolic=(0,)),
    "EmbeddingBag": InputHint((1,), dtype="long", symbolic=(0,)),
    "ChannelShuffle": InputHint((2, 3, 4), symbolic=(1, 2, 3)),
    "CosineSimilarity": InputHint((1, 2, 3), related=True, symbolic=(0, 1, 2)),
    "Bilinear": InputHint((1, 2), related=True, symbolic=(0,)),
    "PositionalEmbedding": InputHint((2,), symbolic=(0,)),
    "SinusoidalPositionalEncoding": InputHint((2,), symbolic=(0,)),
    "RNN": InputHint((2,), symbolic=(0,)),
    "LSTM": InputHint((2,), symbolic=(0,)),
    "GRU": InputHint((2,), symbolic=(0,)),
    "RNNCell": InputHint((1,)),
    "GRUCell": InputHint((1,)),
    "LSTMCell": InputHint((1,)),
    "LastTimeStep": InputHint((2,), symbolic=(0, 1)),
    "RepeatTimeStep": InputHint((1, 2), symbolic=(0, 1)),
    "MultiheadAttention": InputHint((2,), symbolic=(0,)),
    "TransformerEncoderLayer": InputHint((2,), symbolic=(0,)),
    "TransformerDecoderLayer": InputHint((2,), related=True, symbolic=(0,)),
    "Add": InputHint((1, 2, 3), related=True, symbolic=(0, 1, 2)),
    "Multiply": InputHint((1, 2, 3), related=True, symbolic=(0, 1, 2)),
    "Concat": InputHint((1, 2, 3), related=True, symbolic=(1, 2)),
    "Split": InputHint((1, 2, 3), symbolic=(1, 2)),
    "Reparameterize": InputHint((1, 2, 3), related=True, symbolic=(0, 1, 2)),
    "Squeeze": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Unsqueeze": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "Scale": InputHint((1, 2, 3), symbolic=(0, 1, 2)),
    "PixelShuffle": InputHint((3,), symbolic=(1, 2)),
    "ZeroPad2d": InputHint((3,), symbolic=(0, 1, 2)),
    "ReflectionPad2d": InputHint((3,), symbolic=(0, 1, 2)),
    "ReplicationPad2d": InputHint((3,), symbolic=(0, 1, 2)),
    "ConstantPad2d": InputHint((3,), symbolic=(0, 1, 2)),
    "CropTo": InputHint((3,)),
}

SYMBOLS = ("L", "T")
# Layers whose sequences may be at most ``max_len`` long.
POSITIONAL_TYPES = ("PositionalEmbedding", "SinusoidalPositionalEncoding")
# Layers whose spatial sizes must be at least a number their parameters decide.
SIZE_BOUND_TYPES = {
    "ReflectionPad2d": lambda params: params["padding"] + 1,
    "AvgPool3d": lambda params: params["kernel_size"],
}


def dim_values(symbolic: bool = True) -> st.SearchStrategy[int | str]:
    sizes = st.integers(1, 8)
    if not symbolic:
        return sizes
    return st.one_of(sizes, sizes, sizes, sizes, st.sampled_from(SYMBOLS))


def sample_shapes(
    ranks: Sequence[int], symbolic: Sequence[int] | None = None
) -> st.SearchStrategy[list[int | str]]:
    """Sample shapes of one of ``ranks``; ``symbolic`` lists the positions that may
    be a name (None: any position)."""

    def of_rank(rank: int) -> st.SearchStrategy[list[int | str]]:
        dims = [dim_values(symbolic is None or k in symbolic) for k in range(rank)]
        return st.tuples(*dims).map(list)

    return st.sampled_from(list(ranks)).flatmap(of_rank)


@st.composite
def _related_shapes(
    draw: st.DrawFn, base: list[int | str], count: int
) -> list[list[int | str]]:
    """Mostly equal shapes; sometimes one dimension differs (what Concat joins on)."""
    shapes = []
    for _ in range(count):
        shape = list(base)
        if draw(st.integers(0, 3)) == 0:
            shape[draw(st.integers(0, len(shape) - 1))] = draw(dim_values())
        shapes.append(shape)
    return shapes


@dataclass
class LayerCase:
    """One drawn layer: its parameters and what each of its input ports gets."""

    type: str
    params: dict[str, Any]
    input_shapes: dict[str, list[int | str]]  # port -> sample shape (batch excluded)
    input_dtypes: dict[str, str]


@st.composite
def layer_cases(draw: st.DrawFn, layer_type: str) -> LayerCase:
    """Random parameters from the spec's ranges and (mostly) suitable inputs."""
    from designer.graph.catalog import get_spec

    spec = get_spec(layer_type)
    params = draw(layer_params(spec))
    ports = list(spec.input_ports(params))
    hint = INPUT_HINTS[layer_type]
    wild = draw(st.integers(0, 4)) == 0  # one draw in five ignores the hint
    if wild:
        shapes = {port: draw(sample_shapes((1, 2, 3, 4))) for port in ports}
        dtypes = {port: draw(st.sampled_from(("float", "long"))) for port in ports}
    else:
        base = draw(sample_shapes(hint.ranks, hint.symbolic))
        if hint.related:
            shapes = dict(
                zip(ports, draw(_related_shapes(base, len(ports))), strict=True)
            )
        else:
            shapes = {
                port: (
                    base if k == 0 else draw(sample_shapes(hint.ranks, hint.symbolic))
                )
                for k, port in enumerate(ports)
            }
        dtypes = {port: hint.dtype for port in ports}
    return LayerCase(layer_type, params, shapes, dtypes)


def single_layer_graph(case: LayerCase) -> tuple[Graph, Node]:
    """Input nodes → the layer → one Output per output port."""
    graph = Graph("model")
    layer = graph.add_node(case.type, name="layer", params=case.params)
    for k, port in enumerate(layer.input_ports(), start=1):
        source = graph.add_node(
            "Input",
            name=f"x{k}",
            params={"shape": case.input_shapes[port], "dtype": case.input_dtypes[port]},
        )
        graph.connect(source.id, "out", layer.id, port)
    for k, port in enumerate(layer.output_ports(), start=1):
        sink = graph.add_node("Output", name=f"y{k}")
        graph.connect(layer.id, port, sink.id, "in")
    return graph, layer


# -- running in PyTorch -----------------------------------------------------------


def smallest_vocabulary(graph: Graph) -> int:
    sizes = [
        n.params["num_embeddings"]
        for kind in ("Embedding", "EmbeddingBag")
        for n in graph.nodes_of_type(kind)
    ]
    return min(sizes, default=10)


def symbol_values_fit(
    graph: Graph, shapes: GraphShapes, values: Mapping[str, int]
) -> bool:
    """True when every inferred size is at least 1 for these symbol values (and
    positional embeddings are long enough); otherwise PyTorch must refuse the run."""
    for node_id, info in shapes.nodes.items():
        for shape in [*info.inputs.values(), *info.outputs.values()]:
            if any(evaluate_dim(d, values) < 1 for d in shape[1:]):
                return False
        node = graph.node(node_id)
        if node.type in SIZE_BOUND_TYPES and info.inputs:
            # A symbolic size cannot promise more pixels than the reflection padding,
            # or AvgPool3d's kernel: PyTorch refuses smaller values.
            least = SIZE_BOUND_TYPES[node.type](node.params)
            if any(evaluate_dim(d, values) < least for d in info.inputs["in"][2:]):
                return False
        positional = node.type in POSITIONAL_TYPES and info.inputs
        if (
            positional
            and evaluate_dim(info.inputs["in"][1], values) > node.params["max_len"]
        ):
            return False
    return True


def make_inputs(
    graph: Graph, input_names: Sequence[str], values: Mapping[str, int]
) -> list[torch.Tensor]:
    tensors = []
    vocabulary = smallest_vocabulary(graph)
    for name in input_names:
        node = graph.node_by_name(name)
        assert node is not None, name
        size = concrete(("N", *node.params["shape"]), values, BATCH)
        if node.params["dtype"] == "long":
            # Added or multiplied ids could leave the vocabulary; zeros stay inside.
            arithmetic = graph.nodes_of_type("Add") or graph.nodes_of_type("Multiply")
            tensors.append(
                torch.zeros(size, dtype=torch.long)
                if arithmetic
                else torch.randint(0, vocabulary, size)
            )
        else:
            tensors.append(torch.randn(size))
    return tensors


def module_params(module: torch.nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


@dataclass
class RunResult:
    shapes: GraphShapes
    outputs: dict[str, tuple[int, ...]]  # Output node name -> real shape
    ran: bool  # False when the symbol values could not fit and PyTorch refused as expected


def run_and_compare(graph: Graph, values: Mapping[str, int] | None = None) -> RunResult:
    """Build ``graph`` as export does, run a batch and assert shapes and counts match.

    ``graph`` must be valid.  Node names must already be identifiers (so the
    module attribute of a node is its name).
    """
    shapes = infer_shapes(graph)
    assert shapes.valid, [p.message for p in shapes.errors]
    used = set().union(
        *(symbols_in(n.params["shape"]) for n in graph.nodes_of_type("Input"))
    )
    values = {s: (values or {}).get(s, 12) for s in used}
    project = Project("check", [graph])
    built = build_networks(project, {graph.name: shapes})[graph.name]
    module, code = built.module, built.code
    inputs = make_inputs(graph, code.input_names, values)
    if not symbol_values_fit(graph, shapes, values):
        try:
            with torch.no_grad():
                module(*inputs)
        except Exception:  # noqa: BLE001 - any refusal by PyTorch is what we expect
            return RunResult(shapes, {}, ran=False)
        raise AssertionError(
            f"PyTorch accepted symbol values {values} that make a size < 1"
        )
    with torch.no_grad():
        result = module(*inputs)
    results = list(result) if isinstance(result, tuple) else [result]
    assert len(results) == len(code.output_names)
    real: dict[str, tuple[int, ...]] = {}
    for name, tensor in zip(code.output_names, results, strict=True):
        output = graph.node_by_name(name)
        assert output is not None
        inferred = shapes.nodes[output.id].inputs["in"]
        real[name] = tuple(tensor.shape)
        expected = concrete(inferred, values, BATCH)
        assert real[name] == expected, (
            f"output {name}: real {real[name]} != inferred {inferred} = {expected}"
        )
    # Parameter counts: per node (module attribute named like the node) and in total.
    for node in graph.nodes:
        info = shapes.nodes.get(node.id)
        child = getattr(module, node.name, None)
        if isinstance(child, torch.nn.Module) and info is not None:
            assert module_params(child) == info.params, (
                f"{node.type} {node.name}: {module_params(child)} != {info.params}"
            )
        elif (
            info is not None
            and _leads_to_output(graph, node)
            and to_identifier(node.name) == node.name
        ):
            assert info.params == 0, (
                f"{node.type} {node.name} has no module but {info.params} params"
            )
    assert module_params(module) == _live_params(graph, shapes)
    return RunResult(shapes, real, ran=True)


def _leads_to_output(graph: Graph, node: Node) -> bool:
    import networkx as nx

    view = graph.to_networkx()
    return (
        any(
            o.id in nx.descendants(view, node.id) for o in graph.nodes_of_type("Output")
        )
        or node.type == "Output"
    )


def _live_params(graph: Graph, shapes: GraphShapes) -> int:
    return sum(
        shapes.nodes[n.id].params for n in graph.nodes if _leads_to_output(graph, n)
    )


def total_elements(shape: Shape, values: Mapping[str, int]) -> int:
    return math.prod(concrete(shape, values, BATCH))


def layer_types() -> tuple[str, ...]:
    return LAYER_TYPES


# -- random graphs ------------------------------------------------------------------


@st.composite
def input_params(draw: st.DrawFn) -> dict[str, Any]:
    """An image, a sequence, a feature vector or token ids; lengths may be symbolic."""
    length = st.one_of(st.integers(2, 12), st.just("L"))
    kind = draw(st.sampled_from(("image", "sequence", "vector", "tokens")))
    if kind == "image":
        size = draw(st.one_of(st.integers(4, 10), st.just("L")))
        shape = [
            draw(st.integers(1, 4)),
            size,
            draw(st.one_of(st.just(size), st.integers(4, 10))),
        ]
    elif kind == "sequence":
        shape = [draw(length), draw(st.sampled_from((2, 4, 6, 8)))]
    elif kind == "vector":
        shape = [draw(st.integers(1, 12))]
    else:
        shape = [draw(length)]
    return {"shape": shape, "dtype": "long" if kind == "tokens" else "float"}


@st.composite
def random_graphs(
    draw: st.DrawFn, max_layers: int = 8, keep_errors: bool = False
) -> Graph:
    """Chains with branches and merges built by drawing layers onto existing tensors.

    A layer that inference refuses is taken out again, unless ``keep_errors`` (then
    one in three stays, so the graph has broken branches).  Every tensor nothing
    consumes gets an Output, and so do some intermediate ones.
    """
    graph = Graph("model")
    tensors: list[tuple[str, str]] = []
    for k in range(1, draw(st.integers(1, 2)) + 1):
        node = graph.add_node("Input", name=f"x{k}", params=draw(input_params()))
        tensors.append((node.id, "out"))
    consumed: set[tuple[str, str]] = set()
    for step in range(1, draw(st.integers(1, max_layers)) + 1):
        shapes = infer_shapes(graph)
        available = [t for t in tensors if t[1] in shapes.nodes[t[0]].outputs]
        if not available:
            break
        for _attempt in range(3):
            from designer.graph.catalog import get_spec

            spec = get_spec(draw(st.sampled_from(LAYER_TYPES)))
            params = draw(layer_params(spec))
            ports = list(spec.input_ports(params))
            # Recent tensors first, so that chains grow long.
            first = available[-1 - draw(st.integers(0, len(available) - 1)) // 2]
            sources = [first]
            shape = shapes.nodes[first[0]].outputs[first[1]]
            alike = [t for t in available if shapes.nodes[t[0]].outputs[t[1]] == shape]
            for _port in ports[1:]:
                pool = alike if draw(st.integers(0, 4)) else available
                sources.append(draw(st.sampled_from(pool)))
            node = graph.add_node(
                spec.type, name=f"{spec.default_name}{step}", params=params
            )
            for source, port in zip(sources, ports, strict=True):
                graph.connect(source[0], source[1], node.id, port)
            error = infer_shapes(graph).nodes[node.id].error
            if error is None or (keep_errors and draw(st.integers(0, 2)) == 0):
                consumed.update(sources)
                tensors += [(node.id, port) for port in node.output_ports()]
                break
            graph.remove_node(node.id)
    outputs = 0
    for tensor in tensors:
        if tensor not in consumed or draw(st.integers(0, 2)) == 0:
            outputs += 1
            sink = graph.add_node("Output", name=f"y{outputs}")
            graph.connect(tensor[0], tensor[1], sink.id, "in")
    return graph


@st.composite
def symbol_values(draw: st.DrawFn) -> dict[str, int]:
    return {name: draw(st.integers(1, 16)) for name in SYMBOLS}
