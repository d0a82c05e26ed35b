"""Evolutionary dynamics: replicator systems, rest points, stability, ESS, simulation, models.

Every check is against an independent value: a textbook closed form (Hawk-Dove, rock-paper-
scissors, matching pennies), a theorem (Ritzberger & Weibull 1995: under the multi-population
replicator dynamics the asymptotically stable rest points are exactly the strict equilibria;
every ESS is a symmetric Nash equilibrium), another implementation (nashpy's replicator
dynamics, the exact Nash solvers) or a published model's own code (Wang et al. 2023).
"""

from __future__ import annotations

import itertools
import warnings
from fractions import Fraction

import numpy as np
import pytest
import sympy

import gametheory as gt
from gametheory import evolution as ev
from gametheory.interventions import Subsidy, minimal_intervention
from gametheory.models import (
    CentralLocalEnterprise,
    CentreAndTwoCities,
    EnterprisePublicGovernment,
    air_pollution,
)

R = sympy.Rational


def hawk_dove(V=2, C=4):
    """Hawk-Dove with value V and cost C (Maynard Smith 1982): hawk against hawk (V - C)/2."""
    V, C = sympy.sympify(V), sympy.sympify(C)
    A = [[(V - C) / 2, V], [0, V / 2]]
    return gt.Game(A, [list(r) for r in zip(*A, strict=True)], actions=[["H", "D"]] * 2)


def rps(a, b):
    """Rock-paper-scissors: win a, loss -b (Hofbauer & Sigmund 1998, §7.7)."""
    A = [[0, -b, a], [a, 0, -b], [-b, a, 0]]
    return gt.Game(A, [list(r) for r in zip(*A, strict=True)], actions=[["R", "P", "S"]] * 2)


def strict_pure_equilibria(game):
    """Pure profiles where every player's action is the unique best reply (brute force)."""
    shape = game.shape
    out = set()
    for prof in itertools.product(*(range(n) for n in shape)):
        ok = True
        for i in range(game.n_players):
            u = game.payoff_arrays[i]
            mine = u[prof]
            for a in range(shape[i]):
                if a == prof[i]:
                    continue
                dev = list(prof)
                dev[i] = a
                if not mine > u[tuple(dev)]:
                    ok = False
        if ok:
            out.add(prof)
    return out


def random_game(rng, shape, low=-3, high=4):
    arrays = [rng.integers(low, high, size=shape).astype(object) for _ in shape]
    arrays = [np.vectorize(int, otypes=[object])(a) for a in arrays]
    return gt.Game.from_arrays(*arrays)


# --------------------------------------------------------------------------------------------
# Replicator equations
# --------------------------------------------------------------------------------------------


def test_hawk_dove_equation_and_rest_points():
    system = ev.replicator(hawk_dove(), single=True)
    x = system.variables[0]
    # E_H - E_D = (V - C)/2 x + V (1 - x) - V/2 (1 - x) = 1 - 2x + ... for V=2, C=4: -x + 1 - x
    assert sympy.expand(system.equations[0] - x * (1 - x) * (1 - 2 * x)) == 0
    points = system.rest_points()
    by_label = {tuple(p.state[0]): p for p in points}
    assert set(by_label) == {(1, 0), (0, 1), (R(1, 2), R(1, 2))}
    assert by_label[(R(1, 2), R(1, 2))].classification == "stable"
    assert by_label[(1, 0)].classification == "source"
    assert by_label[(0, 1)].classification == "source"
    # the mixed ESS is V/C hawks
    (found,) = ev.ess(hawk_dove())
    assert tuple(found.strategy) == (R(1, 2), R(1, 2))


def test_hawk_dove_symbolic_interior_point_and_condition():
    V, C = sympy.symbols("V C", positive=True)
    A = [[(V - C) / 2, V], [0, V / 2]]
    game = gt.Game(A, [[A[0][0], 0], [V, V / 2]], actions=[["H", "D"]] * 2)
    system = ev.replicator(game, single=True)
    interior = [p for p in system.rest_points() if p.location == "interior"]
    assert len(interior) == 1
    (pt,) = interior
    assert sympy.simplify(pt.state[0][0] - V / C) == 0
    # exists iff V < C; stable wherever it exists
    for v, c, inside in ((2, 4, True), (3, 2, False), (1, 5, True)):
        assert bool(pt.exists.subs({V: v, C: c})) is inside
        if inside:
            assert bool(pt.stable.subs({V: v, C: c}))


def test_hawk_dove_with_value_equal_to_cost_is_degenerate_at_the_hawk_vertex():
    system = ev.replicator(hawk_dove(4, 4), single=True)
    points = system.rest_points()
    hawk = next(p for p in points if tuple(p.state[0]) == (1, 0))
    assert hawk.classification == "non-hyperbolic"
    with pytest.raises(ev.NonHyperbolicError):
        hawk.is_stable()
    assert hawk.is_stable(allow_non_hyperbolic=True) is False
    # the hawk state is still the ESS: x.Ax = 0 = y.Ax* ties, x*.Ay > y.Ay for y != x*
    (found,) = ev.ess(hawk_dove(4, 4))
    assert tuple(found.strategy) == (1, 0)


def test_asymmetric_three_population_equations_are_x_one_minus_x_times_the_payoff_gap():
    rng = np.random.default_rng(3)
    game = random_game(rng, (2, 2, 2))
    system = ev.replicator(game)
    x, y, z = system.variables
    shares = {0: (x, 1 - x), 1: (y, 1 - y), 2: (z, 1 - z)}
    for i, (var, eq) in enumerate(zip(system.variables, system.equations, strict=True)):
        u = game.payoff_arrays[i]
        gap = 0
        for prof in itertools.product(range(2), repeat=3):
            others = sympy.Mul(*(shares[j][prof[j]] for j in range(3) if j != i))
            sign = 1 if prof[i] == 0 else -1
            gap += sign * others * u[prof]
        assert sympy.expand(eq - var * (1 - var) * gap) == 0
        assert sympy.expand(system.payoff_differences[i] - gap) == 0


def test_numeric_rhs_matches_the_symbolic_equations_at_many_states():
    rng = np.random.default_rng(5)
    shapes = ((2, 2, 2), (3, 2), (2, 3), (2, 4), (3, 3), (2, 3, 2), (3, 3, "single"))
    for shape in shapes:
        single = shape[-1] == "single"
        game = random_game(rng, shape[:-1] if single else shape)
        if single:
            A = game.payoff_arrays[0]
            game = gt.Game(A.tolist(), A.T.tolist())
        system = ev.replicator(game, single=single)
        f = sympy.lambdify(system.variables, list(system.equations), "numpy")
        states = system.space.grid(4)
        want = np.array([np.ravel(f(*s)) for s in states], dtype=float)
        np.testing.assert_allclose(system.rhs(states), want, atol=1e-12)
        # the component-major layout the integrator uses (fast paths for two players and
        # for two-action populations)
        rows = system.numeric(None).columns(np.ascontiguousarray(states.T))
        np.testing.assert_allclose(rows.T, want, atol=1e-12)


def test_rock_paper_scissors_interior_point_by_win_and_loss():
    centre = (R(1, 3), R(1, 3), R(1, 3))
    for a, b, want in ((2, 1, "stable"), (1, 2, "source"), (1, 1, "non-hyperbolic")):
        system = ev.replicator(rps(a, b), single=True)
        interior = [p for p in system.rest_points() if p.location == "interior"]
        assert [tuple(p.state[0]) for p in interior] == [centre]
        assert interior[0].classification == want
        assert [p.classification for p in system.rest_points() if p.is_vertex] == ["saddle"] * 3
    # a > b: the centre is the ESS; a = b: neutrally stable only; a < b: neither
    assert [tuple(e.strategy) for e in ev.ess(rps(2, 1))] == [centre]
    assert ev.ess(rps(1, 1)) == []
    assert [tuple(e.strategy) for e in ev.neutrally_stable(rps(1, 1))] == [centre]
    assert ev.ess(rps(1, 2)) == []


def test_matching_pennies_two_populations_friedman_det_and_trace():
    pennies = gt.Game([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    table = ev.replicator(pennies).stability_table()
    centre = table[table["location"] == "interior"].iloc[0]
    assert centre["trace"] == 0 and centre["det"] == 1
    assert centre["classification"] == "non-hyperbolic"
    assert set(centre["eigenvalues"]) == {sympy.I, -sympy.I}
    vertices = table[table["location"] == "vertex"]
    assert set(vertices["classification"]) == {"saddle"}
    assert (vertices["det"] < 0).all()


def test_theorem_stable_rest_points_are_exactly_the_strict_equilibria():
    """Ritzberger & Weibull (1995): multi-population replicator dynamics, random games."""
    rng = np.random.default_rng(2026)
    checked = 0
    for shape in [(2, 2)] * 12 + [(2, 3)] * 6 + [(3, 3)] * 4 + [(2, 2, 2)] * 6:
        game = random_game(rng, shape)
        system = ev.replicator(game)
        points = system.rest_points(timeout=30)
        assert points.complete
        stable = set()
        for p in points:
            if p.classification == "stable":
                assert p.is_vertex, p
                stable.add(tuple(s[0] for s in p.support))
        assert stable == strict_pure_equilibria(game)
        # the ESS of the multi-population view are the same profiles
        assert {tuple(s.index(1) for s in e.strategy) for e in ev.ess(game, single=False)} == stable
        checked += 1
    assert checked == 28


def test_rest_points_solve_the_equations_exactly_and_contain_the_equilibria():
    rng = np.random.default_rng(11)
    for shape in ((2, 2), (3, 3), (2, 2, 2), (3, 2)):
        game = random_game(rng, shape)
        system = ev.replicator(game)
        points = system.rest_points()
        for p in points:
            if p.continuum:
                continue
            values = dict(zip(system.variables, p.values, strict=True))
            for eq in system.equations:
                assert sympy.simplify(eq.subs(values)) == 0
        # every Nash equilibrium (fully mixed or not) is a rest point
        states = {
            tuple(tuple(sympy.nsimplify(v) for v in s) for s in p.state)
            for p in points
            if not p.continuum
        }
        for eq in gt.equilibria(game):
            profile = tuple(tuple(sympy.nsimplify(v) for v in s) for s in eq.strategies)
            if any(p.continuum for p in points):
                continue
            assert profile in states


def test_every_ess_is_a_symmetric_nash_equilibrium_random_symmetric_games():
    rng = np.random.default_rng(7)
    for n in (2, 3, 3, 3, 4):
        A = rng.integers(-3, 4, size=(n, n)).tolist()
        game = gt.Game(A, [list(r) for r in zip(*A, strict=True)])
        equilibria = {
            tuple(sympy.nsimplify(v) for v in eq.strategies[0])
            for eq in gt.equilibria(game)
            if tuple(eq.strategies[0]) == tuple(eq.strategies[1])
        }
        for e in ev.ess(game):
            assert tuple(sympy.nsimplify(v) for v in e.strategy) in equilibria
            # and it is a rest point the single-population dynamics call stable or non-hyperbolic
        for e in ev.ess(game):
            x = np.array([float(v) for v in e.strategy])
            Ax = np.array(A, dtype=float) @ x
            assert Ax.max() <= x @ Ax + 1e-12


def test_continuum_of_rest_points_is_reported_as_a_continuum():
    # player 2 is indifferent everywhere: every state with player 1 at a pure action is at rest
    game = gt.Game([[1, 0], [0, 1]], [[0, 0], [0, 0]])
    points = ev.replicator(game).rest_points()
    continua = points.continua
    assert continua, points
    assert all(p.continuum and p.dimension >= 1 for p in continua)
    for p in continua:
        with pytest.raises(ev.NonHyperbolicError):
            p.is_stable()


def test_interior_continuum_of_a_zero_game():
    game = gt.Game([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    points = ev.replicator(game).rest_points()
    assert any(p.continuum and p.dimension == 2 for p in points)
    assert not any(p.classification == "stable" for p in points)


# --------------------------------------------------------------------------------------------
# Other dynamics
# --------------------------------------------------------------------------------------------


def test_replicator_mutator_without_mutation_is_the_replicator():
    game = rps(2, 1)
    plain = ev.replicator(game, single=True)
    mutator = ev.replicator_mutator(game, 0, single=True)
    for a, b in zip(plain.equations, mutator.equations, strict=True):
        assert sympy.simplify(a - b) == 0


def test_replicator_mutator_uniform_mutation_moves_the_rest_point_inside():
    # prisoner's dilemma played in one population: with mutation mu, defection stays below 1
    A = [[3, 0], [5, 1]]
    game = gt.Game(A, [[3, 5], [0, 1]], actions=[["C", "D"]] * 2)
    system = ev.replicator_mutator(game, R(1, 10), single=True)
    points = system.rest_points()
    assert all(0 < p.state[0][0] < 1 for p in points)
    stable = [p for p in points if p.classification == "stable"]
    assert len(stable) == 1
    x = stable[0].state[0][0]
    assert abs(float(system.rhs([float(x)])[0])) < 1e-12
    with pytest.raises(ValueError, match="mutation"):
        ev.replicator_mutator(game, R(3, 2), single=True)


def test_logit_rest_points_are_logit_fixed_points():
    A = np.array([[3.0, 0.0], [5.0, 1.0]])
    game = gt.Game(A.tolist(), A.T.tolist())
    for lam in (0.5, 2.0):
        system = ev.logit_dynamics(game, lam)
        for p in system.rest_points():
            x, y = (np.asarray(s, dtype=float) for s in p.as_float())
            for strategy, u in ((x, A @ y), (y, A @ x)):
                softmax = np.exp(lam * u) / np.exp(lam * u).sum()
                np.testing.assert_allclose(strategy, softmax, atol=1e-9)
    with pytest.raises(ValueError, match="precision"):
        ev.logit_dynamics(game, 0)


def test_best_response_rest_points_are_the_nash_equilibria():
    game = gt.Game([[2, 0], [0, 1]], [[1, 0], [0, 2]])  # battle of the sexes
    points = ev.best_response_dynamics(game).rest_points()
    got = {tuple(tuple(sympy.nsimplify(v) for v in s) for s in p.state) for p in points}
    want = {
        tuple(tuple(sympy.nsimplify(v) for v in s) for s in eq.strategies)
        for eq in gt.equilibria(game)
    }
    assert got == want
    classes = {
        tuple(tuple(sympy.nsimplify(v) for v in s) for s in p.state): p.classification
        for p in points
    }
    assert classes[((1, 0), (1, 0))] == "stable"
    assert classes[((R(2, 3), R(1, 3)), (R(1, 3), R(2, 3)))] == "undetermined"


# --------------------------------------------------------------------------------------------
# Simulation
# --------------------------------------------------------------------------------------------


def test_paths_agree_with_nashpy_asymmetric_replicator_dynamics():
    nashpy = pytest.importorskip("nashpy")
    A = np.array([[3.0, 1.0], [0.0, 2.0]])
    B = np.array([[2.0, 1.0], [0.0, 3.0]])
    t = np.linspace(0, 5, 51)
    x0, y0 = np.array([0.3, 0.7]), np.array([0.6, 0.4])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        xs, ys = nashpy.Game(A, B).asymmetric_replicator_dynamics(x0=x0, y0=y0, timepoints=t)
    system = ev.replicator(gt.Game(A.tolist(), B.tolist()))
    df = system.simulate([(x0, y0)], t)
    x, y = (v.name for v in system.variables)
    np.testing.assert_allclose(df[x].to_numpy(), xs[:, 0], atol=1e-6)
    np.testing.assert_allclose(df[y].to_numpy(), ys[:, 0], atol=1e-6)


def test_simulate_scenarios_equal_substituted_systems():
    model = CentralLocalEnterprise.symbolic()
    system = model.system()
    defaults = CentralLocalEnterprise().parameters()
    scenarios = {
        "low": {**defaults, "F_l": 2},
        "high": {**defaults, "F_l": 5},
    }
    t = np.linspace(0, 10, 11)
    starts = [(0.5, 0.5, 0.5), (0.2, 0.7, 0.4)]
    df = system.simulate(starts, t, scenarios=scenarios)
    assert set(df["scenario"]) == {"low", "high"}
    for name, values in scenarios.items():
        alone = system.subs(values).simulate(starts, t)
        mine = df[df["scenario"] == name]
        for v in system.variables:
            np.testing.assert_allclose(mine[v.name].to_numpy(), alone[v.name].to_numpy(), atol=1e-7)


def test_simulated_paths_end_at_the_stable_vertex():
    model = CentralLocalEnterprise(F_l=5)
    (stable,) = [p for p in model.system().rest_points() if p.classification == "stable"]
    df = model.simulate([(0.6, 0.6, 0.6)], np.linspace(0, 60, 7))
    end = df[df["t"] == 60].iloc[0]
    want = stable.values
    assert [round(float(end[v]), 4) for v in ("x", "y", "z")] == [float(v) for v in want]


# --------------------------------------------------------------------------------------------
# The models
# --------------------------------------------------------------------------------------------


def test_wang_et_al_equations_equal_the_authors_differential_m():
    """Wang et al. (2023): the toolkit's replicator system from the payoff table equals the
    equations in the authors' ``differential.m`` (transcribed with A, B, C the code's parameter
    vectors: A = [x PA Pe CA eA Rc alpha beta gamma], B = [y CH CB1 delta CB0 epsilon Rp zeta
    eta theta lambda], C = [z CG1 CE gov G0 kappa G1])."""
    model = EnterprisePublicGovernment.symbolic()
    system = model.system()
    x, y, z = system.variables
    p = {name: getattr(model, name) for name in model.parameters()}
    PA, Pe, eA, alpha, beta, gamma, CA, Rc = (
        p[k] for k in ("PA", "Pe", "eA", "alpha", "beta", "gamma", "CA", "Rc")
    )
    CH, CB1, delta, CB0, epsilon, Rp, zeta, eta, theta, lam = (
        p[k]
        for k in ("CH", "CB1", "delta", "CB0", "epsilon", "Rp", "zeta", "eta", "theta", "lambda_")
    )
    CG1, gov, G0, G1 = (p[k] for k in ("CG1", "gov", "G0", "G1"))
    dx = (
        x
        * (x - 1)
        * (
            (1 - gov) * z * Pe * eA * alpha
            - z * PA * beta
            - z * PA * alpha
            + (1 - gov) * z * Pe * eA * beta
            + (gov - 1) * z * Pe * alpha
            + (gov - 1) * z * Pe * beta
            - eta * y * PA
            + (1 - gov) * Pe * eA
            + (CA - Rc - CA * gamma) * eA
        )
    )
    dy = (
        -y
        * (y - 1)
        * (CB0 - CB1 * delta + CH * lam + Rp * zeta - CH * lam * x + CB1 * delta * epsilon * z)
    )
    dz = (
        -z
        * (z - 1)
        * (
            G0
            + beta * Pe * eA * gov
            - (-alpha - beta) * Pe * eA * x
            - beta * Pe * eA
            - (-alpha - beta) * Pe * gov * x
            - beta * Pe * gov
            - (alpha + beta) * Pe * x
            + beta * Pe
            - (alpha + beta) * PA * x
            + beta * PA
            - (CB1 * delta * epsilon - G1 * theta - G0 * theta) * y
            - (alpha + beta) * Pe * eA * gov * x
            - CG1
            + G1
        )
    )
    for got, want in zip(system.equations, (dx, dy, dz), strict=True):
        assert sympy.expand(got - want) == 0


@pytest.mark.parametrize("name", list(air_pollution.SCENARIOS))
def test_wang_et_al_scenarios_have_the_stable_state_the_code_names(name):
    model = EnterprisePublicGovernment.scenario(name)
    labels = model.stable_states()
    want = air_pollution.STABLE_STATES[name]
    assert len(labels) == 1
    assert all(a in labels[0] for a in want)
    (pt,) = [p for p in model.system().rest_points() if p.classification == "stable"]
    actions = EnterprisePublicGovernment.ACTIONS
    assert tuple(actions[i][s[0]] for i, s in enumerate(pt.support)) == want


def test_central_local_enterprise_minimal_fines():
    model = CentralLocalEnterprise()
    assert model.stable_states() == [
        p.label
        for p in model.system().rest_points()
        if p.is_vertex and p.classification == "stable"
    ]
    stable_once = model.minimal_fine(unique=False)
    unique = model.minimal_fine()
    assert stable_once.lower == 3 and unique.lower == 4
    # the formula agrees with the defaults, and its side conditions hold there
    symbolic = CentralLocalEnterprise.symbolic().minimal_fine()
    values = {sympy.Symbol(k, positive=True): v for k, v in model.parameters().items()}
    assert sympy.sympify(symbolic.lower).subs(values) == 4
    for condition in symbolic.requires:
        assert bool(condition.subs(values))
    # cross-check at numbers on either side of the bound
    assert "strict" in CentralLocalEnterprise(F_l=R(41, 10)).stable_states()[0]
    assert len(CentralLocalEnterprise(F_l=R(39, 10)).stable_states()) == 2


def test_centre_and_two_cities_minimal_fine():
    model = CentreAndTwoCities()
    assert model.minimal_fine().lower == R(3, 2)
    with pytest.raises(ValueError, match="not an interval"):
        CentreAndTwoCities.symbolic().minimal_fine()


# --------------------------------------------------------------------------------------------
# Minimal interventions for evolutionary stability
# --------------------------------------------------------------------------------------------


def test_minimal_subsidy_for_an_ess_and_a_unique_ess_prisoners_dilemma():
    pd = gt.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"]] * 2)
    result = minimal_intervention(pd, ("C", "C"), "subsidy", "ess")
    assert result.level == 2 and result.attained is False
    # paid only on (C, C) the subsidy never destabilises (D, D): no unique ESS at any level
    on_target = minimal_intervention(pd, ("C", "C"), "subsidy", "unique_ess")
    assert not on_target.feasible and "stays strict" in on_target.reason
    # paid per cooperator it does, once s >= P - S; and (C, C) is strict once s > T - R
    per_action = Subsidy(per_action=True)
    unique = minimal_intervention(pd, ("C", "C"), per_action, "unique_ess")
    assert unique.level == 2 and unique.attained is False
    T, Rw, P, S = sympy.symbols("T R P S", positive=True)
    sym = gt.Game([[Rw, S], [T, P]], [[Rw, T], [S, P]])
    level = minimal_intervention(sym, (0, 0), per_action, "unique_ess").level
    for values in ({T: 5, Rw: 3, P: 1, S: 0}, {T: 4, Rw: 3, P: 2, S: 0}, {T: 4, Rw: 5, P: 2, S: 1}):
        want = max(0, values[P] - values[S], values[T] - values[Rw])
        assert sympy.sympify(level).subs(values) == want
        numeric = minimal_intervention(sym.subs(values), (0, 0), per_action, "unique_ess")
        assert numeric.level == want


def test_unique_ess_of_the_stag_hunt_needs_a_subsidy_and_is_attained():
    stag = gt.Game([[4, 0], [3, 2]], [[4, 3], [0, 2]])  # (0, 0) and (1, 1) both strict
    assert minimal_intervention(stag, (0, 0), "subsidy", "ess").level == 0
    unique = minimal_intervention(stag, (0, 0), Subsidy(per_action=True), "unique_ess")
    assert unique.level == 2 and unique.attained is True
    # brute force over a grid of levels: the target is the only strict profile exactly from 2 on
    for tenth in range(0, 40):
        level = Fraction(tenth, 10)
        game = gt.Game([[4 + level, level], [3, 2]], [[4 + level, 3], [level, 2]])
        only = strict_pure_equilibria(game) == {(0, 0)}
        assert only == (level >= 2)


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


def test_bad_input_is_refused_with_a_clear_message():
    pd = gt.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    with pytest.raises(ValueError, match="symmetric"):
        ev.replicator(gt.Game([[3, 0], [5, 1]], [[1, 5], [0, 1]]), single=True)
    system = ev.replicator(pd)
    with pytest.raises(ValueError):
        system.simulate([(1.2, 0.5)], [0, 1])
    with pytest.raises(ValueError):
        system.simulate([(np.nan, 0.5)], [0, 1])
    with pytest.raises(ValueError):
        system.simulate([(0.5, 0.5)], [0])
    with pytest.raises(ValueError):
        system.simulate([(0.5, 0.5)], [0, 2, 1])
    with pytest.raises(ValueError, match="state"):
        system.rhs(np.zeros(3))
    with pytest.raises(ValueError, match="one action per population"):
        system.vertex((0,))
    with pytest.raises(ValueError, match=r"sum to 1\.1"):
        system.simulate([((0.6, 0.5), (0.5, 0.5))], [0, 1])
    with pytest.raises(ValueError, match="ambiguous"):  # one mixed state, or two of (x, y)?
        system.simulate(((0.6, 0.4), (0.5, 0.5)), [0, 1])
    s = sympy.Symbol("s")
    parametric = ev.replicator(gt.Game([[3 + s, 0], [5, 1]], [[3 + s, 5], [0, 1]]))
    with pytest.raises(gt.UnboundParameterError):
        parametric.rhs([0.5, 0.5])
    with pytest.raises(ValueError, match="unknown parameter"):
        parametric.subs(q=1)
    with pytest.raises(ValueError, match="locations"):
        system.stability_table(locations=("corner",))
    with pytest.raises(ValueError, match="precision"):
        ev.logit_dynamics(pd, -1)
    with pytest.raises(TypeError):
        ev.ess([[1, 0], [0, 1]])
    with pytest.raises(TypeError, match="symbol"):
        ev.stability_threshold(parametric, (0, 0), "s")


def test_single_population_states_may_be_written_as_one_mixed_strategy():
    A = [[0, -1, 2], [2, 0, -1], [-1, 2, 0]]
    space = ev.replicator(gt.Game(A, [list(r) for r in zip(*A, strict=True)]), single=True).space
    np.testing.assert_array_equal(space.check_states((0.2, 0.3, 0.5)), [[0.2, 0.3]])
    np.testing.assert_array_equal(
        space.check_states([(0.2, 0.3, 0.5), (0.1, 0.1, 0.8)]), [[0.2, 0.3], [0.1, 0.1]]
    )
    with pytest.raises(ValueError, match=r"sum to 1\.1"):
        space.check_states((0.2, 0.3, 0.6))
    two = ev.replicator(hawk_dove(), single=True).space
    np.testing.assert_array_equal(two.check_states([(0.3, 0.7)]), [[0.3]])
    np.testing.assert_array_equal(two.check_states([[0.3], [0.7]]), [[0.3], [0.7]])
    with pytest.raises(ValueError, match="ambiguous"):
        two.check_states([0.3, 0.7])


def test_stability_table_locations_and_latex():
    model = CentralLocalEnterprise.symbolic()
    table = model.stability_table(locations=("vertex",))
    assert len(table) == 8 and set(table["location"]) == {"vertex"}
    latex = model.stability_table(latex=True, locations="vertex")
    assert latex.startswith(r"\begin{tabular}") and latex.count(r"\\") >= 9
