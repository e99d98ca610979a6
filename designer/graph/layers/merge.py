"""Layers that join or divide tensors: Add, Multiply, Concat, Split, and the cosine
similarity of two tensors."""

from __future__ import annotations

from designer.fields import Field
from designer.graph.catalog import (
    Inference,
    LayerSpec,
    ShapeError,
    keeps_dtype,
    register,
)
from designer.graph.layers._rules import int_param, single_input
from designer.graph.shape import Dim, Shape, format_shape, simplify_dim
from designer.graph.translatable import QT_TRANSLATE_NOOP


def numbered_ports(count: int) -> tuple[str, ...]:
    return tuple(f"in{k}" for k in range(1, count + 1))


def _merge_inputs(params) -> tuple[str, ...]:
    return numbered_ports(params["inputs"])


def _ordered(inputs) -> list[Shape]:
    return [inputs[port] for port in sorted(inputs, key=lambda p: int(p[2:]))]


def _elementwise_rule(params, inputs) -> Inference:
    shapes = _ordered(inputs)
    first = shapes[0]
    for other in shapes[1:]:
        if other != first:
            raise ShapeError(
                QT_TRANSLATE_NOOP("Problem", "shapes {first} and {other} differ"),
                first=format_shape(first),
                other=format_shape(other),
            )
    return Inference(outputs={"out": first})


def _inputs_param() -> Field:
    return int_param("inputs", 2, minimum=2, maximum=8, help="Number of input ports")


for _name, _operator, _description, _formula in (
    (
        "Add",
        " + ",
        "Adds tensors of the same shape element by element (residual connections).",
        "y = a + b",
    ),
    (
        "Multiply",
        " * ",
        "Multiplies tensors of the same shape element by element (gating).",
        "y = a ⊙ b",
    ),
):
    register(
        LayerSpec(
            type=_name,
            category="Merge",
            description=_description,
            formula=_formula,
            params=(_inputs_param(),),
            infer=_elementwise_rule,
            dtype=keeps_dtype,
            construct=lambda p, i: None,
            forward=lambda p, i, attr, inputs, _op=_operator: _op.join(
                inputs[port] for port in _merge_inputs(p)
            ),
            inputs=_merge_inputs,
        )
    )


def _normalise_dim(dim: int, rank: int, shape: Shape) -> int:
    if not -rank <= dim < rank:
        raise ShapeError(
            QT_TRANSLATE_NOOP("Problem", "dim {dim} does not exist in {shape}"),
            dim=str(dim),
            shape=format_shape(shape),
        )
    dim %= rank
    if dim == 0:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "dim 0 is the batch; choose a dimension of the sample (e.g. 1)",
            )
        )
    return dim


def _concat_rule(params, inputs) -> Inference:
    shapes = _ordered(inputs)
    first = shapes[0]
    dim = _normalise_dim(params["dim"], len(first), first)
    total: Dim = 0
    for other in shapes:
        if len(other) != len(first) or any(
            a != b
            for k, (a, b) in enumerate(zip(first, other, strict=True))
            if k != dim
        ):
            raise ShapeError(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "shapes {first} and {other} must match except in dim {dim}",
                ),
                first=format_shape(first),
                other=format_shape(other),
                dim=str(params["dim"]),
            )
        total = simplify_dim(f"({total})+({other[dim]})")
    return Inference(outputs={"out": (*first[:dim], total, *first[dim + 1 :])})


register(
    LayerSpec(
        type="Concat",
        category="Merge",
        description="Joins tensors along one dimension (e.g. channels, dim 1).",
        params=(_inputs_param(), Field("dim", "int", 1, minimum=-6, maximum=5)),
        infer=_concat_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: (
            f"torch.cat([{', '.join(inputs[port] for port in _merge_inputs(p))}], dim={p['dim']})"
        ),
        inputs=_merge_inputs,
        key_params=("dim",),
    )
)


def _split_outputs(params) -> tuple[str, ...]:
    return tuple(f"out{k}" for k in range(1, params["chunks"] + 1))


def _split_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    dim = _normalise_dim(params["dim"], len(shape), shape)
    chunks = params["chunks"]
    size = shape[dim]
    if not isinstance(size, int):
        raise ShapeError(
            QT_TRANSLATE_NOOP("Problem", "needs a fixed size along dim {dim}"),
            dim=str(params["dim"]),
        )
    if size % chunks:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "size {size} along dim {dim} does not split into {chunks} equal parts",
            ),
            size=str(size),
            dim=str(params["dim"]),
            chunks=str(chunks),
        )
    part = (*shape[:dim], size // chunks, *shape[dim + 1 :])
    return Inference(outputs={port: part for port in _split_outputs(params)})


register(
    LayerSpec(
        type="Split",
        category="Merge",
        description="Divides a tensor into equal chunks along a dimension, e.g. an encoder's "
        "output into mu and logvar.",
        params=(
            int_param("chunks", 2, minimum=2, maximum=8),
            Field("dim", "int", 1, minimum=-6, maximum=5),
        ),
        infer=_split_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: (
            f"torch.chunk({inputs['in']}, {p['chunks']}, dim={p['dim']})"
        ),
        outputs=_split_outputs,
        key_params=("chunks", "dim"),
    )
)


def _cosine_rule(params, inputs) -> Inference:
    first, other = inputs["in1"], inputs["in2"]
    if first != other:
        raise ShapeError(
            QT_TRANSLATE_NOOP("Problem", "shapes {first} and {other} differ"),
            first=format_shape(first),
            other=format_shape(other),
        )
    dim = _normalise_dim(params["dim"], len(first), first)
    return Inference(outputs={"out": (*first[:dim], *first[dim + 1 :])})


register(
    LayerSpec(
        type="CosineSimilarity",
        category="Merge",
        description="How alike two tensors are along one dimension: the cosine of the "
        "angle between them, from −1 (opposite) to 1 (same direction). That dimension "
        "disappears.",
        formula="y = Σ a·b / (‖a‖ · ‖b‖)",
        params=(Field("dim", "int", 1, minimum=-6, maximum=5),),
        infer=_cosine_rule,
        construct=lambda p, i: f"nn.CosineSimilarity(dim={p['dim']})",
        forward=lambda p, i, attr, inputs: f"{attr}({inputs['in1']}, {inputs['in2']})",
        inputs=lambda p: numbered_ports(2),
        key_params=("dim",),
        short_name="cosine",
    )
)


def _reparameterize_rule(_params, inputs) -> Inference:
    mu, logvar = inputs["mu"], inputs["logvar"]
    if mu != logvar:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "mu {mu} and logvar {logvar} must have the same shape"
            ),
            mu=format_shape(mu),
            logvar=format_shape(logvar),
        )
    return Inference(outputs={"out": mu})


register(
    LayerSpec(
        type="Reparameterize",
        category="Generative",
        description="Samples z from N(mu, σ²) in a way gradients flow through (the VAE trick).",
        formula="z = μ + ε ⊙ exp(½·logvar),  ε ~ N(0, I)",
        params=(),
        infer=_reparameterize_rule,
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: (
            f"{inputs['mu']} + torch.randn_like({inputs['mu']}) * torch.exp(0.5 * {inputs['logvar']})"
        ),
        inputs=lambda p: ("mu", "logvar"),
        short_name="reparam",
    )
)
