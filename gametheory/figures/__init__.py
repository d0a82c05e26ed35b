"""The figure registry: every figure of the companion paper, by name.

A figure is a function of no arguments that draws one paper figure from the models and returns a
:class:`FigureResult` (the matplotlib figure and the data behind it as a tidy DataFrame). It
registers itself with the :func:`register` decorator::

    @register("ica_collaboration_risks", caption="The three collaboration risks ...")
    def ica_collaboration_risks() -> FigureResult: ...

:func:`registry` imports every module of this package (one module per topic) and lists the
entries sorted by name; :mod:`gametheory.reproduce` runs them into ``paper/figures/``
(DESIGN.md, "Paper and notebooks").

Figures are drawn on :class:`matplotlib.figure.Figure` objects directly (no pyplot, so no global
figure state and no GUI backend) inside :func:`figure_style`, a fixed style that makes the output
independent of the user's ``matplotlibrc``.
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import matplotlib.style
import pandas as pd
from matplotlib.figure import Figure

__all__ = [
    "OKABE_ITO",
    "FigureEntry",
    "FigureResult",
    "figure_style",
    "get",
    "register",
    "registry",
]

#: The Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: rcParams applied on top of matplotlib's defaults while drawing and saving a figure.
STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 8.5,
    "axes.labelsize": 8,
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "legend.fontsize": 8,
    "axes.linewidth": 0.6,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "lines.linewidth": 1.0,
    "savefig.dpi": 300,
    "figure.dpi": 100,
    "svg.hashsalt": "gametheory",
    "pdf.fonttype": 42,
}

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class FigureResult:
    """What a figure function returns: the figure and the data it shows (one tidy table)."""

    figure: Figure
    data: pd.DataFrame

    def __post_init__(self) -> None:
        if not isinstance(self.figure, Figure):
            raise TypeError(f"figure must be a matplotlib Figure, got {type(self.figure).__name__}")
        if not isinstance(self.data, pd.DataFrame):
            raise TypeError(f"data must be a pandas DataFrame, got {type(self.data).__name__}")


@dataclass(frozen=True)
class FigureEntry:
    """One registered figure: file stem ``name``, the paper ``caption`` and the drawing function."""

    name: str
    caption: str
    function: Callable[[], FigureResult]

    def __call__(self) -> FigureResult:
        """Draw the figure (inside :func:`figure_style`) and check the result type."""
        with figure_style():
            result = self.function()
        if not isinstance(result, FigureResult):
            raise TypeError(
                f"figure {self.name!r} returned {type(result).__name__}, not a FigureResult"
            )
        return result


_REGISTRY: dict[str, FigureEntry] = {}


def register(
    name: str, *, caption: str
) -> Callable[[Callable[[], FigureResult]], Callable[[], FigureResult]]:
    """Decorator that adds a figure function to the registry under ``name``.

    ``name`` is the file stem of the outputs (``<name>.png``, ``<name>.csv``): lower-case
    letters, digits and underscores. Registering a second function under a taken name raises
    ``ValueError``; the function itself is returned unchanged.
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(
            f"figure name {name!r} must be lower-case letters, digits and underscores, "
            "starting with a letter"
        )
    if not isinstance(caption, str) or not caption.strip():
        raise ValueError(f"figure {name!r} needs a non-empty caption")

    def decorator(function: Callable[[], FigureResult]) -> Callable[[], FigureResult]:
        if not callable(function):
            raise TypeError(f"figure {name!r}: register(...) decorates a function")
        existing = _REGISTRY.get(name)
        if existing is not None and (
            existing.function.__module__,
            existing.function.__qualname__,
        ) != (function.__module__, function.__qualname__):
            raise ValueError(
                f"figure name {name!r} is already registered by "
                f"{existing.function.__module__}.{existing.function.__qualname__}"
            )
        _REGISTRY[name] = FigureEntry(name, caption.strip(), function)
        return function

    return decorator


def _load_figure_modules() -> None:
    """Import every submodule of this package so that its figures register themselves."""
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")


def registry() -> tuple[FigureEntry, ...]:
    """All registered figures, sorted by name."""
    _load_figure_modules()
    return tuple(_REGISTRY[name] for name in sorted(_REGISTRY))


def get(name: str) -> FigureEntry:
    """The registered figure called ``name`` (``ValueError`` listing the names if unknown)."""
    _load_figure_modules()
    if name not in _REGISTRY:
        raise ValueError(f"unknown figure {name!r}; registered figures are {sorted(_REGISTRY)}")
    return _REGISTRY[name]


@contextlib.contextmanager
def figure_style() -> Iterator[None]:
    """Matplotlib's default rcParams plus :data:`STYLE`, whatever the user's configuration."""
    with matplotlib.style.context(["default", STYLE]):
        yield
