"""Helpers shared by the benchmark scripts: the environment line and Markdown tables."""

from __future__ import annotations

import multiprocessing as mp
import os
import platform
import subprocess
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path


def git_commit() -> str:
    """Short commit of the gametheory checkout, with ``+dirty`` if its package files differ."""
    import gametheory

    root = Path(gametheory.__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "gametheory"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return (commit or "unknown") + ("+dirty" if dirty else "")


def machine() -> str:
    """Date, commit, platform, cores and load average: the start of an environment line."""
    try:
        cores = len(os.sched_getaffinity(0))
        load = "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())
    except (AttributeError, OSError):  # pragma: no cover - non-Linux
        cores, load = mp.cpu_count(), "load average unknown"
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; gametheory commit {git_commit()}; "
        f"{platform.platform()}; {platform.processor() or platform.machine()}; {cores} cores "
        f"({load}); Python {platform.python_version()}"
    )


def fmt(x: float) -> str:
    """A time or ratio with three significant digits."""
    return f"{x:.3g}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
