"""Classification: one class label per sample, the network outputs one score per class."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import torch

from designer.graph.shape import Shape
from designer.training.recipes.classification import (
    classification_loss,
    evaluate_classification,
    predict_labels,
)
from designer.training.settings import TrainingSettings
from designer.training.start_notes import (
    ACTIVATION_TWICE,
    NLL_NEEDS_LOG_PROBABILITIES,
)
from designer.training.tasks.base import (
    DecisionGrid,
    EvalResult,
    NetworkInfo,
    PredictionSnapshot,
    SupervisedTask,
)

GRID_SIZE = 80
SNAPSHOT_SAMPLES = 16


class ClassificationTask(SupervisedTask):
    name = "classification"

    def checked_output_shapes(
        self, network: NetworkInfo, dataset: Any, settings: TrainingSettings
    ) -> list[Shape]:
        shape = network.output_shapes[0] if network.output_shapes else None
        classes = dataset.num_classes
        if (
            settings.loss == "bce_with_logits"
            and classes == 2
            and shape is not None
            and tuple(shape[1:]) == (1,)
        ):
            return [
                (shape[0], 2)
            ]  # one logit for two classes: BCE reads it as P(class 1)
        return network.output_shapes

    def prepare_targets(self, y: torch.Tensor) -> torch.Tensor:
        return y.long()

    def notes(self) -> list[str]:
        """Warn about the classic mix-ups of a final Softmax/LogSoftmax and the loss."""
        project = self.context.project
        if project is None:
            return []
        graph = project.network(self.network_name)
        last_layers = {
            graph.node(edge.source).type
            for output in graph.nodes_of_type("Output")
            for edge in graph.edges_into(output.id)
        }
        loss = self.context.settings.loss
        if loss in ("cross_entropy", "bce_with_logits") and last_layers & {
            "Softmax",
            "LogSoftmax",
            "Sigmoid",
        }:
            return [
                ACTIVATION_TWICE.format(
                    layer=sorted(last_layers & {"Softmax", "LogSoftmax", "Sigmoid"})[0],
                    loss="cross-entropy"
                    if loss == "cross_entropy"
                    else "BCE-with-logits",
                )
            ]
        if loss == "nll" and "LogSoftmax" not in last_layers:
            return [NLL_NEEDS_LOG_PROBABILITIES]
        return []

    def make_loss(
        self, name: str
    ) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
        self.num_classes = len(self.context.classes or [])
        return classification_loss(name)

    def predict_labels(self, outputs: torch.Tensor) -> torch.Tensor:
        return predict_labels(outputs)

    def probabilities(self, outputs: torch.Tensor) -> torch.Tensor:
        outputs = outputs.float()
        loss = self.context.settings.loss
        if outputs.shape[1] == 1:
            positive = torch.sigmoid(outputs[:, 0])
            return torch.stack([1 - positive, positive], dim=1)
        if loss == "nll":
            return outputs.exp()
        if loss == "bce_with_logits":
            return torch.sigmoid(outputs)
        return torch.softmax(outputs, dim=1)

    def evaluate(
        self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]
    ) -> EvalResult:
        metrics, confusion = evaluate_classification(
            self.model,
            self.loss_fn,
            batches,
            self.num_classes,
            self.context.device,
            self.recipe_autocast,
        )
        return summarize_confusion(metrics["val_loss"], confusion)

    def snapshot(
        self, epoch: int, x: torch.Tensor, y: torch.Tensor, x_train: torch.Tensor
    ) -> PredictionSnapshot | None:
        x = x[:SNAPSHOT_SAMPLES]
        outputs = self.forward(x)
        probs = self.probabilities(outputs)
        grid = None
        if x_train.dim() == 2 and x_train.shape[1] == 2 and x_train.is_floating_point():
            grid = self.decision_grid(x_train)
        return PredictionSnapshot(
            epoch=epoch,
            x=x.cpu().numpy(),
            y_true=y[:SNAPSHOT_SAMPLES].cpu().numpy(),
            y_pred=self.predict_labels(outputs).cpu().numpy(),
            probs=probs.cpu().numpy(),
            classes=list(self.context.classes or []),
            grid=grid,
        )

    def decision_grid(
        self, x_train: torch.Tensor, size: int = GRID_SIZE
    ) -> DecisionGrid:
        """Class probabilities over the training data's range, widened by 10% each side."""
        low = x_train.min(dim=0).values.float().cpu().numpy()
        high = x_train.max(dim=0).values.float().cpu().numpy()
        margin = np.maximum((high - low) * 0.1, 1e-3)
        xs = np.linspace(
            low[0] - margin[0], high[0] + margin[0], size, dtype=np.float32
        )
        ys = np.linspace(
            low[1] - margin[1], high[1] + margin[1], size, dtype=np.float32
        )
        xx, yy = np.meshgrid(xs, ys)
        points = torch.from_numpy(np.stack([xx.ravel(), yy.ravel()], axis=1)).to(
            self.context.device
        )
        probs = self.probabilities(self.forward(points)).cpu().numpy()
        return DecisionGrid(xx=xx, yy=yy, probs=probs.reshape(size, size, -1))


def summarize_confusion(loss: float, confusion: np.ndarray) -> EvalResult:
    """Accuracy and per-class accuracy (recall) from a confusion matrix (rows: true class)."""
    total = int(confusion.sum())
    correct = int(np.trace(confusion))
    per_class = confusion.sum(axis=1)
    per_class_accuracy = [
        float(confusion[k, k] / per_class[k]) if per_class[k] else float("nan")
        for k in range(len(per_class))
    ]
    return EvalResult(
        loss=loss,
        accuracy=correct / total if total else None,
        confusion=confusion,
        per_class_accuracy=per_class_accuracy,
    )
