"""Figures of the Xin'an River (新安江) eco-compensation case (MODELS.md §5).

* ``xinan_thresholds`` -- the largest annual protection cost ``c_U`` of Anhui that each mechanism
  sustains with round 1's documented amounts (central ``G = 3``, swap ``X = 1``, in 100 million
  yuan a year): the static swap ``2X``, the central money made conditional ``G + 2X``
  (counterfactual), renewal ``2X + δ(G − X)`` at ``δ = 9/10`` and as ``δ -> 1`` (assumption: a
  failure ends the programme), and participation ``IR_U: G + X``; against Huangshan's clean-up
  investment spread over 2012-2018 (the spreading is an assumption). Panel (b) draws the renewal
  bound as a function of ``δ``.
* ``xinan_rounds`` -- (a) the annual money of the three rounds (central, Zhejiang, Anhui and the
  conditional swap ``X``) from :data:`gametheory.models.xinan.ROUNDS`, documented amounts solid
  and unverified ones hatched; (b) the largest ``c_U`` each round's amounts sustain (static
  incentive, participation, renewal at ``δ = 9/10``) from :meth:`XinanCompensation.round`.

Every number comes from :class:`gametheory.models.xinan.XinanCompensation` in exact arithmetic
(:meth:`~gametheory.models.xinan.XinanCompensation.compliance_explanations`,
:meth:`~gametheory.models.xinan.XinanCompensation.renewal_threshold`, ...); the figures only
draw them. Amounts are in units of 亿 yuan (10^8 CNY); the figure text says "100 m yuan"
because the default font has no CJK glyphs.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..game import format_number
from ..models.xinan import (
    ROUNDS,
    XinanCompensation,
    huangshan_annual_cost,
)
from ..plot import OKABE_ITO
from . import FigureResult, register

__all__ = ["xinan_rounds", "xinan_thresholds"]

#: Years over which Huangshan's investment is spread [ASSUMPTION, 2012-2018].
HUANGSHAN_YEARS = 7
#: Discount factor of the renewal version [ASSUMPTION, MODELS.md §5.4].
DELTA = Fraction(9, 10)
#: Grid of discount factors for the renewal curve (exact, in (0, 1)).
DELTA_GRID = tuple(Fraction(k, 100) for k in range(1, 100))

UNIT = "100 m yuan per year"

#: Fill colours and hatches by provenance status.
_STATUS_STYLE: dict[str, dict[str, Any]] = {
    "DOCUMENTED": {"hatch": None, "alpha": 0.9},
    "COUNTERFACTUAL": {"hatch": "////", "alpha": 0.35},
    "ASSUMPTION": {"hatch": "xxxx", "alpha": 0.35},
    "UNVERIFIED": {"hatch": "////", "alpha": 0.35},
}

_C_STATIC = OKABE_ITO[4]  # blue
_C_COND = OKABE_ITO[0]  # orange
_C_RENEW = OKABE_ITO[2]  # bluish green
_C_IR = OKABE_ITO[6]  # reddish purple
_C_HUANG = OKABE_ITO[5]  # vermillion


def _exact(x: Any) -> str:
    return format_number(Fraction(x))


def _bar(ax: Any, x: float, value: float, colour: str, status: str, width: float = 0.62) -> None:
    style = _STATUS_STYLE[status]
    ax.bar(
        x,
        value,
        width=width,
        color=colour,
        alpha=style["alpha"],
        edgecolor=colour,
        linewidth=0.8,
        hatch=style["hatch"],
        zorder=2,
    )
    if style["hatch"] is not None:
        # a crisp outline on top of the translucent hatched fill
        ax.bar(x, value, width=width, fill=False, edgecolor=colour, linewidth=1.0, zorder=3)


@register(
    "xinan_thresholds",
    caption=(
        "Xin'an River eco-compensation, round 1 (MODELS.md §5; documented amounts: central "
        "G = 3, conditional swap X = 1, in 100 million yuan a year, the central money paid "
        "in either case). (a) The largest annual protection cost c_U of Anhui that each "
        "mechanism sustains: the static swap 2X = 2 (documented), the central money made "
        "conditional on compliance G + 2X = 5 (counterfactual; participation caps it at 4), "
        "renewal 2X + δ(G - X) = 19/5 at δ = 9/10 and G + X = 4 as δ -> 1 (assumption: a "
        "measured failure ends the programme), and participation IR_U: G + X = 4. Hatched: "
        "counterfactual or assumption. Dashed: Huangshan's clean-up investment (120.6, "
        "documented) spread over 2012-2018 (assumption), 603/35 ≈ 17.2 a year, far above "
        "every bound: the ±1 swap alone cannot explain compliance. (b) The renewal bound as "
        "a function of the discount factor δ; shaded: costs sustained by renewal (incentive "
        "and participation)."
    ),
)
def xinan_thresholds() -> FigureResult:
    """Two panels: the bounds on ``c_U`` by mechanism (a) and the renewal bound in ``δ`` (b).

    Data: one row per drawn number: ``panel`` (a/b), ``item``, ``status`` (DOCUMENTED,
    COUNTERFACTUAL, ASSUMPTION), ``delta`` (panel b and the renewal bars), ``value`` (float)
    and ``exact`` (the exact fraction as a string).
    """
    model = XinanCompensation.round(1, delta=DELTA)
    cost = huangshan_annual_cost(years=HUANGSHAN_YEARS)
    table = model.compliance_explanations(cost)
    money = table.iloc[:4]
    ir_u = model.participation_threshold()

    bars = [
        ("static swap", "2X", money.iloc[0], _C_STATIC, None),
        ("G conditional", "G + 2X", money.iloc[1], _C_COND, None),
        ("renewal, δ = 9/10", "2X + δ(G - X)", money.iloc[2], _C_RENEW, DELTA),
        ("renewal, δ -> 1", "G + X", money.iloc[3], _C_RENEW, Fraction(1)),
    ]
    rows: list[dict[str, Any]] = []
    for label, formula, row, _, delta in bars:
        rows.append(
            {
                "panel": "a",
                "item": f"{label}: incentive bound {formula}",
                "mechanism": row["mechanism"],
                "status": row["status"],
                "delta": float(delta) if delta is not None else np.nan,
                "value": float(row["incentive_bound"]),
                "exact": _exact(row["incentive_bound"]),
            }
        )
        rows.append(
            {
                "panel": "a",
                "item": f"{label}: sustains up to (min with IR_U)",
                "mechanism": row["mechanism"],
                "status": row["status"],
                "delta": float(delta) if delta is not None else np.nan,
                "value": float(row["sustains_up_to"]),
                "exact": _exact(row["sustains_up_to"]),
            }
        )
    rows.append(
        {
            "panel": "a",
            "item": "participation IR_U: G + X",
            "mechanism": "participation",
            "status": "DOCUMENTED",
            "delta": np.nan,
            "value": float(ir_u),
            "exact": _exact(ir_u),
        }
    )
    rows.append(
        {
            "panel": "a",
            "item": "Huangshan investment per year (120.6 over 7 years)",
            "mechanism": "observed cost to explain",
            "status": "ASSUMPTION",
            "delta": np.nan,
            "value": float(cost),
            "exact": _exact(cost),
        }
    )
    gap = table.iloc[4]["needed"]
    rows.append(
        {
            "panel": "a",
            "item": "gap: own benefit needed with the static swap",
            "mechanism": table.iloc[4]["mechanism"],
            "status": "ASSUMPTION",
            "delta": np.nan,
            "value": float(gap),
            "exact": _exact(gap),
        }
    )
    residual = table.iloc[5]["needed"]
    rows.append(
        {
            "panel": "a",
            "item": "gap: political value needed beyond renewal at δ = 9/10",
            "mechanism": table.iloc[5]["mechanism"],
            "status": "ASSUMPTION",
            "delta": float(DELTA),
            "value": float(residual),
            "exact": _exact(residual),
        }
    )
    static = model.incentive_threshold()
    conditional = model.incentive_threshold(G_conditional=True)
    curve = [(Fraction(0), static)] + [(d, model.renewal_threshold(d)) for d in DELTA_GRID]
    curve.append((Fraction(1), model.renewal_limit()))
    for d, v in curve:
        rows.append(
            {
                "panel": "b",
                "item": "renewal incentive bound 2X + δ(G - X)",
                "mechanism": "renewal",
                "status": "ASSUMPTION",
                "delta": float(d),
                "value": float(v),
                "exact": _exact(v),
            }
        )
    data = pd.DataFrame(rows)

    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax_a, ax_b = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.15, 1]})

    # ------------------------------------------------------------------ (a) bounds by mechanism
    xs = np.arange(len(bars) + 1, dtype=float)
    for x, (_, _, row, colour, _) in zip(xs, bars, strict=False):
        value = float(row["incentive_bound"])
        _bar(ax_a, x, value, colour, row["status"])
        text = _exact(row["incentive_bound"])
        ax_a.text(x, value + 0.25, text, ha="center", va="bottom", fontsize=7.5)
        if row["sustains_up_to"] != row["incentive_bound"]:
            cap = float(row["sustains_up_to"])
            ax_a.plot([x - 0.31, x + 0.31], [cap, cap], color="black", lw=1.6, zorder=4)
    _bar(ax_a, xs[-1], float(ir_u), _C_IR, "DOCUMENTED")
    ax_a.text(xs[-1], float(ir_u) + 0.25, _exact(ir_u), ha="center", va="bottom", fontsize=7.5)
    ax_a.set_xticks(
        xs,
        [
            "static\nswap\n2X",
            "G condi-\ntional\nG + 2X",
            "renewal\nδ = 9/10",
            "renewal\nδ → 1\nG + X",
            "partici-\npation\nG + X",
        ],
    )
    ax_a.axhline(float(cost), color=_C_HUANG, ls="--", lw=1.3, zorder=1)
    ax_a.text(
        xs[-1] + 0.4,
        float(cost) + 0.3,
        f"Huangshan clean-up: 120.6 over 7 years = {_exact(cost)} ≈ {float(cost):.1f}",
        ha="right",
        va="bottom",
        fontsize=7.5,
        color=_C_HUANG,
    )
    # the gap between the static incentive and the observed cost
    ax_a.annotate(
        "",
        xy=(xs[0], float(cost)),
        xytext=(xs[0], float(static) + 1.2),
        arrowprops={"arrowstyle": "<->", "color": "0.25", "lw": 0.8},
    )
    ax_a.text(
        xs[0] + 0.12,
        (float(cost) + float(static)) / 2 + 0.6,
        f"gap {_exact(gap)}\n≈ {float(gap):.1f}",
        ha="left",
        va="center",
        fontsize=7.5,
        color="0.15",
    )
    ax_a.set_ylim(0, 19.5)
    ax_a.set_xlim(-0.55, xs[-1] + 0.55)
    ax_a.set_ylabel(f"largest sustained cost c_U ({UNIT})")
    ax_a.set_title("(a) round 1: what each mechanism sustains")
    ax_a.grid(True, axis="y", linewidth=0.3, color="#cccccc")
    ax_a.set_axisbelow(True)
    handles = [
        Patch(facecolor="0.55", edgecolor="0.35", label="documented rule and amounts"),
        Patch(
            facecolor="0.85", edgecolor="0.35", hatch="////", label="counterfactual (G conditional)"
        ),
        Patch(facecolor="0.85", edgecolor="0.35", hatch="xxxx", label="assumption (renewal)"),
        ax_a.plot([], [], color="black", lw=1.6, label="capped by participation")[0],
        ax_a.plot([], [], color=_C_HUANG, ls="--", lw=1.3, label="observed cost (assumption)")[0],
    ]
    ax_a.legend(
        handles=handles, loc="upper right", bbox_to_anchor=(1.0, 0.86), fontsize=7, frameon=False
    )

    # ------------------------------------------------------------------ (b) renewal in δ
    b = data[data["panel"] == "b"]
    d = b["delta"].to_numpy()
    v = b["value"].to_numpy()
    sustained = np.minimum(v, float(ir_u))
    ax_b.fill_between(
        d, 0, sustained, color=_C_RENEW, alpha=0.15, lw=0, label="sustained by renewal (and IR_U)"
    )
    ax_b.plot(d, v, color=_C_RENEW, lw=1.8, ls="--", label="renewal: 2X + δ(G - X) (assumption)")
    ax_b.axhline(float(static), color=_C_STATIC, lw=1.3, label="static swap: 2X (documented)")
    ax_b.axhline(float(ir_u), color=_C_IR, lw=1.3, label="participation: G + X (documented)")
    ax_b.axhline(
        float(conditional), color=_C_COND, lw=1.3, ls=":", label="G conditional: G + 2X (counterf.)"
    )
    at = model.renewal_threshold(DELTA)
    ax_b.plot([float(DELTA)], [float(at)], "o", color="black", ms=4, zorder=5)
    ax_b.annotate(
        f"δ = 9/10: {_exact(at)}",
        xy=(float(DELTA), float(at)),
        xytext=(0.56, 2.75),
        fontsize=7.5,
        arrowprops={"arrowstyle": "-", "color": "0.3", "lw": 0.6},
    )
    ax_b.text(
        0.02,
        6.35,
        f"Huangshan {float(cost):.1f} per year: off the scale",
        ha="left",
        va="top",
        fontsize=7.5,
        color=_C_HUANG,
    )
    ax_b.set_xlim(0, 1)
    ax_b.set_ylim(0, 6.5)
    ax_b.set_xlabel("discount factor δ (renewal version)")
    ax_b.set_ylabel(f"largest sustained cost c_U ({UNIT})")
    ax_b.set_title("(b) renewal: failure ends the programme")
    ax_b.legend(loc="lower right", fontsize=7, frameon=False)
    ax_b.grid(True, linewidth=0.3, color="#cccccc")
    ax_b.set_axisbelow(True)
    return FigureResult(fig, data)


# ---------------------------------------------------------------------------------------------
# the rounds
# ---------------------------------------------------------------------------------------------


def _round_years(number: int) -> list[int]:
    first, last = ROUNDS[number].years
    assert last is not None
    return list(range(first, last + 1))


@register(
    "xinan_rounds",
    caption=(
        "The three rounds of the Xin'an River agreement (MODELS.md §5.1; 100 million yuan a "
        "year). (a) Annual money: central government (round 1: 3 a year; round 2: 4, 3, 2; "
        "round 3: none), Zhejiang and Anhui (1 each, then 2 each) and the conditional swap X "
        "(diamonds: ±1 documented in round 1; X = 2 in rounds 2-3 extends round 1's rule and "
        "is unverified, hatched/open). (b) The largest annual protection cost c_U each "
        "round's mean amounts sustain: static swap 2X, participation G + X and renewal at "
        "δ = 9/10 (assumption), capped by participation. Round 3 without the centre: "
        "participation binds at G + X = 2."
    ),
)
def xinan_rounds() -> FigureResult:
    """(a) The money by year and source, (b) the thresholds by round.

    Data: panel a, one row per (year, source) with ``round``, ``year``, ``source`` (central,
    Zhejiang, Anhui, swap X), ``value``, ``exact`` and ``status`` (DOCUMENTED/UNVERIFIED); panel
    b, one row per (round, bound) with the exact threshold.
    """
    rows: list[dict[str, Any]] = []
    for number in (1, 2, 3):
        entry = ROUNDS[number]
        x_status = "UNVERIFIED" if "X" in entry.unverified else "DOCUMENTED"
        for year in _round_years(number):
            amounts = (
                ("central", entry.central_in(year), "DOCUMENTED"),
                ("Zhejiang", entry.zhejiang, "DOCUMENTED"),
                ("Anhui", entry.anhui, "DOCUMENTED"),
                ("swap X", entry.swap, x_status),
            )
            for source, value, status in amounts:
                rows.append(
                    {
                        "panel": "a",
                        "round": number,
                        "year": year,
                        "source": source,
                        "status": status,
                        "value": float(value),
                        "exact": _exact(value),
                    }
                )
    bounds = {}
    for number in (1, 2, 3):
        model = XinanCompensation.round(number, delta=DELTA)
        th = model.thresholds()
        renewal = min(th["renewal"], th["IR_U"])
        status = "DOCUMENTED" if ROUNDS[number].documented else "UNVERIFIED"
        bounds[number] = {
            "static swap 2X": (th["IC_U static"], status),
            "participation G + X": (th["IR_U"], status),
            "renewal δ = 9/10 (capped by participation)": (renewal, "ASSUMPTION"),
        }
        for name, (value, st) in bounds[number].items():
            rows.append(
                {
                    "panel": "b",
                    "round": number,
                    "year": np.nan,
                    "source": name,
                    "status": st,
                    "value": float(value),
                    "exact": _exact(value),
                    "G": _exact(model.G),
                    "X": _exact(model.X),
                }
            )
    data = pd.DataFrame(rows)

    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax_a, ax_b = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.35, 1]})

    # ------------------------------------------------------------------ (a) money by year
    a = data[data["panel"] == "a"]
    colours = {"central": OKABE_ITO[4], "Zhejiang": OKABE_ITO[0], "Anhui": OKABE_ITO[2]}
    years = sorted(a["year"].unique())
    for year in years:
        bottom = 0.0
        for source in ("central", "Zhejiang", "Anhui"):
            cell = a[(a["year"] == year) & (a["source"] == source)].iloc[0]
            if cell["value"] > 0:
                ax_a.bar(
                    year,
                    cell["value"],
                    bottom=bottom,
                    width=0.7,
                    color=colours[source],
                    edgecolor="white",
                    linewidth=0.5,
                    zorder=2,
                )
            bottom += cell["value"]
        swap = a[(a["year"] == year) & (a["source"] == "swap X")].iloc[0]
        documented = swap["status"] == "DOCUMENTED"
        ax_a.plot(
            [year],
            [swap["value"]],
            marker="D",
            ms=5,
            color="black",
            markerfacecolor="black" if documented else "white",
            zorder=4,
        )
    for number in (1, 2, 3):
        ys = _round_years(number)
        mid = (ys[0] + ys[-1]) / 2
        label = f"round {number}\n{ys[0]}-{ys[-1]}"
        if number == 3:
            label += "*"
        ax_a.text(mid, 9.1, label, ha="center", va="top", fontsize=7.5)
        if number > 1:
            ax_a.axvline(ys[0] - 0.5, color="0.6", lw=0.6, ls=":")
    handles = [
        Patch(color=colours["central"], label="central (documented)"),
        Patch(color=colours["Zhejiang"], label="Zhejiang (documented)"),
        Patch(color=colours["Anhui"], label="Anhui (documented)"),
        ax_a.plot([], [], "D", color="black", ms=5, ls="", label="swap ±X documented")[0],
        ax_a.plot(
            [],
            [],
            "D",
            color="black",
            markerfacecolor="white",
            ms=5,
            ls="",
            label="swap ±X unverified",
        )[0],
    ]
    ax_a.legend(
        handles=handles, loc="upper right", bbox_to_anchor=(1.0, 0.84), fontsize=6.8, frameon=False
    )
    ax_a.set_xticks(years, [str(int(y)) for y in years])
    ax_a.set_xlabel("year (* a 2024 summary dates round 3 as 2018-2022: end year unverified)")
    ax_a.set_ylim(0, 9.2)
    ax_a.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax_a.set_ylabel(UNIT)
    ax_a.set_title("(a) annual money by source")
    ax_a.grid(True, axis="y", linewidth=0.3, color="#cccccc")
    ax_a.set_axisbelow(True)

    # ------------------------------------------------------------------ (b) bounds by round
    b = data[data["panel"] == "b"]
    names = list(bounds[1])
    bar_colours = (_C_STATIC, _C_IR, _C_RENEW)
    width = 0.26
    for number in (1, 2, 3):
        for k, (name, colour) in enumerate(zip(names, bar_colours, strict=True)):
            cell = b[(b["round"] == number) & (b["source"] == name)].iloc[0]
            x = number + (k - 1) * width
            _bar(ax_b, x, cell["value"], colour, cell["status"], width=width * 0.92)
            ax_b.text(x, cell["value"] + 0.1, cell["exact"], ha="center", va="bottom", fontsize=7)
    ax_b.set_xticks(
        [1, 2, 3],
        [
            f"round {n}\nG = {bounds_g}{' (mean)' if n == 2 else ''}, X = {bounds_x}"
            for n, bounds_g, bounds_x in (
                (n, b[b["round"] == n]["G"].iloc[0], b[b["round"] == n]["X"].iloc[0])
                for n in (1, 2, 3)
            )
        ],
    )
    handles_b = [Patch(facecolor=c, label=n) for n, c in zip(names, bar_colours, strict=True)] + [
        Patch(facecolor="0.85", edgecolor="0.35", hatch="////", label="X unverified"),
        Patch(facecolor="0.85", edgecolor="0.35", hatch="xxxx", label="assumption (renewal)"),
    ]
    ax_b.legend(handles=handles_b, loc="upper right", fontsize=6.8, frameon=False)
    ax_b.set_ylim(0, 8.2)
    ax_b.set_ylabel(f"largest sustained cost c_U ({UNIT})")
    ax_b.set_title("(b) what each round's amounts sustain")
    ax_b.grid(True, axis="y", linewidth=0.3, color="#cccccc")
    ax_b.set_axisbelow(True)
    return FigureResult(fig, data)
