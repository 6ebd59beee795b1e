"""The ``dispatch-app`` command line: a thin front over the services."""
