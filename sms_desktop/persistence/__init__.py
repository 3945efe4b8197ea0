"""SQLite storage: ORM models, migrations, backups, locking, search."""
