"""Problems and field messages in the interface's language.

The model words its problems in English (:mod:`designer.shapes.problems`) and
keeps each as a template marked for translation plus named arguments
(:mod:`designer.graph.translatable`).  Here the template is translated with
Qt's own machinery, ``QCoreApplication.translate("Problem", template)``, the
arguments that are themselves messages (words such as "embedding size", an inner
problem of a block) are translated in turn, and the rest (shapes, numbers, names)
are filled in as they are.  With no translator installed every function here
gives exactly the English of ``describe``/``detail``/``Problem.message``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from designer.graph.model import Graph, Node
from designer.graph.translatable import Message, node_sentence
from designer.shapes.infer import NodeShapes
from designer.shapes.problems import Problem, describe, detail, sentence_message


def translated(message: Message) -> str:
    """``message`` in the interface's language, its arguments filled in
    (:meth:`~designer.graph.translatable.Message.worded` with Qt's translate)."""
    return message.worded(QCoreApplication.translate)


def field_message(message: Message | None) -> str | None:
    """A field's message (:meth:`designer.fields.Field.check_message`) translated."""
    return None if message is None else translated(message)


def problem_detail(problem: Problem, graph: Graph) -> str:
    """:func:`~designer.shapes.problems.detail` in the interface's language."""
    if not problem.template:
        return detail(problem, graph)
    return translated(problem.text)


def problem_sentence(
    problem: Problem, graph: Graph, *, with_network: bool = False
) -> str:
    """:func:`~designer.shapes.problems.describe` in the interface's language:
    the sentence names its node ("Linear 'fc1': …") and, when asked, its network."""
    message = sentence_message(problem, graph, with_network=with_network)
    if message is None:
        return describe(problem, graph, with_network=with_network)
    return translated(message)


def problem_message(problem: Problem, node: Node | None) -> str:
    """What ``problem.message`` says, in the interface's language.

    ``node`` is the problem's node: the message names it when inference found
    the problem in the node's own shape rule ("Linear 'fc1': expects …").
    """
    if not problem.template:
        return problem.message
    names_node = node is not None and problem.message != problem.text.english()
    return translated(_naming(problem.text, node if names_node else None))


def node_error(info: NodeShapes, node: Node) -> str | None:
    """``info.error`` (the node's inference error, naming it) translated."""
    if info.error_text is None:
        return info.error
    return translated(node_sentence(node.type, node.name, info.error_text))


def _naming(text: Message, node: Node | None) -> Message:
    return text if node is None else node_sentence(node.type, node.name, text)
