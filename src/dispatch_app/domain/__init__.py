"""Domain: records, value rules and validation. Plain Python, no Qt, no SQL."""
