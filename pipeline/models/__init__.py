"""Extractors: pure functions from a parsed `Document` to claims."""
