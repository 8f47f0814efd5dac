"""Make docs/img/russia-iran-timeline.png: cooperation vs conflict by month on the demo corpus.

    .venv/bin/python docs/make_plot.py [--db marsad-output/marsad.duckdb] [--out docs/img/russia-iran-timeline.png]

Without ``--db`` it runs Marsad on the bundled demo corpus into a temporary folder first (a few
seconds, no network). The series come from the library, not from re-counting JSONL lines:
``marsad.store.query.timeline(con, "RUS", "IRN", "month", level="country")`` is exactly what
``marsad timeline --actor RUS --with IRN --level country`` prints. Counts are *happenings*
(event clusters), so one story carried by two outlets counts once.

The demo corpus is twenty fictionalised articles: the plot shows how to read the store, not a
finding about Russia and Iran.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display needed
import matplotlib.pyplot as plt  # noqa: E402

import marsad  # noqa: E402
from marsad.demo import corpus_path  # noqa: E402
from marsad.store.query import timeline  # noqa: E402

OUT = Path(__file__).resolve().parent / "img" / "russia-iran-timeline.png"
# (title, actor, other): ISO3 codes at country level, so a minister counts for his state.
SERIES = [
    ("Russia – Iran (both directions)", "RUS", "IRN"),
    ("Russia with anyone", "RUS", None),
    ("Iran with anyone", "IRN", None),
]
# The four PLOVER quad classes; cooperation is drawn above the axis, conflict below.
QUADS = [
    ("verbal_cooperation", 1, "#6baed6", "verbal cooperation"),
    ("material_cooperation", 1, "#2171b5", "material cooperation"),
    ("verbal_conflict", -1, "#fc9272", "verbal conflict"),
    ("material_conflict", -1, "#cb181d", "material conflict"),
]


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    out, d = [], first.replace(day=1)
    while d <= last:
        out.append(d)
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def plot(db: Path, out: Path) -> Path:
    """Draw the three series of ``db`` into ``out`` (PNG) and return ``out``."""
    with marsad.open_store(db) as store:
        rows = {title: timeline(store.con, a, b, "month", level="country") for title, a, b in SERIES}
    periods = [dt.date.fromisoformat(r["period"]) for series in rows.values() for r in series]
    if not periods:
        raise SystemExit(f"no dated events between these countries in {db}")
    months = _months(min(periods), max(periods))
    fig, axes = plt.subplots(len(SERIES), 1, figsize=(11, 7.5), sharex=True, constrained_layout=True)
    for ax, (title, _, _) in zip(axes, SERIES, strict=True):
        by_month = {dt.date.fromisoformat(r["period"]): r for r in rows[title]}
        up = [0] * len(months)
        down = [0] * len(months)
        for key, sign, colour, label in QUADS:
            values = [by_month[m][key] if m in by_month else 0 for m in months]
            base = up if sign > 0 else down
            ax.bar(months, [sign * v for v in values], bottom=[sign * b for b in base], width=25,
                   color=colour, label=label)
            for i, v in enumerate(values):
                base[i] += v
        ax.axhline(0, color="#444444", linewidth=0.8)
        ax.set_title(title, loc="left", fontsize=11)
        ax.set_ylabel("happenings")
        top = max(max(up), max(down), 1)
        ax.set_ylim(-top - 0.5, top + 0.5)
        ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{abs(int(v))}"))
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    axes[0].legend(ncols=4, fontsize=9, loc="upper left", frameon=False)
    axes[-1].xaxis.set_major_locator(matplotlib.dates.YearLocator())
    axes[-1].xaxis.set_major_formatter(matplotlib.dates.DateFormatter("%Y"))
    fig.suptitle("Cooperation (above the line) vs conflict (below) by month — Marsad demo corpus "
                 "(fictionalised articles)", fontsize=12)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="a store written by `marsad run` (default: run the demo corpus)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.db:
        print(plot(args.db, args.out))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        marsad.run([str(corpus_path())], Path(tmp), quiet=True)
        print(plot(Path(tmp) / "marsad.duckdb", args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
