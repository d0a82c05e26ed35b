"""Evolutionary dynamics of games: replicator systems, rest points, stability, ESS, paths.

A function of a :class:`~gametheory.Game` (DESIGN.md, "Dynamics, trees and learning"):

>>> import gametheory as gt
>>> hd = gt.Game([[-1, 4], [0, 2]], [[-1, 0], [4, 2]], actions=[["H", "D"]] * 2)
>>> system = gt.evolution.replicator(hd, single=True)
>>> [p.label for p in system.rest_points()]
['(H)', '(D)', '((2/3, 1/3))']
>>> gt.evolution.ess(hd)[0].strategy
(2/3, 1/3)

One module per concept: :mod:`.state` (populations, simplices, fitness), :mod:`.dynamics` (the
revision rules), :mod:`.system` (the system value), :mod:`.replicator` (constructors),
:mod:`.rest_points`, :mod:`.stability` (Lyapunov, Routh–Hurwitz, Friedman), :mod:`.table` (the
stability table and stability conditions), :mod:`.ess` (evolutionarily stable strategies),
:mod:`.simulate` (evolution paths) and :mod:`.plot` (figures).
"""

from .dynamics import BestResponse, Logit, Replicator, ReplicatorMutator, Rule
from .ess import ESS, ess, neutrally_stable
from .replicator import best_response_dynamics, logit_dynamics, replicator, replicator_mutator
from .rest_points import NonHyperbolicError, RestPoint, RestPoints, rest_points
from .simulate import simulate
from .stability import CLASSES, friedman, hurwitz_determinants
from .state import Population, StateSpace, is_symmetric
from .system import EvolutionarySystem
from .table import stability_condition, stability_table, stability_threshold

__all__ = [
    "CLASSES",
    "ESS",
    "BestResponse",
    "EvolutionarySystem",
    "Logit",
    "NonHyperbolicError",
    "Population",
    "Replicator",
    "ReplicatorMutator",
    "RestPoint",
    "RestPoints",
    "Rule",
    "StateSpace",
    "best_response_dynamics",
    "ess",
    "friedman",
    "hurwitz_determinants",
    "is_symmetric",
    "logit_dynamics",
    "neutrally_stable",
    "replicator",
    "replicator_mutator",
    "rest_points",
    "simulate",
    "stability_condition",
    "stability_table",
    "stability_threshold",
]
