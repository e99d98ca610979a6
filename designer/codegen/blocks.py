"""One ``nn.Module`` class per block definition that the networks use.

The same block may see different sizes in different places (a residual block at
32 and at 64 channels).  The class then takes the sizes that differ as
``__init__`` arguments, named after what they are (``in_channels``), as a person
writes ``ResidualBlock(in_channels=64)``; sizes that are the same for every use
stay literals in the class.  This reads better than one class per size, and the
state_dict keys follow the attributes (``stage1.conv1.weight``).  Only when a use
differs in something that is not a whole number (a shape) does the definition get
a second class (``ResidualBlock2``).

A use repeated N times is ``nn.Sequential(*[Block() for _ in range(N)])`` (the
first repetition written apart when its sizes differ).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from designer.codegen.classes import render_class
from designer.codegen.naming import safe_text, to_class_name, to_identifier
from designer.graph.blocks import BLOCK, BlockTable
from designer.shapes.infer import GraphShapes


class Argument(int):
    """An inferred size written as the name of an ``__init__`` argument."""

    name: str

    def __new__(cls, value: int, name: str) -> Argument:
        made = super().__new__(cls, value)
        made.name = name
        return made

    def __str__(self) -> str:
        return self.name

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return self.name


@dataclass
class BlockCode:
    """The classes of the used blocks and the constructor of every use."""

    lines: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    class_names: list[str] = field(default_factory=list)
    # id(analysis of the graph holding the use) → node id → constructor text.
    calls: dict[int, dict[str, str]] = field(default_factory=dict)
    # id(analysis of one repetition of a use) → the class it is an instance of.
    class_of: dict[int, str] = field(default_factory=dict)

    def calls_for(self, shapes: GraphShapes) -> dict[str, str]:
        return self.calls.get(id(shapes), {})


def _collect(shapes: GraphShapes, found: dict[str, list[GraphShapes]]) -> None:
    for node_id in shapes.order:
        node = shapes.graph.node(node_id)
        if node.type == BLOCK and node_id in shapes.live:
            for run in shapes.nodes[node_id].block:
                found.setdefault(node.params["block"], []).append(run)
                _collect(run, found)


def _values(
    shapes: GraphShapes, arguments: Mapping[int, dict[str, int]]
) -> dict[tuple[str, str], Any]:
    """What decides a class's text, per node: inferred values and the arguments of
    the block uses inside."""
    values: dict[tuple[str, str], Any] = {}
    for node_id in shapes.order:
        if node_id not in shapes.live:
            continue
        info = shapes.nodes[node_id]
        if shapes.graph.node(node_id).type == BLOCK:
            for k, run in enumerate(info.block):
                for name, value in arguments[id(run)].items():
                    values[(node_id, f"{k}:{name}")] = value
        else:
            for key, value in info.inferred.items():
                values[(node_id, key)] = value
    return values


def _is_size(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _call(class_name: str, arguments: Mapping[str, Any]) -> str:
    text = ", ".join(f"{name}={value}" for name, value in arguments.items())
    return f"{class_name}({text})"


def use_constructor(calls: list[str]) -> str:
    """One call, or an ``nn.Sequential`` of the repetitions (runs of equal calls as
    a list comprehension)."""
    if len(calls) == 1:
        return calls[0]
    parts: list[str] = []
    k = 0
    while k < len(calls):
        end = k
        while end < len(calls) and calls[end] == calls[k]:
            end += 1
        count = end - k
        parts.append(
            calls[k] if count == 1 else f"*[{calls[k]} for _ in range({count})]"
        )
        k = end
    return f"nn.Sequential({', '.join(parts)})"


def _argument_names(
    shapes: GraphShapes, groups: list[list[tuple[str, str]]]
) -> list[str]:
    """``in_channels``, or ``conv1_in_channels`` where two groups share a key."""
    keys = [group[0][1].split(":")[-1] for group in groups]
    names: list[str] = []
    for group, key in zip(groups, keys, strict=True):
        name = key
        if keys.count(key) > 1:
            node = shapes.graph.node(group[0][0])
            name = f"{to_identifier(node.name)}_{key}"
        while name in names or name in {"self", "nn", "torch"}:
            name += "_"
        names.append(name)
    return names


def _block_class(
    table: BlockTable,
    name: str,
    class_name: str,
    runs: list[GraphShapes],
    code: BlockCode,
    arguments: dict[int, dict[str, int]],
) -> None:
    values = [_values(run, arguments) for run in runs]
    keys = list(values[0])
    varying = [k for k in keys if any(v.get(k) != values[0][k] for v in values)]
    # Sizes that vary together (in_channels of conv1 and of a projection) are one
    # argument.
    groups: dict[tuple[Any, ...], list[tuple[str, str]]] = {}
    for key in varying:
        groups.setdefault(tuple(v[key] for v in values), []).append(key)
    ordered = list(groups.values())
    argument_names = _argument_names(runs[0], ordered)
    shapes = runs[0]
    inferred: dict[str, dict[str, Any]] = {}
    for group, argument in zip(ordered, argument_names, strict=True):
        for node_id, key in group:
            if ":" not in key:
                base = inferred.setdefault(
                    node_id, dict(shapes.nodes[node_id].inferred)
                )
                base[key] = Argument(values[0][(node_id, key)], argument)
    calls: dict[str, str] = {}
    for node_id in shapes.order:
        node = shapes.graph.node(node_id)
        if node.type != BLOCK or node_id not in shapes.live:
            continue
        texts = []
        for k, run in enumerate(shapes.nodes[node_id].block):
            given = dict(arguments[id(run)])
            for group, argument in zip(ordered, argument_names, strict=True):
                for group_node, key in group:
                    if group_node == node_id and key.startswith(f"{k}:"):
                        given[key.split(":", 1)[1]] = argument
            texts.append(_call(code.class_of[id(run)], given))
        calls[node_id] = use_constructor(texts)
    definition = table.get(name)
    about = safe_text(definition.description, 200) or f"The block {safe_text(name)}."
    rendered = render_class(
        shapes.graph,
        shapes,
        class_name,
        about,
        init_parameters=", ".join(f"{a}: int" for a in argument_names),
        inferred=inferred,
        block_calls=calls,
        inputs_in_node_order=True,
        share_activations=True,
    )
    code.lines += ["", "", *rendered.lines]
    code.support += [s for s in rendered.support if s not in code.support]
    for run, run_values in zip(runs, values, strict=True):
        arguments[id(run)] = {
            argument: run_values[group[0]]
            for group, argument in zip(ordered, argument_names, strict=True)
        }
        code.class_of[id(run)] = class_name


def block_classes(
    table: BlockTable, analyses: list[GraphShapes], taken: frozenset[str]
) -> BlockCode:
    """The classes of every block the analysed networks use, inner blocks first,
    and the constructor of each use in each network."""
    found: dict[str, list[GraphShapes]] = {}
    for shapes in analyses:
        _collect(shapes, found)
    code = BlockCode()
    arguments: dict[int, dict[str, int]] = {}
    used_names = set(taken)
    for name in table.dependency_order(list(found)):
        runs = found.get(name, [])
        if not runs:
            continue
        splits: dict[tuple[Any, ...], list[GraphShapes]] = {}
        for run in runs:
            values = _values(run, arguments)
            fixed = tuple(v for v in values.values() if not _is_size(v))
            splits.setdefault(fixed, []).append(run)
        for group in splits.values():
            class_name = to_class_name(name, "Block", frozenset(used_names))
            while class_name in used_names:
                class_name += "2"
            used_names.add(class_name)
            code.class_names.append(class_name)
            _block_class(table, name, class_name, group, code, arguments)
    for shapes in [*analyses, *(r for runs in found.values() for r in runs)]:
        calls = {}
        for node_id in shapes.order:
            node = shapes.graph.node(node_id)
            if node.type == BLOCK and node_id in shapes.live:
                texts = [
                    _call(code.class_of[id(run)], arguments[id(run)])
                    for run in shapes.nodes[node_id].block
                ]
                calls[node_id] = use_constructor(texts)
        code.calls[id(shapes)] = calls
    return code
