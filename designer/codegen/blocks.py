"""One ``nn.Module`` class per block a person would write, however many
definitions and uses it has.

The same block may see different sizes in different places (a residual block at
32 and at 64 channels).  The class then takes the sizes that differ as
``__init__`` arguments, named after what they are (``in_channels``), as a person
writes ``ResidualBlock(in_channels=64)``; sizes that are the same for every use
stay literals in the class.  This reads better than one class per size, and the
state_dict keys follow the attributes (``stage1.conv1.weight``), the same as
with one class per definition.

Definitions that differ only in whole-number settings of their layers are one
class too (see :mod:`designer.codegen.block_families`): GoogLeNet's Inception
modules, nine definitions on the canvas, are written as
``Inception(in_channels=192, p1=64, p2=(96, 128), p3=(16, 32), p4=32)``, as in
the hand-written original.  A number becomes an argument only when every use's
own code is that class's code with the use's numbers put in: a layer that writes
a setting only when it is not PyTorch's default (``stride=1`` is left out), or
reads it in ``forward`` (a ``dim``), where ``__init__``'s arguments are out of
reach, makes the uses that need other text a second class (``Inception2``), as
does anything else that is not a whole number (a shape).

A use repeated N times is ``nn.Sequential(*[Block() for _ in range(N)])`` (the
first repetition written apart when its sizes differ).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from designer.codegen.block_families import (
    INFERRED,
    INNER,
    PARAMETER,
    Slot,
    annotation,
    argument_groups,
    argument_names,
    families,
    family_class_stem,
    is_size,
)
from designer.codegen.classes import render_class
from designer.codegen.naming import safe_text, to_class_name
from designer.graph.blocks import BLOCK, BlockTable
from designer.graph.model import Node
from designer.graph.shape import format_shape
from designer.shapes.infer import GraphShapes

# A class's arguments: (name, tuple length or 0 for one number), in order.
Layout = list[tuple[str, int]]


class Argument(int):
    """A size written as the name of an ``__init__`` argument (or ``p2[0]``)."""

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
    # class name → its arguments.
    layouts: dict[str, Layout] = field(default_factory=dict)

    def calls_for(self, shapes: GraphShapes) -> dict[str, str]:
        return self.calls.get(id(shapes), {})


# id(analysis of one repetition) → the values of its class's arguments, one entry
# per number (``p2[0]`` and ``p2[1]`` for a tuple argument ``p2``).
Arguments = dict[int, dict[str, int]]


def _collect(shapes: GraphShapes, found: dict[str, list[GraphShapes]]) -> None:
    for node_id in shapes.order:
        node = shapes.graph.node(node_id)
        if node.type == BLOCK and node_id in shapes.live:
            for run in shapes.nodes[node_id].block:
                found.setdefault(node.params["block"], []).append(run)
                _collect(run, found)


def _values(shapes: GraphShapes, arguments: Arguments) -> dict[Slot, Any]:
    """What decides a class's text, per layer: inferred values, whole-number
    settings and the arguments of the block uses inside."""
    values: dict[Slot, Any] = {}
    for node_id in shapes.order:
        if node_id not in shapes.live:
            continue
        info = shapes.nodes[node_id]
        node = shapes.graph.node(node_id)
        if node.type == BLOCK:
            for k, run in enumerate(info.block):
                for name, value in arguments[id(run)].items():
                    values[Slot(node.name, f"{k}:{name}", INNER)] = value
            continue
        for key, value in info.inferred.items():
            values[Slot(node.name, key, INFERRED)] = value
        if node.type not in ("Input", "Output"):
            for key, value in node.params.items():
                if is_size(value):
                    values[Slot(node.name, key, PARAMETER)] = value
    return values


def _call(class_name: str, layout: Layout, given: Mapping[str, Any]) -> str:
    parts = []
    for name, length in layout:
        if length:
            value = f"({', '.join(str(given[f'{name}[{k}]']) for k in range(length))})"
        else:
            value = str(given[name])
        parts.append(f"{name}={value}")
    return f"{class_name}({', '.join(parts)})"


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


def _node_texts(
    node: Node, params: Mapping[str, Any], inferred: Mapping[str, Any]
) -> tuple[list[str], list[str]]:
    """A layer's ``__init__`` text and ``forward`` text."""
    spec = node.spec
    attribute = "self.layer"
    made = spec.construct(params, inferred)
    init = [made or "", *spec.initialise(params, attribute)]
    ports = {port: f"in_{port}" for port in node.input_ports()}
    out_ports = node.output_ports()
    if spec.statements is not None and len(out_ports) > 1:
        targets = {port: f"out_{port}" for port in out_ports}
        steps = spec.statements(params, inferred, attribute, ports, targets)
        forward = [f"{target} = {step}" for target, step in steps]
    else:
        forward = [spec.forward(params, inferred, attribute, ports)]
    return init, forward


_PLACEHOLDER = re.compile(r"__slot(\d+)__")


def _with(
    values: Mapping[str, Any], node: str, kind: str, slots: Mapping[Slot, Any]
) -> dict[str, Any]:
    """``values`` with the numbers of ``slots`` (of this node and kind) replaced."""
    replaced = dict(values)
    for slot, value in slots.items():
        if slot.node == node and slot.kind == kind:
            replaced[slot.key] = value
    return replaced


def _real_texts(run: GraphShapes, name: str) -> tuple[list[str], list[str]]:
    node = run.graph.node_by_name(name)
    assert node is not None  # the runs of a part share their layers' names
    return _node_texts(node, node.params, run.nodes[node.id].inferred)


def _reproduced(
    runs: list[GraphShapes], values: list[dict[Slot, Any]], part: list[int]
) -> tuple[list[int], set[Slot]]:
    """Which runs of ``part`` the class written from its first run reproduces with
    their own numbers put in, and the varying slots that ``forward`` would read
    (then none is)."""
    first = values[part[0]]
    varying = [s for s in first if any(values[r][s] != first[s] for r in part)]
    placeholders = {
        slot: Argument(first[slot], f"__slot{k}__") for k, slot in enumerate(varying)
    }
    shapes = runs[part[0]]
    template: dict[str, tuple[list[str], list[str]]] = {}
    in_forward: set[Slot] = set()
    for node_id in shapes.order:
        node = shapes.graph.node(node_id)
        if node_id not in shapes.live or node.type in ("Input", "Output", BLOCK):
            continue
        params = _with(node.params, node.name, PARAMETER, placeholders)
        inferred = _with(
            shapes.nodes[node_id].inferred, node.name, INFERRED, placeholders
        )
        template[node.name] = _node_texts(node, params, inferred)
        for number in _PLACEHOLDER.findall("\n".join(template[node.name][1])):
            in_forward.add(varying[int(number)])
    if in_forward:
        return [], in_forward
    kept = []
    for r in part:

        def put_in(match: re.Match[str], own: dict[Slot, Any] = values[r]) -> str:
            return str(own[varying[int(match.group(1))]])

        if all(
            tuple([_PLACEHOLDER.sub(put_in, t) for t in texts] for texts in pair)
            == _real_texts(runs[r], name)
            for name, pair in template.items()
        ):
            kept.append(r)
    return kept, set()


def _by_values(
    values: list[dict[Slot, Any]], part: list[int], slots: set[Slot] | None
) -> list[list[int]]:
    """``part`` split so that the numbers of ``slots`` (all when None) are equal."""
    split: dict[tuple[Any, ...], list[int]] = {}
    for r in part:
        key = tuple(v for s, v in values[r].items() if slots is None or s in slots)
        split.setdefault(key, []).append(r)
    return list(split.values())


def _consistent_parts(
    runs: list[GraphShapes], values: list[dict[Slot, Any]]
) -> list[list[int]]:
    """The runs split into groups that one class each can serve."""
    pending = [list(range(len(runs)))]
    parts: list[list[int]] = []
    while pending:
        part = pending.pop(0)
        kept, in_forward = _reproduced(runs, values, part)
        if in_forward:
            pending += _by_values(values, part, in_forward)
        elif len(kept) == len(part):
            parts.append(part)
        elif kept and kept[0] == part[0]:
            pending += [kept, [r for r in part if r not in kept]]
        else:  # nothing to share: one class per set of numbers
            parts += _by_values(values, part, None)
    return parts


def _shared_shapes(runs: list[GraphShapes]) -> dict[str, str | None]:
    """Each node's shape comment for a class that serves all ``runs``: the shape
    when every use agrees, None where the uses differ (a comment must hold for
    each of them).  Nodes are matched by name: copies of a block keep the names."""
    first = runs[0]
    shared: dict[str, str | None] = {}
    for node in first.graph.nodes:
        texts = set()
        for run in runs:
            found = [n for n in run.graph.nodes if n.name == node.name]
            info = run.nodes.get(found[0].id) if found else None
            if info is None:
                texts.add(None)
                continue
            texts.add(", ".join(format_shape(s) for s in info.outputs.values()))
        shared[node.id] = texts.pop() if len(texts) == 1 else None
    return shared


def _block_class(
    table: BlockTable,
    names: list[str],
    class_name: str,
    runs: list[GraphShapes],
    code: BlockCode,
    arguments: Arguments,
    taken: set[str],
) -> None:
    values = [_values(run, arguments) for run in runs]
    shapes = runs[0]
    varying = [s for s in values[0] if any(v[s] != values[0][s] for v in values)]
    groups = argument_groups(shapes.graph, varying, values)
    named = argument_names(shapes.graph, groups, taken)
    references = {
        slot: reference
        for group, reference in zip(groups, named.references, strict=True)
        for slot in group
    }
    inferred: dict[str, dict[str, Any]] = {}
    params: dict[str, dict[str, Any]] = {}
    calls: dict[str, str] = {}
    given = {s: Argument(values[0][s], r) for s, r in references.items()}
    for node_id in shapes.order:
        node = shapes.graph.node(node_id)
        if node_id not in shapes.live:
            continue
        if node.type == BLOCK:
            texts = []
            for k, run in enumerate(shapes.nodes[node_id].block):
                inner = dict(arguments[id(run)])
                inner.update(
                    (s.key.split(":", 1)[1], a)
                    for s, a in given.items()
                    if s.node == node.name and s.key.startswith(f"{k}:")
                )
                inner_class = code.class_of[id(run)]
                texts.append(_call(inner_class, code.layouts[inner_class], inner))
            calls[node_id] = use_constructor(texts)
            continue
        inferred[node_id] = _with(
            shapes.nodes[node_id].inferred, node.name, INFERRED, given
        )
        params[node_id] = _with(node.params, node.name, PARAMETER, given)
    definition = table.get(names[0])
    about = safe_text(definition.description, 1000) or (
        f"The block {safe_text(names[0])}."
        if len(names) == 1
        else f"The blocks {safe_text(', '.join(names))}: one class, as they differ "
        f"only in the sizes it takes as arguments."
    )
    rendered = render_class(
        shapes.graph,
        shapes,
        class_name,
        about,
        init_parameters=", ".join(
            f"{name}: {annotation(length)}" for name, length in named.layout
        ),
        inferred=inferred,
        params=params,
        block_calls=calls,
        inputs_in_node_order=True,
        share_activations=True,
        chain_calls=True,
        shape_comments=_shared_shapes(runs),
    )
    code.lines += ["", "", *rendered.lines]
    code.support += [s for s in rendered.support if s not in code.support]
    code.layouts[class_name] = named.layout
    for run, run_values in zip(runs, values, strict=True):
        arguments[id(run)] = {
            reference: run_values[group[0]]
            for group, reference in zip(groups, named.references, strict=True)
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
    arguments: Arguments = {}
    used_names = set(taken)
    order = [name for name in table.dependency_order(list(found)) if found.get(name)]
    first_use = {name: k for k, name in enumerate(found)}
    for family in families(table, order):
        # In the order the networks use them: Inception, Inception_1…
        family.sort(key=first_use.__getitem__)
        runs = [(name, run) for name in family for run in found[name]]
        # What no argument can carry (a shape, the class of a block inside) splits.
        splits: dict[tuple[Any, ...], list[tuple[str, GraphShapes]]] = {}
        for name, run in runs:
            own = _values(run, arguments)
            fixed = tuple(
                (slot, value) for slot, value in own.items() if not is_size(value)
            )
            inner = tuple(
                code.class_of[id(inner_run)]
                for node_id in run.order
                if node_id in run.live
                for inner_run in run.nodes[node_id].block
            )
            splits.setdefault((frozenset(own), fixed, inner), []).append((name, run))
        for split in splits.values():
            split_runs = [run for _, run in split]
            values = [_values(run, arguments) for run in split_runs]
            for part in _consistent_parts(split_runs, values):
                names = list(dict.fromkeys(split[r][0] for r in part))
                stem = family_class_stem(table, names)
                class_name = to_class_name(stem, "Block", frozenset(used_names))
                while class_name in used_names:
                    class_name += "2"
                used_names.add(class_name)
                code.class_names.append(class_name)
                part_runs = [split_runs[r] for r in part]
                _block_class(
                    table, names, class_name, part_runs, code, arguments, used_names
                )
    for shapes in [*analyses, *(r for runs in found.values() for r in runs)]:
        calls = {}
        for node_id in shapes.order:
            node = shapes.graph.node(node_id)
            if node.type == BLOCK and node_id in shapes.live:
                texts = [
                    _call(
                        code.class_of[id(run)],
                        code.layouts[code.class_of[id(run)]],
                        arguments[id(run)],
                    )
                    for run in shapes.nodes[node_id].block
                ]
                calls[node_id] = use_constructor(texts)
        code.calls[id(shapes)] = calls
    return code
