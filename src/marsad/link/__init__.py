"""Marsad stage: link (see the issue tracker)."""
