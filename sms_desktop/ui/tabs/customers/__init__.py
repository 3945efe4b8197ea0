"""The Customers tab (客户管理)."""
