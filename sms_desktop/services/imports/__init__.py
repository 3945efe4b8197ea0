"""The import centre: reading files (``sources``), mapping headers to fields and presets
(``mapping``), and the import itself with batches and revert (``service``)."""
