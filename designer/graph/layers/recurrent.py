"""Recurrent layers (RNN, LSTM, GRU): the whole output sequence, and on request
ports for the initial state (h0, c0) and the final state (h_n, c_n); and their
one-step cells (RNNCell, GRUCell, LSTMCell): (N, input_size) → h′ (N, hidden),
with state inputs h (and c) on request and LSTMCell's cell state on port c.

The graph keeps the batch first everywhere, states included: a state is
(N, num_layers·directions, hidden), which the generated code transposes to and
from PyTorch's (num_layers·directions, N, hidden).
"""

from __future__ import annotations

from designer.fields import Field, bool_field
from designer.graph.catalog import Inference, LayerSpec, ShapeError, register
from designer.graph.layers._rules import (
    float_param,
    int_param,
    render_args,
    require_known,
    require_rank,
    single_input,
)
from designer.graph.layers.weight_init import (
    WITHOUT_ZEROS,
    init_every_weight,
    init_param,
)
from designer.graph.shape import format_shape
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
        state = (shape[0], layers * directions, hidden)
        for port in _state_inputs(kind, params):
            if tuple(inputs[port]) != state:
                raise ShapeError(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "expects the initial state {port} as {expected}, got {got}",
                    ),
                    port=port,
                    expected=format_shape(state),
                    got=format_shape(inputs[port]),
                )
        outputs = {"out": (shape[0], shape[1], hidden * directions)}
        outputs.update(dict.fromkeys(_state_outputs(kind, params), state))
        return Inference(
            outputs=outputs,
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
    params.append(init_param(WITHOUT_ZEROS))
    states = "h0 and c0" if kind == "LSTM" else "h0"
    finals = "h_n and c_n" if kind == "LSTM" else "h_n"
    params += [
        bool_field(
            "state_in",
            False,
            label="Initial state inputs",
            help=f"Adds inputs {states} (N, num_layers·directions, hidden) for the "
            "state to start from; without them it starts from zeros",
        ),
        bool_field(
            "state_out",
            False,
            label="Final state outputs",
            help=f"Adds outputs {finals} (N, num_layers·directions, hidden): the state "
            "after the last step, e.g. to start a decoder from",
        ),
    ]
    return tuple(params)


def _state_names(kind: str) -> tuple[str, ...]:
    return ("h", "c") if kind == "LSTM" else ("h",)


def _state_inputs(kind: str, params) -> tuple[str, ...]:
    return tuple(f"{s}0" for s in _state_names(kind)) if params["state_in"] else ()


def _state_outputs(kind: str, params) -> tuple[str, ...]:
    return tuple(f"{s}_n" for s in _state_names(kind)) if params["state_out"] else ()


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


def _recurrent_call(kind: str, params, attr: str, inputs) -> str:
    """``self.lstm(x, (h0, c0))``: the sequence and initial state, time-major when
    batch_first is off, states transposed to PyTorch's layout."""
    x = inputs["in"]
    sequence = x if params["batch_first"] else f"{x}.transpose(0, 1)"
    states = [
        f"{inputs[port]}.transpose(0, 1).contiguous()"
        for port in _state_inputs(kind, params)
    ]
    if not states:
        return f"{attr}({sequence})"
    state = states[0] if len(states) == 1 else f"({', '.join(states)})"
    return f"{attr}({sequence}, {state})"


def _recurrent_forward(kind: str):
    def forward(params, _inferred, attr: str, inputs) -> str:
        call = f"{_recurrent_call(kind, params, attr, inputs)}[0]"
        return call if params["batch_first"] else f"{call}.transpose(0, 1)"

    return forward


def _recurrent_statements(kind: str):
    """``lstm_out, (lstm_h_n, lstm_c_n) = self.lstm(x)``, then each result made
    batch-first."""

    def statements(params, _inferred, attr: str, inputs, targets):
        out = targets["out"]
        finals = [targets[port] for port in _state_outputs(kind, params)]
        state = finals[0] if len(finals) == 1 else f"({', '.join(finals)})"
        steps = [(f"{out}, {state}", _recurrent_call(kind, params, attr, inputs))]
        if not params["batch_first"]:
            steps.append((out, f"{out}.transpose(0, 1)"))
        steps += [(final, f"{final}.transpose(0, 1)") for final in finals]
        return steps

    return statements


for _kind in ("RNN", "LSTM", "GRU"):
    register(
        LayerSpec(
            type=_kind,
            category="Recurrent",
            description=_DESCRIPTIONS[_kind]
            + " Outputs the whole sequence (N, L, hidden); ports for the initial and "
            "final state can be added.",
            formula=_FORMULAS[_kind],
            params=_recurrent_params(_kind),
            infer=_recurrent_rule(_kind),
            construct=_recurrent_construct(_kind),
            forward=_recurrent_forward(_kind),
            statements=_recurrent_statements(_kind),
            inputs=lambda p, kind=_kind: ("in", *_state_inputs(kind, p)),
            outputs=lambda p, kind=_kind: ("out", *_state_outputs(kind, p)),
            initialise=init_every_weight,
            inferred_names=("input_size",),
            key_params=("hidden_size", "num_layers"),
        )
    )


# Cells: one step of the recurrence, (N, input_size) → h' (N, hidden_size).
_CELL_KINDS = ("RNNCell", "GRUCell", "LSTMCell")
_CELL_FORMULAS = {
    "RNNCell": "h′ = tanh(W·x + U·h + b)",
    "GRUCell": "h′ = (1 − z)⊙n + z⊙h",
    "LSTMCell": "c′ = f⊙c + i⊙g,  h′ = o⊙tanh(c′)",
}
_CELL_DESCRIPTIONS = {
    "RNNCell": "One step of a plain recurrent layer: the next hidden state from an "
    "input and the previous state.",
    "GRUCell": "One step of a gated recurrent unit: the next hidden state from an "
    "input and the previous state.",
    "LSTMCell": "One step of an LSTM: the next hidden state and cell state from an "
    "input and the previous pair; the cell state comes out on port c.",
}


def _cell_state_inputs(kind: str, params) -> tuple[str, ...]:
    if not params["state_in"]:
        return ()
    return ("h", "c") if kind == "LSTMCell" else ("h",)


def _cell_rule(kind: str):
    gates = _GATES[kind.removesuffix("Cell")]

    def rule(params, inputs) -> Inference:
        shape = single_input(inputs)
        require_rank(
            shape,
            (2,),
            QT_TRANSLATE_NOOP("Problem", "a batch of vectors (N, features)"),
        )
        input_size = require_known(
            shape[1], QT_TRANSLATE_NOOP("Problem", "number of input features")
        )
        hidden = params["hidden_size"]
        state = (shape[0], hidden)
        for port in _cell_state_inputs(kind, params):
            if tuple(inputs[port]) != state:
                raise ShapeError(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "expects the state {port} as {expected}, got {got}",
                    ),
                    port=port,
                    expected=format_shape(state),
                    got=format_shape(inputs[port]),
                )
        weights = gates * hidden * (input_size + hidden)
        biases = 2 * gates * hidden if params["bias"] else 0
        outputs = {"out": state}
        if kind == "LSTMCell":
            outputs["c"] = state
        return Inference(
            outputs=outputs,
            inferred={"input_size": input_size},
            params=weights + biases,
            macs=weights,
        )

    return rule


def _cell_params(kind: str) -> tuple[Field, ...]:
    params: list[Field] = [
        int_param("hidden_size", 64, maximum=16384),
        bool_field("bias", True),
    ]
    if kind == "RNNCell":
        params.append(Field("nonlinearity", "choice", "tanh", choices=("tanh", "relu")))
    params.append(init_param(WITHOUT_ZEROS))
    params.append(
        bool_field(
            "state_in",
            False,
            label="State inputs",
            help="Adds inputs h and c (N, hidden) for the previous state; without "
            "them it starts from zeros"
            if kind == "LSTMCell"
            else "Adds an input h (N, hidden) for the previous state; without it it "
            "starts from zeros",
        )
    )
    return tuple(params)


def _cell_construct(kind: str):
    def construct(params, inferred) -> str:
        keywords = {
            key: params[key] for key in ("bias", "nonlinearity") if key in params
        }
        defaults = {"bias": True, "nonlinearity": "tanh"}
        positional = [inferred["input_size"], params["hidden_size"]]
        return f"nn.{kind}({render_args(positional, keywords, defaults)})"

    return construct


def _cell_call(kind: str, params, attr: str, inputs) -> str:
    """``self.cell(x)``, ``self.cell(x, h)`` or ``self.cell(x, (h, c))``."""
    states = [inputs[port] for port in _cell_state_inputs(kind, params)]
    if not states:
        return f"{attr}({inputs['in']})"
    state = states[0] if len(states) == 1 else f"({', '.join(states)})"
    return f"{attr}({inputs['in']}, {state})"


def _cell_forward(kind: str):
    def forward(params, _inferred, attr: str, inputs) -> str:
        call = _cell_call(kind, params, attr, inputs)
        return f"{call}[0]" if kind == "LSTMCell" else call

    return forward


def _lstm_cell_statements(params, _inferred, attr: str, inputs, targets):
    """``cell_out, cell_c = self.cell(x, (h, c))``."""
    call = _cell_call("LSTMCell", params, attr, inputs)
    return [(f"{targets['out']}, {targets['c']}", call)]


for _kind in _CELL_KINDS:
    register(
        LayerSpec(
            type=_kind,
            category="Recurrent",
            description=_CELL_DESCRIPTIONS[_kind]
            + " Takes (N, input_size), gives h′ (N, hidden_size).",
            formula=_CELL_FORMULAS[_kind],
            params=_cell_params(_kind),
            infer=_cell_rule(_kind),
            construct=_cell_construct(_kind),
            forward=_cell_forward(_kind),
            statements=_lstm_cell_statements if _kind == "LSTMCell" else None,
            inputs=lambda p, kind=_kind: ("in", *_cell_state_inputs(kind, p)),
            outputs=lambda p, kind=_kind: (
                ("out", "c") if kind == "LSTMCell" else ("out",)
            ),
            initialise=init_every_weight,
            inferred_names=("input_size",),
            key_params=("hidden_size",),
        )
    )
