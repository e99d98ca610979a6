"""Models for the import tests of ``nn.TransformerEncoder`` / ``nn.TransformerDecoder``
stacks (designer/export/import_stacks.py), as word_language_model and
language_translation build them."""

from __future__ import annotations

import torch
from torch import nn


def _encoder_layer(batch_first: bool) -> nn.TransformerEncoderLayer:
    return nn.TransformerEncoderLayer(
        8, 2, dim_feedforward=16, dropout=0.0, batch_first=batch_first
    )


class EncoderStack(nn.Module):
    """A batch-first stack of three layers with a final norm and a causal mask."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = nn.TransformerEncoder(
            _encoder_layer(True), 3, norm=nn.LayerNorm(8), enable_nested_tensor=False
        )
        self.fc = nn.Linear(8, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        mask = nn.Transformer.generate_square_subsequent_mask(x.size(1))
        return self.fc(self.encoder(x, mask=mask, is_causal=True))


class TimeFirstLanguageModel(nn.Module):
    """word_language_model's TransformerModel: token ids, a time-first stack (the
    default batch_first=False) and a decoder to the vocabulary."""

    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(20, 8)
        self.encoder = nn.TransformerEncoder(
            _encoder_layer(False), 2, enable_nested_tensor=False
        )
        self.decoder = nn.Linear(8, 20)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        src = self.embed(ids).permute(1, 0, 2)  # (L, N, E)
        mask = nn.Transformer.generate_square_subsequent_mask(src.size(0))
        out = self.encoder(src, mask)
        return self.decoder(out.permute(1, 0, 2))


class Translator(nn.Module):
    """language_translation's shape: an encoder stack over the source, a decoder
    stack with a causal target mask over the target and the memory."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = nn.TransformerEncoder(
            _encoder_layer(True), 2, enable_nested_tensor=False
        )
        layer = nn.TransformerDecoderLayer(
            8, 2, dim_feedforward=16, dropout=0.0, batch_first=True
        )
        self.decoder = nn.TransformerDecoder(layer, 2, norm=nn.LayerNorm(8))
        self.generator = nn.Linear(8, 5)

    def forward(self, src: torch.Tensor, tgt: torch.Tensor) -> torch.Tensor:
        memory = self.encoder(src)
        mask = nn.Transformer.generate_square_subsequent_mask(tgt.size(1))
        return self.generator(self.decoder(tgt, memory, tgt_mask=mask))


class NestedPaddedStack(nn.Module):
    """enable_nested_tensor (the default) with a padding mask: zeros at padding in
    eval mode, which no card gives."""

    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(20, 8)
        self.encoder = nn.TransformerEncoder(_encoder_layer(True), 2)

    def forward(self, ids: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
        return self.encoder(self.embed(ids), src_key_padding_mask=pad != 0)


class MemoryMaskedDecoder(nn.Module):
    """A memory padding mask: the decoder card has no port for it."""

    def __init__(self) -> None:
        super().__init__()
        layer = nn.TransformerDecoderLayer(
            8, 2, dim_feedforward=16, dropout=0.0, batch_first=True
        )
        self.decoder = nn.TransformerDecoder(layer, 2)

    def forward(
        self, memory: torch.Tensor, tgt: torch.Tensor, padding: torch.Tensor
    ) -> torch.Tensor:
        return self.decoder(tgt, memory, memory_key_padding_mask=padding)
