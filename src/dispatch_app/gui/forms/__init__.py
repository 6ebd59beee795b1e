"""Detail/edit forms beside the tables: live validation with the domain's own messages."""
