"""Application services: one module per area; each call is one user action."""
