"""The dashboard tab: KPI cards and charts."""
