"""Item models: thin, lazy adapters over service queries."""
