"""A small network with one block used twice, for the block code tests."""

from __future__ import annotations

from designer.graph import block_editing
from designer.graph.model import Project


def two_block_uses(padding: object) -> tuple[Project, str, str]:
    """Input → conv → ConvRelu "stage1" (conv → relu) → ConvRelu "stage2" → flatten
    → linear; the convolutions padded by ``padding``.  Returns the project and the
    two uses' node ids."""
    project = Project("res")
    graph = project.graph
    chain = [
        ("Input", {"shape": [1, 8, 8]}),
        ("Conv2d", {"out_channels": 4, "padding": padding}),
        ("Conv2d", {"out_channels": 6, "padding": padding}),
        ("ReLU", {}),
        ("Flatten", {}),
        ("Linear", {"out_features": 3}),
        ("Output", {}),
    ]
    ids: list[str] = []
    for layer_type, params in chain:
        node = graph.add_node(layer_type, params=params)
        if ids:
            graph.connect(ids[-1], "out", node.id, "in")
        ids.append(node.id)
    block_editing.group_into_block(project, "model", ids[2:4], "ConvRelu").apply(
        project
    )
    [first] = graph.nodes_of_type("Block")
    graph.rename(first.id, "stage1")
    added = block_editing.add_block_use(project, "model", "ConvRelu")
    added.apply(project)
    second = added.node_ids[0]
    graph.rename(second, "stage2")
    graph.disconnect(graph.edge_into(ids[4], "in"))
    graph.connect(first.id, "out", second, "in")
    graph.connect(second, "out", ids[4], "in")
    return project, first.id, second
