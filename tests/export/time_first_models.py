"""Time-first models for the importer's tests: d2l's seq2seq as the book writes it
(time-major inside), an LSTM and attention built without batch_first, and the
time-major forms that stay refused.  Run by the importer (load_model), so plain
PyTorch only."""

from __future__ import annotations

import torch
from torch import nn


class D2lSeq2SeqEncoder(nn.Module):
    """d2l's Seq2SeqEncoder as the book writes it: time-major inside."""

    def __init__(self, vocab_size: int, embed_size: int, num_hiddens: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = nn.GRU(embed_size, num_hiddens, num_layers=2)

    def forward(self, X: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        X = self.embedding(X)  # (batch_size, num_steps, embed_size)
        X = X.permute(1, 0, 2)  # (num_steps, batch_size, embed_size)
        output, state = self.rnn(X)
        return output, state


class D2lSeq2SeqDecoder(nn.Module):
    """d2l's Seq2SeqDecoder: the encoder's last-layer state as a context at every
    step, joined to the embedded tokens, and the output permuted back."""

    def __init__(self, vocab_size: int, embed_size: int, num_hiddens: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = nn.GRU(embed_size + num_hiddens, num_hiddens, num_layers=2)
        self.dense = nn.Linear(num_hiddens, vocab_size)

    def init_state(self, enc_outputs: tuple[torch.Tensor, torch.Tensor]):
        return enc_outputs[1]

    def forward(
        self, X: torch.Tensor, state: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        X = self.embedding(X).permute(1, 0, 2)
        context = state[-1].repeat(X.shape[0], 1, 1)
        X_and_context = torch.cat((X, context), 2)
        output, state = self.rnn(X_and_context, state)
        output = self.dense(output).permute(1, 0, 2)
        return output, state


class D2lEncoderDecoder(nn.Module):
    """d2l's EncoderDecoder of the two, taking the source and target token ids."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = D2lSeq2SeqEncoder(12, 6, 8)
        self.decoder = D2lSeq2SeqDecoder(12, 6, 8)

    def forward(self, enc_X: torch.Tensor, dec_X: torch.Tensor) -> torch.Tensor:
        enc_outputs = self.encoder(enc_X)
        dec_state = self.decoder.init_state(enc_outputs)
        return self.decoder(dec_X, dec_state)[0]


class TimeFirstLstm(nn.Module):
    """An LSTM built without batch_first: the ids made time-major with .t(), the
    last step read as out[-1] and the final state as h[-1]."""

    def __init__(self) -> None:
        super().__init__()
        self.embedding = nn.Embedding(10, 4)
        self.lstm = nn.LSTM(4, 5, num_layers=2, bidirectional=True)
        self.head = nn.Linear(10, 3)
        self.gate = nn.Linear(5, 3)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        out, (h, c) = self.lstm(self.embedding(ids.t()))
        return torch.relu(self.head(out[-1])) + torch.sigmoid(self.gate(h[-1]))


class TimeFirstAttention(nn.Module):
    """Self-attention and an encoder layer built without batch_first, on an
    (L, N, E) sequence, with a key padding mask and a causal mask."""

    def __init__(self) -> None:
        super().__init__()
        self.embedding = nn.Embedding(20, 8)
        self.attention = nn.MultiheadAttention(8, 2)
        self.encoder = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0)
        self.head = nn.Linear(8, 3)

    def forward(self, ids: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
        x = self.embedding(ids).transpose(0, 1)  # (L, N, E)
        x = x + self.attention(x, x, x, key_padding_mask=pad.bool())[0]
        mask = nn.Transformer.generate_square_subsequent_mask(x.size(0))
        x = self.encoder(x, src_mask=mask, is_causal=True)
        return self.head(x).transpose(0, 1)


class RefusedTimeFirst(nn.Module):
    """Time-major forms no card takes: a batch-first sequence into a GRU built
    without batch_first, a flattening of a time-major sequence, a repeat by a
    fixed count; and a cast of numbers to ids."""

    def __init__(self) -> None:
        super().__init__()
        self.gru = nn.GRU(3, 4)
        self.flat = nn.Flatten()

    def forward(
        self, x: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        wrong, _ = self.gru(x)
        flat = self.flat(x.transpose(0, 1))
        fixed = x[:, -1].repeat(5, 1, 1)
        ids = x.long()
        return wrong, flat, fixed, ids


class ReturnsTimeMajor(nn.Module):
    """A time-first RNN's output returned as PyTorch gives it, (L, N, hidden)."""

    def __init__(self) -> None:
        super().__init__()
        self.rnn = nn.RNN(3, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.rnn(x.permute(1, 0, 2))
        return out


class D2lGRU(nn.Module):
    """d2l 1.0's GRU wrapper: ``nn.GRU`` built time-first, H None by default."""

    def __init__(self, num_inputs: int, num_hiddens: int, num_layers: int) -> None:
        super().__init__()
        self.rnn = nn.GRU(num_inputs, num_hiddens, num_layers)

    def forward(self, inputs: torch.Tensor, H: torch.Tensor | None = None):
        return self.rnn(inputs, H)


class D2lModernEncoder(nn.Module):
    """d2l 1.0's Seq2SeqEncoder: the ids made time-major with ``.t()``."""

    def __init__(self, vocab_size: int, embed_size: int, num_hiddens: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = D2lGRU(embed_size, num_hiddens, 2)

    def forward(self, X: torch.Tensor, *args):
        embs = self.embedding(X.t().type(torch.int64))  # (num_steps, batch, embed)
        outputs, state = self.rnn(embs)
        return outputs, state


class D2lModernDecoder(nn.Module):
    """d2l 1.0's Seq2SeqDecoder: the encoder's last output as the context, joined
    along the last dimension, the result swapped back with ``swapaxes``."""

    def __init__(self, vocab_size: int, embed_size: int, num_hiddens: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = D2lGRU(embed_size + num_hiddens, num_hiddens, 2)
        self.dense = nn.Linear(num_hiddens, vocab_size)

    def init_state(self, enc_all_outputs, *args):
        return enc_all_outputs

    def forward(self, X: torch.Tensor, state):
        embs = self.embedding(X.t().type(torch.int32))
        enc_output, hidden_state = state
        context = enc_output[-1]
        context = context.repeat(embs.shape[0], 1, 1)
        embs_and_context = torch.cat((embs, context), -1)
        outputs, hidden_state = self.rnn(embs_and_context, hidden_state)
        outputs = self.dense(outputs).swapaxes(0, 1)
        return outputs, [enc_output, hidden_state]


class D2lModernEncoderDecoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = D2lModernEncoder(12, 6, 8)
        self.decoder = D2lModernDecoder(12, 6, 8)

    def forward(self, enc_X: torch.Tensor, dec_X: torch.Tensor) -> torch.Tensor:
        enc_all_outputs = self.encoder(enc_X)
        dec_state = self.decoder.init_state(enc_all_outputs)
        return self.decoder(dec_X, dec_state)[0]


class TimeFirstTransformer(nn.Module):
    """An encoder layer and a decoder layer built without batch_first: the memory
    and the target both time-major."""

    def __init__(self) -> None:
        super().__init__()
        self.source = nn.Embedding(20, 8)
        self.target = nn.Embedding(20, 8)
        self.encoder = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0)
        self.decoder = nn.TransformerDecoderLayer(8, 2, dim_feedforward=16, dropout=0.0)
        self.head = nn.Linear(8, 5)

    def forward(self, src: torch.Tensor, tgt: torch.Tensor) -> torch.Tensor:
        memory = self.encoder(self.source(src).transpose(0, 1))
        out = self.decoder(self.target(tgt).permute(1, 0, 2), memory)
        return self.head(out).transpose(0, 1)
