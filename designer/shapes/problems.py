"""Problems found in a graph, and the one place that words them for people.

A :class:`Problem` carries what is wrong; :func:`describe` turns it into the
sentence the command line, the training engine and code generation print
("Linear 'fc1': expects (N, features), got (N, 8, 4, 4)"), :func:`detail` is the
same sentence without the node for views that show the node beside it, and
:func:`listed` puts several under a headline.

Besides its English ``message`` a problem keeps the sentence without the node as
a translatable template and its arguments (``template``, ``args``: see
:mod:`designer.graph.translatable`), from which the ui words it in the
interface's language (``designer.ui.problem_text``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from designer.graph.model import Graph
from designer.graph.translatable import (
    MORE_PROBLEMS,
    QT_TRANSLATE_NOOP,
    Message,
    node_label_message,
    node_sentence,
)

# How a problem names its network, for a list of several networks' problems.
NETWORK_SENTENCE = QT_TRANSLATE_NOOP("Problem", "{network}: {text}")

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """An error or warning; ``node`` is the node's id, or None for the whole graph."""

    severity: str
    message: str
    node: str | None = None
    network: str | None = None
    # The sentence without the node as a template marked for translation and its
    # arguments; "" for a problem made from plain text (``message`` is all there is).
    template: str = ""
    args: tuple[tuple[str, str | Message], ...] = ()

    @classmethod
    def of(
        cls,
        severity: str,
        text: Message,
        node: str | None = None,
        network: str | None = None,
    ) -> Problem:
        """A problem whose message is ``text`` (the node is named when it is shown)."""
        return cls(severity, text.english(), node, network, text.template, text.args)

    @classmethod
    def naming_node(
        cls, severity: str, text: Message, graph: Graph, node_id: str
    ) -> Problem:
        """A problem whose message starts with its node: "Linear 'fc1': …"."""
        node = graph.node(node_id)
        sentence = node_sentence(node.type, node.name, text)
        return cls(
            severity, sentence.english(), node_id, graph.name, text.template, text.args
        )

    @property
    def text(self) -> Message:
        """The sentence without the node, as a message the ui can translate."""
        if self.template:
            return Message(self.template, self.args)
        return Message.plain(self.message)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def node_label(graph: Graph, node_id: str) -> str:
    """How a message names a node: its type and name, "Linear 'fc1'"."""
    node = graph.node(node_id)
    return node_label_message(node.type, node.name).english()


def describe(problem: Problem, graph: Graph, *, with_network: bool = False) -> str:
    """The problem as one sentence that names its node (and network, when asked)."""
    text = problem.message
    if problem.node is not None and graph.has_node(problem.node):
        prefix = node_label(graph, problem.node)
        if not text.startswith(f"{prefix}:"):
            text = f"{prefix}: {text}"
    return f"{graph.name}: {text}" if with_network else text


def sentence_message(
    problem: Problem, graph: Graph, *, with_network: bool = False
) -> Message | None:
    """:func:`describe` as a message to translate (None for a problem of plain
    text, which has no template): it names its node and, when asked, its network."""
    if not problem.template:
        return None
    text = problem.text
    if problem.node is not None and graph.has_node(problem.node):
        node = graph.node(problem.node)
        text = node_sentence(node.type, node.name, text)
    if with_network:
        return Message.of(NETWORK_SENTENCE, network=graph.name, text=text)
    return text


def detail(problem: Problem, graph: Graph) -> str:
    """The problem without the node's name, for a view that shows the node beside it."""
    if problem.node is not None and graph.has_node(problem.node):
        return problem.message.removeprefix(f"{node_label(graph, problem.node)}: ")
    return problem.message


LIST_HEADLINE = QT_TRANSLATE_NOOP("Problem", "{headline}:")


def listed_message(
    headline: Message, problems: Sequence[Message], limit: int = 20
) -> Message:
    """:func:`listed` as a message: the headline and the problems are translated,
    the list's layout (one indented line each) is the same in every language."""
    shown = problems[:limit]
    layout = "{headline}" + "".join(f"\n  - {{p{k}}}" for k in range(len(shown)))
    args: dict[str, str | Message] = {
        "headline": Message.of(LIST_HEADLINE, headline=headline)
    }
    args.update((f"p{k}", problem) for k, problem in enumerate(shown))
    if len(problems) > limit:
        layout += "\n{more}"
        args["more"] = Message.of(MORE_PROBLEMS, count=f"{len(problems) - limit:,}")
    return Message.of(layout, **args)


def listed(headline: str, problems: Iterable[str], limit: int = 20) -> str:
    """A headline and one indented line per problem, the first ``limit`` of them
    (a graph of thousands of broken nodes gives a readable message, not a book)."""
    every = list(problems)
    lines = [f"  - {p}" for p in every[:limit]]
    if len(every) > limit:
        lines.append(f"  … and {len(every) - limit:,} more")
    return headline + ":\n" + "\n".join(lines)
