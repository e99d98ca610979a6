"""Generated PyTorch source: runs with the inferred shapes, is ruff-clean, and names
taken from files can never inject code."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from network_harness import random_graphs, run_and_compare

from designer.codegen.build import build_model, build_networks
from designer.codegen.module import (
    EXAMPLE_BATCH,
    CodegenError,
    generate_code,
    generate_project,
)
from designer.graph.model import Graph, Project
from designer.graph.shape import concrete
from designer.shapes.infer import infer_shapes

RUFF_RULES = ["--select", "E,F,W,I,UP,B,SIM", "--ignore", "E501"]


def _ruff() -> list[str] | None:
    """The ruff command of this environment, or None when it is not installed."""
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:
        return None
    return [str(find_ruff_bin())]


def _formatted(source: str) -> str:
    command = _ruff()
    assert command is not None
    result = subprocess.run(
        [*command, "format", "--isolated", "--stdin-filename", "model.py", "-"],
        input=source,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _lint(source: str) -> str:
    """ruff check's complaints (empty when clean)."""
    command = _ruff()
    assert command is not None
    result = subprocess.run(
        [
            *command,
            "check",
            "--isolated",
            *RUFF_RULES,
            "--output-format",
            "concise",
            "--stdin-filename",
            "model.py",
            "-",
        ],
        input=source,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    return "" if result.returncode == 0 else result.stdout + result.stderr


needs_ruff = pytest.mark.skipif(
    _ruff() is None, reason="ruff is not importable in this environment"
)


def chain(
    *layers: tuple[str, dict],
    shape: list | None = None,
    name: str = "model",
    dtype: str = "float",
) -> Graph:
    """Input → layers → Output, with automatic names."""
    graph = Graph(name)
    previous = graph.add_node(
        "Input", params={"shape": shape or [1, 8, 8], "dtype": dtype}
    )
    for layer_type, params in layers:
        node = graph.add_node(layer_type, params=params)
        graph.connect(
            previous.id, previous.output_ports()[0], node.id, node.input_ports()[0]
        )
        previous = node
    output = graph.add_node("Output")
    graph.connect(previous.id, previous.output_ports()[0], output.id, "in")
    return graph


def run_script(tmp_path: Path, source: str) -> list[tuple[int, ...]]:
    """Run the generated module as a script; the shapes its example printed."""
    path = tmp_path / "generated_model.py"
    path.write_text(source, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return [
        tuple(json.loads("[" + m.strip("(,)") + "]"))
        for m in re.findall(r"output: (\(.*\))", result.stdout)
    ]


# -- random graphs -----------------------------------------------------------------

CODEGEN_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
    derandomize=True,
)


@CODEGEN_SETTINGS
@given(random_graphs())
def test_built_modules_give_the_inferred_shapes(graph: Graph) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        run_and_compare(graph)


@needs_ruff
@settings(CODEGEN_SETTINGS, max_examples=40)
@given(
    random_graphs(max_layers=6), st.lists(st.integers(0, 40), min_size=20, max_size=20)
)
def test_generated_source_is_ruff_formatted_and_clean(
    graph: Graph, stretch: list[int]
) -> None:
    """Also with names of every length up to the 48 characters a name keeps, so
    that lines of every length are laid out."""
    for node, extra in zip(graph.nodes, stretch, strict=False):
        node.name = (node.name + "_" + "x" * extra)[:48] if extra else node.name
    source = generate_code(Project("random model", [graph]))
    assert _formatted(source) == source
    assert _lint(source) == ""


@needs_ruff
def test_a_call_with_a_trailer_too_long_to_open_on_its_line_is_parenthesised() -> None:
    """``name = self.layer(…).transpose(0, 1)`` whose ``name = self.layer(`` line is
    already too long: ruff wraps the whole right-hand side in parentheses."""
    graph = Graph("model")
    source = graph.add_node("Input", name="x1", params={"shape": [2, 2]})
    decoder = graph.add_node(
        "TransformerDecoderLayer",
        name="decoder1_" + "x" * 27,
        params={"nhead": 1, "dim_feedforward": 1, "causal": True, "batch_first": False},
    )
    out = graph.add_node("Output", name="y")
    graph.connect(source.id, "out", decoder.id, "tgt")
    graph.connect(source.id, "out", decoder.id, "memory")
    graph.connect(decoder.id, "out", out.id, "in")
    code = generate_code(Project("m", [graph]))
    assert _formatted(code) == code
    assert f"{decoder.name} = (" in code


@needs_ruff
def test_long_lines_are_laid_out_as_ruff_would() -> None:
    long_name = "a_really_quite_long_layer_name_that_goes_on_and_on"
    graph = Graph("model")
    inputs = [
        graph.add_node(
            "Input", name=f"{long_name}_input_{k}", params={"shape": [3, 8, 8]}
        )
        for k in range(3)
    ]
    concat = graph.add_node("Concat", name=f"{long_name}_concat", params={"inputs": 3})
    for k, node in enumerate(inputs, start=1):
        graph.connect(node.id, "out", concat.id, f"in{k}")
    conv = graph.add_node(
        "Conv2d",
        name=f"{long_name}_conv",
        params={
            "out_channels": 12,
            "kernel_size": 3,
            "stride": 1,
            "padding": 1,
            "dilation": 1,
            "groups": 3,
            "bias": False,
        },
    )
    graph.connect(concat.id, "out", conv.id, "in")
    split = graph.add_node(
        "Split", name=f"{long_name}_split", params={"chunks": 3, "dim": 1}
    )
    graph.connect(conv.id, "out", split.id, "in")
    for k in range(1, 4):
        out = graph.add_node("Output", name=f"{long_name}_output_{k}")
        graph.connect(split.id, f"out{k}", out.id, "in")
    source = generate_code(
        Project("a project with a very long name indeed, to make lines long", [graph])
    )
    assert max(len(line) for line in source.splitlines()) > 60
    assert _formatted(source) == source
    assert _lint(source) == ""
    run_and_compare(graph)


def test_the_exported_file_runs_as_a_script(tmp_path: Path) -> None:
    graph = chain(
        ("Conv2d", {"out_channels": 4, "kernel_size": 3, "padding": 1}),
        ("ReLU", {}),
        ("MaxPool2d", {}),
        ("Flatten", {}),
        ("Linear", {"out_features": 10}),
        shape=[1, 8, 8],
    )
    source = generate_code(Project("cnn", [graph]))
    assert run_script(tmp_path, source) == [(EXAMPLE_BATCH, 10)]


def test_a_script_with_clashing_names_symbols_and_tokens_runs(tmp_path: Path) -> None:
    """Network names that would shadow torch/print, a project named like the
    positional helper class, token ids reaching a small Embedding through a
    Reshape, a sequence length L limited by max_len, and several outputs."""
    text = Graph("torch")
    tokens = text.add_node(
        "Input", name="tokens", params={"shape": ["L"], "dtype": "long"}
    )
    reshape = text.add_node("Flatten")
    embed = text.add_node("Embedding", params={"num_embeddings": 3, "embedding_dim": 8})
    positions = text.add_node("PositionalEmbedding", params={"max_len": 5})
    split = text.add_node("Split", params={"chunks": 2, "dim": -1})
    text.connect(tokens.id, "out", reshape.id, "in")
    text.connect(reshape.id, "out", embed.id, "in")
    text.connect(embed.id, "out", positions.id, "in")
    text.connect(positions.id, "out", split.id, "in")
    for port in ("out1", "out2"):
        out = text.add_node("Output")
        text.connect(split.id, port, out.id, "in")
    printer = chain(("Linear", {"out_features": 3}), shape=[4], name="print")
    project = Project("LearnedPositionalEmbedding", [text, printer])
    source, networks = generate_project(project)
    assert [n.class_name for n in networks] == ["Torch", "Print"]
    assert networks[0].token_ranges == [3]
    assert networks[0].example_sizes["L"] <= 5
    length = networks[0].example_sizes["L"]
    assert run_script(tmp_path, source) == [
        (EXAMPLE_BATCH, length, 4),
        (EXAMPLE_BATCH, length, 4),
        (EXAMPLE_BATCH, 3),
    ]


# -- names from files ----------------------------------------------------------------

HOSTILE_NAMES = [
    "x'); import os; os.system('echo hacked'); ('",
    'a"b\\c',
    "line\nbreak",
    "__import__('os')",
    "class",
    "print",
    "forward",
    "training",
    "self",
    "torch",
    "l",
    "1st layer",
    "Conv 1",
    "conv_1",
    "ünïcödé",
    "",
]


def test_hostile_node_names_become_safe_unique_identifiers() -> None:
    graph = Graph('evil""" network\nname')
    source = graph.add_node("Input", name="input", params={"shape": [4]})
    previous = source
    nodes = []
    for k, name in enumerate(HOSTILE_NAMES):
        node = (
            graph.add_node("Linear", params={"out_features": 4})
            if k % 2
            else graph.add_node("ReLU")
        )
        node.name = (
            name or node.name
        )  # as a loaded file could have it, bypassing rename()
        graph.connect(previous.id, "out", node.id, "in")
        previous = node
        nodes.append(node)
    output = graph.add_node("Output", name="return")
    graph.connect(previous.id, "out", output.id, "in")
    project = Project('proj"""\\', [graph])
    code = generate_code(project)

    tree = ast.parse(code)
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
    assert [ast.unparse(n) for n in imports] == ["import torch", "from torch import nn"]
    called = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert not called & {"__import__", "exec", "eval", "open", "compile"}
    assert "os" not in {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    init = next(
        f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"
    )
    attributes = [
        t.attr
        for s in init.body
        if isinstance(s, ast.Assign)
        for t in s.targets
        if isinstance(t, ast.Attribute)
    ]
    assert len(attributes) == len(set(attributes)) == len(HOSTILE_NAMES)
    assert all(a.isidentifier() and not a.startswith("_") for a in attributes)
    assert not {"forward", "training", "self", "l"} & set(attributes)
    module = build_model(project)
    assert module(torch.randn(2, 4)).shape == (2, 4)
    if _ruff() is not None:
        assert _lint(code) == ""
        assert _formatted(code) == code


# -- structure ------------------------------------------------------------------------


def test_several_inputs_are_forward_arguments_and_several_outputs_a_tuple() -> None:
    graph = Graph("model")
    image = graph.add_node("Input", name="image", params={"shape": [3, 4, 4]})
    extra = graph.add_node("Input", name="extra", params={"shape": [5]})
    flat = graph.add_node("Flatten")
    concat = graph.add_node("Concat", params={"dim": 1})
    head = graph.add_node("Linear", name="head", params={"out_features": 2})
    graph.connect(image.id, "out", flat.id, "in")
    graph.connect(flat.id, "out", concat.id, "in1")
    graph.connect(extra.id, "out", concat.id, "in2")
    graph.connect(concat.id, "out", head.id, "in")
    logits = graph.add_node("Output", name="logits")
    features = graph.add_node("Output", name="features")
    graph.connect(head.id, "out", logits.id, "in")
    graph.connect(concat.id, "out", features.id, "in")
    project = Project("two heads", [graph])
    source, [network] = generate_project(project)
    [cls] = [n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)]
    forward = next(
        f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "forward"
    )
    assert [a.arg for a in forward.args.args] == ["self", "image", "extra"]
    assert ast.unparse(forward.returns) == "tuple[torch.Tensor, ...]"
    assert network.input_names == ["image", "extra"]
    assert network.output_names == ["logits", "features"]
    assert "return head, concat" in source
    result = run_and_compare(graph)
    assert result.outputs == {"logits": (3, 2), "features": (3, 53)}


def test_two_networks_become_two_classes() -> None:
    encoder = chain(("Linear", {"out_features": 3}), shape=[6], name="encoder")
    decoder = chain(("Linear", {"out_features": 6}), shape=[3], name="decoder")
    project = Project("autoencoder", [encoder, decoder])
    source = generate_code(project)
    classes = [n.name for n in ast.parse(source).body if isinstance(n, ast.ClassDef)]
    assert classes == ["Encoder", "Decoder"]
    built = build_networks(project)
    assert set(built) == {"encoder", "decoder"}
    code = built["decoder"].module(built["encoder"].module(torch.randn(2, 6)))
    assert code.shape == (2, 6)


def test_networks_with_the_same_class_name_get_distinct_classes() -> None:
    project = Project("p", [chain(name="my net"), chain(name="my-net")])
    source, networks = generate_project(project)
    assert [n.class_name for n in networks] == ["MyNet", "MyNet2"]
    built = build_networks(project)
    assert [type(b.module).__name__ for b in built.values()] == ["MyNet", "MyNet2"]
    assert "class MyNet(nn.Module):" in source and "class MyNet2(nn.Module):" in source


def test_an_invalid_graph_raises_a_readable_codegen_error() -> None:
    graph = chain(("Conv2d", {"out_channels": 4, "kernel_size": 5}), shape=[1, 3, 3])
    graph.node_by_name("conv2d_1").name = "conv3"
    with pytest.raises(CodegenError) as raised:
        generate_code(Project("broken", [graph]))
    message = str(raised.value)
    assert "network 'model' has problems" in message
    assert "Conv2d 'conv3': kernel 5×5 is larger than its 3×3 input" in message
    assert "Traceback" not in message


def test_a_graph_without_output_cannot_be_exported() -> None:
    graph = Graph("model")
    graph.add_node("Input", params={"shape": [4]})
    with pytest.raises(CodegenError, match="no Output node"):
        generate_code(Project("p", [graph]))


def test_layers_that_lead_nowhere_are_left_out_with_a_note() -> None:
    graph = chain(("Linear", {"out_features": 3}), shape=[4])
    source_id = graph.nodes_of_type("Input")[0].id
    dangling = graph.add_node("Linear", name="unused_head", params={"out_features": 7})
    graph.connect(source_id, "out", dangling.id, "in")
    shapes = infer_shapes(graph)
    assert shapes.valid and any(
        p.node == dangling.id and not p.is_error for p in shapes.problems
    )
    source = generate_code(Project("p", [graph]))
    assert "Left out, as they lead to no Output: unused_head" in source
    assert "self.unused_head" not in source
    module = build_model(Project("p", [graph]))
    assert sum(p.numel() for p in module.parameters()) == 4 * 3 + 3
    if _ruff() is not None:
        assert _lint(source) == ""


def test_generated_modules_train_on_a_real_batch() -> None:
    """The generated module is an ordinary nn.Module: gradients reach every weight."""
    graph = chain(
        ("Conv1d", {"out_channels": 4, "kernel_size": 3, "padding": "same"}),
        ("Permute", {"dims": [2, 1]}),
        ("LSTM", {"hidden_size": 5, "batch_first": False}),
        ("LastTimeStep", {}),
        ("Linear", {"out_features": 2}),
        shape=[2, "L"],
    )
    module = build_model(Project("seq", [graph]))
    loss = module(torch.randn(3, 2, 7)).sum()
    loss.backward()
    assert all(p.grad is not None for p in module.parameters())
    shapes = infer_shapes(graph)
    out = graph.nodes_of_type("Output")[0]
    assert concrete(shapes.nodes[out.id].inputs["in"], {}, 3) == (3, 2)


def test_example_variables_read_as_snake_case() -> None:
    from designer.codegen.module import to_variable

    assert [to_variable(n) for n in ("VAE", "CnnMnist", "MyHTTPNet", "Gan2")] == [
        "vae",
        "cnn_mnist",
        "my_http_net",
        "gan2",
    ]


SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.json"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_exports_clean_code_with_the_inferred_shapes(path: Path) -> None:
    from designer.graph.project_file import load_project

    project = load_project(path)
    source = generate_code(project)
    if _ruff() is not None:
        assert _lint(source) == ""
        assert _formatted(source) == source
    for graph in project.networks:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            run_and_compare(graph.copy())


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    st.text(max_size=30),
    st.lists(st.text(max_size=20), min_size=2, max_size=2, unique=True),
    st.lists(
        st.text(min_size=1, max_size=64).filter(str.strip), min_size=4, max_size=4
    ),
)
def test_any_names_give_code_that_parses_and_builds(
    project_name: str, network_names: list[str], node_names: list[str]
) -> None:
    networks = []
    for network_name in network_names:
        graph = chain(
            ("Linear", {"out_features": 3}), ("ReLU", {}), shape=[2], name=network_name
        )
        for node, name in zip(graph.nodes, node_names, strict=True):
            node.name = name  # names from a file, bypassing rename()
        networks.append(graph)
    project = Project(project_name, networks)
    source = generate_code(project)
    tree = ast.parse(source)
    assert sum(isinstance(n, ast.ClassDef) for n in tree.body) == 2
    for built in build_networks(project).values():
        assert built.module(torch.randn(2, 2)).shape == (2, 3)
