"""Publication figures of analysis results: phase diagrams of parameter sweeps.

:func:`phase_diagram` draws the equilibrium structure of a two-parameter
:func:`~gametheory.sweep.sweep` as coloured regions (one colour per structure, colour-blind-safe
Okabe–Ito palette; Wong 2011, *Nature Methods* 8: 441) and overlays curves ``f(x, y) = 0`` such
as the symbolic thresholds of :func:`~gametheory.symbolic.equilibrium_conditions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import sympy

__all__ = ["OKABE_ITO", "phase_diagram"]

#: Okabe–Ito colour-blind-safe palette (without black, which is kept for curves).
OKABE_ITO = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
)


def phase_diagram(
    result: pd.DataFrame,
    x: str,
    y: str,
    *,
    curves: Sequence[Any] = (),
    title: str | None = None,
    ax: Any = None,
    legend: str = "right",
) -> Any:
    """Regions of a two-parameter sweep coloured by equilibrium structure.

    Parameters
    ----------
    result:
        The output of :func:`~gametheory.sweep.sweep` or of :func:`~gametheory.sweep.summarize`
        (one row per grid point with a ``structure`` column). The sweep must vary ``x`` and
        ``y`` on a grid; other parameters must be fixed.
    x, y:
        Parameter names for the horizontal and vertical axes.
    curves:
        sympy expressions (or relations ``lhs >= rhs``, drawn as ``lhs - rhs = 0``) in ``x``
        and ``y``; each zero set is drawn as a black line and labelled with its LaTeX form.
    title, ax:
        Optional title and matplotlib Axes to draw into (a new figure otherwise).
    legend:
        ``"right"`` (beside the axes) or ``"below"`` (under them, in two columns).

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from .sweep import summarize

    if legend not in ("right", "below"):
        raise ValueError(f"legend must be 'right' or 'below', got {legend!r}")
    if not isinstance(result, pd.DataFrame):
        raise TypeError(f"result must be a DataFrame from sweep() or summarize(), got {result!r}")
    summary = result if "structure" in result.columns else summarize(result)
    for name in (x, y):
        if name not in summary.columns:
            raise ValueError(f"{name!r} is not a parameter of the sweep; columns: {list(summary)}")
    if x == y:
        raise ValueError("x and y must be different parameters")
    xs = np.unique(summary[x].to_numpy(dtype=float))
    ys = np.unique(summary[y].to_numpy(dtype=float))
    if len(xs) < 2 or len(ys) < 2:
        raise ValueError("a phase diagram needs at least two grid values of x and of y")
    if len(summary) != len(xs) * len(ys):
        raise ValueError(
            f"the sweep has {len(summary)} points, not a {len(xs)} x {len(ys)} grid over "
            f"({x}, {y}); fix the other parameters to one value each"
        )
    structures = sorted(summary["structure"].astype(str).unique())
    if len(structures) > len(OKABE_ITO):
        raise ValueError(f"{len(structures)} structures: too many to colour distinctly")
    code = {s: k for k, s in enumerate(structures)}
    grid = np.full((len(ys), len(xs)), -1, dtype=int)
    xi = np.searchsorted(xs, summary[x].to_numpy(dtype=float))
    yi = np.searchsorted(ys, summary[y].to_numpy(dtype=float))
    grid[yi, xi] = summary["structure"].astype(str).map(code).to_numpy()

    from matplotlib.colors import BoundaryNorm, ListedColormap

    cmap = ListedColormap(OKABE_ITO[: len(structures)])
    norm = BoundaryNorm(np.arange(-0.5, len(structures) + 0.5), cmap.N)
    if ax is None:
        fig, ax = plt.subplots(figsize=(5.5, 4.0), constrained_layout=True)
    else:
        fig = ax.figure
    ax.pcolormesh(xs, ys, grid, cmap=cmap, norm=norm, shading="nearest")
    handles = [
        Patch(facecolor=OKABE_ITO[k], edgecolor="none", label=s) for k, s in enumerate(structures)
    ]
    symbols = {x: sympy.Symbol(x), y: sympy.Symbol(y)}
    X, Y = np.meshgrid(xs, ys)
    for curve in curves:
        expr = sympy.sympify(curve)
        if isinstance(expr, sympy.core.relational.Relational):
            expr = expr.lhs - expr.rhs
        if expr.could_extract_minus_sign():
            expr = -expr  # same zero set, nicer label
        by_name = {s.name: s for s in expr.free_symbols}
        extra = sorted(set(by_name) - {x, y})
        if extra:
            raise ValueError(f"curve {expr} has symbols other than {x}, {y}: {extra}")
        fn = sympy.lambdify(
            [by_name.get(x, symbols[x]), by_name.get(y, symbols[y])], expr, modules="numpy"
        )
        Z = np.broadcast_to(np.asarray(fn(X, Y), dtype=float), X.shape)
        if np.nanmin(Z) < 0 < np.nanmax(Z):
            ax.contour(X, Y, Z, levels=[0.0], colors="black", linewidths=1.2)
            handles.append(
                plt.Line2D([], [], color="black", linewidth=1.2, label=f"${sympy.latex(expr)} = 0$")
            )
    ax.set_xlabel(f"${sympy.latex(sympy.Symbol(x))}$")
    ax.set_ylabel(f"${sympy.latex(sympy.Symbol(y))}$")
    if title:
        ax.set_title(title)
    if legend == "right":
        ax.legend(handles=handles, fontsize=8, loc="center left", bbox_to_anchor=(1.02, 0.5))
    else:
        ax.legend(
            handles=handles, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.15), ncols=2
        )
    return fig
