"""Figures of issue 4: interventions and the sharing of cooperative surplus.

* ``intervention_levels`` -- the minimal central subsidy, central fine and liability rule that
  make mutual cooperation an equilibrium of the prisoner's dilemma as the temptation grows, and
  what each costs on the equilibrium path (:func:`gametheory.interventions.minimal_intervention`);
* ``common_fund_split`` -- Shapley value, nucleolus and the cost of stability of two
  three-city common-fund games (MODELS.md §6.6, oracles C-a and C-b), with
  :class:`gametheory.cooperative.CooperativeGame`;
* ``coasean_range`` -- the Coasean interval of lateral transfers for a profit-and-loss project
  (MODELS.md §4.2, oracle K-b) as the loser's loss grows, with the Nash-bargaining transfer;
  computed with :func:`gametheory.bargaining.coasean_transfer_range`.
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..bargaining import coasean_transfer_range
from ..cooperative import CooperativeGame
from ..game import Game
from ..interventions import Liability, Penalty, Subsidy, minimal_intervention
from ..plot import OKABE_ITO
from . import FigureResult, register

#: K-b (MODELS.md §4.4): the winner's gain and both transaction costs.
GAIN_A, COST_A, COST_B = 10, 1, 1


@register(
    "coasean_range",
    caption=(
        "Profit-and-loss cooperation (MODELS.md §4.2): city A gains g_A = 10 from a joint "
        "project, city B loses |g_B|, each pays a transaction cost of 1. Shaded: the lateral "
        "transfers t from A to B that leave both better off than without the project, "
        "|g_B| + c_B <= t <= g_A - c_A; line: the Nash-bargaining transfer "
        "(g_A - g_B - c_A + c_B)/2, which splits the surplus equally. The range closes when "
        "the project stops being efficient (|g_B| = 8). Marker: oracle K-b, |g_B| = 4, "
        "t in [5, 9], t_NB = 7."
    ),
)
def coasean_range() -> FigureResult:
    rows = []
    for k in range(0, 41):
        loss = Fraction(k, 4)
        r = coasean_transfer_range(GAIN_A, -loss, COST_A, COST_B)
        nbs = None if r.empty else r.nash_bargaining().transfer
        rows.append(
            {
                "loss_B": float(loss),
                "lower": float(r.lower),
                "upper": float(r.upper),
                "nash_bargaining": None if nbs is None else float(nbs),
                "surplus": float(r.surplus),
                "feasible": not r.empty,
            }
        )
    data = pd.DataFrame(rows)
    fig = Figure(figsize=(5.0, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    ok = data[data["feasible"]]
    ax.fill_between(
        ok["loss_B"],
        ok["lower"],
        ok["upper"],
        color=OKABE_ITO[2],
        alpha=0.35,
        lw=0,
        label="transfers both accept",
    )
    ax.plot(ok["loss_B"], ok["lower"], color=OKABE_ITO[2], lw=1)
    ax.plot(ok["loss_B"], ok["upper"], color=OKABE_ITO[2], lw=1)
    ax.plot(ok["loss_B"], ok["nash_bargaining"], color=OKABE_ITO[5], lw=2, label="Nash bargaining")
    ax.axvline(8, color="0.4", lw=0.8, ls="--")
    ax.annotate(
        "project not\nefficient:\nno transfer\nworks",
        xy=(8.2, 1.0),
        fontsize=8,
        color="0.3",
        va="bottom",
    )
    ax.plot([4], [7], "o", color="black", ms=4)
    ax.annotate(
        "K-b: t in [5, 9], $t_{NB}$ = 7",
        xy=(4, 7),
        xytext=(4.6, 4.6),
        fontsize=8,
        arrowprops={"arrowstyle": "-", "color": "0.3", "lw": 0.6},
    )
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 12)
    ax.set_xlabel("loss of city B, $|g_B|$")
    ax.set_ylabel("transfer t from A to B")
    ax.set_title("Profit-and-loss cooperation: the Coasean range")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return FigureResult(fig, data)


@register(
    "intervention_levels",
    caption=(
        "Making cooperation pay in the prisoner's dilemma (R, P, S = 3, 1, 0) as the temptation "
        "T grows (minimal levels for (C, C) to be a Nash equilibrium, computed exactly). "
        "(a) Minimal level: a central subsidy paid to each city at (C, C), a central fine on a "
        "unilateral defection detected with probability 1/2, and the liability rule (a "
        "unilateral defector compensates the other city). A budget-balanced transfer paid at "
        "(C, C) alone never works: it helps one city's incentive and hurts the other's. "
        "(b) Cost on the equilibrium path: only the subsidy is paid; fines and compensation "
        "are threats. Only the liability rule also makes (C, C) the unique equilibrium "
        "(for any level above T - R)."
    ),
)
def intervention_levels() -> FigureResult:
    instruments = {
        "central subsidy at (C, C)": Subsidy(),
        "central fine, detection 1/2": Penalty(detection=Fraction(1, 2)),
        "liability rule": Liability(),
    }
    rows = []
    for k in range(13, 33):
        T = Fraction(k, 4)
        game = Game([[3, 0], [T, 1]], [[3, T], [0, 1]], actions=[["C", "D"]] * 2)
        transfer = minimal_intervention(game, ("C", "C"), "transfer")
        for name, instrument in instruments.items():
            nash = minimal_intervention(game, ("C", "C"), instrument)
            unique = minimal_intervention(game, ("C", "C"), instrument, concept="unique")
            rows.append(
                {
                    "T": float(T),
                    "instrument": name,
                    "level": float(nash.level),
                    "cost_on_path": float(nash.cost),
                    "unique_feasible": unique.feasible,
                    "transfer_feasible": transfer.feasible,
                }
            )
    data = pd.DataFrame(rows)
    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax_a, ax_b = fig.subplots(1, 2)
    styles = {
        "central subsidy at (C, C)": (OKABE_ITO[1], "-"),
        "central fine, detection 1/2": (OKABE_ITO[5], "--"),
        "liability rule": (OKABE_ITO[4], ":"),
    }
    for name, (colour, ls) in styles.items():
        part = data[data["instrument"] == name]
        label = f"{name} (= subsidy)" if name == "liability rule" else name
        ax_a.plot(part["T"], part["level"], color=colour, ls=ls, lw=2.4, label=label)
        ax_b.plot(part["T"], part["cost_on_path"], color=colour, ls=ls, lw=2, label=name)
    ax_a.set_xlabel("temptation T")
    ax_a.set_ylabel("minimal level")
    ax_a.set_title("(a) minimal level for (C, C) to be an equilibrium", fontsize=10)
    ax_a.text(
        3.15,
        9.4,
        "budget-balanced transfer at (C, C): infeasible",
        fontsize=8,
        color="0.3",
    )
    ax_a.set_xlim(3, 8)
    ax_a.set_ylim(0, 10)
    ax_a.legend(loc="upper left", bbox_to_anchor=(0, 0.92), fontsize=8, frameon=False)
    ax_b.set_xlabel("temptation T")
    ax_b.set_ylabel("central cost on the equilibrium path")
    ax_b.set_title("(b) what it costs when cooperation holds", fontsize=10)
    ax_b.set_xlim(3, 8)
    ax_b.set_ylim(-0.3, 10)
    ax_b.legend(loc="upper left", fontsize=8, frameon=False)
    return FigureResult(fig, data)


#: MODELS.md §6.6: C-a, three symmetric cities whose pairs gain 8 but whose grand coalition
#: gains only 9 (empty core); C-b, a core city 1 with two peripheries.
COMMON_FUNDS = {
    "C-a: symmetric cities, v(pair) = 8, v(N) = 9": {
        (0,): 0,
        (1,): 0,
        (2,): 0,
        (0, 1): 8,
        (0, 2): 8,
        (1, 2): 8,
        (0, 1, 2): 9,
    },
    "C-b: core city 1 and two peripheries, v(N) = 10": {
        (0,): 2,
        (1,): 0,
        (2,): 0,
        (0, 1): 6,
        (0, 2): 6,
        (1, 2): 1,
        (0, 1, 2): 10,
    },
}


@register(
    "common_fund_split",
    caption=(
        "Sharing a three-city common fund (MODELS.md §6.6; TU games). Bars: each city's share "
        "under the Shapley value, the nucleolus and, when the core is empty, the cheapest "
        "stable allocation after an external (central) top-up equal to the cost of stability "
        "(Bachrach et al. 2009). C-a: the core is empty, the centre must add 3 to the fund of "
        "9 to stop any pair from leaving; Shapley value and nucleolus coincide at (3, 3, 3). "
        "C-b: the core is non-empty (no top-up needed); the Shapley value (17/3, 13/6, 13/6) "
        "gives the core city less than the nucleolus (6, 2, 2)."
    ),
)
def common_fund_split() -> FigureResult:
    rows = []
    for label, values in COMMON_FUNDS.items():
        game = CooperativeGame(values, players=["City 1", "City 2", "City 3"])
        cos = game.cost_of_stability()
        shares = {"Shapley value": game.shapley_value(), "nucleolus": game.nucleolus()}
        if cos > 0:
            shares[f"stable after top-up {cos}"] = game.stable_allocation()
        for rule, allocation in shares.items():
            for city, share in zip(game.players, allocation, strict=True):
                rows.append(
                    {
                        "game": label,
                        "rule": rule,
                        "city": city,
                        "share": float(share),
                        "exact": str(share),
                        "cost_of_stability": float(cos),
                        "core_empty": game.core_is_empty(),
                    }
                )
    data = pd.DataFrame(rows)
    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, 2, sharey=True)
    for ax, (label, part) in zip(axes, data.groupby("game", sort=False), strict=True):
        rules = list(dict.fromkeys(part["rule"]))
        cities = list(dict.fromkeys(part["city"]))
        width = 0.8 / len(rules)
        for k, rule in enumerate(rules):
            shares = part[part["rule"] == rule].set_index("city").loc[cities]
            xs = [c + (k - (len(rules) - 1) / 2) * width for c in range(len(cities))]
            bars = ax.bar(xs, shares["share"], width, color=OKABE_ITO[[1, 5, 2][k]], label=rule)
            ax.bar_label(bars, labels=list(shares["exact"]), fontsize=7, padding=1)
        ax.set_xticks(range(len(cities)), cities)
        ax.set_title(label, fontsize=9)
        ax.legend(loc="upper right", fontsize=7, frameon=False)
    axes[0].set_ylabel("share of the fund")
    axes[0].set_ylim(0, 8)
    return FigureResult(fig, data)
