"""Migration scripts (additive: new columns and tables, never a rename)."""
