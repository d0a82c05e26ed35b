"""Promotion tournament (MODELS.md §1): oracles T1-a to T1-f, closed forms against numerics."""

from __future__ import annotations

import dataclasses
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, stats

import gametheory as gt
from gametheory.models.tournament import (
    LOGISTIC_DIFFERENCE_SLOPE,
    PromotionTournament,
)

F = Fraction
DIFF = {"noise_of": "difference"}  # MODELS.md's uniform shortcut: xi ~ U[-h, h]


def matrix(game, player=0):
    return [[game.payoff((i, j))[player] for j in range(game.shape[1])] for i in range(2)]


# ------------------------------------------------------------------ §1.5 oracles


@pytest.mark.parametrize("noise_of", ["official", "difference"])
def test_T1a_uniform_effort(noise_of):
    # g(0) = 1/(2h) both for xi ~ U[-h, h] and for iid eps ~ U[-h, h] (triangular xi)
    efforts = [
        PromotionTournament(V=10, scale=5, c=1, beta=beta, noise_of=noise_of).equilibrium_effort()
        for beta in (0, F(1, 2), F(-1, 2))
    ]
    assert efforts == [1, F(1, 2), F(3, 2)]
    assert all(isinstance(e, Fraction) for e in efforts)


def test_T1b_normal_effort():
    model = PromotionTournament(V=10, noise="normal", scale=1, c=1)
    assert sympy.simplify(model.equilibrium_effort() - 5 / sympy.sqrt(sympy.pi)) == 0
    assert float(model.equilibrium_effort()) == pytest.approx(2.8209479177, abs=1e-9)
    half = dataclasses.replace(model, beta=F(1, 2)).equilibrium_effort()
    assert float(half) == pytest.approx(1.4104739589, abs=1e-9)
    # floats in, float out; sigma of the difference directly: g(0) = 1/(sigma_xi sqrt(2 pi))
    assert PromotionTournament(V=10.0, noise="normal", scale=1).equilibrium_effort() == (
        pytest.approx(5 / math.sqrt(math.pi), abs=1e-12)
    )
    direct = PromotionTournament(noise="normal", scale=math.sqrt(2), noise_of="difference")
    assert direct.equilibrium_effort() == pytest.approx(5 / math.sqrt(math.pi), abs=1e-12)


def test_T1c_gumbel_and_logistic_effort():
    # iid Gumbel shocks -> logistic difference, g(0) = 1/(4s): MODELS.md's oracle
    for kwargs in ({"noise": "gumbel"}, {"noise": "logistic", "noise_of": "difference"}):
        model = PromotionTournament(V=10, scale=1, c=1, **kwargs)
        assert model.equilibrium_effort() == F(5, 2)
        assert dataclasses.replace(model, beta=F(1, 2)).equilibrium_effort() == F(5, 4)
    # iid logistic shocks: the difference is not logistic, g(0) = 1/(6s)
    model = PromotionTournament(V=10, scale=1, c=1, noise="logistic")
    assert model.density_at_zero() == F(1, 6)
    assert model.equilibrium_effort() == F(5, 3)
    assert dataclasses.replace(model, beta=F(1, 2)).equilibrium_effort() == F(5, 6)


def test_T1d_discretised_game():
    model = PromotionTournament(V=10, scale=5, c=1, **DIFF)
    game = model.discretised_game([0, 1])
    assert game.is_exact and game.actions == (("0", "1"), ("0", "1"))
    assert matrix(game) == [[5, 4], [F(11, 2), F(9, 2)]]
    assert matrix(game, 1) == [[5, F(11, 2)], [4, F(9, 2)]]
    (eq,) = gt.equilibria(game)
    assert eq.pure_profile == (1, 1) and eq.payoffs == (F(9, 2), F(9, 2))
    # (H, H) is a rat race: each gets V/2 - c/2 < V/2 = payoff of (0, 0)
    assert gt.dominant_strategy_equilibrium(game) == (1, 1)
    assert not gt.is_pareto_efficient(game, (1, 1))
    game = dataclasses.replace(model, beta=F(3, 5)).discretised_game([0, 1])
    assert matrix(game) == [[5, F(23, 5)], [F(49, 10), F(9, 2)]]
    (eq,) = gt.equilibria(game)
    assert eq.pure_profile == (0, 0)
    assert model.rat_race_threshold(1) == F(1, 2)


def test_T1d_rat_race_threshold_against_the_games():
    # beta* = 1 - c h e_H / V for uniform difference noise; e_H dominant iff beta < beta*
    model = PromotionTournament(V=10, scale=5, c=1, **DIFF)
    beta_star = model.rat_race_threshold(1)
    for beta in (beta_star - F(1, 100), beta_star + F(1, 100)):
        game = dataclasses.replace(model, beta=beta).discretised_game([0, 1])
        expected = (1, 1) if beta < beta_star else (0, 0)
        assert gt.dominant_strategy_equilibrium(game) == expected
    # at beta* exactly: indifference, no strict dominance
    game = dataclasses.replace(model, beta=beta_star).discretised_game([0, 1])
    assert gt.dominant_strategy_equilibrium(game) is None
    # other noises: closed form via the quantile, checked on float games
    for kwargs in (
        {"noise": "normal", "scale": 1},
        {"noise": "logistic", "scale": 1},
        {"noise": "uniform", "scale": 5},
        {"noise": "gumbel", "scale": 1},
    ):
        m = PromotionTournament(V=10, c=1, **kwargs)
        b = float(m.rat_race_threshold(1))
        assert -2 < b < 1
        for beta, expected in ((b - 1e-3, (1, 1)), (b + 1e-3, (0, 0))):
            g = dataclasses.replace(m, beta=beta).discretised_game([0.0, 1.0])
            assert gt.dominant_strategy_equilibrium(g) == expected, (kwargs, beta)
    assert model.rat_race_threshold(5) == -sympy.oo  # c e_H^2 >= V: never worth it


def test_T1e_official_versus_region_game():
    model = PromotionTournament(b=2, s_C=1, a=-1, d=3, V=10, scale=5, **DIFF)
    official = model.game()
    assert official.actions == (("C", "D"), ("C", "D"))
    assert matrix(official) == [[5, 3], [7, 5]]
    (eq,) = gt.equilibria(official)
    assert eq.pure_profile == (1, 1)
    region = model.region_game()
    assert region.players == ("Region 1", "Region 2")
    assert matrix(region) == [[4, -1], [1, -4]]
    (eq,) = gt.equilibria(region)
    assert eq.pure_profile == (0, 0) and eq.payoffs == (4, 4)
    assert region.payoff(("D", "D")) == (-4, -4)
    assert model.reform_threshold() == F(3, 5)
    # the defaults are the T1-e numbers
    assert PromotionTournament(**DIFF).game() == official


def test_T1f_optimal_prize():
    model = PromotionTournament(scale=5, v=1, **DIFF)
    assert model.optimal_prize() == 10
    assert dataclasses.replace(model, beta=F(1, 2)).optimal_prize() == 30
    # the prize implements the social optimum: e*(V*) = e_SO = (1 + beta) v / c
    for beta in (F(-1, 2), 0, F(1, 3), F(9, 10)):
        m = dataclasses.replace(model, beta=beta)
        implemented = dataclasses.replace(m, V=m.optimal_prize())
        assert implemented.equilibrium_effort() == m.social_optimum_effort() == 1 + beta
    # V* grows without bound as beta -> 1
    assert dataclasses.replace(model, beta=F(99, 100)).optimal_prize() == 1990


def test_section_1_3_action_classification():
    model = PromotionTournament(V=10, scale=5, **DIFF)
    rows = {
        (1, 2): (F(-1, 10), 3, "win-win", False),
        (2, 1): (F(1, 10), 3, "win-win", True),
        (1, -2): (F(3, 10), -1, "win-lose", True),  # 损人利己
        (-1, -3): (F(1, 5), -4, "lose-lose", True),  # 损人不利己
    }
    for (di, dj), (dp, surplus, kind, taken) in rows.items():
        inc = model.action_incentive(di, dj)
        assert (inc.delta_p, inc.joint_surplus, inc.kind, inc.taken) == (dp, surplus, kind, taken)
        assert inc.gain == 10 * dp
    # a private cost can stop an action: V (di - dj)/(2h) > kappa
    assert not model.action_incentive(2, 1, kappa=1).taken
    assert model.action_incentive(2, 1, kappa=F(99, 100)).taken
    symbolic = model.action_incentive(sympy.Symbol("x"), 0)
    assert symbolic.kind == "symbolic"


# ------------------------------------------------------------------ noise: exact derivations


PER_OFFICIAL = {
    "uniform": stats.uniform(loc=-2, scale=4),  # U[-2, 2]
    "normal": stats.norm(scale=2),
    "logistic": stats.logistic(scale=2),
    "gumbel": stats.gumbel_r(scale=2),
}


@pytest.mark.parametrize("noise", list(PER_OFFICIAL))
def test_density_at_zero_by_integration(noise):
    # g(0) = integral of f(x) f(x) dx for xi = eps_j - eps_i with iid eps ~ f
    dist = PER_OFFICIAL[noise]
    lo, hi = dist.ppf(1e-13), dist.ppf(1 - 1e-13)
    numeric, _ = integrate.quad(lambda x: dist.pdf(x) ** 2, lo, hi, points=[0], limit=200)
    model = PromotionTournament(noise=noise, scale=2)
    assert float(model.density_at_zero()) == pytest.approx(numeric, abs=1e-9)


@pytest.mark.parametrize("noise", list(PER_OFFICIAL))
def test_cdf_by_integration(noise):
    # G(x) = Pr(eps_j - eps_i < x) = E[F(eps_i + x)]
    dist = PER_OFFICIAL[noise]
    model = PromotionTournament(noise=noise, scale=2)
    exact_model = PromotionTournament(noise=noise, scale=2, V=10)
    lo, hi = dist.ppf(1e-13), dist.ppf(1 - 1e-13)
    for x in (-5.0, -1.3, -1e-4, 0.0, 0.7, 3.0, 9.0):
        numeric, _ = integrate.quad(lambda e, x=x: dist.pdf(e) * dist.cdf(e + x), lo, hi, limit=200)
        assert model.win_probability(x) == pytest.approx(numeric, abs=1e-9)
        lead = np.array([x])
        noise_obj = exact_model._noise()
        assert noise_obj.cdf_float(lead)[0] == pytest.approx(numeric, abs=1e-9)
    assert exact_model.win_probability(0) == F(1, 2)


def test_quantile_inverts_the_cdf():
    cases = [{"noise": n} for n in PER_OFFICIAL] + [
        {"noise": n, "noise_of": "difference"} for n in ("uniform", "normal", "logistic")
    ]
    for kwargs in cases:
        model = PromotionTournament(scale=2, **kwargs)
        for p in (F(1, 10), F(1, 2), F(7, 10), F(99, 100)):
            x = model.quantile(p)
            assert float(model.win_probability(float(x))) == pytest.approx(float(p), abs=1e-12)
    with pytest.raises(ValueError, match=r"\(0, 1\)"):
        PromotionTournament().quantile(1)


def test_logistic_difference_slope_constant():
    # sup |g'| for the difference of two standard logistic shocks
    g = lambda z: math.exp(z) * ((z - 2) * math.exp(z) + z + 2) / (math.exp(z) - 1) ** 3  # noqa: E731
    slope = lambda z: (g(z + 1e-5) - g(z - 1e-5)) / 2e-5  # noqa: E731
    res = optimize.minimize_scalar(lambda z: slope(z), bounds=(0.5, 5), method="bounded")
    assert -res.fun == pytest.approx(LOGISTIC_DIFFERENCE_SLOPE, rel=1e-6)


# ------------------------------------------------------------------ e* against numerics


@pytest.mark.parametrize(
    "kwargs",
    [
        {"noise": "uniform", "scale": 5.0},
        {"noise": "uniform", "scale": 5.0, "noise_of": "difference"},
        {"noise": "normal", "scale": 2.0},
        {"noise": "normal", "scale": 3.0, "noise_of": "difference"},
        {"noise": "logistic", "scale": 1.0},
        {"noise": "logistic", "scale": 2.0, "noise_of": "difference"},
        {"noise": "gumbel", "scale": 2.0},
    ],
)
@pytest.mark.parametrize("beta", [0.0, 0.5, -0.5])
def test_equilibrium_effort_is_a_best_response(kwargs, beta):
    # parameters chosen so that equilibrium_condition() holds; then e* must be a global best
    # response to itself, found independently by a bounded scalar search and a dense grid
    model = PromotionTournament(V=10.0, c=1.0, beta=beta, **kwargs)
    assert model.equilibrium_condition() is sympy.true
    e_star = model.equilibrium_effort()
    assert isinstance(e_star, float)
    res = optimize.minimize_scalar(
        lambda e: -model.payoff(e, e_star),
        bounds=(0, 3 * e_star + 5),
        method="bounded",
        options={"xatol": 1e-10},
    )
    assert res.x == pytest.approx(e_star, abs=1e-5)
    grid = np.linspace(0, 3 * e_star + 5, 2001)
    values = 10 * model._noise().cdf_float((1 - beta) * (grid - e_star)) - grid**2 / 2
    assert values.max() <= model.payoff(e_star, e_star) + 1e-12


def test_first_order_condition_without_global_optimality():
    # Gumbel s = 1, beta = -1/2: e* = 15/4 solves the FOC, but its payoff V/2 - e*^2/2 < 0 is
    # beaten by e = 0; the (sufficient) condition correctly fails
    model = PromotionTournament(V=10.0, c=1.0, beta=-0.5, noise="gumbel", scale=1.0)
    e_star = model.equilibrium_effort()
    assert e_star == pytest.approx(3.75)
    h = 1e-6
    foc = (model.payoff(e_star + h, e_star) - model.payoff(e_star - h, e_star)) / (2 * h)
    assert foc == pytest.approx(0, abs=1e-6)
    assert model.payoff(0, e_star) > model.payoff(e_star, e_star)
    assert model.equilibrium_condition() is sympy.false


@pytest.mark.parametrize(
    ("noise", "scale", "step"),
    [
        ("normal", 1.0, 0.2),
        ("normal", 1.0, 0.05),
        ("logistic", 1.0, 0.05),
        ("gumbel", 1.0, 0.05),
        ("uniform", 5.0, 0.05),
    ],
)
def test_discretised_equilibria_converge_to_e_star(noise, scale, step):
    model = PromotionTournament(V=10.0, c=1.0, noise=noise, scale=scale)
    e_star = model.equilibrium_effort()
    levels = [k * step for k in range(round(2 * e_star / step) + 3)]
    game = model.discretised_game(levels)
    eqs = gt.pure_equilibria(game)
    symmetric = [eq.pure_profile for eq in eqs if eq.pure_profile[0] == eq.pure_profile[1]]
    assert symmetric, "the discretised tournament has a symmetric pure equilibrium"
    for i, _ in symmetric:
        assert abs(levels[i] - e_star) <= step
    assert max(abs(levels[i] - e_star) for i, _ in symmetric) <= step


def test_discretised_uniform_difference_has_dominant_nearest_level():
    # linear win probability: payoff separable, the level nearest e* is dominant
    model = PromotionTournament(V=10, scale=5, c=1, beta=F(1, 3), **DIFF)  # e* = 2/3
    levels = [F(k, 4) for k in range(9)]
    game = model.discretised_game(levels)
    assert gt.dominant_strategy_equilibrium(game) == (3, 3)  # 3/4 nearest to 2/3
    exact = dataclasses.replace(model, beta=0).discretised_game([0, F(1, 2), 1, F(3, 2)])
    assert gt.dominant_strategy_equilibrium(exact) == (2, 2)  # e* = 1 on the grid


def test_exact_normal_discretised_game_needs_evalf():
    game = PromotionTournament(noise="normal", scale=1).discretised_game([0, 1, 2, 3, 4])
    assert game.kind == "symbolic" and game.parameters == ()
    float_game = PromotionTournament(noise="normal", scale=1.0).discretised_game([0, 1, 2, 3, 4])
    assert np.allclose(game.as_float()[0], float_game.as_float()[0], atol=1e-12)
    assert [eq.pure_profile for eq in gt.pure_equilibria(game.evalf())] == [(3, 3)]


def test_equilibrium_condition_uniform_difference_is_exact():
    # exact: (1 - beta)^2 V <= 4 h^2 c. With h = 5, c = 1, V = 80 MODELS.md's sufficient
    # (1 - beta)^2 V <= 2 h^2 c = 50 fails, yet e* = 8 > h is a best response (V/2 > c e*^2/2)
    model = PromotionTournament(V=80, scale=5, c=1, **DIFF)
    assert model.equilibrium_condition() == sympy.true
    e = model.equilibrium_effort()
    assert e == 8 and model.payoff(e, e) == 8 > model.payoff(0, e) == 0
    for V in (50, 99, 100, 101, 150, 400):
        model = PromotionTournament(V=V, scale=5, c=1, **DIFF)
        holds = model.equilibrium_condition() == sympy.true
        assert holds == (V <= 100)
        e = model.equilibrium_effort()
        grid = [F(k, 16) * e for k in range(33)]
        best = max(model.payoff(x, e) for x in grid)
        assert holds == (best <= model.payoff(e, e))
    V, h, c = sympy.symbols("V h c", positive=True)
    cond = PromotionTournament(V=V, scale=h, c=c, **DIFF).equilibrium_condition()
    assert sympy.simplify(cond.lhs - cond.rhs - (V - 4 * h**2 * c)) == 0


def test_no_pure_equilibrium_when_concavity_fails_badly():
    model = PromotionTournament(V=10.0, scale=1.0, noise="uniform")  # V/(4a^2) = 2.5 > c
    assert model.equilibrium_condition() == sympy.false
    game = model.discretised_game([k / 20 for k in range(101)])
    assert gt.pure_equilibria(game) == []


def test_comparative_statics_signs():
    for noise in ("uniform", "normal", "logistic", "gumbel"):
        signs = {
            k: s.sign for k, s in PromotionTournament(noise=noise).comparative_statics().items()
        }
        assert signs == {"V": "positive", "c": "negative", "scale": "negative", "beta": "negative"}
    beta = PromotionTournament(**DIFF).comparative_statics()["beta"]
    V, c, scale = sympy.symbols("V c scale", positive=True)
    assert sympy.simplify(beta.derivative + V / (2 * scale * c)) == 0  # -V g(0)/c


def test_symbolic_effort_and_prize():
    V, c, s, v = sympy.symbols("V c s v", positive=True)
    beta = sympy.Symbol("beta", negative=True)
    model = PromotionTournament(V=V, c=c, scale=s, beta=beta, v=v, noise="normal")
    e = model.equilibrium_effort()
    assert sympy.simplify(e - (1 - beta) * V / (2 * s * c * sympy.sqrt(sympy.pi))) == 0
    prize = model.optimal_prize()
    assert sympy.simplify(prize - (1 + beta) * v * 2 * s * sympy.sqrt(sympy.pi) / (1 - beta)) == 0


# ------------------------------------------------------------------ evaluation reform


def test_reform_does_nothing_under_rank_rule():
    model = PromotionTournament(**DIFF)
    for weight in ("lam", "mu"):
        effect = model.reform_effect(weight, rule="rank")
        assert not effect.depends_on_weight
        assert effect.symbol not in effect.condition.free_symbols
        assert effect.condition == sympy.false and effect.threshold is None
    # the rank game is literally the same for every weight, with any noise
    for noise in ("uniform", "normal"):
        base = PromotionTournament(noise=noise, scale=5, rule="rank").game()
        for lam in (0, F(1, 2), 1):
            for mu in (0, 1, 3):
                m = PromotionTournament(noise=noise, scale=5, rule="rank", lam=lam, mu=mu)
                assert m.game() == base


def test_reform_works_under_absolute_rule():
    model = PromotionTournament(rule="absolute", **DIFF)
    effect = model.reform_effect("lam")
    assert effect.depends_on_weight
    assert effect.threshold.upper == F(3, 5) and effect.threshold.upper_strict
    assert effect.threshold.upper == model.reform_threshold()
    # at lam = 1, mu = 0, bar = 0 the absolute rule coincides with the rank rule
    rank = PromotionTournament(**DIFF).game()
    assert all(
        (x == y).all() for x, y in zip(model.game().payoff_arrays, rank.payoff_arrays, strict=True)
    )
    # solving the games: lam below lam* gives (C, C), above gives (D, D)
    for lam, expected in ((F(1, 2), (0, 0)), (F(7, 10), (1, 1)), (0, (0, 0))):
        (eq,) = gt.equilibria(dataclasses.replace(model, lam=lam).game())
        assert eq.pure_profile == expected
    # the parametric game substitutes to the numeric one
    assert effect.game.subs(lam=F(1, 2)) == dataclasses.replace(model, lam=F(1, 2)).game()
    # joint-output weight mu: lam* = (b - a + mu (b + b s_C - a + d)) / (b s_C + d)
    mu_effect = model.reform_effect("mu")
    assert mu_effect.threshold.lower == F(1, 4)
    assert dataclasses.replace(model, mu=F(1, 4)).reform_threshold() == 1
    (eq,) = gt.equilibria(dataclasses.replace(model, mu=F(1, 3)).game())
    assert eq.pure_profile == (0, 0)


def test_reform_conditions_symbolic():
    b, a, d, s_C = sympy.symbols("b a d s_C", positive=True)
    model = PromotionTournament(b=b, a=a, d=d, s_C=s_C, **DIFF)
    rank = model.reform_effect("lam", rule="rank")
    # Cooperate dominant iff b (1 - s_C) > a + d, whatever the weights
    assert sympy.simplify(rank.condition.lhs - (b * (1 - s_C) - a - d)) == 0
    absolute = model.reform_effect("lam", rule="absolute")
    assert sympy.simplify(absolute.threshold.upper - (b - a) / (b * s_C + d)) == 0


def test_reform_rejects_saturated_uniform_noise():
    model = PromotionTournament(scale=1, rule="absolute", **DIFF)  # |index| reaches 2 > h = 1
    with pytest.raises(ValueError, match="saturates"):
        model.reform_effect("lam")
    with pytest.raises(ValueError, match="unknown weight"):
        PromotionTournament().reform_effect("nu")
    with pytest.raises(ValueError, match="unknown rule"):
        PromotionTournament().reform_effect("lam", rule="median")


@settings(max_examples=60, deadline=None)
@given(
    V=st.integers(1, 40),
    h=st.integers(1, 10),
    c=st.integers(1, 5),
    e_H=st.fractions(F(1, 10), 3),
    beta=st.fractions(-2, F(99, 100)),
)
def test_rat_race_threshold_property(V, h, c, e_H, beta):
    model = PromotionTournament(V=V, scale=h, c=c, beta=beta, **DIFF)
    game = model.discretised_game([0, e_H])
    threshold = model.rat_race_threshold(e_H)
    dominant = gt.dominant_strategy_equilibrium(game) == (1, 1)
    assert dominant == (beta < threshold)


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"V": 0}, ValueError, "V must be positive"),
        ({"c": -1}, ValueError, "c must be positive"),
        ({"scale": -2}, ValueError, "noise scale must be positive"),
        ({"scale": 0}, ValueError, "noise scale must be positive"),
        ({"beta": 1}, ValueError, "beta must be < 1"),
        ({"beta": 1.5}, ValueError, "beta must be < 1"),
        ({"noise": "cauchy"}, ValueError, "unknown noise"),
        ({"noise_of": "both"}, ValueError, "unknown noise_of"),
        ({"noise": "gumbel", "noise_of": "difference"}, ValueError, "symmetric"),
        ({"rule": "median"}, ValueError, "unknown rule"),
        ({"lam": F(3, 2)}, ValueError, r"lam must lie in \[0, 1\]"),
        ({"lam": -1}, ValueError, r"lam must lie in \[0, 1\]"),
        ({"mu": -1}, ValueError, "mu must be >= 0"),
        ({"d": -1}, ValueError, "damage d"),
        ({"s_C": -1}, ValueError, "s_C"),
        ({"v": -1}, ValueError, "value of effort"),
        ({"V": "10"}, TypeError, "parameter V"),
        ({"beta": True}, TypeError, "boolean"),
        ({"V": float("inf")}, ValueError, "not finite"),
        ({"scale": sympy.Symbol("s", negative=True)}, ValueError, "noise scale"),
        ({"players": ("A", "A")}, ValueError, "different names"),
    ],
)
def test_invalid_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        PromotionTournament(**kwargs)


def test_invalid_method_arguments():
    model = PromotionTournament()
    with pytest.raises(ValueError, match="distinct"):
        model.discretised_game([0, 1, 1])
    with pytest.raises(ValueError, match=">= 0"):
        model.discretised_game([-1, 1])
    with pytest.raises(ValueError, match="at least one"):
        model.discretised_game([])
    with pytest.raises(ValueError, match="kappa"):
        model.action_incentive(1, 0, kappa=-1)
    with pytest.raises(ValueError, match="e_H must be positive"):
        model.rat_race_threshold(0)
    with pytest.raises(ValueError, match=">= 0"):
        model.payoff(-1, 0)


def test_frozen_and_symbols_allowed():
    model = PromotionTournament()
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.V = 3  # type: ignore[misc]
    beta = sympy.Symbol("beta")  # sign unknown: accepted, formulas stay symbolic
    assert PromotionTournament(beta=beta).equilibrium_effort() == 1 - beta


def test_docstring_examples():
    import doctest

    import gametheory.models.tournament as module

    assert doctest.testmod(module).failed == 0


def test_symbolic_discretised_game_with_the_toolkit_solvers():
    # the parametric 2-level game, solved by gametheory.symbolic: e_H = 1 dominant iff V > 5,
    # i.e. beta* = 1 - c h e_H / V > 0 exactly when V > c h e_H = 5
    V = sympy.Symbol("V", positive=True)
    game = PromotionTournament(V=V, **DIFF).discretised_game([0, 1])
    assert game.parameters == (V,)
    condition = gt.equilibrium_conditions(game, (1, 1), strict=True, concept="dominant")
    solved = gt.threshold(condition, V)
    assert solved.lower == 5 and solved.lower_strict and solved.upper == sympy.oo
    assert sympy.simplify(PromotionTournament(V=V, **DIFF).rat_race_threshold(1) - (1 - 5 / V)) == 0
    normal = PromotionTournament(V=V, noise="normal", scale=5).rat_race_threshold(1)
    assert sympy.simplify(normal - (1 - 10 * sympy.erfinv(1 / V))) == 0


def test_equal_effort_levels_written_differently_are_duplicates():
    from gametheory.models import MultitaskEvaluation

    with pytest.raises(ValueError, match="distinct"):
        PromotionTournament().discretised_game([1, 1.0])
    with pytest.raises(ValueError, match="distinct"):
        MultitaskEvaluation().game([1, 1.0], 10)
