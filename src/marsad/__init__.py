"""Marsad (مرصد): Arabic news → a sourced, queryable record of political and military events."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("marsad")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
