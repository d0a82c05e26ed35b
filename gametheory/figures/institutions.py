"""Figures on institutions: the choice of a collaboration mechanism and unfunded mandates.

* ``ica_mechanism_choice`` -- Feiock's matching hypothesis (MODELS.md §3.1, §3.4; oracles I-a
  and I-b): the joint net benefit ``sum_i NB_i(m)`` of each integrating mechanism against the
  common gain ``B``, with the bands of the chosen mechanism from
  :meth:`~gametheory.models.ica.InstitutionalCollectiveAction.choice_by_benefit`;
* ``unfunded_mandate`` -- administrative subcontracting (MODELS.md §9.1, oracle F-a): the
  centre's mandate ``m_C = b - f c`` against the efficient ``m_E = b - c`` as the centrally funded
  share ``f`` grows, the dead-weight loss and the local government's compliance threshold ``f*``
  (:class:`~gametheory.models.fiscal.UnfundedMandate`).

All numbers are exact values of the models (Fractions and sympy Rationals) converted to floats
only for drawing; the data tables keep the exact values as strings.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

import pandas as pd
import sympy
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..game import format_number
from ..models.fiscal import UnfundedMandate
from ..models.ica import ILLUSTRATIVE_MECHANISMS, InstitutionalCollectiveAction
from ..plot import OKABE_ITO
from . import FigureResult, register

__all__ = ["high_defection_risk", "ica_mechanism_choice", "unfunded_mandate"]

#: One colour and line style per mechanism, from least to most authoritative.
_MECHANISM_STYLE = {
    "embedded": (OKABE_ITO[2], "-"),
    "contract": (OKABE_ITO[4], "--"),
    "delegated": (OKABE_ITO[0], "-."),
    "imposed": (OKABE_ITO[5], ":"),
}
_GREY = "0.35"
#: The common gain B is drawn on [0, B_MAX] on a grid of step 1/4 (exact).
B_MAX = 25


def high_defection_risk() -> InstitutionalCollectiveAction:
    """Oracle I-b (MODELS.md §3.4): the I-a mechanisms with a high defection risk.

    The residual defection risk rises to 1/2 under embeddedness and to 2/5 under a contract;
    all costs are those of I-a (:data:`~gametheory.models.ica.ILLUSTRATIVE_MECHANISMS`).
    """
    mechanisms = list(ILLUSTRATIVE_MECHANISMS)
    mechanisms[0] = replace(mechanisms[0], risk_defection=Fraction(1, 2))
    mechanisms[1] = replace(mechanisms[1], risk_defection=Fraction(2, 5))
    return InstitutionalCollectiveAction((10, 10), tuple(mechanisms))


def _exact_text(value: Any) -> str:
    if isinstance(value, sympy.Basic):
        return "oo" if value == sympy.oo else str(value)
    return format_number(value)


def _chosen_name(ica: InstitutionalCollectiveAction, benefit: Any) -> str | None:
    """Name of the mechanism chosen when every member gains ``benefit`` (``None``: none)."""
    value = Fraction(int(sympy.numer(benefit)), int(sympy.denom(benefit)))
    chosen = InstitutionalCollectiveAction((value,) * ica.members, ica.mechanisms)
    choice = chosen.chosen_mechanism()
    return None if choice is None else choice.name


def _choice_rows(variant: str, ica: InstitutionalCollectiveAction) -> list[dict[str, Any]]:
    """Net-benefit lines, chosen-mechanism bands and the oracle points of one variant."""
    n = ica.members
    rows: list[dict[str, Any]] = []
    for j in range(4 * B_MAX + 1):
        B = Fraction(j, 4)
        at_B = InstitutionalCollectiveAction((B,) * n, ica.mechanisms)
        for name, values in at_B.net_benefits().items():
            total = sum(values)
            rows.append(
                {
                    "variant": variant,
                    "kind": "total net benefit",
                    "mechanism": name,
                    "B": float(B),
                    "B_to": float("nan"),
                    "value": float(total),
                    "exact": format_number(total),
                }
            )
    for lo, hi, name in ica.choice_by_benefit():
        # whether an end belongs to the band is decided by the model at the end itself: members
        # join only if NB > 0, and a tie goes to the less authoritative mechanism
        left = "[" if _chosen_name(ica, lo) == name else "("
        right = ")" if hi == sympy.oo or _chosen_name(ica, hi) != name else "]"
        rows.append(
            {
                "variant": variant,
                "kind": "chosen band",
                "mechanism": "none" if name is None else name,
                "B": float(lo),
                "B_to": float(hi),
                "value": float("nan"),
                "exact": f"{left}{_exact_text(lo)}, {_exact_text(hi)}{right}",
            }
        )
    return rows


def _oracle_row(variant: str, ica: InstitutionalCollectiveAction) -> dict[str, Any]:
    chosen = ica.chosen_mechanism()
    if chosen is None:
        raise RuntimeError("the oracle must have a chosen mechanism")
    total = sum(ica.net_benefits()[chosen.name])
    return {
        "variant": variant,
        "kind": "oracle",
        "mechanism": chosen.name,
        "B": float(ica.benefits[0]),
        "B_to": float("nan"),
        "value": float(total),
        "exact": format_number(total),
    }


def _draw_choice(ax: Any, data: pd.DataFrame, title: str, show_labels: bool) -> None:
    lines = data[data["kind"] == "total net benefit"]
    bands = data[data["kind"] == "chosen band"]
    y_lo, y_hi = -13.0, 46.0
    for _, band in bands.iterrows():
        hi = min(band["B_to"], B_MAX)
        if band["mechanism"] == "none":
            ax.axvspan(band["B"], hi, color="0.85", alpha=0.6, lw=0)
            label = "no\nmecha-\nnism"
        else:
            colour = _MECHANISM_STYLE[band["mechanism"]][0]
            ax.axvspan(band["B"], hi, color=colour, alpha=0.15, lw=0)
            label = band["mechanism"]
        ax.text(
            (band["B"] + hi) / 2,
            y_hi - 1.0,
            label,
            ha="center",
            va="top",
            fontsize=7,
            rotation=90 if hi - band["B"] < 4 and band["mechanism"] != "none" else 0,
        )
    for name, (colour, ls) in _MECHANISM_STYLE.items():
        part = lines[lines["mechanism"] == name]
        ax.plot(part["B"], part["value"], color=colour, ls=ls, lw=1.4, label=name)
    ax.axhline(0, color="black", lw=0.6)
    for _, point in data[data["kind"] == "oracle"].iterrows():
        colour = _MECHANISM_STYLE[point["mechanism"]][0]
        ax.plot([point["B"]], [point["value"]], "o", color="black", ms=4, zorder=5)
        # the text box sits below-right of a point in the middle, above-left of one further right
        dx, dy = (1.5, -15.0) if point["B"] < 15 else (-9.0, 8.0)
        decimal = f"{point['value']:.4f}".rstrip("0").rstrip(".")
        ax.annotate(
            f"B = {point['B']:g}: {point['mechanism']},\n"
            f"$\\Sigma_i NB_i$ = {point['exact']}"
            + ("" if decimal == point["exact"] else f" = {decimal}"),
            xy=(point["B"], point["value"]),
            xytext=(point["B"] + dx, point["value"] + dy),
            fontsize=7,
            color="black",
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": colour},
            arrowprops={"arrowstyle": "-", "color": _GREY, "lw": 0.6},
        )
    ax.set_xlim(0, B_MAX)
    ax.set_ylim(y_lo, y_hi)
    ax.set_xlabel("common gain B of each city")
    ax.set_title(title)
    if show_labels:
        ax.set_ylabel("joint net benefit $\\Sigma_i NB_i(m)$")


@register(
    "ica_mechanism_choice",
    caption=(
        "Feiock's matching hypothesis (MODELS.md §3.1, §3.4): two cities each gaining B if "
        "collaboration succeeds; for each integrating mechanism m the joint net benefit "
        "sum_i NB_i(m) = 2[(1 - rho(m)) B - TC(m) - A(m)], a line in B whose slope is the "
        "success probability and whose intercept is the transaction and autonomy costs. "
        "Shaded: the chosen mechanism (the highest line among those both cities join), with "
        "exact boundaries. (a) Oracle I-a: embeddedness, then a contract from B = 8000/1233, "
        "imposed authority from B = 12000/551; at B = 10 the contract is chosen with "
        "sum NB = 2049/200. (b) Oracle I-b, high defection risk (rho_def = 1/2 embedded, 2/5 "
        "contract): the contract is never chosen; delegated authority takes over from "
        "B = 32000/3979 (chosen at B = 10, sum NB = 2859/400) and imposed authority from "
        "B = 8000/741 (chosen at B = 20, sum NB = 26)."
    ),
)
def ica_mechanism_choice() -> FigureResult:
    """Two panels (I-a and I-b): joint net benefit of each mechanism against ``B``.

    Data: rows ``kind = "total net benefit"`` (``B`` on a grid of step 1/4 and the joint net
    benefit ``value`` of ``mechanism``), ``kind = "chosen band"`` (the chosen mechanism between
    ``B`` and ``B_to``; ``exact`` is the exact interval, an end included iff the model chooses
    that mechanism there) and ``kind = "oracle"`` (the chosen mechanism and
    its joint net benefit at the oracle's ``B``), for ``variant`` "I-a" and "I-b".
    """
    base = InstitutionalCollectiveAction()
    risky = high_defection_risk()
    rows = _choice_rows("I-a", base) + _choice_rows("I-b", risky)
    rows.append(_oracle_row("I-a", base))
    rows.append(_oracle_row("I-b", risky))
    rows.append(_oracle_row("I-b", InstitutionalCollectiveAction((20, 20), risky.mechanisms)))
    data = pd.DataFrame(rows)

    fig = Figure(figsize=(8.4, 3.8), layout="constrained")
    FigureCanvasAgg(fig)
    ax_a, ax_b = fig.subplots(1, 2, sharey=True)
    _draw_choice(ax_a, data[data["variant"] == "I-a"], "(a) I-a: illustrative costs", True)
    _draw_choice(
        ax_b,
        data[data["variant"] == "I-b"],
        "(b) I-b: high defection risk under embeddedness and contracts",
        False,
    )
    handles, labels = ax_a.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=4, frameon=False, fontsize=7.5)
    return FigureResult(fig, data)


@register(
    "unfunded_mandate",
    caption=(
        "Unfunded mandates under administrative subcontracting (MODELS.md §9.1, oracle F-a: "
        "b = 10, c = 2) against the centrally funded share f of the mandate's cost. (a) The "
        "centre's mandate m_C = b - f c exceeds the efficient level m_E = b - c = 8 by "
        "(1 - f) c; at f = 1/4, m_C = 19/2. (b) The unfunded cost per unit (1 - f) c, the "
        "dead-weight loss ((1 - f) c)^2 / 2 (9/8 at f = 1/4) and the expected sanction "
        "pi F = 1 per undelivered unit (pi = 1/2, F = 2): the local government delivers the "
        "mandate only when pi F >= (1 - f) c, i.e. f >= f* = 1 - pi F / c = 1/2 (shaded in "
        "both panels: below f* it shirks and the mandate is not delivered)."
    ),
)
def unfunded_mandate() -> FigureResult:
    """Two panels: mandate levels, and the per-unit cost, dead-weight loss and sanction.

    Data: one row per funding share ``f`` on a grid of step 1/40 in [0, 1] with exact strings and
    floats of ``m_C``, ``m_E``, the over-mandating ``(1 - f) c``, the dead-weight loss, the
    expected sanction and whether the local government complies; one row ``point = "F-a"`` at
    the model's default ``f`` (with the unfunded burden) and one row ``point = "f*"`` at the
    compliance threshold, solved from the compliance game by
    :meth:`~gametheory.models.fiscal.UnfundedMandate.compliance_threshold`.
    """
    model = UnfundedMandate()
    f_star = model.compliance_threshold().lower  # solver (symbolic threshold of the 2x2 game)
    if sympy.nsimplify(model.minimal_funding_share) != f_star:
        raise RuntimeError("compliance threshold differs from the closed form f*")
    f_star = Fraction(str(f_star))

    def row(f: Fraction, point: str) -> dict[str, Any]:
        m = model.with_funding(f)
        values = {
            "m_C": m.mandate_level,
            "m_E": m.efficient_level,
            "over_mandating": m.over_mandating,
            "deadweight_loss": m.deadweight_loss,
            "expected_sanction": m.expected_sanction,
            "unfunded_burden": m.unfunded_burden,
        }
        out: dict[str, Any] = {"point": point, "f": float(f), "f_exact": format_number(f)}
        for key, value in values.items():
            out[key] = float(value)
            out[f"{key}_exact"] = format_number(value)
        out["complies"] = bool(m.complies)
        return out

    rows = [row(Fraction(j, 40), "grid") for j in range(41)]
    rows.append(row(Fraction(model.f), "F-a"))
    rows.append(row(f_star, "f*"))
    data = pd.DataFrame(rows)

    grid = data[data["point"] == "grid"]
    fa = data[data["point"] == "F-a"].iloc[0]
    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax_a, ax_b = fig.subplots(1, 2)
    for ax in (ax_a, ax_b):
        ax.axvspan(0, float(f_star), color="0.88", lw=0)
        ax.axvline(float(f_star), color=_GREY, lw=0.8, ls=":")
        ax.set_xlim(0, 1)
        ax.set_xlabel("centrally funded share f of the cost")

    ax_a.plot(grid["f"], grid["m_C"], color=OKABE_ITO[5], lw=1.6, label="centre's mandate $m_C$")
    ax_a.plot(grid["f"], grid["m_E"], color=OKABE_ITO[4], lw=1.6, ls="--", label="efficient $m_E$")
    ax_a.plot([fa["f"]] * 2, [fa["m_C"], fa["m_E"]], "o", color="black", ms=4, zorder=5)
    ax_a.annotate(
        "",
        xy=(fa["f"], fa["m_E"]),
        xytext=(fa["f"], fa["m_C"]),
        arrowprops={"arrowstyle": "<->", "color": _GREY, "lw": 0.8, "shrinkA": 3, "shrinkB": 3},
    )
    ax_a.text(
        fa["f"] + 0.02,
        (fa["m_C"] + fa["m_E"]) / 2,
        f"F-a (f = {fa['f_exact']}):\n$m_C$ = {fa['m_C_exact']}, $m_E$ = {fa['m_E_exact']}",
        fontsize=7.5,
        va="center",
    )
    ax_a.text(
        float(f_star) / 2,
        7.65,
        "local government shirks:\nmandate not delivered",
        ha="center",
        fontsize=7.5,
        color=_GREY,
    )
    ax_a.text(
        float(f_star) + 0.02,
        7.6,
        f"f* = {format_number(f_star)}",
        fontsize=7.5,
        color=_GREY,
    )
    ax_a.set_ylim(7.5, 10.5)
    ax_a.set_ylabel("mandate level")
    ax_a.set_title("(a) the centre over-mandates by (1 - f) c")
    ax_a.legend(loc="upper right", frameon=False, fontsize=7.5)

    ax_b.plot(
        grid["f"],
        grid["over_mandating"],
        color=OKABE_ITO[5],
        lw=1.6,
        label="unfunded cost per unit (1 - f) c",
    )
    ax_b.plot(
        grid["f"],
        grid["deadweight_loss"],
        color=OKABE_ITO[0],
        lw=1.6,
        ls="-.",
        label="dead-weight loss ((1 - f) c)$^2$/2",
    )
    ax_b.plot(
        grid["f"],
        grid["expected_sanction"],
        color=OKABE_ITO[2],
        lw=1.6,
        ls="--",
        label="expected sanction πF",
    )
    ax_b.plot([fa["f"]], [fa["deadweight_loss"]], "o", color="black", ms=4, zorder=5)
    ax_b.annotate(
        f"DWL = {fa['deadweight_loss_exact']}",
        xy=(fa["f"], fa["deadweight_loss"]),
        xytext=(fa["f"] - 0.2, fa["deadweight_loss"] - 0.55),
        fontsize=7.5,
        arrowprops={"arrowstyle": "-", "color": _GREY, "lw": 0.6},
    )
    star = data[data["point"] == "f*"].iloc[0]
    ax_b.plot([star["f"]], [star["expected_sanction"]], "o", color="black", ms=4, zorder=5)
    ax_b.annotate(
        f"complies iff f ≥ f* = {star['f_exact']}",
        xy=(star["f"], star["expected_sanction"]),
        xytext=(star["f"] + 0.05, 1.45),
        fontsize=7.5,
        arrowprops={"arrowstyle": "-", "color": _GREY, "lw": 0.6},
    )
    ax_b.set_ylim(0, 2.6)
    ax_b.set_ylabel("per unit of the mandate / surplus")
    ax_b.set_title("(b) compliance and the dead-weight loss")
    ax_b.legend(loc="upper right", frameon=False, fontsize=7.5)
    return FigureResult(fig, data)
