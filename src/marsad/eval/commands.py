"""CLI command group ``marsad eval``: registered on the main app."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

eval_app = typer.Typer(help="Score Marsad's output against gold annotations.", no_args_is_help=True)


@eval_app.command("events")
def events_command(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of *.gold.json files (seed format), or a "
                                       "demo MANIFEST.yaml (or a folder holding one).")],
    pred: Annotated[Path, typer.Option("--pred", help="A `marsad run --out` folder (events.jsonl, "
                                       "documents.jsonl).")],
    errors: Annotated[bool, typer.Option("--errors", help="Also list misses, false positives and "
                                         "wrong dates/statuses.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    id_map: Annotated[Path | None, typer.Option("--id-map", help="YAML/JSON mapping of gold actor ids to "
                                                "other ids that denote the same actor.")] = None,
) -> None:
    """Event P/R/F1 (lenient and strict), core recall, date and status accuracy (issue 6 matching)."""
    from marsad.eval.events import format_report, load_gold, load_predictions, reliability, score

    try:
        import yaml
        mapping = yaml.safe_load(id_map.read_text("utf-8")) if id_map else None
        gold_docs = load_gold(gold, mapping)
        preds = load_predictions(pred, gold_docs.keys())
    except (FileNotFoundError, ValueError, KeyError, OSError) as exc:
        typer.echo(f"marsad eval events: {exc}", err=True)
        raise typer.Exit(2) from None
    missing = [k for k in gold_docs if k not in preds]
    s = score(gold_docs, preds, errors=errors)
    if as_json:
        out = s.summary()
        out["reliability"] = [{"lo": lo, "hi": hi, "n": n, "confidence": c, "matched": a}
                              for lo, hi, n, c, a in reliability(s.matched_conf)]
        out["documents_without_predictions"] = missing
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    typer.echo(format_report(s, f"events ({gold} vs {pred})"))
    if missing:
        typer.echo(f"  {len(missing)} gold document(s) without any predicted event: {', '.join(missing[:10])}")
    for line in s.errors:
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
    app.add_typer(eval_app, name="eval")
