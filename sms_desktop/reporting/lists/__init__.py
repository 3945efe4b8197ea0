"""The lists of the application, each defined once by its columns (see ``reporting.columns``)."""
