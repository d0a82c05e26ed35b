"""Figures of issue 5: the shadow of the future, official tenure and transfers.

* ``tenure_cooperation`` -- (a) geometric tenure: the effective discount ``ρ q`` of an official
  whose expected tenure is ``L = 1/(1 - q)`` against the critical discount factors of two
  prisoner's dilemmas (MODELS.md §7.4); (b) fixed five-year terms: the last-year incentive
  ``ρ p (R - P)(1 - ρ^5)/((1 - ρ)(1 - ρ^5 p))`` against the one-shot gain ``T - R`` (§7.5).
* ``repeated_transfer`` -- the grim-trigger thresholds of an asymmetric prisoner's dilemma under
  a per-period transfer, and the equalising transfer (§7.2, oracle R-b).

All numbers come from :mod:`gametheory.repeated` in exact arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..game import Game
from ..plot import OKABE_ITO
from ..repeated import (
    critical_discount_factor,
    effective_discount,
    equalizing_transfer,
    minimal_expected_tenure,
    minimal_reappointment_probability,
    term_incentive,
    threshold_with_transfer,
)
from . import FigureResult, register

#: Annual discount of officials (MODELS.md §7.4 oracle R-c uses 19/20; §7.5 R-d uses 9/10).
RHO_TENURE = Fraction(19, 20)
RHO_TERM = Fraction(9, 10)
#: Two symmetric prisoner's dilemmas (T, R, P, S): the textbook one and a strong temptation.
DILEMMAS = {"5, 3, 1": (5, 3, 1, 0), "10, 3, 1": (10, 3, 1, 0)}


def _pd(T: int, R: int, P: int, S: int) -> Game:
    return Game([[R, S], [T, P]], [[R, T], [S, P]], actions=[["C", "D"]] * 2)


@register(
    "tenure_cooperation",
    caption=(
        "Official tenure and the shadow of the future (grim trigger, MODELS.md §7.4-7.5). "
        "(a) An official who stays in post each year with probability q (expected tenure "
        "L = 1/(1 - q)) and discounts by ρ = 0.95 has effective discount ρq (curve); "
        "cooperation is sustainable where it exceeds the critical discount factor δ* "
        "(dashed: 1/2 for T, R, P = 5, 3, 1 and 7/9 for 10, 3, 1), i.e. for tenures beyond the "
        "marked minima L = 19/9 and 171/31 years. (b) Five-year terms, reappointment "
        "probability p, ρ = 0.9: the last-year incentive (curve) must cover the one-shot "
        "gain T - R (dashed); shaded: cooperation."
    ),
)
def tenure_cooperation() -> FigureResult:
    rows = []
    tenures = np.linspace(1.05, 12.0, 220)
    for L in tenures:
        q = Fraction(1) - Fraction(1) / Fraction(L).limit_denominator(1000)
        rows.append({"panel": "a", "x": L, "y": float(effective_discount(RHO_TENURE, q))})
    probabilities = [Fraction(k, 200) for k in range(0, 201)]
    for p in probabilities:
        incentive = term_incentive(5, 3, 1, RHO_TERM, p).incentives[-1]
        rows.append({"panel": "b", "x": float(p), "y": float(incentive)})
    marks = []
    for label, (T, R, P, S) in DILEMMAS.items():
        delta = critical_discount_factor(_pd(T, R, P, S), (0, 0)).overall
        marks.append(
            {
                "panel": "a",
                "game": label,
                "threshold": float(delta),
                "exact": str(delta),
                "minimum": float(minimal_expected_tenure(delta, RHO_TENURE)),
            }
        )
        p_min = minimal_reappointment_probability(T, R, P, RHO_TERM)
        marks.append({"panel": "b", "game": label, "threshold": T - R, "minimum": float(p_min)})
    curves = pd.DataFrame(rows)
    marks_df = pd.DataFrame(marks)

    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax_a, ax_b = fig.subplots(1, 2)
    a = curves[curves["panel"] == "a"]
    ax_a.plot(a["x"], a["y"], color="black", lw=1.6, label="effective discount ρq")
    b = curves[curves["panel"] == "b"]
    ax_b.plot(b["x"], b["y"], color="black", lw=1.6, label="last-year incentive")
    _draw_thresholds(
        ax_a,
        a,
        [m for m in marks if m["panel"] == "a"],
        label=lambda m: f"δ* = {m['exact']} (T, R, P = {m['game']})",
        note=lambda m: f"L = {m['minimum']:.2f}",
        offset=(0.3, -0.08),
    )
    _draw_thresholds(
        ax_b,
        b,
        [m for m in marks if m["panel"] == "b"],
        label=lambda m: f"gain T - R = {m['threshold']} (T, R, P = {m['game']})",
        note=lambda m: f"p = {m['minimum']:.2f}",
        offset=(-0.2, 0.5),
    )
    ax_a.set_xlim(1, 12)
    ax_a.set_ylim(0, 1)
    ax_a.set_xlabel("expected tenure L (years)")
    ax_a.set_ylabel("discount factor")
    ax_a.set_title("(a) geometric tenure, ρ = 0.95", fontsize=10)
    ax_a.legend(loc="lower right", fontsize=7, frameon=False)
    ax_b.set_xlim(0, 1)
    ax_b.set_ylim(0, 10)
    ax_b.set_xlabel("reappointment probability p")
    ax_b.set_ylabel("payoff (R - P = 2)")
    ax_b.set_title("(b) five-year terms, ρ = 0.9", fontsize=10)
    ax_b.legend(loc="upper left", fontsize=7, frameon=False)
    data = pd.concat([curves.assign(kind="curve"), marks_df.assign(kind="mark")], ignore_index=True)
    return FigureResult(fig, data)


def _draw_thresholds(
    ax: Any,
    curve: pd.DataFrame,
    marks: list[dict[str, Any]],
    label: Callable[[dict[str, Any]], str],
    note: Callable[[dict[str, Any]], str],
    offset: tuple[float, float],
) -> None:
    """Each mark's threshold as a dashed line, the region where the curve clears it shaded, and
    the crossing point (the minimal tenure or reappointment probability) annotated."""
    for k, mark in enumerate(marks):
        colour = OKABE_ITO[1 + 4 * k]
        level, at = mark["threshold"], mark["minimum"]
        ax.axhline(level, color=colour, ls="--", lw=1, label=label(mark))
        ax.fill_between(
            curve["x"],
            level,
            curve["y"],
            where=curve["y"] >= level,
            color=colour,
            alpha=0.18,
            lw=0,
        )
        ax.plot([at], [level], "o", color=colour, ms=4)
        ax.annotate(
            note(mark),
            xy=(at, level),
            xytext=(at + offset[0], level + offset[1]),
            fontsize=8,
            color=colour,
        )


@register(
    "repeated_transfer",
    caption=(
        "Cooperation-phase transfers in an asymmetric repeated prisoner's dilemma (MODELS.md "
        "§7.2, oracle R-b: T, R, P = 6, 4, 1 for city 1 and 5, 2, 1 for city 2; grim "
        "trigger). A transfer t from city 1 to city 2 in every cooperative period raises "
        "city 1's critical discount factor (2 + t)/5 and lowers city 2's (3 - t)/4; "
        "cooperation is sustainable above both (shaded). The equalising transfer t* = 7/9 "
        "minimises the common threshold, δ_eq = 5/9, down from 3/4 without a transfer."
    ),
)
def repeated_transfer() -> FigureResult:
    game = Game([[4, 0], [6, 1]], [[2, 5], [0, 1]], actions=[["C", "D"]] * 2)
    rows = []
    for k in range(-40, 121):
        t = Fraction(k, 40)
        result = threshold_with_transfer(game, (0, 0), t)
        d1, d2 = result.per_player
        rows.append(
            {
                "t": float(t),
                "delta_1": float(d1),
                "delta_2": float(d2),
                "overall": float(result.overall),
            }
        )
    data = pd.DataFrame(rows)
    best = equalizing_transfer(game, (0, 0))
    fig = Figure(figsize=(5.0, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    upper = np.maximum(data["delta_1"], data["delta_2"]).clip(0, 1)
    ax.fill_between(
        data["t"], upper, 1, color=OKABE_ITO[2], alpha=0.3, lw=0, label="cooperation sustainable"
    )
    ax.plot(
        data["t"],
        data["delta_1"].clip(0, 1),
        color=OKABE_ITO[1],
        lw=1.6,
        label="city 1 (pays), δ₁*(t)",
    )
    ax.plot(
        data["t"],
        data["delta_2"].clip(0, 1),
        color=OKABE_ITO[5],
        lw=1.6,
        label="city 2 (receives), δ₂*(t)",
    )
    t_star, d_eq = float(best.transfer), float(best.threshold)
    ax.plot([t_star], [d_eq], "o", color="black", ms=4)
    ax.plot([0], [float(best.before[1])], "o", color=OKABE_ITO[5], ms=4)
    ax.annotate(
        "no transfer: 3/4",
        xy=(0, float(best.before[1])),
        xytext=(-0.9, 0.6),
        fontsize=8,
        arrowprops={"arrowstyle": "-", "color": "0.3", "lw": 0.6},
    )
    ax.annotate(
        r"$t^*$ = 7/9, $\delta_{eq}$ = 5/9",
        xy=(t_star, d_eq),
        xytext=(-0.3, 0.12),
        fontsize=8,
        arrowprops={"arrowstyle": "-", "color": "0.3", "lw": 0.6},
    )
    ax.set_xlim(-1, 3)
    ax.set_ylim(0, 1)
    ax.set_xlabel("transfer t per cooperative period (city 1 to city 2)")
    ax.set_ylabel("critical discount factor")
    ax.set_title("Transfers lower the patience cooperation needs")
    ax.legend(loc="upper right", fontsize=7, frameon=False)
    data["equalising_transfer"] = t_star
    data["common_threshold"] = d_eq
    return FigureResult(fig, data)
