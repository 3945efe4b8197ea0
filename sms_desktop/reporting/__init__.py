"""Documents we produce: PDF (reportlab), Excel (openpyxl), charts (matplotlib); no Qt."""
