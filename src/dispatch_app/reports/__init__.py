"""Printed documents (PDF, reportlab platypus): see README.md beside this file."""
