"""Figures of issue 4: interventions and the sharing of cooperative surplus.

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
