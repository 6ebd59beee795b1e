"""Dialogs: logging a visit, closing a follow-up, settings, about, and message boxes."""
