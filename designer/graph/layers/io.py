"""Input and Output: where data enters the network and which tensors it returns."""

from __future__ import annotations

from designer.fields import Field
from designer.graph.catalog import (
    Inference,
    LayerSpec,
    keeps_dtype,
    register,
)
from designer.graph.shape import BATCH


def _no_ports(_params: object) -> tuple[str, ...]:
    return ()


def _input_shape(params, _inputs) -> Inference:
    return Inference(outputs={"out": (BATCH, *params["shape"])})


def _output_shape(_params, inputs) -> Inference:
    return Inference(outputs={})


def _input_dtype(params, _dtypes) -> str:
    return params["dtype"]


def _no_module(_params, _inferred) -> None:
    return None


def _unused(_params, _inferred, _attr, inputs) -> str:
    return inputs.get("in", "")


INPUT = register(
    LayerSpec(
        type="Input",
        category="Input/Output",
        description="Data entering the network. The shape excludes the batch dimension; "
        "use a name such as L for a sequence length that may vary.",
        params=(
            Field(
                "shape",
                "shape",
                [1, 28, 28],
                maximum=6,
                help="Sample shape without the batch dimension, e.g. 1, 28, 28",
            ),
            Field(
                "dtype",
                "choice",
                "float",
                choices=("float", "long"),
                help="float for images and features, long for integer token ids",
            ),
        ),
        infer=_input_shape,
        construct=_no_module,
        forward=_unused,
        inputs=_no_ports,
        dtype=_input_dtype,
        key_params=("shape", "dtype"),
        short_name="input",
    )
)

OUTPUT = register(
    LayerSpec(
        type="Output",
        category="Input/Output",
        description="Marks a tensor the network returns. A network may have several outputs.",
        params=(),
        infer=_output_shape,
        construct=_no_module,
        forward=_unused,
        outputs=_no_ports,
        dtype=keeps_dtype,
        short_name="output",
    )
)
