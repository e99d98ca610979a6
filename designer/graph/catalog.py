"""The layer catalog: one declarative :class:`LayerSpec` per layer type.

Everything that knows about a layer type — the palette, the inspector, shape
inference, parameter counting and code generation — reads it from here, so adding
a layer type is one spec in one module of :mod:`designer.graph.layers`.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from designer.graph.shape import BATCH, Shape

PORT_IN = "in"
PORT_OUT = "out"


class ShapeError(Exception):
    """A shape rule's complaint, written for people (the node name is added later)."""


@dataclass(frozen=True)
class ParamSpec:
    """One user-facing parameter of a layer.

    ``kind`` is one of ``int``, ``float``, ``bool``, ``choice``, ``padding`` (a
    non-negative int or one of ``choices`` such as "same"), ``shape`` (a list of
    positive ints or symbolic names such as "L") or ``ints`` (a list of ints).
    """

    name: str
    kind: str
    default: Any
    label: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    help: str = ""

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()

    def validate(self, value: Any) -> str | None:
        """Return a message for people when ``value`` is not acceptable, else None."""
        return _VALIDATORS[self.kind](self, value)


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_range(spec: ParamSpec, value: float, noun: str) -> str | None:
    if spec.minimum is not None and value < spec.minimum:
        return (
            f"must be {noun} of at least {_num(spec.minimum)}, got {_describe(value)}"
        )
    if spec.maximum is not None and value > spec.maximum:
        return f"must be {noun} of at most {_num(spec.maximum)}, got {_describe(value)}"
    return None


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _validate_int(spec: ParamSpec, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        noun = "a positive integer" if (spec.minimum or 0) >= 1 else "an integer"
        return f"must be {noun}, got {_describe(value)}"
    return _check_range(spec, value, "an integer")


def _validate_float(spec: ParamSpec, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number, got {_describe(value)}"
    if value != value or value in (float("inf"), float("-inf")):
        return f"must be a finite number, got {_describe(value)}"
    return _check_range(spec, float(value), "a number")


def _validate_bool(spec: ParamSpec, value: Any) -> str | None:
    if not isinstance(value, bool):
        return f"must be true or false, got {_describe(value)}"
    return None


def _validate_choice(spec: ParamSpec, value: Any) -> str | None:
    if value not in spec.choices:
        options = ", ".join(repr(c) for c in spec.choices)
        return f"must be one of {options}, got {_describe(value)}"
    return None


def _validate_padding(spec: ParamSpec, value: Any) -> str | None:
    if isinstance(value, str):
        return _validate_choice(spec, value)
    return _validate_int(spec, value)


MAX_DIM = 1_000_000
MAX_ELEMENTS = 100_000_000


def _validate_shape(spec: ParamSpec, value: Any) -> str | None:
    if not isinstance(value, list | tuple) or not value:
        return f"must be a non-empty list of sizes, got {_describe(value)}"
    if spec.maximum is not None and len(value) > spec.maximum:
        return f"must have at most {_num(spec.maximum)} dimensions, got {len(value)}"
    total = 1
    for index, dim in enumerate(value):
        if isinstance(dim, str):
            if not dim.isidentifier() or keyword.iskeyword(dim) or len(dim) > 16:
                return f"dimension {index} must be a size or a short name like 'L', got {_describe(dim)}"
            if dim == BATCH:
                return f"dimension {index} cannot be called {BATCH}: {BATCH} is the batch size, which is left out"
            continue
        if isinstance(dim, bool) or not isinstance(dim, int) or dim < 1:
            return f"dimension {index} must be a positive integer, got {_describe(dim)}"
        if dim > MAX_DIM:
            return f"dimension {index} is {dim}, larger than the limit of {MAX_DIM}"
        total *= dim
    if total > MAX_ELEMENTS:
        return f"has {total} elements per sample, more than the limit of {MAX_ELEMENTS}"
    return None


def _validate_ints(spec: ParamSpec, value: Any) -> str | None:
    if not isinstance(value, list | tuple) or not value:
        return f"must be a non-empty list of integers, got {_describe(value)}"
    for index, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, int):
            return f"item {index} must be an integer, got {_describe(item)}"
        if abs(item) > 64:
            return f"item {index} is out of range, got {item}"
    return None


def _validate_target_shape(spec: ParamSpec, value: Any) -> str | None:
    """A reshape target: positive sizes, with at most one -1 meaning "the rest"."""
    if not isinstance(value, list | tuple) or not value:
        return f"must be a non-empty list of sizes, got {_describe(value)}"
    for index, dim in enumerate(value):
        if (
            isinstance(dim, bool)
            or not isinstance(dim, int)
            or not (dim == -1 or 1 <= dim <= MAX_DIM)
        ):
            return f"dimension {index} must be a positive integer or -1, got {_describe(dim)}"
    if list(value).count(-1) > 1:
        return "may contain -1 only once"
    return None


_VALIDATORS: dict[str, Callable[[ParamSpec, Any], str | None]] = {
    "int": _validate_int,
    "float": _validate_float,
    "bool": _validate_bool,
    "choice": _validate_choice,
    "padding": _validate_padding,
    "shape": _validate_shape,
    "ints": _validate_ints,
    "target_shape": _validate_target_shape,
}


@dataclass(frozen=True)
class Inference:
    """What a shape rule returns: a shape per output port and the inferred parameters.

    ``inferred`` holds the numbers the input decides (in_features, in_channels, …);
    code generation writes them out explicitly.  ``params`` and ``macs`` are counts
    of trainable parameters and multiply-accumulates per sample.
    """

    outputs: Mapping[str, Shape]
    inferred: Mapping[str, Any] = field(default_factory=dict)
    params: int = 0
    macs: int = 0


# A shape rule gets the node's parameters and its input shapes (port -> shape).
ShapeRule = Callable[[Mapping[str, Any], Mapping[str, Shape]], Inference]
# A constructor renders the ``nn.Module`` expression, or None for a functional node.
Constructor = Callable[[Mapping[str, Any], Mapping[str, Any]], str | None]
# A forward renderer gets parameters, inferred values, the attribute expression
# (``self.conv1``) and the input variable names (port -> name); it returns the
# right-hand side of the forward statement.
ForwardRenderer = Callable[
    [Mapping[str, Any], Mapping[str, Any], str, Mapping[str, str]], str
]
PortsRule = Callable[[Mapping[str, Any]], Sequence[str]]
# A dtype rule gets the parameters and the dtype of each input port ("float" or
# "long") and returns the dtype of the outputs, or raises ShapeError.
DtypeRule = Callable[[Mapping[str, Any], Mapping[str, str]], str]

FLOAT = "float"
LONG = "long"


def needs_float(_params: Mapping[str, Any], dtypes: Mapping[str, str]) -> str:
    """Most layers compute with real numbers and cannot take integer token ids."""
    if LONG in dtypes.values():
        raise ShapeError(
            "gets integer token ids (dtype long) but needs real numbers; "
            "feed the ids through an Embedding first, or set the Input's dtype to float"
        )
    return FLOAT


def needs_tokens(_params: Mapping[str, Any], dtypes: Mapping[str, str]) -> str:
    """Lookup layers take integer ids and give real-valued vectors."""
    if FLOAT in dtypes.values():
        raise ShapeError(
            "needs integer token ids but gets real numbers; set the Input's dtype to long"
        )
    return FLOAT


def keeps_dtype(_params: Mapping[str, Any], dtypes: Mapping[str, str]) -> str:
    """Layers that only move values around keep integers integers (mixed → float)."""
    return LONG if dtypes and all(d == LONG for d in dtypes.values()) else FLOAT


def _single_in(_params: Mapping[str, Any]) -> Sequence[str]:
    return (PORT_IN,)


def _single_out(_params: Mapping[str, Any]) -> Sequence[str]:
    return (PORT_OUT,)


def _call_module(
    _p: Mapping[str, Any], _i: Mapping[str, Any], attr: str, inputs: Mapping[str, str]
) -> str:
    return f"{attr}({inputs[PORT_IN]})"


@dataclass(frozen=True)
class LayerSpec:
    """Everything the app knows about one layer type."""

    type: str
    category: str
    description: str
    params: tuple[ParamSpec, ...]
    infer: ShapeRule
    construct: Constructor
    forward: ForwardRenderer = _call_module
    formula: str = ""
    inputs: PortsRule = _single_in
    outputs: PortsRule = _single_out
    # Shown read-only in the inspector, in this order, once inference has run.
    inferred_names: tuple[str, ...] = ()
    # Which parameters a node shows on the canvas under its name.
    key_params: tuple[str, ...] = ()
    short_name: str = ""
    # Python source (a helper nn.Module class) the generated module needs once.
    support_code: str = ""
    # Which dtypes the layer accepts and gives (see needs_float / needs_tokens / keeps_dtype).
    dtype: DtypeRule = needs_float

    @property
    def default_name(self) -> str:
        """The stem of automatic node names (``conv2d`` → conv2d_1, conv2d_2…)."""
        return self.short_name or self.type.lower()

    def param(self, name: str) -> ParamSpec:
        for spec in self.params:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def defaults(self) -> dict[str, Any]:
        return {spec.name: _copy(spec.default) for spec in self.params}

    def input_ports(self, params: Mapping[str, Any]) -> Sequence[str]:
        return self.inputs(params)

    def output_ports(self, params: Mapping[str, Any]) -> Sequence[str]:
        return self.outputs(params)


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list | tuple) else value


CATEGORIES: tuple[str, ...] = (
    "Input/Output",
    "Dense",
    "Convolution",
    "Pooling",
    "Normalization",
    "Activation",
    "Shape",
    "Embedding",
    "Recurrent",
    "Attention",
    "Merge",
    "Generative",
)

_REGISTRY: dict[str, LayerSpec] = {}


def register(spec: LayerSpec) -> LayerSpec:
    if spec.type in _REGISTRY:
        raise ValueError(f"layer type {spec.type!r} registered twice")
    if spec.category not in CATEGORIES:
        raise ValueError(
            f"layer type {spec.type!r} has unknown category {spec.category!r}"
        )
    _REGISTRY[spec.type] = spec
    return spec


def _load() -> dict[str, LayerSpec]:
    if not _REGISTRY:
        import designer.graph.layers  # noqa: F401  (registers every spec)
    return _REGISTRY


def get_spec(layer_type: str) -> LayerSpec:
    try:
        return _load()[layer_type]
    except KeyError:
        raise KeyError(f"unknown layer type {layer_type!r}") from None


def has_spec(layer_type: str) -> bool:
    return layer_type in _load()


def all_specs() -> list[LayerSpec]:
    """Every spec, ordered by category then as registered."""
    specs = list(_load().values())
    return sorted(specs, key=lambda s: CATEGORIES.index(s.category))
