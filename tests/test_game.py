"""The Game value: construction, validation, payoffs, labels, parameters, display."""

from fractions import Fraction

import numpy as np
import pytest
import sympy

import gametheory as gt

PD_A = [[3, 0], [5, 1]]
PD_B = [[3, 5], [0, 1]]


def pd(**kwargs):
    return gt.Game(PD_A, PD_B, actions=[["C", "D"], ["C", "D"]], **kwargs)


def test_two_player_game_is_exact_and_labelled():
    g = pd(players=["Anhui", "Zhejiang"], title="PD")
    assert g.kind == "exact" and g.is_exact
    assert g.shape == (2, 2) and g.n_players == 2
    assert g.players == ("Anhui", "Zhejiang")
    assert g.payoff(["D", "C"]) == (Fraction(5), Fraction(0))
    assert g.payoff([1, 1]) == (1, 1)


def test_zero_sum_default():
    g = gt.Game([[1, -1], [-1, 1]])
    assert g.payoff([0, 1]) == (-1, 1)


def test_mixed_payoff_is_exact():
    g = pd()
    half = [Fraction(1, 2), Fraction(1, 2)]
    # row mixes 1/2-1/2 against C: (3 + 5)/2 = 4 for row, (3 + 0)/2 = 3/2 for column
    assert g.payoff([half, "C"]) == (Fraction(4), Fraction(3, 2))
    assert g.payoff([half, half]) == (Fraction(9, 4), Fraction(9, 4))


def test_mixed_payoff_float():
    g = pd()
    u = g.payoff([[0.25, 0.75], [0.5, 0.5]])
    assert u[0] == pytest.approx(0.25 * 1.5 + 0.75 * 3.0)


def test_float_and_sympy_kinds():
    assert gt.Game([[1.5, 0], [0, 1]], [[1, 0], [0, 1]]).kind == "float"
    assert gt.Game([[sympy.Rational(1, 3), 0], [0, 1]], [[1, 0], [0, 1]]).kind == "exact"
    t = sympy.Symbol("t", positive=True)
    g = gt.Game([[3 + t, 0], [5, 1]], PD_B)
    assert g.kind == "symbolic" and g.parameters == (t,) and g.is_parametric
    bound = g.subs(t=Fraction(1, 2))
    assert bound.kind == "exact" and bound.payoff([0, 0])[0] == Fraction(7, 2)
    assert g.subs({t: 2}).payoff([0, 0])[0] == 5


def test_lambdify_vectorises_over_parameters():
    t, p = sympy.symbols("t p")
    g = gt.Game([[3 + t, -p], [5, 1]], PD_B)
    A, B = g.lambdify()(t=np.array([0.0, 1.0, 2.0]), p=1.0)
    assert A.shape == (3, 2, 2) and B.shape == (3, 2, 2)
    assert A[:, 0, 0].tolist() == [3.0, 4.0, 5.0]
    assert A[:, 0, 1].tolist() == [-1.0, -1.0, -1.0]


def test_n_player_game_and_labels():
    arrays = np.arange(24).reshape(3, 2, 2, 2)
    g = gt.Game.from_arrays(*arrays, players=["A", "B", "C"])
    assert g.n_players == 3 and g.shape == (2, 2, 2)
    assert g.payoff([1, 0, 1]) == (5, 13, 21)
    assert g.payoff(["1", "0", "1"]) == (5, 13, 21)


def test_addition_adds_payoffs():
    g = pd()
    s = g + gt.Game([[1, 0], [0, 0]], [[1, 0], [0, 0]], actions=[["C", "D"], ["C", "D"]])
    assert s.payoff(["C", "C"]) == (4, 4)
    assert (g + g.with_labels()).payoff(["D", "D"]) == (2, 2)


def test_immutability_and_hash():
    g = pd()
    with pytest.raises(ValueError):
        g.payoff_arrays[0][0, 0] = 7
    assert hash(g) == hash(pd()) and g == pd()
    assert g != pd(title="other")


def test_permutations():
    g = gt.Game.from_arrays(*np.arange(24).reshape(3, 2, 2, 2))
    h = g.permute_players([2, 0, 1])
    assert h.payoff([1, 1, 0]) == (
        g.payoff([1, 0, 1])[2],
        g.payoff([1, 0, 1])[0],
        g.payoff([1, 0, 1])[1],
    )
    k = pd().permute_actions(0, [1, 0])
    assert k.actions[0] == ("D", "C") and k.payoff([0, 0]) == (5, 0)


def test_displays_show_labels():
    g = pd(players=["Anhui", "Zhejiang"], title="Eco")
    text = repr(g)
    assert "C" in text and "5, 0" in text and "Eco" in text
    html = g._repr_html_()
    assert "<table>" in html and "Anhui" in html and "(5, 0)" in html
    g3 = gt.Game.from_arrays(*np.zeros((3, 2, 2, 2), dtype=int), players=["a", "b", "c"])
    assert g3._repr_html_().count("<table>") == 2 and "c: 1" in g3._repr_html_()


def test_unbound_parameters_named_in_error():
    t = sympy.Symbol("transfer")
    g = gt.Game([[t, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(gt.UnboundParameterError, match="transfer"):
        gt.equilibria(g)
    with pytest.raises(ValueError, match="unknown parameter"):
        g.subs(x=1)


# ---- malformed input: each must raise a clear exception naming the problem ------------------

BAD_GAMES = [
    ("ragged rows", lambda: gt.Game([[1, 2], [3]], [[1, 2], [3, 4]]), ValueError, "ragged"),
    ("shape mismatch", lambda: gt.Game([[1, 2]], [[1], [2]]), ValueError, "same shape"),
    ("NaN payoff", lambda: gt.Game([[np.nan, 0], [0, 1]], [[0, 0], [0, 0]]), ValueError, "NaN"),
    ("inf payoff", lambda: gt.Game([[float("inf"), 0]], [[0, 0]]), ValueError, "inf"),
    ("string payoff", lambda: gt.Game([["a", 0]], [[0, 0]]), TypeError, "string"),
    ("numpy strings", lambda: gt.Game(np.array([["1", "2"]]), [[0, 0]]), TypeError, "string"),
    ("boolean payoff", lambda: gt.Game([[True, 0]], [[0, 0]]), TypeError, "boolean"),
    ("complex payoff", lambda: gt.Game([[1j, 0]], [[0, 0]]), TypeError, "complex"),
    ("None payoff", lambda: gt.Game([[None, 0]], [[0, 0]]), TypeError, "unsupported"),
    (
        "empty action set",
        lambda: gt.Game(np.zeros((0, 2)), np.zeros((0, 2))),
        ValueError,
        "at least one action",
    ),
    ("scalar payoff", lambda: gt.Game(3, 4), ValueError, "scalar"),
    (
        "3-D array in Game(A, B)",
        lambda: gt.Game(np.zeros((2, 2, 2)), np.zeros((2, 2, 2))),
        ValueError,
        "from_arrays",
    ),
    ("one player", lambda: gt.Game.from_arrays([1, 2]), ValueError, "at least 2 players"),
    (
        "axes != players",
        lambda: gt.Game.from_arrays(np.zeros((2, 2)), np.zeros((2, 2)), np.zeros((2, 2))),
        ValueError,
        "axes",
    ),
    (
        "arrays of different shapes",
        lambda: gt.Game.from_arrays(np.zeros((2, 2)), np.zeros((2, 3))),
        ValueError,
        "different shapes",
    ),
    (
        "duplicate action labels",
        lambda: gt.Game(PD_A, PD_B, actions=[["C", "C"], ["C", "D"]]),
        ValueError,
        "duplicate",
    ),
    (
        "duplicate player names",
        lambda: gt.Game(PD_A, PD_B, players=["x", "x"]),
        ValueError,
        "duplicate",
    ),
    (
        "too few action labels",
        lambda: gt.Game(PD_A, PD_B, actions=[["C"], ["C", "D"]]),
        ValueError,
        "2 are needed",
    ),
    (
        "wrong number of players' labels",
        lambda: gt.Game(PD_A, PD_B, players=["x"]),
        ValueError,
        "2 are needed",
    ),
    ("non-string title", lambda: gt.Game(PD_A, PD_B, title=3), TypeError, "title"),
    ("infinite sympy payoff", lambda: gt.Game([[sympy.oo, 0]], [[0, 0]]), ValueError, "finite"),
    (
        "masked array",
        lambda: gt.Game(np.ma.masked_invalid([[1.0, np.nan]]), [[0, 0]]),
        TypeError,
        "masked",
    ),
    (
        "datetime payoffs",
        lambda: gt.Game(np.array([[1, 2]], dtype="timedelta64[s]"), [[0, 0]]),
        TypeError,
        "dtype",
    ),
    ("iterator payoffs", lambda: gt.Game(iter([[1, 2]]), [[0, 0]]), TypeError, "iterator"),
]


@pytest.mark.parametrize("name,build,exc,match", BAD_GAMES, ids=[b[0] for b in BAD_GAMES])
def test_malformed_games_raise_clear_errors(name, build, exc, match):
    with pytest.raises(exc, match=match):
        build()


BAD_PROFILES = [
    ("too few entries", ["C"], ValueError, "one entry per player"),
    ("unknown label", ["C", "X"], ValueError, "no action 'X'"),
    ("index out of range", [0, 5], ValueError, "out of range"),
    (
        "probabilities not summing to one",
        [[Fraction(1, 2), Fraction(1, 3)], "C"],
        ValueError,
        "sum to",
    ),
    ("negative probability", [[Fraction(3, 2), Fraction(-1, 2)], "C"], ValueError, "negative"),
    ("float probabilities not summing to one", [[0.5, 0.6], "C"], ValueError, "sum to"),
    ("NaN probability", [[np.nan, 1.0], "C"], ValueError, "NaN"),
    ("wrong length vector", [[1, 0, 0], "C"], ValueError, "2 probabilities"),
    ("a string instead of a profile", "CD", TypeError, "sequence"),
    ("a boolean action", [True, "C"], TypeError, "action"),
    ("a float action", [1.0, "C"], TypeError, "action"),
]


@pytest.mark.parametrize("name,profile,exc,match", BAD_PROFILES, ids=[b[0] for b in BAD_PROFILES])
def test_malformed_profiles_raise_clear_errors(name, profile, exc, match):
    with pytest.raises(exc, match=match):
        pd().payoff(profile)


def test_pandas_and_numpy_containers_are_accepted():
    import pandas as pd

    df = pd.DataFrame(PD_A)
    with pytest.warns(PendingDeprecationWarning):
        matrix = np.matrix(PD_B)
    g = gt.Game(df, matrix, actions=np.array([["C", "D"], ["C", "D"]]))
    assert g == pd_game_with_numbers()
    assert gt.Game(sympy.Matrix(PD_A), sympy.Array(PD_B)).payoff([1, 0]) == (5, 0)


def pd_game_with_numbers():
    return gt.Game(PD_A, PD_B, actions=[["C", "D"], ["C", "D"]])


def test_adding_mismatched_games_fails():
    with pytest.raises(ValueError, match="shapes"):
        pd() + gt.Game([[1, 2, 3]], [[1, 2, 3]])
    with pytest.raises(ValueError, match="labels"):
        pd() + gt.Game(PD_A, PD_B)


def test_decimal_payoffs_are_exact():
    from decimal import Decimal

    game = gt.Game([[Decimal("0.1"), 1], [0, Decimal("2.5")]])
    assert game.kind == "exact"
    assert game.as_fractions()[0][0, 0] == Fraction(1, 10)
    with pytest.raises(ValueError, match="finite"):
        gt.Game([[Decimal("NaN"), 1], [0, 1]])


def test_player_names_must_be_strings():
    with pytest.raises(TypeError, match=r"players contains 1 \(int\); names must be strings"):
        gt.Game([[1, 0], [0, 1]], players=[1, 2])
    # action labels may still be integers (shown as their decimal text)
    assert gt.Game([[1, 0], [0, 1]], actions=[[0, 1], [0, 1]]).actions == (("0", "1"), ("0", "1"))


def test_numeric_views_are_cached_and_read_only():
    game = gt.Game([[0.5, 1.0], [0.0, 2.0]])
    first, again = game.as_float(), game.as_float()
    assert first is again and not first[0].flags.writeable
    assert game.as_fractions() is game.as_fractions()
    with pytest.raises(ValueError):
        first[0][0, 0] = 9.0
