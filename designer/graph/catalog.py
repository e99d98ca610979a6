"""The layer catalog: one declarative :class:`LayerSpec` per layer type.

Everything that knows about a layer type — the palette, the inspector, shape
inference, parameter counting and code generation — reads it from here, so adding
a layer type is one spec in one module of :mod:`designer.graph.layers`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from designer.fields import Field
from designer.graph.shape import Shape
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

PORT_IN = "in"
PORT_OUT = "out"


class ShapeError(Exception):
    """A shape rule's complaint, written for people (the node name is added later).

    Raised with a template marked for translation and its arguments,
    ``ShapeError(QT_TRANSLATE_NOOP("Problem", "expects {expected}, got {got}"),
    expected=…, got=…)``; ``str(error)`` is the English sentence and ``text`` the
    :class:`Message` the ui translates.
    """

    def __init__(self, template: str, **args: str | Message) -> None:
        self.text = Message.of(template, **args)
        super().__init__(self.text.english())


# A layer parameter is a field: its kind, range, choices and messages live in
# designer.fields, shared with the training settings.  (The graph model, the
# project loader and the layer reference know it by this name.)
ParamSpec = Field


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
            QT_TRANSLATE_NOOP(
                "Problem",
                "gets integer token ids (dtype long) but needs real numbers; "
                "feed the ids through an Embedding first, or set the Input's dtype to float",
            )
        )
    return FLOAT


def needs_tokens(_params: Mapping[str, Any], dtypes: Mapping[str, str]) -> str:
    """Lookup layers take integer ids and give real-valued vectors."""
    if FLOAT in dtypes.values():
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "needs integer token ids but gets real numbers; set the Input's dtype to long",
            )
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
    params: tuple[Field, ...]
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

    def param(self, name: str) -> Field:
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
