"""Everything Qt: the main window, the canvas, panels and the training UI."""
