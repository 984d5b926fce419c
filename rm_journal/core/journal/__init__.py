"""One pair's journal: its tables, their migrations, field types and what may leave."""
