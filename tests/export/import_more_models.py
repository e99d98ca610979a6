"""Models for the import tests of the layers in designer/export/fx_more_layers.py:
together they use every module it draws."""

from __future__ import annotations

import torch
from torch import nn


class MobileActivations(nn.Module):
    """ReLU6, Hardsigmoid, Hardtanh and Mish, and an Identity that vanishes."""

    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(6, 6)
        self.relu6 = nn.ReLU6()
        self.gate = nn.Hardsigmoid()
        self.clip = nn.Hardtanh(-0.5, 2.0)
        self.mish = nn.Mish()
        self.skip = nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.relu6(self.fc(x) * 4)
        return self.mish(self.clip(y)) * self.gate(self.skip(x))


class UnknownHardtanh(nn.Module):
    """A module the catalog has no card for beside one it draws."""

    def __init__(self) -> None:
        super().__init__()
        self.clip = nn.Hardtanh()
        self.shrink = nn.Softshrink()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.shrink(self.clip(x))


class StyleTransferPads(nn.Module):
    """fast_neural_style's padded convolutions, with the other two borders."""

    def __init__(self) -> None:
        super().__init__()
        self.reflect = nn.ReflectionPad2d(2)
        self.conv = nn.Conv2d(3, 4, 5)
        self.replicate = nn.ReplicationPad2d(1)
        self.constant = nn.ConstantPad2d(1, -0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.constant(self.replicate(self.conv(self.reflect(x))))


class UnevenPad(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.pad = nn.ReflectionPad2d((1, 1, 2, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.pad(x)


class AdaptiveMaxAndPowerPools(nn.Module):
    """Global max pooling of a sequence and of an image, and a power-average pool."""

    def __init__(self) -> None:
        super().__init__()
        self.lp = nn.LPPool2d(2, 3, stride=2)
        self.image_max = nn.AdaptiveMaxPool2d((2, 2))
        self.sequence_max = nn.AdaptiveMaxPool1d(1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.image_max(self.lp(x)).flatten(2)  # (N, C, 4)
        return self.sequence_max(y).flatten(1)


class VideoNet(nn.Module):
    """A 3-D convolution stack over (N, C, D, H, W) clips, and a transposed 1-D
    convolution that doubles a sequence (with output padding)."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv3d(2, 4, 3, padding=1)
        self.bn = nn.BatchNorm3d(4)
        self.max_pool = nn.MaxPool3d(2)
        self.avg_pool = nn.AvgPool3d(2, stride=1)
        self.up = nn.ConvTranspose1d(4, 3, 3, stride=2, padding=1, output_padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.avg_pool(self.max_pool(torch.relu(self.bn(self.conv(x)))))
        return self.up(y.flatten(2))  # (N, 4, 27) → (N, 3, 54)


class BagOfWords(nn.Module):
    """The text_classification tutorial's model: a bag of embeddings and a classifier."""

    def __init__(self) -> None:
        super().__init__()
        self.embedding = nn.EmbeddingBag(40, 8, mode="sum")
        self.fc = nn.Linear(8, 4)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.fc(self.embedding(ids))


class TwoTowers(nn.Module):
    """Two inputs compared by cosine similarity and mixed by a bilinear layer, with a
    ShuffleNet channel shuffle on the way."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv1d(4, 4, 1, groups=2)
        self.shuffle = nn.ChannelShuffle(2)
        self.cosine = nn.CosineSimilarity(dim=1)
        self.mix = nn.Bilinear(5, 5, 3)

    def forward(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        a = self.shuffle(self.conv(a))  # (N, 4, 5)
        similarity = self.cosine(a, b)  # (N, 5)
        return self.mix(similarity, torch.tanh(similarity))


class PaddedBag(nn.Module):
    """padding_idx has no field on the card."""

    def __init__(self) -> None:
        super().__init__()
        self.embedding = nn.EmbeddingBag(40, 8, padding_idx=0)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.embedding(ids)


class Seq2SeqTransformer(nn.Module):
    """An encoder layer reads the source; a decoder layer reads the target and the
    encoder's output (the memory)."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = nn.TransformerEncoderLayer(8, 2, 16, 0.0, batch_first=True)
        self.decoder = nn.TransformerDecoderLayer(
            8, 2, 16, 0.0, activation="gelu", batch_first=True, norm_first=True
        )

    def forward(self, source: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        return self.decoder(target, self.encoder(source))


class CellSteps(nn.Module):
    """Two steps of the time_sequence_prediction example's stacked LSTM cells, then
    a GRU cell and a ReLU RNN cell, each given the previous state."""

    def __init__(self) -> None:
        super().__init__()
        self.lstm1 = nn.LSTMCell(3, 8)
        self.lstm2 = nn.LSTMCell(8, 8, bias=False)
        self.gru = nn.GRUCell(8, 6)
        self.rnn = nn.RNNCell(6, 6, nonlinearity="relu")
        self.linear = nn.Linear(6, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, c = self.lstm1(x)
        h2, c2 = self.lstm2(h, (h, c))
        g = self.gru(torch.tanh(c2) + h2)
        return self.linear(self.rnn(g, g))
