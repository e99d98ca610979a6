"""The dock panels around the canvas: palette, inspector, summary, problems, code."""
