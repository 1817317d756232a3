"""Evaluations that run the pipeline's own per-document processing on written test sets.

`press`: the held-out press-page set in tests/eval/press (dev and test splits).
"""
