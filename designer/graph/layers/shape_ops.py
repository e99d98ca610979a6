"""Layers that only rearrange a tensor: Flatten, Reshape, Permute, the last time step
of a sequence and a vector repeated at every time step."""

from __future__ import annotations

from designer.fields import Field
from designer.graph.catalog import (
    Inference,
    LayerSpec,
    ShapeError,
    keeps_dtype,
    register,
)
from designer.graph.layers._rules import int_param, literal, require_rank, single_input
from designer.graph.shape import format_shape, numel, product
from designer.graph.translatable import QT_TRANSLATE_NOOP


def _flatten_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    start = params["start_dim"]
    if start >= len(shape):
        raise ShapeError(
            QT_TRANSLATE_NOOP("Problem", "start dim {start} does not exist in {shape}"),
            start=str(start),
            shape=format_shape(shape),
        )
    return Inference(outputs={"out": (*shape[:start], product(shape[start:]))})


register(
    LayerSpec(
        type="Flatten",
        category="Shape",
        description="Joins all dimensions from start dim on into one, e.g. (N, 64, 3, 3) → (N, 576).",
        params=(int_param("start_dim", 1, minimum=1, maximum=5),),
        infer=_flatten_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: (
            "nn.Flatten()" if p["start_dim"] == 1 else f"nn.Flatten({p['start_dim']})"
        ),
    )
)


def _reshape_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    target = list(params["shape"])
    elements = numel(shape)
    if elements is None:
        raise ShapeError(
            QT_TRANSLATE_NOOP("Problem", "needs fixed sizes to reshape {shape}"),
            shape=format_shape(shape),
        )
    known = product([d for d in target if d != -1])
    if -1 in target:
        if elements % known:
            raise ShapeError(
                QT_TRANSLATE_NOOP(
                    "Problem", "cannot reshape {shape} ({elements} values) to {target}"
                ),
                shape=format_shape(shape),
                elements=str(elements),
                target=str(target),
            )
        target[target.index(-1)] = elements // known
    elif known != elements:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "cannot reshape {shape} ({elements} values per sample) "
                "to {target} ({known} values)",
            ),
            shape=format_shape(shape),
            elements=str(elements),
            target=format_shape(("N", *target)),
            known=str(known),
        )
    return Inference(outputs={"out": ("N", *target)})


register(
    LayerSpec(
        type="Reshape",
        category="Shape",
        description="Gives each sample a new shape with the same number of values "
        "(batch dimension kept; -1 means 'the rest').",
        params=(
            Field(
                "shape", "target_shape", [-1], help="New sample shape, e.g. 64, 7, 7"
            ),
        ),
        infer=_reshape_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: (
            f"{inputs['in']}.reshape({inputs['in']}.shape[0], {', '.join(literal(d) for d in p['shape'])})"
        ),
        key_params=("shape",),
    )
)


def _permute_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    dims = list(params["dims"])
    if sorted(dims) != list(range(1, len(shape))):
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "dims {dims} must order the sample dimensions 1..{last} of {shape}, "
                "each once",
            ),
            dims=str(dims),
            last=str(len(shape) - 1),
            shape=format_shape(shape),
        )
    return Inference(outputs={"out": (shape[0], *(shape[d] for d in dims))})


register(
    LayerSpec(
        type="Permute",
        category="Shape",
        description="Reorders the sample dimensions (the batch stays first), e.g. 2, 1 turns "
        "(N, C, L) into (N, L, C).",
        params=(Field("dims", "ints", [2, 1], help="New order of dimensions 1, 2, …"),),
        infer=_permute_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: (
            f"{inputs['in']}.permute(0, {', '.join(str(d) for d in p['dims'])})"
        ),
        key_params=("dims",),
    )
)


def _last_step_rule(_params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(
        shape, (3,), QT_TRANSLATE_NOOP("Problem", "a sequence (N, L, features)")
    )
    return Inference(outputs={"out": (shape[0], shape[2])})


register(
    LayerSpec(
        type="LastTimeStep",
        category="Recurrent",
        description="Keeps the last element of a sequence: (N, L, F) → (N, F), e.g. to classify "
        "from an LSTM's final output.",
        params=(),
        infer=_last_step_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: f"{inputs['in']}[:, -1]",
        short_name="last_step",
    )
)


def _repeat_step_rule(_params, inputs) -> Inference:
    shape, like = inputs["in"], inputs["like"]
    require_rank(
        like,
        (2, 3, 4, 5),
        QT_TRANSLATE_NOOP("Problem", "a sequence (N, L, …) at 'like'"),
    )
    if len(shape) < 2:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "expects a sample (N, features) to repeat, got {shape}"
            ),
            shape=format_shape(shape),
        )
    # The rank writes the code's repeat(1, L, 1, …).
    return Inference(
        outputs={"out": (shape[0], like[1], *shape[1:])},
        inferred={"rank": len(shape)},
    )


def _repeat_step_forward(params, inferred, attr, inputs) -> str:
    x, like = inputs["in"], inputs["like"]
    ones = ", ".join("1" for _ in range(inferred["rank"] - 1))
    return f"{x}.unsqueeze(1).repeat(1, {like}.shape[1], {ones})"


register(
    LayerSpec(
        type="RepeatTimeStep",
        category="Recurrent",
        description="Repeats one vector at every time step of the sequence at 'like': "
        "(N, F) → (N, L, F), e.g. an encoder's final state as the context of each "
        "decoder step (the inverse of LastTimeStep).",
        params=(),
        infer=_repeat_step_rule,
        dtype=lambda p, dtypes: dtypes.get("in", "float"),
        construct=lambda p, i: None,
        forward=_repeat_step_forward,
        inputs=lambda p: ("in", "like"),
        short_name="repeat_step",
    )
)
