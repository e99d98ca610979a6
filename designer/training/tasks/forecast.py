"""Sequence forecasting: from a window of past values, predict the next one(s).

Validation reports the loss, ``val_mse``, ``mae`` and ``baseline_mse``: the
error of the naive forecast that repeats the window's last value.  A model that
does not beat that baseline has learnt nothing about the sequence.

Preview for the UI (``PredictionSnapshot.previews``)::

    "forecast": {"history": (k, L) the input windows (their first feature),
                 "truth": (k, H) the values that came next,
                 "prediction": (k, H) the model's forecast}
"""

from __future__ import annotations

import torch

from designer.training.recipes.regression import (
    evaluate_forecast,
    last_value_forecast,
)
from designer.training.tasks.base import PredictionSnapshot
from designer.training.tasks.regression import RegressionTask

PREVIEW_SAMPLES = 6
__all__ = ["ForecastTask", "history_of", "last_value_forecast"]


def history_of(x: torch.Tensor) -> torch.Tensor:
    """The windows as (k, L): the first feature of each step."""
    return x[:, :, 0] if x.dim() == 3 else x.reshape(len(x), -1)


class ForecastTask(RegressionTask):
    name = "forecast"
    evaluator = staticmethod(evaluate_forecast)

    def snapshot(
        self, epoch: int, x: torch.Tensor, y: torch.Tensor, x_train: torch.Tensor
    ) -> PredictionSnapshot | None:
        x, y = x[:PREVIEW_SAMPLES], y[:PREVIEW_SAMPLES]
        prediction = self.forward(x).float()
        count = len(x)
        preview = {
            "history": history_of(x).float().cpu().numpy(),
            "truth": y.reshape(count, -1).float().cpu().numpy(),
            "prediction": prediction.reshape(count, -1).cpu().numpy(),
        }
        return PredictionSnapshot(
            epoch=epoch,
            x=x.cpu().numpy(),
            y_true=y.cpu().numpy(),
            y_pred=prediction.reshape(y.shape).cpu().numpy(),
            previews={"forecast": preview},
        )
