"""Training tasks: classification, regression, and the table that lists them."""

from designer.training.tasks.registry import (
    TaskInfo,
    create_task,
    get_task_info,
    register_task,
    task_names,
)

__all__ = ["TaskInfo", "create_task", "get_task_info", "register_task", "task_names"]
