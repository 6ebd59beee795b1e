"""The map page's drawing parts: the projection, the point layers and the canvas (Qt only in
``canvas.py`` and ``legend.py``; the rest is plain Python so it can be tested and timed alone)."""
