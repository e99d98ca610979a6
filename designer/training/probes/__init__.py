"""Looking inside a network for one sample: previews, feature maps, gradients,
attention, saliency and a step-by-step forward pass.

The modules that compute (``capture``, ``previews``, ``attention`` …) import torch
and run in the training process; :mod:`.messages` and :mod:`.shrink` are plain
numpy, so the window can unpickle and draw what they send without torch.  This
file imports nothing, so importing :mod:`.messages` stays torch-free.
"""
