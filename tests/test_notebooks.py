"""Every notebook in notebooks/ executes top to bottom without an error."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from ipykernel.kernelspec import write_kernel_spec
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def kernel_of_this_interpreter(tmp_path_factory, monkeypatch_module):
    """A ``python3`` kernelspec for the interpreter running the tests, first on JUPYTER_PATH."""
    root = tmp_path_factory.mktemp("jupyter")
    write_kernel_spec(root / "kernels" / "python3")
    monkeypatch_module.setenv("JUPYTER_PATH", str(root))
    monkeypatch_module.setenv("MPLBACKEND", "Agg")
    return "python3"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_notebooks_exist():
    assert NOTEBOOKS, "no notebooks found in notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path, kernel_of_this_interpreter: str) -> None:
    nb = nbformat.read(path, as_version=4)
    assert not any(
        cell.get("outputs") or cell.get("execution_count")
        for cell in nb.cells
        if cell.cell_type == "code"
    ), f"{path.name} is committed with outputs; clear them before committing"
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name=kernel_of_this_interpreter,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [
        output
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors
    # a cell that ends with a figure must show it as an image, not as "<Figure size ...>"
    for cell in nb.cells:
        if cell.cell_type != "code" or not cell.source.strip().endswith(".figure"):
            continue
        kinds = {kind for output in cell.outputs for kind in output.get("data", {})}
        assert "image/png" in kinds, f"{path.name}: figure cell shows no image:\n{cell.source}"
    first = next(cell for cell in nb.cells if cell.cell_type == "markdown")
    assert first.source.startswith("# "), f"{path.name} starts without a title"
    assert "**Question.**" in first.source, f"{path.name} does not say what question it answers"
    last = nb.cells[-1]
    assert last.cell_type == "markdown" and last.source.startswith("## What"), (
        f"{path.name} does not end with what it showed"
    )
