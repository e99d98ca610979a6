"""The error of an edit the model refuses, worded as a message the ui translates."""

from __future__ import annotations

from designer.graph.translatable import Message


class GraphError(ValueError):
    """An edit the model refuses, with a message for people (``message``: the
    words as a :class:`~designer.graph.translatable.Message` the ui translates)."""

    def __init__(self, message: str | Message) -> None:
        self.message = (
            message if isinstance(message, Message) else Message.plain(message)
        )
        super().__init__(self.message.english())
