"""Sequence classification: one class label per sequence (token ids or real-valued steps).

Everything is classification's — cross-entropy on one score per class,
accuracy, per-class accuracy and the confusion matrix — so the panel shows the
same plots; only the name differs.  No extra previews.
"""

from __future__ import annotations

from designer.training.tasks.classification import ClassificationTask


class SequenceClassificationTask(ClassificationTask):
    name = "sequence_classification"
