"""Figures of protectionism, ICA mechanism choice and unfunded mandates (MODELS.md §2, §3, §9.1).

Each figure renders, its data are deterministic, and the numbers it shows are the models' exact
closed forms (oracles S-b, S-c, I-a, I-b, F-a), cross-checked against the toolkit's solvers.
"""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pandas as pd
import pytest
import sympy
from matplotlib.figure import Figure

from gametheory import pure_equilibria
from gametheory.figures import FigureResult, get, registry
from gametheory.figures.institutions import B_MAX, high_defection_risk
from gametheory.models.fiscal import UnfundedMandate
from gametheory.models.ica import InstitutionalCollectiveAction
from gametheory.models.protectionism import AsymmetricSegmentation, RegionalRetaliation

NAMES = (
    "regional_retaliation",
    "asymmetric_segmentation",
    "ica_mechanism_choice",
    "unfunded_mandate",
)
SECTIONS = {
    "regional_retaliation": "§2.3",
    "asymmetric_segmentation": "§2.2",
    "ica_mechanism_choice": "§3.1",
    "unfunded_mandate": "§9.1",
}


@pytest.fixture(scope="module")
def rendered() -> dict[str, FigureResult]:
    return {name: get(name)() for name in NAMES}


def _row(data: pd.DataFrame, **where) -> pd.Series:
    mask = np.ones(len(data), dtype=bool)
    for column, value in where.items():
        mask &= (data[column] == value).to_numpy()
    rows = data[mask]
    assert len(rows) == 1, where
    return rows.iloc[0]


def test_registered_with_captions():
    entries = {entry.name: entry for entry in registry()}
    for name in NAMES:
        assert name in entries
        assert f"MODELS.md {SECTIONS[name]}" in entries[name].caption


@pytest.mark.parametrize("name", NAMES)
def test_renders_and_is_deterministic(name, rendered, tmp_path):
    result = rendered[name]
    assert isinstance(result.figure, Figure)
    path = tmp_path / f"{name}.png"
    result.figure.savefig(path, dpi=60)
    assert path.stat().st_size > 5000
    again = get(name)().data
    assert again.to_csv(index=False) == result.data.to_csv(index=False)


# ---- regional_retaliation (oracle S-c) ------------------------------------------------------


def test_regional_retaliation_payoffs_are_the_closed_form(rendered):
    data = rendered["regional_retaliation"].data
    model = RegionalRetaliation()
    assert (model.N, model.m, model.r - model.e, model.kappa) == (5, 1, -1, F(1, 2))
    for n_open in range(5):
        # u_i = m n_O + s_i (r - e + kappa n_P), n_P = 4 - n_O
        open_row = _row(data, quantity="open payoff", x=n_open)
        protect_row = _row(data, quantity="protect payoff", x=n_open)
        assert F(open_row["exact"]) == n_open == model.payoff(False, n_open)
        assert F(protect_row["exact"]) == n_open - 1 + F(1, 2) * (4 - n_open)
    # the lines cross at the tipping point n_P* = (e - r)/kappa = 2, i.e. n_O* = 2
    tip = _row(data, quantity="tipping point")
    assert tip["value"] == 2 == model.tipping_point()
    assert tip["x"] == 2 == model.open_tipping_point()
    assert _row(data, quantity="open payoff", x=2)["exact"] == "2"
    assert _row(data, quantity="protect payoff", x=2)["exact"] == "2"


def test_regional_retaliation_marks_exactly_the_two_pure_equilibria(rendered):
    data = rendered["regional_retaliation"].data
    marked = data[data["equilibrium"] & data["quantity"].isin(["open payoff", "protect payoff"])]
    # all-open: an open region facing 4 open others gets 4; all-protect: a protector facing 0 gets 1
    assert sorted(zip(marked["quantity"], marked["x"], marked["exact"], strict=True)) == [
        ("open payoff", 4, "4"),
        ("protect payoff", 0, "1"),
    ]
    # independent check: enumerate the 32 profiles of the 5-player normal form
    profiles = {eq.pure_profile for eq in pure_equilibria(RegionalRetaliation().game())}
    assert profiles == {(0,) * 5, (1,) * 5}
    totals = data[data["quantity"] == "total payoff"]
    assert [F(v) for v in totals["exact"]] == [20, 15, 11, 8, 6, 5]
    assert list(totals[totals["equilibrium"]]["x"]) == [0, 5]


# ---- asymmetric_segmentation (oracle S-b) ----------------------------------------------------


def test_asymmetric_segmentation_range_and_bargaining(rendered):
    data = rendered["asymmetric_segmentation"].data
    assert _row(data, kind="range lower")["t"] == 2
    assert _row(data, kind="range upper")["t"] == 3
    nbs = _row(data, kind="nash bargaining")
    assert nbs["exact"] == "t = 5/2; payoffs 15/2, 11/2"
    model = AsymmetricSegmentation()
    assert model.transfer_bounds == (2, 3)
    assert model.nash_bargaining_closed_form == F(5, 2)
    # on the grid, the deals that are equilibria and that both prefer are exactly [2, 3]
    grid = data[data["kind"] == "transfer"]
    works = grid[grid["equilibrium"] & grid["both_gain"]]
    assert (works["t"].min(), works["t"].max()) == (2, 3)
    assert len(works) == 9  # step 1/8
    # below 2 the lagging region still protects: (I, I) is not an equilibrium
    assert not grid[grid["t"] < 2]["equilibrium"].any()
    for _, row in grid.iterrows():
        t = F(row["t"])
        assert row["exact"] == f"{_text(10 - t)}, {_text(3 + t)}"


def _text(value: F) -> str:
    return str(value.numerator) if value.denominator == 1 else str(value)


# ---- ica_mechanism_choice (oracles I-a, I-b) -------------------------------------------------


def test_ica_oracle_points(rendered):
    data = rendered["ica_mechanism_choice"].data
    oracles = data[data["kind"] == "oracle"]
    columns = [oracles[c] for c in ("variant", "B", "mechanism", "exact")]
    got = sorted(zip(*columns, strict=True))
    # I-a: contract, NB = 2049/400 each; I-b: delegated at B = 10 (2859/800 each), imposed at 20
    assert got == [
        ("I-a", 10, "contract", "2049/200"),
        ("I-b", 10, "delegated", "2859/400"),
        ("I-b", 20, "imposed", "26"),
    ]
    assert 2 * InstitutionalCollectiveAction().net_benefits()["contract"][0] == F(2049, 200)


def test_ica_lines_are_the_net_benefit_formula(rendered):
    data = rendered["ica_mechanism_choice"].data
    lines = data[data["kind"] == "total net benefit"]
    assert len(lines) == 2 * 4 * (4 * B_MAX + 1)
    # sum_i NB_i(m) = 2 [(1 - rho) B - TC - A], with I-a's success probabilities and costs
    closed = {
        "embedded": (F(63, 125), F(1), F(0)),
        "contract": (F(3249, 4000), F(5, 2), F(1, 2)),
        "delegated": (F(6859, 8000), F(3), F(2)),
        "imposed": (F(19, 20), F(2), F(4)),
    }
    for _, row in lines[lines["variant"] == "I-a"].iterrows():
        p, tc, a = closed[row["mechanism"]]
        B = F(row["B"])
        assert F(row["exact"]) == 2 * (p * B - tc - a)
    # I-b at B = 10: embedded 13/5 and contract 483/200 per city
    assert _row(lines, variant="I-b", mechanism="embedded", B=10.0)["exact"] == "26/5"
    assert _row(lines, variant="I-b", mechanism="contract", B=10.0)["exact"] == "483/100"


def test_ica_bands_are_choice_by_benefit(rendered):
    data = rendered["ica_mechanism_choice"].data
    bands = data[data["kind"] == "chosen band"]
    for variant, ica in (("I-a", InstitutionalCollectiveAction()), ("I-b", high_defection_risk())):
        part = bands[bands["variant"] == variant]
        expected = ica.choice_by_benefit()
        assert list(part["mechanism"]) == [n if n else "none" for _, _, n in expected]
        bounds = [(str(lo), "oo" if hi == sympy.oo else str(hi)) for lo, hi, _ in expected]
        assert [tuple(e[1:-1].split(", ")) for e in part["exact"]] == bounds
    ia = bands[bands["variant"] == "I-a"]
    assert list(ia["exact"]) == [
        "[0, 125/63]",
        "(125/63, 8000/1233]",
        "(8000/1233, 12000/551]",
        "(12000/551, oo)",
    ]
    assert list(ia["mechanism"]) == ["none", "embedded", "contract", "imposed"]
    ib = bands[bands["variant"] == "I-b"]
    assert list(ib["mechanism"]) == ["none", "embedded", "delegated", "imposed"]
    assert list(ib["exact"]) == [
        "[0, 25/9]",
        "(25/9, 32000/3979]",
        "(32000/3979, 8000/741]",
        "(8000/741, oo)",
    ]


def test_ica_bands_agree_with_the_upper_envelope_on_the_grid(rendered):
    # independent of choice_by_benefit: at every grid point inside a band, the band's mechanism
    # is the highest positive line (symmetric members join iff their NB is positive)
    data = rendered["ica_mechanism_choice"].data
    lines = data[data["kind"] == "total net benefit"]
    bands = data[data["kind"] == "chosen band"]
    for variant in ("I-a", "I-b"):
        part = bands[bands["variant"] == variant]
        edges = {sympy.Rational(e[1:-1].split(", ")[0]) for e in part["exact"]}
        for B, group in lines[lines["variant"] == variant].groupby("B"):
            if sympy.Rational(F(B)) in edges:
                continue
            exact = {m: F(v) for m, v in zip(group["mechanism"], group["exact"], strict=True)}
            best = max(exact, key=exact.get)
            expected = best if exact[best] > 0 else "none"
            (band,) = part[(part["B"] < B) & (B < part["B_to"])]["mechanism"]
            assert band == expected, (variant, B)


# ---- unfunded_mandate (oracle F-a) -----------------------------------------------------------


def test_unfunded_mandate_oracle_f_a(rendered):
    data = rendered["unfunded_mandate"].data
    fa = _row(data, point="F-a")
    assert fa["f_exact"] == "1/4"
    assert (fa["m_C_exact"], fa["m_E_exact"]) == ("19/2", "8")
    assert fa["deadweight_loss_exact"] == "9/8"
    assert fa["unfunded_burden_exact"] == "57/4"
    assert fa["over_mandating_exact"] == "3/2"
    assert not fa["complies"]
    # the Stackelberg game's equilibrium is m_C and its welfare maximum m_E
    model = UnfundedMandate()
    (eq,) = model.stackelberg()
    assert model.game().actions[0][eq.pure_profile[0]] == "m=19/2"
    (best,) = model.efficient_profiles()
    assert model.game().actions[0][best[0]] == "m=8"


def test_unfunded_mandate_compliance_threshold(rendered):
    data = rendered["unfunded_mandate"].data
    star = _row(data, point="f*")
    assert star["f_exact"] == "1/2"
    assert star["complies"]
    assert star["over_mandating_exact"] == star["expected_sanction_exact"] == "1"
    model = UnfundedMandate()
    assert model.minimal_funding_share == F(1, 2) == model.compliance_threshold().lower
    grid = data[data["point"] == "grid"]
    assert list(grid["complies"]) == [F(f) >= F(1, 2) for f in grid["f_exact"]]


def test_unfunded_mandate_grid_is_the_closed_form(rendered):
    grid = rendered["unfunded_mandate"].data
    grid = grid[grid["point"] == "grid"]
    assert len(grid) == 41
    for _, row in grid.iterrows():
        f = F(row["f_exact"])
        assert F(row["m_C_exact"]) == 10 - 2 * f
        assert F(row["m_E_exact"]) == 8
        assert F(row["deadweight_loss_exact"]) == ((1 - f) * 2) ** 2 / 2
        assert F(row["unfunded_burden_exact"]) == (1 - f) * 2 * (10 - 2 * f)
