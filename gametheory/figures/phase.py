"""Phase diagrams of the collaboration-risk games under central levers (issue 3 figures).

Each figure sweeps a parametric game of :class:`~gametheory.models.CollaborationRisks` over a
two-parameter grid with :func:`~gametheory.sweep.sweep`, colours the equilibrium structure with
:func:`~gametheory.plot.phase_diagram`, and overlays the exact thresholds computed by
:func:`~gametheory.symbolic.equilibrium_conditions`. The data file is the grid summary.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import sympy
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..game import Game
from ..models import CollaborationRisks
from ..plot import phase_diagram
from ..sweep import summarize, sweep
from ..symbolic import condition_atoms, equilibrium_conditions, parameters
from . import FigureResult, register

GRID = 121  # points per axis; multiples of 1/40 on [0, 3] keep the payoffs exact in floats


def _summary_data(result: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    summary = summarize(result)
    return summary[[*names, "n_pure", "n_mixed", "degenerate", "structure"]].astype(
        {"structure": str}
    )


@register(
    "pd_subsidy_penalty",
    caption=(
        "Defection risk (prisoner's dilemma T, R, P, S = 5, 3, 1, 0; C = cooperate, D = defect) "
        "under a central subsidy s "
        "paid to each cooperating city and a fine f charged to each defecting city. Colours: "
        "the equilibrium structure on a 121 x 121 grid; lines: the exact thresholds "
        "s + f = T - R (above it mutual cooperation is the unique equilibrium) and "
        "s + f = P - S (below it mutual defection is). In between the game is an "
        "anti-coordination game with two asymmetric pure equilibria and a mixed one."
    ),
)
def pd_subsidy_penalty() -> FigureResult:
    s, f = parameters("s f", nonnegative=True)
    base = CollaborationRisks().defection_game()
    lever = Game(
        [[s, s], [-f, -f]],
        [[s, -f], [s, -f]],
        players=base.players,
        actions=base.actions,
        title=base.title,
    )
    game = (base + lever).with_labels(actions=[["C", "D"], ["C", "D"]])
    values = np.linspace(0.0, 3.0, GRID)
    result = sweep(game, s=values, f=values)
    curves = sorted(
        {a for p in [(0, 0), (1, 1)] for a in condition_atoms(equilibrium_conditions(game, p))},
        key=str,
    )
    return _draw(result, "s", "f", curves, "Prisoner's dilemma: subsidy s and fine f")


@register(
    "stag_hunt_cost_benefit",
    caption=(
        "Coordination risk (stag hunt; C = cooperate, N = not) as a function of the joint "
        "benefit B and the transaction "
        "cost tc of committing: where B > tc both mutual cooperation and mutual non-cooperation "
        "are equilibria (with a mixed equilibrium in which each city cooperates with "
        "probability tc/B); where tc > B only non-cooperation is. Line: the exact threshold "
        "B = tc."
    ),
)
def stag_hunt_cost_benefit() -> FigureResult:
    B, tc = parameters("B tc", positive=True)
    game = CollaborationRisks(B=B, tc=tc).coordination_game()
    game = game.with_labels(actions=[["C", "N"], ["C", "N"]])
    values = np.linspace(0.025, 3.0, GRID - 1)
    result = sweep(game, B=values, tc=values)
    curves = condition_atoms(equilibrium_conditions(game, (0, 0)))
    return _draw(result, "B", "tc", curves, "Stag hunt: benefit B and transaction cost tc")


def _draw(
    result: pd.DataFrame, x: str, y: str, curves: list[sympy.Expr], title: str
) -> FigureResult:
    fig = Figure(figsize=(4.8, 5.2), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    phase_diagram(result, x, y, curves=curves, title=title, ax=ax, legend="below")
    return FigureResult(fig, _summary_data(result, [x, y]))
