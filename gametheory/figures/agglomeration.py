"""Figures of the central-led urban agglomeration and the three cooperation types (issue 6).

* ``agglomeration_common_fund`` -- the N-city common fiscal fund (MODELS.md §9.2): the minimal
  central matching rate that makes full contribution an equilibrium, without a clause, with a
  match paid only if every city contributes, and with the all-or-nothing (refund) clause, as the
  number of cities grows; and what the centre pays on the equilibrium path, compared with a
  subsidy per contributor (:class:`gametheory.models.agglomeration.UrbanAgglomeration`; every
  threshold is re-checked with :func:`gametheory.is_equilibrium` on the N-city game for small N).
* ``cooperation_types`` -- the essay's Fig. 1 ("Regional government collaboration types")
  redrawn in the plane of the two cities' net gains: the regions of the sharing, profit-and-loss
  and comparative-benefit types (:func:`gametheory.models.cooperation_types.classify`), the
  Coasean line, the relative-evaluation line ``g_B = lam g_A`` and the oracles K-a, K-b, K-d
  with the intervention that unlocks each
  (:mod:`gametheory.models.cooperation_types`).
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon

from ..equilibria import is_equilibrium
from ..game import format_number
from ..models.agglomeration import UrbanAgglomeration
from ..models.cooperation_types import (
    ComparativeBenefitCooperation,
    ProfitAndLossCooperation,
    SharingCooperation,
    classify,
)
from . import OKABE_ITO, FigureResult, register

__all__ = ["agglomeration_common_fund", "cooperation_types"]

#: Oracle F-c (MODELS.md §9.2): each city's marginal per-capita return.
ALPHA = Fraction(2, 5)
#: Numbers of cities drawn, and the largest N whose N-player game is solved as a check.
CITIES = range(2, 13)
CHECK_UP_TO = 6

_RULES = (
    ("none", "match on every contribution", OKABE_ITO["vermillion"], "o"),
    ("conditional_matching", "match only if all contribute", OKABE_ITO["blue"], "s"),
    ("all_or_nothing", "all-or-nothing (refund) clause", OKABE_ITO["bluish green"], "^"),
)


def _check(N: int, alpha: Fraction, clause: str, m_star: Fraction) -> bool:
    """Full contribution is an equilibrium at ``m*`` and (if ``m* > 0``) not just below it."""
    full = ("Contribute",) * N
    ok = is_equilibrium(UrbanAgglomeration(N, alpha, m_star, clause=clause).game(), full)
    if m_star > 0:
        below = UrbanAgglomeration(N, alpha, m_star * Fraction(99, 100), clause=clause).game()
        ok = ok and not is_equilibrium(below, full)
    return ok


@register(
    "agglomeration_common_fund",
    caption=(
        "The N-city common fiscal fund (MODELS.md §9.2) with marginal per-capita return "
        "alpha = 2/5 (oracle F-c). (a) Minimal central matching rate m* that makes full "
        "contribution an equilibrium: 1/alpha - 1 = 3/2 when the centre matches every "
        "contribution, whatever N; (1 - alpha)/(N alpha) when the match is paid only if every "
        "city contributes; max(0, 1/(N alpha) - 1) with the all-or-nothing clause (the fund is "
        "refunded unless all contribute), zero once N alpha >= 1. Filled markers: checked on the "
        "N-city game (full contribution an equilibrium at m*, not at 0.99 m*). (b) The centre's "
        "outlay on the path of full contribution, m* N g, in units of one city's contribution g, "
        "against the cheapest subsidy per contributor that makes contributing weakly dominant, "
        "N (1 - alpha) g. The conditional match costs (1 - alpha)/alpha g whatever N."
    ),
)
def agglomeration_common_fund() -> FigureResult:
    rows = []
    for N in CITIES:
        base = UrbanAgglomeration(N, ALPHA)
        subsidy = None
        if N <= CHECK_UP_TO:
            subsidy = base.contributor_subsidy().cost
        for clause, _, _, _ in _RULES:
            m_star = base.minimal_matching(clause)
            at = UrbanAgglomeration(N, ALPHA, m_star, clause=clause)
            rows.append(
                {
                    "N": N,
                    "alpha": format_number(ALPHA),
                    "rule": clause,
                    "minimal_matching": format_number(m_star),
                    "minimal_matching_float": float(m_star),
                    "central_outlay": format_number(at.central_cost()),
                    "central_outlay_float": float(at.central_cost()),
                    "checked_on_game": _check(N, ALPHA, clause, m_star)
                    if N <= CHECK_UP_TO
                    else None,
                }
            )
        # per-contributor subsidy: solver for small N, the model's closed form N g (1 - alpha)
        closed = N * (1 - ALPHA) * base.contribution
        if subsidy is not None and subsidy != closed:  # pragma: no cover - would be a bug
            raise RuntimeError(f"subsidy {subsidy} differs from N g (1 - alpha) = {closed}")
        rows.append(
            {
                "N": N,
                "alpha": format_number(ALPHA),
                "rule": "subsidy_per_contributor",
                "minimal_matching": None,
                "minimal_matching_float": None,
                "central_outlay": format_number(closed),
                "central_outlay_float": float(closed),
                "checked_on_game": (subsidy == closed) if subsidy is not None else None,
            }
        )
    data = pd.DataFrame(rows)
    if data["checked_on_game"].dropna().eq(False).any():  # pragma: no cover - would be a bug
        raise RuntimeError("a minimal matching rate failed the check on the N-city game")

    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax_a, ax_b = fig.subplots(1, 2)
    for clause, label, colour, marker in _RULES:
        part = data[data["rule"] == clause]
        checked = part["checked_on_game"].eq(True)
        for ax, column in ((ax_a, "minimal_matching_float"), (ax_b, "central_outlay_float")):
            ax.plot(part["N"], part[column], color=colour, lw=1.0, label=label, zorder=2)
            ax.plot(part["N"][checked], part[column][checked], marker, color=colour, ms=4, zorder=3)
            ax.plot(
                part["N"][~checked],
                part[column][~checked],
                marker,
                mfc="white",
                mec=colour,
                ms=4,
                zorder=3,
            )
    sub = data[data["rule"] == "subsidy_per_contributor"]
    ax_b.plot(
        sub["N"],
        sub["central_outlay_float"],
        color=OKABE_ITO["black"],
        lw=1.0,
        ls="--",
        label="subsidy per contributor",
        zorder=2,
    )
    fc = data[(data["N"] == 4) & (data["rule"] == "none")].iloc[0]
    ax_a.annotate(
        f"F-c: N = 4, m* = {fc['minimal_matching']}",
        (4, fc["minimal_matching_float"]),
        xytext=(5.0, 1.66),
        fontsize=7,
        arrowprops={"arrowstyle": "-", "lw": 0.6, "color": "black"},
    )
    threshold_n = 1 / ALPHA
    ax_a.axvline(float(threshold_n), color="0.6", lw=0.6, ls=":", zorder=1)
    ax_a.text(
        float(threshold_n) + 0.1,
        0.95,
        r"$N\alpha = 1$",
        fontsize=7,
        color="0.35",
        transform=ax_a.get_xaxis_transform(),
        va="top",
    )
    ax_a.set_xlabel("number of cities N")
    ax_a.set_ylabel("minimal matching rate m*")
    ax_a.set_title(r"(a) Matching needed for full contribution ($\alpha$ = 2/5)", loc="left")
    ax_a.set_ylim(-0.08, 1.85)
    handles, labels = ax_a.get_legend_handles_labels()
    handles += [
        Line2D([], [], marker="o", color="0.3", ls="none", ms=4),
        Line2D([], [], marker="o", mfc="white", mec="0.3", ls="none", ms=4),
    ]
    labels += [f"checked on the N-city game (N <= {CHECK_UP_TO})", "closed form only"]
    ax_a.legend(handles, labels, loc="center right", fontsize=7, frameon=False)
    ax_b.set_xlabel("number of cities N")
    ax_b.set_ylabel("centre's outlay on path (units of g)")
    ax_b.set_title("(b) What the centre pays when all contribute", loc="left")
    ax_b.legend(loc="upper left", fontsize=7, frameon=False)
    for ax in (ax_a, ax_b):
        ax.set_xticks(list(CITIES))
        ax.grid(alpha=0.25, lw=0.5)
    return FigureResult(fig, data)


# --------------------------------------------------------------------------------------------
# The three cooperation types in the plane of net gains
# --------------------------------------------------------------------------------------------

#: Evaluation weight of the relative-evaluation line drawn (oracle K-d's second case).
LAMBDA = Fraction(1, 2)
_X = (-7, 21)
_Y = (-7.5, 10)
#: Where the oracles' labels sit (data coordinates; left edge of the text box).
_LABELS = {"K-a": (-6.6, -1.6), "K-b": (10.4, -5.0), "K-d": (10.4, 1.6)}


def _oracles() -> list[dict]:
    """K-a, K-b, K-d: net gains, type (classify) and the unlocking intervention (models)."""
    sharing = SharingCooperation()
    ka = sharing.unlock()
    pl = ProfitAndLossCooperation()
    kb = pl.unlock()
    cb = ComparativeBenefitCooperation(lam=LAMBDA)
    kd_eval = cb.unlock("evaluation")
    kd_transfer = cb.unlock("transfer")
    f = format_number
    out = []
    for name, gains, costs, text, level, lower, upper in (
        (
            "K-a",
            (sharing.B_s, sharing.B_s),
            (sharing.t_c, sharing.t_c),
            f"K-a sharing: central guarantee\nt_c = {f(ka.level)}, "
            f"paid on path: {f(ka.cost_on_path)}",
            ka.level,
            ka.lower,
            None,
        ),
        (
            "K-b",
            (pl.g_A, pl.g_B),
            (pl.c_A, pl.c_B),
            f"K-b profit-and-loss: transfer A→B\nt ∈ [{f(kb.lower)}, {f(kb.upper)}], "
            f"t_NB = {f(kb.level)}",
            kb.level,
            kb.lower,
            kb.upper,
        ),
        (
            "K-d",
            (cb.g_A, cb.g_B),
            (0, 0),
            f"K-d comparative benefit, λ = {f(LAMBDA)}:\nB refuses; t ∈ [{f(kd_transfer.lower)}, "
            f"{f(kd_transfer.upper)}] or μ* = {f(kd_eval.level)}",
            kd_eval.level,
            kd_transfer.lower,
            kd_transfer.upper,
        ),
    ):
        kind = classify(gains, costs)
        out.append(
            {
                "element": "oracle",
                "name": name,
                "net_gain_A": float(kind.gains[0]),
                "net_gain_B": float(kind.gains[1]),
                "type": kind.kind.value,
                "remedy": kind.remedy.value,
                "level": f(level),
                "lower": f(lower),
                "upper": None if upper is None else f(upper),
                "label": text,
            }
        )
    return out


def _regions() -> list[tuple[str, list[tuple[float, float]], tuple[float, float]]]:
    """Polygons of the types in the net-gain box, with a probe point classified by the model."""
    (x0, x1), (y0, y1) = _X, _Y
    return [
        ("no_gain", [(x0, -x0), (x0, y0), (-y0, y0)], (-3.0, -2.0)),
        ("profit_and_loss", [(x0, -x0), (0, 0), (0, y1), (x0, y1)], (-1.0, 5.0)),
        ("profit_and_loss", [(0, 0), (-y0, y0), (x1, y0), (x1, 0)], (6.0, -1.0)),
        ("comparative_benefit", [(0, 0), (x1, 0), (x1, y1), (0, y1)], (6.0, 2.0)),
    ]


@register(
    "cooperation_types",
    caption=(
        "The three regional cooperation types (Chen, Wang & Sun 2019; the essay's Fig. 1) in the "
        "plane of the two cities' net gains from a joint project (gains minus transaction "
        "costs). Sharing (green ray): equal gains, an assurance game unlocked by a central "
        "guarantee to a lone cooperator that is never paid on the path (K-a). Profit-and-loss "
        "(orange): one city loses but the joint gain is positive, i.e. above the Coasean line "
        "g_A + g_B = c_A + c_B; a lateral transfer in the Coasean range unlocks it (K-b). "
        "Comparative benefit (blue): both gain, unequally; under relative evaluation with "
        "weight lambda the smaller gainer refuses below the line g_B = lambda g_A (hatched, "
        "lambda = 1/2; at lambda = 1 the line is the sharing ray), unlocked by an equalising "
        "transfer or a weight mu* on joint performance (K-d). Types from "
        "gametheory.bargaining.cooperation_type, interventions from the models."
    ),
)
def cooperation_types() -> FigureResult:
    rows = _oracles()
    fills = {
        "no_gain": ("0.85", "no joint gain (below the Coasean line)"),
        "profit_and_loss": (OKABE_ITO["orange"], "profit-and-loss"),
        "comparative_benefit": (OKABE_ITO["sky blue"], "comparative benefit"),
    }
    fig = Figure(figsize=(8.4, 3.9), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    labelled: set[str] = set()
    for kind, vertices, probe in _regions():
        found = classify(probe)
        if found.kind.value != kind:  # pragma: no cover - the polygons would be wrong
            raise RuntimeError(f"probe {probe} classified {found.kind.value}, drawn as {kind}")
        colour, label = fills[kind]
        ax.add_patch(
            Polygon(
                vertices,
                closed=True,
                facecolor=colour,
                alpha=0.35,
                lw=0,
                label=None if kind in labelled else label,
                zorder=0,
            )
        )
        labelled.add(kind)
        rows.append(
            {
                "element": "region",
                "name": kind,
                "net_gain_A": probe[0],
                "net_gain_B": probe[1],
                "type": found.kind.value,
                "remedy": found.remedy.value,
                "level": None,
                "lower": None,
                "upper": None,
                "label": ";".join(f"({x:g},{y:g})" for x, y in vertices),
            }
        )
    x1, (y0, y1) = _X[1], _Y
    top = min(x1, y1)
    # relative evaluation: B refuses where 0 < g_B < lam g_A, A where 0 < g_A < lam g_B
    lam = float(LAMBDA)
    for vertices, label in (
        ([(0, 0), (x1, 0), (x1, lam * x1)], f"blocked by relative evaluation, λ = {LAMBDA}"),
        ([(0, 0), (0, y1), (lam * y1, y1)], None),
    ):
        ax.add_patch(
            Polygon(
                vertices,
                closed=True,
                facecolor="none",
                edgecolor=OKABE_ITO["blue"],
                hatch="////",
                lw=0,
                alpha=0.6,
                label=label,
                zorder=1,
            )
        )
    sharing_check = classify((3, 3))
    ax.plot(
        [0, top],
        [0, top],
        color=OKABE_ITO["bluish green"],
        lw=2.4,
        label="sharing: equal gains",
        zorder=2,
    )
    ax.plot(
        [-y1, -y0],
        [y1, y0],
        color="black",
        lw=1.0,
        ls="--",
        label=r"Coasean line $g_A + g_B = c_A + c_B$",
        zorder=2,
    )
    ax.plot(
        [0, x1],
        [0, lam * x1],
        color=OKABE_ITO["blue"],
        lw=1.0,
        ls="-.",
        label=rf"$g_B = \lambda g_A$ and $g_A = \lambda g_B$, $\lambda$ = {LAMBDA}",
        zorder=2,
    )
    ax.plot([0, lam * y1], [0, y1], color=OKABE_ITO["blue"], lw=1.0, ls="-.", zorder=2)
    rows.append(
        {
            "element": "line",
            "name": "sharing_ray",
            "net_gain_A": 3.0,
            "net_gain_B": 3.0,
            "type": sharing_check.kind.value,
            "remedy": sharing_check.remedy.value,
            "level": None,
            "lower": None,
            "upper": None,
            "label": "g_A = g_B > 0",
        }
    )
    rows.append(
        {
            "element": "line",
            "name": "relative_evaluation",
            "net_gain_A": 1.0,
            "net_gain_B": lam,
            "type": "comparative_benefit",
            "remedy": "evaluation_reform",
            "level": format_number(LAMBDA),
            "lower": None,
            "upper": None,
            "label": "g_B = lambda g_A",
        }
    )
    ax.axhline(0, color="0.4", lw=0.5, zorder=1)
    ax.axvline(0, color="0.4", lw=0.5, zorder=1)
    colours = {
        "sharing": OKABE_ITO["bluish green"],
        "profit_and_loss": OKABE_ITO["vermillion"],
        "comparative_benefit": OKABE_ITO["blue"],
    }
    for row in rows:
        if row["element"] != "oracle":
            continue
        xy = (row["net_gain_A"], row["net_gain_B"])
        ax.plot(*xy, "o", color=colours[row["type"]], mec="black", mew=0.6, ms=6, zorder=4)
        ax.annotate(
            row["label"],
            xy,
            xytext=_LABELS[row["name"]],
            textcoords="data",
            fontsize=7,
            va="center",
            bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "0.6", "lw": 0.5},
            arrowprops={"arrowstyle": "-", "lw": 0.6, "color": "black"},
            zorder=5,
        )
    ax.set_xlim(*_X)
    ax.set_ylim(*_Y)
    ax.set_xlabel(r"city A's net gain $g_A - c_A$ (10$^8$ yuan)")
    ax.set_ylabel(r"city B's net gain $g_B - c_B$ (10$^8$ yuan)")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=7, frameon=False)
    data = pd.DataFrame(rows)
    return FigureResult(fig, data)
