"""Figures of the promotion tournament and of multitask cadre evaluation (MODELS.md §1, §8).

* ``tournament_spillover`` -- (a) the symmetric equilibrium effort ``e*(beta) = (1 - beta) V
  g(0) / c`` of the Lazear-Rosen tournament for four noise distributions against the social
  optimum ``e_SO = (1 + beta) v / c`` (over-investment, a rat race, below the crossing, and
  under-investment above it); (b) the refusal of win-win cooperation: under rank promotion an
  official takes an action with effects ``(Delta_own, Delta_rival)`` iff ``Delta_own >
  Delta_rival``, whatever the joint surplus ``Delta_own + Delta_rival`` (§1.3 table), from
  :class:`gametheory.models.PromotionTournament`.
* ``evaluation_reform`` -- the officials' gain from cooperating rather than obstructing against
  the weight ``mu`` on joint output, for three weights ``lam`` on relative performance, under the
  rank rule (nothing moves) and under an absolute-score rule (cooperation becomes strictly
  dominant beyond the thresholds of
  :meth:`gametheory.models.PromotionTournament.reform_effect`); the equilibria come from
  :func:`gametheory.equilibria.equilibria`.
* ``multitask_diversion`` -- GDP and public-service effort against the GDP weight ``w`` with the
  corners (:meth:`gametheory.models.MultitaskEvaluation.efforts`), the abandonment weight and the
  centre's optimal weight with its payoff, for measurability ``lam = 1`` (oracles M-a, M-b) and
  ``lam = 1/2`` (M-c, where the optimum is the corner ``w = 0``).

Every number is computed by the models in exact arithmetic (Fractions or sympy expressions) and
converted to floats only for drawing.
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import sympy
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..equilibria import Equilibrium, equilibria
from ..game import Game
from ..models.multitask import MultitaskEvaluation
from ..models.tournament import PromotionTournament
from ..plot import OKABE_ITO
from . import FigureResult, register

__all__ = ["evaluation_reform", "multitask_diversion", "tournament_spillover"]

#: Noise distributions of ``tournament_spillover`` (per-official shocks, V = 10, c = 1, v = 1).
#: Uniform half-width 5 is oracle T1-a; the smooth noises use scale 2, where the model's
#: sufficient condition certifies ``e*`` as an equilibrium on the whole beta range (with scale 1
#: it fails for beta < 0: the symmetric FOC point is then beaten by zero effort).
SPILLOVER_NOISES: dict[str, dict[str, object]] = {
    "uniform, a = 5": {"noise": "uniform", "scale": 5},
    "normal, σ = 2": {"noise": "normal", "scale": 2},
    "Gumbel, s = 2": {"noise": "gumbel", "scale": 2},
    "logistic, s = 2": {"noise": "logistic", "scale": 2},
}
#: beta grid of ``tournament_spillover``: -1/2, -9/20, ..., 19/20.
SPILLOVER_BETAS = tuple(Fraction(k, 20) for k in range(-10, 20))
#: The four actions of MODELS.md §1.3 (Delta_own, Delta_rival), V = 10, h = 5, kappa = 0.
ACTIONS_1_3 = ((1, 2), (2, 1), (1, -2), (-1, -3))

#: Weights on relative performance shown in ``evaluation_reform`` (1: rank-like status quo). The
#: game is oracle T1-e: b = 2, s_C = 1, a = -1, d = 3, V = 10, xi ~ U[-5, 5] (the model's
#: defaults with noise_of="difference").
REFORM_LAMBDAS = (Fraction(1), Fraction(4, 5), Fraction(3, 5))
#: Weight on joint output: 0, 1/40, ..., 2/5 (every promotion index stays inside the noise
#: support [-5, 5]; with lam = 3/5 the index of (C, C) reaches the edge at mu = 17/40).
REFORM_MUS = tuple(Fraction(k, 40) for k in range(17))

#: Multitask cadre evaluation, oracles M-a/M-b (lam = 1) and M-c (lam = 1/2).
MULTITASK_LAMBDAS = (Fraction(1), Fraction(1, 2))
MULTITASK_WEIGHTS = tuple(Fraction(k, 60) for k in range(61))


def _f(x: object) -> float:
    return float(sympy.sympify(x)) if not isinstance(x, (int, Fraction)) else float(x)


def _frac_label(x: Fraction) -> str:
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


# --------------------------------------------------------------------------------------------
# tournament_spillover
# --------------------------------------------------------------------------------------------


def spillover_crossing(noise: dict[str, object], V: object = 10, v: object = 1) -> sympy.Expr:
    """The spillover at which ``e*(beta) = e_SO(beta)``: ``(V g(0) - v) / (V g(0) + v)``.

    Solved with sympy from the model's two closed forms with ``beta`` a free symbol.
    """
    beta = sympy.Symbol("beta", real=True)
    model = PromotionTournament(V=V, c=1, v=v, beta=beta, **noise)  # type: ignore[arg-type]
    (root,) = sympy.solve(sympy.Eq(model.equilibrium_effort(), model.social_optimum_effort()), beta)
    return sympy.simplify(root)


@register(
    "tournament_spillover",
    caption=(
        "The promotion tournament with spillover (MODELS.md §1.2-1.3; V = 10, c = 1, v = 1). "
        "(a) Symmetric equilibrium effort e* = (1 - β) V g(0)/c for four distributions of "
        "the officials' shocks (g(0) = 1/10, 1/(4√π), 1/8, 1/12), certified as an equilibrium "
        "by the model's concavity condition on the whole range, against the social optimum "
        "e_SO = (1 + β) v/c. Left of each marked crossing β = (V g(0) - v)/(V g(0) + v) the "
        "officials over-invest (a rat race); right of it they under-invest, and e* -> 0 as "
        "β -> 1 while e_SO doubles. (b) Refusal of win-win cooperation: under rank promotion "
        "(ξ ~ U[-5, 5], V = 10) an official takes an action with effects (Δ_own, Δ_rival) iff "
        "Δ_own > Δ_rival, whatever the joint surplus Δ_own + Δ_rival. Points: the four "
        "actions of the §1.3 table with the change ΔP of the promotion probability."
    ),
)
def tournament_spillover() -> FigureResult:
    rows = []
    for label, noise in SPILLOVER_NOISES.items():
        for beta in SPILLOVER_BETAS:
            m = PromotionTournament(V=10, c=1, v=1, beta=beta, **noise)  # type: ignore[arg-type]
            rows.append(
                {
                    "panel": "a",
                    "series": label,
                    "beta": float(beta),
                    "e_star": _f(m.equilibrium_effort()),
                    "e_so": _f(m.social_optimum_effort()),
                    "certified": bool(m.equilibrium_condition() is sympy.true),
                }
            )
        b = spillover_crossing(noise)
        m = PromotionTournament(V=10, c=1, v=1, beta=b, **noise)  # type: ignore[arg-type]
        rows.append(
            {
                "panel": "a",
                "series": f"{label}: crossing",
                "beta": _f(b),
                "e_star": _f(m.equilibrium_effort()),
                "e_so": _f(m.social_optimum_effort()),
                "certified": bool(m.equilibrium_condition() is sympy.true),
            }
        )
    model = PromotionTournament(V=10, scale=5, noise_of="difference")
    for own, rival in ACTIONS_1_3:
        inc = model.action_incentive(own, rival)
        rows.append(
            {
                "panel": "b",
                "series": inc.kind,
                "delta_own": own,
                "delta_rival": rival,
                "delta_p": float(inc.delta_p),
                "joint_surplus": float(inc.joint_surplus),
                "taken": bool(inc.taken),
            }
        )
    data = pd.DataFrame(rows)

    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax_a, ax_b = fig.subplots(1, 2)
    colours = dict(
        zip(SPILLOVER_NOISES, (OKABE_ITO[4], OKABE_ITO[5], OKABE_ITO[2], OKABE_ITO[0]), strict=True)
    )
    curves = data[(data["panel"] == "a") & ~data["series"].str.endswith("crossing")]
    so = curves[curves["series"] == next(iter(SPILLOVER_NOISES))]
    ax_a.plot(so["beta"], so["e_so"], color="black", lw=2.2, label="social optimum $e_{SO}$")
    for label in SPILLOVER_NOISES:
        part = curves[curves["series"] == label]
        ax_a.plot(part["beta"], part["e_star"], color=colours[label], lw=1.6, label=label)
        cross = data[data["series"] == f"{label}: crossing"]
        ax_a.plot(cross["beta"], cross["e_star"], "o", color=colours[label], ms=4.5, mec="black")
    ax_a.text(
        -0.48,
        3.3,
        "left of ●: over-investment, a rat race ($e^* > e_{SO}$)\n"
        "right of ●: under-investment ($e^* < e_{SO}$)",
        fontsize=7.5,
        va="top",
    )
    ax_a.set_xlim(-0.5, 1.0)
    ax_a.set_ylim(0, 3.4)
    ax_a.set_xlabel("spillover β (my effort's effect on the rival's output)")
    ax_a.set_ylabel("effort per official")
    ax_a.set_title("(a) equilibrium effort $e^*$ vs social optimum")
    ax_a.legend(
        loc="upper right",
        bbox_to_anchor=(1.0, 0.9),
        fontsize=7.5,
        frameon=False,
        title="$e^*$, shocks:",
    )

    lim = 4
    # official (rank, kappa = 0) takes the action iff own > rival; regions gain iff own + rival > 0
    ax_b.fill([-lim, lim, lim], [lim, lim, -lim], color=OKABE_ITO[1], alpha=0.12, lw=0)
    ax_b.fill([-lim, lim, -lim], [-lim, -lim, lim], color=OKABE_ITO[1], alpha=0.12, lw=0)
    ax_b.fill([0, lim, -lim], [0, lim, lim], color=OKABE_ITO[5], alpha=0.22, lw=0)
    ax_b.fill([0, lim, -lim], [0, -lim, -lim], color=OKABE_ITO[0], alpha=0.25, lw=0)
    ax_b.plot([-lim, lim], [-lim, lim], color="black", lw=1.2)
    ax_b.plot([-lim, lim], [lim, -lim], color="0.35", lw=1.0, ls="--")
    ax_b.axhline(0, color="0.7", lw=0.5)
    ax_b.axvline(0, color="0.7", lw=0.5)
    ax_b.text(0, 3.3, "win-win refused\n(joint surplus > 0)", ha="center", fontsize=7.5)
    ax_b.text(
        0.45,
        -3.9,
        "taken, joint surplus < 0\n(win-lose, lose-lose)",
        ha="center",
        va="bottom",
        fontsize=7.5,
    )
    ax_b.text(-3.85, 0.35, "refused,\nsurplus < 0", fontsize=7, color="0.3")
    ax_b.text(3.85, -0.75, "taken,\nsurplus > 0", fontsize=7, color="0.3", ha="right")
    ax_b.text(
        -3.55,
        -3.4,
        "official indifferent: $Δ_{own} = Δ_{rival}$",
        fontsize=7,
        rotation=45,
        rotation_mode="anchor",
        va="bottom",
    )
    ax_b.text(
        -3.55,
        3.3,
        "regions indifferent: $Δ_{own} + Δ_{rival} = 0$",
        fontsize=7,
        color="0.3",
        rotation=-45,
        rotation_mode="anchor",
        va="top",
    )
    offsets = {
        (1, 2): (0.2, 0, "left"),
        (2, 1): (0.2, -0.3, "left"),
        (1, -2): (0, -0.4, "center"),
        (-1, -3): (-0.2, 0, "right"),
    }
    for row in data[data["panel"] == "b"].itertuples():
        key = (int(row.delta_own), int(row.delta_rival))
        ax_b.plot(
            row.delta_own,
            row.delta_rival,
            "o" if row.taken else "X",
            color="black",
            ms=5,
        )
        dx, dy, ha = offsets[key]
        ax_b.text(
            row.delta_own + dx,
            row.delta_rival + dy,
            f"ΔP = {row.delta_p:+.1f}".replace("-", "\u2212"),
            fontsize=7,
            ha=ha,
            va="center",
        )
    ax_b.set_xlim(-lim, lim)
    ax_b.set_ylim(-lim, lim)
    ax_b.set_aspect("equal")
    ax_b.set_xlabel("effect on own GDP, $Δ_{own}$")
    ax_b.set_ylabel("effect on rival's GDP, $Δ_{rival}$")
    ax_b.set_title("(b) rank promotion: the official's choice (● taken, ✕ refused)")
    return FigureResult(fig, data)


# --------------------------------------------------------------------------------------------
# evaluation_reform
# --------------------------------------------------------------------------------------------


def _profile_label(game: Game, eq: Equilibrium) -> str:
    """``(C, D)`` for a pure equilibrium; ``mixed`` otherwise."""
    if not eq.is_pure:
        return "mixed"
    return "(" + ", ".join(game.actions[i][a] for i, a in enumerate(eq.pure_profile)) + ")"


@register(
    "evaluation_reform",
    caption=(
        "Evaluation reform in the cooperate (C) / obstruct (D) game of two officials (MODELS.md "
        "§1.3, oracle T1-e: C adds b = 2 to own GDP and b s_C = 2 to the rival's, D adds "
        "a = -1 to own and -d = -3 to the rival's; V = 10, ξ ~ U[-5, 5]). The official's "
        "score is S_i = y_i - λ y_j + μ (y_i + y_j). Curves: the official's gain in expected "
        "promotion value from playing C instead of D (the same against either rival action); "
        "dashed: the region's GDP gain b - a = 3. (a) Rank rule (promoted if S_i > S_j): "
        "S_i - S_j = (1 + λ)(y_i - y_j), so no weight changes anything, D is strictly dominant "
        "and (D, D) the unique equilibrium for every λ and μ. (b) Absolute rule (payoff "
        "increasing in S_i): C becomes strictly dominant and (C, C) the unique equilibrium for "
        "μ > (5λ - 3)/8, i.e. beyond the marked thresholds 1/4 (λ = 1), 1/8 (λ = 4/5) and 0 "
        "(λ = λ* = 3/5)."
    ),
)
def evaluation_reform() -> FigureResult:
    rows = []
    thresholds = []
    for rule in ("rank", "absolute"):
        for lam in REFORM_LAMBDAS:
            base = PromotionTournament(noise_of="difference", rule=rule, lam=lam)
            effect = base.reform_effect("mu")
            mu_star = None if effect.threshold is None else Fraction(str(effect.threshold.lower))
            thresholds.append({"rule": rule, "lam": float(lam), "threshold": mu_star})
            for mu in REFORM_MUS:
                m = PromotionTournament(noise_of="difference", rule=rule, lam=lam, mu=mu)
                game = m.game()
                region = m.region_game()
                A = game.payoff_arrays[0]
                R = region.payoff_arrays[0]
                eqs = equilibria(game)
                rows.append(
                    {
                        "rule": rule,
                        "lam": float(lam),
                        "mu": float(mu),
                        "gain_vs_C": float(A[0, 0] - A[1, 0]),
                        "gain_vs_D": float(A[0, 1] - A[1, 1]),
                        "region_gain": float(R[0, 0] - R[1, 0]),
                        "equilibria": " ".join(_profile_label(game, eq) for eq in eqs),
                        "threshold_mu": None if mu_star is None else float(mu_star),
                        "weights_matter": effect.depends_on_weight,
                    }
                )
    data = pd.DataFrame(rows)

    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, 2, sharey=True)
    styles = {
        1.0: (OKABE_ITO[5], "-", 3.2, "λ = 1 (rank-like status quo)"),
        0.8: (OKABE_ITO[4], "--", 2.0, "λ = 4/5"),
        0.6: (OKABE_ITO[2], ":", 1.6, "λ = 3/5 = λ*"),
    }
    titles = {
        "rank": "(a) rank rule: promoted if $S_i > S_j$",
        "absolute": "(b) absolute rule: payoff increasing in $S_i$",
    }
    for ax, rule in zip(axes, ("rank", "absolute"), strict=True):
        part = data[data["rule"] == rule]
        ax.axhline(0, color="0.6", lw=0.6)
        region = part[part["lam"] == 1.0]
        ax.plot(
            region["mu"],
            region["region_gain"],
            color="0.35",
            lw=1.2,
            ls=(0, (6, 3)),
            label="region's GDP gain b − a",
        )
        for lam, (colour, ls, lw, label) in styles.items():
            curve = part[part["lam"] == lam]
            ax.plot(curve["mu"], curve["gain_vs_C"], color=colour, ls=ls, lw=lw, label=label)
        ax.set_xlim(0, 0.4)
        ax.set_ylim(-3, 4.2)
        ax.set_xlabel("weight μ on joint output $y_i + y_j$")
        ax.set_title(titles[rule])
    axes[0].set_ylabel("official's gain from C over D\n(expected promotion value)")
    axes[0].text(
        0.2,
        -1.0,
        "D strictly dominant, (D, D) unique NE\nfor every λ and μ (all curves coincide)",
        ha="center",
        va="top",
        fontsize=7.5,
    )
    axes[0].legend(loc="center left", bbox_to_anchor=(0, 0.62), fontsize=7.5, frameon=False)
    ax = axes[1]
    for t in thresholds:
        if t["rule"] != "absolute" or t["threshold"] is None:
            continue
        mu_star = t["threshold"]
        colour = styles[t["lam"]][0]
        ax.plot([float(mu_star)], [0], "o", color=colour, ms=5, mec="black", zorder=5)
        if mu_star > 0:
            ax.axvline(float(mu_star), color=colour, lw=0.6, ls=":")
        ax.text(
            float(mu_star) + 0.006,
            -0.15,
            f"μ* = {_frac_label(mu_star)}",
            fontsize=7.5,
            va="top",
        )
    ax.text(
        0.39, 3.45, "right of μ*: C strictly dominant,\n(C, C) unique NE", ha="right", fontsize=7.5
    )
    return FigureResult(fig, data)


# --------------------------------------------------------------------------------------------
# multitask_diversion
# --------------------------------------------------------------------------------------------


@register(
    "multitask_diversion",
    caption=(
        "Multitask cadre evaluation (MODELS.md §8.2; V = 10, k = 1/2, c1 = c2 = 1, centre's "
        "values b = (4, 6)). Solid: the official's efforts on GDP (t1) and on public services "
        "(t2) against the weight w on GDP, corners included; raising w diverts effort from "
        "public services, which are abandoned for w >= λ/(λ + k). Dashed (right axis): the "
        "centre's payoff b't - t'Ct/2; filled marker: its maximum w*, squares: the efforts "
        "there. (a) λ = 1 (oracles M-a, M-b): no GDP effort for w <= 1/3, abandonment of "
        "public services at w = 2/3, optimal w* = 2/5 reaching the first best "
        "t = C^-1 b = (4/3, 16/3). "
        "(b) λ = 1/2 (M-c): abandonment at w = 1/2, no GDP effort for w <= 1/5; the interior "
        "first-order condition gives w = 8/35 (payoff 338/21), but the optimum is the corner "
        "w* = 0 (payoff 35/2): evaluate public services only."
    ),
)
def multitask_diversion() -> FigureResult:
    rows = []
    marks = {}
    m_by_lam = {}
    for lam in MULTITASK_LAMBDAS:
        m = MultitaskEvaluation(V=10, lam=lam, k=Fraction(1, 2), b1=4, b2=6)
        m_by_lam[float(lam)] = m
        first_best = m.first_best_efforts()
        for w in MULTITASK_WEIGHTS:
            t1, t2 = m.efforts(w)
            rows.append(
                {
                    "lam": float(lam),
                    "w": float(w),
                    "t1": float(t1),
                    "t2": float(t2),
                    "center_payoff": float(m.center_objective(w)),
                    "point": "",
                }
            )
        w_star = m.optimal_weight()
        w_c = m.abandonment_weight()
        w_foc = m.interior_optimal_weight()
        marks[float(lam)] = (w_star, w_c, w_foc)
        for name, w in (("optimal weight", w_star), ("abandonment", w_c), ("interior FOC", w_foc)):
            t1, t2 = m.efforts(w)
            rows.append(
                {
                    "lam": float(lam),
                    "w": float(w),
                    "t1": float(t1),
                    "t2": float(t2),
                    "center_payoff": float(m.center_objective(w)),
                    "point": name,
                }
            )
    data = pd.DataFrame(rows)

    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, 2)
    for n, (ax, lam) in enumerate(zip(axes, MULTITASK_LAMBDAS, strict=True)):
        part = data[(data["lam"] == float(lam)) & (data["point"] == "")]
        ax.plot(part["w"], part["t1"], color=OKABE_ITO[5], lw=2, label="GDP effort $t_1$")
        ax.plot(
            part["w"], part["t2"], color=OKABE_ITO[4], lw=2, label="public-service effort $t_2$"
        )
        w_star, w_c, w_foc = marks[float(lam)]
        ax.axvline(float(w_c), color="0.4", lw=0.8, ls=":")
        ax.text(float(w_c) + 0.015, 9.3, f"$t_2 = 0$ for\nw ≥ {_frac_label(w_c)}", fontsize=7.5)
        right = ax.twinx()
        right.plot(
            part["w"],
            part["center_payoff"],
            color="0.3",
            lw=1.2,
            ls="--",
            label="centre's payoff",
        )
        best = data[(data["lam"] == float(lam)) & (data["point"] == "optimal weight")]
        right.plot(
            best["w"], best["center_payoff"], "o", color="black", ms=5, zorder=5, clip_on=False
        )
        right.annotate(
            f"w* = {_frac_label(w_star)}",
            xy=(float(w_star), float(best["center_payoff"].iloc[0])),
            xytext=(float(w_star) + 0.06, 19.6),
            fontsize=7.5,
            arrowprops={"arrowstyle": "-", "color": "0.3", "lw": 0.6},
        )
        if w_foc != w_star:
            foc = data[(data["lam"] == float(lam)) & (data["point"] == "interior FOC")]
            right.plot(foc["w"], foc["center_payoff"], "o", color="white", mec="black", ms=5)
            right.annotate(
                f"interior FOC\nw = {_frac_label(w_foc)}",
                xy=(float(w_foc), float(foc["center_payoff"].iloc[0])),
                xytext=(float(w_foc) + 0.06, 10.5),
                fontsize=7.5,
                arrowprops={"arrowstyle": "-", "color": "0.3", "lw": 0.6},
            )
        right.set_ylim(-12, 24)
        if n == 1:
            right.set_ylabel("centre's payoff $b't - t'Ct/2$ (dashed)")
        at_best = data[(data["lam"] == float(lam)) & (data["point"] == "optimal weight")]
        t_best = (float(at_best["t1"].iloc[0]), float(at_best["t2"].iloc[0]))
        ax.plot([float(w_star)] * 2, t_best, "s", color="black", ms=4, zorder=5, clip_on=False)
        t1_best, t2_best = m_by_lam[float(lam)].efforts(w_star)
        ax.text(
            0.03,
            1.4 if n == 0 else 0.8,
            f"■ efforts at w*:\nt = ({_frac_label(t1_best)}, {_frac_label(t2_best)})"
            + ("\n= first best $C^{-1}b$" if (t1_best, t2_best) == first_best else ""),
            fontsize=7.5,
        )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 11)
        ax.set_xlabel("weight w on GDP in the evaluation")
        label = "M-a, M-b" if lam == 1 else "M-c"
        ax.set_title(f"({'ab'[n]}) measurability λ = {_frac_label(lam)} ({label})")
        if n == 0:
            lines = ax.get_legend_handles_labels()
            extra = right.get_legend_handles_labels()
            fig.legend(
                lines[0] + extra[0],
                lines[1] + extra[1],
                loc="outside upper center",
                ncol=3,
                fontsize=7.5,
                frameon=False,
            )
    axes[0].set_ylabel("effort (solid)")
    return FigureResult(fig, data)
