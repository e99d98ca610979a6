"""ONNX export: the file passes onnx.checker, ONNX Runtime agrees with PyTorch on
several batch sizes (and sequence lengths), and a layer ONNX lacks is named."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from designer.cli import main as cli_main
from designer.codegen.build import build_networks
from designer.export.onnx_export import OnnxExportError, export_onnx, sample_inputs
from designer.graph.model import Graph, Project
from designer.graph.project_file import load_project

onnx = pytest.importorskip("onnx")
torch = pytest.importorskip("torch")

REPO = Path(__file__).resolve().parents[2]


def _sequence_project() -> Project:
    """A sequence length L that varies: (N, L, 6) → LSTM → per-step Linear → Output."""
    graph = Graph("model")
    x = graph.add_node("Input", "series", {"shape": ["L", 6], "dtype": "float"})
    lstm = graph.add_node("LSTM", "lstm", {"hidden_size": 8})
    head = graph.add_node("Linear", "head", {"out_features": 3})
    out = graph.add_node("Output", "steps")
    for src, dst in ((x, lstm), (lstm, head), (head, out)):
        graph.connect(src.id, "out", dst.id, "in")
    return Project(name="Sequence", networks=[graph])


def _runtime_agrees(
    project: Project, path: Path, batches: list[int], sizes: list[dict[str, int]]
) -> None:
    """ONNX Runtime's outputs equal the PyTorch module's, with the same weights."""
    from designer.training.checkpoints import save_weights

    ort = pytest.importorskip("onnxruntime")
    torch.manual_seed(7)
    built = build_networks(project)
    name = project.networks[0].name
    weights = path.with_suffix(".pt")
    save_weights({name: built[name].module}, weights)
    export = export_onnx(project, path, weights=weights)
    onnx.checker.check_model(onnx.load(str(path)), full_check=True)
    module = built[name].module.eval()
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == export.input_names
    for seed, (batch, size) in enumerate(zip(batches, sizes, strict=True)):
        inputs = sample_inputs(built[name], batch, seed=seed, sizes=size)
        with torch.no_grad():
            expected = module(*inputs)
        expected = expected if isinstance(expected, tuple) else (expected,)
        feeds = {
            name: tensor.numpy()
            for name, tensor in zip(export.input_names, inputs, strict=True)
        }
        got = session.run(export.output_names, feeds)
        assert len(got) == len(expected)
        for ours, theirs in zip(got, expected, strict=True):
            assert ours.shape == tuple(theirs.shape)
            np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-4, atol=1e-5)


def test_weights_that_do_not_fit_are_refused_in_words(
    tmp_path: Path,
) -> None:
    from designer.training.checkpoints import save_weights

    project = load_project(REPO / "samples" / "mlp.json")
    other = load_project(REPO / "samples" / "moons.json")
    weights = tmp_path / "moons.pt"
    save_weights({"model": build_networks(other)["model"].module}, weights)
    with pytest.raises(OnnxExportError, match="do not fit the network 'model'"):
        export_onnx(project, tmp_path / "m.onnx", weights=weights)
    assert not (tmp_path / "m.onnx").exists()


@pytest.mark.parametrize(
    "sample", ["mlp", "cnn_mnist", "resnet", "inception", "lstm", "transformer"]
)
def test_onnx_runtime_matches_pytorch_on_several_batches(
    sample: str, tmp_path: Path
) -> None:
    project = load_project(REPO / "samples" / f"{sample}.json")
    _runtime_agrees(project, tmp_path / "model.onnx", [1, 3, 7], [{}, {}, {}])


def test_the_batch_and_a_sequence_length_are_dynamic(tmp_path: Path) -> None:
    project = _sequence_project()
    export = export_onnx(project, tmp_path / "seq.onnx")
    assert export.dynamic_axes["series"] == {0: "batch", 1: "L"}
    graph = onnx.load(str(tmp_path / "seq.onnx")).graph
    dims = [
        d.dim_param or d.dim_value for d in graph.input[0].type.tensor_type.shape.dim
    ]
    assert dims == ["batch", "L", 6]
    _runtime_agrees(
        project, tmp_path / "seq.onnx", [2, 5, 1], [{"L": 4}, {"L": 11}, {"L": 1}]
    )


def test_a_layer_onnx_cannot_express_is_named(tmp_path: Path) -> None:
    # resnet_block pools 14×14 to 4×4: not a whole factor, which ONNX cannot say.
    project = load_project(REPO / "samples" / "resnet_block.json")
    target = tmp_path / "model.onnx"
    with pytest.raises(OnnxExportError) as caught:
        export_onnx(project, target)
    message = str(caught.value)
    assert message.startswith("the layer 'gap' (AdaptiveAvgPool2d)")
    assert "adaptive_avg_pool2d" in message
    assert "Torch IR graph" not in message
    assert not target.exists()


def test_the_network_of_a_two_network_project_is_chosen(tmp_path: Path) -> None:
    project = load_project(REPO / "samples" / "gan.json")
    assert export_onnx(project, tmp_path / "g.onnx").network == "generator"
    found = export_onnx(project, tmp_path / "d.onnx", "discriminator")
    assert found.network == "discriminator"
    assert len(found.output_names) == 1
    with pytest.raises(OnnxExportError, match="no network 'critic'"):
        export_onnx(project, tmp_path / "c.onnx", "critic")


def test_cli_writes_onnx_by_the_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "model.onnx"
    assert (
        cli_main(["export", str(REPO / "samples" / "mlp.json"), "-o", str(target)]) == 0
    )
    onnx.checker.check_model(onnx.load(str(target)))
    assert "dynamic sizes: batch" in capsys.readouterr().out


def test_cli_refuses_an_unexportable_layer_in_words(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    code = cli_main(
        [
            "export",
            str(REPO / "samples" / "resnet_block.json"),
            "-o",
            str(tmp_path / "m.onnx"),
        ]
    )
    out, err = capfd.readouterr()
    assert code == 1
    assert "the layer 'gap' (AdaptiveAvgPool2d)" in err
    assert "Traceback" not in err + out
    assert "graph(" not in err + out  # PyTorch's graph dump is kept from the terminal


def test_a_missing_onnx_package_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "onnx", None)  # import fails
    project = load_project(REPO / "samples" / "mlp.json")
    with pytest.raises(OnnxExportError, match=r"pip install 'designer\[onnx\]'"):
        export_onnx(project, tmp_path / "m.onnx")
    assert not (tmp_path / "m.onnx").exists()


def _chain(graph: Graph, source, *layers: tuple[str, dict]):
    for k, (layer_type, params) in enumerate(layers, start=1):
        node = graph.add_node(layer_type, f"layer{k}", params)
        graph.connect(source.id, "out", node.id, "in")
        source = node
    return source


def test_masks_encodings_and_recurrent_states_export(tmp_path: Path) -> None:
    """Causal attention and encoder layer with a padding mask, the sinusoidal
    encoding and an LSTM's final state run in ONNX Runtime as in PyTorch.  (The
    length is fixed: batch-first MultiheadAttention traces its sequence length as a
    constant.)"""
    graph = Graph("model")
    x = graph.add_node("Input", "series", {"shape": [6, 8]})
    padding = graph.add_node("Input", "padding", {"shape": [6], "dtype": "long"})
    encoded = _chain(graph, x, ("SinusoidalPositionalEncoding", {"max_len": 32}))
    attention = graph.add_node(
        "MultiheadAttention",
        "attention",
        {"num_heads": 2, "causal": True, "key_padding_port": True},
    )
    graph.connect(encoded.id, "out", attention.id, "in")
    graph.connect(padding.id, "out", attention.id, "padding_mask")
    encoder = _chain(
        graph,
        attention,
        (
            "TransformerEncoderLayer",
            {"nhead": 2, "causal": True, "key_padding_port": True},
        ),
    )
    graph.connect(padding.id, "out", encoder.id, "padding_mask")
    lstm = graph.add_node(
        "LSTM", "lstm", {"hidden_size": 5, "state_out": True, "init": "orthogonal"}
    )
    graph.connect(encoder.id, "out", lstm.id, "in")
    for port in ("out", "h_n", "c_n"):
        sink = graph.add_node("Output", f"y_{port}")
        graph.connect(lstm.id, port, sink.id, "in")
    project = Project(name="Masks", networks=[graph])
    from designer.training.checkpoints import save_weights

    ort = pytest.importorskip("onnxruntime")
    torch.manual_seed(7)
    module = build_networks(project)["model"].module.eval()
    weights = tmp_path / "masks.pt"
    save_weights({"model": module}, weights)
    path = tmp_path / "masks.onnx"
    export = export_onnx(project, path, weights=weights)
    onnx.checker.check_model(onnx.load(str(path)), full_check=True)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    series = torch.randn(3, 6, 8)
    # Padding at the end of each sequence (nonzero = padding); random ids would
    # pad every key of some rows, which gives NaN in PyTorch too.
    mask = torch.tensor([[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1], [0, 0, 1, 1, 1, 1]])
    feeds = dict(zip(export.input_names, (series.numpy(), mask.numpy()), strict=True))
    got = session.run(export.output_names, feeds)
    with torch.no_grad():
        expected = module(series, mask)
    assert [g.shape for g in got] == [(3, 6, 5), (3, 1, 5), (3, 1, 5)]
    for ours, theirs in zip(got, expected, strict=True):
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-4, atol=1e-5)


def test_one_dimensional_pools_norms_and_activations_export(tmp_path: Path) -> None:
    graph = Graph("model")
    x = graph.add_node("Input", "signal", {"shape": [4, 12]})
    last = _chain(
        graph,
        x,
        ("Conv1d", {"out_channels": 8, "kernel_size": 3, "init": "kaiming_normal"}),
        ("MaxPool1d", {"kernel_size": 2, "stride": 2, "ceil_mode": True}),
        ("AvgPool1d", {"kernel_size": 3, "stride": 1, "padding": 1}),
        ("GroupNorm", {"num_groups": 4}),
        ("SiLU", {}),
        ("Softplus", {"beta": 2.0}),
        ("PReLU", {"per_channel": True}),
        ("Unsqueeze", {"dim": 1}),
        ("InstanceNorm2d", {"affine": True}),
        ("Dropout2d", {"p": 0.3}),
        ("Hardswish", {}),
        ("Flatten", {"start_dim": 2}),
        ("AdaptiveAvgPool1d", {"output_size": 1}),
        ("Flatten", {"start_dim": 1}),
    )
    sink = graph.add_node("Output", "y")
    graph.connect(last.id, "out", sink.id, "in")
    project = Project(name="Modern", networks=[graph])
    _runtime_agrees(project, tmp_path / "modern.onnx", [1, 4], [{}, {}])


def test_mobile_activations_and_identity_export(tmp_path: Path) -> None:
    graph = Graph("model")
    x = graph.add_node("Input", "features", {"shape": [6]})
    last = _chain(
        graph,
        x,
        ("Linear", {"out_features": 8}),
        ("Scale", {"factor": 4.0}),
        ("ReLU6", {}),
        ("Hardtanh", {"min_val": -0.5, "max_val": 2.0}),
        ("Mish", {}),
        ("Identity", {}),
        ("Hardsigmoid", {}),
    )
    sink = graph.add_node("Output", "y")
    graph.connect(last.id, "out", sink.id, "in")
    project = Project(name="Mobile", networks=[graph])
    _runtime_agrees(project, tmp_path / "mobile.onnx", [1, 4], [{}, {}])


def test_reflection_replication_and_constant_pads_export(tmp_path: Path) -> None:
    graph = Graph("model")
    x = graph.add_node("Input", "image", {"shape": [3, 9, 7]})
    last = _chain(
        graph,
        x,
        ("ReflectionPad2d", {"padding": 2}),
        ("Conv2d", {"out_channels": 4, "kernel_size": 5}),
        ("ReplicationPad2d", {"padding": 1}),
        ("ConstantPad2d", {"padding": 2, "value": -0.5}),
    )
    sink = graph.add_node("Output", "y")
    graph.connect(last.id, "out", sink.id, "in")
    project = Project(name="Pads", networks=[graph])
    _runtime_agrees(project, tmp_path / "pads.onnx", [1, 3], [{}, {}])


def test_adaptive_max_and_power_pools_export(tmp_path: Path) -> None:
    graph = Graph("model")
    x = graph.add_node("Input", "image", {"shape": [2, 8, 8]})
    last = _chain(
        graph,
        x,
        ("Conv2d", {"out_channels": 3, "kernel_size": 1}),
        ("ReLU", {}),  # a power of a negative number has no real value
        ("LPPool2d", {"norm_type": 2.0, "kernel_size": 2, "stride": 2}),
        ("AdaptiveMaxPool2d", {"output_size": 2}),
        ("Flatten", {"start_dim": 2}),
        ("AdaptiveMaxPool1d", {"output_size": 1}),
    )
    sink = graph.add_node("Output", "y")
    graph.connect(last.id, "out", sink.id, "in")
    project = Project(name="Pools", networks=[graph])
    _runtime_agrees(project, tmp_path / "pools.onnx", [1, 3], [{}, {}])


def test_volumes_and_a_transposed_sequence_convolution_export(tmp_path: Path) -> None:
    """A rank-5 input (N, C, D, H, W) through the 3-D layers, then ConvTranspose1d."""
    graph = Graph("model")
    x = graph.add_node("Input", "clip", {"shape": [2, 6, 8, 8]})
    last = _chain(
        graph,
        x,
        ("Conv3d", {"out_channels": 4, "kernel_size": 3, "padding": 1}),
        ("BatchNorm3d", {}),
        ("MaxPool3d", {"kernel_size": 2, "stride": 2}),
        ("AvgPool3d", {"kernel_size": 2, "stride": 1, "padding": 1}),
        ("Flatten", {"start_dim": 2}),
        (
            "ConvTranspose1d",
            {"out_channels": 3, "kernel_size": 3, "stride": 2, "output_padding": 1},
        ),
    )
    sink = graph.add_node("Output", "y")
    graph.connect(last.id, "out", sink.id, "in")
    project = Project(name="Volumes", networks=[graph])
    _runtime_agrees(project, tmp_path / "volumes.onnx", [1, 2], [{}, {}])


def test_bags_shuffles_and_cosine_similarity_export(tmp_path: Path) -> None:
    """EmbeddingBag over token ids, and ChannelShuffle and CosineSimilarity over two
    feature inputs."""
    graph = Graph("model")
    ids = graph.add_node("Input", "ids", {"shape": [7], "dtype": "long"})
    a = graph.add_node("Input", "a", {"shape": [4, 5]})
    b = graph.add_node("Input", "b", {"shape": [4, 5]})
    bag = _chain(
        graph, ids, ("EmbeddingBag", {"num_embeddings": 20, "embedding_dim": 5})
    )
    shuffled = graph.add_node("ChannelShuffle", "shuffle", {"groups": 2})
    graph.connect(a.id, "out", shuffled.id, "in")
    cosine = graph.add_node("CosineSimilarity", "cosine", {"dim": 1})
    graph.connect(shuffled.id, "out", cosine.id, "in1")
    graph.connect(b.id, "out", cosine.id, "in2")
    total = graph.add_node("Add", "total", {"inputs": 2})
    graph.connect(bag.id, "out", total.id, "in1")
    graph.connect(cosine.id, "out", total.id, "in2")
    sink = graph.add_node("Output", "y")
    graph.connect(total.id, "out", sink.id, "in")
    project = Project(name="Bags", networks=[graph])
    _runtime_agrees(project, tmp_path / "bags.onnx", [1, 3], [{}, {}])


def test_bilinear_which_onnx_lacks_is_refused_by_name(tmp_path: Path) -> None:
    graph = Graph("model")
    a = graph.add_node("Input", "a", {"shape": [5]})
    b = graph.add_node("Input", "b", {"shape": [3]})
    mix = graph.add_node("Bilinear", "mix", {"out_features": 2})
    graph.connect(a.id, "out", mix.id, "in1")
    graph.connect(b.id, "out", mix.id, "in2")
    sink = graph.add_node("Output", "y")
    graph.connect(mix.id, "out", sink.id, "in")
    target = tmp_path / "mix.onnx"
    with pytest.raises(OnnxExportError) as caught:
        export_onnx(Project(name="Mix", networks=[graph]), target)
    assert str(caught.value).startswith("the layer 'mix' (Bilinear)")
    assert "bilinear" in str(caught.value)
    assert not target.exists()


def test_a_causal_decoder_layer_exports(tmp_path: Path) -> None:
    """The target (fixed length, as attention traces it) and the memory as inputs."""
    graph = Graph("model")
    target = graph.add_node("Input", "target", {"shape": [5, 8]})
    memory = graph.add_node("Input", "memory", {"shape": [7, 8]})
    decoder = graph.add_node(
        "TransformerDecoderLayer",
        "decoder",
        {"nhead": 2, "dim_feedforward": 16, "dropout": 0.0, "causal": True},
    )
    graph.connect(target.id, "out", decoder.id, "tgt")
    graph.connect(memory.id, "out", decoder.id, "memory")
    sink = graph.add_node("Output", "y")
    graph.connect(decoder.id, "out", sink.id, "in")
    project = Project(name="Decoder", networks=[graph])
    _runtime_agrees(project, tmp_path / "decoder.onnx", [1, 3], [{}, {}])


def test_a_time_first_seq2seq_with_a_repeated_context_exports(tmp_path: Path) -> None:
    """d2l's seq2seq as the importer draws it: GRUs with batch_first off, the
    encoder's last-layer state repeated at every target step (RepeatTimeStep) and
    joined to the target's embeddings; both lengths stay dynamic."""
    graph = Graph("model")
    source = graph.add_node("Input", "source", {"shape": ["S"], "dtype": "long"})
    target = graph.add_node("Input", "target", {"shape": ["T"], "dtype": "long"})
    recurrent = {"hidden_size": 8, "num_layers": 2, "batch_first": False}
    encoder = _chain(
        graph,
        source,
        ("Embedding", {"num_embeddings": 12, "embedding_dim": 6}),
        ("GRU", {**recurrent, "state_out": True}),
    )
    embedded = _chain(
        graph, target, ("Embedding", {"num_embeddings": 12, "embedding_dim": 6})
    )
    last = graph.add_node("LastTimeStep", "last")
    graph.connect(encoder.id, "h_n", last.id, "in")
    context = graph.add_node("RepeatTimeStep", "context")
    graph.connect(last.id, "out", context.id, "in")
    graph.connect(embedded.id, "out", context.id, "like")
    joined = graph.add_node("Concat", "joined", {"inputs": 2, "dim": 2})
    graph.connect(embedded.id, "out", joined.id, "in1")
    graph.connect(context.id, "out", joined.id, "in2")
    decoder = graph.add_node("GRU", "decoder", {**recurrent, "state_in": True})
    graph.connect(joined.id, "out", decoder.id, "in")
    graph.connect(encoder.id, "h_n", decoder.id, "h0")
    head = _chain(graph, decoder, ("Linear", {"out_features": 12}))
    sink = graph.add_node("Output", "logits")
    graph.connect(head.id, "out", sink.id, "in")
    project = Project(name="Seq2Seq", networks=[graph])
    _runtime_agrees(
        project,
        tmp_path / "seq2seq.onnx",
        [2, 3],
        [{"S": 5, "T": 4}, {"S": 3, "T": 1}],
    )


def test_recurrent_cells_with_states_export(tmp_path: Path) -> None:
    """An LSTMCell given (h, c), a GRUCell given the LSTM's cell state and a ReLU
    RNNCell: both outputs of the LSTMCell and the last cell's run in ONNX Runtime as
    in PyTorch."""
    graph = Graph("model")
    x = graph.add_node("Input", "x", {"shape": [4]})
    h = graph.add_node("Input", "h", {"shape": [6]})
    c = graph.add_node("Input", "c", {"shape": [6]})
    lstm = graph.add_node("LSTMCell", "lstm", {"hidden_size": 6, "state_in": True})
    graph.connect(x.id, "out", lstm.id, "in")
    graph.connect(h.id, "out", lstm.id, "h")
    graph.connect(c.id, "out", lstm.id, "c")
    gru = graph.add_node("GRUCell", "gru", {"hidden_size": 6, "state_in": True})
    graph.connect(lstm.id, "out", gru.id, "in")
    graph.connect(lstm.id, "c", gru.id, "h")
    rnn = _chain(graph, gru, ("RNNCell", {"hidden_size": 5, "nonlinearity": "relu"}))
    for name, (node, port) in {"y": (rnn, "out"), "cell": (lstm, "c")}.items():
        sink = graph.add_node("Output", name)
        graph.connect(node.id, port, sink.id, "in")
    project = Project(name="Cells", networks=[graph])
    _runtime_agrees(project, tmp_path / "cells.onnx", [1, 3], [{}, {}])
