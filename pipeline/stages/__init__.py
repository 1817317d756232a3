"""The per-document stages: discover → load → parse → extract (pure functions but for I/O in load)."""
