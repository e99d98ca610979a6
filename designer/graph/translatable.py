"""Messages for people as a template plus named arguments, so the ui can translate them.

The model has no Qt, yet its problem messages must reach Qt's translation
machinery.  A message is therefore kept as an English template marked with
:func:`QT_TRANSLATE_NOOP` — a no-op here, but Qt's ``lupdate`` recognises the
name and collects the template into the ``.ts`` file — and its arguments by
name: ``Message.of(QT_TRANSLATE_NOOP("Problem", "expects {expected}, got {got}"),
expected=…, got=…)``.  :meth:`Message.english` fills the template in English
(what the command line, the engine and code generation print); the ui translates
the template with ``QCoreApplication.translate("Problem", template)`` and fills
the same arguments, which a translation may put in any order.

An argument is text that is not translated (a shape, a number, a node's name,
already formatted) or itself a :class:`Message` (a word such as "embedding size",
or a whole inner problem), which is translated in turn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: The translation context of every message of the model.
CONTEXT = "Problem"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    """An English template with named arguments (``(name, value)`` pairs, in order),
    translated in ``context`` (the model's problems: "Problem")."""

    template: str
    args: tuple[tuple[str, str | Message], ...] = ()
    context: str = CONTEXT

    @classmethod
    def of(cls, template: str, **args: str | Message) -> Message:
        return cls(template, tuple(args.items()))

    @classmethod
    def plain(cls, text: str) -> Message:
        """A message of fixed English text that has no template (translated only
        where the text itself is marked, as Python's JSON errors are)."""
        return cls(text.replace("{", "{{").replace("}", "}}"))

    @classmethod
    def text_of(cls, context: str, text: str) -> Message:
        """A fixed text that Qt Linguist knows in another ``context`` (a layer
        parameter's title in "Layer", say), to be translated there."""
        return cls(text.replace("{", "{{").replace("}", "}}"), (), context)

    def english(self) -> str:
        """The message in English, every argument filled in."""
        return self.template.format(
            **{
                name: value.english() if isinstance(value, Message) else value
                for name, value in self.args
            }
        )

    def worded(self, translate: Callable[[str, str], str]) -> str:
        """The message translated by ``translate(context, template)`` (Qt's
        ``QCoreApplication.translate`` in the window, :func:`designer.i18n.translate`
        on the command line), arguments that are messages translated in turn.

        A translation that does not fit its arguments (a placeholder misspelt)
        falls back to the English template rather than showing nothing.
        """
        args = {
            name: value.worded(translate) if isinstance(value, Message) else value
            for name, value in self.args
        }
        try:
            return translate(self.context, self.template).format(**args)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**args)

    def __str__(self) -> str:
        return self.english()


# How a message names a node ("Linear 'fc1'") and puts it before a sentence.
NODE_LABEL = QT_TRANSLATE_NOOP("Problem", "{type} '{name}'")
NODE_SENTENCE = QT_TRANSLATE_NOOP("Problem", "{node}: {text}")
# The last line of a list cut short ("{count}" already formatted).
MORE_PROBLEMS = QT_TRANSLATE_NOOP("Problem", "  … and {count} more")


def node_label_message(layer_type: str, name: str) -> Message:
    """How a message names a node: its type and name, "Linear 'fc1'"."""
    return Message.of(NODE_LABEL, type=layer_type, name=name)


def node_sentence(layer_type: str, name: str, text: Message) -> Message:
    """``text`` said of a node: "Linear 'fc1': expects …"."""
    return Message.of(
        NODE_SENTENCE, node=node_label_message(layer_type, name), text=text
    )


class MessageError(ValueError):
    """An error whose text is for people: ``message`` (a :class:`Message` the
    window and the command line word in their language), its English as ``str()``."""

    def __init__(self, message: str | Message) -> None:
        self.message = (
            message if isinstance(message, Message) else Message.plain(message)
        )
        super().__init__(self.message.english())
