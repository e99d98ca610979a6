"""Import rules for the ``torch.nn`` layers added after :mod:`fx_layers`: ReLU6,
Hardsigmoid, Hardtanh and Mish.

Each rule reads a traced module and gives the catalog card, or raises
:class:`Unsupported` naming the setting the card cannot express; settings a card
has no field for must hold PyTorch's defaults.  :func:`fx_layers.rule_for` looks
here after its own table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from torch import nn

from designer.export.fx_layers import Card


def _same_name(kind: str) -> Callable[[Any], Card]:
    """A card without parameters, named like the module."""

    def rule(_m: Any) -> Card:
        return Card(kind, {})

    return rule


def _hardtanh(m: nn.Hardtanh) -> Card:
    return Card("Hardtanh", {"min_val": float(m.min_val), "max_val": float(m.max_val)})


MORE_MODULE_RULES: dict[type, Callable[[Any], Card]] = {
    nn.ReLU6: _same_name("ReLU6"),
    nn.Hardsigmoid: _same_name("Hardsigmoid"),
    nn.Hardtanh: _hardtanh,
    nn.Mish: _same_name("Mish"),
}
