"""The layer catalog's texts, for Qt Linguist (generated: do not edit).

Written by ``python tools/catalog_texts.py`` from ``designer/graph/layers`` and
``designer/resources/blocks``; a test fails when it is out of date.  The
``QT_TRANSLATE_NOOP`` entries only mark the texts for ``pyside6-lupdate``;
:func:`layer_text` and :func:`block_text` translate them when they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    return text


def layer_text(text: str) -> str:
    """A text of the layer catalog (description, title, help…) in the app's language."""
    return QCoreApplication.translate("Layer", text) if text else text


def block_text(text: str) -> str:
    """A built-in block's description in the app's language."""
    return QCoreApplication.translate("Block", text) if text else text


# fmt: off
LAYER_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Layer", "A target size instead of the factor (0: use the factor)"),
    QT_TRANSLATE_NOOP("Layer", "Activation"),
    QT_TRANSLATE_NOOP("Layer", "Adds a border of zeros around an image, p pixels on each side."),
    QT_TRANSLATE_NOOP("Layer", "Adds a learned vector for each position so attention can tell order apart."),
    QT_TRANSLATE_NOOP("Layer", "Adds tensors of the same shape element by element (residual connections)."),
    QT_TRANSLATE_NOOP("Layer", "Align corners"),
    QT_TRANSLATE_NOOP("Layer", "Alpha"),
    QT_TRANSLATE_NOOP("Layer", "Attention"),
    QT_TRANSLATE_NOOP("Layer", "Averages each window, shrinking the image."),
    QT_TRANSLATE_NOOP("Layer", "Averages into a fixed output size whatever the input size (output size 1 gives global average pooling)."),
    QT_TRANSLATE_NOOP("Layer", "Batch first"),
    QT_TRANSLATE_NOOP("Layer", "Bias"),
    QT_TRANSLATE_NOOP("Layer", "Bidirectional"),
    QT_TRANSLATE_NOOP("Layer", "Bilinear only: the corner pixels of input and output line up"),
    QT_TRANSLATE_NOOP("Layer", "Ceil mode"),
    QT_TRANSLATE_NOOP("Layer", "Chunks"),
    QT_TRANSLATE_NOOP("Layer", "Convolution"),
    QT_TRANSLATE_NOOP("Layer", "Cuts the centre of an image to the height and width of the tensor at 'like' (U-Net joins a skip connection to a smaller upsampled map)."),
    QT_TRANSLATE_NOOP("Layer", "D model"),
    QT_TRANSLATE_NOOP("Layer", "Data entering the network. The shape excludes the batch dimension; use a name such as L for a sequence length that may vary."),
    QT_TRANSLATE_NOOP("Layer", "Dense"),
    QT_TRANSLATE_NOOP("Layer", "Dilation"),
    QT_TRANSLATE_NOOP("Layer", "Dim"),
    QT_TRANSLATE_NOOP("Layer", "Dim feedforward"),
    QT_TRANSLATE_NOOP("Layer", "Dims"),
    QT_TRANSLATE_NOOP("Layer", "Divides a tensor into equal chunks along a dimension, e.g. an encoder's output into mu and logvar."),
    QT_TRANSLATE_NOOP("Layer", "Dropout"),
    QT_TRANSLATE_NOOP("Layer", "Dropout between stacked layers"),
    QT_TRANSLATE_NOOP("Layer", "Dtype"),
    QT_TRANSLATE_NOOP("Layer", "During training, zeroes each element with probability p and scales the rest by 1/(1-p); does nothing in evaluation."),
    QT_TRANSLATE_NOOP("Layer", "Embed dim"),
    QT_TRANSLATE_NOOP("Layer", "Embedding"),
    QT_TRANSLATE_NOOP("Layer", "Embedding dim"),
    QT_TRANSLATE_NOOP("Layer", "Enlarges an image or sequence by a whole factor."),
    QT_TRANSLATE_NOOP("Layer", "Factor"),
    QT_TRANSLATE_NOOP("Layer", "Fully connected layer: every output is a weighted sum of all inputs plus a bias. Acts on the last dimension."),
    QT_TRANSLATE_NOOP("Layer", "Gated recurrent unit: a lighter LSTM with two gates. Outputs the whole sequence (N, L, hidden)."),
    QT_TRANSLATE_NOOP("Layer", "Generative"),
    QT_TRANSLATE_NOOP("Layer", "Gives each sample a new shape with the same number of values (batch dimension kept; -1 means 'the rest')."),
    QT_TRANSLATE_NOOP("Layer", "Groups"),
    QT_TRANSLATE_NOOP("Layer", "Hidden size"),
    QT_TRANSLATE_NOOP("Layer", "In channels"),
    QT_TRANSLATE_NOOP("Layer", "In features"),
    QT_TRANSLATE_NOOP("Layer", "Input size"),
    QT_TRANSLATE_NOOP("Layer", "Input/Output"),
    QT_TRANSLATE_NOOP("Layer", "Inputs"),
    QT_TRANSLATE_NOOP("Layer", "Inserts a dimension of size 1, e.g. (N, 28, 28) → (N, 1, 28, 28) with dim 1, to give an image its channel."),
    QT_TRANSLATE_NOOP("Layer", "Joins all dimensions from start dim on into one, e.g. (N, 64, 3, 3) → (N, 576)."),
    QT_TRANSLATE_NOOP("Layer", "Joins tensors along one dimension (e.g. channels, dim 1)."),
    QT_TRANSLATE_NOOP("Layer", "Keeps the largest value in each window, shrinking the image."),
    QT_TRANSLATE_NOOP("Layer", "Keeps the last element of a sequence: (N, L, F) → (N, F), e.g. to classify from an LSTM's final output."),
    QT_TRANSLATE_NOOP("Layer", "Kernel size"),
    QT_TRANSLATE_NOOP("Layer", "Left"),
    QT_TRANSLATE_NOOP("Layer", "Like ReLU but lets a small slope through for negative values."),
    QT_TRANSLATE_NOOP("Layer", "Log of softmax; pair it with the NLL loss."),
    QT_TRANSLATE_NOOP("Layer", "Long short-term memory: gates decide what the cell state keeps, so it remembers over long sequences. Outputs the whole sequence (N, L, hidden)."),
    QT_TRANSLATE_NOOP("Layer", "Longest sequence supported"),
    QT_TRANSLATE_NOOP("Layer", "Looks up a learned vector for each integer token id: (N, L) → (N, L, E). Feed it from an Input of dtype long."),
    QT_TRANSLATE_NOOP("Layer", "Marks a tensor the network returns. A network may have several outputs."),
    QT_TRANSLATE_NOOP("Layer", "Max len"),
    QT_TRANSLATE_NOOP("Layer", "Merge"),
    QT_TRANSLATE_NOOP("Layer", "Mode"),
    QT_TRANSLATE_NOOP("Layer", "Multiplies every value by a constant, e.g. 1/√d before attention or 0.1 on a residual branch."),
    QT_TRANSLATE_NOOP("Layer", "Multiplies tensors of the same shape element by element (gating)."),
    QT_TRANSLATE_NOOP("Layer", "Negative slope"),
    QT_TRANSLATE_NOOP("Layer", "New order of dimensions 1, 2, …"),
    QT_TRANSLATE_NOOP("Layer", "New sample shape, e.g. 64, 7, 7"),
    QT_TRANSLATE_NOOP("Layer", "Nhead"),
    QT_TRANSLATE_NOOP("Layer", "Nonlinearity"),
    QT_TRANSLATE_NOOP("Layer", "Norm first"),
    QT_TRANSLATE_NOOP("Layer", "Normalises each channel of an image over the batch and positions."),
    QT_TRANSLATE_NOOP("Layer", "Normalises each feature over the batch, then scales and shifts it."),
    QT_TRANSLATE_NOOP("Layer", "Normalises each sample over its last dimension (as Transformers do)."),
    QT_TRANSLATE_NOOP("Layer", "Normalization"),
    QT_TRANSLATE_NOOP("Layer", "Normalized shape"),
    QT_TRANSLATE_NOOP("Layer", "Num embeddings"),
    QT_TRANSLATE_NOOP("Layer", "Num features"),
    QT_TRANSLATE_NOOP("Layer", "Num heads"),
    QT_TRANSLATE_NOOP("Layer", "Num layers"),
    QT_TRANSLATE_NOOP("Layer", "Number of filters (output channels)"),
    QT_TRANSLATE_NOOP("Layer", "Number of input ports"),
    QT_TRANSLATE_NOOP("Layer", "Number of output units"),
    QT_TRANSLATE_NOOP("Layer", "Off runs the layer time-major inside; the graph's tensors stay batch-first"),
    QT_TRANSLATE_NOOP("Layer", "One Transformer encoder block: self-attention then a feed-forward network, each with a residual connection and layer norm."),
    QT_TRANSLATE_NOOP("Layer", "Out channels"),
    QT_TRANSLATE_NOOP("Layer", "Out features"),
    QT_TRANSLATE_NOOP("Layer", "Output padding"),
    QT_TRANSLATE_NOOP("Layer", "Output size"),
    QT_TRANSLATE_NOOP("Layer", "P"),
    QT_TRANSLATE_NOOP("Layer", "Padding"),
    QT_TRANSLATE_NOOP("Layer", "Passes positive values, zeroes negative ones."),
    QT_TRANSLATE_NOOP("Layer", "Plain recurrent layer: a hidden state carried from step to step. Outputs the whole sequence (N, L, hidden)."),
    QT_TRANSLATE_NOOP("Layer", "Pooling"),
    QT_TRANSLATE_NOOP("Layer", "Probability of zeroing an element"),
    QT_TRANSLATE_NOOP("Layer", "Recurrent"),
    QT_TRANSLATE_NOOP("Layer", "Removes a dimension of size 1, e.g. (N, 1, 28) → (N, 28) with dim 1 (a dimension of another size is kept, as in PyTorch)."),
    QT_TRANSLATE_NOOP("Layer", "Reorders the sample dimensions (the batch stays first), e.g. 2, 1 turns (N, C, L) into (N, L, C)."),
    QT_TRANSLATE_NOOP("Layer", "Round the output size up, so the last partial window counts"),
    QT_TRANSLATE_NOOP("Layer", "Sample shape without the batch dimension, e.g. 1, 28, 28"),
    QT_TRANSLATE_NOOP("Layer", "Samples z from N(mu, σ²) in a way gradients flow through (the VAE trick)."),
    QT_TRANSLATE_NOOP("Layer", "Scale factor"),
    QT_TRANSLATE_NOOP("Layer", "Self-attention: every position looks at every other and mixes in what is relevant, with several heads in parallel."),
    QT_TRANSLATE_NOOP("Layer", "Shape"),
    QT_TRANSLATE_NOOP("Layer", "Size"),
    QT_TRANSLATE_NOOP("Layer", "Slides learned filters over images (N, C, H, W); each filter gives one output channel."),
    QT_TRANSLATE_NOOP("Layer", "Slides learned filters over sequences (N, C, L); each filter gives one output channel."),
    QT_TRANSLATE_NOOP("Layer", "Smooth ReLU used by Transformers."),
    QT_TRANSLATE_NOOP("Layer", "Smooth for negative values, tending to −α."),
    QT_TRANSLATE_NOOP("Layer", "Squashes values into (0, 1)."),
    QT_TRANSLATE_NOOP("Layer", "Squashes values into (−1, 1)."),
    QT_TRANSLATE_NOOP("Layer", "Start dim"),
    QT_TRANSLATE_NOOP("Layer", "Stride"),
    QT_TRANSLATE_NOOP("Layer", "Top"),
    QT_TRANSLATE_NOOP("Layer", "Transposed convolution: grows an image, e.g. stride 2 doubles H and W. Used in decoders and generators."),
    QT_TRANSLATE_NOOP("Layer", "Turns channels into resolution: (N, C·r², H, W) → (N, C, H·r, W·r) (sub-pixel upsampling, as in super-resolution networks)."),
    QT_TRANSLATE_NOOP("Layer", "Turns scores into probabilities that sum to 1 along a dimension."),
    QT_TRANSLATE_NOOP("Layer", "Upscale factor"),
    QT_TRANSLATE_NOOP("Layer", "Vocabulary size (largest token id + 1)"),
    QT_TRANSLATE_NOOP("Layer", "Zeros added on each side; 'same' keeps the size (stride 1)"),
    QT_TRANSLATE_NOOP("Layer", "float for images and features, long for integer token ids"),
    QT_TRANSLATE_NOOP("Layer", "y[i, j] = max over the k×k window at (i·s, j·s)"),
    QT_TRANSLATE_NOOP("Layer", "y[i, j] = mean over the k×k window at (i·s, j·s)"),
)
# fmt: on

# fmt: off
BLOCK_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Block", "DenseNet block: each layer (batch norm, ReLU, 3×3 convolution) adds 32 channels, concatenated to everything before it."),
    QT_TRANSLATE_NOOP("Block", "GoogLeNet Inception block: 1×1, 3×3 and 5×5 convolutions and pooling side by side, their channels concatenated (256 out)."),
    QT_TRANSLATE_NOOP("Block", "MobileNet block: a depthwise 3×3 convolution (one filter per channel, groups = channels) then a pointwise 1×1 convolution, each with batch norm and ReLU. Its channels must equal the input's (32 here)."),
    QT_TRANSLATE_NOOP("Block", "ResNet basic block: two 3×3 convolutions with batch norm, added to the input (identity shortcut), then ReLU. Keeps the shape; its channels must equal the input's (64 here)."),
    QT_TRANSLATE_NOOP("Block", "ResNet block that halves the size and changes the channels: the shortcut is a strided 1×1 convolution with batch norm (a projection)."),
    QT_TRANSLATE_NOOP("Block", "Transformer encoder block built from parts: self-attention, dropout, residual Add and LayerNorm, then a two-layer feed-forward network with GELU, another Add and LayerNorm. Input (sequence, 64 features)."),
    QT_TRANSLATE_NOOP("Block", "VGG block: two 3×3 convolutions with ReLU, then 2×2 max pooling (halves height and width)."),
)
# fmt: on
