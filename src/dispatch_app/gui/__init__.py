"""The desktop window (PySide6). Presents only: every query goes through store.listing,
services.lookup or the services; no business rule and no SQL lives here.

PySide6 6.12.0 on CPython 3.11 corrupts the reference counts of None/True (every void call and
emit() drops one) and aborts the interpreter after a few thousand calls; pyproject.toml
excludes that release on Python < 3.12.
"""
