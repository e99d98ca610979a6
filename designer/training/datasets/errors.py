"""The one error type of the datasets package.

Kept free of imports so that :mod:`.files` stays pasteable into an exported
``train.py`` together with this class.
"""


class DatasetError(ValueError):
    """A dataset could not be made or read; the message is written for people."""
