"""The essay's Fig. 2, "Cooperation model of the new regional government urban agglomeration".

``agglomeration_governance`` redraws the essay's diagram (section 3.2) as a figure backed by the
models: the central government at the top, the agglomeration council (the joint committee or
joint conference that runs the common fund) in the middle, four cities (a core city and three
peripheries) below, the public and NGOs on the left and the market on the right. The arrows are
the essay's four kinds of relation, and each carries the model lever that MODELS.md §10 assigns to
the proposal and the number the toolkit computes for it at the models' default (oracle)
parameters:

* **downward** (centre -> council and cities: "delegation of power + transfer"): the matching
  rate of the common fund and its unanimity clauses (§9.2,
  :meth:`~gametheory.models.agglomeration.UrbanAgglomeration.minimal_matching`), the central
  top-up that stabilises the grand coalition (cost of stability, §6.4, oracle C-a,
  :meth:`~gametheory.models.agglomeration.AgglomerationSurplus.cost_of_stability`), a subsidy
  per contributor (:func:`gametheory.interventions.minimal_intervention` through
  :meth:`~gametheory.models.agglomeration.UrbanAgglomeration.contributor_subsidy`) and the
  reform of cadre evaluation (§1.3,
  :meth:`~gametheory.models.tournament.PromotionTournament.reform_effect`: under the rank rule
  the weights do not enter the officials' game; under an absolute rule cooperation is dominant
  iff ``mu > 1/4``);
* **upward**: reporting and performance evaluation (the centre's optimal weight on GDP in the
  multitask evaluation, §8.2 oracle M-b,
  :meth:`~gametheory.models.multitask.MultitaskEvaluation.optimal_weight`) and the essay's
  "upward construction" of inter-city councils (the joint conference as the guarantee that
  unlocks sharing-type cooperation, §4.1 oracle K-a,
  :meth:`~gametheory.models.cooperation_types.SharingCooperation.unlock`);
* **inward** (among the cities and their council, "collaborative government"): contributions to
  the common fund (fund and social gain at ``m*``), the split of the surplus (Shapley value and
  nucleolus, oracle C-b), a lateral transfer (§4.2 oracle K-b,
  :func:`gametheory.bargaining.coasean_transfer_range`; and the Xin'an swap that would work
  without central money, with the central top-up the documented ±1 swap needs, §5,
  :meth:`~gametheory.models.xinan.XinanCompensation.coasean_swap_range`), tax-revenue sharing
  (oracle K-c,
  :func:`gametheory.bargaining.revenue_share_range`), a liability rule (a free-riding city
  compensates the others, :class:`gametheory.interventions.Liability`) and repeated play
  (§7, :func:`gametheory.repeated.critical_discount_factor`,
  :func:`gametheory.repeated.equalizing_transfer`, oracles R-a and R-b);
* **outward** (network governance with the market and NGOs): ending protectionism (§2.1 oracle
  S-a, :class:`gametheory.models.protectionism.MarketSegmentation`) and monitoring and
  reputation, which act through the detection probability ``pi`` in the minimal fine
  ``(T - R)/pi`` and through the discount factor in ``delta* = (T - R)/(T - P)`` (§6.2, §7;
  computed symbolically by :func:`~gametheory.interventions.minimal_intervention` and
  :func:`~gametheory.repeated.critical_discount_factor`).

The figure's data lists every node (with its position) and every arrow (source, target, relation,
lever, the exact values as ``name = value`` pairs, and the model function that computes them).

References
----------
Chen, Wang & Sun (2019), *Acta Geographica Sinica* 74(2): 312-322 (the three cooperation types).
Feiock, R. C. (2013). The institutional collective action framework. *Policy Studies Journal*
41(3): 397-425. Bachrach et al. (2009), The cost of stability in coalitional games, *SAGT 2009*.
MODELS.md §1.3, §2.1, §4, §6, §7, §8.2, §9.2, §9.3 and §10.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pandas as pd
import sympy
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..bargaining import coasean_transfer_range, nash_bargaining_share, revenue_share_range
from ..game import Game, format_number
from ..interventions import Liability, Penalty, minimal_intervention
from ..models.agglomeration import AgglomerationSurplus, UrbanAgglomeration
from ..models.cooperation_types import SharingCooperation
from ..models.multitask import MultitaskEvaluation
from ..models.protectionism import MarketSegmentation
from ..models.tournament import PromotionTournament
from ..models.xinan import XinanCompensation
from ..repeated import critical_discount_factor, equalizing_transfer
from . import OKABE_ITO, FigureResult, register

__all__ = ["RELATIONS", "agglomeration_governance", "levers"]

#: The essay's four kinds of relation and the colour of their arrows.
RELATIONS: dict[str, str] = {
    "downward": OKABE_ITO["blue"],
    "upward": OKABE_ITO["vermillion"],
    "inward": OKABE_ITO["bluish green"],
    "outward": OKABE_ITO["reddish purple"],
}

#: Oracle F-c (MODELS.md §9.2): four cities, marginal per-capita return 2/5.
N_CITIES = 4
ALPHA = Fraction(2, 5)

#: Figure size (inches); the drawing is in inch coordinates on one axes filling the figure.
WIDTH, HEIGHT = 8.4, 6.0
FONT = 7.0


# --------------------------------------------------------------------------------------------
# The numbers: every value is computed by a model function
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lever:
    """One arrow of the diagram: who acts on whom, through which lever, with which values.

    ``values`` are ``(name, value)`` pairs of exact results (Fractions or sympy expressions);
    ``model`` names the functions that computed them; ``text`` is the value line(s) drawn.
    """

    name: str
    source: str
    target: str
    relation: str
    lever: str
    values: tuple[tuple[str, Any], ...]
    model: str
    text: str

    @property
    def value(self) -> str:
        """The values as ``name = value`` pairs joined by ``"; "`` (exact, deterministic)."""
        return "; ".join(f"{key} = {_exact(v)}" for key, v in self.values)


def _exact(value: Any) -> str:
    """Exact text of a number: ``3/2`` for Fractions; ``(T - R)/pi`` style for sympy expressions.

    Sympy expressions are written as numerator/denominator with the signs chosen so that the
    leading terms are positive (``(T - R)/(T - P)`` rather than ``(R - T)/(P - T)``).
    """
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, tuple):
        return "(" + ", ".join(_exact(v) for v in value) + ")"
    if isinstance(value, Fraction | int):
        return format_number(Fraction(value))
    expr = sympy.sympify(value)
    if expr.is_Rational:
        return format_number(Fraction(int(expr.p), int(expr.q)))
    num, den = sympy.fraction(sympy.cancel(expr))
    if sympy.sstr(num, order="rev-lex").startswith("-") and not den.is_number:
        num, den = -num, -den
    top = sympy.sstr(num, order="rev-lex")
    if den == 1:
        return top
    bottom = sympy.sstr(den, order="rev-lex")
    top = f"({top})" if num.is_Add else top
    bottom = f"({bottom})" if den.is_Add or den.is_Mul else bottom
    return f"{top}/{bottom}"


def _show(value: Any) -> str:
    """Text of a number on the figure: as :func:`_exact`, with ``π`` and a true minus sign."""
    text = _exact(value).replace("*pi", "π").replace("pi", "π").replace(" - ", " − ")
    return text.replace("*", "·")


def _symbolic_pd() -> tuple[Game, dict[sympy.Symbol, sympy.Expr], sympy.Symbol]:
    """A prisoner's dilemma ``T > R > P > S`` with positive gaps, the way back to ``T, R, P``
    and the detection probability ``pi``.

    ``T = R + a``, ``P = R - b``, ``S = P - c`` with ``a, b, c > 0``, so that every sign the
    solvers need is known; the results are rewritten in ``T, R, P`` by ``a = T - R``,
    ``b = R - P``.
    """
    T, R, P = sympy.symbols("T R P", real=True)
    a, b, c = sympy.symbols("a b c", positive=True)
    pi = sympy.Symbol("pi", positive=True)
    r = R
    t, p = R + a, R - b
    s = p - c
    game = Game([[r, s], [t, p]], [[r, t], [s, p]], actions=[["C", "D"]] * 2)
    back = {a: T - R, b: R - P}
    return game, back, pi


def levers() -> tuple[Lever, ...]:
    """The levers on the arrows of ``agglomeration_governance``, each computed by its model.

    Defaults and oracles (MODELS.md): common fund F-c (``N = 4, alpha = 2/5``), surplus games
    C-a and C-b (§6.6), K-a, K-b, K-c (§4.4), S-a (§2.1), R-a, R-b (§7.6), M-b (§8.3), the
    tournament of §1.5 (``V = 10``, uniform noise, ``b, s_C, a, d = 2, 1, -1, 3``, ``lam = 1``).
    """
    fund = UrbanAgglomeration(N_CITIES, ALPHA)
    m_none = fund.minimal_matching("none")
    m_cond = fund.minimal_matching("conditional_matching")
    m_aon = fund.minimal_matching("all_or_nothing")
    matched = UrbanAgglomeration(N_CITIES, ALPHA, matching=m_none)
    fund_size, social_gain, outlay = matched.fund(), matched.social_gain(), matched.central_cost()
    subsidy = fund.contributor_subsidy()
    liability = minimal_intervention(fund.game(), ("Contribute",) * N_CITIES, Liability())

    ca = AgglomerationSurplus.symmetric(3, {2: 8, 3: 9})
    cb = AgglomerationSurplus.core_periphery()
    cos_a, cos_b = ca.cost_of_stability(), cb.cost_of_stability()
    shapley, nucleolus = cb.shapley_value(), cb.nucleolus()

    tournament = PromotionTournament()
    rank_lam = tournament.reform_effect("lam", "rank")
    rank_mu = tournament.reform_effect("mu", "rank")
    absolute_mu = tournament.reform_effect("mu", "absolute")
    if absolute_mu.threshold is None:  # pragma: no cover - the model always gives one here
        raise RuntimeError("the absolute rule gave no threshold for mu")
    mu_star = absolute_mu.threshold.lower

    multitask = MultitaskEvaluation()
    w_star, w_abandon = multitask.optimal_weight(), multitask.abandonment_weight()

    sharing = SharingCooperation().unlock()
    q_star = SharingCooperation().mixed_probability()

    transfer = coasean_transfer_range(10, -4, 1, 1)
    t_nb = transfer.nash_bargaining().transfer
    xinan = XinanCompensation()
    swap = xinan.coasean_swap_range()
    share = revenue_share_range(10, 2, 3)
    s_nb = nash_bargaining_share(10, 2, 3).transfer

    pd_ra = Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"]] * 2)
    delta_ra = critical_discount_factor(pd_ra, ("C", "C")).overall
    pd_rb = Game([[4, 0], [6, 1]], [[2, 5], [0, 1]], actions=[["C", "D"]] * 2)
    equal = equalizing_transfer(pd_rb, ("C", "C"))

    market = MarketSegmentation()
    pi = sympy.Symbol("pi", positive=True)
    market_fine = market.minimal_fine(pi).level
    market_delta = market.repeated().overall

    game, back, pi_ = _symbolic_pd()
    fine = sympy.simplify(
        sympy.sympify(minimal_intervention(game, ("C", "C"), Penalty(detection=pi_)).level).subs(
            back
        )
    )
    delta_star = sympy.simplify(
        sympy.sympify(critical_discount_factor(game, ("C", "C"), ("D", "D")).overall).subs(back)
    )

    s = _show
    return (
        Lever(
            "matching",
            "centre",
            "council",
            "downward",
            "central matching of the common fund",
            (("m*(none)", m_none), ("m*(conditional)", m_cond), ("m*(all_or_nothing)", m_aon)),
            "UrbanAgglomeration(N=4, alpha=2/5).minimal_matching(clause)",
            f"m* = {s(m_none)} with no clause\n"
            f"m* = {s(m_cond)} if paid only when all join\n"
            f"m* = {s(m_aon)} with an all-or-nothing refund",
        ),
        Lever(
            "top_up",
            "centre",
            "council",
            "downward",
            "central top-up (cost of stability)",
            (("CoS(C-a)", cos_a), ("CoS(C-b)", cos_b)),
            "AgglomerationSurplus.cost_of_stability() (C-a, C-b)",
            f"CoS = {s(cos_a)} (C-a), {s(cos_b)} (C-b)",
        ),
        Lever(
            "subsidy",
            "centre",
            "cities",
            "downward",
            "subsidy per contributing city",
            (("s*", subsidy.level), ("paid on path", subsidy.cost), ("matching", outlay)),
            "UrbanAgglomeration.contributor_subsidy() [minimal_intervention]; central_cost()",
            f"s* = {s(subsidy.level)} per city: the centre pays {s(subsidy.cost)}\n"
            f"on path, against {s(outlay)} for matching at m*",
        ),
        Lever(
            "evaluation_reform",
            "centre",
            "cities",
            "downward",
            "reform of cadre evaluation",
            (
                ("rank rule: lam enters", rank_lam.depends_on_weight),
                ("rank rule: mu enters", rank_mu.depends_on_weight),
                ("absolute rule (lam = 1): mu >", mu_star),
            ),
            "PromotionTournament().reform_effect(weight, rule)",
            f"rank rule: weights λ, μ inert\nabsolute rule (λ = 1): cooperate iff μ > {s(mu_star)}",
        ),
        Lever(
            "reporting",
            "council",
            "centre",
            "upward",
            "reporting and performance evaluation",
            (("w*", w_star), ("w abandon", w_abandon)),
            "MultitaskEvaluation().optimal_weight(), .abandonment_weight() (M-b)",
            f"GDP weight w* = {s(w_star)}; public services\nabandoned at w ≥ {s(w_abandon)}",
        ),
        Lever(
            "joint_conference",
            "periphery_2",
            "council",
            "upward",
            "joint conference (upward construction)",
            (
                ("guarantee t_c", sharing.level),
                ("paid on path", sharing.cost_on_path),
                ("q*", q_star),
            ),
            "SharingCooperation().unlock(), .mixed_probability() (K-a)",
            f"guarantee t_c = {s(sharing.level)}, paid {s(sharing.cost_on_path)} on path;\n"
            f"lowering t_c lowers q* = {s(q_star)}",
        ),
        Lever(
            "contributions",
            "core",
            "council",
            "inward",
            "contributions g to the common fund",
            (("fund/g", fund_size), ("social gain/g", social_gain)),
            "UrbanAgglomeration(matching=m*).fund(), .social_gain()",
            f"at m* = {s(m_none)}: fund {s(fund_size)}g,\nsocial gain {s(social_gain)}g",
        ),
        Lever(
            "surplus_split",
            "council",
            "periphery_1",
            "inward",
            "split of the surplus (C-b, 3 cities)",
            (("Shapley", tuple(shapley)), ("nucleolus", tuple(nucleolus))),
            "AgglomerationSurplus.core_periphery().shapley_value(), .nucleolus()",
            f"Shapley ({', '.join(s(x) for x in shapley)})\n"
            f"nucleolus ({', '.join(s(x) for x in nucleolus)})",
        ),
        Lever(
            "lateral_transfer",
            "core",
            "periphery_1",
            "inward",
            "lateral transfer (K-b; Xin'an)",
            (
                ("lower", transfer.lower),
                ("upper", transfer.upper),
                ("t_NB", t_nb),
                ("Xin'an X lower", swap.lower),
                ("Xin'an X upper", swap.upper),
                ("Xin'an X", xinan.X),
                ("Xin'an G*", xinan.minimal_central_top_up()),
            ),
            "coasean_transfer_range(10, -4, 1, 1); XinanCompensation().coasean_swap_range(), "
            ".minimal_central_top_up()",
            f"t ∈ [{s(transfer.lower)}, {s(transfer.upper)}], t_NB = {s(t_nb)}\n"
            f"Xin'an: without G the swap must be\nX ∈ [{s(swap.lower)}, {s(swap.upper)}]; "
            f"with X = {s(xinan.X)}, G* = {s(xinan.minimal_central_top_up())}",
        ),
        Lever(
            "tax_sharing",
            "core",
            "periphery_2",
            "inward",
            "tax-revenue sharing (K-c)",
            (("lower", share.lower), ("upper", share.upper), ("s_NB", s_nb)),
            "revenue_share_range(10, 2, 3); nash_bargaining_share",
            f"s ∈ [{s(share.lower)}, {s(share.upper)}], s_NB = {s(s_nb)}",
        ),
        Lever(
            "repeated_play",
            "periphery_2",
            "periphery_3",
            "inward",
            "repeated play (R-a, R-b)",
            (("delta*", delta_ra), ("t*", equal.transfer), ("delta_eq", equal.threshold)),
            "critical_discount_factor (R-a); equalizing_transfer (R-b)",
            f"δ ≥ {s(delta_ra)}; equalising transfer\nt* = {s(equal.transfer)}, "
            f"δ_eq = {s(equal.threshold)}",
        ),
        Lever(
            "liability",
            "council",
            "periphery_3",
            "inward",
            "liability rule (fund game)",
            (("level", liability.level), ("paid on path", liability.cost)),
            "minimal_intervention(UrbanAgglomeration().game(), all Contribute, Liability())",
            f"a free-rider pays {s(liability.level)} to each\nother city; {s(liability.cost)}"
            " paid on path",
        ),
        Lever(
            "market_integration",
            "council",
            "market",
            "outward",
            "ending protectionism (S-a)",
            (("F*", market_fine), ("delta*", market_delta)),
            "MarketSegmentation().minimal_fine(pi), .repeated()",
            f"fine F* = {s(market_fine)} per protecting\ncity; open if δ ≥ {s(market_delta)}",
        ),
        Lever(
            "monitoring",
            "council",
            "ngos",
            "outward",
            "monitoring π, reputation",
            (("F*", fine), ("delta*", delta_star)),
            "minimal_intervention(PD, Penalty(detection=pi)); critical_discount_factor(PD)",
            f"F* = {s(fine)}\nδ* = {s(delta_star)}",
        ),
    )


# --------------------------------------------------------------------------------------------
# Layout (inches, origin bottom left)
# --------------------------------------------------------------------------------------------

#: Nodes: label, centre x, centre y, width, height (inches). ``cities`` is the frame of the four.
NODES: dict[str, tuple[str, float, float, float, float]] = {
    "centre": ("Central government", 4.2, 5.42, 3.0, 0.42),
    "council": ("Agglomeration council\n(joint committee, common fund)", 4.2, 3.45, 2.6, 0.55),
    "ngos": ("NGOs and\nthe public", 0.85, 3.45, 0.9, 0.5),
    "market": ("Market\n(firms)", 7.55, 3.45, 0.9, 0.5),
    "periphery_1": ("Periphery 1", 1.05, 1.12, 1.0, 0.34),
    "core": ("Core city", 3.05, 1.12, 1.0, 0.34),
    "periphery_2": ("Periphery 2", 5.35, 1.12, 1.0, 0.34),
    "periphery_3": ("Periphery 3", 7.35, 1.12, 1.0, 0.34),
    "cities": ("Cities (N = 4)", 4.2, 0.85, 8.2, 1.5),
}


def _edge(node: str, side: str, frac: float = 0.5) -> tuple[float, float]:
    """A point on the border of ``node``: ``side`` in top/bottom/left/right, ``frac`` along it."""
    _, x, y, w, h = NODES[node]
    if side == "top":
        return (x - w / 2 + frac * w, y + h / 2)
    if side == "bottom":
        return (x - w / 2 + frac * w, y - h / 2)
    if side == "left":
        return (x - w / 2, y - h / 2 + frac * h)
    return (x + w / 2, y - h / 2 + frac * h)


#: Arrow geometry: ``path`` (start, end), ``elbow`` (horizontal then vertical), ``both`` (two
#: heads) and the label anchor ``(x, y, ha, va)`` in inches.
_GEOMETRY: dict[str, dict[str, Any]] = {
    "subsidy": {
        "path": (_edge("centre", "left", 0.5), (0.25, _edge("cities", "top")[1])),
        "elbow": True,
        "label": (0.4, 5.25, "left", "top"),
    },
    "matching": {
        "path": (_edge("centre", "bottom", 0.2), (3.3, _edge("council", "top")[1])),
        "label": (3.22, 4.45, "right", "center"),
    },
    "top_up": {
        "path": (_edge("centre", "bottom", 0.5), _edge("council", "top", 0.5)),
        "label": (4.2, 4.5, "center", "center"),
    },
    "reporting": {
        "path": ((5.2, _edge("council", "top")[1]), _edge("centre", "bottom", 0.8333)),
        "label": (5.3, 4.45, "left", "center"),
    },
    "evaluation_reform": {
        "path": (_edge("centre", "right", 0.5), (8.15, _edge("cities", "top")[1])),
        "elbow": True,
        "label": (8.0, 5.25, "right", "top"),
    },
    "monitoring": {
        "path": (_edge("ngos", "right", 0.5), _edge("council", "left", 0.5)),
        "both": True,
        "label": (2.1, 3.53, "center", "bottom"),
    },
    "market_integration": {
        "path": (_edge("council", "right", 0.5), _edge("market", "left", 0.5)),
        "label": (6.3, 3.53, "center", "bottom"),
    },
    "surplus_split": {
        "path": (_edge("council", "left", 0.15), _edge("periphery_1", "top", 0.75)),
        "label": (1.95, 2.2, "center", "center"),
    },
    "contributions": {
        "path": (_edge("core", "top", 0.75), _edge("council", "bottom", 0.2)),
        "label": (3.45, 2.6, "center", "center"),
    },
    "joint_conference": {
        "path": (_edge("periphery_2", "top", 0.25), _edge("council", "bottom", 0.8)),
        "label": (4.95, 1.95, "center", "center"),
    },
    "liability": {
        "path": (_edge("council", "right", 0.15), _edge("periphery_3", "top", 0.25)),
        "label": (6.55, 2.4, "center", "center"),
    },
    "lateral_transfer": {
        "path": (_edge("core", "left", 0.5), _edge("periphery_1", "right", 0.5)),
        "label": (2.05, 0.8, "center", "top"),
    },
    "tax_sharing": {
        "path": (_edge("core", "right", 0.5), _edge("periphery_2", "left", 0.5)),
        "label": (4.2, 0.8, "center", "top"),
    },
    "repeated_play": {
        "path": (_edge("periphery_2", "right", 0.5), _edge("periphery_3", "left", 0.5)),
        "both": True,
        "label": (6.35, 0.8, "center", "top"),
    },
}


def _box(ax: Any, name: str, title_size: float = 8.0) -> None:
    label, x, y, w, h = NODES[name]
    if name == "cities":
        patch = FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle="round,pad=0,rounding_size=0.08",
            fc="none",
            ec="0.55",
            lw=0.8,
            ls="--",
            zorder=0,
        )
        ax.add_patch(patch)
        ax.text(
            x + w / 2 - 0.08,
            y - h / 2 + 0.06,
            label,
            ha="right",
            va="bottom",
            fontsize=FONT,
            color="0.35",
            style="italic",
        )
        return
    fill = {"centre": "#DCE9F5", "council": "#E3F2EC", "ngos": "#F5E6EF", "market": "#F5E6EF"}
    patch = FancyBboxPatch(
        (x - w / 2, y - h / 2),
        w,
        h,
        boxstyle="round,pad=0,rounding_size=0.06",
        fc=fill.get(name, "white"),
        ec="0.25",
        lw=0.9,
        zorder=2,
    )
    ax.add_patch(patch)
    ax.text(
        x,
        y,
        label,
        ha="center",
        va="center",
        fontsize=title_size,
        fontweight="bold" if name in ("centre", "council") else "normal",
        zorder=3,
        linespacing=1.15,
    )


def _arrow(ax: Any, lever: Lever) -> None:
    geo = _GEOMETRY[lever.name]
    start, end = geo["path"]
    colour = RELATIONS[lever.relation]
    style = "<|-|>" if geo.get("both") else "-|>"
    kwargs = {
        "arrowstyle": style,
        "mutation_scale": 9,
        "lw": 1.3,
        "color": colour,
        "shrinkA": 1,
        "shrinkB": 1,
        "zorder": 1,
    }
    if geo.get("elbow"):
        # down the outside of the figure: horizontal from the centre, then vertical
        corner = (end[0], start[1])
        ax.add_line(Line2D([start[0], corner[0]], [start[1], corner[1]], color=colour, lw=1.3))
        ax.add_patch(FancyArrowPatch(corner, end, **kwargs))
    else:
        ax.add_patch(FancyArrowPatch(start, end, **kwargs))
    x, y, ha, va = geo["label"]
    ax.text(
        x,
        y,
        f"{lever.lever}:\n{lever.text}",
        ha=ha,
        va=va,
        fontsize=FONT,
        multialignment="left",
        linespacing=1.2,
        bbox={"boxstyle": "round,pad=0.18", "fc": "white", "ec": colour, "lw": 0.6},
        zorder=4,
    )


def _node_rows() -> list[dict[str, Any]]:
    rows = []
    for name, (label, x, y, w, h) in NODES.items():
        rows.append(
            {
                "element": "node",
                "name": name,
                "source": None,
                "target": None,
                "relation": None,
                "lever": label.replace("\n", " "),
                "value": None,
                "model": None,
                "x": x,
                "y": y,
                "width": w,
                "height": h,
            }
        )
    return rows


def _arrow_rows(items: Sequence[Lever]) -> list[dict[str, Any]]:
    rows = []
    for lever in items:
        (x0, y0), (x1, y1) = _GEOMETRY[lever.name]["path"]
        rows.append(
            {
                "element": "arrow",
                "name": lever.name,
                "source": lever.source,
                "target": lever.target,
                "relation": lever.relation,
                "lever": lever.lever,
                "value": lever.value,
                "model": lever.model,
                "x": round((x0 + x1) / 2, 4),
                "y": round((y0 + y1) / 2, 4),
                "width": None,
                "height": None,
            }
        )
    return rows


@register(
    "agglomeration_governance",
    caption=(
        "The essay's Fig. 2 (cooperation model of the new regional government urban "
        "agglomeration) redrawn and backed by the models; every arrow carries its model lever "
        "and the toolkit's exact result at the models' default (oracle) parameters. Downward "
        "(blue, the centre's delegation and transfers): the minimal matching m* of a common "
        "fund of N = 4 cities with marginal return 2/5 under each clause (MODELS.md §9.2), the "
        "central top-up that stabilises the grand coalition (cost of stability, §6.4, oracles "
        "C-a, C-b), a subsidy per contributing city (minimal_intervention) and the reform of "
        "cadre evaluation (under the rank rule the weights are inert; an absolute rule needs a "
        "joint-performance weight mu > 1/4, §1.3). Upward (vermillion): reporting under "
        "multitask evaluation (optimal GDP weight, §8.2) and the essay's upward construction of "
        "inter-city councils, the joint conference that unlocks sharing-type cooperation "
        "(§4.1). Inward (green, collaborative government): contributions to the fund, the split "
        "of the surplus (Shapley value, nucleolus), a lateral transfer and tax-revenue sharing "
        "in their Coasean ranges (§4.2; for Xin'an, §5, the swap X that works without central "
        "money G and the G that the documented swap X = 1 needs, at Anhui's assumed cost 3/2), "
        "a liability rule and repeated play (§7). Outward (purple, network governance): ending "
        "protectionism (§2.1), and monitoring and reputation by the market and NGOs, which act "
        "through the detection probability pi and the discount factor (§6.2, §7). Amounts are "
        "in the models' illustrative units (Xin'an: 10^8 yuan a year)."
    ),
)
def agglomeration_governance() -> FigureResult:
    items = levers()
    fig = Figure(figsize=(WIDTH, HEIGHT))
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(0, HEIGHT)
    ax.set_aspect("equal")
    ax.axis("off")
    for name in NODES:
        _box(ax, name, title_size=9.0 if name in ("centre", "council") else 8.0)
    for lever in items:
        _arrow(ax, lever)
    handles = [Line2D([], [], color=c, lw=1.6, label=r) for r, c in RELATIONS.items()]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=4,
        fontsize=FONT,
        frameon=False,
        handlelength=1.8,
        columnspacing=1.5,
        title=None,
    )
    data = pd.DataFrame(_node_rows() + _arrow_rows(items))
    return FigureResult(fig, data)
