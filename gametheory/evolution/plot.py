"""Figures of evolutionary dynamics: shares over time, trajectories, phase portraits, simplices.

The plots a reader of (tripartite) evolutionary-game papers expects:

* :func:`shares` -- the share of each population's strategies against time, one panel per
  population, one line per scenario or per run of :meth:`EvolutionarySystem.simulate`;
* :func:`trajectories_3d` -- paths of three two-action populations in the unit cube, with the
  rest points coloured by their class;
* :func:`phase_portrait` -- the vector field of a two-dimensional system (streamlines), its
  rest points and optional paths;
* :func:`simplex` -- the ternary plot of one population with three strategies;
* :func:`sensitivity` -- shares against time for several values of one parameter.

Every function draws on a :class:`matplotlib.figure.Figure` with an Agg canvas attached (no
pyplot, no global figure state; the figure saves with ``fig.savefig``) and returns it. A new
figure is drawn inside :func:`gametheory.figures.figure_style` (the paper style); when an
``ax`` is passed the caller's figure and style are used. Lines use the colour-blind-safe
Okabe & Ito (2008) palette (:data:`LINE_COLORS`); the sensitivity plot a sequential colour map
(viridis). Rest points are marked by class (:data:`CLASS_STYLE`): filled = asymptotically
stable, half-filled = saddle, hollow = source, hollow diamond = non-hyperbolic, in the usual
convention of phase diagrams (e.g. Hofbauer & Sigmund 1998, *Evolutionary Games and Population
Dynamics*), each class also with its own colour.

Parametric systems need numbers for every parameter to draw a vector field or classify rest
points: pass ``params={"a": 1.5, ...}``; a missing one raises
:class:`~gametheory.UnboundParameterError` naming it.
"""

from __future__ import annotations

import contextlib
import math
import numbers
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
import sympy
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Polygon

from ..figures import OKABE_ITO, figure_style
from ..game import UnboundParameterError
from .stability import CLASSES
from .system import EvolutionarySystem

__all__ = [
    "CLASS_STYLE",
    "LINE_COLORS",
    "phase_portrait",
    "sensitivity",
    "shares",
    "simplex",
    "trajectories_3d",
]

#: Line colours in order of use (Okabe–Ito; yellow, the faintest on white, last).
LINE_COLORS: tuple[str, ...] = tuple(
    OKABE_ITO[name]
    for name in (
        "blue",
        "vermillion",
        "bluish green",
        "orange",
        "reddish purple",
        "sky blue",
        "black",
        "yellow",
    )
)

#: Line styles combined with the colours beyond eight lines (and for the actions of a
#: population with more than two actions when colour shows the scenario).
LINE_STYLES: tuple[str, ...] = ("-", "--", ":", "-.")

#: Colour of the streamlines of a vector field.
FIELD_COLOR = "#999999"

#: Marker style of each rest-point class (matplotlib ``Line2D`` keyword arguments).
CLASS_STYLE: dict[str, dict[str, Any]] = {
    "stable": {
        "marker": "o",
        "markerfacecolor": OKABE_ITO["bluish green"],
        "markeredgecolor": OKABE_ITO["black"],
        "markeredgewidth": 0.8,
    },
    "saddle": {
        "marker": "o",
        "fillstyle": "left",
        "markerfacecolor": OKABE_ITO["orange"],
        "markerfacecoloralt": "white",
        "markeredgecolor": OKABE_ITO["black"],
        "markeredgewidth": 0.8,
    },
    "source": {
        "marker": "o",
        "markerfacecolor": "white",
        "markeredgecolor": OKABE_ITO["vermillion"],
        "markeredgewidth": 1.4,
    },
    "non-hyperbolic": {
        "marker": "D",
        "markerfacecolor": "white",
        "markeredgecolor": OKABE_ITO["reddish purple"],
        "markeredgewidth": 1.4,
    },
    "undetermined": {
        "marker": "^",
        "markerfacecolor": "white",
        "markeredgecolor": OKABE_ITO["black"],
        "markeredgewidth": 1.0,
    },
}

_CLASS_ORDER = (*CLASSES, "undetermined")

#: Start and end markers of trajectories.
_START = {"marker": "o", "markersize": 3.5, "markerfacecolor": "white", "markeredgewidth": 0.8}
_END = {"marker": "x", "markersize": 4.0, "markeredgewidth": 1.0}

#: Legends with more entries than this are left out (the colours still differ).
MAX_LEGEND = 20

_SQRT3_2 = math.sqrt(3.0) / 2.0
#: Vertices of the simplex plot: first action bottom left, second bottom right, third on top.
_TRIANGLE = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, _SQRT3_2]])


# ---- shares against time ----------------------------------------------------------------------


def shares(
    paths: pd.DataFrame,
    *,
    by: Literal["scenario", "run"] = "scenario",
    populations: Sequence[str | int] | str | int | None = None,
    ax: Axes | Sequence[Axes] | None = None,
    title: str | None = None,
) -> Figure:
    """Shares of the strategies against time, one panel per population.

    Each panel shows, for a two-action population, the share of its first action (the state
    variable ``x``, ``y``, ... of the system) and, for a larger population, the share of every
    action (one line style or colour per action, named in the panel's legend). The y axis is
    ``[0, 1]``, the panels are titled with the population names and the y labels name the
    actions.

    Parameters
    ----------
    paths:
        The DataFrame of :meth:`EvolutionarySystem.simulate` (its ``attrs`` name the
        populations, actions and variables).
    by:
        ``"scenario"``: one colour per scenario, named in the legend. When a scenario has
        several runs (initial states) *each run is drawn*, as a thin line in the scenario's
        colour -- not their mean, which for multistable dynamics would be a path no population
        follows. ``"run"``: one colour per run, the legend giving its initial state; this needs
        a single scenario (select one with ``paths[paths["scenario"] == name]``).
    populations:
        Names or indices of the populations to draw (default all).
    ax:
        Axes to draw into, one per drawn population (a single Axes for one population); by
        default a new figure with up to three panels per row and the legend to the right.
    title:
        The figure's title (with ``ax``: the title of the first panel).

    Lines are added to each panel in the order scenario, run, action, so
    ``panel.lines[k].get_ydata()`` is a column of ``paths``. Legends with more than
    :data:`MAX_LEGEND` entries are omitted.
    """
    pops = _check_paths(paths, "shares")
    if by not in ("scenario", "run"):
        raise ValueError(f"by must be 'scenario' or 'run', got {by!r}")
    chosen = _select_populations(pops, populations)
    paths_list = _trajectories(paths, pops)
    scenarios = _scenario_order(paths)
    if by == "scenario":
        keys = scenarios
        labels = [str(s) for s in scenarios]
        n_runs = paths.groupby("scenario", observed=True)["run"].nunique()
        thin = bool(n_runs.max() > 1)
        key_of = _first
        legend_title = "scenario"
        show_legend = len(keys) > 1 or str(keys[0]) != "base"
    else:
        if len(scenarios) > 1:
            raise ValueError(
                f"by='run' draws the runs of one scenario, but paths has {len(scenarios)} "
                f"scenarios {[str(s) for s in scenarios]}; select one with "
                "paths[paths['scenario'] == name], or use by='scenario'"
            )
        keys = sorted({run for _, run, _, _ in paths_list})
        labels = [_run_label(paths, run) for run in keys]
        thin = False
        key_of = _second
        legend_title = "run (initial state)"
        show_legend = len(keys) > 1
    styles = {k: _line_style(i) for i, k in enumerate(keys)}
    with _style(ax):
        return _draw_shares(
            paths_list,
            pops,
            chosen,
            keys=keys,
            labels=labels,
            key_of=key_of,
            styles=styles,
            thin=thin,
            ax=ax,
            title=title,
            legend=show_legend,
            legend_title=legend_title,
        )


def _first(item: tuple[Any, ...]) -> Any:
    return item[0]


def _second(item: tuple[Any, ...]) -> Any:
    return item[1]


def _run_label(paths: pd.DataFrame, run: int) -> str:
    """``"run 3: x = 0.2, y = 0.5"`` (the initial state when it is short)."""
    variables = list(paths.attrs.get("variables", []))
    states = paths.attrs.get("initial_states")
    if states is not None and 0 <= run < len(states) and 0 < len(variables) <= 3:
        values = ", ".join(
            f"{v} = {float(x):.3g}" for v, x in zip(variables, states[run], strict=False)
        )
        return f"run {run}: {values}"
    return f"run {run}"


def _draw_shares(
    paths_list: list[tuple[Any, int, np.ndarray, np.ndarray]],
    pops: list[dict[str, Any]],
    chosen: list[int],
    *,
    keys: Sequence[Any],
    labels: Sequence[str],
    key_of: Any,
    styles: Mapping[Any, tuple[str, str]],
    thin: bool,
    ax: Axes | Sequence[Axes] | None,
    title: str | None,
    legend: bool,
    legend_title: str | None,
) -> Figure:
    fig, axes, own = _panel_axes(len(chosen), ax)
    label_of = dict(zip(keys, labels, strict=True))
    offsets = _offsets(pops)
    width, alpha = (0.7, 0.6) if thin else (1.3, 1.0)
    for panel, p in zip(axes, chosen, strict=True):
        pop = pops[p]
        k = len(pop["actions"])
        actions = [0] if k == 2 else list(range(k))
        by_action = len(actions) > 1 and len(keys) == 1
        for item in paths_list:
            t, values = item[2], item[3]
            full = _full_shares(values, offsets[p], k)
            color, dash = styles[key_of(item)]
            for a in actions:
                if by_action:
                    color, dash = LINE_COLORS[a % len(LINE_COLORS)], "-"
                elif len(actions) > 1:
                    dash = LINE_STYLES[a % len(LINE_STYLES)]
                panel.plot(
                    t,
                    full[:, a],
                    color=color,
                    linestyle=dash,
                    linewidth=width,
                    alpha=alpha,
                    label=f"{label_of[key_of(item)]}: {pop['actions'][a]}",
                )
        panel.set_ylim(0.0, 1.0)
        panel.set_xlim(min(x[2][0] for x in paths_list), max(x[2][-1] for x in paths_list))
        panel.set_xlabel("time $t$")
        panel.set_ylabel(f"share of {pop['actions'][0]}" if k == 2 else "share")
        panel.set_title(str(pop["name"]))
        panel.grid(True, linewidth=0.4, alpha=0.4)
        if len(actions) > 1:
            handles = [
                Line2D(
                    [],
                    [],
                    color=LINE_COLORS[a % len(LINE_COLORS)] if by_action else OKABE_ITO["black"],
                    linestyle="-" if by_action else LINE_STYLES[a % len(LINE_STYLES)],
                    linewidth=1.3,
                )
                for a in actions
            ]
            panel.legend(handles, [pop["actions"][a] for a in actions], title="action")
    if title:
        if own:
            fig.suptitle(title)
        else:
            axes[0].set_title(title)
    if legend and len(keys) <= MAX_LEGEND:
        handles = [
            Line2D([], [], color=styles[key][0], linestyle=styles[key][1], linewidth=1.3)
            for key in keys
        ]
        if own:
            fig.legend(handles, list(labels), loc="outside right upper", title=legend_title)
        else:
            axes[-1].legend(
                handles,
                list(labels),
                title=legend_title,
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                borderaxespad=0.0,
            )
    return fig


# ---- trajectories in the unit cube ---------------------------------------------------------


def trajectories_3d(
    paths: pd.DataFrame,
    *,
    system: EvolutionarySystem | None = None,
    rest_points: bool | Sequence[Any] = True,
    params: Mapping[str, Any] | None = None,
    title: str | None = None,
) -> Figure:
    """Paths of three two-action populations in the unit cube (a 3-D plot).

    The axes are the shares of the first action of the three populations (the variables
    ``x``, ``y``, ``z``), each in ``[0, 1]``. Every (scenario, run) of ``paths`` is one line
    (one colour per scenario, named in the legend when there are several), its start marked by
    a small hollow circle and its end by a cross. With ``system``, its rest points are marked
    in the colour and marker of their class (stable, saddle, source, non-hyperbolic), with a
    legend; ``rest_points=False`` leaves them out, and a list of
    :class:`~gametheory.evolution.RestPoint` (e.g. ``system.rest_points()`` computed before)
    is used instead of computing them. A parametric system needs ``params`` (the rest points of
    ``system.subs(**params)`` are drawn); the paths are drawn as simulated.

    The trajectories are ``ax.lines[:n]`` in the order scenario, run; then come the start
    markers (label ``"start"``), the end markers (``"end"``) and one line of markers per
    rest-point class (labelled with the class).
    """
    pops = _check_paths(paths, "trajectories_3d")
    if len(pops) != 3 or any(len(p["actions"]) != 2 for p in pops):
        raise ValueError(
            "trajectories_3d draws three populations with two actions each (the unit cube); "
            f"paths has {_describe_pops(pops)}; use shares() or phase_portrait() instead"
        )
    points = []
    if system is not None:
        _check_system(system, "trajectories_3d")
        _check_same_variables(system, pops, "trajectories_3d")
        points = _rest_point_marks(system, params, rest_points, "trajectories_3d")
    elif params:
        raise ValueError("params are used for the rest points of system=; no system was given")
    from mpl_toolkits.mplot3d import Axes3D  # noqa: F401  (registers the 3-D projection)

    paths_list = _trajectories(paths, pops)
    scenarios = _scenario_order(paths)
    colors = {s: _line_style(i)[0] for i, s in enumerate(scenarios)}
    many = len(paths_list) > 1 and len(paths_list) > len(scenarios)
    with _style(None):
        fig = _new_figure((5.6, 4.4))
        ax = fig.add_subplot(projection="3d")
        for scenario, run, _t, values in paths_list:
            ax.plot(
                values[:, 0],
                values[:, 1],
                values[:, 2],
                color=colors[scenario],
                linewidth=0.8 if many else 1.3,
                alpha=0.8 if many else 1.0,
                label=f"{scenario}, run {run}",
            )
        starts = np.array([v[0] for *_, v in paths_list])
        ends = np.array([v[-1] for *_, v in paths_list])
        (start,) = ax.plot(
            starts[:, 0],
            starts[:, 1],
            starts[:, 2],
            linestyle="none",
            markeredgecolor=OKABE_ITO["black"],
            label="start",
            **_START,
        )
        (end,) = ax.plot(
            ends[:, 0],
            ends[:, 1],
            ends[:, 2],
            linestyle="none",
            color=OKABE_ITO["black"],
            label="end",
            **_END,
        )
        marks = []
        for cls, coords in _by_class(points):
            (line,) = ax.plot(
                coords[:, 0],
                coords[:, 1],
                coords[:, 2],
                linestyle="none",
                markersize=7,
                label=cls,
                **_class_style(cls),
            )
            marks.append(line)
        names = [f"{p['name']}: share of {p['actions'][0]}" for p in pops]
        ax.set_xlabel(names[0])
        ax.set_ylabel(names[1])
        ax.set_zlabel(names[2])
        for setter in (ax.set_xlim, ax.set_ylim, ax.set_zlim):
            setter(0.0, 1.0)
        ax.set_box_aspect((1, 1, 1), zoom=0.85)
        ax.view_init(elev=22, azim=-58)
        ticks = [0.0, 0.25, 0.5, 0.75, 1.0]
        for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
            axis.set_ticks(ticks, labels=["0", "", "0.5", "", "1"])
        ax.tick_params(labelsize=7, pad=0)
        handles, labels = _scenario_handles(scenarios)
        handles += [start, end, *marks]
        labels += ["start", "end", *(m.get_label() for m in marks)]
        fig.legend(handles, labels, loc="outside right upper")
        if title:
            fig.suptitle(title)
    return fig


# ---- phase portrait of a two-dimensional system -------------------------------------------


def _field_inputs(
    system: Any, params: Any, density: Any, grid: Any, paths: Any, rest_points: Any, name: str
) -> tuple[Any, float, int, Any, Any]:
    """The checked inputs of a vector-field plot: the numeric system, density, grid size,
    populations and rest-point marks."""
    numeric = _numeric_system(system, params, name)
    density = _positive(density, "density")
    grid = _grid_size(grid)
    pops = _pops_of(system)
    if paths is not None:
        _check_paths(paths, name)
        _check_same_variables(system, paths.attrs["populations"], name)
    points = _rest_point_marks(system, params, rest_points, name, numeric=numeric)
    return numeric, density, grid, pops, points


def phase_portrait(
    system: EvolutionarySystem,
    *,
    paths: pd.DataFrame | None = None,
    density: float = 1.0,
    params: Mapping[str, Any] | None = None,
    ax: Axes | None = None,
    rest_points: bool | Sequence[Any] = True,
    grid: int = 41,
    title: str | None = None,
) -> Figure:
    """The phase portrait of a two-dimensional system on the unit square.

    Drawn: the vector field ``system.rhs`` as grey streamlines (matplotlib ``streamplot`` on a
    ``grid x grid`` lattice; ``density`` is streamplot's), the rest points with the marker of
    their class (filled = stable, half-filled = saddle, hollow = source, hollow diamond =
    non-hyperbolic) and a legend naming the classes, and, with ``paths`` (from
    ``system.simulate``), the trajectories (one colour per scenario; start: hollow circle,
    end: cross).

    Two-dimensional systems are two populations with two actions each (axes: the share of each
    population's first action) and one population with three actions in reduced coordinates
    (axes: the shares of the first two actions; the field is drawn on the triangle
    ``x_1 + x_2 <= 1``) -- for the latter :func:`simplex` is usually the better picture.

    ``params`` binds the parameters of a parametric system (the field and the rest points are
    those of ``system.subs(**params)``; paths are drawn as simulated). ``rest_points`` as in
    :func:`trajectories_3d`. In a new figure the streamlines are ``ax.collections[0]`` (and
    the triangle of a three-action population ``ax.patches[0]``); the trajectories are the
    first lines, in the order scenario, run, then come the start and end markers and one line of
    markers per rest-point class (labelled with the class).
    """
    _check_system(system, "phase_portrait")
    sizes = system.space.sizes
    if sizes == (2, 2):
        triangle = False
    elif sizes == (3,):
        triangle = True
    else:
        hint = ""
        if sizes == (2, 2, 2):
            hint = "; for three two-action populations use trajectories_3d"
        elif len(sizes) == 1 and sizes[0] == 2:
            hint = "; a one-dimensional system is best shown with shares()"
        raise ValueError(
            "phase_portrait draws two-dimensional systems (two populations with two actions "
            "each, or one population with three actions); this system has "
            f"{_describe_pops(_pops_of(system))} (dimension {system.dim}){hint}"
        )
    numeric, density, grid, pops, points = _field_inputs(
        system, params, density, grid, paths, rest_points, "phase_portrait"
    )
    with _style(ax):
        fig, ax = _single_axes(ax, (5.4, 3.7))
        axis = np.linspace(0.0, 1.0, grid)
        X, Y = np.meshgrid(axis, axis)
        U, V = _field(numeric, np.column_stack([X.ravel(), Y.ravel()]), X.shape)
        border = None
        if triangle:
            border = Polygon(
                [(0, 0), (1, 0), (0, 1)],
                closed=True,
                facecolor="none",
                edgecolor=OKABE_ITO["black"],
                linewidth=0.8,
                zorder=2,
            )
            ax.add_patch(border)
        before = list(ax.patches)
        stream = ax.streamplot(
            axis,
            axis,
            U,
            V,
            density=density,
            color=FIELD_COLOR,
            linewidth=0.7,
            arrowsize=0.8,
            zorder=1,
        )
        if border is not None:
            _clip(stream, border, before)
            pop = pops[0]
            ax.set_xlabel(f"share of {pop['actions'][0]}")
            ax.set_ylabel(f"share of {pop['actions'][1]}")
            if not title and pop["name"] != "population":
                ax.set_title(str(pop["name"]))
        else:
            ax.set_xlabel(f"{pops[0]['name']}: share of {pops[0]['actions'][0]}")
            ax.set_ylabel(f"{pops[1]['name']}: share of {pops[1]['actions'][0]}")
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(0.0, 1.0)
        ax.set_aspect("equal")
        handles, labels = _overlay(ax, paths, pops, lambda v: v, points, lambda v: v)
        if handles:
            ax.legend(
                handles, labels, loc="upper left", bbox_to_anchor=(1.03, 1.0), borderaxespad=0.0
            )
        if title:
            ax.set_title(title)
    return fig


# ---- the simplex of one population with three strategies ----------------------------------


def simplex(
    system: EvolutionarySystem,
    *,
    paths: pd.DataFrame | None = None,
    params: Mapping[str, Any] | None = None,
    ax: Axes | None = None,
    rest_points: bool | Sequence[Any] = True,
    density: float = 1.2,
    grid: int = 61,
    title: str | None = None,
) -> Figure:
    """The ternary plot of one population with three strategies.

    Drawn: the simplex as an equilateral triangle whose vertices are labelled with the action
    names (first action bottom left, second bottom right, third on top; a point's distance to
    the edge opposite a vertex is that action's share), the vector field ``system.rhs`` mapped
    to barycentric coordinates as grey streamlines (clipped to the triangle), the rest points
    with the marker of their class and a legend naming the classes, and, with ``paths``, the
    trajectories (one colour per scenario; start: hollow circle, end: cross).

    The shares ``(s_1, s_2, s_3)`` are drawn at ``(s_2 + s_3 / 2, s_3 sqrt(3) / 2)``.
    ``params`` and ``rest_points`` as in :func:`phase_portrait`. The streamlines are
    ``ax.collections[0]``, the triangle ``ax.patches[0]``.
    """
    _check_system(system, "simplex")
    if system.space.sizes != (3,):
        raise ValueError(
            "simplex draws one population with three actions (e.g. replicator(game, "
            f"single=True) of a symmetric 3 x 3 game); this system has "
            f"{_describe_pops(_pops_of(system))}"
            + (
                "; for two two-action populations use phase_portrait"
                if system.space.sizes == (2, 2)
                else ""
            )
        )
    numeric, density, grid, pops, points = _field_inputs(
        system, params, density, grid, paths, rest_points, "simplex"
    )
    with _style(ax):
        fig, ax = _single_axes(ax, (4.6, 3.8))
        xs = np.linspace(0.0, 1.0, grid)
        ys = np.linspace(0.0, _SQRT3_2, max(round(grid * _SQRT3_2), 5))
        X, Y = np.meshgrid(xs, ys)
        s3 = Y / _SQRT3_2
        s2 = X - s3 / 2.0
        s1 = 1.0 - s2 - s3
        d1, d2 = _field(numeric, np.column_stack([s1.ravel(), s2.ravel()]), X.shape)
        d3 = -d1 - d2
        border = Polygon(
            _TRIANGLE,
            closed=True,
            facecolor="none",
            edgecolor=OKABE_ITO["black"],
            linewidth=0.9,
            zorder=2,
        )
        ax.add_patch(border)
        before = list(ax.patches)
        stream = ax.streamplot(
            xs,
            ys,
            d2 + d3 / 2.0,
            _SQRT3_2 * d3,
            density=density,
            color=FIELD_COLOR,
            linewidth=0.7,
            arrowsize=0.8,
            zorder=1,
        )
        _clip(stream, border, before)
        actions = pops[0]["actions"]
        offsets = [((-0.03, -0.03), "right", "top"), ((0.03, -0.03), "left", "top")]
        offsets.append(((0.0, 0.04), "center", "bottom"))
        for (x, y), ((dx, dy), ha, va), name in zip(_TRIANGLE, offsets, actions, strict=True):
            ax.text(x + dx, y + dy, str(name), ha=ha, va=va, fontsize="large")
        ax.set_xlim(-0.12, 1.12)
        ax.set_ylim(-0.1, _SQRT3_2 + 0.1)
        ax.set_aspect("equal")
        ax.set_axis_off()
        handles, labels = _overlay(ax, paths, pops, _barycentric, points, _barycentric)
        if handles:
            ax.legend(
                handles, labels, loc="upper left", bbox_to_anchor=(0.98, 1.0), borderaxespad=0.0
            )
        if title:
            ax.set_title(title)
        elif pops[0]["name"] != "population":
            ax.set_title(str(pops[0]["name"]))
    return fig


def _clip(stream: Any, border: Polygon, before: Sequence[Any]) -> None:
    """Clip streamlines to ``border`` and drop the arrows outside it (streamplot adds each
    arrow as a patch of the axes; ``before`` are the patches the axes had before)."""
    stream.lines.set_clip_path(border)
    path = border.get_path()
    old = {id(p) for p in before}
    for arrow in list(stream.lines.axes.patches):
        if id(arrow) in old or not isinstance(arrow, FancyArrowPatch):
            continue
        ends = getattr(arrow, "_posA_posB", None)
        if ends is not None:
            middle = ((ends[0][0] + ends[1][0]) / 2, (ends[0][1] + ends[1][1]) / 2)
            if not path.contains_point(middle):
                arrow.remove()
                continue
        arrow.set_clip_path(border)


def _barycentric(values: np.ndarray) -> np.ndarray:
    """Plane coordinates ``(n, 2)`` of reduced coordinates ``(n, 2)`` of a 3-simplex."""
    values = np.atleast_2d(values)
    full = np.column_stack([values, 1.0 - values.sum(axis=1)])
    return full @ _TRIANGLE


# ---- sensitivity to one parameter -----------------------------------------------------------


def sensitivity(
    system: EvolutionarySystem,
    parameter: str | sympy.Symbol,
    values: Sequence[float] | np.ndarray,
    initial_state: Any,
    t: Any,
    *,
    params: Mapping[str, Any] | None = None,
    populations: Sequence[str | int] | str | int | None = None,
    method: str | None = None,
    ax: Axes | Sequence[Axes] | None = None,
    title: str | None = None,
) -> Figure:
    """Shares against time for several values of one parameter, one panel per population.

    Runs ``system.simulate(initial_state, t, scenarios=...)`` with one scenario per value of
    ``parameter`` (the other parameters from ``params``) and draws, as :func:`shares`, one line
    per value in a sequential colour map (viridis, light = large), with the legend
    ``"parameter = value"``. ``initial_state`` is one state (as accepted by ``simulate``);
    ``method`` is passed to ``simulate``.

    Returns the Figure only; the paths are ``system.simulate(...)`` again (deterministic).
    """
    _check_system(system, "sensitivity")
    name = parameter.name if isinstance(parameter, sympy.Symbol) else parameter
    known = [p.name for p in system.parameters]
    if not isinstance(name, str) or name not in known:
        raise ValueError(
            f"{parameter!r} is not a parameter of the system; its parameters are {known}"
            if known
            else f"the system has no parameters, so it cannot be varied over {parameter!r}"
        )
    params = _param_names(params)
    if name in params:
        raise ValueError(f"{name} is the varied parameter; leave it out of params")
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise ValueError(f"unknown parameter(s) {unknown}; the system's parameters are {known}")
    missing = [n for n in known if n != name and n not in params]
    if missing:
        raise UnboundParameterError(
            f"sensitivity needs numeric values for the parameter(s) {', '.join(missing)} of the "
            f"system besides {name}; pass params={{{missing[0]!r}: ...}}"
        )
    grid = _values(values, name)
    state = _one_initial_state(system, initial_state)
    if state.shape[0] != 1:
        raise ValueError(
            f"initial_state must be one state, got {state.shape[0]}; sensitivity draws one "
            "line per parameter value (use shares() on system.simulate(...) for many states)"
        )
    labels = _value_labels(name, grid)
    scenarios = {label: {**params, name: v} for label, v in zip(labels, grid, strict=True)}
    paths = system.simulate(state, t, scenarios=scenarios, method=method)
    pops = _check_paths(paths, "sensitivity")
    chosen = _select_populations(pops, populations)
    import matplotlib

    cmap = matplotlib.colormaps["viridis"]
    shades = np.linspace(0.0, 0.88, len(grid)) if len(grid) > 1 else np.array([0.0])
    styles = {label: (cmap(s), "-") for label, s in zip(labels, shades, strict=True)}
    with _style(ax):
        return _draw_shares(
            _trajectories(paths, pops),
            pops,
            chosen,
            keys=labels,
            labels=labels,
            key_of=_first,
            styles=styles,
            thin=False,
            ax=ax,
            title=title,
            legend=True,
            legend_title=None,
        )


def _one_initial_state(system: EvolutionarySystem, state: Any) -> np.ndarray:
    """One initial state as a ``(1, dim)`` array: read as a single state first (so that
    ``((0.6, 0.4), (0.5, 0.5))`` is one mixed strategy per population, not two states of
    variable values), else as a list of states."""
    try:
        return system.space.check_states([state])
    except (TypeError, ValueError):
        return system.space.check_states(state)


def _values(values: Any, name: str) -> list[float]:
    if isinstance(values, str | bytes) or not isinstance(values, Sequence | np.ndarray):
        raise ValueError(f"values must be a sequence of numbers for {name}, got {values!r}")
    try:
        grid = [float(v) for v in np.asarray(values, dtype=object).ravel()]
    except (TypeError, ValueError):
        raise ValueError(f"values of {name} must be real numbers, got {values!r}") from None
    if not grid:
        raise ValueError(f"no values were given for {name}")
    if not all(math.isfinite(v) for v in grid):
        raise ValueError(f"values of {name} must be finite, got {grid}")
    if len(set(grid)) != len(grid):
        raise ValueError(f"values of {name} must be distinct, got {grid}")
    return grid


def _value_labels(name: str, grid: Sequence[float]) -> list[str]:
    for digits in (3, 6, 12, 17):
        labels = [f"{name} = {v:.{digits}g}" for v in grid]
        if len(set(labels)) == len(labels):
            return labels
    return [f"{name} = {v!r}" for v in grid]  # pragma: no cover - distinct floats differ at 17


# ---- shared pieces: inputs ------------------------------------------------------------------


def _check_system(system: Any, what: str) -> None:
    if not isinstance(system, EvolutionarySystem):
        raise TypeError(
            f"{what}: expected an EvolutionarySystem (e.g. gt.evolution.replicator(game)), got "
            f"{type(system).__name__}"
        )


def _check_paths(paths: Any, what: str) -> list[dict[str, Any]]:
    """The populations of a ``simulate`` DataFrame, after checking its attrs and columns."""
    if not isinstance(paths, pd.DataFrame):
        raise TypeError(
            f"{what}: paths must be the DataFrame returned by system.simulate(...), got "
            f"{type(paths).__name__}"
        )
    pops = paths.attrs.get("populations")
    if not pops:
        raise ValueError(
            f"{what}: paths has no attrs['populations'] (the populations, actions and "
            "variables); pass the DataFrame returned by system.simulate(...), or copy its "
            "attrs onto a derived frame (new.attrs = dict(paths.attrs))"
        )
    for k, p in enumerate(pops):
        if not isinstance(p, Mapping) or not {"name", "actions", "variables"} <= set(p):
            raise ValueError(
                f"{what}: paths.attrs['populations'][{k}] must be a dict with name, actions "
                f"and variables, got {p!r}"
            )
        if len(p["actions"]) < 2 or len(p["variables"]) != len(p["actions"]) - 1:
            raise ValueError(
                f"{what}: population {p['name']!r} in paths.attrs has {len(p['actions'])} "
                f"actions but variables {list(p['variables'])} (expected one per action but "
                "the last)"
            )
    variables = [v for p in pops for v in p["variables"]]
    missing = [c for c in ("scenario", "run", "t", *variables) if c not in paths.columns]
    if missing:
        raise ValueError(
            f"{what}: paths lacks the column(s) {missing}; a simulate() DataFrame has the "
            f"columns scenario, run, t and the variables {variables}"
        )
    if paths.empty:
        raise ValueError(f"{what}: paths has no rows")
    return [dict(p) for p in pops]


def _pops_of(system: EvolutionarySystem) -> list[dict[str, Any]]:
    return [
        {"name": p.name, "actions": list(p.actions), "variables": [v.name for v in p.variables]}
        for p in system.populations
    ]


def _describe_pops(pops: Sequence[Mapping[str, Any]]) -> str:
    parts = [f"{p['name']} ({len(p['actions'])} actions)" for p in pops]
    return f"{len(pops)} population(s): " + ", ".join(parts)


def _check_same_variables(
    system: EvolutionarySystem, pops: Sequence[Mapping[str, Any]], what: str
) -> None:
    ours = [v.name for v in system.variables]
    theirs = [v for p in pops for v in p["variables"]]
    if ours != theirs:
        raise ValueError(
            f"{what}: paths has the variables {theirs} but the system {ours}; the paths must "
            "come from this system's simulate()"
        )


def _select_populations(pops: Sequence[Mapping[str, Any]], populations: Any) -> list[int]:
    names = [str(p["name"]) for p in pops]
    if populations is None:
        return list(range(len(pops)))
    if isinstance(populations, str | numbers.Integral):
        populations = [populations]
    out = []
    for item in populations:
        if isinstance(item, str):
            if item not in names:
                raise ValueError(f"unknown population {item!r}; the populations are {names}")
            out.append(names.index(item))
        elif isinstance(item, numbers.Integral) and not isinstance(item, bool):
            if not 0 <= int(item) < len(pops):
                raise ValueError(
                    f"population index {item} is out of range; there are {len(pops)} "
                    f"populations {names}"
                )
            out.append(int(item))
        else:
            raise TypeError(f"a population is a name or an index, got {item!r}")
    if not out:
        raise ValueError("populations is empty; give at least one population")
    if len(set(out)) != len(out):
        raise ValueError(f"populations lists a population twice: {list(populations)}")
    return out


def _param_names(params: Mapping[Any, Any] | None) -> dict[str, Any]:
    if params is None:
        return {}
    if not isinstance(params, Mapping):
        raise TypeError(f"params must be a mapping parameter name -> value, got {params!r}")
    return {(k.name if isinstance(k, sympy.Symbol) else str(k)): v for k, v in params.items()}


def _numeric_system(
    system: EvolutionarySystem, params: Mapping[str, Any] | None, what: str
) -> EvolutionarySystem:
    """``system`` with every parameter bound from ``params`` (errors name what is wrong)."""
    values = _param_names(params)
    known = [p.name for p in system.parameters]
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(
            f"{what}: unknown parameter(s) {unknown}; the system's parameters are {known}"
        )
    missing = [n for n in known if n not in values]
    if missing:
        raise UnboundParameterError(
            f"{what} needs numeric values for the parameter(s) {', '.join(missing)} of the "
            f"system; pass params={{{missing[0]!r}: ...}}"
        )
    for k, v in values.items():
        if isinstance(v, bool) or not isinstance(v, numbers.Real | sympy.Number):
            raise ValueError(f"{what}: parameter {k} = {v!r} is not a real number")
    return system.subs(**values) if values else system


def _positive(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value > 0:
        raise ValueError(f"{name} must be a positive number, got {value!r}")
    return float(value)


def _grid_size(grid: Any) -> int:
    if isinstance(grid, bool) or not isinstance(grid, numbers.Integral) or grid < 5:
        raise ValueError(f"grid must be an integer of at least 5 (points per axis), got {grid!r}")
    return int(grid)


# ---- shared pieces: data --------------------------------------------------------------------


def _scenario_order(paths: pd.DataFrame) -> list[Any]:
    """Scenarios present in ``paths``, in category order (else order of appearance)."""
    column = paths["scenario"]
    present = list(pd.unique(column))
    if isinstance(column.dtype, pd.CategoricalDtype):
        seen = set(present)
        return [c for c in column.cat.categories if c in seen]
    return present


def _trajectories(
    paths: pd.DataFrame, pops: Sequence[Mapping[str, Any]]
) -> list[tuple[Any, int, np.ndarray, np.ndarray]]:
    """``(scenario, run, t, values (n_t, dim))`` per path, by scenario then run."""
    variables = [v for p in pops for v in p["variables"]]
    order = {s: k for k, s in enumerate(_scenario_order(paths))}
    out = []
    for (scenario, run), part in paths.groupby(["scenario", "run"], observed=True, sort=False):
        part = part.sort_values("t", kind="stable")
        values = part[variables].to_numpy(dtype=float)
        out.append((scenario, int(run), part["t"].to_numpy(dtype=float), values))
    out.sort(key=lambda item: (order[item[0]], item[1]))
    return out


def _offsets(pops: Sequence[Mapping[str, Any]]) -> list[int]:
    out, start = [], 0
    for p in pops:
        out.append(start)
        start += len(p["actions"]) - 1
    return out


def _full_shares(values: np.ndarray, start: int, k: int) -> np.ndarray:
    part = values[:, start : start + k - 1]
    return np.column_stack([part, 1.0 - part.sum(axis=1)])


def _field(
    numeric: EvolutionarySystem, states: np.ndarray, shape: tuple[int, ...]
) -> tuple[np.ndarray, np.ndarray]:
    F = np.asarray(numeric.rhs(states), dtype=float)
    F = np.where(np.isfinite(F), F, 0.0)
    return F[:, 0].reshape(shape), F[:, 1].reshape(shape)


def _rest_point_marks(
    system: EvolutionarySystem,
    params: Mapping[str, Any] | None,
    rest_points: bool | Sequence[Any],
    what: str,
    *,
    numeric: EvolutionarySystem | None = None,
) -> list[tuple[str, np.ndarray]]:
    """``(class, variable values)`` of the rest points to mark (a continuum at its
    representative point)."""
    if rest_points is False or rest_points is None:
        return []
    if rest_points is True:
        if numeric is None:
            numeric = _numeric_system(system, params, what)
        points = list(numeric.rest_points())
    elif isinstance(rest_points, Sequence) and not isinstance(rest_points, str):
        points = list(rest_points)
    else:
        raise TypeError(
            f"rest_points must be True, False or a list of RestPoint, got {rest_points!r}"
        )
    out = []
    for pt in points:
        if not hasattr(pt, "as_float") or not hasattr(pt, "classification"):
            raise TypeError(f"rest_points must hold RestPoint objects, got {pt!r}")
        try:
            state = pt.as_float()
        except ValueError:
            continue  # a continuum without a known point: nothing to mark
        values = np.concatenate([s[:-1] for s in state])
        if values.shape != (system.dim,):
            raise ValueError(
                f"{what}: rest point {pt.label} has {values.size} coordinates, the system "
                f"{system.dim}; pass the rest points of this system"
            )
        cls = pt.classification
        if cls is None:
            raise ValueError(
                f"{what}: the class of rest point {pt.label} depends on the parameters; pass "
                "the rest points of system.subs(...) or rest_points=True with params="
            )
        out.append((str(cls), values))
    return out


def _by_class(points: Sequence[tuple[str, np.ndarray]]) -> Iterator[tuple[str, np.ndarray]]:
    classes = [c for c in _CLASS_ORDER if any(p[0] == c for p in points)]
    classes += sorted({p[0] for p in points} - set(classes))
    for cls in classes:
        yield cls, np.array([v for c, v in points if c == cls])


def _class_style(cls: str) -> dict[str, Any]:
    return dict(CLASS_STYLE.get(cls, CLASS_STYLE["undetermined"]))


def _line_style(i: int) -> tuple[str, str]:
    n = len(LINE_COLORS)
    return LINE_COLORS[i % n], LINE_STYLES[(i // n) % len(LINE_STYLES)]


def _scenario_handles(scenarios: Sequence[Any]) -> tuple[list[Any], list[str]]:
    """Legend entries of the scenarios (none for the single default scenario)."""
    if (len(scenarios) == 1 and str(scenarios[0]) == "base") or len(scenarios) > MAX_LEGEND:
        return [], []
    handles = [
        Line2D([], [], color=_line_style(i)[0], linestyle=_line_style(i)[1], linewidth=1.3)
        for i in range(len(scenarios))
    ]
    return handles, [str(s) for s in scenarios]


def _overlay(
    ax: Axes,
    paths: pd.DataFrame | None,
    pops: Sequence[Mapping[str, Any]],
    to_plane: Any,
    points: Sequence[tuple[str, np.ndarray]],
    point_to_plane: Any,
) -> tuple[list[Any], list[str]]:
    """Draw trajectories (with start and end markers) and rest points on a 2-D axes; return
    the legend entries."""
    handles: list[Any] = []
    labels: list[str] = []
    if paths is not None:
        paths_list = _trajectories(paths, pops)
        scenarios = _scenario_order(paths)
        colors = {s: _line_style(i) for i, s in enumerate(scenarios)}
        many = len(paths_list) > len(scenarios)
        for scenario, run, _t, values in paths_list:
            xy = to_plane(values)
            ax.plot(
                xy[:, 0],
                xy[:, 1],
                color=colors[scenario][0],
                linestyle=colors[scenario][1],
                linewidth=1.0 if many else 1.4,
                zorder=3,
                clip_on=False,
                label=f"{scenario}, run {run}",
            )
        starts = to_plane(np.array([v[0] for *_, v in paths_list]))
        ends = to_plane(np.array([v[-1] for *_, v in paths_list]))
        (start,) = ax.plot(
            starts[:, 0],
            starts[:, 1],
            linestyle="none",
            markeredgecolor=OKABE_ITO["black"],
            zorder=4,
            clip_on=False,
            label="start",
            **_START,
        )
        (end,) = ax.plot(
            ends[:, 0],
            ends[:, 1],
            linestyle="none",
            color=OKABE_ITO["black"],
            zorder=4,
            clip_on=False,
            label="end",
            **_END,
        )
        handles, labels = _scenario_handles(scenarios)
        handles += [start, end]
        labels += ["start", "end"]
    for cls, coords in _by_class(points):
        xy = point_to_plane(coords)
        (line,) = ax.plot(
            xy[:, 0],
            xy[:, 1],
            linestyle="none",
            markersize=7.5,
            zorder=5,
            clip_on=False,
            label=cls,
            **_class_style(cls),
        )
        handles.append(line)
        labels.append(cls)
    return handles, labels


# ---- shared pieces: figures -----------------------------------------------------------------


@contextlib.contextmanager
def _style(ax: Any) -> Iterator[None]:
    """The paper style for a new figure; the caller's style when drawing into their axes."""
    if ax is None:
        with figure_style():
            yield
    else:
        yield


def _new_figure(size: tuple[float, float]) -> Figure:
    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _single_axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is None:
        fig = _new_figure(size)
        return fig, fig.subplots()
    if not isinstance(ax, Axes) or ax.name != "rectilinear":
        raise TypeError(f"ax must be a 2-D matplotlib Axes, got {ax!r}")
    return ax.figure, ax


def _panel_axes(n: int, ax: Any) -> tuple[Figure, list[Axes], bool]:
    """``n`` panel axes: new (up to three per row) or the caller's."""
    if ax is None:
        ncols = min(n, 3)
        nrows = math.ceil(n / ncols)
        fig = _new_figure((2.5 * ncols + 1.4, 2.2 * nrows + 0.3))
        grid = fig.subplots(nrows, ncols, squeeze=False, sharex=True, sharey=True)
        axes = list(grid.ravel())
        for extra in axes[n:]:
            extra.remove()
        return fig, axes[:n], True
    axes = [ax] if isinstance(ax, Axes) else list(ax)
    if len(axes) != n or not all(isinstance(a, Axes) for a in axes):
        raise ValueError(
            f"{n} panel(s) (one per population) need {n} Axes, got {len(axes)}; pass "
            "populations=[...] to draw fewer populations"
        )
    return axes[0].figure, axes, False
