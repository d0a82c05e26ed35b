"""Every two-player solve is bounded: timeout, memory budget and basis cap give complete=False."""

import warnings

import numpy as np
import pytest

import gametheory as gt
from gametheory import vertex


def random_game(size, seed=0, high=100):
    rng = np.random.default_rng(seed)
    return gt.Game(rng.integers(0, high, (size, size)), rng.integers(0, high, (size, size)))


def test_timeout_returns_verified_partial_results():
    game = random_game(18)
    with pytest.warns(gt.IncompleteWarning, match="timeout"):
        found = gt.equilibria(game, method="vertex_enumeration", timeout=0.5)
    assert not found.complete
    assert all(gt.is_equilibrium(game, e.strategies) for e in found)


def test_memory_budget_stops_the_enumeration(monkeypatch):
    monkeypatch.setattr(vertex, "MAX_MEMORY", 1_000_000)
    game = random_game(12, seed=1)
    with pytest.warns(gt.IncompleteWarning, match="memory"):
        found = gt.equilibria(game, method="vertex_enumeration")
    assert not found.complete


def test_memory_error_is_reported_not_raised(monkeypatch):
    from gametheory.lexsearch import Search

    def exhausted(self, nodes):
        raise MemoryError

    monkeypatch.setattr(Search, "advance", exhausted)
    with pytest.warns(gt.IncompleteWarning, match="memory"):
        found = gt.equilibria(random_game(6), method="vertex_enumeration")
    assert not found.complete


def test_auto_completes_a_stopped_enumeration_with_lemke_howson(monkeypatch):
    monkeypatch.setattr(vertex, "MAX_MEMORY", 1)
    monkeypatch.setattr(vertex, "CHECK_EVERY", 1)  # look at the budget after every base
    game = random_game(8, seed=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", gt.IncompleteWarning)
        found = gt.equilibria(game)
    assert not found.complete and len(found) >= 1
    assert all(gt.is_equilibrium(game, e.strategies) for e in found)


def test_full_enumeration_matches_lazy_degeneracy():
    # the degeneracy flag, decided on first use, agrees with the direct computation
    for seed in range(6):
        game = random_game(5, seed=seed, high=3)
        found = gt.equilibria(game)
        assert found.complete
        assert found.degenerate == gt.is_degenerate(game)


def test_progress_bar_option(capsys):
    game = random_game(10, seed=3)
    quiet = gt.equilibria(game, progress=False)
    shown = gt.equilibria(game, progress=True)
    assert [e.strategies for e in quiet] == [e.strategies for e in shown]
    assert "vertex enumeration" in capsys.readouterr().err
    with pytest.raises(TypeError, match="progress"):
        gt.equilibria(game, progress="yes")


def test_incomplete_warning_points_at_the_caller():
    game = random_game(18, seed=4)
    with pytest.warns(gt.IncompleteWarning) as caught:
        gt.equilibria(game, timeout=0.3)
    assert caught[0].filename == __file__
