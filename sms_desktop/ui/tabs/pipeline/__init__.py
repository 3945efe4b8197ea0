"""The Pipeline tab (销售机会与漏斗)."""
