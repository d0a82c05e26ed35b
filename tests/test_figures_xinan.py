"""Figures of the Xin'an River case: they render, and their data are the model's exact results."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from gametheory.figures import FigureResult, get, registry
from gametheory.models.xinan import ROUNDS, XinanCompensation, huangshan_annual_cost


@pytest.fixture(scope="module")
def thresholds() -> FigureResult:
    return get("xinan_thresholds")()


@pytest.fixture(scope="module")
def rounds() -> FigureResult:
    return get("xinan_rounds")()


def _cell(data: pd.DataFrame, **where) -> pd.Series:
    mask = np.ones(len(data), dtype=bool)
    for column, value in where.items():
        mask &= (data[column] == value).to_numpy()
    rows = data[mask]
    assert len(rows) == 1, where
    return rows.iloc[0]


def test_registered_with_captions():
    names = {entry.name: entry for entry in registry()}
    for name in ("xinan_thresholds", "xinan_rounds"):
        assert name in names
        assert "MODELS.md §5" in names[name].caption


@pytest.mark.parametrize("name", ["xinan_thresholds", "xinan_rounds"])
def test_renders_to_png(name, tmp_path, request):
    result = request.getfixturevalue(name.removeprefix("xinan_"))
    assert isinstance(result.figure, Figure)
    assert len(result.figure.axes) == 2
    path = tmp_path / f"{name}.png"
    result.figure.savefig(path, dpi=60)
    assert path.stat().st_size > 5000
    # the data are deterministic: a second rendering gives the same CSV
    again = get(name)().data
    assert again.to_csv(index=False) == result.data.to_csv(index=False)


def test_thresholds_panel_a_is_oracle_x_a_and_the_gap(thresholds):
    data = thresholds.data
    a = data[data["panel"] == "a"]
    model = XinanCompensation.round(1)
    th = model.thresholds()
    # X-a: static 2, conditional G 5, renewal at 9/10 19/5, IR_U 4, limit 4
    expected = {
        "static swap: incentive bound 2X": (th["IC_U static"], "2"),
        "G conditional: incentive bound G + 2X": (th["IC_U G conditional"], "5"),
        "renewal, δ = 9/10: incentive bound 2X + δ(G - X)": (th["renewal"], "19/5"),
        "renewal, δ -> 1: incentive bound G + X": (th["renewal δ->1"], "4"),
        "participation IR_U: G + X": (th["IR_U"], "4"),
        "G conditional: sustains up to (min with IR_U)": (F(4), "4"),
    }
    for item, (value, text) in expected.items():
        row = _cell(a, item=item)
        assert F(row["exact"]) == value and row["exact"] == text
        assert row["value"] == float(value)
    cost = huangshan_annual_cost()
    assert cost == F(603, 35)
    huang = _cell(a, item="Huangshan investment per year (120.6 over 7 years)")
    assert F(huang["exact"]) == cost and huang["status"] == "ASSUMPTION"
    table = model.compliance_explanations(cost)
    gap = _cell(a, item="gap: own benefit needed with the static swap")
    assert F(gap["exact"]) == table.iloc[4]["needed"] == F(533, 35)
    residual = _cell(a, item="gap: political value needed beyond renewal at δ = 9/10")
    assert F(residual["exact"]) == table.iloc[5]["needed"] == F(94, 7)
    # every bound is far below the observed cost: the ±1 swap alone cannot explain compliance
    bounds = a[a["item"].str.contains("bound|IR_U:")]
    assert (bounds["exact"].map(F) < cost).all() and not table.iloc[:4]["covers"].any()
    # status: the static swap is documented, the conditional G a counterfactual, renewal assumed
    assert _cell(a, item="static swap: incentive bound 2X")["status"] == "DOCUMENTED"
    assert _cell(a, item="G conditional: incentive bound G + 2X")["status"] == "COUNTERFACTUAL"
    assert (a[a["item"].str.startswith("renewal")]["status"] == "ASSUMPTION").all()


def test_thresholds_panel_b_is_the_renewal_bound(thresholds):
    data = thresholds.data
    b = data[data["panel"] == "b"].reset_index(drop=True)
    assert len(b) == 101 and b["delta"].is_monotonic_increasing
    model = XinanCompensation()
    for _, row in b.iterrows():
        delta = F(row["delta"]).limit_denominator(100)
        # closed form 2X + δ(G − X) = 2 + 2δ with G = 3, X = 1 (0 and 1: static and limit)
        assert F(row["exact"]) == 2 + 2 * delta
        if 0 < delta < 1:
            assert F(row["exact"]) == model.renewal_threshold(delta)
    assert F(_cell(b, delta=0.9)["exact"]) == F(19, 5)
    assert F(b.iloc[0]["exact"]) == model.incentive_threshold() == 2
    assert F(b.iloc[-1]["exact"]) == model.renewal_limit() == model.participation_threshold()


def test_rounds_panel_a_is_the_rounds_table(rounds):
    a = rounds.data[rounds.data["panel"] == "a"]
    assert sorted(a["year"].unique()) == list(range(2012, 2021))
    for number in (1, 2, 3):
        entry = ROUNDS[number]
        part = a[a["round"] == number]
        central = part[part["source"] == "central"].sort_values("year")["exact"].map(F)
        assert tuple(central) == (entry.central or (F(0),) * 3)
        for source, value in (("Zhejiang", entry.zhejiang), ("Anhui", entry.anhui)):
            assert set(part[part["source"] == source]["exact"].map(F)) == {value}
        swap = part[part["source"] == "swap X"]
        assert set(swap["exact"].map(F)) == {entry.swap}
        assert set(swap["status"]) == {"DOCUMENTED" if number == 1 else "UNVERIFIED"}
    # documented totals: 5 a year in round 1 (15 over the round), 21 over round 2
    money = a[a["source"] != "swap X"]
    assert money[money["round"] == 1]["exact"].map(F).sum() == 15
    assert money[money["round"] == 2]["exact"].map(F).sum() == 21
    assert money[money["round"] == 3]["exact"].map(F).sum() == 12


def test_rounds_panel_b_are_the_round_thresholds(rounds):
    b = rounds.data[rounds.data["panel"] == "b"]
    expected = {
        1: (2, 4, F(19, 5)),
        2: (4, 5, F(49, 10)),
        3: (4, 2, 2),  # no centre: participation binds (G + X = 2 < renewal 11/5)
    }
    for number, values in expected.items():
        th = XinanCompensation.round(number).thresholds()
        model_values = (th["IC_U static"], th["IR_U"], min(th["renewal"], th["IR_U"]))
        assert model_values == values
        got = tuple(F(x) for x in b[b["round"] == number]["exact"])
        assert got == values
    assert set(b[b["round"] == 1]["status"].iloc[:2]) == {"DOCUMENTED"}
    assert set(b[b["round"] > 1]["status"]) <= {"UNVERIFIED", "ASSUMPTION"}


@pytest.mark.parametrize("name", ["xinan_thresholds", "xinan_rounds"])
def test_no_overlapping_text(name, request):
    """No two visible texts of the figure (labels, ticks, titles, legends) overlap."""
    fig = request.getfixturevalue(name.removeprefix("xinan_")).figure
    renderer = fig.canvas.get_renderer()
    fig.draw_without_rendering()
    boxes, seen = [], set()
    for text in fig.findobj(Text):
        if id(text) in seen or not text.get_visible() or not text.get_text().strip():
            continue
        seen.add(id(text))
        boxes.append((text.get_text(), text.get_window_extent(renderer).padded(-1.0)))
    clashes = [
        (a, b)
        for i, (a, box_a) in enumerate(boxes)
        for b, box_b in boxes[i + 1 :]
        if box_a.overlaps(box_b)
    ]
    assert not clashes, clashes
