"""Pure business rules: no database, no Qt."""
