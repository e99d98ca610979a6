"""Small models for the import tests: together they use every module and function
the importer draws (see designer/export/fx_layers.py)."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class Residual(nn.Module):
    def __init__(self, channels: int) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, (3, 3), padding="same")
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = F.relu(self.bn1(self.conv1(x)))
        return torch.relu(x + self.bn2(self.conv2(y)))


class ConvNet(nn.Module):
    def __init__(self, classes: int = 10) -> None:
        super().__init__()
        self.stem = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)
        )
        self.block = Residual(8)
        self.down = nn.Sequential(nn.AvgPool2d(2), nn.Conv2d(8, 8, 1, groups=2))
        self.up = nn.Sequential(
            nn.Upsample(scale_factor=2),
            nn.ConvTranspose2d(8, 4, 4, stride=2, padding=1),
        )
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Linear(4, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.up(self.down(self.block(self.stem(x))))
        x = self.pool(x).view(x.size(0), -1)
        return F.log_softmax(self.head(x), dim=1)


class Activations(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.a = nn.Linear(6, 6)
        self.norm = nn.LayerNorm(6)
        self.b = nn.Linear(6, 6)
        self.bn = nn.BatchNorm1d(6)
        self.acts = nn.Sequential(
            nn.LeakyReLU(0.2),
            nn.ELU(0.5),
            nn.GELU(),
            nn.Tanh(),
            nn.Sigmoid(),
            nn.Identity(),
        )
        self.soft = nn.Softmax(dim=-1)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = self.acts(self.norm(self.a(x)))
        g = F.leaky_relu(self.bn(self.b(x)), 0.1)
        g = F.elu(torch.tanh(torch.sigmoid(F.gelu(g))))
        both = torch.cat([h, g], dim=1)
        first, second = both.chunk(2, dim=-1)
        return self.soft(first * second), torch.log_softmax(h.mul(g), dim=1)


class Sequence(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(40, 16)
        self.attention = nn.MultiheadAttention(16, 4, batch_first=True)
        self.encoder = nn.TransformerEncoderLayer(
            16, 2, dim_feedforward=32, dropout=0.0, batch_first=True, activation="gelu"
        )
        self.rnn = nn.RNN(16, 8, batch_first=True, nonlinearity="relu")
        self.gru = nn.GRU(8, 8, batch_first=True, bidirectional=True)
        self.lstm = nn.LSTM(16, 12, num_layers=2, batch_first=True)
        self.conv = nn.Conv1d(12, 6, 3, padding=1)
        self.flatten = nn.Flatten()
        self.drop = nn.Dropout(0.1)
        self.out = nn.Linear(6 * 10 + 16, 3)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.embed(ids)
        x = self.encoder(self.attention(x, x, x)[0])
        r, _ = self.gru(self.rnn(x)[0])
        h, _ = self.lstm(x)
        c = self.conv(h.permute(0, 2, 1)).contiguous()
        features = torch.cat([self.flatten(c), r[:, -1]], dim=1)
        return self.out(self.drop(features.reshape(-1, 76)))


class Resampling(nn.Module):
    """Ceil-mode pooling, a sized bilinear upsample, sub-pixel upscaling, padding,
    squeeze/unsqueeze and scaling by constants."""

    def __init__(self) -> None:
        super().__init__()
        self.down = nn.MaxPool2d(2, ceil_mode=True)
        self.conv = nn.Conv2d(2, 8, 3, padding=1)
        self.up = nn.Upsample(size=10, mode="bilinear", align_corners=True)
        self.shuffle = nn.PixelShuffle(2)
        self.pad = nn.ZeroPad2d(1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        image = x.unsqueeze(1)  # (N, 9, 9) → (N, 1, 9, 9)
        both = torch.cat([image, image * 0.5], dim=1)  # (N, 2, 9, 9)
        y = self.up(self.conv(self.down(both)))  # (N, 8, 5, 5) → (N, 8, 10, 10)
        y = self.shuffle(y) / 4  # (N, 2, 20, 20)
        return torch.squeeze(self.pad(y).unsqueeze(2), 2)  # (N, 2, 22, 22)


class ModernLayers(nn.Module):
    """The 1-D pools, group and instance norms, channel dropout and newer activations."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv1d(4, 8, 3, padding=1)
        self.max_pool = nn.MaxPool1d(2, ceil_mode=True)
        self.avg_pool = nn.AvgPool1d(3, stride=1, padding=1)
        self.group_norm = nn.GroupNorm(4, 8)
        self.silu = nn.SiLU()
        self.softplus = nn.Softplus(beta=2.0)
        self.prelu = nn.PReLU(8)
        self.image = nn.Conv2d(1, 3, 3, padding=1)
        self.instance_norm = nn.InstanceNorm2d(3, affine=True)
        self.channel_dropout = nn.Dropout2d(0.2)
        self.hardswish = nn.Hardswish()
        self.pool = nn.AdaptiveAvgPool1d(2)
        self.shared_slope = nn.PReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.avg_pool(self.max_pool(self.conv(x)))
        y = self.prelu(self.softplus(self.silu(self.group_norm(y))))
        z = self.channel_dropout(self.instance_norm(self.image(y.unsqueeze(1))))
        z = self.hardswish(z).flatten(2)
        return self.shared_slope(F.silu(self.pool(z)))


class LastHidden(nn.Module):
    """Classifiers that read the last layer's final hidden state, h[-1]."""

    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(40, 6)
        self.lstm = nn.LSTM(6, 5, num_layers=2, batch_first=True)
        self.gru = nn.GRU(6, 4, bidirectional=True, batch_first=True)
        self.head = nn.Linear(5, 3)

    def forward(self, tokens: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        x = self.embed(tokens)
        _, (h, _) = self.lstm(x)
        _, state = self.gru(x)
        return self.head(h[-1]), state[-1]


def mlp(hidden: int = 20) -> nn.Module:
    return nn.Sequential(
        nn.Flatten(), nn.Linear(4, hidden), nn.ReLU(), nn.Linear(hidden, 2)
    )


class DataDependent(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.sum() > 0:
            return x
        return -x


class Unknown(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.a = nn.Linear(4, 4)
        self.act = nn.Hardshrink()
        self.scale = nn.Parameter(torch.ones(4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.a(x)
        return self.act(y) + torch.clamp(y, 0, 1) * 2 + x * self.scale


def not_a_model() -> int:
    return 3


class Stage(nn.Module):
    """Two residual blocks and a pooling: blocks inside a block."""

    def __init__(self, channels: int) -> None:
        super().__init__()
        self.first = Residual(channels)
        self.second = Residual(channels)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.pool(self.second(self.first(x)))


class Staged(nn.Module):
    """Two stages of the same width: one Stage and one Residual definition serve
    every use (stages of different widths would get a definition each)."""

    def __init__(self) -> None:
        super().__init__()
        self.stem = nn.Conv2d(1, 4, 3, padding=1)
        self.stage1 = Stage(4)
        self.widen = nn.Conv2d(4, 4, 1)
        self.stage2 = Stage(4)
        self.head = nn.Linear(4 * 2 * 2, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stage2(self.widen(self.stage1(self.stem(x))))
        return self.head(torch.flatten(x, 1))


class FirstLayerState(nn.Module):
    """Reads the first layer's final state, h[0]: the card keeps states batch-first."""

    def __init__(self) -> None:
        super().__init__()
        self.gru = nn.GRU(3, 4, num_layers=2, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(x)
        return h[0]


class Seq2Seq(nn.Module):
    """An encoder GRU's final state starts the decoder GRU (as d2l's seq2seq, batch
    first); an LSTM pair hands its whole (h, c) state on."""

    def __init__(self) -> None:
        super().__init__()
        self.source_embed = nn.Embedding(12, 6)
        self.target_embed = nn.Embedding(12, 6)
        self.encoder = nn.GRU(6, 8, num_layers=2, batch_first=True)
        self.decoder = nn.GRU(6, 8, num_layers=2, batch_first=True)
        self.reader = nn.LSTM(6, 5, batch_first=True)
        self.writer = nn.LSTM(6, 5, batch_first=True)
        self.out = nn.Linear(8 + 5, 12)

    def forward(self, source: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        words, wanted = self.source_embed(source), self.target_embed(target)
        _, state = self.encoder(words)
        decoded, _ = self.decoder(wanted, state)
        _, (h, c) = self.reader(words)
        written, _ = self.writer(wanted, (h, c))
        return self.out(torch.cat([decoded, written], dim=2))


class LstmStateHandOver(nn.Module):
    """The whole state tuple of one LSTM starts the next."""

    def __init__(self) -> None:
        super().__init__()
        self.first = nn.LSTM(3, 4, num_layers=2, batch_first=True)
        self.second = nn.LSTM(3, 4, num_layers=2, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, state = self.first(x)
        out, _ = self.second(x, state)
        return out


class StateInputs(nn.Module):
    """Initial states given as model inputs: h0 as PyTorch takes it, and a
    batch-first one transposed in forward; layers started from zeros (made by
    torch.zeros, or by a weight's new_zeros), and one from a layer's (N, hidden)
    output made (1, N, hidden)."""

    def __init__(self) -> None:
        super().__init__()
        self.rnn = nn.RNN(3, 4, batch_first=True)
        self.gru = nn.GRU(3, 4, num_layers=2, batch_first=True)
        self.zero_start = nn.RNN(3, 4, batch_first=True)
        self.bridge = nn.Linear(3, 4)
        self.bridged = nn.RNN(3, 4, batch_first=True)
        self.blank_start = nn.GRU(3, 4, batch_first=True)

    def forward(
        self, x: torch.Tensor, h0: torch.Tensor, batch_first_h: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        a, h = self.rnn(x, h0)
        b, _ = self.gru(x, batch_first_h.transpose(0, 1).contiguous())
        zeros = torch.zeros(1, x.size(0), 4)
        c, _ = self.zero_start(x, zeros)
        blank = next(self.parameters()).new_zeros(1, x.size(0), 4)
        c = c + self.blank_start(x, blank)[0]
        d, final = self.bridged(x, torch.tanh(self.bridge(x[:, -1])).unsqueeze(0))
        return a + c + d, b[:, -1] + h.squeeze(0), final.transpose(0, 1)


class MaskedAttention(nn.Module):
    """Causal masks made three ways, a key padding mask from an input of flags,
    and an encoder layer with a causal source mask and the key padding mask."""

    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(20, 8)
        self.first = nn.MultiheadAttention(8, 2, batch_first=True)
        self.second = nn.MultiheadAttention(8, 2, batch_first=True)
        self.third = nn.MultiheadAttention(8, 2, batch_first=True)
        self.encoder = nn.TransformerEncoderLayer(
            8, 2, dim_feedforward=16, dropout=0.0, batch_first=True
        )
        self.register_buffer("causal", torch.triu(torch.ones(32, 32), 1).bool())

    def forward(self, ids: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
        x = self.embed(ids)
        length = x.size(1)
        built = torch.triu(torch.ones((length, length)), 1).bool()
        x = self.first(x, x, x, key_padding_mask=pad.bool(), attn_mask=built)[0]
        future = nn.Transformer.generate_square_subsequent_mask(length)
        x = self.second(x, x, x, attn_mask=future, is_causal=True, need_weights=False)[
            0
        ]
        x = self.third(x, x, x, attn_mask=self.causal[:length, :length])[0]
        return self.encoder(
            x, src_mask=built, src_key_padding_mask=pad != 0, is_causal=True
        )


class ConstantMask(nn.Module):
    """A causal mask built of a fixed length, outside the traced sizes."""

    def __init__(self) -> None:
        super().__init__()
        self.attention = nn.MultiheadAttention(4, 1, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        mask = torch.triu(torch.ones(6, 6), 1).bool()
        return self.attention(x, x, x, attn_mask=mask)[0]


class RefusedMasks(nn.Module):
    """Masks no card expresses: a float mask that is not causal, a mask given as
    an input, a float key padding mask, a learned mask, and cross-attention."""

    def __init__(self) -> None:
        super().__init__()
        self.attention = nn.MultiheadAttention(4, 1, batch_first=True)
        self.register_buffer("band", torch.eye(5) * -1.0)
        self.learned = nn.Parameter(torch.full((5, 5), float("-inf")).triu(1))

    def forward(
        self,
        x: torch.Tensor,
        memory: torch.Tensor,
        mask: torch.Tensor,
        pad: torch.Tensor,
    ) -> torch.Tensor:
        a = self.attention(x, x, x, attn_mask=self.band)[0]
        b = self.attention(x, x, x, attn_mask=mask)[0]
        c = self.attention(x, x, x, key_padding_mask=pad)[0]
        d = self.attention(x, x, x, attn_mask=self.learned)[0]
        e = self.attention(x, memory, memory)[0]
        f = self.attention(x, x, x, key_padding_mask=pad == 0)[0]
        return a + b + c + d + e + f


class RefusedStates(nn.Module):
    """States no card port takes: a state fed as it is to a layer that does not act
    on each position alone, a learned initial state, a fixed one other than zeros;
    and a module called twice."""

    def __init__(self) -> None:
        super().__init__()
        self.gru = nn.GRU(3, 4, batch_first=True)
        self.learned = nn.GRU(3, 4, batch_first=True)
        self.ones = nn.GRU(3, 4, batch_first=True)
        self.start = nn.Parameter(torch.zeros(1, 1, 4))
        self.head = nn.Flatten()

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        _, h = self.gru(x)
        fed = self.head(h)
        start = self.start.expand(-1, x.size(0), -1).contiguous()
        learned, _ = self.learned(x, start)
        ones, _ = self.ones(x, torch.ones(1, x.size(0), 4))
        again, _ = self.gru(x)
        return fed, learned + ones + again


class ReturnsState(nn.Module):
    """Returns the final state as PyTorch holds it, (num_layers, N, hidden)."""

    def __init__(self) -> None:
        super().__init__()
        self.gru = nn.GRU(3, 4, batch_first=True)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        out, h = self.gru(x)
        return out, h


class CausalHintOnly(nn.Module):
    """is_causal=True without a mask: PyTorch takes it as a hint about a mask."""

    def __init__(self) -> None:
        super().__init__()
        self.attention = nn.MultiheadAttention(4, 1, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.attention(x, x, x, is_causal=True)[0]


class Seq2SeqEncoder(nn.Module):
    def __init__(self, vocabulary: int, embedding: int, hidden: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, embedding)
        self.rnn = nn.GRU(embedding, hidden, num_layers=2, batch_first=True)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.rnn(self.embedding(x))


class Seq2SeqDecoder(nn.Module):
    def __init__(self, vocabulary: int, embedding: int, hidden: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, embedding)
        self.rnn = nn.GRU(embedding, hidden, num_layers=2, batch_first=True)
        self.dense = nn.Linear(hidden, vocabulary)

    def forward(self, x: torch.Tensor, state: torch.Tensor) -> torch.Tensor:
        output, _ = self.rnn(self.embedding(x), state)
        return self.dense(output)


class EncoderDecoder(nn.Module):
    """d2l's encoder–decoder (batch first): the encoder's final state starts the
    decoder, each a module class of its own."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = Seq2SeqEncoder(12, 6, 8)
        self.decoder = Seq2SeqDecoder(12, 6, 8)

    def forward(self, source: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        _, state = self.encoder(source)
        return self.decoder(target, state)


class WideningStages(nn.Module):
    """Stages of two widths: the importer makes a definition per width (Stage,
    Stage_1; Residual, Residual_1), and the code one class of each."""

    def __init__(self) -> None:
        super().__init__()
        self.stem = nn.Conv2d(1, 4, 3, padding=1)
        self.stage1 = Stage(4)
        self.widen = nn.Conv2d(4, 6, 1)
        self.stage2 = Stage(6)
        self.head = nn.Linear(6 * 2 * 2, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stage2(self.widen(self.stage1(self.stem(x))))
        return self.head(torch.flatten(x, 1))
