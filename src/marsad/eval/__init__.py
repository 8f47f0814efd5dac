"""Marsad stage: eval (see the issue tracker)."""
