"""Phase diagrams: the coloured cells are the sweep's structures, the curves are drawn."""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

import gametheory as gt
from gametheory.plot import phase_diagram

x, y = gt.parameters("x y")
GAME = gt.Game([[3, -x], [5 - y, 1]], [[3, 5 - y], [-x, 1]], actions=[["C", "D"]] * 2)


def test_cells_show_the_sweep_structures_and_curves_are_drawn():
    df = gt.sweep(GAME, x=np.linspace(-3, 1, 9), y=np.linspace(0, 4, 9))
    summary = gt.summarize(df)
    fig = phase_diagram(df, "x", "y", curves=[x + 1, y - 2 >= 0])
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    structures = sorted(summary["structure"].astype(str).unique())
    assert labels[: len(structures)] == structures
    assert labels[len(structures) :] == ["$x + 1 = 0$", "$y - 2 = 0$"]
    mesh = ax.collections[0].get_array().reshape(9, 9)  # rows: y, columns: x
    code = {s: k for k, s in enumerate(structures)}
    for _, row in summary.iterrows():
        i = int(np.argmin(np.abs(np.linspace(0, 4, 9) - row["y"])))
        j = int(np.argmin(np.abs(np.linspace(-3, 1, 9) - row["x"])))
        assert mesh[i, j] == code[row["structure"]]
    # the prisoner's dilemma corner (x > -1, y < 2) is (D,D) only
    assert mesh[0, -1] == code["(D,D)"]


def test_bad_input():
    df = gt.sweep(GAME, x=np.linspace(-3, 1, 5), y=np.linspace(0, 4, 5))
    with pytest.raises(ValueError, match="not a parameter"):
        phase_diagram(df, "x", "z")
    with pytest.raises(ValueError, match="different"):
        phase_diagram(df, "x", "x")
    with pytest.raises(ValueError, match="other than"):
        phase_diagram(df, "x", "y", curves=[x + gt.parameters("w")[0]])
    with pytest.raises(TypeError, match="DataFrame"):
        phase_diagram([1, 2], "x", "y")
    line = gt.sweep(GAME, x=np.linspace(-3, 1, 5), y=1.0)
    with pytest.raises(ValueError, match="two grid values"):
        phase_diagram(line, "x", "y")


def test_issue3_figures_show_the_exact_thresholds():
    from gametheory.figures import get

    pd_fig = get("pd_subsidy_penalty")()
    data = pd_fig.data
    total = data["s"] + data["f"]
    # MODELS.md §2.1 with T, R, P, S = 5, 3, 1, 0: (C,C) alone iff s + f > T - R = 2,
    # (D,D) alone iff s + f < P - S = 1, anti-coordination in between
    assert set(data.loc[total > 2 + 1e-9, "structure"]) == {"(C,C)"}
    assert set(data.loc[total < 1 - 1e-9, "structure"]) == {"(D,D)"}
    middle = data.loc[(total > 1 + 1e-9) & (total < 2 - 1e-9), "structure"]
    assert set(middle) == {"(C,D)+(D,C)+mixed"}
    stag = get("stag_hunt_cost_benefit")().data
    assert set(stag.loc[stag["B"] > stag["tc"] + 1e-9, "structure"]) == {"(C,C)+(N,N)+mixed"}
    assert set(stag.loc[stag["B"] < stag["tc"] - 1e-9, "structure"]) == {"(N,N)"}
