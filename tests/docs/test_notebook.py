"""examples/quickstart.ipynb runs top to bottom on the demo corpus, offline, in a fresh kernel."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "quickstart.ipynb"


def test_quickstart_notebook_executes(tmp_path: Path, monkeypatch) -> None:
    # The kernel must be this interpreter (the one with Marsad installed), whatever PATH says.
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert nb.cells and nb.cells[0].cell_type == "markdown"
    # Raises CellExecutionError, naming the cell, if any cell fails (the notebook asserts what it shows).
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "CONSULT" in text and "documents processed" in text
    # Nothing was written next to the notebook or in the working folder: output went to a temporary folder.
    assert not any(tmp_path.iterdir())
