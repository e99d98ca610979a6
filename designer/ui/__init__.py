"""Everything Qt: the main window, the canvas, the document with undo, panels."""
