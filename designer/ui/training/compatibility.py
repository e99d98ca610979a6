"""Does the chosen dataset fit the network?  Gathers the graph's Input/Output shapes
from the document's analysis and asks the datasets package, in plain words.

Also finds the Input that "Set Input shape from dataset" should change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.graph.model import Graph, Node, Project
from designer.shapes.infer import GraphShapes


@dataclass(frozen=True)
class NetworkIO:
    """The Inputs and Outputs of the network the dataset feeds, as inference sees them."""

    network: str
    input_shapes: dict[str, tuple]
    output_shapes: dict[str, tuple]
    input_dtypes: dict[str, str]
    num_embeddings: int | None


def data_network(project: Project, task: str = "") -> Graph:
    """The network the dataset's samples go into: a GAN's discriminator, else the first network."""
    if task == "gan":
        for graph in project.networks:
            if graph.name.strip().lower() == "discriminator":
                return graph
    return project.networks[0]


def network_io(
    project: Project, analysis: dict[str, GraphShapes], task: str = ""
) -> NetworkIO:
    graph = data_network(project, task)
    shapes = analysis.get(graph.name)
    inputs: dict[str, tuple] = {}
    outputs: dict[str, tuple] = {}
    dtypes: dict[str, str] = {}
    for node in graph.nodes:
        info = shapes.nodes.get(node.id) if shapes is not None else None
        if node.type == "Input":
            shape = info.outputs.get("out") if info is not None else None
            inputs[node.name] = (
                tuple(shape) if shape else ("N", *node.params.get("shape", []))
            )
            dtypes[node.name] = str(node.params.get("dtype", "float"))
        elif node.type == "Output" and info is not None and info.inputs:
            outputs[node.name] = tuple(next(iter(info.inputs.values())))
    embeddings = graph.nodes_of_type("Embedding")
    rows = int(embeddings[0].params["num_embeddings"]) if embeddings else None
    return NetworkIO(graph.name, inputs, outputs, dtypes, rows)


def compatibility_problems(
    project: Project, analysis: dict[str, GraphShapes], dataset: Any, task: str
) -> list[str]:
    """Reasons (for people) why ``dataset`` cannot train the project; [] when it fits."""
    from designer.training.datasets import check_compatibility

    io = network_io(project, analysis, task)
    return check_compatibility(
        dataset,
        io.input_shapes,
        io.output_shapes,
        task,
        input_dtypes=io.input_dtypes,
        num_embeddings=io.num_embeddings,
    )


def single_input(graph: Graph) -> Node | None:
    """The network's only Input, or None when it has none or several."""
    found = graph.nodes_of_type("Input")
    return found[0] if len(found) == 1 else None


def input_shape_differs(graph: Graph, dataset: Any) -> bool:
    from designer.training.datasets import suggested_input_shape

    node = single_input(graph)
    return node is not None and list(node.params.get("shape", [])) != list(
        suggested_input_shape(dataset)
    )
