"""Imported models keep their own structure: each of the user's module classes
becomes a block.

The importer first draws the model flat and checks it; this step then groups the
cards made inside each instance of a user-defined ``nn.Module`` (innermost first,
so blocks nest) with the model's editing rules, names the cards inside a block
after the module's own attributes, and lets every instance of a class with the
same structure share one definition.  The weights keep their paths
(``layer1.block.conv1.weight`` stays that key when the cards are named as the
modules are); the caller checks the keys and the outputs, and keeps the flat
drawing whenever the grouped one would not give the model's results.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from designer.graph.block_editing import group_into_block
from designer.graph.blocks import BLOCK
from designer.graph.model import Graph, Project
from designer.graph.naming import automatic_name
from designer.graph.order import topological_order
from designer.shapes.infer import infer_shapes

# For a card: the user-defined modules it was made in, outermost first, as
# (module path, class name).
Owners = dict[str, list[tuple[str, str]]]


def is_user_class(cls: type) -> bool:
    """A module class of the user's (or a library's), not one of PyTorch's own."""
    return not cls.__module__.startswith("torch.")


def owners_from_stack(stack: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The user's modules of an fx node's ``nn_module_stack``, outermost first."""
    found = []
    for value in stack.values():
        path, cls = value if isinstance(value, tuple) else (None, value)
        if path and isinstance(cls, type) and is_user_class(cls):
            found.append((str(path), cls.__name__))
    return found


def _identifier(text: str) -> str:
    name = re.sub(r"\W", "_", text).strip("_") or "layer"
    return f"layer_{name}" if name[0].isdigit() else name


@dataclass
class BlockDrawing:
    """What grouping made: the project and, per block, the module path its cards
    were named from (the first instance of the class)."""

    project: Project
    source_path: dict[str, str] = field(default_factory=dict)
    module_of: dict[str, str] = field(default_factory=dict)  # card id → module path


def draw_blocks(
    project: Project, owners: Owners, module_of: Mapping[str, str]
) -> BlockDrawing:
    """Group ``project``'s first network by the user's modules (in place)."""
    graph = project.networks[0]
    drawing = BlockDrawing(project, module_of=dict(module_of))
    classes = {path: cls for chain in owners.values() for path, cls in chain}
    owners = {card: list(chain) for card, chain in owners.items()}
    for path in sorted(classes, key=lambda p: (-p.count("."), p)):
        members = [
            card
            for card, chain in owners.items()
            if graph.has_node(card) and any(p == path for p, _ in chain)
        ]
        if not members:
            continue
        outer = [
            (p, c) for p, c in owners[members[0]] if p != path and len(p) < len(path)
        ]
        use = _group(drawing, graph, members, path, classes[path])
        owners[use] = outer
        drawing.module_of[use] = path
        # Its whole path for now; inside an outer block it takes its attribute's name.
        graph.rename(use, _identifier(path))
    return drawing


def _group(
    drawing: BlockDrawing, graph: Graph, members: list[str], path: str, cls: str
) -> str:
    project = drawing.project
    shapes = infer_shapes(graph)

    def shape_of(node: str, port: str) -> tuple[list[Any], str] | None:
        info = shapes.nodes.get(node)
        if info is None or port not in info.outputs:
            return None
        return list(info.outputs[port][1:]), info.dtypes.get(port, "float")

    name = (
        automatic_name(set(project.blocks.names()), cls)
        if cls in project.blocks
        else cls
    )
    before = {n.id for n in graph.nodes}
    group_into_block(project, graph.name, members, name, shape_of).apply(project)
    [use] = [n.id for n in graph.nodes if n.id not in before]
    definition = project.blocks.get(name).graph
    _local_names(definition, path, drawing.module_of)
    drawing.source_path[name] = path
    for other in project.blocks.names():
        if other != name and _same(project.blocks.get(other).graph, definition):
            graph.set_param(use, "block", other)
            project.blocks.remove(name)
            drawing.source_path.pop(name)
            break
    return use


def _local_names(definition: Graph, path: str, module_of: Mapping[str, str]) -> None:
    """Cards named as the module's attributes; the rest numbered in order."""
    temporary = {}
    for node in definition.nodes:  # out of the way first, so no name is taken
        temporary[node.id] = f"tmp_{node.id}"
        definition.rename(node.id, temporary[node.id])
    taken: set[str] = set()
    for node_id in topological_order(definition):
        node = definition.node(node_id)
        target = module_of.get(node_id, "")
        if target.startswith(path + "."):
            name = _identifier(target[len(path) + 1 :])
        else:
            name = automatic_name(taken, node.spec.default_name)
        definition.rename(node_id, name)
        taken.add(name)


def _canonical(graph: Graph) -> tuple[Any, ...]:
    nodes = sorted(
        (n.name, n.type, tuple(sorted((k, repr(v)) for k, v in n.params.items())))
        for n in graph.nodes
        if n.type != "Input"
    )
    names = {n.id: n.name for n in graph.nodes}
    inputs = sorted(n.name for n in graph.nodes if n.type == "Input")
    edges = sorted(
        (names[e.source], e.source_port, names[e.target], e.target_port)
        for e in graph.edges
    )
    return tuple(nodes), tuple(inputs), tuple(edges)


def _same(a: Graph, b: Graph) -> bool:
    """The same layers wired the same way (the Inputs' own shapes aside: a use's
    inputs give them, and the code takes differing sizes as arguments)."""
    return _canonical(a) == _canonical(b)


def weight_keys(drawing: BlockDrawing, original_keys: Sequence[str]) -> dict[str, str]:
    """The model's state_dict keys → the generated module's, found by walking the
    uses: a card inside a block answers for the module at the same place under the
    use's own module path."""
    project = drawing.project
    located: dict[str, str] = {}  # original module path → generated attribute path

    def walk(graph: Graph, prefix: str, source: str, actual: str) -> None:
        for node in graph.nodes:
            attribute = f"{prefix}{node.name}"
            if node.type == BLOCK:
                block = node.params["block"]
                module = drawing.module_of.get(node.id, "")
                here = actual + module[len(source) :] if source else module
                walk(
                    project.blocks.get(block).graph,
                    attribute + ".",
                    drawing.source_path[block],
                    here,
                )
            elif node.id in drawing.module_of and node.type not in ("Input", "Output"):
                # (a block's own Input/Output cards may reuse a moved card's id)
                target = drawing.module_of[node.id]
                located[actual + target[len(source) :] if source else target] = (
                    attribute
                )

    walk(project.networks[0], "", "", "")
    mapping = {}
    for key in original_keys:
        module, _, leaf = key.rpartition(".")
        while module and module not in located:
            module, _, rest = module.rpartition(".")
            leaf = f"{rest}.{leaf}"
        if module in located:
            mapping[key] = f"{located[module]}.{leaf}"
    return mapping
