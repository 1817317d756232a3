"""Typed intermediate representations, one per stage (see DESIGN.md)."""
