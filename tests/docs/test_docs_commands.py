"""Every command shown in the README and in docs/ works as documented.

Each Markdown file's fenced blocks are replayed in order, in a workspace laid out like a user's
folder after ``make demo`` (see ``conftest.py``):

* ``sh`` blocks: each ``marsad …`` command line is parsed against the real command-line interface
  (an unknown command, option or choice fails the test) and then run — in process with Typer's
  runner, ``marsad serve`` as a real server probed over HTTP, a run on a remote Dask scheduler only
  parsed. ``echo … |`` and ``cat FILE |`` may feed a command's stdin. Other commands (``make``,
  ``pip``, ``dask``, ``.venv/bin/python scripts/…``) are not run, but the repository files and
  ``make`` targets they name must exist;
* ``python`` blocks are executed (each on its own, so each must be complete);
* ``yaml`` blocks must parse.

A documented ``marsad events`` query must also return at least one event on the demo store: an
example that shows nothing teaches nothing. Relative links and their ``#anchors`` must resolve.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from typer.main import get_command
from typer.testing import CliRunner

from marsad.cli import app

ROOT = Path(__file__).resolve().parents[2]
DOC_FILES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
REPO_DIRS = ("src/", "scripts/", "tests/", "docs/", "examples/", "benchmarks/", "web-src/")
MARSAD = ("marsad", ".venv/bin/marsad")
SHELL_BLOCKS = {"sh", "bash", "shell"}
# Not run, but what they name must exist (make targets, repository paths).
OTHER_COMMANDS = {"make", "pip", ".", "source", "dask", "duckdb", ".venv/bin/python", "python", "cd", "npm"}
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
                   re.MULTILINE | re.DOTALL)


@dataclass
class Block:
    lang: str
    body: str
    line: int


def fenced_blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    blocks = []
    for m in FENCE.finditer(text):
        indent = len(m.group("indent"))
        body = "".join(line[indent:] if line[:indent].isspace() else line
                       for line in m.group("body").splitlines(keepends=True))
        blocks.append(Block(m.group("lang").lower(), body, text.count("\n", 0, m.start()) + 1))
    return blocks


def shell_commands(body: str) -> list[list[str]]:
    """The command lines of a shell block as token lists (continuations joined, comments dropped)."""
    joined = re.sub(r"\\\n", " ", body)
    return [tokens for line in joined.splitlines() if (tokens := shlex.split(line, comments=True))]


def _doc_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_docs_are_found() -> None:
    names = {_doc_id(p) for p in DOC_FILES}
    assert {"README.md", "docs/tutorial.md", "docs/data-model.md", "docs/limitations.md",
            "docs/howto/html-folder.md", "docs/howto/add-actor.md", "docs/howto/add-triggers.md",
            "docs/howto/acled-export.md", "docs/howto/dask.md"} <= names
    marsad_lines = [t for p in DOC_FILES for b in fenced_blocks(p) if b.lang in SHELL_BLOCKS
                    for t in shell_commands(b.body) if any(tok in MARSAD for tok in t)]
    assert len(marsad_lines) >= 30, "the command lines were not extracted from the docs"


# --- parsing against the real CLI -----------------------------------------------------------------------
def parse_cli(args: list[str]) -> tuple[list[str], dict]:
    """Resolve sub-commands and parse options exactly as ``marsad`` would, without running anything.

    Raises the CLI's usage error for an unknown command, option or choice. ``--help``/``--version``
    end parsing early (an exit with code 0), which counts as valid.
    """
    command = get_command(app)
    ctx = command.make_context("marsad", list(args))
    path: list[str] = []
    while hasattr(command, "commands"):  # a group: the rest starts with a sub-command
        rest = [*(getattr(ctx, "_protected_args", None) or getattr(ctx, "protected_args", [])), *ctx.args]
        name, command, rest = command.resolve_command(ctx, rest)
        path.append(name)
        ctx = command.make_context(name, rest, parent=ctx)
    return path, ctx.params


def _valid(args: list[str], where: str) -> list[str]:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            path, _ = parse_cli(args)
    except Exception as exc:  # noqa: BLE001 - the CLI's own exception types are internal to Typer
        if getattr(exc, "exit_code", None) == 0:  # --help / --version
            return []
        pytest.fail(f"{where}: `marsad {shlex.join(args)}` is not a valid command line: {exc}")
    return path


# --- running --------------------------------------------------------------------------------------------
def _repo_path(token: str) -> str:
    """Repository-relative paths (src/…, scripts/…) point into the checkout, wherever the test runs."""
    if token.startswith(REPO_DIRS) and (ROOT / token).exists():
        return str(ROOT / token)
    return token


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(args: list[str], where: str) -> None:
    """Start ``marsad serve`` for real on a free loopback port and check that the API answers."""
    args = list(args)
    port = _free_port()
    if "--port" in args:
        args[args.index("--port") + 1] = str(port)
    else:
        args += ["--port", str(port)]
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"{where}: `marsad {shlex.join(args)}` exited: {proc.stdout.read().decode()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=5) as r:
                    body = json.loads(r.read())
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"{where}: the server of `marsad {shlex.join(args)}` never answered")
                time.sleep(0.3)
        assert body["total"] > 0 and len(body["items"]) == 1, f"{where}: the served store is empty"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert r.status == 200 and "<html" in r.read().decode("utf-8").lower()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _stdin(producer: list[str], where: str) -> str:
    if producer[0] == "echo":
        return " ".join(producer[1:]) + "\n"
    if producer[0] == "cat" and len(producer) == 2:
        return Path(producer[1]).read_text(encoding="utf-8")
    pytest.fail(f"{where}: the docs test can feed `marsad` only from `echo …` or `cat FILE`, not {producer}")


def _check_rows(path: list[str], args: list[str], output: str, where: str) -> None:
    if path != ["events"] or "--help" in args:
        return
    fmt = args[args.index("--format") + 1] if "--format" in args else (
        args[args.index("-f") + 1] if "-f" in args else "table")
    if fmt == "json":
        rows = len(json.loads(output))
    elif fmt == "csv":
        rows = len([line for line in output.splitlines() if line.strip()]) - 1
    else:
        m = re.search(r"(\d+) of (\d+) events", output)
        assert m, f"{where}: no table title in the output of `marsad {shlex.join(args)}`"
        rows = int(m.group(1))
    assert rows > 0, f"{where}: the documented query `marsad {shlex.join(args)}` finds no event on the demo store"


def run_marsad(tokens: list[str], where: str) -> None:
    if "|" in tokens:
        i = tokens.index("|")
        producer, tokens = tokens[:i], tokens[i + 1:]
        stdin = _stdin(producer, where)
    else:
        stdin = None
    if tokens[0] not in MARSAD:
        pytest.fail(f"{where}: unsupported shell construct {tokens}")
    if any(t in (">", ">>", "<", "&&", ";", "2>") for t in tokens):
        pytest.fail(f"{where}: the docs test does not run redirections or command lists: {tokens}")
    args = [_repo_path(t) for t in tokens[1:]]
    path = _valid(args, where)
    if path == ["serve"] and "--help" not in args:
        _serve(args, where)
        return
    if path == ["run"] and "--scheduler" in args:
        return  # needs a running Dask cluster: checked by parsing only
    result = CliRunner().invoke(app, args, input=stdin)
    if result.exit_code != 0:
        pytest.fail(f"{where}: `marsad {shlex.join(args)}` exited {result.exit_code}:\n{result.output}"
                    + (f"\n{result.exception!r}" if result.exception else ""))
    _check_rows(path, args, result.stdout, where)


def check_other(tokens: list[str], where: str) -> None:
    """Commands the test does not run: the make targets and repository files they name must exist."""
    head = tokens[0]
    if head not in OTHER_COMMANDS and head not in ("echo", "cat"):
        pytest.fail(f"{where}: unknown command `{head}` in the docs; teach tests/docs about it")
    if head == "make":
        targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
        missing = [t for t in tokens[1:] if not t.startswith("-") and t not in targets]
        assert not missing, f"{where}: no make target {missing}"
    for token in tokens[1:]:
        if token.startswith(REPO_DIRS) and "*" not in token:
            assert (ROOT / token).exists(), f"{where}: `{token}` does not exist in the repository"


def run_python(code: str, where: str) -> None:
    namespace = {"__name__": "__docs__"}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, where, "exec"), namespace)  # noqa: S102 - our own documentation
    except Exception as exc:  # noqa: BLE001 - report which block failed
        pytest.fail(f"{where}: the Python example fails: {exc!r}")
    finally:
        store = namespace.get("store")
        if hasattr(store, "close"):
            store.close()


@pytest.mark.parametrize("doc", DOC_FILES, ids=_doc_id)
def test_documented_commands_work(doc: Path, workspace: Path) -> None:
    for block in fenced_blocks(doc):
        where = f"{_doc_id(doc)}:{block.line}"
        if block.lang in SHELL_BLOCKS:
            for tokens in shell_commands(block.body):
                if any(t in MARSAD for t in tokens):
                    run_marsad(tokens, where)
                else:
                    check_other(tokens, where)
        elif block.lang == "python":
            run_python(block.body, where)
        elif block.lang in ("yaml", "yml"):
            yaml.safe_load(block.body)


# --- links -------------------------------------------------------------------------------------------------
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def _anchors(md: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    out = set()
    for line in md.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"#{1,6}\s+(.*)", line):
            slug = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower().replace("`", ""))
            out.add(slug.replace(" ", "-"))
    return out


@pytest.mark.parametrize("doc", DOC_FILES, ids=_doc_id)
def test_relative_links_resolve(doc: Path) -> None:
    text = re.sub(r"```.*?```", "", doc.read_text(encoding="utf-8"), flags=re.DOTALL)
    for m in LINK.finditer(text):
        target = m.group("target")
        if re.match(r"[a-z]+:", target):
            continue
        file_part, _, anchor = target.partition("#")
        dest = (doc.parent / file_part).resolve() if file_part else doc
        assert dest.exists(), f"{_doc_id(doc)}: broken link {target}"
        if anchor and dest.suffix == ".md":
            assert anchor in _anchors(dest), f"{_doc_id(doc)}: no heading #{anchor} in {dest.name}"


@pytest.mark.parametrize("doc", DOC_FILES, ids=_doc_id)
def test_repository_paths_in_the_text_exist(doc: Path) -> None:
    """Inline code naming a repository file (`scripts/eval_time.py`, `src/marsad/…`) names a real one."""
    text = re.sub(r"```.*?```", "", doc.read_text(encoding="utf-8"), flags=re.DOTALL)
    for span in re.findall(r"`([^`\n]+)`", text):
        for token in span.split():
            token = token.rstrip(".,;:)")
            if token.startswith(REPO_DIRS) and not re.search(r"[*{}<>…]|[A-Z]{3,}", token):
                assert (ROOT / token).exists(), f"{_doc_id(doc)}: `{token}` does not exist in the repository"


# --- the checker itself ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["events", "--bogus"], ["nosuch"], ["export", "--format", "xls", "--out", "a.x"],
                                  ["eval", "events", "--gold", "x"], ["run"]])
def test_a_wrong_command_line_fails_the_docs(args: list[str]) -> None:
    with pytest.raises(pytest.fail.Exception, match="not a valid command line"):
        _valid(args, "example.md:1")


def test_a_valid_command_line_parses() -> None:
    assert _valid(["eval", "events", "--gold", "g", "--pred", "p"], "example.md:1") == ["eval", "events"]
    assert _valid(["events", "--help"], "example.md:1") == []
    assert shell_commands('echo "أمس" | marsad dates --ref 2017-09-12   # a comment\nmake demo \\\n  # x\n') == [
        ["echo", "أمس", "|", "marsad", "dates", "--ref", "2017-09-12"], ["make", "demo"]]
