"""The ``marsad`` command line: a thin layer over the library."""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad import __version__

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): Arabic news → a sourced, queryable record of political and military events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"marsad {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Marsad (مرصد): Arabic news → a sourced, queryable record of political and military events."""


def _logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else (logging.ERROR if quiet else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or '-' for JSONL on stdin.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for documents/events/mentions.jsonl.")] = Path(
        "marsad-output"),
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB store (default: OUT/marsad.duckdb).")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1,
                                           help="Reject input files larger than this.")] = 20 * 1024 * 1024,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary table.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging, incl. the failing stage.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine, --workers processes) or dask.")] = (
        "local"),
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster.")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume/--reprocess", help="Reuse documents already in the store unchanged (default), or analyse "
                                     "everything again.")] = True,
    published: Annotated[str | None, typer.Option(
        "--published", metavar="YYYY-MM-DD",
        help="Publication date of the documents that state none (files without a dateline, JSONL records "
             "without 'published'); relative dates resolve against it.")] = None,
) -> None:
    """Run the whole pipeline on INPUTS; write the contract files into --out and update the store."""
    from marsad.runner import ENGINES
    from marsad.runner import run as run_pipeline
    if engine not in ENGINES:
        raise typer.BadParameter(f"must be one of {', '.join(ENGINES)}", param_hint="--engine")
    if scheduler and engine != "dask":
        raise typer.BadParameter("needs --engine dask", param_hint="--scheduler")
    if engine == "dask":
        from marsad.scale.dask_engine import available
        if not available():
            raise typer.BadParameter("dask.distributed is not installed (pip install 'dask[distributed]')",
                                     param_hint="--engine")
    if published is not None:
        try:
            published = date.fromisoformat(published).isoformat()
        except ValueError:
            raise typer.BadParameter(f"{published!r} is not a date YYYY-MM-DD", param_hint="--published") from None
    _logging(verbose, quiet)
    summary = run_pipeline(inputs, out_dir, db_path=db, workers=workers, quiet=quiet, max_bytes=max_bytes,
                           stdin=sys.stdin if "-" in inputs else None, engine=engine, scheduler=scheduler,
                           resume=resume, published=published)
    err.print(f"marsad: {summary.processed} processed, {summary.rejected} rejected, {summary.events} events "
              f"in {summary.seconds:.1f}s → {summary.out_dir}", highlight=False)
    if not quiet:
        _print_summary(summary)


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Where to write the results.")] = Path("marsad-output"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Run Marsad on the bundled demo corpus and say where to look."""
    from marsad.demo import corpus_path
    from marsad.runner import run as run_pipeline
    _logging(False, quiet)
    summary = run_pipeline([str(corpus_path())], out_dir, quiet=quiet)
    _print_summary(summary)
    out.print(f"\nResults are in [bold]{out_dir.resolve()}[/]: documents.jsonl, events.jsonl, mentions.jsonl,"
              f" and the store {summary.db_path.resolve()}")


def _print_summary(summary) -> None:  # noqa: ANN001 - RunSummary, imported lazily
    table = Table(title="Marsad run", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents processed", str(summary.processed))
    table.add_row("documents rejected", str(summary.rejected))
    table.add_row("sentences", str(summary.sentences))
    table.add_row("mentions", str(summary.mentions))
    table.add_row("events", str(summary.events))
    for t, n in summary.event_types.most_common():
        table.add_row(f"  {t}", str(n))
    out.print(table)
    if summary.rejections:
        rej = Table(title="Rejected inputs")
        rej.add_column("source")
        rej.add_column("reason")
        for src, why in summary.rejections[:20]:
            rej.add_row(src, why)
        out.print(rej)


@app.command()
def dates(
    ref: Annotated[str | None, typer.Option("--ref", help="Reference (publication) date YYYY-MM-DD.")] = None,
) -> None:
    """Read one sentence per line on stdin; print one JSON object of its dates per line."""
    from datetime import date

    from marsad.time import dates_command_lines
    try:
        ref_date = date.fromisoformat(ref) if ref else None
    except ValueError as exc:
        raise typer.BadParameter(f"--ref must be YYYY-MM-DD, got {ref!r}") from exc
    for line in dates_command_lines((ln.rstrip("\n") for ln in sys.stdin), ref_date):
        sys.stdout.write(line + "\n")


@app.command()
def ner(
    conll: Annotated[Path, typer.Option("--conll", exists=True, dir_okay=False, readable=True,
                                        help="One token per line (first column); blank line = sentence break.")],
) -> None:
    """Tag tokens with BIO named-entity tags (PERS, LOC, ORG, MISC); print token<TAB>tag lines."""
    from marsad.recognize.ner import ner_conll_lines
    with open(conll, encoding="utf-8-sig") as fh:
        for line in ner_conll_lines(fh):
            sys.stdout.write(line + "\n")


# Commands that live with the stage they expose (store queries and exports, the web explorer).
from marsad.corpus import commands as _corpus_commands  # noqa: E402
from marsad.eval import commands as _eval_commands  # noqa: E402
from marsad.web import commands as _web_commands  # noqa: E402

_corpus_commands.register(app)
_eval_commands.register(app)
_web_commands.register(app)

if __name__ == "__main__":  # pragma: no cover
    app()
