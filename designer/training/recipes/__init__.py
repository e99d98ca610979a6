"""Training recipes: each task's data preparation, step, evaluation and loss as plain torch.

One module per task family.  They import only the standard library, numpy,
torch and each other, never the rest of designer, because an exported
``train.py`` carries their source verbatim (:mod:`designer.export.train_script`
pastes the modules a task needs, in :data:`TASK_MODULES` order).  The engine
(:mod:`designer.training.engine`) runs the same functions and adds what only the
app needs around them: progress, pause and stop, previews, checkpoints.
"""

from __future__ import annotations

# The recipe modules a task's script needs, in the order they are pasted.
TASK_MODULES: dict[str, tuple[str, ...]] = {
    "classification": ("common", "distributed", "supervised", "classification"),
    "sequence_classification": (
        "common",
        "distributed",
        "supervised",
        "classification",
    ),
    "regression": ("common", "distributed", "supervised", "regression"),
    "forecast": ("common", "distributed", "supervised", "regression"),
    "reconstruction": ("common", "distributed", "supervised", "reconstruction"),
    "vae": ("common", "distributed", "vae"),
    "gan": ("common", "distributed", "gan"),
}
