"""Toy additions that show each kind of extension is one module plus one registration line."""
