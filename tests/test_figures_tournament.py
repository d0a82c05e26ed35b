"""Figures of the promotion tournament and multitask evaluation: they render, and the numbers they
draw are the models' closed forms (MODELS.md §1.2-1.3 and §8, oracles T1-a, T1-e, M-a, M-b, M-c),
cross-checked where possible by an independent computation."""

from __future__ import annotations

import math
import time
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
import sympy
from matplotlib.figure import Figure

from gametheory.figures import FigureResult, get
from gametheory.figures.tournament import (
    REFORM_LAMBDAS,
    REFORM_MUS,
    SPILLOVER_NOISES,
    spillover_crossing,
)
from gametheory.models.tournament import PromotionTournament

F = Fraction
NAMES = ("tournament_spillover", "evaluation_reform", "multitask_diversion")


@pytest.fixture(scope="module")
def results() -> dict[str, FigureResult]:
    out = {}
    for name in NAMES:
        start = time.perf_counter()
        out[name] = get(name)()
        out[f"{name}:seconds"] = time.perf_counter() - start  # type: ignore[assignment]
    return out


@pytest.mark.parametrize("name", NAMES)
def test_figure_renders(results, name, tmp_path):
    result = results[name]
    assert isinstance(result, FigureResult) and isinstance(result.figure, Figure)
    assert len(result.figure.axes) >= 2
    assert not result.data.empty
    assert get(name).caption
    path = tmp_path / f"{name}.png"
    result.figure.savefig(path, dpi=60)
    assert path.stat().st_size > 1000
    assert results[f"{name}:seconds"] < 5


@pytest.mark.parametrize("name", NAMES)
def test_figure_data_is_deterministic(results, name):
    again = get(name)().data
    pd.testing.assert_frame_equal(results[name].data, again)


# ------------------------------------------------------------------ tournament_spillover


#: g(0) of the difference of two iid shocks: uniform U[-5, 5] -> 1/10 (triangular), normal
#: sigma = 2 -> 1/(2 sigma sqrt(pi)), Gumbel s = 2 -> logistic difference 1/(4s), iid logistic
#: s = 2 -> 1/(6s) (MODELS.md §1.2 and the model's notes).
G0 = {
    "uniform, a = 5": 1 / 10,
    "normal, σ = 2": 1 / (4 * math.sqrt(math.pi)),
    "Gumbel, s = 2": 1 / 8,
    "logistic, s = 2": 1 / 12,
}


def test_spillover_efforts_are_the_closed_form(results):
    data = results["tournament_spillover"].data
    curves = data[(data["panel"] == "a") & ~data["series"].str.endswith("crossing")]
    assert set(curves["series"]) == set(G0)
    for label, g0 in G0.items():
        part = curves[curves["series"] == label]
        assert len(part) == 30
        beta = part["beta"].to_numpy()
        # e* = (1 - beta) V g(0) / c with V = 10, c = 1; e_SO = (1 + beta) v / c with v = 1
        np.testing.assert_allclose(part["e_star"], (1 - beta) * 10 * g0, rtol=0, atol=1e-12)
        np.testing.assert_allclose(part["e_so"], 1 + beta, rtol=0, atol=1e-12)
        assert part["certified"].all()  # the model's condition certifies every point drawn
    # oracle T1-a: uniform, V = 10, h = 5, c = 1: e*(0) = 1, e*(1/2) = 1/2, e*(-1/2) = 3/2
    uniform = curves[curves["series"] == "uniform, a = 5"].set_index("beta")["e_star"]
    assert (uniform[0.0], uniform[0.5], uniform[-0.5]) == (1.0, 0.5, 1.5)


def test_spillover_crossings():
    expected = {
        "uniform, a = 5": sympy.Integer(0),
        "Gumbel, s = 2": sympy.Rational(1, 9),
        "logistic, s = 2": sympy.Rational(-1, 11),
        "normal, σ = 2": (5 - 2 * sympy.sqrt(sympy.pi)) / (5 + 2 * sympy.sqrt(sympy.pi)),
    }
    for label, noise in SPILLOVER_NOISES.items():
        crossing = spillover_crossing(noise)
        assert sympy.simplify(crossing - expected[label]) == 0, label
        # (V g(0) - v) / (V g(0) + v) from the closed form
        vg = 10 * G0[label]
        assert float(crossing) == pytest.approx((vg - 1) / (vg + 1), abs=1e-12)


def test_spillover_crossing_points_lie_on_both_curves(results):
    data = results["tournament_spillover"].data
    cross = data[data["series"].str.endswith("crossing")]
    assert len(cross) == 4
    np.testing.assert_allclose(cross["e_star"], cross["e_so"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(cross["e_so"], 1 + cross["beta"], rtol=0, atol=1e-12)


def test_refusal_of_win_win_points(results):
    data = results["tournament_spillover"].data
    part = data[data["panel"] == "b"].set_index(["delta_own", "delta_rival"])
    # MODELS.md §1.3 table, V = 10, h = 5, kappa = 0
    table = {
        (1, 2): (-0.1, 3, False),
        (2, 1): (0.1, 3, True),
        (1, -2): (0.3, -1, True),
        (-1, -3): (0.2, -4, True),
    }
    for key, (dp, surplus, taken) in table.items():
        row = part.loc[key]
        assert row["delta_p"] == pytest.approx(dp, abs=1e-15)
        assert row["joint_surplus"] == surplus and row["taken"] == taken
    # the shaded regions: taken iff own > rival (the official's line), whatever own + rival
    model = PromotionTournament(V=10, scale=5, noise_of="difference")
    for own, rival in [(-3, -1), (3, 1), (0, 2), (F(1, 2), F(-7, 2)), (2, 2), (-2, 3)]:
        inc = model.action_incentive(own, rival)
        assert inc.taken == (own > rival)
        assert inc.delta_p == F(own - rival) / 10


# ------------------------------------------------------------------ evaluation_reform


def _gain(lam: Fraction, mu: Fraction) -> Fraction:
    """Absolute rule, T1-e numbers: Delta S_i of C over D, (b - a)(1 + mu) + (b s_C + d)(mu - lam),
    times V/(2h) = 1; independent of the rival's action."""
    b, s_C, a, d = 2, 1, -1, 3
    return (b - a) * (1 + mu) + (b * s_C + d) * (mu - lam)


def test_reform_rank_rule_changes_nothing(results):
    data = results["evaluation_reform"].data
    rank = data[data["rule"] == "rank"]
    assert len(rank) == len(REFORM_LAMBDAS) * len(REFORM_MUS)
    # V/(2h) (b (1 - s_C) - a - d) = -2 for every weight: oracle T1-e A = [[5, 3], [7, 5]]
    assert (rank["gain_vs_C"] == -2).all() and (rank["gain_vs_D"] == -2).all()
    assert (rank["equilibria"] == "(D, D)").all()
    assert not rank["weights_matter"].any() and rank["threshold_mu"].isna().all()
    assert (data["region_gain"] == 3).all()  # b - a: the regions always gain from C


def test_reform_absolute_rule_thresholds(results):
    data = results["evaluation_reform"].data
    absolute = data[data["rule"] == "absolute"]
    for row in absolute.itertuples():
        lam, mu = F(row.lam).limit_denominator(10), F(row.mu).limit_denominator(40)
        gain = _gain(lam, mu)
        assert row.gain_vs_C == float(gain) and row.gain_vs_D == float(gain)
        mu_star = (5 * lam - 3) / 8  # gain = 0
        assert row.threshold_mu == float(mu_star)
        if mu > mu_star:
            assert row.equilibria == "(C, C)"
        elif mu < mu_star:
            assert row.equilibria == "(D, D)"
        else:  # indifference: every profile is an equilibrium
            assert "(C, C)" in row.equilibria and "(D, D)" in row.equilibria
    thresholds = absolute.groupby("lam")["threshold_mu"].first().to_dict()
    assert thresholds == {1.0: 0.25, 0.8: 0.125, 0.6: 0.0}
    # the model's lam* at mu = mu*(lam) is lam itself: the two thresholds agree
    for lam in REFORM_LAMBDAS:
        mu_star = (5 * lam - 3) / 8
        model = PromotionTournament(noise_of="difference", rule="absolute", mu=mu_star)
        assert model.reform_threshold() == lam
    # at lam = 1, mu = 0 the absolute rule is the rank rule
    start = absolute[(absolute["lam"] == 1.0) & (absolute["mu"] == 0.0)]
    assert float(start["gain_vs_C"].iloc[0]) == -2


# ------------------------------------------------------------------ multitask_diversion


def _kkt_efforts(V: float, w: float, lam: float, k: float) -> tuple[float, float]:
    """max V (w t1 + (1 - w) lam t2) - (t1^2 + t2^2 + 2 k t1 t2)/2 over t >= 0, by enumerating
    the four active sets and keeping the best feasible candidate (independent of the model)."""
    m = np.array([w, (1 - w) * lam]) * V
    C = np.array([[1.0, k], [k, 1.0]])
    candidates = [np.zeros(2), np.array([max(m[0], 0), 0.0]), np.array([0.0, max(m[1], 0)])]
    t = np.linalg.solve(C, m)
    if (t >= 0).all():
        candidates.append(t)

    def value(t: np.ndarray) -> float:
        return float(m @ t - t @ C @ t / 2)

    best = max(candidates, key=value)
    return float(best[0]), float(best[1])


def test_multitask_efforts_match_an_independent_kkt_solution(results):
    data = results["multitask_diversion"].data
    curve = data[data["point"] == ""]
    assert len(curve) == 2 * 61
    for row in curve.itertuples():
        t1, t2 = _kkt_efforts(10.0, row.w, row.lam, 0.5)
        assert row.t1 == pytest.approx(t1, abs=1e-12) and row.t2 == pytest.approx(t2, abs=1e-12)
        payoff = 4 * t1 + 6 * t2 - (t1**2 + t2**2 + t1 * t2) / 2
        assert row.center_payoff == pytest.approx(payoff, abs=1e-12)
    # oracle M-a: w = 1/2 gives (10/3, 10/3), w = 3/4 gives (15/2, 0)
    a = curve[curve["lam"] == 1.0].set_index("w")
    assert (a.loc[0.5, "t1"], a.loc[0.5, "t2"]) == (10 / 3, 10 / 3)
    assert (a.loc[0.75, "t1"], a.loc[0.75, "t2"]) == (7.5, 0.0)


def test_multitask_marked_points(results):
    data = results["multitask_diversion"].data
    marks = data[data["point"] != ""].set_index(["lam", "point"])
    # M-a: abandonment at 2/3; M-b: w* = 2/5 with t = (4/3, 16/3), the first best
    assert marks.loc[(1.0, "abandonment"), "w"] == 2 / 3
    best = marks.loc[(1.0, "optimal weight")]
    assert (best["w"], best["t1"], best["t2"]) == (0.4, 4 / 3, 16 / 3)
    assert best["center_payoff"] == 56 / 3
    assert marks.loc[(1.0, "interior FOC"), "w"] == 0.4
    # M-c (lam = 1/2): abandonment at 1/2, interior FOC at 8/35 (payoff 338/21) beaten by the
    # corner w* = 0 (payoff 35/2, efforts (0, 5))
    assert marks.loc[(0.5, "abandonment"), "w"] == 0.5
    foc = marks.loc[(0.5, "interior FOC")]
    assert foc["w"] == 8 / 35 and foc["center_payoff"] == 338 / 21
    best = marks.loc[(0.5, "optimal weight")]
    assert (best["w"], best["t1"], best["t2"], best["center_payoff"]) == (0.0, 0.0, 5.0, 17.5)
    # independent check of both optima: a dense grid of the KKT efforts
    grid = np.linspace(0, 1, 4001)
    for lam in (1.0, 0.5):
        values = []
        for w in grid:
            t1, t2 = _kkt_efforts(10.0, w, lam, 0.5)
            values.append(4 * t1 + 6 * t2 - (t1**2 + t2**2 + t1 * t2) / 2)
        top = int(np.argmax(values))
        assert abs(grid[top] - marks.loc[(lam, "optimal weight"), "w"]) <= 1 / 4000
        assert max(values) <= marks.loc[(lam, "optimal weight"), "center_payoff"] + 1e-12
