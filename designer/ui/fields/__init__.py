"""Editors for :class:`designer.fields.Field`: one factory for the inspector and the settings form."""
