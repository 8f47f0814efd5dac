"""Marsad stage: corpus (see the issue tracker)."""
