"""Versioned rule data (vocabularies, phrase lists) read by the extractors."""
