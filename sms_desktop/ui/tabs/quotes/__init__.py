"""定价与报价: quotes, their editor and PDF, and the product catalogue."""
