"""The explorer page in a real browser (Playwright driving Debian's chromium).

Skipped when chromium or the ``playwright`` package is missing, unless ``MARSAD_REQUIRE_BROWSER=1``
(set by CI after ``.ci/install-browser``), in which case a missing browser is a failure. Every
test records all network requests and console messages: any request to a non-loopback host, or
any console error (a Content-Security-Policy violation shows up as one), fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from marsad.web.server import running_server

CHROMIUM = os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium")
REQUIRE = os.environ.get("MARSAD_REQUIRE_BROWSER") == "1"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _unavailable(why: str) -> None:
    if REQUIRE:
        pytest.fail(f"browser tests required (MARSAD_REQUIRE_BROWSER=1) but {why}")
    pytest.skip(why)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is missing (run .ci/install-browser)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base_url(web_db):
    with running_server(web_db) as url:
        yield url


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1200}, locale="ar")
    pg = context.new_page()
    requests: list[str] = []
    problems: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.base = base_url
    yield pg
    context.close()
    outside = [u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).hostname not in LOOPBACK]
    assert not outside, f"requests left the machine: {outside}"
    assert not problems, problems


def open_explorer(page) -> None:
    page.goto(page.base + "/")
    page.wait_for_selector("body[data-loads='1'][data-busy='0']", timeout=20_000)


def wait_reload(page, n: int) -> None:
    page.wait_for_selector(f"body[data-loads='{n}'][data-busy='0']", timeout=20_000)


def table_ids(page) -> list[str]:
    return page.locator("#events tbody tr[data-event-id]").evaluate_all("rows => rows.map(r => r.dataset.eventId)")


def test_page_loads_filters_by_actor_and_shows_highlighted_evidence(page, tmp_path_factory):
    open_explorer(page)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert len(table_ids(page)) == 6
    assert page.get_attribute("#map", "data-points") == "3"
    assert page.locator("#map .ev-dot, #map .cluster").count() >= 1
    assert page.get_attribute("#timeline", "data-total") == "4"  # day- and month-dated events, by month
    assert page.get_attribute("#network", "data-nodes") == "6"

    # MARSAD_ARTIFACTS lets CI collect the screenshot; otherwise it stays in pytest's temp folder
    folder = Path(os.environ.get("MARSAD_ARTIFACTS") or tmp_path_factory.mktemp("artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / "explorer-main.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    print(f"screenshot: {shot}")

    # actor autocomplete in Arabic, without the hamza: ايران → إيران
    page.fill("#f-actor", "ايران")
    page.click("#actor-suggest button[data-actor-id='iran']")
    wait_reload(page, 2)
    assert sorted(table_ids(page)) == ["ankara:e1", "denial:e1", "hostile:e1"]
    assert page.get_attribute("#map", "data-points") == "1"
    assert page.get_attribute("#timeline", "data-total") == "2"
    assert page.locator("#actor-chip-name").text_content() == "إيران"

    # clear the actor, then pick Shoigu in English
    page.click("#actor-clear")
    wait_reload(page, 3)
    assert len(table_ids(page)) == 6
    page.fill("#f-actor", "shoigu")
    page.click("#actor-suggest button[data-actor-id='sergei_shoigu']")
    wait_reload(page, 4)
    assert table_ids(page) == ["shoigu:e1"]
    assert page.get_attribute("#map", "data-points") == "1"
    assert page.get_attribute("#timeline", "data-total") == "1"

    page.click("#events tbody tr[data-event-id='shoigu:e1']")
    page.wait_for_selector("#evidence[data-event-id='shoigu:e1'] #article mark.m-evidence")
    marks = page.locator("#article mark").evaluate_all(
        "ms => ms.map(m => [m.dataset.roles, m.textContent])")
    by_role = {}
    for roles, text in marks:
        for role in roles.split():
            by_role.setdefault(role, []).append(text)
    assert "".join(by_role["evidence"]).startswith("التقى وزير الدفاع الروسي سيرغي شويغو")
    assert by_role["actor"] == ["سيرغي شويغو"]
    assert by_role["recipient"] == ["بشار الأسد"]
    assert by_role["date"] == ["أمس الثلاثاء"]
    assert by_role["place"] == ["دمشق"]
    facts = page.locator("#event-facts").text_content()
    assert "مؤكَّد" in facts  # status, in Arabic
    assert page.locator("#doc-title").text_content() == "شويغو يلتقي الأسد في دمشق"


def test_type_date_and_text_filters_change_every_view(page):
    open_explorer(page)
    page.select_option("#f-type", "ASSAULT")
    page.click("#apply")
    wait_reload(page, 2)
    assert table_ids(page) == ["shoigu:e2"]
    assert page.get_attribute("#network", "data-nodes") == "2"
    page.select_option("#f-type", "")
    page.fill("#f-from", "2019-01-01")
    page.fill("#f-q", "بالرد")
    page.click("#apply")
    wait_reload(page, 3)
    assert table_ids(page) == ["ankara:e2"]
    assert page.get_attribute("#map", "data-points") == "0"
    page.click("#reset")
    wait_reload(page, 4)
    assert len(table_ids(page)) == 6


def test_english_toggle_switches_labels_direction_and_names(page):
    open_explorer(page)
    assert page.locator("th[data-i18n='actor']").text_content() == "الفاعل"
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("th[data-i18n='actor']").text_content() == "Actor"
    row = page.locator("#events tbody tr[data-event-id='shoigu:e1']").text_content()
    assert "Sergei Shoigu" in row and "Consult" in row and "Damascus" in row
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert "سيرغي شويغو" in page.locator("#events tbody tr[data-event-id='shoigu:e1']").text_content()


def test_hostile_article_is_shown_as_inert_text(page):
    open_explorer(page)
    page.click("#events tbody tr[data-event-id='hostile:e1']")
    page.wait_for_selector("#evidence[data-event-id='hostile:e1'] #article mark.m-evidence")
    article = page.locator("#article")
    text = article.text_content()
    assert "<script>window.__pwned = 'text'</script>" in text
    assert "<img src=x onerror=" in text
    assert article.locator("img, script").count() == 0
    assert page.locator("#doc-title").text_content().startswith("<script>")
    assert page.locator("#evidence script, #events script, #evidence img").count() == 0
    page.wait_for_timeout(200)  # give a would-be onerror handler its chance to run
    assert page.evaluate("window.__pwned === undefined")


def test_api_docs_render_from_local_files(page):
    page.goto(page.base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert "/api/events" in page.locator(".swagger-ui").text_content()


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory, browser):
    """The explorer on the bundled demo corpus, as `marsad demo` leaves it."""
    from marsad.demo.manifest import article_paths
    from marsad.runner import run

    out = tmp_path_factory.mktemp("demo-run")
    run([str(p) for p in article_paths()], out, quiet=True)
    with running_server(out / "marsad.duckdb") as url:
        yield url


def test_page_loads_on_the_demo_corpus(page, demo_url):
    page.base = demo_url
    open_explorer(page)
    total = int(page.evaluate("fetch('/api/meta').then(r => r.json()).then(m => m.events)"))
    assert total > 0, "the demo run produced no events"
    assert len(table_ids(page)) == min(50, total)
    assert int(page.get_attribute("#map", "data-points")) > 0
    assert int(page.get_attribute("#timeline", "data-total")) > 0
    page.locator("#events tbody tr[data-event-id]").first.click()
    page.wait_for_selector("#article mark.m-evidence")
    assert page.locator("#article mark.m-evidence").count() >= 1
