"""One module per navigation page; the main window composes them."""
