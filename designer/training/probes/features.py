"""Feature maps (every channel of a convolution's output) and learned filters."""

from __future__ import annotations

from torch import nn

from designer.training.probes import shrink
from designer.training.probes.capture import Capture
from designer.training.probes.messages import FeatureMaps
from designer.training.probes.previews import to_numpy

CONV_TYPES = ("Conv2d",)
MAX_FILTER_INPUTS = 16


def conv_nodes(result: Capture) -> list[str]:
    """The Conv2d nodes that ran, in execution order."""
    return [n for n in result.order if result.node(n).type in CONV_TYPES]


def feature_maps(result: Capture, sample: int = 0) -> list[FeatureMaps]:
    """Per Conv2d node: its output channels for the sample and its filters."""
    found: list[FeatureMaps] = []
    modules = dict(result.network.module.named_children())
    for node_id in conv_nodes(result):
        node = result.node(node_id)
        output = to_numpy(result.value(node_id)[sample])
        module = modules.get(result.network.code.attributes.get(node_id, ""))
        filters = None
        as_images = False
        if isinstance(module, nn.Conv2d):
            weight = to_numpy(module.weight)
            filters = shrink.shrink(
                weight[: shrink.MAX_CHANNELS, :MAX_FILTER_INPUTS],
                (None, None, shrink.MAX_SIDE, shrink.MAX_SIDE),
            )
            as_images = module.in_channels in (1, 3) and module.groups == 1
        found.append(
            FeatureMaps(
                node_id=node_id,
                name=node.name,
                maps=shrink.image_grid(output),
                channels=int(output.shape[0]),
                filters=filters,
                filters_as_images=as_images,
            )
        )
    return found
