"""Marsad stage: scale (see the issue tracker)."""
