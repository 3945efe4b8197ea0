"""The import centre's pure rules: the target fields of each kind with their header synonyms
(``fields``), and turning spreadsheet cells into clean values (``values``)."""
