"""The node canvas: our own QGraphicsScene items, following the document's model.

- ``view.NetworkView``: the widget (zoom, pan, fit, quick-add, palette drops, themes)
- ``scene.NetworkScene``: the items of one network, kept in step with its events
- ``node_item`` / ``edge_item``: the cards and the labelled connections
- ``interactions``: connecting, re-routing and renaming as small objects
- ``quick_add``: the type-to-add popup
- ``layout``: tidy layout (plain Python); ``metrics``: card sizes shared with it
- ``colors``: category colours (shared with the palette) and the canvas themes
- ``render``: a scene to a PNG
"""
