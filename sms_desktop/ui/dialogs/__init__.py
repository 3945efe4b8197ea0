"""Dialogs shared by the whole app."""
