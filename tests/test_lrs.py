"""The optional lrsnash backend: its output format, its answers against ours, its failures."""

from fractions import Fraction as F

import numpy as np
import pytest

import gametheory as gt
from gametheory import lrs

# lrsnash 7.1 on von Stengel's degenerate 3 x 2 game
# (A = [[3, 3], [2, 5], [0, 6]], B = [[3, 3], [2, 6], [3, 1]])
SAMPLE = """*lrsnash:lrslib v.7.1 2021.6.2(64bit,lrsgmp.h,hybrid arithmetic) gmp v.6.2
2  1  0  3
2  2/3  1/3  3
1  1  0  0  3

2  1/3  2/3  4
1  0  1/3  2/3  8/3

*Number of equilibria found: 3
"""

needs_lrsnash = pytest.mark.skipif(lrs.executable() is None, reason="lrsnash is not installed")


def test_parse_output_pairs_each_component():
    pairs = lrs.parse_output(SAMPLE, 3, 2)
    assert pairs == [
        ((F(1), F(0), F(0)), (F(1), F(0))),
        ((F(1), F(0), F(0)), (F(2, 3), F(1, 3))),
        ((F(0), F(1, 3), F(2, 3)), (F(1, 3), F(2, 3))),
    ]
    # these are exactly the extreme equilibria of the game
    game = gt.Game([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]])
    ours = {e.strategies for e in gt.equilibria(game)}
    assert set(pairs) == ours


def test_parse_output_refuses_garbage():
    with pytest.raises(ValueError, match="unexpected"):
        lrs.parse_output("3 1/2 1/2 1\n", 2, 2)
    with pytest.raises(ValueError, match="probabilities"):
        lrs.parse_output("1 1/2 1/2 1\n", 3, 2)


def test_missing_program_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(lrs, "executable", lambda: None)
    with pytest.raises(gt.MissingDependencyError, match="apt-get install lrslib"):
        gt.equilibria(gt.Game([[1, 0], [0, 1]]), method="lrsnash")


@needs_lrsnash
def test_lrsnash_agrees_with_vertex_enumeration():
    rng = np.random.default_rng(11)
    for _ in range(25):
        m, n = (int(v) for v in rng.integers(1, 6, 2))
        high = int(rng.choice([2, 3, 100]))
        game = gt.Game(rng.integers(0, high, (m, n)), rng.integers(0, high, (m, n)))
        theirs = gt.equilibria(game, method="lrsnash")
        assert theirs.complete and theirs.method == "lrsnash"
        assert {e.strategies for e in theirs} == {e.strategies for e in gt.equilibria(game)}


@needs_lrsnash
def test_lrsnash_timeout_keeps_finished_components():
    rng = np.random.default_rng(2)
    game = gt.Game(rng.integers(0, 100, (20, 20)), rng.integers(0, 100, (20, 20)))
    with pytest.warns(gt.IncompleteWarning):
        found = gt.equilibria(game, method="lrsnash", timeout=0.5)
    assert not found.complete
    assert all(gt.is_equilibrium(game, e.strategies) for e in found)


def test_payoffs_beyond_lrsnash_integers_are_refused():
    # lrsnash 7.1 reads 1e30 wrongly and returns a non-equilibrium: refused before it runs
    big = 10**30
    game = gt.Game([[big, 1], [0, big + 1]], [[1, big], [big, 0]])
    with pytest.raises(ValueError, match="63 bits"):
        gt.equilibria(game, method="lrsnash")
