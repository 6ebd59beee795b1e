"""The store: the only code that opens the SQLite file or writes SQL for the services."""

from .database import Store, open_store
from .errors import StoreError

__all__ = ["Store", "StoreError", "open_store"]
