"""Structure checks and error messages written for people."""

from __future__ import annotations

from designer.graph.model import Graph
from designer.graph.shape import format_shape
from designer.shapes.infer import infer_shapes


def _connect(graph: Graph, *nodes) -> None:
    for a, b in zip(nodes, nodes[1:], strict=False):
        graph.connect(a.id, a.output_ports()[0], b.id, b.input_ports()[0])


def test_kernel_larger_than_input_names_node_and_sizes() -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [1, 3, 3]})
    conv = graph.add_node("Conv2d", name="conv3", params={"kernel_size": 5})
    out = graph.add_node("Output")
    _connect(graph, x, conv, out)
    shapes = infer_shapes(graph)
    assert [p.message for p in shapes.errors] == [
        "Conv2d 'conv3': kernel 5×5 is larger than its 3×3 input"
    ]
    assert shapes.errors[0].node == conv.id and shapes.errors[0].network == "model"


def test_add_of_different_shapes_names_both_shapes() -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [3, 8, 8]})
    wide = graph.add_node("Conv2d", params={"out_channels": 64, "padding": 1})
    narrow = graph.add_node("Conv2d", params={"out_channels": 32, "padding": 1})
    add = graph.add_node("Add", name="add1")
    out = graph.add_node("Output")
    _connect(graph, x, wide)
    _connect(graph, x, narrow)
    graph.connect(wide.id, "out", add.id, "in1")
    graph.connect(narrow.id, "out", add.id, "in2")
    _connect(graph, add, out)
    shapes = infer_shapes(graph)
    assert [p.message for p in shapes.errors] == [
        "Add 'add1': shapes (N, 64, 8, 8) and (N, 32, 8, 8) differ"
    ]


def test_an_error_in_one_branch_does_not_stop_the_other() -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [1, 4, 4]})
    bad = graph.add_node("Conv2d", name="too_big", params={"kernel_size": 7})
    bad_after = graph.add_node("ReLU", name="after_bad")
    good = graph.add_node("Conv2d", name="fine", params={"out_channels": 2})
    flat = graph.add_node("Flatten")
    out1, out2 = graph.add_node("Output"), graph.add_node("Output")
    _connect(graph, x, bad, bad_after, out1)
    _connect(graph, x, good, flat, out2)
    shapes = infer_shapes(graph)
    assert not shapes.valid
    assert [p.node for p in shapes.errors] == [bad.id]
    assert shapes.shape_of(flat.id) == ("N", 8)
    assert shapes.nodes[good.id].params == 2 * 9 + 2
    assert shapes.nodes[bad_after.id].outputs == {}
    assert shapes.nodes[out2.id].inputs == {"in": ("N", 8)}


def test_residual_add_on_a_variable_length_sequence_is_valid() -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [4, "L"]})
    conv = graph.add_node(
        "Conv1d", params={"out_channels": 4, "kernel_size": 3, "padding": 1}
    )
    add = graph.add_node("Add")
    out = graph.add_node("Output")
    _connect(graph, x, conv)
    graph.connect(x.id, "out", add.id, "in1")
    graph.connect(conv.id, "out", add.id, "in2")
    _connect(graph, add, out)
    shapes = infer_shapes(graph)
    assert shapes.valid, [p.message for p in shapes.problems]
    assert format_shape(shapes.shape_of(add.id)) == "(N, 4, L)"


def test_token_ids_must_go_through_an_embedding() -> None:
    graph = Graph()
    tokens = graph.add_node("Input", params={"shape": ["L"], "dtype": "long"})
    linear = graph.add_node("Linear", name="fc")
    out = graph.add_node("Output")
    _connect(graph, tokens, linear, out)
    [error] = infer_shapes(graph).errors
    assert error.message.startswith(
        "Linear 'fc': gets integer token ids (dtype long) but needs real numbers"
    )
    graph.remove_node(linear.id)
    embed = graph.add_node("Embedding", name="embed")
    _connect(graph, tokens, embed, out)
    shapes = infer_shapes(graph)
    assert shapes.valid and shapes.nodes[embed.id].dtypes == {"out": "float"}
    floats = graph.add_node("Input", params={"shape": ["L"]})
    graph.remove_node(tokens.id)
    _connect(graph, floats, embed)
    [error] = infer_shapes(graph).errors
    assert (
        error.message
        == "Embedding 'embed': needs integer token ids but gets real numbers; set the Input's dtype to long"
    )


def test_cycle_names_its_nodes() -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [4]})
    add = graph.add_node("Add", name="mix")
    relu = graph.add_node("ReLU", name="act")
    out = graph.add_node("Output")
    graph.connect(x.id, "out", add.id, "in1")
    graph.connect(add.id, "out", relu.id, "in")
    graph.connect(relu.id, "out", add.id, "in2")
    _connect(graph, relu, out)
    shapes = infer_shapes(graph)  # never raises
    [cycle] = [p for p in shapes.errors if "cycle" in p.message]  # reported once
    assert cycle.node in {add.id, relu.id}
    assert "cycle of 2 nodes" in cycle.message
    assert "mix → act → mix" in cycle.message or "act → mix → act" in cycle.message
    assert add.id not in shapes.order and x.id in shapes.order


def test_unconnected_inputs_are_reported_per_port() -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [4]})
    add = graph.add_node("Add")
    relu = graph.add_node("ReLU")
    out = graph.add_node("Output")
    graph.connect(x.id, "out", add.id, "in1")
    _connect(graph, add, out)
    messages = {(p.node, p.message) for p in infer_shapes(graph).errors}
    assert (add.id, "input 'in2' is not connected") in messages
    assert (relu.id, "its input is not connected") in messages


def test_unreachable_layers_are_warnings_only() -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [4]})
    used = graph.add_node("Linear")
    spare = graph.add_node("Linear", name="spare")
    out = graph.add_node("Output")
    _connect(graph, x, used, out)
    _connect(graph, x, spare)
    shapes = infer_shapes(graph)
    assert shapes.valid
    [warning] = [p for p in shapes.problems if not p.is_error]
    assert warning.node == spare.id
    assert warning.message == (
        "'spare' reaches no Output: it is left out of the exported code"
    )
    # The totals count only what the export keeps: the used Linear, not the spare.
    assert shapes.total_params == shapes.nodes[used.id].params == 4 * 64 + 64
    assert shapes.nodes[spare.id].params == 4 * 64 + 64
    assert shapes.total_macs == shapes.nodes[used.id].macs


def test_missing_input_and_output_are_reported() -> None:
    graph = Graph()
    graph.add_node("ReLU")
    messages = [p.message for p in infer_shapes(graph).errors]
    assert any("no Input node" in m for m in messages)
    assert any("no Output node" in m for m in messages)
    assert infer_shapes(Graph()).problems == []  # an empty canvas is not an error


def test_counts_and_edge_shapes() -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [1, 28, 28]})
    conv = graph.add_node("Conv2d", params={"out_channels": 8, "kernel_size": 3})
    flat = graph.add_node("Flatten")
    fc = graph.add_node("Linear", params={"out_features": 10})
    out = graph.add_node("Output")
    _connect(graph, x, conv, flat, fc, out)
    shapes = infer_shapes(graph)
    assert shapes.total_params == (8 * 9 + 8) + (8 * 26 * 26 * 10 + 10)
    assert shapes.total_macs == 8 * 9 * 26 * 26 + 8 * 26 * 26 * 10
    assert shapes.edge_shape(graph.edge_into(fc.id, "in")) == ("N", 8 * 26 * 26)
    assert shapes.nodes[fc.id].inferred == {"in_features": 5408}
    assert shapes.order == [x.id, conv.id, flat.id, fc.id, out.id]
