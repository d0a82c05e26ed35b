"""Figures on institutional collective action (Feiock 2013; MODELS.md §3).

``ica_collaboration_risks``: the three collaboration risks as games in payoff space. For each
canonical game (stag hunt, battle of the sexes, prisoner's dilemma) the panel shows the payoff
pairs ``(u_A, u_B)`` of the four pure outcomes, their convex hull (the payoffs reachable by
correlated randomisation over outcomes) and every extreme Nash equilibrium computed by
:func:`gametheory.equilibria.equilibria`, pure ones filled and mixed ones open.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox

from ..equilibria import equilibria
from ..game import Game, format_number
from ..models.ica import CollaborationRisks
from . import OKABE_ITO, FigureResult, register

__all__ = ["convex_hull", "equilibrium_table", "ica_collaboration_risks"]

#: Panel order and the short name of the canonical game of each risk.
_PANELS: tuple[tuple[str, str, str], ...] = (
    ("coordination", "Coordination risk", "stag hunt (assurance)"),
    ("division", "Division risk", "battle of the sexes"),
    ("defection", "Defection risk", "prisoner's dilemma"),
)

_HULL_FACE = OKABE_ITO["sky blue"]
_HULL_EDGE = OKABE_ITO["blue"]
_PURE = OKABE_ITO["vermillion"]
_MIXED = OKABE_ITO["blue"]
_OUTCOME = OKABE_ITO["black"]


def convex_hull(points: Sequence[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Vertices of the convex hull of plane points, counter-clockwise (Andrew's monotone chain).

    Exact for Fractions; duplicate and collinear points are dropped, so the hull of two distinct
    points is a segment (two vertices) and of one point a single vertex.
    """
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o: tuple[Any, Any], a: tuple[Any, Any], b: tuple[Any, Any]) -> Any:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[Any, Any]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[Any, Any]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _abbreviations(actions: Sequence[str]) -> tuple[str, ...]:
    """One-letter names: first letters if distinct, else first letters of the last words."""
    for candidate in (
        tuple(a[0] for a in actions),
        tuple(a.split()[-1][0] for a in actions),
    ):
        if len(set(candidate)) == len(candidate):
            return candidate
    return tuple(actions)


def _strategy_text(vector: Sequence[Any]) -> str:
    return ";".join(format_number(x) for x in vector)


def equilibrium_table(name: str, game: Game) -> pd.DataFrame:
    """One row per extreme equilibrium of a two-player ``game``: exact strings and floats.

    Columns: ``game`` (``name``), ``title``, ``type`` (pure/mixed), ``profile`` (action names of
    a pure equilibrium, ``mixed`` otherwise), ``strategy_row`` / ``strategy_col`` (probabilities
    as exact strings joined by ``;``), ``payoff_row`` / ``payoff_col`` (exact strings),
    ``prob_row_first`` / ``prob_col_first`` (probability of each player's first action) and
    ``payoff_row_float`` / ``payoff_col_float``.
    """
    rows = []
    for eq in equilibria(game):
        profile = eq.pure_profile
        rows.append(
            {
                "game": name,
                "title": game.title,
                "type": "pure" if eq.is_pure else "mixed",
                "profile": (
                    "(" + ", ".join(game.actions[i][a] for i, a in enumerate(profile)) + ")"
                    if profile is not None
                    else "mixed"
                ),
                "strategy_row": _strategy_text(eq.strategies[0]),
                "strategy_col": _strategy_text(eq.strategies[1]),
                "payoff_row": format_number(eq.payoffs[0]),
                "payoff_col": format_number(eq.payoffs[1]),
                "prob_row_first": float(eq.strategies[0][0]),
                "prob_col_first": float(eq.strategies[1][0]),
                "payoff_row_float": float(eq.payoffs[0]),
                "payoff_col_float": float(eq.payoffs[1]),
            }
        )
    return pd.DataFrame(rows)


def _mixed_label(name: str, game: Game, row: pd.Series) -> str:
    """Text for a mixed equilibrium: each city's probability of its 'own' action."""
    p_row = Fraction(row["strategy_row"].split(";")[0])
    p_col = Fraction(row["strategy_col"].split(";")[0])
    if name == "division":
        # each city's own (preferred) site: Site A for the row city, Site B for the column city
        p_col = 1 - p_col
        what = "own site"
    else:
        what = _abbreviations(game.actions[0])[0]
    if p_row == p_col:
        return f"mixed, each city:\nPr({what}) = {format_number(p_row)}"
    first, second = (p.split()[-1] for p in game.players)
    return (
        f"mixed: Pr({what}) =\n{format_number(p_row)} ({first}), {format_number(p_col)} ({second})"
    )


def _directions(first: tuple[float, float]) -> list[tuple[float, float]]:
    """The eight compass directions (unit vectors), the one nearest ``first`` first."""
    angles = np.deg2rad(np.arange(0, 360, 45))
    dirs = [(float(np.cos(a)), float(np.sin(a))) for a in angles]
    dirs = [(round(x, 12), round(y, 12)) for x, y in dirs]
    return sorted(dirs, key=lambda d: (-(d[0] * first[0] + d[1] * first[1]), d))


class _LabelPlacer:
    """Greedy placement of point labels inside one axes without overlaps.

    Each label tries offsets from its anchor point in the eight compass directions (preferred
    direction first) at increasing distances and takes the first whose text box stays inside
    the axes and clear of every box placed so far (earlier labels and the markers). Long offsets
    get a leader line, which must not cross those boxes either. Positions are measured in
    display space after the figure layout is fixed, so the result is deterministic.
    """

    def __init__(self, ax: Axes, renderer: Any, dpi: float) -> None:
        self.ax = ax
        self.renderer = renderer
        self.dpi = dpi
        self.occupied: list[Bbox] = []
        self.frame = ax.get_window_extent(renderer).padded(-self._px(2.0))

    def _px(self, points: float) -> float:
        return points * self.dpi / 72.0

    def block_marker(self, xy: tuple[float, float], radius_pt: float) -> None:
        x, y = self.ax.transData.transform(xy)
        r = self._px(radius_pt)
        self.occupied.append(Bbox.from_extents(x - r, y - r, x + r, y + r))

    def place(
        self,
        xy: tuple[float, float],
        text: str,
        prefer: tuple[float, float],
        distances: Sequence[float],
        leader_from: float,
        **style: Any,
    ) -> None:
        best = None
        for distance in distances:
            for dx, dy in _directions(prefer):
                ann = self._annotate(xy, text, dx, dy, distance, None, style)
                box = ann.get_window_extent(self.renderer).padded(self._px(1.0))
                inside = (
                    box.x0 >= self.frame.x0
                    and box.x1 <= self.frame.x1
                    and box.y0 >= self.frame.y0
                    and box.y1 <= self.frame.y1
                )
                clash = sum(box.overlaps(other) for other in self.occupied)
                if distance >= leader_from:
                    clash += self._leader_clash(xy, dx, dy, distance)
                ann.remove()
                score = (not inside, clash)
                if best is None or score < best[0]:
                    best = (score, dx, dy, distance, box)
                if score == (False, 0):
                    break
            if best is not None and best[0] == (False, 0):
                break
        assert best is not None
        _, dx, dy, distance, box = best
        arrow = None
        if distance >= leader_from:
            arrow = {
                "arrowstyle": "-",
                "color": style.get("color", "black"),
                "linewidth": 0.6,
                "shrinkA": 1,
                "shrinkB": 4,
            }
        self._annotate(xy, text, dx, dy, distance, arrow, style)
        self.occupied.append(box)

    def _leader_clash(self, xy: tuple[float, float], dx: float, dy: float, distance: float) -> int:
        """Number of placed boxes (other than those at the anchor) that a leader line crosses."""
        x, y = self.ax.transData.transform(xy)
        start = self._px(6.0)
        end = self._px(distance)
        leader = MplPath([(x + start * dx, y + start * dy), (x + end * dx, y + end * dy)])
        return sum(
            leader.intersects_bbox(box, filled=False)
            for box in self.occupied
            if not box.contains(x, y)
        )

    def _annotate(self, xy, text, dx, dy, distance, arrow, style):
        ann = self.ax.annotate(
            text,
            xy,
            xytext=(distance * dx, distance * dy),
            textcoords="offset points",
            ha="left" if dx > 0.1 else "right" if dx < -0.1 else "center",
            va="bottom" if dy > 0.1 else "top" if dy < -0.1 else "center",
            arrowprops=arrow,
            zorder=6,
            annotation_clip=False,
            **style,
        )
        ann.set_in_layout(False)
        return ann


def _draw_panel(
    ax: Axes, risk: str, canonical: str, game: Game, data: pd.DataFrame
) -> dict[tuple[Fraction, Fraction], list[str]]:
    """Payoff space of one 2x2 game: outcomes, convex hull and equilibrium markers.

    Returns the outcome labels by payoff point; the labels are written by :func:`_label_panel`
    once the figure layout is fixed.
    """
    A, B = game.payoff_arrays
    abbr_row = _abbreviations(game.actions[0])
    abbr_col = _abbreviations(game.actions[1])
    outcomes: dict[tuple[Fraction, Fraction], list[str]] = {}
    for i in range(2):
        for j in range(2):
            point = (Fraction(A[i, j]), Fraction(B[i, j]))
            outcomes.setdefault(point, []).append(f"({abbr_row[i]},{abbr_col[j]})")

    hull = convex_hull(list(outcomes))
    ax.add_patch(
        Polygon(
            [(float(x), float(y)) for x, y in hull],
            closed=True,
            facecolor=_HULL_FACE,
            alpha=0.3,
            edgecolor=_HULL_EDGE,
            linewidth=0.8,
            zorder=1,
        )
    )
    xs = [float(x) for x, _ in outcomes]
    ys = [float(y) for _, y in outcomes]
    for lo, hi, setter in ((min(xs), max(xs), ax.set_xlim), (min(ys), max(ys), ax.set_ylim)):
        pad = 0.3 * (hi - lo)
        setter(lo - pad, hi + pad)
    ax.scatter(xs, ys, s=9, color=_OUTCOME, zorder=4, linewidths=0)

    pure = data[data["type"] == "pure"]
    ax.scatter(
        pure["payoff_row_float"],
        pure["payoff_col_float"],
        s=42,
        color=_PURE,
        edgecolors="white",
        linewidths=0.6,
        zorder=5,
    )
    mixed = data[data["type"] == "mixed"]
    ax.scatter(
        mixed["payoff_row_float"],
        mixed["payoff_col_float"],
        s=70,
        marker="D",
        facecolors="none",
        edgecolors=_MIXED,
        linewidths=1.3,
        zorder=5,
    )
    ax.set_title(f"{risk}\n{canonical}")
    ax.set_xlabel(f"payoff to {game.players[0]}")
    ax.grid(True, linewidth=0.3, color="#cccccc")
    ax.set_axisbelow(True)
    return outcomes


def _label_panel(
    ax: Axes,
    renderer: Any,
    name: str,
    game: Game,
    data: pd.DataFrame,
    outcomes: dict[tuple[Fraction, Fraction], list[str]],
) -> None:
    """Write the outcome and mixed-equilibrium labels of one panel without overlaps."""
    placer = _LabelPlacer(ax, renderer, renderer.dpi)
    for _, row in data.iterrows():
        placer.block_marker((row["payoff_row_float"], row["payoff_col_float"]), 5.0)
    for x, y in outcomes:
        placer.block_marker((float(x), float(y)), 2.5)
    cx = float(np.mean([float(x) for x, _ in outcomes]))
    cy = float(np.mean([float(y) for _, y in outcomes]))
    box_style = {
        "boxstyle": "round,pad=0.1",
        "facecolor": "white",
        "alpha": 0.75,
        "edgecolor": "none",
    }
    for (x, y), labels in sorted(outcomes.items()):
        placer.place(
            (float(x), float(y)),
            ", ".join(labels),
            (float(x) - cx, float(y) - cy),
            distances=(5.0, 8.0),
            leader_from=100.0,
            fontsize=7.5,
            bbox=box_style,
        )
    for _, row in data[data["type"] == "mixed"].iterrows():
        placer.place(
            (row["payoff_row_float"], row["payoff_col_float"]),
            _mixed_label(name, game, row),
            (1.0, -1.0),
            distances=(16.0, 22.0, 28.0, 34.0, 40.0, 48.0, 56.0),
            leader_from=14.0,
            fontsize=7.5,
            color=_MIXED,
            bbox=box_style,
        )


@register(
    "ica_collaboration_risks",
    caption=(
        "Feiock's three collaboration risks as 2x2 games between two cities, in payoff space "
        "(u_A, u_B): the four pure outcomes, the convex hull of feasible payoffs and all extreme "
        "Nash equilibria (filled: pure, open diamond: mixed). Coordination risk: stag hunt with "
        "B = 6, tc = 2; division risk: battle of the sexes with a = 2, b = 1; defection risk: "
        "prisoner's dilemma with T, R, P, S = 5, 3, 1, 0."
    ),
)
def ica_collaboration_risks() -> FigureResult:
    """Three panels, one per collaboration risk, with the equilibria of each game marked.

    Data: one row per (game, equilibrium), see :func:`equilibrium_table`.
    """
    risks = CollaborationRisks()
    games = risks.games()
    tables = {name: equilibrium_table(name, games[name]) for name, _, _ in _PANELS}

    fig = Figure(figsize=(7.0, 2.6), layout="constrained")
    canvas = FigureCanvasAgg(fig)
    axes = fig.subplots(1, 3)
    outcomes = {
        name: _draw_panel(ax, risk, canonical, games[name], tables[name])
        for ax, (name, risk, canonical) in zip(axes, _PANELS, strict=True)
    }
    axes[0].set_ylabel(f"payoff to {risks.players[1]}")

    handles = [
        Patch(facecolor=_HULL_FACE, alpha=0.3, edgecolor=_HULL_EDGE, label="feasible payoffs"),
        Line2D([], [], marker="o", linestyle="", color=_OUTCOME, markersize=3, label="outcome"),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=_PURE,
            markeredgecolor="white",
            markersize=7,
            label="pure equilibrium",
        ),
        Line2D(
            [],
            [],
            marker="D",
            linestyle="",
            markerfacecolor="none",
            markeredgecolor=_MIXED,
            markeredgewidth=1.3,
            markersize=7,
            label="mixed equilibrium",
        ),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=4, frameon=False)

    # fix the layout, then place the labels in display space and freeze the positions
    renderer = canvas.get_renderer()
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    for ax, (name, _, _) in zip(axes, _PANELS, strict=True):
        _label_panel(ax, renderer, name, games[name], tables[name], outcomes[name])

    data = pd.concat([tables[name] for name, _, _ in _PANELS], ignore_index=True)
    data = data.sort_values(list(data.columns), kind="mergesort", ignore_index=True)
    return FigureResult(fig, data)
