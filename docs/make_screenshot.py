"""Make docs/img/explorer.png: the web explorer on the bundled demo corpus.

    .venv/bin/python docs/make_screenshot.py [--out docs/img/explorer.png]

Runs the pipeline on the demo articles into a temporary folder, serves the store on loopback,
opens the page in Debian's chromium (Playwright, no browser download), clicks the first event
that has both an actor and a recipient so that its evidence is highlighted, and saves a
full-page screenshot. Needs /usr/bin/chromium (see .ci/install-browser).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from marsad.demo.manifest import article_paths
from marsad.runner import run
from marsad.web.server import running_server

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "img" / "explorer.png")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp) / "demo"
        run([str(p) for p in article_paths()], out_dir, quiet=True)
        with running_server(out_dir / "marsad.duckdb") as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1400}, locale="ar")
            outside: list[str] = []
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
            page.goto(base + "/")
            page.wait_for_selector("body[data-loads='1'][data-busy='0']", timeout=30_000)
            detail = page.evaluate("""async () => {
                const r = await fetch('/api/events?limit=50');
                const body = await r.json();
                const e = body.items.find(x => x.actor.length && x.recipient.length && x.location);
                return e ? e.event_id : null;
            }""")
            if detail:
                row = page.locator(f"#events tbody tr[data-event-id='{detail}']")
                if row.count():
                    row.click()
                    page.wait_for_selector("#article mark.m-evidence")
            page.wait_for_timeout(400)  # let the map and the charts settle
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=True)
            browser.close()
    if outside:
        print(f"requests left the machine: {outside}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
