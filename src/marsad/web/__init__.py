"""Marsad stage: web (see the issue tracker)."""
