"""What leaves the app: the standalone ``train.py`` (with the training recipes' own source).

This package sits above both :mod:`designer.codegen` (the model's source) and
:mod:`designer.training` (the recipes and the task checks); neither imports it.
"""
