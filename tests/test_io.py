"""Tests of gametheory.io: Gambit .nfg, JSON, LaTeX and the equilibria JSON."""

from __future__ import annotations

import io
import json
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory import Game
from gametheory.io import (
    equilibria_to_json,
    from_json,
    from_nfg,
    to_json,
    to_latex,
    to_nfg,
)

F = Fraction

PD = Game(
    [[3, 0], [5, 1]],
    [[3, 5], [0, 1]],
    players=["Row", "Column"],
    actions=[["C", "D"], ["C", "D"]],
    title="Prisoner's dilemma",
)

# Selten (1975), Figure 2, in both versions exactly as printed in the Gambit manual
# ("Game representation formats").
SELTEN_PAYOFF = """NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"
{ "Player 1" "Player 2" } { 3 2 }

1 1 0 2 0 2 1 1 0 3 2 0
"""
SELTEN_OUTCOME = """NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" }

{
{ "1" "2" "3" }
{ "1" "2" }
}

{
{ "" 1, 1 }
{ "" 0, 2 }
{ "" 0, 2 }
{ "" 1, 1 }
{ "" 0, 3 }
{ "" 2, 0 }
}
1 2 3 4 5 6
"""


def three_player_game() -> Game:
    """2 x 3 x 2 game whose payoff u_i(s) = 100 i + 10 s1 + ... encodes the profile."""
    shape = (2, 3, 2)
    arrays = []
    for i in range(3):
        a = np.empty(shape, dtype=object)
        for s in np.ndindex(shape):
            a[s] = F(100 * (i + 1) + 10 * s[0] + 3 * s[1] + s[2], 1 + s[2])
        arrays.append(a)
    return Game.from_arrays(
        *arrays,
        players=["Beijing", "Tianjin", "Hebei"],
        actions=[["high", "low"], ["a", "b", "c"], ["in", "out"]],
        title="three cities",
    )


def assert_same_payoffs(a: Game, b: Game) -> None:
    assert a.shape == b.shape
    for x, y in zip(a.payoff_arrays, b.payoff_arrays, strict=True):
        assert np.array_equal(x, y)


# ---------------------------------------------------------------------------------------------
# .nfg reading
# ---------------------------------------------------------------------------------------------


def test_selten_example_both_versions():
    a = from_nfg(SELTEN_PAYOFF)
    b = from_nfg(SELTEN_OUTCOME)
    assert a == b
    assert a.title == "Selten (IJGT, 75), Figure 2, normal form"
    assert a.players == ("Player 1", "Player 2")
    assert a.actions == (("1", "2", "3"), ("1", "2"))
    # player 1's strategy varies fastest: profiles (1,1), (2,1), (3,1), (1,2), (2,2), (3,2)
    A, B = a.payoff_arrays
    assert A.tolist() == [[1, 1], [0, 0], [0, 2]]
    assert B.tolist() == [[1, 1], [2, 3], [2, 0]]
    assert a.is_exact


def test_profile_order_three_players():
    g = three_player_game()
    text = to_nfg(g)
    numbers = text.split("}")[-1].split()
    # first profile (0,0,0), then player 1 moves: (1,0,0), then (0,1,0)
    assert numbers[:3] == ["100", "200", "300"]
    assert numbers[3:6] == ["110", "210", "310"]
    assert numbers[6:9] == ["103", "203", "303"]


def test_numbers_are_read_exactly():
    g = from_nfg('NFG 1 R "n" { "a" "b" } { 2 2 }\n0.1 3/4 1.5e3 -2E-1 .5 +2 -7/21 1e2\n')
    A, B = g.payoff_arrays
    assert A[0, 0] == F(1, 10) and B[0, 0] == F(3, 4)
    assert A[1, 0] == 1500 and B[1, 0] == F(-1, 5)
    assert A[0, 1] == F(1, 2) and B[0, 1] == 2
    assert A[1, 1] == F(-1, 3) and B[1, 1] == 100
    assert g.kind == "exact"


def test_labels_comment_escapes_and_defaults():
    text = r"""NFG 1 D "a \"quoted\" title" { "" "Col \"2\"" }
    { { "up" "" } { "left" "right\" side" } }
    "an optional comment, dropped"
    { { "first" 1 2 } { "second" 3, 4 } }
    1 0 2 1
    """
    g = from_nfg(text)
    assert g.title == 'a "quoted" title'
    assert g.players == ("Player 1", 'Col "2"')
    assert g.actions == (("up", "2"), ("left", 'right" side'))
    A, B = g.payoff_arrays
    # index 0 is the null outcome with zero payoffs
    assert A.tolist() == [[1, 3], [0, 1]]
    assert B.tolist() == [[2, 4], [0, 2]]


def test_empty_outcome_list_means_all_zero():
    g = from_nfg('NFG 1 R "z" { "a" "b" } { { "x" } { "y" "z" } } { } 0 0')
    assert g.payoff_arrays[0].tolist() == [[0, 0]]


def test_sources_path_str_file_object(tmp_path):
    path = tmp_path / "pd.nfg"
    path.write_text(to_nfg(PD))
    assert from_nfg(path) == PD
    assert from_nfg(str(path)) == PD
    with open(path) as handle:
        assert from_nfg(handle) == PD
    assert from_nfg(io.StringIO(to_nfg(PD))) == PD
    assert from_nfg("\n\n   " + to_nfg(PD)) == PD
    assert Game.from_nfg(path) == PD
    with pytest.raises(FileNotFoundError, match=r"no such \.nfg file"):
        from_nfg(tmp_path / "missing.nfg")
    with pytest.raises(ValueError, match="empty"):
        from_nfg("   ")


def test_reads_pygambit_output():
    gbt = pytest.importorskip("pygambit")
    gg = gbt.Game.from_arrays(
        [[3, 0], [5, 1]], [[3, 5], [0, 1]], title="PD from pygambit"
    )  # pygambit writes the outcome version
    text = gg.to_nfg()
    assert '{ "" 3, 3 }' in text
    g = from_nfg(text)
    assert g.title == "PD from pygambit"
    assert g.payoff_arrays[0].tolist() == [[3, 0], [5, 1]]
    assert g.payoff_arrays[1].tolist() == [[3, 5], [0, 1]]

    rng = np.random.default_rng(7)
    arrays = [rng.integers(-9, 10, size=(2, 3, 4)) for _ in range(3)]
    gg = gbt.Game.from_arrays(*arrays)
    g = from_nfg(gg.to_nfg())
    for ours, theirs in zip(g.payoff_arrays, arrays, strict=True):
        assert np.array_equal(ours.astype(int), theirs)


# ---------------------------------------------------------------------------------------------
# .nfg writing and round trips
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("outcomes", [False, True])
def test_round_trip_exact(outcomes):
    g = Game(
        [[F(3, 4), -2], [F(-7, 3), 10**30]],
        [[0, F(1, 10**20)], [5, -1]],
        players=["Row", "Column"],
        actions=[["T", "B"], ["L", "R"]],
        title="fractions",
    )
    text = to_nfg(g, outcomes=outcomes)
    assert "3/4" in text and "-7/3" in text
    assert from_nfg(text) == g
    assert g.to_nfg(outcomes=outcomes) == text


@pytest.mark.parametrize("outcomes", [False, True])
def test_round_trip_three_players(outcomes):
    g = three_player_game()
    assert from_nfg(to_nfg(g, outcomes=outcomes)) == g


def test_round_trip_awkward_labels():
    g = PD.with_labels(
        players=['say "hi"', "back\\slash"],
        actions=[["ends\\", 'q"'], ["\\\\", 'x\\"y']],
        title="tab\tand\nnewline",
    )
    assert from_nfg(to_nfg(g)) == g
    assert from_nfg(to_nfg(g, outcomes=True)) == g


def test_default_gambit_labels_written_as_counts():
    g = PD.with_labels(actions=[["1", "2"], ["1", "2"]])
    text = to_nfg(g)
    assert text.splitlines()[0] == 'NFG 1 R "Prisoner\'s dilemma" { "Row" "Column" } { 2 2 }'
    assert text.split("\n\n")[1].split() == ["3", "3", "5", "0", "0", "5", "1", "1"]
    assert from_nfg(text) == g


def test_float_game_round_trip():
    g = Game([[0.1, 1e-5], [1e20, -2.5]], [[1 / 3, 2.0], [0.0, -1e-300]])
    text = to_nfg(g)
    assert "e" not in text.split("}")[-1]  # positional decimals: Gambit rejects 1e-05
    back = from_nfg(text)
    assert back.kind == "exact"
    assert back.payoff_arrays[0][0, 0] == F(1, 10)
    for a, b in zip(back.as_float(), g.as_float(), strict=True):
        assert np.array_equal(a, b)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(1, 3), min_size=2, max_size=3).flatmap(
        lambda shape: st.tuples(
            st.just(tuple(shape)),
            st.lists(
                st.fractions(max_denominator=50).filter(lambda x: abs(x) < 10**6),
                min_size=len(shape) * int(np.prod(shape)),
                max_size=len(shape) * int(np.prod(shape)),
            ),
            st.booleans(),
        )
    )
)
def test_round_trip_property(case):
    shape, values, outcomes = case
    n, size = len(shape), int(np.prod(shape))
    arrays = [
        np.array(values[i * size : (i + 1) * size], dtype=object).reshape(shape) for i in range(n)
    ]
    g = Game.from_arrays(*arrays)
    assert from_nfg(to_nfg(g, outcomes=outcomes)) == g
    assert from_json(to_json(g)) == g


def test_pygambit_reads_our_output():
    gbt = pytest.importorskip("pygambit")
    g = three_player_game().with_labels(players=['Row "r"', "Col\\x", "Third"], title='3 "players"')
    fl = Game([[0.1, 1e-5], [1e20, -2.5]], [[1 / 3, 2.0], [0.0, -1e-300]])
    for game in (g, PD, fl):
        for outcomes in (False, True):
            gg = gbt.read_nfg(io.StringIO(to_nfg(game, outcomes=outcomes)))
            assert gg.title == game.title
            assert [p.label for p in gg.players] == list(game.players)
            assert [[s.label for s in p.strategies] for p in gg.players] == [
                list(a) for a in game.actions
            ]
            exact = game.as_fractions()
            for profile in np.ndindex(game.shape):
                for k, player in enumerate(gg.players):
                    theirs = F(str(gg[profile][player]))
                    if game.kind == "exact":
                        assert theirs == exact[k][profile]
                    else:
                        assert float(theirs) == game.as_float()[k][profile]


def test_symbolic_games_cannot_be_written_to_nfg():
    t = sympy.Symbol("t")
    with pytest.raises(ValueError, match=r"parametric game .*parameters: t.*subs"):
        to_nfg(Game([[t, 0], [0, 1]]))
    with pytest.raises(ValueError, match="irrational"):
        to_nfg(Game([[sympy.sqrt(2), 0], [0, 1]]))
    with pytest.raises(TypeError):
        to_nfg([[1, 2], [3, 4]])


# ---------------------------------------------------------------------------------------------
# Malformed .nfg files
# ---------------------------------------------------------------------------------------------

HEAD = 'NFG 1 R "g" { "A" "B" }'

MALFORMED = [
    ('EFG 2 R "tree" { "A" "B" } ""\np "" 1 1 "" { "x" } 0', "extensive-form"),
    ('GAME 1 R "g" { "A" "B" } { 1 1 } 1 2', "not a Gambit .nfg file: expected 'NFG'"),
    ('NFG 2 R "g" { "A" "B" } { 1 1 } 1 2', "unsupported .nfg version '2'"),
    ('NFG 1 Q "g" { "A" "B" } { 1 1 } 1 2', "number type 'R'"),
    ('NFG 1 R { "A" "B" } { 1 1 } 1 2', "game title"),
    ('NFG 1 R "g" "A" "B" } { 1 1 } 1 2', "'\\{' before the list of player names"),
    ('NFG 1 R "g" { "A" } { 1 } 1', "at least 2 players"),
    (f"{HEAD} {{ 2 }} 1 2 3 4", "strategies cover 1 player"),
    (f"{HEAD} {{ 2 2 2 }} 1 2", "more strategy counts than the 2 players"),
    (f"{HEAD} {{ 2 2.5 }} 1 2", "strategy count must be a positive integer"),
    (f'{HEAD} {{ {{ "x" }} {{ }} }} 1 2', "B has no strategies"),
    (
        f"{HEAD} {{ 2 2 }}\n1 2 3 4 5 6 7",
        "too few payoffs: expected 8 .2 players x 4 profiles., found 7",
    ),
    (f"{HEAD} {{ 2 2 }}\n1 2 3 4 5 6 7 8 9", "too many payoffs"),
    (f"{HEAD} {{ 2 2 }}\n1 2 3 abc 5 6 7 8", "payoff 4 must be a number.*'abc'"),
    (f"{HEAD} {{ 2 2 }}\n1 2 3 1/0 5 6 7 8", "divides by zero"),
    (f"{HEAD} {{ 2 2 }}\n1, 2 3 4 5 6 7 8", "unexpected ','"),
    (f"{HEAD} {{ 1 1 }}\n1 1e99999 ", "exponent"),
    ('NFG 1 R "g { "A" "B" } { 1 1 } 1 2', "unterminated label|expected"),
    ('NFG 1 R "g" { "A" "B" } { 1 1 } 1 "2', "unterminated label"),
    (f'{HEAD} {{ 1 1 }} {{ {{ "o" 1 }} }} 1', "outcome 1 has 1 payoff.s. but the game has 2"),
    (f"{HEAD} {{ 1 1 }} {{ {{ 1 2 }} }} 1", "label of outcome 1"),
    (f'{HEAD} {{ 1 2 }} {{ {{ "o" 1 2 }} }} 1 2', "outcome index 2 refers to a missing outcome"),
    (f'{HEAD} {{ 1 2 }} {{ {{ "o" 1 2 }} }} 1 0.5', "outcome index must be a non-negative"),
    (f'{HEAD} {{ 1 2 }} {{ {{ "o" 1 2 }} }} 1', "too few outcome indices"),
    (f'{HEAD} {{ 1 2 }} {{ {{ "o" 1 2 }} }} 1 1 1', "too many outcome indices"),
    (f'{HEAD} {{ 1 2 }} {{ {{ "o" 1 2 }}', "'\\}' ending the outcome list"),
    (f"{HEAD} {{ 1 1 }}", "expected the payoffs"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED, ids=[m for _, m in MALFORMED])
def test_malformed_nfg(text, message):
    with pytest.raises(ValueError, match=message) as info:
        from_nfg(text)
    if "invalid game" not in str(info.value):
        assert "line " in str(info.value) and "column " in str(info.value)


def test_error_names_line_column_and_file(tmp_path):
    path = tmp_path / "bad.nfg"
    path.write_text(f"{HEAD} {{ 2 2 }}\n1 2 3 4\n5 six 7 8\n")
    with pytest.raises(ValueError) as info:
        from_nfg(path)
    msg = str(info.value)
    assert str(path) in msg
    assert "line 3, column 3" in msg
    assert "'six'" in msg


# ---------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------


def test_json_schema_exact():
    data = json.loads(to_json(PD))
    assert data == {
        "title": "Prisoner's dilemma",
        "players": ["Row", "Column"],
        "actions": [["C", "D"], ["C", "D"]],
        "kind": "exact",
        "payoffs": [[["3", "0"], ["5", "1"]], [["3", "5"], ["0", "1"]]],
    }
    g = Game([[F(3, 4), -1]], [[0, F(-1, 2)]])
    assert json.loads(to_json(g))["payoffs"] == [[["3/4", "-1"]], [["0", "-1/2"]]]
    assert from_json(to_json(g)) == g
    assert Game.from_json(PD.to_json()) == PD


def test_json_round_trip_float():
    g = Game([[0.1, 0.1 + 0.2], [1e-300, -2.5]], [[1 / 3, 2.0], [5e300, 0.0]], title="floats")
    data = json.loads(to_json(g))
    assert data["kind"] == "float"
    assert data["payoffs"][0][0] == [0.1, 0.30000000000000004]
    back = from_json(to_json(g))
    assert back.kind == "float"
    assert back == g


def test_json_round_trip_symbolic():
    t = sympy.Symbol("t", positive=True)
    lam = sympy.Symbol("lambda")  # a Python keyword as a symbol name
    c = sympy.Symbol("c", real=True)
    g = Game(
        [[t, sympy.sqrt(2) * lam], [sympy.Rational(3, 4) * t - c, sympy.Float(0.1 + 0.2) * c]],
        [[1, t**2], [sympy.Max(t, c), sympy.exp(-t)]],
        players=["State", "Province"],
        title="parametric",
    )
    text = to_json(g)
    data = json.loads(text)
    assert data["kind"] == "symbolic"
    assert data["payoffs"][0][1][0] == "-c + 3*t/4"
    assert data["symbols"] == {"c": {"real": True}, "lambda": {}, "t": {"positive": True}}
    back = from_json(text)
    assert back == g
    assert [s.is_positive for s in back.parameters] == [None, None, True]
    assert back.subs(t=2, c=1, **{"lambda": 0}).payoff((1, 0))[0] == F(1, 2)


def test_json_sources(tmp_path):
    path = tmp_path / "pd.json"
    path.write_text(to_json(PD))
    assert from_json(path) == PD
    assert from_json(str(path)) == PD
    assert from_json(json.loads(to_json(PD))) == PD
    # minimal hand-written input: kind inferred, integers and fraction strings exact
    g = from_json({"players": ["a", "b"], "payoffs": [[[1, "1/2"]], [[0.5, 2]]]})
    assert g.kind == "float"
    assert from_json({"players": ["a", "b"], "payoffs": [[[1, "1/2"]], [[0, 2]]]}).is_exact


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"players": ["a", "b"], "payoffs": [[[1]], [[1]]], "extra": 1}, "unknown key"),
        ({"players": ["a", "b"]}, "needs at least"),
        ({"players": ["a", "b"], "payoffs": [[[1]], [[1]]], "kind": "int"}, "unknown kind"),
        ({"players": ["a", "b"], "payoffs": [[["x"]], [["1"]]], "kind": "exact"}, "not an exact"),
        ({"players": ["a", "b"], "payoffs": [[[0.5]], [[1]]], "kind": "exact"}, "as strings"),
        ({"players": ["a", "b"], "payoffs": [[["1"]], [[1]]], "kind": "float"}, "JSON numbers"),
        ({"players": ["a", "b"], "payoffs": [[[True]], [[1]]]}, "not a number"),
        ({"players": ["a", "b"], "payoffs": [[[1, 2]], [[1]]]}, "invalid game"),
        ({"players": ["a"], "payoffs": [[[1]], [[1]]]}, "invalid game"),
    ],
)
def test_json_errors(data, message):
    with pytest.raises(ValueError, match=message):
        from_json(data)


@pytest.mark.parametrize(
    "expr", ["x.__class__", "__import__('os')", "Symbol.mro()", "x[0]", "lambda: 1", "1; 2"]
)
def test_json_symbolic_rejects_code(expr):
    data = {"players": ["a", "b"], "kind": "symbolic", "payoffs": [[[expr]], [["x"]]]}
    with pytest.raises(ValueError, match=r"plain sympy expression|could not be parsed"):
        from_json(data)


def test_json_symbolic_has_no_builtins():
    # names outside sympy become symbols or undefined functions, never Python objects
    g = from_json(
        {"players": ["a", "b"], "kind": "symbolic", "payoffs": [[["open + exit(x)"]], [["x"]]]}
    )
    value = g.payoff_arrays[0][0, 0]
    assert isinstance(value, sympy.Expr)
    assert {s.name for s in value.free_symbols} == {"open", "x"}


def test_invalid_json_text():
    with pytest.raises(ValueError, match="invalid JSON"):
        from_json('{"players": ')


# ---------------------------------------------------------------------------------------------
# LaTeX
# ---------------------------------------------------------------------------------------------


def test_latex_tabular_exact():
    g = Game(
        [[F(1, 2), -1], [0, 2]],
        [[F(-3, 4), 1], [0, 0]],
        players=["R&D", "Firm_2"],
        actions=[["in", "out"], ["L", "R"]],
    )
    assert to_latex(g) == "\n".join(
        [
            r"\begin{tabular}{r|cc}",
            r"R\&D $\backslash$ Firm\_2 & L & R \\",
            r"\hline",
            r"in & $\frac{1}{2}, -\frac{3}{4}$ & $-1, 1$ \\",
            r"out & $0, 0$ & $2, 0$ \\",
            r"\end{tabular}",
        ]
    )
    assert g.to_latex() == to_latex(g)


def test_latex_array_and_repr():
    text = to_latex(PD, environment="array")
    assert text.startswith(r"\begin{array}{r|cc}")
    assert r"\text{Row} \backslash \text{Column} & \text{C} & \text{D} \\" in text
    assert r"\text{D} & 5, 0 & 1, 1 \\" in text
    assert PD._repr_latex_() == "$$" + text + "$$"
    with pytest.raises(ValueError, match="environment"):
        to_latex(PD, environment="matrix")


def test_latex_three_players_one_table_per_profile():
    text = to_latex(three_player_game())
    tables = text.split("\n\\qquad\n")
    assert len(tables) == 2
    assert r"\multicolumn{4}{c}{Hebei: in} \\" in tables[0]
    assert r"\multicolumn{4}{c}{Hebei: out} \\" in tables[1]
    assert r"$\frac{111}{2}, \frac{211}{2}, \frac{311}{2}$" in tables[1]


def test_latex_symbolic_and_float():
    t = sympy.Symbol("theta")
    text = to_latex(Game([[t / 2, 1]], [[sympy.sqrt(t), 0]]))
    assert r"$\frac{\theta}{2}, \sqrt{\theta}$" in text
    text = to_latex(Game([[0.25, 1e-7]], [[1.0, 2.5]]))
    assert r"$0.25, 1$" in text and r"$1 \times 10^{-7}, 2.5$" in text


# ---------------------------------------------------------------------------------------------
# Equilibria JSON
# ---------------------------------------------------------------------------------------------


def test_equilibria_to_json_exact():
    data = json.loads(equilibria_to_json(gt.equilibria(PD)))
    assert data == {
        "equilibria": [
            {"strategies": [["0", "1"], ["0", "1"]], "payoffs": ["1", "1"], "pure": True}
        ],
        "degenerate": False,
    }
    pennies = Game([[1, -1], [-1, 1]])
    data = json.loads(equilibria_to_json(gt.equilibria(pennies)))
    assert data["equilibria"] == [
        {"strategies": [["1/2", "1/2"], ["1/2", "1/2"]], "payoffs": ["0", "0"], "pure": False}
    ]


def test_equilibria_to_json_float_and_plain_list():
    g = Game([[1.0, -1.0], [-1.0, 1.0]])
    data = json.loads(equilibria_to_json(gt.equilibria(g)))
    assert data["equilibria"][0]["strategies"] == [[0.5, 0.5], [0.5, 0.5]]
    assert data["equilibria"][0]["payoffs"] == [0.0, 0.0]
    data = json.loads(equilibria_to_json(list(gt.equilibria(PD))))
    assert data["degenerate"] is None
    assert json.loads(equilibria_to_json([])) == {"equilibria": [], "degenerate": None}


def test_repeated_strategy_and_player_names_are_read_as_gambit_does():
    # Gambit accepts a player with two strategies of the same name; the copies are numbered
    game = from_nfg('NFG 1 R "t" { "1" "1" } { { "C" "C" } { "x" "y" } } 3 3 5 0 0 5 1 1')
    assert game.players == ("1", "1 (2)")
    assert game.actions == (("C", "C (2)"), ("x", "y"))
    assert game.payoff_arrays[0].tolist() == [[3, 0], [5, 1]]
