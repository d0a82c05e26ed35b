"""Tests for gametheory.cooperative: TU games, Shapley value, core, least core, nucleolus, CoS."""

from __future__ import annotations

import itertools
import math
import time
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

import gametheory.cooperative as coop
from gametheory import Game, UnboundParameterError
from gametheory.cooperative import CooperativeGame
from gametheory.properties import _exact_lp, security_levels

F = Fraction
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------------------------
# Fixtures and independent reference implementations
# --------------------------------------------------------------------------------------------

# MODELS.md §6.6, oracle C-a: three symmetric cities, every pair creates 8, all three only 9.
C_A = CooperativeGame(
    {(0,): 0, (1,): 0, (2,): 0, (0, 1): 8, (0, 2): 8, (1, 2): 8, (0, 1, 2): 9},
    players=["A", "B", "C"],
)

# MODELS.md §6.6, oracle C-b: core city 1, peripheries 2 and 3.
C_B = CooperativeGame({(0,): 2, (1,): 0, (2,): 0, (0, 1): 6, (0, 2): 6, (1, 2): 1, (0, 1, 2): 10})

# Glove game: player 0 owns the only left glove, players 1 and 2 a right glove each.
GLOVE = CooperativeGame(lambda S: 1 if 0 in S and len(S) >= 2 else 0, players=3)


def game_from_vector(n: int, vector) -> CooperativeGame:
    """The game with ``v(S) = vector[mask(S)]`` (vector[0] ignored)."""
    return CooperativeGame(lambda S: vector[sum(1 << i for i in S)], players=n)


def brute_shapley(game: CooperativeGame) -> list[Fraction]:
    """Average marginal contribution over all n! orders (the definition, no formula)."""
    n = game.n_players
    total = [F(0)] * n
    for order in itertools.permutations(range(n)):
        coalition: list[int] = []
        for i in order:
            before = game.value(coalition)
            coalition.append(i)
            total[i] += game.value(coalition) - before
    return [t / math.factorial(n) for t in total]


def talmud(estate: Fraction, claims: list[Fraction]) -> list[Fraction]:
    """The Talmud rule (Aumann & Maschler 1985): CEA on half-claims, then CEL on half-claims."""

    def cea(amount: Fraction, caps: list[Fraction]) -> list[Fraction]:
        out = [F(0)] * len(caps)
        remaining, left = amount, sorted(range(len(caps)), key=lambda i: caps[i])
        while left:
            share = remaining / len(left)
            i = left[0]
            if caps[i] <= share:
                out[i] = caps[i]
                remaining -= caps[i]
                left.pop(0)
            else:
                for j in left:
                    out[j] = share
                break
        return out

    half = [d / 2 for d in claims]
    total = sum(claims)
    if estate <= total / 2:
        return cea(estate, half)
    losses = cea(total - estate, half)
    return [d - loss for d, loss in zip(claims, losses, strict=True)]


def bankruptcy_game(estate: Fraction, claims: list[Fraction]) -> CooperativeGame:
    """``v(S) = max(0, E - Σ_{j ∉ S} d_j)`` (O'Neill 1982)."""
    n = len(claims)
    return CooperativeGame(
        lambda S: max(F(0), estate - sum(claims[j] for j in range(n) if j not in S)), players=n
    )


def is_balanced(collection: list[int], n: int) -> bool:
    """Exists λ_S > 0 with Σ λ_S 1_S = 1_N? (λ_S = (1 + λ'_S)/μ, solved by properties' exact LP)."""
    m = len(collection)
    degree = [sum(1 for S in collection if S >> i & 1) for i in range(n)]
    A_eq = [[S >> i & 1 for S in collection] + [-1] for i in range(n)]
    status, _, _ = _exact_lp([0] * (m + 1), A_eq=A_eq, b_eq=[-d for d in degree])
    return status == "optimal"


def kohlberg_prenucleolus(game: CooperativeGame, x) -> bool:
    """Kohlberg (1971): x (efficient) is the prenucleolus iff every set {S : e(S, x) ≥ α} that is
    non-empty is balanced."""
    n = game.n_players
    full = (1 << n) - 1
    excess = {
        S: game.value([i for i in range(n) if S >> i & 1])
        - sum(x[i] for i in range(n) if S >> i & 1)
        for S in range(1, full)
    }
    if sum(x) != game.value(range(n)):
        return False
    for level in sorted(set(excess.values()), reverse=True):
        if not is_balanced([S for S, e in excess.items() if e >= level], n):
            return False
    return True


def grid_nucleolus(game: CooperativeGame, denominator: int) -> tuple[Fraction, ...]:
    """Lexicographic minimisation of sorted excesses over a rational grid of imputations (n=3)."""
    v = [game.value([i]) for i in range(3)]
    total = game.value(range(3))
    coalitions = [S for r in (1, 2) for S in itertools.combinations(range(3), r)]
    values = {S: game.value(S) for S in coalitions}
    best, best_key = None, None
    step = F(1, denominator)
    k1 = int((total - v[0] - v[1] - v[2]) / step)
    for a in range(k1 + 1):
        for b in range(k1 + 1 - a):
            x = (v[0] + a * step, v[1] + b * step, total - v[0] - v[1] - (a + b) * step)
            key = sorted((values[S] - sum(x[i] for i in S) for S in coalitions), reverse=True)
            if best_key is None or key < best_key:
                best, best_key = x, key
    return best


def float_cos(game: CooperativeGame) -> float:
    """Cost of stability by a plain float LP (scipy HiGHS)."""
    n = game.n_players
    masks = range(1, 1 << n)
    A = -np.array([[S >> i & 1 for i in range(n)] for S in masks], dtype=float)
    b = -np.array([float(game.value([i for i in range(n) if S >> i & 1])) for S in masks])
    res = linprog(np.ones(n), A_ub=A, b_ub=b, bounds=[(None, None)] * n, method="highs")
    return max(0.0, res.fun - float(game.value(range(n))))


small_int = st.integers(min_value=-5, max_value=12)


@st.composite
def tu_games(draw, min_n=2, max_n=4, values=small_int):
    n = draw(st.integers(min_value=min_n, max_value=max_n))
    vector = [0] + [draw(values) for _ in range((1 << n) - 1)]
    return game_from_vector(n, vector)


# --------------------------------------------------------------------------------------------
# MODELS.md §6.6 oracles
# --------------------------------------------------------------------------------------------


def test_oracle_c_a():
    # Pairs need 8 each, so a stable split needs 2 x(N) ≥ 24, i.e. x(N) ≥ 12 > 9: core empty,
    # CoS = 12 - 9 = 3 with the unique stable allocation (4, 4, 4). The least core: (3, 3, 3)
    # gives pairs 6 ≥ 8 - ε, so ε = 2 (and no x does better: the three pair constraints sum to
    # 18 ≥ 24 - 3ε). Symmetry gives Shapley = nucleolus = (3, 3, 3).
    assert C_A.core_is_empty()
    assert C_A.core_point() is None
    assert C_A.cost_of_stability() == 3
    assert C_A.stable_allocation() == (4, 4, 4)
    assert C_A.least_core() == (2, (3, 3, 3))
    assert C_A.shapley_value() == (3, 3, 3)
    assert C_A.nucleolus() == (3, 3, 3)
    assert all(isinstance(x, Fraction) for x in C_A.nucleolus() + C_A.shapley_value())
    assert C_A.is_superadditive() and not C_A.is_convex() and C_A.is_essential()


def test_oracle_c_b():
    # Shapley, player 1 (weights 1/3 for S = ∅ and S = {2,3}, 1/6 for S = {2}, {3}):
    #   1/3·(2 - 0) + 1/6·(6 - 0) + 1/6·(6 - 0) + 1/3·(10 - 1) = 2/3 + 1 + 1 + 3 = 17/3.
    # Player 2: 1/3·0 + 1/6·(6 - 2) + 1/6·(1 - 0) + 1/3·(10 - 6) = 4/6 + 1/6 + 8/6 = 13/6;
    # player 3 likewise 13/6 (sum 34/6 + 26/6 = 10 = v(N)).
    # Nucleolus: max t s.t. x(S) - v(S) ≥ t. From x_3 ≥ t and x_1 + x_2 = 10 - x_3 ≥ 6 + t we
    # get t ≤ x_3 ≤ 4 - t, so t ≤ 2, attained only at x_3 = 2, and likewise x_2 = 2; hence
    # x = (6, 2, 2) after one round (excesses: -4, -2, -2, -2, -2, -3).
    # Core: (6, 2, 2) satisfies every constraint, so CoS = 0; least-core ε = -t = -2.
    assert C_B.shapley_value() == (F(17, 3), F(13, 6), F(13, 6))
    assert C_B.nucleolus() == (6, 2, 2)
    assert C_B.nucleolus(pre=True) == (6, 2, 2)
    assert C_B.cost_of_stability() == 0
    assert not C_B.core_is_empty()
    assert C_B.core_point() == (6, 2, 2)
    assert C_B.is_in_core((6, 2, 2)) and C_B.is_in_core((F(17, 3), F(13, 6), F(13, 6)))
    assert C_B.least_core() == (-2, (6, 2, 2))
    assert C_B.stable_allocation() == (6, 2, 2)
    # independent checks: permutations, Kohlberg's criterion and a 1/12 grid
    assert tuple(brute_shapley(C_B)) == C_B.shapley_value()
    assert kohlberg_prenucleolus(C_B, C_B.nucleolus())
    assert grid_nucleolus(C_B, 12) == (6, 2, 2)


def test_c_a_float_input_gives_floats():
    g = CooperativeGame({(0,): 0.0, (1,): 0.0, (2,): 0.0, (0, 1): 8.0, (0, 2): 8.0, (1, 2): 8.0,
                         (0, 1, 2): 9.0})  # fmt: skip
    assert g.kind == "float"
    assert g.nucleolus() == (3.0, 3.0, 3.0)
    assert g.cost_of_stability() == 3.0 and isinstance(g.cost_of_stability(), float)
    assert g.least_core() == (2.0, (3.0, 3.0, 3.0))
    assert g.shapley_value() == (3.0, 3.0, 3.0)
    assert g.core_is_empty()
    assert g.evalf() == g


# --------------------------------------------------------------------------------------------
# Textbook games
# --------------------------------------------------------------------------------------------


def test_glove_game():
    # The core is the single point (1, 0, 0): the scarce left glove takes everything.
    assert GLOVE.core_point() == (1, 0, 0)
    assert GLOVE.nucleolus() == (1, 0, 0)
    assert GLOVE.shapley_value() == (F(2, 3), F(1, 6), F(1, 6))
    assert GLOVE.least_core() == (0, (1, 0, 0))
    assert GLOVE.is_in_core((1, 0, 0)) and not GLOVE.is_in_core((F(2, 3), F(1, 6), F(1, 6)))
    assert GLOVE.is_superadditive() and not GLOVE.is_convex()


def test_weighted_majority_shapley_shubik():
    # [51; 49, 48, 3]: any two players win, so all three have power 1/3.
    weights = (49, 48, 3)
    g = CooperativeGame(lambda S: int(sum(weights[i] for i in S) >= 51), players=3)
    assert g.shapley_value() == (F(1, 3),) * 3
    # [3; 2, 1, 1]: player 0 is pivotal unless last... power (2/3, 1/6, 1/6).
    weights = (2, 1, 1)
    g = CooperativeGame(lambda S: int(sum(weights[i] for i in S) >= 3), players=3)
    assert g.shapley_value() == (F(2, 3), F(1, 6), F(1, 6))
    assert g.nucleolus() == (1, 0, 0)  # the veto player 0 is the core's only member


def test_un_security_council():
    # Shapley & Shubik (1954): 5 veto members and 10 others, passage needs the 5 and at least 4
    # others (9 votes). Permanent members 421/2145, non-permanent 4/2145 each.
    g = CooperativeGame(lambda S: int(all(i in S for i in range(5)) and len(S) >= 9), players=15)
    phi = g.shapley_value()
    assert phi[:5] == (F(421, 2145),) * 5
    assert phi[5:] == (F(4, 2145),) * 10
    assert sum(phi) == 1


@FAST
@given(
    st.lists(st.integers(min_value=0, max_value=6), min_size=2, max_size=5),
    st.integers(min_value=1, max_value=20),
)
def test_weighted_voting_shapley_matches_permutations(weights, quota):
    quota = min(quota, sum(weights)) if sum(weights) else 1
    n = len(weights)
    g = CooperativeGame(lambda S: int(sum(weights[i] for i in S) >= quota), players=n)
    assert list(g.shapley_value()) == brute_shapley(g)


def test_talmud_textbook_table():
    # Aumann & Maschler (1985), the Talmud's table: claims 100, 200, 300.
    claims = [F(100), F(200), F(300)]
    for estate, expected in [
        (100, (F(100, 3),) * 3),
        (200, (50, 75, 75)),
        (300, (50, 100, 150)),
    ]:
        g = bankruptcy_game(F(estate), claims)
        assert g.nucleolus() == tuple(F(x) for x in expected)
        assert list(g.nucleolus()) == talmud(F(estate), claims)


@FAST
@given(
    st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=5),
    st.fractions(min_value=0, max_value=1, max_denominator=7),
)
def test_bankruptcy_nucleolus_is_talmud_rule(claims, share):
    # Aumann & Maschler (1985), Theorem A: the nucleolus of the bankruptcy game is the Talmud rule.
    claims = [F(d) for d in claims]
    estate = share * sum(claims)
    g = bankruptcy_game(estate, claims)
    assert g.is_convex()  # bankruptcy games are convex (Curiel, Maschler & Tijs 1987)
    assert list(g.nucleolus()) == talmud(estate, claims)


@st.composite
def convex_games(draw):
    # v(S) = Σ_k c_k (Σ_{i∈S} w_ki)^2 + Σ_{i∈S} a_i: squares of non-negative measures are
    # supermodular, and additive games are modular.
    n = draw(st.integers(min_value=2, max_value=5))
    k = draw(st.integers(min_value=1, max_value=2))
    w = [[draw(st.integers(0, 3)) for _ in range(n)] for _ in range(k)]
    c = [draw(st.integers(0, 3)) for _ in range(k)]
    a = [draw(st.integers(-4, 4)) for _ in range(n)]
    return CooperativeGame(
        lambda S: sum(c[j] * sum(w[j][i] for i in S) ** 2 for j in range(k)) + sum(a[i] for i in S),
        players=n,
    )


@FAST
@given(convex_games())
def test_convex_games_shapley_and_nucleolus_in_core(g):
    # Shapley (1971): the core of a convex game is the convex hull of the marginal vectors, and
    # contains the Shapley value.
    assert g.is_convex() and g.is_superadditive()
    assert not g.core_is_empty() and g.cost_of_stability() == 0
    assert g.is_in_core(g.shapley_value())
    assert g.is_in_core(g.nucleolus())
    assert g.nucleolus() == g.nucleolus(pre=True)
    assert g.least_core()[0] <= 0


@FAST
@given(st.integers(1, 6), st.lists(st.integers(-5, 20), min_size=6, max_size=6))
def test_symmetric_games(n, f):
    # v(S) = f(|S|): Shapley value and nucleolus share v(N) equally.
    g = CooperativeGame(lambda S: f[len(S) - 1], players=n)
    equal = (F(f[n - 1], n),) * n
    assert g.shapley_value() == equal
    assert g.nucleolus(pre=True) == equal
    if g.has_imputations():
        assert g.nucleolus() == equal


# --------------------------------------------------------------------------------------------
# Shapley value: axioms and the brute-force definition
# --------------------------------------------------------------------------------------------


@FAST
@given(tu_games(min_n=1, max_n=5))
def test_shapley_matches_permutation_average(g):
    assert list(g.shapley_value()) == brute_shapley(g)


@FAST
@given(tu_games(max_n=5), st.data())
def test_shapley_axioms(g, data):
    n = g.n_players
    phi = g.shapley_value()
    assert sum(phi) == g.value(range(n))  # efficiency
    # symmetry / anonymity: relabelling the players permutes the value
    perm = data.draw(st.permutations(range(n)))
    permuted = CooperativeGame(lambda S: g.value([perm[i] for i in S]), players=n)
    assert tuple(phi[perm[i]] for i in range(n)) == permuted.shapley_value()
    # additivity
    other = data.draw(tu_games(min_n=n, max_n=n))
    both = CooperativeGame(lambda S: g.value(S) + other.value(S), players=n)
    assert both.shapley_value() == tuple(
        a + b for a, b in zip(phi, other.shapley_value(), strict=True)
    )
    # dummy: a new player who adds exactly d to every coalition gets d
    d = data.draw(small_int)
    extended = CooperativeGame(lambda S: g.value(S - {n}) + (d if n in S else 0), players=n + 1)
    assert extended.shapley_value() == (*phi, d)


def test_shapley_symbolic():
    a, b, c = sympy.symbols("a b c")
    g = CooperativeGame({0: 0, 1: 0, 2: 0, (0, 1): a, (0, 2): a, (1, 2): b, (0, 1, 2): c})
    phi = g.shapley_value()
    assert g.kind == "symbolic" and g.parameters == (a, b, c)
    # player 1: 1/6·a + 1/6·a + 1/3·(c - b); player 2: 1/6·a + 1/6·b + 1/3·(c - a)
    assert sympy.simplify(phi[0] - (a / 3 - b / 3 + c / 3)) == 0
    assert sympy.simplify(phi[1] - (-a / 6 + b / 6 + c / 3)) == 0
    assert sympy.simplify(phi[2] - phi[1]) == 0
    assert sympy.simplify(sum(phi) - c) == 0
    numeric = g.subs(a=8, b=8, c=9)
    assert numeric.kind == "exact" and numeric == C_A.__class__(
        {(0,): 0, (1,): 0, (2,): 0, (0, 1): 8, (0, 2): 8, (1, 2): 8, (0, 1, 2): 9}
    )
    assert tuple(p.subs({a: 8, b: 8, c: 9}) for p in phi) == (3, 3, 3)
    with pytest.raises(UnboundParameterError, match="unbound parameters: a, b, c"):
        g.nucleolus()
    with pytest.raises(UnboundParameterError):
        g.cost_of_stability()
    with pytest.raises(UnboundParameterError):
        g.is_convex()
    with pytest.raises(UnboundParameterError):
        g.evalf()
    with pytest.raises(ValueError, match="no parameter 'z'"):
        g.subs(z=1)


def test_irrational_constants():
    g = CooperativeGame({0: 0, 1: 0, (0, 1): sympy.sqrt(2)})
    assert g.shapley_value() == (sympy.sqrt(2) / 2, sympy.sqrt(2) / 2)
    assert g.is_essential() and g.is_superadditive()
    with pytest.raises(ValueError, match="irrational"):
        g.nucleolus()
    x = g.evalf().nucleolus()
    assert x == pytest.approx((math.sqrt(2) / 2,) * 2)


# --------------------------------------------------------------------------------------------
# Nucleolus
# --------------------------------------------------------------------------------------------


@FAST
@given(tu_games(max_n=4))
def test_prenucleolus_satisfies_kohlberg_criterion(g):
    x = g.nucleolus(pre=True)
    assert kohlberg_prenucleolus(g, x)


@FAST
@given(tu_games(min_n=3, max_n=3, values=st.integers(0, 4)))
def test_nucleolus_is_grid_lexmin(g):
    # On imputations (non-empty set), compare with lexicographic minimisation over a grid that
    # contains the computed point.
    if not g.has_imputations():
        return
    x = g.nucleolus()
    denominator = math.lcm(6, *(xi.denominator for xi in x))
    assert grid_nucleolus(g, denominator) == x


@FAST
@given(tu_games(max_n=4), st.integers(1, 5), st.lists(st.integers(-5, 5), min_size=4))
def test_nucleolus_strategic_equivalence(g, a, shift):
    # w(S) = a v(S) + m(S) with a > 0 and m additive gives nucleolus a x + m (and the same for
    # the prenucleolus, the Shapley value and the least core's allocation).
    n = g.n_players
    m = shift[:n]
    w = CooperativeGame(lambda S: a * g.value(S) + sum(m[i] for i in S), players=n)
    for method in ("nucleolus", "shapley_value"):
        x = getattr(g, method)()
        assert getattr(w, method)() == tuple(a * xi + mi for xi, mi in zip(x, m, strict=True))
    eps, _ = g.least_core()
    assert w.least_core()[0] == a * eps


@FAST
@given(tu_games(max_n=4))
def test_nucleolus_in_core_when_core_non_empty(g):
    # Make the core non-empty by adding the cost of stability to v(N).
    n = g.n_players
    cos = g.cost_of_stability()
    topped = CooperativeGame(lambda S: g.value(S) + (cos if len(S) == n else 0), players=n)
    assert not topped.core_is_empty()
    x = topped.nucleolus()
    assert topped.is_in_core(x)
    assert topped.core_point() == x == topped.nucleolus(pre=True)
    assert x == g.stable_allocation()
    assert sum(g.stable_allocation()) == g.value(range(n)) + cos


def test_nucleolus_without_imputations_falls_back_to_prenucleolus():
    # v(i) = 3 each but v(N) = 6 < 9: no imputation; the prenucleolus (2, 2, 2) is returned.
    g = CooperativeGame(lambda S: {1: 3, 2: 4, 3: 6}[len(S)], players=3)
    assert not g.has_imputations()
    assert g.nucleolus() == g.nucleolus(pre=True) == (2, 2, 2)


def test_nucleolus_differs_from_prenucleolus():
    # Imputations can bind: v(1) = 0, v(2) = v(3) = 0, v(12) = v(13) = 4, v(23) = 8, v(N) = 6.
    # Prenucleolus: symmetric in 2, 3; x = (6 - 2a, a, a), excesses: 4 - (6 - a) = a - 2 (pairs
    # with 1), 8 - 2a, 2a - 6, -a, -a: minimise max(a - 2, 8 - 2a) -> a = 10/3, x_1 = -2/3 < 0.
    # The nucleolus keeps x_1 ≥ 0: x = (0, 3, 3).
    g = CooperativeGame({0: 0, 1: 0, 2: 0, (0, 1): 4, (0, 2): 4, (1, 2): 8, (0, 1, 2): 6})
    assert g.nucleolus(pre=True) == (F(-2, 3), F(10, 3), F(10, 3))
    assert g.nucleolus() == (0, 3, 3)
    assert kohlberg_prenucleolus(g, g.nucleolus(pre=True))
    assert grid_nucleolus(g, 6) == (0, 3, 3)


def test_one_and_two_players():
    one = CooperativeGame({(0,): 5})
    assert one.nucleolus() == one.shapley_value() == one.core_point() == (5,)
    assert one.cost_of_stability() == 0 and not one.is_essential()
    with pytest.raises(ValueError, match="at least 2 players"):
        one.least_core()
    two = CooperativeGame({0: 1, 1: 2, (0, 1): 7})
    # standard solution of two-player games: each gets v(i) plus half the surplus
    assert two.nucleolus() == two.shapley_value() == (3, 4)
    assert two.least_core() == (-2, (3, 4))


def test_additive_game_is_degenerate():
    # v(S) = Σ_{i∈S} a_i: the imputation set and the core are the single point a.
    a = (F(-3, 2), 0, 4, 7)
    g = CooperativeGame(lambda S: sum((a[i] for i in S), F(0)), players=4)
    assert not g.is_essential() and g.is_convex() and g.is_superadditive()
    assert g.shapley_value() == g.nucleolus() == g.core_point() == g.stable_allocation() == a
    assert g.least_core() == (0, a) and g.cost_of_stability() == 0


def test_ten_player_nucleolus_benchmark():
    rng = np.random.default_rng(7)
    n = 10
    vector = [0, *rng.integers(0, 100, size=(1 << n) - 1).tolist()]
    vector[-1] = 600
    g = game_from_vector(n, vector)
    start = time.perf_counter()
    x = g.nucleolus()
    elapsed = time.perf_counter() - start
    print(f"nucleolus of a 10-player TU game: {elapsed:.3f} s")
    assert elapsed < 20
    assert sum(x) == 600 and all(isinstance(xi, Fraction) for xi in x)
    assert all(xi >= g.value([i]) for i, xi in enumerate(x))
    # the largest excess at the (pre)nucleolus is the least-core level
    eps, y = g.least_core()
    assert y == g.nucleolus(pre=True)
    assert max(g.excesses(y).values()) == eps


def test_kohlberg_criterion_five_and_six_players():
    rng = np.random.default_rng(2)
    for n in (5, 6):
        g = game_from_vector(n, [0, *rng.integers(-10, 40, size=(1 << n) - 1).tolist()])
        assert kohlberg_prenucleolus(g, g.nucleolus(pre=True))


# --------------------------------------------------------------------------------------------
# Core, least core, cost of stability
# --------------------------------------------------------------------------------------------


@FAST
@given(tu_games(min_n=3, max_n=3))
def test_cos_three_players_bondareva_shapley(g):
    # For n = 3 the minimal balanced collections are {N}, the singletons, {ij, k} and the three
    # pairs with weights 1/2, so min x(N) = max over them of Σ λ_S v(S) (LP duality).
    v = g.value
    best = max(
        v((0, 1, 2)),
        v([0]) + v([1]) + v([2]),
        v((0, 1)) + v([2]),
        v((0, 2)) + v([1]),
        v((1, 2)) + v([0]),
        (v((0, 1)) + v((0, 2)) + v((1, 2))) / 2,
    )
    assert g.cost_of_stability() == best - v((0, 1, 2))
    assert g.core_is_empty() == (best > v((0, 1, 2)))


@FAST
@given(tu_games(max_n=5))
def test_cos_matches_float_lp_and_core(g):
    cos = g.cost_of_stability()
    assert float(cos) == pytest.approx(float_cos(g), abs=1e-7)
    assert (cos == 0) == (not g.core_is_empty())
    point = g.core_point()
    assert (point is None) == g.core_is_empty()
    if point is not None:
        assert g.is_in_core(point)
    eps, x = g.least_core()
    assert (eps <= 0) == (not g.core_is_empty())
    # x satisfies the least-core constraints exactly
    n = g.n_players
    assert sum(x) == g.value(range(n))
    for S in range(1, (1 << n) - 1):
        members = [i for i in range(n) if S >> i & 1]
        assert sum(x[i] for i in members) >= g.value(members) - eps
    stable = g.stable_allocation()
    assert sum(stable) == g.value(range(n)) + cos
    assert all(
        sum(stable[i] for i in range(n) if S >> i & 1)
        >= g.value([i for i in range(n) if S >> i & 1])
        for S in range(1, 1 << n)
    )


def test_least_core_matches_float_lp():
    rng = np.random.default_rng(11)
    for n in (3, 4, 6):
        vector = [0, *rng.integers(-10, 30, size=(1 << n) - 1).tolist()]
        g = game_from_vector(n, vector)
        masks = range(1, (1 << n) - 1)
        A = [[-(S >> i & 1) for i in range(n)] + [-1] for S in masks]
        b = [-vector[S] for S in masks]
        res = linprog(
            [0] * n + [1], A_ub=A, b_ub=b, A_eq=[[1] * n + [0]], b_eq=[vector[-1]],
            bounds=[(None, None)] * (n + 1), method="highs",
        )  # fmt: skip
        assert float(g.least_core()[0]) == pytest.approx(res.fun, abs=1e-7)


def test_is_in_core_float_tolerance_and_errors():
    g = C_B.evalf()
    assert g.is_in_core((6.0, 2.0, 2.0 + 1e-12))
    assert not g.is_in_core((6.0, 2.0, 2.1))
    with pytest.raises(ValueError, match="needs 3 entries"):
        C_B.is_in_core((6, 4))
    with pytest.raises(ValueError, match="NaN"):
        C_B.is_in_core((6, 2, float("nan")))
    with pytest.raises(UnboundParameterError):
        C_B.is_in_core((6, 2, sympy.Symbol("t")))
    assert C_B.excesses((6, 2, 2))[(0,)] == -4


def test_exact_simplex_fallback_agrees(monkeypatch):
    # Force the exact simplex (no HiGHS proposal) and compare with the certified HiGHS answers.
    rng = np.random.default_rng(5)
    games = [C_A, C_B, GLOVE] + [
        game_from_vector(n, [0, *rng.integers(-5, 20, size=(1 << n) - 1).tolist()])
        for n in (3, 4, 5)
    ]
    expected = [
        (g.nucleolus(), g.nucleolus(pre=True), g.cost_of_stability(), g.least_core()) for g in games
    ]
    monkeypatch.setattr(coop, "_highs_proposal", lambda *args: None)
    got = [
        (g.nucleolus(), g.nucleolus(pre=True), g.cost_of_stability(), g.least_core()) for g in games
    ]
    assert got == expected


# --------------------------------------------------------------------------------------------
# From normal-form games
# --------------------------------------------------------------------------------------------

PD = Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])


def test_from_normal_form_prisoners_dilemma():
    # Each city can guarantee 1 (defect); together they get 6 at (C, C).
    for kind in ("alpha", "beta", "alpha_pure", "beta_pure"):
        g = CooperativeGame.from_normal_form(PD, kind)
        assert g.values() == {(): 0, (0,): 1, (1,): 1, (0, 1): 6}
        assert g.players == PD.players
    g = CooperativeGame.from_normal_form(PD)
    assert g.shapley_value() == g.nucleolus() == (3, 3)


def test_from_normal_form_matching_pennies():
    mp = Game([[1, -1], [-1, 1]])
    assert CooperativeGame.from_normal_form(mp, "alpha").values() == {
        (): 0, (0,): 0, (1,): 0, (0, 1): 0,
    }  # fmt: skip
    assert CooperativeGame.from_normal_form(mp, "alpha_pure").values()[(0,)] == -1
    assert CooperativeGame.from_normal_form(mp, "beta_pure").values()[(0,)] == 1
    assert CooperativeGame.from_normal_form(mp, "beta_pure").values()[(1,)] == 1


def test_from_normal_form_public_goods():
    # u_i = -g_i + r Σ_j g_j, g_i ∈ {0, 1}, r = 3/5. Outsiders' contributions only help S, so
    # v(S) = max(0, s (r s - 1)): v(1) = 0, v(2) = 2/5, v(3) = 12/5.
    r = F(3, 5)
    shape = (2, 2, 2)
    arrays = [np.empty(shape, dtype=object) for _ in range(3)]
    for profile in np.ndindex(shape):
        for i in range(3):
            arrays[i][profile] = -profile[i] + r * sum(profile)
    game = Game.from_arrays(*arrays)
    for kind in ("alpha", "beta", "alpha_pure", "beta_pure"):
        g = CooperativeGame.from_normal_form(game, kind)
        assert [g.value(S) for S in ([0], [1, 2], [0, 1, 2])] == [0, F(2, 5), F(12, 5)]
    assert g.is_convex()


@FAST
@given(
    st.integers(2, 3),
    st.integers(2, 3),
    st.lists(st.integers(-9, 9), min_size=18, max_size=18),
)
def test_from_normal_form_matches_security_levels(m, k, entries):
    A = np.array(entries[: m * k]).reshape(m, k)
    B = np.array(entries[9 : 9 + m * k]).reshape(m, k)
    game = Game(A, B)
    alpha = CooperativeGame.from_normal_form(game, "alpha")
    assert (alpha.value([0]), alpha.value([1])) == security_levels(game)
    assert alpha == CooperativeGame.from_normal_form(game, "beta")
    low = CooperativeGame.from_normal_form(game, "alpha_pure")
    high = CooperativeGame.from_normal_form(game, "beta_pure")
    for i in (0, 1):
        assert low.value([i]) <= alpha.value([i]) <= high.value([i])
    assert alpha.value([0, 1]) == max(a + b for a, b in zip(A.flat, B.flat, strict=True))


def test_from_normal_form_three_players_coalition_value_by_float_lp():
    rng = np.random.default_rng(3)
    arrays = [rng.integers(-5, 6, size=(2, 3, 2)) for _ in range(3)]
    game = Game.from_arrays(*arrays)
    g = CooperativeGame.from_normal_form(game)
    for S in ([0], [1], [2], [0, 1], [0, 2], [1, 2]):
        others = [i for i in range(3) if i not in S]
        total = sum(arrays[i] for i in S)
        U = np.transpose(total, S + others).reshape(math.prod(game.shape[i] for i in S), -1)
        rows, cols = U.shape
        res = linprog(
            [0] * rows + [-1], A_ub=np.hstack([-U.T, np.ones((cols, 1))]), b_ub=np.zeros(cols),
            A_eq=[[1] * rows + [0]], b_eq=[1], bounds=[(0, None)] * rows + [(None, None)],
            method="highs",
        )  # fmt: skip
        assert float(g.value(S)) == pytest.approx(-res.fun, abs=1e-9)
        assert isinstance(g.value(S), Fraction)
    float_game = CooperativeGame.from_normal_form(game.evalf())
    assert float_game.kind == "float"
    assert float_game.value([0, 1]) == pytest.approx(float(g.value([0, 1])))


def test_from_normal_form_symbolic_pure():
    t = sympy.Symbol("t", positive=True)
    game = Game([[3, 0], [5 - t, 1]], [[3, 5 - t], [0, 1]])
    g = CooperativeGame.from_normal_form(game, "alpha_pure")
    assert g.kind == "symbolic"
    for value in (F(1, 2), 1, 4):
        bound = g.subs(t=value)
        direct = CooperativeGame.from_normal_form(game.subs(t=value), "alpha_pure")
        assert bound.values() == direct.values()
    with pytest.raises(UnboundParameterError):
        CooperativeGame.from_normal_form(game, "alpha")


def test_from_normal_form_errors():
    with pytest.raises(TypeError, match=r"gametheory\.Game"):
        CooperativeGame.from_normal_form([[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="kind must be one of"):
        CooperativeGame.from_normal_form(PD, "gamma")


# --------------------------------------------------------------------------------------------
# Construction, labels, display
# --------------------------------------------------------------------------------------------


def test_coalition_forms_and_labels():
    assert C_A.n_players == 3 and C_A.players == ("A", "B", "C")
    assert C_A.value(("A", "B")) == C_A.value((0, 1)) == C_A.value({1, 0}) == 8
    assert C_A.value(frozenset({"A", "C"})) == 8 and C_A.value("B") == C_A.value(1) == 0
    assert C_A.value(()) == 0
    assert C_B.players == ("P1", "P2", "P3")
    same = CooperativeGame(
        {frozenset(): 0, "P1": 2, "P2": 0, "P3": 0, ("P1", "P2"): 6, ("P3", "P1"): 6,
         frozenset({1, 2}): 1, (0, 1, 2): 10},
        players=["P1", "P2", "P3"],
    )  # fmt: skip
    assert same == C_B and hash(same) == hash(C_B)
    assert CooperativeGame.from_function(3, lambda S: C_B.value(S)) == C_B
    assert CooperativeGame(lambda S: C_B.value(S), players=["P1", "P2", "P3"]) == C_B
    assert C_B.coalition(["P2", 0]) == frozenset({0, 1})


def test_repr_and_table():
    text = repr(C_A)
    assert text.startswith("CooperativeGame(3 players: v(A) = 0;")
    assert "v(A, B) = 8" in text and "v(A, B, C) = 9" in text
    table = C_B.table()
    assert list(table.columns) == ["coalition", "size", "value"]
    assert table["coalition"].tolist()[-1] == "{P1, P2, P3}"
    assert table["value"].tolist() == [2, 0, 0, 6, 6, 1, 10]
    big = CooperativeGame(lambda S: len(S), players=5)
    assert "more)" in repr(big)


def test_to_latex():
    text = C_B.to_latex()
    assert text.splitlines()[0] == r"\begin{tabular}{lr}"
    assert r"$\{P1, P2\}$ & $6$ \\" in text
    half = CooperativeGame({0: F(1, 2)}).to_latex()
    assert r"\tfrac{1}{2}" in half
    a = sympy.Symbol("a")
    assert r"$\{P1\}$ & $a^{2}$" in CooperativeGame({0: a**2}).to_latex()


@FAST
@given(tu_games(max_n=4, values=st.floats(-10, 10, allow_nan=False)))
def test_float_games_match_exact_solution(g):
    # Float games are solved exactly on their binary values and returned as floats.
    assert g.kind == "float"
    exact = CooperativeGame(lambda S: Fraction(g.value(S)), players=g.n_players)
    assert g.nucleolus() == tuple(float(x) for x in exact.nucleolus())
    assert g.shapley_value() == pytest.approx([float(x) for x in exact.shapley_value()])
    assert g.least_core()[0] == float(exact.least_core()[0])
    assert g.cost_of_stability() == pytest.approx(float(exact.cost_of_stability()), abs=1e-8)
    assert all(isinstance(x, float) for x in g.nucleolus())


def test_immutability():
    with pytest.raises(AttributeError):
        C_A.foo = 1
    with pytest.raises(AttributeError):
        C_A.n_players = 4


@pytest.mark.parametrize(
    ("values", "players", "error", "match"),
    [
        ({(0,): 1, (1,): 1}, None, ValueError, r"missing the value of coalition\(s\) \{P1, P2\}"),
        ({(0,): 1, (0, 1): 3}, None, ValueError, r"missing.*\{P2\}"),
        ({0: 1, 1: 1, (0, 1): float("nan")}, None, ValueError, "NaN"),
        ({0: 1, 1: 1, (0, 1): float("inf")}, None, ValueError, "infinite"),
        ({(): 1, 0: 1, 1: 1, (0, 1): 3}, None, ValueError, "empty coalition must have value 0"),
        ({0: 1, 1: 1, (0, 1): 3, (0, 2): 1}, 2, ValueError, "index 2 out of range"),
        ({0: 1, 1: 1, (0, 0): 3}, None, ValueError, "appears twice"),
        ({0: 1, 1: 1, (0, 1): 3, (1, 0): 3}, None, ValueError, "given twice"),
        ({0: 1, 1: 1, (-1, 1): 3}, None, ValueError, "out of range"),
        ({0: 1, 1: 1, (0, 1): "3"}, None, TypeError, "string"),
        ({0: 1, 1: 1, (0, 1): True}, None, TypeError, "boolean"),
        ({0: 1, 1: 1, (0, 1): 1j}, None, TypeError, "complex"),
        ({0: 1, 1: 1, (0, 1.0): 3}, None, TypeError, "players are integer indices"),
        ({"a": 1}, None, ValueError, "no labels were given"),
        ({"A": 1, "Z": 2}, ["A", "B"], ValueError, "unknown player 'Z'"),
        ({}, None, ValueError, "at least 1 player"),
        ({(): 0}, None, ValueError, "at least 1 player"),
        ([1, 2, 3], None, TypeError, "mapping from coalitions"),
        (lambda S: 1, None, ValueError, "needs players"),
        ({0: 1}, 0, ValueError, "at least 1 player"),
        ({0: 1}, 25, ValueError, "at most 20 players"),
        ({0: 1}, "AB", TypeError, "players must be"),
        ({0: 1, 1: 2, (0, 1): 3}, ["A", "A"], ValueError, "duplicate"),
        (lambda S: float("nan"), 2, ValueError, "NaN"),
    ],
)
def test_bad_inputs(values, players, error, match):
    with pytest.raises(error, match=match):
        CooperativeGame(values, players=players)


def test_bad_method_inputs():
    with pytest.raises(ValueError, match="unknown player"):
        C_A.value(["D"])
    with pytest.raises(ValueError, match="out of range"):
        C_A.value([3])
    with pytest.raises(TypeError, match="pre must be"):
        C_A.nucleolus(pre=1)
    with pytest.raises(TypeError, match="allocation is a sequence"):
        C_A.is_in_core(3)
    with pytest.raises(TypeError, match="callable"):
        CooperativeGame.from_function(3, 5)


def test_docstring_examples():
    import doctest

    assert doctest.testmod(coop).failed == 0


@pytest.mark.parametrize("kind", ["alpha", "beta", "alpha_pure", "beta_pure"])
def test_from_normal_form_with_players_that_have_one_action(kind):
    # a player with one action: its coalition's payoff matrix has one row (or column)
    one_row = CooperativeGame.from_normal_form(Game([[1, 2]], [[3, 4]]), kind)
    assert (one_row.value((0,)), one_row.value((1,)), one_row.value((0, 1))) == (1, 4, 6)
    trivial = CooperativeGame.from_normal_form(Game([[1]], [[3]]), kind)
    assert (trivial.value((0,)), trivial.value((1,)), trivial.value((0, 1))) == (1, 3, 4)
