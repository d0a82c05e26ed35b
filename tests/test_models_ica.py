"""Feiock's collaboration risks (MODELS.md §3.2): the games and their closed-form equilibria."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
import sympy

import gametheory as gt
from gametheory.figures.ica import convex_hull
from gametheory.models import CollaborationRisks


def strategy_set(eqs):
    return {tuple(tuple(Fraction(p) for p in s) for s in eq.strategies) for eq in eqs}


def test_defaults_are_the_documented_matrices():
    risks = CollaborationRisks()
    stag = risks.coordination_game()
    # MODELS.md §4.4 oracle K-a: B = 6, tc = 2 gives A = [[4, -2], [0, 0]], symmetric
    assert [[stag.payoff((i, j))[0] for j in range(2)] for i in range(2)] == [[4, -2], [0, 0]]
    assert [[stag.payoff((i, j))[1] for j in range(2)] for i in range(2)] == [[4, 0], [-2, 0]]
    bos = risks.division_game()
    assert bos.payoff(("Site A", "Site A")) == (2, 1)
    assert bos.payoff(("Site B", "Site B")) == (1, 2)
    assert bos.payoff(("Site A", "Site B")) == bos.payoff(("Site B", "Site A")) == (0, 0)
    pd_game = risks.defection_game()
    assert pd_game.payoff(("Cooperate", "Cooperate")) == (3, 3)
    assert pd_game.payoff(("Defect", "Cooperate")) == (5, 0)
    assert pd_game.payoff(("Cooperate", "Defect")) == (0, 5)
    assert pd_game.payoff(("Defect", "Defect")) == (1, 1)
    for game in risks.games().values():
        assert game.is_exact and game.players == ("City A", "City B")


def test_labels_and_titles():
    games = CollaborationRisks(players=("Hangzhou", "Huangshan")).games()
    assert list(games) == ["coordination", "division", "defection"]
    assert games["coordination"].actions == (("Cooperate", "Not"),) * 2
    assert games["division"].actions == (("Site A", "Site B"),) * 2
    assert games["defection"].actions == (("Cooperate", "Defect"),) * 2
    assert games["coordination"].title == "Coordination risk: stag hunt"
    assert games["division"].title == "Division risk: battle of the sexes"
    assert games["defection"].title == "Defection risk: prisoner's dilemma"
    assert games["division"].players == ("Hangzhou", "Huangshan")


@pytest.mark.parametrize(
    ("B", "tc"), [(6, 2), (10, 1), (Fraction(7, 2), Fraction(1, 3)), (100, 99)]
)
def test_stag_hunt_closed_form(B, tc):
    game = CollaborationRisks(B=B, tc=tc).coordination_game()
    eqs = gt.equilibria(game)
    q = Fraction(tc) / Fraction(B)
    assert strategy_set(eqs) == {
        ((1, 0), (1, 0)),
        ((0, 1), (0, 1)),
        ((q, 1 - q), (q, 1 - q)),
    }
    payoffs = {eq.strategies: eq.payoffs for eq in eqs}
    assert payoffs[((1, 0), (1, 0))] == (B - tc, B - tc)
    assert payoffs[((q, 1 - q), (q, 1 - q))] == (0, 0)


@pytest.mark.parametrize(("a", "b"), [(2, 1), (5, 3), (Fraction(3, 2), Fraction(1, 4))])
def test_battle_of_the_sexes_closed_form(a, b):
    game = CollaborationRisks(a=a, b=b).division_game()
    eqs = gt.equilibria(game)
    own = Fraction(a) / (a + b)
    # each city plays its own preferred site (A for the row city, B for the column city)
    assert strategy_set(eqs) == {
        ((1, 0), (1, 0)),
        ((0, 1), (0, 1)),
        ((own, 1 - own), (1 - own, own)),
    }
    (mixed,) = [eq for eq in eqs if not eq.is_pure]
    assert mixed.payoffs == (Fraction(a * b) / (a + b),) * 2


@pytest.mark.parametrize(("T", "R", "P", "S"), [(5, 3, 1, 0), (4, 3, 2, 1), (10, 6, -1, -2)])
def test_prisoners_dilemma_unique_defection(T, R, P, S):
    eqs = gt.equilibria(CollaborationRisks(T=T, R=R, P=P, S=S).defection_game())
    assert len(eqs) == 1
    assert eqs[0].pure_profile == (1, 1) and eqs[0].payoffs == (P, P) and eqs[0].is_strict


def test_symbolic_parameters_make_parametric_games():
    B, tc, a, b = sympy.symbols("B t_c a b", positive=True)
    risks = CollaborationRisks(B=B, tc=tc, a=a, b=b)
    stag = risks.coordination_game()
    assert stag.parameters == (B, tc)
    assert stag.subs(B=6, t_c=2) == CollaborationRisks().coordination_game()
    assert risks.division_game().subs(a=5, b=3) == CollaborationRisks(a=5, b=3).division_game()
    with pytest.raises(gt.UnboundParameterError, match="B, t_c"):
        gt.equilibria(stag)
    # a Fraction mixed with a symbol still builds
    mixed = CollaborationRisks(B=Fraction(13, 2), tc=sympy.Symbol("x"))
    assert mixed.coordination_game().subs(x=Fraction(1, 2)).payoff((0, 0)) == (6, 6)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"B": 2, "tc": 2}, ValueError, "B > tc"),
        ({"B": 1, "tc": 2}, ValueError, "B > tc"),
        ({"tc": 0}, ValueError, "tc > 0"),
        ({"tc": -1}, ValueError, "tc > 0"),
        ({"a": 1, "b": 2}, ValueError, "a > b"),
        ({"b": 0}, ValueError, "b > 0"),
        ({"T": 3}, ValueError, "T > R"),
        ({"R": 1}, ValueError, "R > P"),
        ({"S": 1}, ValueError, "P > S"),
        ({"B": "6"}, TypeError, "parameter B"),
        ({"tc": True}, TypeError, "boolean"),
        ({"B": float("inf")}, ValueError, "not finite"),
        ({"tc": sympy.Symbol("c", negative=True)}, ValueError, "tc > 0"),
        ({"players": ("A", "A")}, ValueError, "different names"),
        ({"players": ("A",)}, ValueError, "two non-empty names"),
    ],
)
def test_invalid_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        CollaborationRisks(**kwargs)


def test_frozen():
    risks = CollaborationRisks()
    with pytest.raises(dataclasses.FrozenInstanceError):
        risks.B = 7  # type: ignore[misc]


def test_convex_hull():
    F = Fraction
    # battle of the sexes: (0,0) twice, hull is the triangle
    assert convex_hull([(0, 0), (2, 1), (0, 0), (1, 2)]) == [(0, 0), (2, 1), (1, 2)]
    # stag hunt: (0,0) lies inside the triangle of the other outcomes
    assert convex_hull([(4, 4), (-2, 0), (0, -2), (0, 0)]) == [(-2, 0), (0, -2), (4, 4)]
    assert convex_hull([(F(1, 2), 0), (1, 1), (0, 0), (2, 2)]) == [(0, 0), (F(1, 2), 0), (2, 2)]
    assert convex_hull([(1, 1), (1, 1)]) == [(1, 1)]


# ---- net benefit and mechanism choice (MODELS.md §3.1, §3.4) -----------------------------------

from fractions import Fraction as Fr  # noqa: E402

from gametheory.models.ica import (  # noqa: E402
    ILLUSTRATIVE_MECHANISMS,
    InstitutionalCollectiveAction,
    Mechanism,
)


def test_oracle_I_a_contract_is_chosen() -> None:
    ica = InstitutionalCollectiveAction()
    mechanisms = {m.name: m for m in ica.mechanisms}
    assert mechanisms["embedded"].success_probability == Fr(63, 125)
    assert mechanisms["contract"].success_probability == Fr(3249, 4000)
    assert mechanisms["delegated"].success_probability == Fr(6859, 8000)
    assert mechanisms["imposed"].success_probability == Fr(19, 20)
    nb = ica.net_benefits()
    assert nb == {
        "embedded": (Fr(101, 25),) * 2,
        "contract": (Fr(2049, 400),) * 2,
        "delegated": (Fr(2859, 800),) * 2,
        "imposed": (Fr(7, 2),) * 2,
    }
    assert ica.cooperation_occurs()
    assert ica.chosen_mechanism().name == "contract"
    assert float(nb["contract"][0]) == 5.1225


def _high_defection_risk(benefit: int) -> InstitutionalCollectiveAction:
    from dataclasses import replace

    mechanisms = list(ILLUSTRATIVE_MECHANISMS)
    mechanisms[0] = replace(mechanisms[0], risk_defection=Fr(1, 2))
    mechanisms[1] = replace(mechanisms[1], risk_defection=Fr(2, 5))
    return InstitutionalCollectiveAction((benefit, benefit), tuple(mechanisms))


def test_oracle_I_b_high_defection_risk_moves_the_choice_to_more_authority() -> None:
    # embedded: 9/10 * 4/5 * 1/2 = 9/25 -> NB = 10 * 9/25 - 1 = 13/5; contract: 19/20 * 19/20 *
    # 3/5 = 1083/2000 -> NB = 1083/200 - 3 = 483/200; delegated 2859/800; imposed 7/2
    at10 = _high_defection_risk(10)
    nb = at10.net_benefits()
    assert nb["embedded"][0] == Fr(13, 5)
    assert nb["contract"][0] == Fr(483, 200)
    assert at10.chosen_mechanism().name == "delegated"
    # B = 20: embedded 31/5, contract 783/100, delegated 17.1475 - 5 = 4859/400, imposed 13
    at20 = _high_defection_risk(20)
    nb = at20.net_benefits()
    assert nb["delegated"][0] == Fr(4859, 400)
    assert nb["imposed"][0] == 13
    assert at20.chosen_mechanism().name == "imposed"


def test_choice_by_benefit_follows_the_matching_hypothesis() -> None:
    ica = InstitutionalCollectiveAction()
    bands = ica.choice_by_benefit()
    assert [name for _, _, name in bands] == [None, "embedded", "contract", "imposed"]
    # entry of the embedded network: 63/125 B - 1 > 0 iff B > 125/63
    assert bands[1][0] == sympy.Rational(125, 63)
    # contract overtakes embedded where 2(3249/4000 B - 5/2 - 1/2) = 2(63/125 B - 1)
    assert bands[2][0] == sympy.Rational(8000, 1233)
    for lo, hi, name in bands:
        probe = lo + 1 if hi == sympy.oo else (lo + hi) / 2
        probe = Fr(int(sympy.numer(probe)), int(sympy.denom(probe)))
        choice = InstitutionalCollectiveAction((probe, probe)).chosen_mechanism()
        assert (choice.name if choice else None) == name
    assert ica.minimal_benefit("imposed") == Fr(6 * 20, 19)


def test_symbolic_benefit_gives_net_benefit_formulas() -> None:
    B = sympy.Symbol("B", positive=True)
    ica = InstitutionalCollectiveAction((B, B))
    nb = ica.net_benefits()["contract"][0]
    assert sympy.simplify(nb - (sympy.Rational(3249, 4000) * B - 3)) == 0
    with pytest.raises(ValueError, match="substitute numbers"):
        ica.chosen_mechanism()


def test_asymmetric_members_and_autonomy_costs() -> None:
    shared = Mechanism("joint council", risk_defection=Fr(1, 10), tc_agency=1, autonomy_cost=(0, 5))
    ica = InstitutionalCollectiveAction((10, 10), (shared,))
    assert ica.net_benefits()["joint council"] == (Fr(8), Fr(3))
    assert ica.joins() == {"joint council": (True, True)}
    poorer = InstitutionalCollectiveAction((10, 6), (shared,))
    assert poorer.net_benefits()["joint council"] == (Fr(8), Fr(-3, 5))
    assert not poorer.cooperation_occurs()
    assert poorer.chosen_mechanism() is None


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"name": "x", "risk_defection": Fr(3, 2)}, ValueError, "probability"),
        ({"name": "x", "risk_division": -0.1}, ValueError, "probability"),
        ({"name": "x", "tc_agency": -1}, ValueError, "cost"),
        ({"name": "x", "autonomy_cost": ()}, ValueError, "one per member"),
        ({"name": ""}, ValueError, "name"),
        ({"name": "x", "authority": "anarchy"}, ValueError, "authority"),
        ({"name": "x", "tc_information": float("nan")}, ValueError, "finite"),
        ({"name": "x", "risk_coordination": True}, TypeError, "boolean"),
    ],
)
def test_bad_mechanisms(kwargs: dict, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        Mechanism(**kwargs)


def test_bad_collective_action() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        InstitutionalCollectiveAction((10,))
    with pytest.raises(TypeError, match="Mechanism"):
        InstitutionalCollectiveAction((10, 10), ("contract",))
    m = Mechanism("m", autonomy_cost=(1, 2, 3))
    with pytest.raises(ValueError, match="3 entries for 2 members"):
        InstitutionalCollectiveAction((10, 10), (m,))
    with pytest.raises(ValueError, match="distinct"):
        InstitutionalCollectiveAction((10, 10), (Mechanism("m"), Mechanism("m")))
    with pytest.raises(ValueError, match="unknown mechanism"):
        InstitutionalCollectiveAction().mechanism("treaty")


def test_benefits_as_an_array_and_a_symbolic_autonomy_cost() -> None:
    import numpy as np

    assert InstitutionalCollectiveAction(np.array([10, 10])).chosen_mechanism().name == "contract"
    a = sympy.Symbol("a", positive=True)
    council = Mechanism("m", risk_defection=Fr(1, 10), tc_agency=1, autonomy_cost=(a, 2))
    bound = InstitutionalCollectiveAction((10, 10), (council,)).minimal_benefit("m")
    assert sympy.simplify(bound - (1 + sympy.Max(a, 2)) * sympy.Rational(10, 9)) == 0
    with pytest.raises(TypeError, match="sequence of gains"):
        InstitutionalCollectiveAction("ab")
