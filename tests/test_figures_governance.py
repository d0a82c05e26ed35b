"""The essay's Fig. 2 redrawn (``agglomeration_governance``): it renders, every arrow carries a
lever whose numbers are the models' results (recomputed here independently), and no text
overlaps."""

from __future__ import annotations

import itertools
import time
from fractions import Fraction as F

import pytest
import sympy
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from gametheory.bargaining import coasean_transfer_range, nash_bargaining_share, revenue_share_range
from gametheory.figures import FigureResult, get, registry
from gametheory.game import Game
from gametheory.interventions import Liability, Penalty, minimal_intervention
from gametheory.models.agglomeration import AgglomerationSurplus, UrbanAgglomeration
from gametheory.models.cooperation_types import SharingCooperation
from gametheory.models.multitask import MultitaskEvaluation
from gametheory.models.protectionism import MarketSegmentation
from gametheory.models.tournament import PromotionTournament
from gametheory.models.xinan import XinanCompensation
from gametheory.repeated import critical_discount_factor, equalizing_transfer

NAME = "agglomeration_governance"
PI = sympy.Symbol("pi", positive=True)


@pytest.fixture(scope="module")
def result() -> FigureResult:
    return get(NAME)()


@pytest.fixture(scope="module")
def arrows(result) -> dict[str, dict]:
    data = result.data
    rows = data[data["element"] == "arrow"].to_dict("records")
    return {row["name"]: row for row in rows}


def _values(row: dict) -> dict[str, str]:
    """``"a = 1; b = 2"`` -> ``{"a": "1", "b": "2"}``."""
    out = {}
    for part in row["value"].split("; "):
        key, _, value = part.rpartition(" = ")
        out[key] = value
    return out


def _q(text: str) -> F:
    return F(text)


def _pd(T, R, P, S) -> Game:
    return Game([[R, S], [T, P]], [[R, T], [S, P]], actions=[["C", "D"]] * 2)


def _rb() -> Game:
    """Oracle R-b (MODELS.md §7.6): (T, R, P) = (6, 4, 1) and (5, 2, 1)."""
    return Game([[4, 0], [6, 1]], [[2, 5], [0, 1]], actions=[["C", "D"]] * 2)


# --- registry, rendering, determinism ---------------------------------------------------------


def test_registered_with_caption():
    names = {entry.name: entry for entry in registry()}
    assert NAME in names
    caption = names[NAME].caption
    assert "Fig. 2" in caption
    for word in ("downward", "upward", "inward", "outward"):
        assert word.capitalize() in caption or word in caption


def test_renders_at_paper_size(result, tmp_path):
    assert isinstance(result.figure, Figure)
    width, height = result.figure.get_size_inches()
    assert (width, height) == pytest.approx((8.4, 6.0))
    path = tmp_path / f"{NAME}.png"
    result.figure.savefig(path, dpi=80)
    assert path.stat().st_size > 20_000


def test_data_deterministic_and_fast(result):
    start = time.perf_counter()
    again = get(NAME)()
    elapsed = time.perf_counter() - start
    assert again.data.to_csv(index=False) == result.data.to_csv(index=False)
    assert elapsed < 3.0


# --- the data: nodes, arrows, the four relations -------------------------------------------


def test_nodes_and_arrows(result, arrows):
    data = result.data
    nodes = set(data.loc[data["element"] == "node", "name"])
    assert nodes == {
        "centre",
        "council",
        "ngos",
        "market",
        "core",
        "periphery_1",
        "periphery_2",
        "periphery_3",
        "cities",
    }
    assert set(data["element"]) == {"node", "arrow"}
    for row in arrows.values():
        assert row["source"] in nodes and row["target"] in nodes, row
        assert row["source"] != row["target"]
        assert row["lever"] and row["value"] and row["model"]
    assert {row["relation"] for row in arrows.values()} == {
        "downward",
        "upward",
        "inward",
        "outward",
    }


def test_relations_follow_the_hierarchy(arrows):
    cities = {"core", "periphery_1", "periphery_2", "periphery_3", "cities"}
    for row in arrows.values():
        s, t = row["source"], row["target"]
        if row["relation"] == "downward":
            assert s == "centre" and t in cities | {"council"}
        elif row["relation"] == "upward":
            assert t in {"centre", "council"} and s in cities | {"council"}
        elif row["relation"] == "inward":
            assert s in cities | {"council"} and t in cities | {"council"}
        else:
            assert {s, t} & {"market", "ngos"} and {s, t} & {"council"}
    # the levers the essay proposes are all there
    assert {
        "matching",
        "top_up",
        "subsidy",
        "evaluation_reform",
        "reporting",
        "joint_conference",
        "contributions",
        "surplus_split",
        "lateral_transfer",
        "tax_sharing",
        "repeated_play",
        "liability",
        "market_integration",
        "monitoring",
    } == set(arrows)


# --- every value is the model's result, recomputed here --------------------------------------


def test_common_fund_matching_and_money(arrows):
    model = UrbanAgglomeration(4, F(2, 5))
    v = _values(arrows["matching"])
    assert _q(v["m*(none)"]) == model.minimal_matching("none") == F(3, 2)  # oracle F-c
    assert _q(v["m*(conditional)"]) == model.minimal_matching("conditional_matching") == F(3, 8)
    assert _q(v["m*(all_or_nothing)"]) == model.minimal_matching("all_or_nothing") == 0
    matched = UrbanAgglomeration(4, F(2, 5), matching=F(3, 2))
    v = _values(arrows["contributions"])
    assert _q(v["fund/g"]) == matched.fund() == 10
    assert _q(v["social gain/g"]) == matched.social_gain() == 6
    v = _values(arrows["subsidy"])
    subsidy = model.contributor_subsidy()
    assert _q(v["s*"]) == subsidy.level == F(3, 5)
    assert _q(v["paid on path"]) == subsidy.cost == F(12, 5)
    assert _q(v["matching"]) == matched.central_cost() == 6


def test_liability_rule(arrows):
    model = UrbanAgglomeration(4, F(2, 5))
    liability = minimal_intervention(model.game(), ("Contribute",) * 4, Liability())
    v = _values(arrows["liability"])
    # a free-rider saves (1 - alpha) g and must pay it out to the N - 1 others
    assert _q(v["level"]) == liability.level == (1 - F(2, 5)) / 3
    assert _q(v["paid on path"]) == liability.cost == 0


def test_cost_of_stability_and_surplus_split(arrows):
    ca = AgglomerationSurplus.symmetric(3, {2: 8, 3: 9})
    cb = AgglomerationSurplus.core_periphery()
    v = _values(arrows["top_up"])
    assert _q(v["CoS(C-a)"]) == ca.cost_of_stability() == 3  # MODELS.md §6.6
    assert _q(v["CoS(C-b)"]) == cb.cost_of_stability() == 0
    v = _values(arrows["surplus_split"])
    shapley = tuple(_q(x) for x in v["Shapley"].strip("()").split(", "))
    nucleolus = tuple(_q(x) for x in v["nucleolus"].strip("()").split(", "))
    assert shapley == cb.shapley_value() == (F(17, 3), F(13, 6), F(13, 6))
    assert nucleolus == cb.nucleolus() == (6, 2, 2)


def test_evaluation_reform_and_reporting(arrows):
    model = PromotionTournament()
    v = _values(arrows["evaluation_reform"])
    assert v["rank rule: lam enters"] == str(model.reform_effect("lam", "rank").depends_on_weight)
    assert v["rank rule: mu enters"] == "False"
    absolute = model.reform_effect("mu", "absolute")
    assert absolute.depends_on_weight
    assert _q(v["absolute rule (lam = 1): mu >"]) == absolute.threshold.lower == F(1, 4)
    assert model.lam == 1
    v = _values(arrows["reporting"])
    multitask = MultitaskEvaluation()
    assert _q(v["w*"]) == multitask.optimal_weight() == F(2, 5)  # oracle M-b
    assert _q(v["w abandon"]) == multitask.abandonment_weight() == F(2, 3)


def test_joint_conference(arrows):
    model = SharingCooperation()
    unlock = model.unlock()
    v = _values(arrows["joint_conference"])
    assert _q(v["guarantee t_c"]) == unlock.level == 2  # oracle K-a
    assert _q(v["paid on path"]) == unlock.cost_on_path == 0
    assert _q(v["q*"]) == model.mixed_probability() == F(1, 3)


def test_transfers_and_tax_sharing(arrows):
    transfer = coasean_transfer_range(10, -4, 1, 1)
    v = _values(arrows["lateral_transfer"])
    assert (_q(v["lower"]), _q(v["upper"])) == (transfer.lower, transfer.upper) == (5, 9)
    assert _q(v["t_NB"]) == transfer.nash_bargaining().transfer == 7  # oracle K-b
    xinan = XinanCompensation()
    swap = xinan.coasean_swap_range()
    # deterministic monitoring: c_U <= X <= B_D without central money
    assert (_q(v["Xin'an X lower"]), _q(v["Xin'an X upper"])) == (swap.lower, swap.upper)
    assert (swap.lower, swap.upper) == (xinan.c_U, xinan.B_D) == (F(3, 2), 6)
    assert _q(v["Xin'an X"]) == xinan.X == 1  # documented round-1 swap
    assert _q(v["Xin'an G*"]) == xinan.minimal_central_top_up() == xinan.c_U - xinan.X
    share = revenue_share_range(10, 2, 3)
    v = _values(arrows["tax_sharing"])
    assert (_q(v["lower"]), _q(v["upper"])) == (share.lower, share.upper) == (F(3, 10), F(4, 5))
    assert _q(v["s_NB"]) == nash_bargaining_share(10, 2, 3).transfer == F(11, 20)  # K-c


def test_repeated_play(arrows):
    v = _values(arrows["repeated_play"])
    assert _q(v["delta*"]) == critical_discount_factor(_pd(5, 3, 1, 0), (0, 0)).overall == F(1, 2)
    best = equalizing_transfer(_rb(), (0, 0))
    assert _q(v["t*"]) == best.transfer == F(7, 9)  # oracle R-b
    assert _q(v["delta_eq"]) == best.threshold == F(5, 9)


def test_market_integration(arrows):
    model = MarketSegmentation()
    v = _values(arrows["market_integration"])
    fine = sympy.sympify(v["F*"], locals={"pi": PI})
    assert sympy.simplify(fine - model.minimal_fine(PI).level) == 0
    assert sympy.simplify(fine - 2 / PI) == 0  # oracle S-a: pi F = r - e = 2
    assert _q(v["delta*"]) == model.repeated().overall == F(1, 2)


def test_monitoring_formulas_match_the_solvers_on_numbers(arrows):
    T, R, P = sympy.symbols("T R P")
    v = _values(arrows["monitoring"])
    fine = sympy.sympify(v["F*"], locals={"pi": PI, "T": T, "R": R})
    delta = sympy.sympify(v["delta*"], locals={"T": T, "R": R, "P": P})
    assert sympy.simplify(fine - (T - R) / PI) == 0
    assert sympy.simplify(delta - (T - R) / (T - P)) == 0
    for (t, r, p, s), pi in itertools.product(
        [(5, 3, 1, 0), (6, 4, 1, 0), (10, 3, 1, -2)], [F(1), F(1, 2), F(1, 5)]
    ):
        game = _pd(t, r, p, s)
        solved = minimal_intervention(game, (0, 0), Penalty(detection=pi)).level
        assert fine.subs({T: t, R: r, PI: pi}) == solved
        assert delta.subs({T: t, R: r, P: p}) == critical_discount_factor(game, (0, 0)).overall


# --- the drawing: every arrow labelled with its lever and numbers, no overlaps ---------------


def _texts(result) -> list[Text]:
    fig = result.figure
    fig.canvas.draw()
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _shown(value: str) -> str:
    return value.replace("*pi", "π").replace("pi", "π").replace(" - ", " − ")


def test_each_arrow_is_labelled_with_its_numbers(result, arrows):
    texts = [t.get_text() for t in _texts(result)]
    for row in arrows.values():
        labels = [t for t in texts if t.split("\n")[0] == f"{row['lever']}:"]
        assert len(labels) == 1, row["lever"]
        for key, value in _values(row).items():
            if value in ("True", "False"):
                continue
            assert _shown(value) in labels[0], (row["name"], key, value)


def test_fonts_are_legible(result):
    for text in _texts(result):
        assert text.get_fontsize() >= 7, text.get_text()


def test_no_text_overlaps(result):
    texts = _texts(result)
    renderer = result.figure.canvas.get_renderer()
    extents = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    assert len(extents) >= 14 + 8 + 4
    for (a, box_a), (b, box_b) in itertools.combinations(extents, 2):
        assert not box_a.overlaps(box_b), (a, b)
    frame = result.figure.bbox
    for text, box in extents:
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, text
        assert frame.y0 <= box.y0 and box.y1 <= frame.y1, text


def test_label_boxes_stay_off_the_nodes_and_each_other(result):
    texts = _texts(result)
    renderer = result.figure.canvas.get_renderer()
    ax = result.figure.axes[0]
    data = result.data
    nodes = data[(data["element"] == "node") & (data["name"] != "cities")]
    node_boxes = []
    for row in nodes.itertuples():
        corners = [(row.x - row.width / 2, row.y - row.height / 2)]
        corners.append((row.x + row.width / 2, row.y + row.height / 2))
        node_boxes.append((row.name, Bbox(ax.transData.transform(corners))))
    labels = [t for t in texts if t.get_bbox_patch() is not None]
    assert len(labels) == len(data[data["element"] == "arrow"])
    patches = [(t.get_text(), t.get_bbox_patch().get_window_extent(renderer)) for t in labels]
    for (a, box_a), (b, box_b) in itertools.combinations(patches, 2):
        assert not box_a.overlaps(box_b), (a, b)
    for (text, box), (node, node_box) in itertools.product(patches, node_boxes):
        assert not box.overlaps(node_box), (text, node)
