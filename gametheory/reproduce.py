"""Regenerate every registered paper figure: PNG + CSV + manifest, and check them.

``reproduce()`` runs each entry of :func:`gametheory.figures.registry` and writes, into
``paper/figures/`` by default,

* ``<name>.png``: the figure (300 dpi, fixed style, no timestamp or software metadata);
* ``<name>.csv``: the data behind it, byte-deterministic (rows sorted, floats written with
  ``%.12g``, ``\\n`` line ends, UTF-8);
* ``manifest.json``: the command, the versions of Python and of the numerical packages, and for
  every figure its caption, file names and the SHA-256 of its CSV (and, for information, of its
  PNG; PNG bytes depend on the matplotlib and FreeType versions, so only CSVs are checked).

``reproduce(check=True)`` recomputes everything in a temporary directory and compares each CSV
hash with the manifest in ``out_dir`` and with the CSV file stored there; it never writes into
``out_dir``. This is what ``gametheory reproduce [--out DIR] [--check]`` runs.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.metadata
import io
import json
import platform
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm import tqdm

from .figures import FigureEntry, figure_style, get, registry

__all__ = ["DEFAULT_OUT", "csv_bytes", "package_versions", "reproduce"]

#: Default output directory, relative to the current working directory.
DEFAULT_OUT = Path("paper") / "figures"
MANIFEST = "manifest.json"
FLOAT_FORMAT = "%.12g"
PNG_DPI = 300
_PACKAGES = ("gametheory", "numpy", "scipy", "sympy", "nashpy", "matplotlib", "pandas")


def package_versions() -> dict[str, str]:
    """Versions of Python and of the packages the figures depend on."""
    versions = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def csv_bytes(data: pd.DataFrame) -> bytes:
    """The CSV encoding of a figure's data: sorted rows, fixed float format, ``\\n`` line ends.

    Rows are sorted by all columns in order (stable), so the bytes do not depend on the order
    in which a figure function produced them.
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"figure data must be a pandas DataFrame, got {type(data).__name__}")
    columns = list(data.columns)
    if any(not isinstance(c, str) for c in columns) or len(set(columns)) != len(columns):
        raise ValueError(f"figure data needs unique string column names, got {columns}")
    frame = data.reset_index(drop=True)
    if columns and len(frame):
        try:
            frame = frame.sort_values(columns, kind="mergesort", ignore_index=True)
        except TypeError:  # a column mixes types that do not compare: sort by their text
            frame = frame.sort_values(
                columns, kind="mergesort", ignore_index=True, key=lambda col: col.astype(str)
            )
    text = frame.to_csv(index=False, lineterminator="\n", float_format=FLOAT_FORMAT)
    return text.encode("utf-8")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _render(entry: FigureEntry, directory: Path) -> dict[str, Any]:
    """Draw one figure, write its PNG and CSV into ``directory``; return its manifest record."""
    result = entry()
    png = io.BytesIO()
    with figure_style():
        result.figure.savefig(
            png, format="png", dpi=PNG_DPI, metadata={"Software": None}, facecolor="white"
        )
    data = csv_bytes(result.data)
    (directory / f"{entry.name}.png").write_bytes(png.getvalue())
    (directory / f"{entry.name}.csv").write_bytes(data)
    return {
        "caption": entry.caption,
        "png": f"{entry.name}.png",
        "csv": f"{entry.name}.csv",
        "csv_sha256": _sha256(data),
        "png_sha256": _sha256(png.getvalue()),
        "rows": len(result.data),
    }


def _select(names: Sequence[str] | None) -> list[FigureEntry]:
    if names is None:
        return list(registry())
    if isinstance(names, str):
        raise TypeError("names must be a list of figure names, not a single string")
    unique = sorted(set(names))
    return [get(name) for name in unique]


def _command(out_dir: Path | None) -> str:
    if out_dir is None or Path(out_dir).resolve() == DEFAULT_OUT.resolve():
        return "gametheory reproduce"
    return f"gametheory reproduce --out {out_dir}"


def _manifest_text(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def reproduce(
    out_dir: Path | None = None,
    check: bool = False,
    progress: bool = True,
    names: list[str] | None = None,
    paper: bool | None = None,
) -> int:
    """Regenerate (or, with ``check=True``, verify) the registered figures and the paper.

    Parameters
    ----------
    out_dir:
        Output directory (created if needed); default ``paper/figures`` under the current
        working directory.
    check:
        Recompute into a temporary directory and compare every CSV hash with ``manifest.json``
        in ``out_dir`` and with the CSV stored there. Prints each difference; nothing in
        ``out_dir`` is modified.
    progress:
        Show a tqdm progress bar on stderr.
    names:
        Only these figures (default: all). Without ``check``, their manifest entries are
        updated and the other entries of an existing manifest are kept.
    paper:
        Also write (or check) ``paper.md`` and ``paper.bib`` in the parent of ``out_dir``;
        default: only when ``out_dir`` is the default ``paper/figures`` and all figures run.

    Returns
    -------
    int
        ``0`` on success (and, with ``check``, when everything matches), ``1`` when the check
        finds a difference or a missing file.
    """
    target = Path(out_dir) if out_dir is not None else DEFAULT_OUT
    entries = _select(names)
    if paper is None:
        paper = out_dir is None and names is None
    if check:
        status = _check(target, entries, progress, full=names is None)
        return max(status, _check_paper(target.parent)) if paper else status

    target.mkdir(parents=True, exist_ok=True)
    manifest_path = target / MANIFEST
    figures: dict[str, Any] = {}
    if names is not None and manifest_path.exists():
        figures = json.loads(manifest_path.read_text(encoding="utf-8")).get("figures", {})
    for entry in tqdm(entries, desc="reproduce", unit="figure", disable=not progress):
        figures[entry.name] = _render(entry, target)
    manifest = {
        "command": _command(out_dir),
        "versions": package_versions(),
        "figures": figures,
    }
    manifest_path.write_text(_manifest_text(manifest), encoding="utf-8", newline="\n")
    if progress:
        print(f"wrote {len(entries)} figure(s) and {MANIFEST} to {target}", file=sys.stderr)
    if paper:
        from .paper import write_paper

        written = write_paper(target.parent / "paper.md", target.parent / "paper.bib")
        if progress:
            print(f"wrote {written} and {written.with_suffix('.bib')}", file=sys.stderr)
    return 0


def _check_paper(directory: Path) -> int:
    """Compare the rendered paper and bibliography with ``directory/paper.md`` and ``.bib``."""
    from .paper import render_bibliography, render_paper

    problems = []
    for name, text in (("paper.md", render_paper()), ("paper.bib", render_bibliography())):
        stored = directory / name
        if not stored.is_file():
            problems.append(f"missing {stored}: run `gametheory reproduce`")
        elif stored.read_bytes() != text.encode("utf-8"):
            diff = difflib.unified_diff(
                stored.read_text(encoding="utf-8").splitlines(),
                text.splitlines(),
                fromfile=str(stored),
                tofile="rendered",
                lineterm="",
                n=0,
            )
            problems.append(
                f"{stored} differs from the rendered text\n" + "\n".join(list(diff)[:40])
            )
    for problem in problems:
        print(problem)
    if problems:
        print(f"check failed: the paper in {directory} is out of date")
        return 1
    print(f"check passed: {directory / 'paper.md'} and paper.bib match the rendered paper")
    return 0


def _check(target: Path, entries: list[FigureEntry], progress: bool, full: bool) -> int:
    """Compare freshly computed CSVs with ``target``'s manifest and files."""
    problems: list[str] = []
    manifest_path = target / MANIFEST
    if not manifest_path.is_file():
        print(f"missing {manifest_path}: run `gametheory reproduce` first")
        return 1
    try:
        recorded = json.loads(manifest_path.read_text(encoding="utf-8")).get("figures", {})
    except (json.JSONDecodeError, AttributeError) as exc:
        print(f"{manifest_path} is not a valid manifest: {exc}")
        return 1

    with tempfile.TemporaryDirectory(prefix="gametheory-check-") as tmp:
        fresh_dir = Path(tmp)
        for entry in tqdm(entries, desc="check", unit="figure", disable=not progress):
            fresh = _render(entry, fresh_dir)
            fresh_csv = (fresh_dir / fresh["csv"]).read_bytes()
            record = recorded.get(entry.name)
            if record is None:
                problems.append(f"{entry.name}: not listed in {manifest_path}")
                continue
            if record.get("csv_sha256") != fresh["csv_sha256"]:
                problems.append(
                    f"{entry.name}: recomputed CSV has sha256 {fresh['csv_sha256']}, "
                    f"the manifest records {record.get('csv_sha256')}"
                )
            stored_path = target / fresh["csv"]
            if not stored_path.is_file():
                problems.append(f"{entry.name}: missing {stored_path}")
                continue
            stored_csv = stored_path.read_bytes()
            if stored_csv != fresh_csv:
                diff = difflib.unified_diff(
                    stored_csv.decode("utf-8", "replace").splitlines(),
                    fresh_csv.decode("utf-8", "replace").splitlines(),
                    fromfile=str(stored_path),
                    tofile="recomputed",
                    lineterm="",
                    n=0,
                )
                lines = list(diff)
                shown = "\n".join(lines[:40]) + ("\n..." if len(lines) > 40 else "")
                problems.append(
                    f"{entry.name}: {stored_path} differs from the recomputed CSV\n" + shown
                )
            if not (target / fresh["png"]).is_file():
                problems.append(f"{entry.name}: missing {target / fresh['png']}")
    if full:
        known = {entry.name for entry in entries}
        for name in sorted(set(recorded) - known):
            problems.append(f"{name}: listed in {manifest_path} but no such figure is registered")

    for problem in problems:
        print(problem)
    if problems:
        print(f"check failed: {len(problems)} difference(s) in {target}")
        return 1
    print(f"check passed: {len(entries)} figure(s) in {target} match the recomputed data")
    return 0
