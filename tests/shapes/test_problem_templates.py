"""Every problem and field message is a template plus arguments that Qt can translate.

The English stays what it was: the template filled with its arguments is the
problem's sentence without the node.  Every template is marked for ``lupdate``
(never an f-string, which it cannot see), is in the model group's ``.ts``, and
every translation there keeps exactly the placeholders of its source.
"""

from __future__ import annotations

import ast
import string
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from network_harness import LAYER_TYPES, LayerCase, layer_cases, single_layer_graph

from designer.fields import Field
from designer.graph import block_editing
from designer.graph.catalog import get_spec
from designer.graph.model import Graph, Project
from designer.graph.translatable import Message
from designer.shapes.infer import GraphShapes, infer_shapes
from designer.shapes.problems import Problem, describe, detail

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402  (tools/ is not a package)

MODEL_TS = translations.ts_file("model", "zh_CN")
SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=True,
)


def templates_of(message: Message) -> set[str]:
    """The template of ``message`` and of every message among its arguments."""
    found = {message.template}
    for _name, value in message.args:
        if isinstance(value, Message):
            found |= templates_of(value)
    return found


def ts_sources() -> set[str]:
    return {source for _context, source in translations.messages(MODEL_TS)}


def assert_worded_by_template(shapes: GraphShapes, graph: Graph) -> set[str]:
    """Each problem's template filled with its arguments is its sentence without
    the node, and names the node as ``describe`` does; returns the templates."""
    seen: set[str] = set()
    for problem in shapes.problems:
        assert problem.template, problem
        filled = problem.template.format(**dict(problem.args))
        assert filled == problem.text.english() == detail(problem, graph)
        assert describe(problem, graph).endswith(filled)
        seen |= templates_of(problem.text)
    for node_id, info in shapes.nodes.items():
        assert (info.error is None) == (info.error_text is None)
        if info.error_text is not None:
            node = graph.node(node_id)
            assert info.error == f"{node.type} '{node.name}': {info.error_text}"
    return seen


@pytest.mark.parametrize("layer_type", LAYER_TYPES)
@SETTINGS
@given(data=st.data())
def test_every_layer_rule_words_its_problems_from_a_known_template(
    layer_type: str, data: st.DataObject
) -> None:
    graph, _node = single_layer_graph(data.draw(layer_cases(layer_type)))
    seen = assert_worded_by_template(infer_shapes(graph), graph)
    assert seen <= ts_sources(), seen - ts_sources()


BAD_INPUTS = (
    ([1], "float"),
    ([3, 1, 1, 1, 1], "float"),
    (["L", 2], "float"),
    ([2, 1], "float"),
    ([5, 3], "long"),
    ([7, 2, 2], "float"),
)


def test_bad_inputs_to_every_layer_type_give_templated_problems() -> None:
    """Wrong ranks, symbolic and tiny sizes, token ids where numbers belong."""
    seen: set[str] = set()
    for layer_type in LAYER_TYPES:
        spec = get_spec(layer_type)
        params = spec.defaults()
        for shape, dtype in BAD_INPUTS:
            ports = spec.input_ports(params)
            case = LayerCase(
                layer_type,
                params,
                {port: shape for port in ports},
                {port: dtype for port in ports},
            )
            graph, _node = single_layer_graph(case)
            seen |= assert_worded_by_template(infer_shapes(graph), graph)
    assert len(seen) >= 15  # the inputs really are bad, for many different reasons
    assert seen <= ts_sources(), seen - ts_sources()


def _chain(graph: Graph, *layers: tuple[str, dict]) -> list[str]:
    ids: list[str] = []
    for layer_type, params in layers:
        node = graph.add_node(layer_type, params=params)
        if ids:
            graph.connect(ids[-1], "out", node.id, node.input_ports()[0])
        ids.append(node.id)
    return ids


def _cycle(length: int) -> Graph:
    graph = Graph()
    ids = _chain(graph, ("Input", {"shape": [4]}), *[("Add", {})] * length)
    graph.connect(ids[-1], "out", ids[1], "in2")
    return graph


def _repeated_block(repeat: int, size: int) -> Graph:
    project = Project("blocks")
    ids = _chain(
        project.graph,
        ("Input", {"shape": [1, size, size]}),
        ("Conv2d", {"out_channels": 2}),
        ("Output", {}),
    )
    block_editing.group_into_block(project, "model", ids[1:2], "Shrink").apply(project)
    [use] = project.graph.nodes_of_type("Block")
    project.graph.set_param(use.id, "repeat", repeat)
    return project.graph


def _huge_output() -> Graph:
    graph = Graph()
    _chain(
        graph,
        ("Input", {"shape": [1, 4096, 4096]}),
        ("Conv2d", {"out_channels": 8192, "padding": 1}),
        ("Output", {}),
    )
    return graph


def _ids_added_then_embedded() -> Graph:
    graph = Graph()
    ids = _chain(
        graph,
        ("Input", {"shape": [5], "dtype": "long"}),
        ("Add", {}),
        ("Embedding", {}),
        ("Output", {}),
    )
    graph.connect(ids[0], "out", ids[1], "in2")
    return graph


def _empty_of_inputs_and_outputs() -> Graph:
    graph = Graph()
    graph.add_node("ReLU")
    return graph


def _dead_end() -> Graph:
    graph = Graph()
    ids = _chain(graph, ("Input", {"shape": [4]}), ("ReLU", {}), ("Output", {}))
    linear = graph.add_node("Linear", name="unused")
    graph.connect(ids[0], "out", linear.id, "in")
    return graph


BROKEN_GRAPHS = {
    "a layer reaching no Output": _dead_end,
    "short cycle": lambda: _cycle(3),
    "long cycle": lambda: _cycle(9),
    "no Input, no Output, loose input": _empty_of_inputs_and_outputs,
    "block fails in its first repetition": lambda: _repeated_block(1, 2),
    "block fails in a later repetition": lambda: _repeated_block(3, 4),
    "too large for any device": _huge_output,
    "token ids through arithmetic": _ids_added_then_embedded,
}


@pytest.mark.parametrize("build", BROKEN_GRAPHS.values(), ids=BROKEN_GRAPHS.keys())
def test_structure_block_and_size_problems_are_templates_too(build) -> None:
    graph = build()
    shapes = infer_shapes(graph)
    assert shapes.problems
    seen = assert_worded_by_template(shapes, graph)
    assert seen <= ts_sources(), seen - ts_sources()


def test_word_arguments_are_messages_of_their_own() -> None:
    graph = _repeated_block(3, 4)
    [problem] = infer_shapes(graph).errors
    inner = dict(problem.args)["problem"]
    assert isinstance(inner, Message)
    assert problem.message.endswith(
        "(repetition 2 of 3, given (N, 2, 2, 2)): Conv2d 'conv2d_1': "
        "kernel 3×3 is larger than its 2×2 input"
    )
    assert "kernel" in templates_of(problem.text)


def test_a_problem_made_from_plain_text_still_reads_as_it_did() -> None:
    plain = Problem("error", "a {brace} in plain text")
    assert not plain.template
    assert plain.text.english() == "a {brace} in plain text"


FIELD_CASES = [
    (Field("n", "int", 1, minimum=1, maximum=8), [0, 9, 2.5, "x", True]),
    (Field("lr", "float", 0.1, minimum=0, exclusive_minimum=True), [0, -1.0, "x"]),
    (Field("p", "float", 0.5, minimum=0.1, maximum=0.9), [0.0, 1.0, float("nan")]),
    (Field("b", "bool", True), [1]),
    (Field("c", "choice", "a", choices=("a", "b")), ["z"]),
    (get_spec("Input").param("shape"), [[], [0], ["N"], ["if"], [10**7], [10**4] * 3]),
    (get_spec("Permute").param("dims"), [[], ["a"], [99]]),
    (get_spec("Reshape").param("shape"), [[], [0], [-1, -1]]),
]
TYPED = [
    (get_spec("Input").param("shape"), ["", "1, x-y", "1, N"]),
    (get_spec("Permute").param("dims"), ["1, a"]),
    (get_spec("Conv2d").param("padding"), ["wide", "-1"]),
]


def test_field_messages_are_templates_that_read_as_before() -> None:
    seen: set[str] = set()
    for field, values in FIELD_CASES:
        for value in values:
            message = field.check_message(value)
            assert message is not None, (field.name, value)
            assert message.english() == field.check(value)
            seen |= templates_of(message)
    for field, texts in TYPED:
        for text in texts:
            value, message = field.parse_message(text)
            assert message is not None and value is None, (field.name, text)
            assert (None, message.english()) == field.parse(text)
            seen |= templates_of(message)
    assert seen <= ts_sources(), seen - ts_sources()


# -- the sources: templates marked for lupdate, never f-strings -----------------------
BUILDERS = {"ShapeError", "Problem", "Message", "of", "naming_node"}
SCANNED = [
    *sorted((ROOT / "designer" / "graph").rglob("*.py")),
    *sorted((ROOT / "designer" / "shapes").rglob("*.py")),
    ROOT / "designer" / "fields.py",
]


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def untranslatable_builds(source: str) -> list[str]:
    """Messages built from an f-string or a bare literal lupdate is not told about."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node)
        if name == "QT_TRANSLATE_NOOP":
            literal = all(
                isinstance(a, ast.Constant) and isinstance(a.value, str)
                for a in node.args
            )
            if not literal or len(node.args) != 2:
                found.append(f"line {node.lineno}: QT_TRANSLATE_NOOP of a non-literal")
            continue
        if name not in BUILDERS:
            continue
        # Positional: the template, or a Problem's message (keyword arguments are
        # the values filled in, which may well be formatted with an f-string).
        for argument in node.args:
            if isinstance(argument, ast.JoinedStr):
                found.append(f"line {node.lineno}: {name}(f-string)")
        first = node.args[0] if node.args else None
        if name in {"ShapeError", "of"} and isinstance(first, ast.Constant):
            found.append(f"line {node.lineno}: {name}({first.value!r}) is not marked")
    return found


def test_the_scan_finds_f_strings_and_unmarked_templates() -> None:
    bad = (
        'raise ShapeError(f"expects {x}")\n'
        'Problem(ERROR, f"{where} is not connected", node)\n'
        'Message.of("not marked {x}", x="1")\n'
        'QT_TRANSLATE_NOOP("Problem", f"{x}")\n'
    )
    assert len(untranslatable_builds(bad)) == 4
    good = 'raise ShapeError(QT_TRANSLATE_NOOP("Problem", "expects {x}"), x=f"{y}")'
    assert untranslatable_builds(good) == []


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_message_is_built_from_an_f_string(path: Path) -> None:
    assert untranslatable_builds(path.read_text(encoding="utf-8")) == []


def test_the_model_translation_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    translations.update(tmp_path)
    fresh = translations.messages(tmp_path / MODEL_TS.name)
    assert fresh == translations.messages(MODEL_TS)
    assert translations.untranslated(MODEL_TS) == []


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_translation_keeps_exactly_the_placeholders_of_its_source() -> None:
    import xml.etree.ElementTree as ElementTree

    messages = list(ElementTree.parse(MODEL_TS).getroot().iter("message"))
    assert len(messages) > 80
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        assert _placeholders(translation) == _placeholders(source), source
        assert translation.format(**{n: "x" for n in _placeholders(source)})
