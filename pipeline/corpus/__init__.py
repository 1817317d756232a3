"""Deterministic sample-corpus generator (see :mod:`pipeline.corpus.build`)."""
