"""Deterministic sample-corpus generator (see :mod:`corpus.build`)."""
