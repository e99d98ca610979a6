"""Importing this package registers every layer spec in the catalog."""

from designer.graph.layers import (  # noqa: F401
    activation,
    attention,
    conv,
    dense,
    embedding,
    io,
    merge,
    normalization,
    padding,
    pooling,
    recurrent,
    shape_ops,
    tensor_ops,
)
