"""Recurrent layers (RNN, LSTM, GRU) that return the whole output sequence."""

from __future__ import annotations

from designer.fields import Field, bool_field
from designer.graph.catalog import Inference, LayerSpec, register
from designer.graph.layers._rules import (
    float_param,
    int_param,
    render_args,
    require_known,
    require_rank,
    single_input,
)
from designer.graph.translatable import QT_TRANSLATE_NOOP

_GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}
_FORMULAS = {
    "RNN": "hₜ = tanh(W·xₜ + U·hₜ₋₁ + b)",
    "LSTM": "cₜ = fₜ⊙cₜ₋₁ + iₜ⊙gₜ,  hₜ = oₜ⊙tanh(cₜ)",
    "GRU": "hₜ = (1 − zₜ)⊙nₜ + zₜ⊙hₜ₋₁",
}
_DESCRIPTIONS = {
    "RNN": "Plain recurrent layer: a hidden state carried from step to step.",
    "LSTM": "Long short-term memory: gates decide what the cell state keeps, so it "
    "remembers over long sequences.",
    "GRU": "Gated recurrent unit: a lighter LSTM with two gates.",
}


def _recurrent_rule(kind: str):
    gates = _GATES[kind]

    def rule(params, inputs) -> Inference:
        shape = single_input(inputs)
        require_rank(
            shape, (3,), QT_TRANSLATE_NOOP("Problem", "a sequence (N, L, features)")
        )
        input_size = require_known(
            shape[2], QT_TRANSLATE_NOOP("Problem", "number of input features")
        )
        hidden, layers = params["hidden_size"], params["num_layers"]
        directions = 2 if params["bidirectional"] else 1
        total_params = 0
        macs_per_step = 0
        for layer in range(layers):
            width = input_size if layer == 0 else hidden * directions
            weights = gates * hidden * (width + hidden)
            total_params += directions * (weights + 2 * gates * hidden)
            macs_per_step += directions * weights
        steps = shape[1] if isinstance(shape[1], int) else 1
        return Inference(
            outputs={"out": (shape[0], shape[1], hidden * directions)},
            inferred={"input_size": input_size},
            params=total_params,
            macs=macs_per_step * steps,
        )

    return rule


def _recurrent_params(kind: str) -> tuple[Field, ...]:
    params = [
        int_param("hidden_size", 64, maximum=16384),
        int_param("num_layers", 1, maximum=16),
        bool_field("bidirectional", False),
        bool_field(
            "batch_first",
            True,
            help="Off runs the layer time-major inside; the graph's tensors stay batch-first",
        ),
        float_param("dropout", 0.0, 0.0, 0.99, help="Dropout between stacked layers"),
    ]
    if kind == "RNN":
        params.append(Field("nonlinearity", "choice", "tanh", choices=("tanh", "relu")))
    return tuple(params)


def _recurrent_construct(kind: str):
    def construct(params, inferred) -> str:
        keywords = {
            key: params[key]
            for key in ("num_layers", "nonlinearity", "bidirectional", "dropout")
            if key in params
        }
        keywords["batch_first"] = params["batch_first"]
        defaults = {
            "num_layers": 1,
            "nonlinearity": "tanh",
            "bidirectional": False,
            "dropout": 0.0,
        }
        return f"nn.{kind}({render_args([inferred['input_size'], params['hidden_size']], keywords, defaults)})"

    return construct


def _recurrent_forward(params, _inferred, attr: str, inputs) -> str:
    x = inputs["in"]
    if params["batch_first"]:
        return f"{attr}({x})[0]"
    return f"{attr}({x}.transpose(0, 1))[0].transpose(0, 1)"


for _kind in ("RNN", "LSTM", "GRU"):
    register(
        LayerSpec(
            type=_kind,
            category="Recurrent",
            description=_DESCRIPTIONS[_kind]
            + " Outputs the whole sequence (N, L, hidden).",
            formula=_FORMULAS[_kind],
            params=_recurrent_params(_kind),
            infer=_recurrent_rule(_kind),
            construct=_recurrent_construct(_kind),
            forward=_recurrent_forward,
            inferred_names=("input_size",),
            key_params=("hidden_size", "num_layers"),
        )
    )
