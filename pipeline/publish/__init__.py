"""Publish stage: write records, datasets and the review report to `extracted/`."""
