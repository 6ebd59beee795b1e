"""Import wizard, export and bundle dialogs: the GUI over ``dispatch_app.exchange``."""
