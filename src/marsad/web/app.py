"""The web explorer and HTTP API (FastAPI), read-only over a Marsad store.

``create_app(db_path)`` returns the ASGI application; ``marsad serve`` runs it with uvicorn.
Everything the page needs (scripts, styles, the basemap, Swagger UI for ``/docs``) is served
from ``static/`` inside the package, and every response carries a ``default-src 'self'``
Content-Security-Policy, so the browser refuses any request that would leave the machine.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from marsad import __version__
from marsad.web.queries import EVENT_TYPES, GRANULARITIES, STATUSES, EventFilter, ReadStore

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_LIMIT = 500
MAX_POINTS = 5000
MAX_NODES = 150

CSP = b"default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
# Swagger UI's stylesheet draws its icons as data: SVG images; data: URIs never leave the machine,
# so the docs page (only) may show them.
CSP_DOCS = CSP + b"; img-src 'self' data:"
SECURITY_HEADERS = [
    (b"content-security-policy", CSP),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

ASGIApp = Callable[[dict[str, Any], Callable[[], Awaitable[dict[str, Any]]],
                    Callable[[dict[str, Any]], Awaitable[None]]], Awaitable[None]]


class SecurityHeaders:
    """Pure ASGI middleware: adds the CSP and friends to every HTTP response, errors included.

    It wraps the whole application (outside Starlette's error middleware), so even a 500 page
    carries the policy; an exception raised before the response started becomes a plain 500 here.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        docs = scope.get("path") == "/docs"

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, CSP_DOCS if k == b"content-security-policy" and docs else v)
                    for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if started:
                raise
            body = b'{"detail":"internal error"}'
            await send_with_headers({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})


# -- request validation helpers ----------------------------------------------------------------

def _invalid(param: str, msg: str, value: Any) -> RequestValidationError:
    return RequestValidationError([{"loc": ("query", param), "msg": msg, "type": "value_error", "input": value}])


_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_bound(param: str, value: str | None, *, upper: bool) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD → the first (``from``) or last (``to``) day it covers."""
    if value is None or value == "":
        return None
    if not _DATE_RE.match(value):
        raise _invalid(param, f"'{param}' must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}", value)
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return date.fromisoformat(value).isoformat()
        year = int(parts[0])
        month = int(parts[1]) if len(parts) == 2 else (12 if upper else 1)
        date(year, month, 1)
    except ValueError:
        raise _invalid(param, f"'{param}' is not a real date: {value!r}", value) from None
    if not upper:
        return f"{year:04d}-{month:02d}-01"
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1).isoformat()


def _types(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for raw in values or []:
        for t in raw.split(","):
            t = t.strip().upper()
            if not t:
                continue
            if t not in EVENT_TYPES:
                raise _invalid("type", f"unknown event type {t!r}; expected one of {', '.join(EVENT_TYPES)}", raw)
            out.append(t)
    return tuple(dict.fromkeys(out))


# Query parameters shared by the event-filtering endpoints (kept in one place for consistent docs).
ActorQ = Annotated[str | None, Query(max_length=200, description="Actor id (from /api/actors); matches either side.")]
TypeQ = Annotated[list[str] | None, Query(alias="type", description="PLOVER type(s), repeated or comma-separated, e.g. ASSAULT,COERCE.")]
FromQ = Annotated[str | None, Query(alias="from", description="Earliest date (YYYY-MM-DD, YYYY-MM or YYYY); "
                                    "events whose day/month/year overlaps the range match.")]
ToQ = Annotated[str | None, Query(alias="to", description="Latest date (YYYY-MM-DD, YYYY-MM or YYYY).")]
PlaceQ = Annotated[str | None, Query(max_length=200, description="Place name (Arabic or English, substring) or "
                                     "GeoNames id.")]
CountryQ = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 country of the "
                                       "event's location, e.g. SYR.")]
StatusQ = Annotated[str | None, Query(description=f"One of: {', '.join(STATUSES)}.")]
TextQ = Annotated[str | None, Query(max_length=200, description="Free text searched in evidence sentences and "
                                    "titles (Arabic spelling variants folded).")]
DocQ = Annotated[str | None, Query(max_length=300, description="Only events of this document.")]


def _filter(actor: str | None, type_: list[str] | None, from_: str | None, to: str | None, place: str | None,
            country: str | None, status: str | None, q: str | None, doc: str | None) -> EventFilter:
    if status not in (None, "") and status not in STATUSES:
        raise _invalid("status", f"unknown status {status!r}; expected one of {', '.join(STATUSES)}", status)
    lo, hi = _date_bound("from", from_, upper=False), _date_bound("to", to, upper=True)
    if lo and hi and lo > hi:
        raise _invalid("from", f"'from' ({from_}) is after 'to' ({to})", from_)
    return EventFilter(actor=actor or None, types=_types(type_), date_from=lo, date_to=hi,
                       place=(place or "").strip() or None, country=country or None, status=status or None,
                       q=(q or "").strip() or None, doc=doc or None)


# -- response models (for the OpenAPI schema) ----------------------------------------------------

class EventList(BaseModel):
    """A page of contract events (``marsad.event/1``) plus ``quad`` and ``doc_title``/``doc_outlet``."""

    items: list[dict[str, Any]] = Field(description="Events as in events.jsonl, with extra display fields.")
    total: int = Field(description="Number of events matching the filters (all pages).")
    limit: int
    offset: int


class ActorList(BaseModel):
    items: list[dict[str, Any]] = Field(description="id, name_en, name_ar, country, sector, n_events, "
                                        "as_actor, as_recipient")
    total: int


class Problem(BaseModel):
    detail: Any
    message: str | None = None


def _json(content: Any) -> JSONResponse:
    """Encode the store's plain JSON values directly: skipping FastAPI's response-model validation of
    hundreds of nested event dicts halves the latency of a full page (the models still document it)."""
    return JSONResponse(content)


def create_app(db_path: str | Path) -> FastAPI:
    """The FastAPI application over the store at ``db_path`` (opened read-only, now, so errors show early)."""
    store = ReadStore(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="Marsad API",
        version=__version__,
        description="Read-only access to a Marsad event store: events (PLOVER types) with their evidence, "
                    "actors, the actor network and timelines. All data stays on this machine.",
        docs_url=None, redoc_url=None, lifespan=lifespan,
        responses={422: {"model": Problem, "description": "Bad parameter (see `message`)."}},
    )
    app.state.store = store

    async def db(fn: Callable[..., Any], *args: Any) -> Any:
        # Store work runs on the store's own thread pool, not on the server's shared one: those
        # threads end when the store closes, so no thread still holding DuckDB state is killed at
        # interpreter exit (which aborts the process).
        return await asyncio.get_running_loop().run_in_executor(store.pool, partial(fn, *args))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for e in exc.errors():
            errors.append({k: v for k, v in e.items() if k in ("loc", "msg", "type", "input")})
        message = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in errors)
        return JSONResponse(status_code=422, content={"detail": errors, "message": message})

    @app.get("/api/events", response_model=EventList, tags=["events"], summary="Search events")
    async def list_events(
        actor: ActorQ = None, type_: TypeQ = None, from_: FromQ = None, to: ToQ = None,
        place: PlaceQ = None, country: CountryQ = None, status: StatusQ = None, q: TextQ = None, doc: DocQ = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> Response:
        """Events matching all given filters, newest first: `{"items": [...], "total": N}`."""
        flt = _filter(actor, type_, from_, to, place, country, status, q, doc)
        return Response(await db(store.events_json, flt, limit, offset), media_type="application/json")

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its evidence in context",
             responses={404: {"model": Problem}})
    async def get_event(event_id: Annotated[str, PathParam(max_length=300)]) -> JSONResponse:
        """The event, its evidence span checked against the article, the spans to highlight
        (evidence, trigger, actor, recipient, date, place) and the whole cleaned article text."""
        found = await db(store.event, event_id)
        if found is None:
            raise HTTPException(404, detail=f"no event with id {event_id!r}")
        return _json(found)

    @app.get("/api/map", tags=["events"], summary="Event locations for the map")
    async def map_points(
        actor: ActorQ = None, type_: TypeQ = None, from_: FromQ = None, to: ToQ = None,
        place: PlaceQ = None, country: CountryQ = None, status: StatusQ = None, q: TextQ = None, doc: DocQ = None,
    ) -> JSONResponse:
        """Slim rows (id, type, quad, date, lat, lon, place) for events with coordinates, up to 5,000."""
        flt = _filter(actor, type_, from_, to, place, country, status, q, doc)
        return _json(await db(store.points, flt, MAX_POINTS))

    @app.get("/api/actors", response_model=ActorList, tags=["actors"], summary="Actors with event counts")
    async def list_actors(
        search: Annotated[str | None, Query(max_length=200, description="Substring of the id, English or Arabic "
                                            "name (Arabic spelling variants folded).")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> JSONResponse:
        """Linked actors, most active first."""
        return _json(await db(store.actors, (search or "").strip() or None, limit, offset))

    @app.get("/api/graph", tags=["actors"], summary="Actor network")
    async def graph(
        from_: FromQ = None, to: ToQ = None, actor: ActorQ = None, type_: TypeQ = None,
        place: PlaceQ = None, country: CountryQ = None, status: StatusQ = None, q: TextQ = None,
    ) -> JSONResponse:
        """Directed actor → recipient edges with cooperation/conflict counts (by PLOVER quad class);
        at most 150 of the most connected actors."""
        flt = _filter(actor, type_, from_, to, place, country, status, q, None)
        return _json(await db(store.graph, flt, MAX_NODES))

    @app.get("/api/timeline", tags=["events"], summary="Events per period and type")
    async def timeline(
        actor: ActorQ = None,
        granularity: Annotated[str, Query(description=f"One of: {', '.join(GRANULARITIES)}.")] = "month",
        type_: TypeQ = None, from_: FromQ = None, to: ToQ = None,
        place: PlaceQ = None, country: CountryQ = None, status: StatusQ = None, q: TextQ = None,
    ) -> JSONResponse:
        """Counts per period (ISO week start, YYYY-MM or YYYY) and type. Events known only to a coarser
        precision than the granularity are counted in `imprecise`, never spread over invented dates."""
        if granularity not in GRANULARITIES:
            raise _invalid("granularity", f"granularity must be one of {', '.join(GRANULARITIES)}, "
                           f"got {granularity!r}", granularity)
        flt = _filter(actor, type_, from_, to, place, country, status, q, None)
        return _json(await db(store.timeline, flt, granularity))

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document",
             responses={404: {"model": Problem}})
    async def get_document(doc_id: Annotated[str, PathParam(max_length=300)]) -> JSONResponse:
        """The document's metadata, cleaned text, its events' evidence offsets and its mentions."""
        found = await db(store.document, doc_id)
        if found is None:
            raise HTTPException(404, detail=f"no document with id {doc_id!r}")
        return _json(found)

    @app.get("/api/meta", tags=["meta"], summary="Store overview")
    async def meta() -> JSONResponse:
        """Counts, date range, PLOVER types with their quad class, statuses."""
        return _json(await db(store.meta))

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
    def docs() -> FileResponse:
        # Swagger UI from vendored files, started by docs.js: FastAPI's default page loads it from a CDN
        # and uses an inline script, both of which the CSP forbids.
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def create_asgi(db_path: str | Path) -> SecurityHeaders:
    """The application wrapped in :class:`SecurityHeaders` — what ``marsad serve`` runs."""
    return SecurityHeaders(create_app(db_path))
