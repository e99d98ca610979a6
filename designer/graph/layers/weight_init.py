"""A weight-initialisation choice per layer, and the ``nn.init`` code it becomes.

Layers with weights (Linear, the convolutions, Embedding, the recurrent layers)
get an ``init`` parameter.  "default" keeps PyTorch's own initialisation and
writes nothing; any other choice writes ``nn.init`` calls after the layer's
constructor in the generated ``__init__`` — and sets the biases to zero — so the
trained model and the exported file start from the same weights.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from designer.fields import Field, choice_field

DEFAULT = "default"
# Stored value → what the inspector shows.
INIT_CHOICES: dict[str, str] = {
    DEFAULT: "PyTorch default",
    "xavier_uniform": "Xavier uniform",
    "xavier_normal": "Xavier normal",
    "kaiming_uniform": "Kaiming uniform (for ReLU)",
    "kaiming_normal": "Kaiming normal (for ReLU)",
    "orthogonal": "Orthogonal",
    "normal": "Normal (std 0.01)",
    "uniform": "Uniform (−0.05 to 0.05)",
    "zeros": "Zeros",
}
# The weight call of each choice; {w} is the weight tensor's expression.
_WEIGHT_CALLS: dict[str, str] = {
    "xavier_uniform": "nn.init.xavier_uniform_({w})",
    "xavier_normal": "nn.init.xavier_normal_({w})",
    "kaiming_uniform": 'nn.init.kaiming_uniform_({w}, nonlinearity="relu")',
    "kaiming_normal": 'nn.init.kaiming_normal_({w}, nonlinearity="relu")',
    "orthogonal": "nn.init.orthogonal_({w})",
    "normal": "nn.init.normal_({w}, std=0.01)",
    "uniform": "nn.init.uniform_({w}, -0.05, 0.05)",
    "zeros": "nn.init.zeros_({w})",
}
INIT_HELP = (
    "How the weights start: PyTorch's default, or an nn.init scheme; "
    "any other choice than the default also sets the biases to zero"
)
# The recurrent layers and Embedding have no use for all-zero weights (every
# unit would stay the same), so they do not offer it.
WITHOUT_ZEROS = tuple(choice for choice in INIT_CHOICES if choice != "zeros")


def init_param(choices: Sequence[str] = tuple(INIT_CHOICES)) -> Field:
    """The ``init`` parameter, offering ``choices`` (keys of :data:`INIT_CHOICES`)."""
    return choice_field(
        "init",
        DEFAULT,
        {choice: INIT_CHOICES[choice] for choice in choices},
        label="Weight init",
        help=INIT_HELP,
    )


def weight_call(choice: str, weight: str) -> str:
    """``nn.init.orthogonal_(self.fc1.weight)`` for a choice other than the default."""
    return _WEIGHT_CALLS[choice].format(w=weight)


def init_weight_and_bias(
    has_bias: Callable[[Mapping[str, Any]], bool],
) -> Callable[[Mapping[str, Any], str], Sequence[str]]:
    """The initialiser of a layer with one ``weight`` and maybe a ``bias``."""

    def render(params: Mapping[str, Any], attr: str) -> Sequence[str]:
        choice = params.get("init", DEFAULT)
        if choice == DEFAULT:
            return ()
        lines = [weight_call(choice, f"{attr}.weight")]
        if has_bias(params):
            lines.append(f"nn.init.zeros_({attr}.bias)")
        return lines

    return render


def init_every_weight(params: Mapping[str, Any], attr: str) -> Sequence[str]:
    """The initialiser of a recurrent layer: each weight matrix (input-to-hidden and
    hidden-to-hidden, per layer and direction) by the choice, each bias zero."""
    choice = params.get("init", DEFAULT)
    if choice == DEFAULT:
        return ()
    return (
        f"for name, parameter in {attr}.named_parameters():",
        '    if name.startswith("weight"):',
        f"        {weight_call(choice, 'parameter')}",
        "    else:",
        "        nn.init.zeros_(parameter)",
    )
