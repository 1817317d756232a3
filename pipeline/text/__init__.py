"""Text helpers shared by every extractor (paragraphs, bullets, evidence, numbers, dates)."""
