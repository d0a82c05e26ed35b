"""Figures on local protectionism and market segmentation (MODELS.md §2).

* ``regional_retaliation`` -- the N-region open/protect game with retaliation (§2.3, oracle S-c):
  the payoff of opening and of protecting against the number of other open regions, the
  tipping point and the two pure equilibria (all-open, all-protect), with the total payoff of
  the regions against the number that protect;
* ``asymmetric_segmentation`` -- the developed/lagging game (§2.2, oracle S-b): the payoffs of
  both regions at (Integrate, Integrate) against a lateral transfer from the developed to the
  lagging region, the self-enforcing range of transfers and the Nash-bargaining transfer.

Every number comes from :class:`~gametheory.models.protectionism.RegionalRetaliation` and
:class:`~gametheory.models.protectionism.AsymmetricSegmentation` (closed forms) and from the
toolkit's solvers (:func:`gametheory.pure_equilibria`, :func:`gametheory.equilibria`, the
bargaining functions), all exact.
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..equilibria import equilibria
from ..game import format_number
from ..models.protectionism import AsymmetricSegmentation, RegionalRetaliation
from ..plot import OKABE_ITO
from . import FigureResult, register

__all__ = ["asymmetric_segmentation", "regional_retaliation"]

_OPEN = OKABE_ITO[4]  # blue
_PROTECT = OKABE_ITO[5]  # vermillion
_GREY = "0.35"


@register(
    "regional_retaliation",
    caption=(
        "Local protectionism with retaliation among N = 5 regions (MODELS.md §2.3, oracle S-c: "
        "m = 1, r - e = -1, kappa = 1/2). (a) A region's payoff from opening, m n_O, and from "
        "protecting, m n_O + r - e + kappa n_P, against the number n_O of other open regions "
        "(n_P = N - 1 - n_O protect). The lines cross at the tipping point n_P* = (e - r)/kappa "
        "= 2: protecting is a best response iff at least two others protect. Circles: the two "
        "pure Nash equilibria of the 5-player game (all-protect, payoff 1 each; all-open, "
        "payoff 4 each), found by enumerating its 32 profiles. (b) Total payoff of the five "
        "regions against the number k that protect: all-open gives 20, all-protect 5."
    ),
)
def regional_retaliation() -> FigureResult:
    """Two panels: best responses with the tipping point, and total payoff by protection count.

    Data: one row per drawn point, ``quantity`` in {"open payoff", "protect payoff",
    "total payoff", "tipping point"}, the horizontal coordinate ``x`` (other open regions, or
    protecting regions for the total), ``value`` (float) and ``exact`` (string), and
    ``equilibrium`` (the point belongs to a pure Nash equilibrium of the game). The
    tipping-point row has ``x = n_O*`` and ``value = n_P*``.
    """
    model = RegionalRetaliation()
    N = model.N
    # solver: pure_equilibria of the 2**N normal form, checked against the closed form
    profiles = {eq.pure_profile for eq in model.equilibria()}
    if profiles != set(model.equilibrium_profiles()):
        raise RuntimeError("closed-form equilibria differ from pure_equilibria(game)")
    equilibrium_counts = {sum(profile) for profile in profiles}
    tipping = model.tipping_point()
    open_tipping = model.open_tipping_point()
    game = model.game()
    rows = []
    for n_open in range(N):
        # a focal region facing n_open open others; the profile has k protecting regions and
        # is an equilibrium iff k is an equilibrium count (all-open: k = 0, all-protect: k = N)
        for protects, quantity in ((False, "open payoff"), (True, "protect payoff")):
            value = model.payoff(protects, n_open)
            k = (N - 1 - n_open) + (1 if protects else 0)
            rows.append(
                {
                    "quantity": quantity,
                    "x": n_open,
                    "value": float(value),
                    "exact": format_number(value),
                    "equilibrium": k in equilibrium_counts,
                }
            )
    for k in range(N + 1):
        value = model.welfare(k)
        profile = tuple([1] * k + [0] * (N - k))
        if sum(game.payoff(profile)) != value:
            raise RuntimeError("closed-form welfare differs from the game's payoffs")
        rows.append(
            {
                "quantity": "total payoff",
                "x": k,
                "value": float(value),
                "exact": format_number(value),
                "equilibrium": k in equilibrium_counts,
            }
        )
    rows.append(
        {
            "quantity": "tipping point",
            "x": float(open_tipping),
            "value": float(tipping),
            "exact": format_number(tipping),
            "equilibrium": False,
        }
    )
    data = pd.DataFrame(rows)

    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax_a, ax_b = fig.subplots(1, 2, width_ratios=(1.25, 1))

    opened = data[data["quantity"] == "open payoff"]
    protected = data[data["quantity"] == "protect payoff"]
    x_tip = float(open_tipping)
    ax_a.axvspan(-0.3, x_tip, color=_PROTECT, alpha=0.08, lw=0)
    ax_a.axvspan(x_tip, N - 1 + 0.3, color=_OPEN, alpha=0.08, lw=0)
    ax_a.plot(opened["x"], opened["value"], "-o", color=_OPEN, ms=3.5, label="open")
    ax_a.plot(protected["x"], protected["value"], "--s", color=_PROTECT, ms=3.5, label="protect")
    ax_a.axvline(x_tip, color=_GREY, lw=0.8, ls=":")
    y_tip = float(model.payoff(False, int(open_tipping)))
    ax_a.annotate(
        f"tipping point\n$n_P^*$ = (e - r)/κ = {format_number(tipping)}",
        xy=(x_tip, y_tip),
        xytext=(x_tip + 0.25, 0.55),
        fontsize=7.5,
        color=_GREY,
        arrowprops={"arrowstyle": "-", "color": _GREY, "lw": 0.6},
    )
    all_protect = protected[protected["x"] == 0].iloc[0]
    all_open = opened[opened["x"] == N - 1].iloc[0]
    for point, colour, text, offset in (
        (all_protect, _PROTECT, f"all protect: {all_protect['exact']} each", (0.15, 1.9)),
        (all_open, _OPEN, f"all open: {all_open['exact']} each", (2.05, 4.55)),
    ):
        ax_a.plot(
            [point["x"]],
            [point["value"]],
            "o",
            ms=11,
            mfc="none",
            mec=colour,
            mew=1.4,
        )
        ax_a.annotate(
            text,
            xy=(point["x"], point["value"]),
            xytext=offset,
            fontsize=7.5,
            color=colour,
            arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.6},
        )
    ax_a.text(0.0, 4.95, "protect is the\nbest response", fontsize=7.5, color=_PROTECT, va="top")
    ax_a.text(N - 1.05, 0.25, "open is the\nbest response", fontsize=7.5, color=_OPEN, ha="right")
    ax_a.set_xlim(-0.3, N - 1 + 0.3)
    ax_a.set_ylim(-0.2, 5.2)
    ax_a.set_xticks(range(N))
    ax_a.set_xlabel("number of other open regions $n_O$")
    ax_a.set_ylabel("payoff of a region")
    ax_a.set_title(f"(a) best responses, N = {N} regions")
    top = ax_a.secondary_xaxis("top", functions=(lambda x: N - 1 - x, lambda x: N - 1 - x))
    top.set_xticks(range(N))
    top.set_xlabel("number of other protecting regions $n_P$")
    ax_a.legend(loc="upper left", bbox_to_anchor=(0.0, 0.8), frameon=False, fontsize=7.5)

    totals = data[data["quantity"] == "total payoff"]
    colours = [
        (_OPEN if k == 0 else _PROTECT) if eq else "0.75"
        for k, eq in zip(totals["x"], totals["equilibrium"], strict=True)
    ]
    ax_b.bar(totals["x"], totals["value"], color=colours, width=0.6)
    for k, value, exact in zip(totals["x"], totals["value"], totals["exact"], strict=True):
        ax_b.text(k, value + 0.3, exact, ha="center", va="bottom", fontsize=7.5)
    ax_b.set_xticks(range(N + 1))
    ax_b.set_xlabel("number of protecting regions k")
    ax_b.set_ylabel("total payoff of the regions")
    ax_b.set_ylim(0, float(totals["value"].max()) * 1.15)
    ax_b.set_title("(b) total payoff; coloured: equilibria")
    return FigureResult(fig, data)


@register(
    "asymmetric_segmentation",
    caption=(
        "Asymmetric segmentation (MODELS.md §2.2, oracle S-b): a developed region D prefers "
        "integration, a lagging region U protection (D = [[10, 7], [8, 6]], U = [[3, 5], "
        "[2, 4]]), so the unique equilibrium is (Integrate, Protect) with payoffs (7, 5). Lines: "
        "each region's payoff at (Integrate, Integrate) when D pays U a transfer t whenever U "
        "integrates, against its equilibrium payoff (dotted). Shaded: the transfers that make "
        "(Integrate, Integrate) an equilibrium both prefer, 2 <= t <= 3 (found by the solver "
        "on each transfer game); marker: the Nash-bargaining transfer t_NB = 5/2 with payoffs "
        "(15/2, 11/2)."
    ),
)
def asymmetric_segmentation() -> FigureResult:
    """One panel: both regions' payoffs at (I, I) against the transfer, with the Coasean range.

    Data: one row per transfer ``t`` on a grid of step 1/8 in [0, 5]: payoffs of D and U at
    (I, I) (exact strings and floats), whether (I, I) is a Nash equilibrium of the transfer
    game (:func:`gametheory.equilibria`) and whether both prefer it to the status quo (I, P);
    then rows ``kind`` = "range lower", "range upper" (the solver's bounds
    :meth:`~gametheory.models.protectionism.AsymmetricSegmentation.transfer_range`) and
    "nash bargaining" (transfer and payoffs of the bargaining solution).
    """
    model = AsymmetricSegmentation()
    game = model.game()
    status = game.payoff(("Integrate", "Protect"))
    (eq,) = model.equilibria()
    if eq.pure_profile != (0, 1):
        raise RuntimeError("the unique equilibrium must be (Integrate, Protect)")
    rows = []
    for j in range(41):
        t = Fraction(j, 8)
        transfer_game = model.game_with_transfer(t)
        pay = transfer_game.payoff(("Integrate", "Integrate"))
        is_eq = any(e.pure_profile == (0, 0) for e in equilibria(transfer_game) if e.is_pure)
        rows.append(
            {
                "kind": "transfer",
                "t": float(t),
                "payoff_D": float(pay[0]),
                "payoff_U": float(pay[1]),
                "exact": f"{format_number(pay[0])}, {format_number(pay[1])}",
                "equilibrium": is_eq,
                "both_gain": bool(pay[0] >= status[0] and pay[1] >= status[1]),
            }
        )
    rng = model.transfer_range()
    nbs = model.nash_bargaining()
    if (rng.lower, rng.upper) != model.transfer_bounds:
        raise RuntimeError("solver transfer range differs from the closed form")
    if nbs.transfer != model.nash_bargaining_closed_form:
        raise RuntimeError("solver Nash-bargaining transfer differs from the closed form")
    for kind, t in (("range lower", rng.lower), ("range upper", rng.upper)):
        pay = model.game_with_transfer(t).payoff(("Integrate", "Integrate"))
        rows.append(
            {
                "kind": kind,
                "t": float(t),
                "payoff_D": float(pay[0]),
                "payoff_U": float(pay[1]),
                "exact": f"t = {format_number(t)}; payoffs {format_number(pay[0])}, "
                f"{format_number(pay[1])}",
                "equilibrium": True,
                "both_gain": True,
            }
        )
    rows.append(
        {
            "kind": "nash bargaining",
            "t": float(nbs.transfer),
            "payoff_D": float(nbs.payoffs[0]),
            "payoff_U": float(nbs.payoffs[1]),
            "exact": (
                f"t = {format_number(nbs.transfer)}; payoffs {format_number(nbs.payoffs[0])}, "
                f"{format_number(nbs.payoffs[1])}"
            ),
            "equilibrium": True,
            "both_gain": True,
        }
    )
    data = pd.DataFrame(rows)

    grid = data[data["kind"] == "transfer"]
    works = grid[grid["equilibrium"] & grid["both_gain"]]
    fig = Figure(figsize=(5.0, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    d_colour, u_colour = OKABE_ITO[4], OKABE_ITO[0]
    ax.axvspan(
        float(works["t"].min()),
        float(works["t"].max()),
        color=OKABE_ITO[2],
        alpha=0.2,
        lw=0,
        label=f"self-enforcing deals: {format_number(rng.lower)} <= t <= "
        f"{format_number(rng.upper)}",
    )
    ax.plot(grid["t"], grid["payoff_D"], color=d_colour, lw=1.6, label="D at (I, I): $R_D - t$")
    ax.plot(grid["t"], grid["payoff_U"], color=u_colour, lw=1.6, label="U at (I, I): $R_U + t$")
    ax.axhline(float(status[0]), color=d_colour, lw=0.9, ls=":")
    ax.axhline(float(status[1]), color=u_colour, lw=0.9, ls=":")
    ax.text(0.08, float(status[0]) + 0.1, f"D at (I, P): {status[0]}", fontsize=7.5)
    ax.text(0.08, float(status[1]) + 0.1, f"U at (I, P): {status[1]}", fontsize=7.5)
    nb_row = data[data["kind"] == "nash bargaining"].iloc[0]
    ax.plot(
        [nb_row["t"]] * 2,
        [nb_row["payoff_D"], nb_row["payoff_U"]],
        "o",
        color="black",
        ms=4,
        zorder=5,
    )
    ax.annotate(
        f"Nash bargaining: t = {format_number(nbs.transfer)},\n"
        f"payoffs ({format_number(nbs.payoffs[0])}, {format_number(nbs.payoffs[1])})",
        xy=(nb_row["t"], nb_row["payoff_U"]),
        xytext=(3.3, 3.0),
        fontsize=7.5,
        arrowprops={"arrowstyle": "-", "color": _GREY, "lw": 0.6},
    )
    ax.set_xlim(0, 5)
    ax.set_ylim(2, 11)
    ax.set_xlabel("transfer t from D to U (paid when U integrates)")
    ax.set_ylabel("payoff")
    ax.set_title("Developed D vs lagging U: a lateral transfer buys integration")
    ax.legend(loc="upper left", frameon=False, fontsize=7.5)
    return FigureResult(fig, data)
