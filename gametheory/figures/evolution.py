"""Figures of issue 12: evolutionary games of central–local cooperation.

* ``evolution_regulation_paths`` -- the central government / local government / enterprise
  game (:class:`~gametheory.models.CentralLocalEnterprise`): the shares of strict supervision,
  strict enforcement and green production over time under four scenarios.
* ``evolution_regulation_basins`` -- the same game: the share of initial states that evolve to
  cooperation as the central fine grows, with full and with halved detection, and the exact
  thresholds at which cooperation becomes stable and the unique stable state.
* ``evolution_two_cities`` -- the centre and two cities
  (:class:`~gametheory.models.CentreAndTwoCities`): evolution paths under four scenarios.

Every path is integrated by :func:`gametheory.evolution.simulate` (DOP853, per-trajectory
tolerances 1e-8 / 1e-10); the thresholds come from :func:`gametheory.evolution.stability_threshold`
in exact arithmetic. Shares in the CSV files are rounded to 6 decimals (the integration error is
far smaller), so that ``gametheory reproduce --check`` does not depend on floating-point noise.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..models.environmental_regulation import SCENARIOS as REGULATION_SCENARIOS
from ..models.environmental_regulation import CentralLocalEnterprise
from ..models.regional_cooperation import SCENARIOS as CITY_SCENARIOS
from ..models.regional_cooperation import CentreAndTwoCities
from . import OKABE_ITO, FigureResult, register

_COLOURS = [OKABE_ITO[c] for c in ("black", "vermillion", "blue", "bluish green", "orange")]
_DIGITS = 6


def _rounded(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    out = df.copy()
    for c in columns:
        out[c] = np.round(out[c].to_numpy(dtype=float), _DIGITS) + 0.0
    return out


@register(
    "evolution_regulation_paths",
    caption=(
        "Central government, local governments and enterprises as three evolving populations "
        "(replicator dynamics). Shares of strictly supervising central agencies, strictly "
        "enforcing local governments and green enterprises over time, from half of each "
        "population, under four scenarios. With the status-quo fine (2) local governments "
        "drift to lax enforcement and enterprises to pollution; a fine of 5 makes cooperation "
        "the unique stable state, but not if only half of the lax local governments are "
        "detected; without the growth incentive a fine of 3.5 suffices."
    ),
)
def evolution_regulation_paths() -> FigureResult:
    model = CentralLocalEnterprise()
    t = np.linspace(0.0, 40.0, 161)
    paths = model.simulate([(0.5, 0.5, 0.5)], t, scenarios=REGULATION_SCENARIOS)
    paths = _rounded(paths, ["x", "y", "z"])
    data = paths.assign(scenario=paths["scenario"].astype(str))[["scenario", "t", "x", "y", "z"]]

    fig = Figure(figsize=(8.4, 3.4), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, 3, sharey=True)
    labels = [
        ("x", "central government: share strict"),
        ("y", "local governments: share enforcing"),
        ("z", "enterprises: share green"),
    ]
    for ax, (column, title) in zip(axes, labels, strict=True):
        for k, name in enumerate(REGULATION_SCENARIOS):
            part = data[data["scenario"] == name]
            ax.plot(part["t"], part[column], color=_COLOURS[k], lw=1.4, label=name)
        ax.set_title(title)
        ax.set_xlabel("time")
        ax.set_ylim(-0.02, 1.02)
        ax.set_xlim(t[0], t[-1])
    axes[0].set_ylabel("share")
    handles, names = axes[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="outside lower center", ncol=2, frameon=False)
    return FigureResult(fig, data.reset_index(drop=True))


@register(
    "evolution_regulation_basins",
    caption=(
        "Which central fine makes cooperation evolve? Share of 64 interior initial states "
        "(each population's share of its first action in 1/5, ..., 4/5) whose replicator path "
        "ends at cooperation (strict supervision, enforcement, green production), against the "
        "central fine on a lax local government, with full detection and with half the lax "
        "local governments detected. Dashed: the exact fine above which cooperation is stable "
        "(3, and 6 at half detection); dotted: above which it is the unique stable state (4 and "
        "8). Between the two, where the populations start decides the outcome."
    ),
)
def evolution_regulation_basins() -> FigureResult:
    model = CentralLocalEnterprise()
    fines = np.linspace(0.25, 9.75, 20)  # between the breakpoints, never on a knife edge
    detections = {"full detection (pi = 1)": 1.0, "half detection (pi = 1/2)": 0.5}
    scenarios = {
        (label, float(f)): {"F_l": float(f), "pi": pi}
        for label, pi in detections.items()
        for f in fines
    }
    names = {f"{label} | F_l = {f:g}": v for (label, f), v in scenarios.items()}
    t = np.array([0.0, 400.0])
    paths = model.simulate(4, t, scenarios=names, method="RK45", rtol=1e-7, atol=1e-9)
    end = paths[paths["t"] == t[-1]]
    cooperative = (end["x"] > 0.99) & (end["y"] > 0.99) & (end["z"] > 0.99)
    share = cooperative.groupby(end["scenario"], observed=True).mean()
    rows = []
    for (label, f), _ in scenarios.items():
        rows.append(
            {
                "detection": label,
                "fine": f,
                "share_cooperative": float(share[f"{label} | F_l = {f:g}"]),
            }
        )
    data = pd.DataFrame(rows)
    marks = []
    for label, pi in detections.items():
        exact_pi = 1 if pi == 1.0 else sympy_half()
        m = model.replace(pi=exact_pi)
        marks.append(
            {
                "detection": label,
                "stable_above": float(m.minimal_fine(unique=False).lower),
                "unique_above": float(m.minimal_fine(unique=True).lower),
            }
        )
    marks_df = pd.DataFrame(marks)
    data = data.merge(marks_df, on="detection")

    fig = Figure(figsize=(6.2, 3.2), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    for k, label in enumerate(detections):
        part = data[data["detection"] == label]
        colour = _COLOURS[2 * k + 1]
        ax.plot(
            part["fine"],
            part["share_cooperative"],
            color=colour,
            lw=1.6,
            marker="o",
            ms=2.5,
            label=label,
        )
        mark = marks_df[marks_df["detection"] == label].iloc[0]
        ax.axvline(mark["stable_above"], color=colour, ls="--", lw=0.9)
        ax.axvline(mark["unique_above"], color=colour, ls=":", lw=1.1)
    ax.set_xlabel("central fine on a detected lax local government, F_l")
    ax.set_ylabel("share of initial states reaching cooperation")
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlim(fines[0], fines[-1])
    ax.legend(loc="lower right", frameon=False)
    return FigureResult(fig, data)


def sympy_half() -> Any:
    """The exact detection probability 1/2 (for the exact thresholds)."""
    from fractions import Fraction

    return Fraction(1, 2)


@register(
    "evolution_two_cities",
    caption=(
        "The central government and two cities as evolving populations (replicator "
        "dynamics): shares of intervening central agencies (black) and of cooperating cities "
        "A (blue) and B (orange) over time, from two initial states (solid: 30% of cities "
        "cooperate, dashed: 60%). Status quo: which equilibrium the cities reach depends on "
        "where they start. A credible fine of 3 tips both starts to cooperation, after which "
        "the centre withdraws. With a weak spillover no state is stable and intervention and "
        "cooperation cycle. A centre that values its leading role keeps intervening."
    ),
)
def evolution_two_cities() -> FigureResult:
    model = CentreAndTwoCities()
    t = np.linspace(0.0, 60.0, 241)
    starts = [(0.5, 0.3, 0.3), (0.5, 0.6, 0.6)]
    paths = model.simulate(starts, t, scenarios=CITY_SCENARIOS)
    paths = _rounded(paths, ["x", "y", "z"])
    data = paths.assign(scenario=paths["scenario"].astype(str))[
        ["scenario", "run", "t", "x", "y", "z"]
    ]
    fig = Figure(figsize=(8.0, 5.0), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(2, 2, sharex=True, sharey=True).ravel()
    colours = {"x": OKABE_ITO["black"], "y": OKABE_ITO["blue"], "z": OKABE_ITO["orange"]}
    names = {"x": "centre intervenes", "y": "city A cooperates", "z": "city B cooperates"}
    for ax, scenario in zip(axes, CITY_SCENARIOS, strict=True):
        for run, style in ((0, "-"), (1, "--")):
            part = data[(data["scenario"] == scenario) & (data["run"] == run)]
            for column in ("x", "y", "z"):
                ax.plot(
                    part["t"],
                    part[column],
                    color=colours[column],
                    ls=style,
                    lw=1.3,
                    label=names[column] if run == 0 else None,
                )
        ax.set_title(scenario)
        ax.set_ylim(-0.02, 1.02)
        ax.set_xlim(t[0], t[-1])
    for ax in axes[2:]:
        ax.set_xlabel("time")
    for ax in axes[::2]:
        ax.set_ylabel("share")
    axes[0].legend(loc="center right", fontsize=7, frameon=False)
    return FigureResult(fig, data.reset_index(drop=True))
