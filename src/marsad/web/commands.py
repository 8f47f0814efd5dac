"""CLI command ``marsad serve``: registered on the main app."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""

    @app.command()
    def serve(
        db: Annotated[Path, typer.Option("--db", help="The DuckDB store written by `marsad run`.")],
        host: Annotated[str, typer.Option("--host", help="Interface to listen on (loopback by default).")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    ) -> None:
        """Serve the web explorer at / and the read-only API at /api/… (schema at /openapi.json, docs at /docs)."""
        import uvicorn

        from marsad.web.app import create_asgi
        from marsad.web.queries import StoreError

        try:
            asgi = create_asgi(db)
        except StoreError as exc:
            typer.echo(f"marsad serve: {exc}", err=True)
            raise typer.Exit(2) from None
        if not _is_loopback(host):
            # The API has no authentication: say so when it is reachable from other machines.
            typer.echo(f"marsad serve: warning: listening on {host}, reachable beyond this machine; "
                       "the API has no authentication", err=True)
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"Marsad explorer on http://{shown}:{port}/  (API docs: /docs; Ctrl-C to stop)", err=True)
        uvicorn.run(asgi, host=host, port=port, log_level="warning", access_log=False)
