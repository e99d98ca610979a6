"""Training: engine, tasks and datasets. No Qt here."""
