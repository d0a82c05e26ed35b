"""Figures of evolutionary dynamics: what is drawn is the data, the classes and the labels."""

import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

import gametheory as gt
from gametheory.evolution import plot as ep

T = np.linspace(0.0, 6.0, 31)

MATCHING_PENNIES = gt.Game(
    [[1, -1], [-1, 1]], [[-1, 1], [1, -1]], players=["Row", "Col"], actions=[["H", "T"]] * 2
)
HAWK_DOVE = gt.Game(
    [[-1, 4], [0, 2]], [[-1, 0], [4, 2]], actions=[["H", "D"]] * 2, title="Hawk-Dove"
)
RPS = gt.Game(
    [[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
    [[0, 1, -1], [-1, 0, 1], [1, -1, 0]],
    actions=[["R", "P", "S"]] * 2,
)
A, B = gt.parameters("a b")
COORDINATION = gt.Game(
    [[A, 0], [0, 1]], [[A, 0], [0, 1]], players=["P1", "P2"], actions=[["A", "B"]] * 2
)


def _tripartite() -> gt.Game:
    rng = np.random.default_rng(7)
    payoffs = [rng.integers(-3, 4, size=(2, 2, 2)) for _ in range(3)]
    return gt.Game.from_arrays(
        payoffs,
        players=["Government", "Firms", "Public"],
        actions=[["R", "N"], ["G", "B"], ["P", "Q"]],
    )


MP = gt.evolution.replicator(MATCHING_PENNIES)
HD = gt.evolution.replicator(HAWK_DOVE, single=True)
RPS_SYSTEM = gt.evolution.replicator(RPS, single=True)
TRI = gt.evolution.replicator(_tripartite())
COORD = gt.evolution.replicator(COORDINATION)


def _path(df, scenario, run):
    return df[(df["scenario"] == scenario) & (df["run"] == run)].sort_values("t")


def _legend_texts(legend):
    return [t.get_text() for t in legend.get_texts()]


def _classes(system):
    return {p.classification for p in system.rest_points()}


# ---- shares ---------------------------------------------------------------------------------


def test_shares_one_line_per_scenario_and_run_with_the_data():
    df = COORD.simulate(
        [(0.3, 0.6), (0.7, 0.4), (0.8, 0.8)], T, scenarios={"low": {"a": 0.5}, "high": {"a": 2}}
    )
    fig = ep.shares(df, title="coordination")
    assert isinstance(fig, Figure) and isinstance(fig.canvas, FigureCanvasAgg)
    assert len(fig.axes) == 2
    assert [ax.get_title() for ax in fig.axes] == ["P1", "P2"]
    assert _legend_texts(fig.legends[0]) == ["low", "high"]
    assert fig.get_suptitle() == "coordination"
    for ax, var in zip(fig.axes, ["x", "y"], strict=True):
        assert len(ax.lines) == 2 * 3  # every run of every scenario, none averaged
        assert ax.get_ylim() == (0.0, 1.0)
        assert ax.get_ylabel() == "share of A"
        k = 0
        for scenario in ["low", "high"]:
            for run in range(3):
                expected = _path(df, scenario, run)
                np.testing.assert_array_equal(ax.lines[k].get_xdata(), expected["t"])
                np.testing.assert_array_equal(ax.lines[k].get_ydata(), expected[var])
                k += 1
    # one colour per scenario
    colors = [line.get_color() for line in fig.axes[0].lines]
    assert len(set(colors[:3])) == 1 and len(set(colors[3:])) == 1 and colors[0] != colors[3]
    fig.savefig(io.BytesIO(), format="png")


def test_shares_by_run_and_population_selection():
    df = MP.simulate([((0.2, 0.8), (0.5, 0.5)), ((0.3, 0.7), (0.4, 0.6))], T)
    fig = ep.shares(df, by="run")
    assert len(fig.axes) == 2
    assert all(len(ax.lines) == 2 for ax in fig.axes)
    assert _legend_texts(fig.legends[0]) == ["run 0: x = 0.2, y = 0.5", "run 1: x = 0.3, y = 0.4"]
    np.testing.assert_array_equal(fig.axes[1].lines[1].get_ydata(), _path(df, "base", 1)["y"])
    assert fig.axes[1].get_ylabel() == "share of H"

    one = ep.shares(df, populations=["Col"])
    assert len(one.axes) == 1 and one.axes[0].get_title() == "Col"
    np.testing.assert_array_equal(one.axes[0].lines[0].get_ydata(), _path(df, "base", 0)["y"])
    assert one.legends == []  # the single default scenario needs no legend

    mine = Figure()
    ax = mine.subplots()
    assert ep.shares(df, populations=1, ax=ax, title="mine") is mine
    assert len(ax.lines) == 2 and ax.get_title() == "mine"


def test_shares_of_a_three_action_population_show_every_action():
    df = RPS_SYSTEM.simulate([((0.5, 0.3, 0.2),)], T)
    fig = ep.shares(df)
    (ax,) = fig.axes
    assert len(ax.lines) == 3
    path = _path(df, "base", 0)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), path["x_1"])
    np.testing.assert_allclose(ax.lines[1].get_ydata(), path["x_2"])
    np.testing.assert_allclose(ax.lines[2].get_ydata(), 1 - path["x_1"] - path["x_2"])
    assert _legend_texts(ax.get_legend()) == ["R", "P", "S"]
    assert len({line.get_color() for line in ax.lines}) == 3


def test_shares_of_a_single_two_action_population():
    df = HD.simulate([(0.1,), (0.9,)], T)
    fig = ep.shares(df)
    (ax,) = fig.axes
    assert ax.get_title() == "Hawk-Dove" and ax.get_ylabel() == "share of H"
    assert len(ax.lines) == 2
    # both runs go to the mixed ESS, 2/3 hawks
    assert ax.lines[0].get_ydata()[-1] == pytest.approx(2 / 3, abs=0.02)
    assert ax.lines[1].get_ydata()[-1] == pytest.approx(2 / 3, abs=0.02)


def test_shares_rejects_bad_input():
    df = COORD.simulate([(0.3, 0.6)], T, scenarios={"low": {"a": 0.5}, "high": {"a": 2}})
    with pytest.raises(ValueError, match="by='run' draws the runs of one scenario"):
        ep.shares(df, by="run")
    with pytest.raises(ValueError, match="by must be"):
        ep.shares(df, by="population")
    with pytest.raises(TypeError, match=r"DataFrame returned by system\.simulate"):
        ep.shares(df.to_numpy())
    bare = df.copy()
    bare.attrs = {}
    with pytest.raises(ValueError, match=r"attrs\['populations'\]"):
        ep.shares(bare)
    with pytest.raises(ValueError, match=r"lacks the column\(s\) \['y'\]"):
        ep.shares(df.drop(columns="y"))
    with pytest.raises(ValueError, match="unknown population 'P3'"):
        ep.shares(df, populations=["P3"])
    with pytest.raises(ValueError, match="out of range"):
        ep.shares(df, populations=[2])
    with pytest.raises(ValueError, match="need 2 Axes"):
        ep.shares(df, ax=Figure().subplots())


# ---- trajectories in the cube ---------------------------------------------------------------


def test_trajectories_3d_draws_paths_ends_and_classified_rest_points():
    df = TRI.simulate(2, T)  # 2 x 2 x 2 = 8 interior starting states
    fig = ep.trajectories_3d(df, system=TRI)
    (ax,) = fig.axes
    assert ax.name == "3d"
    paths = [line for line in ax.lines if line.get_linestyle() == "-"]
    assert len(paths) == 8
    for run, line in enumerate(paths):
        expected = _path(df, "base", run)
        x, y, z = line.get_data_3d()
        np.testing.assert_array_equal(x, expected["x"])
        np.testing.assert_array_equal(y, expected["y"])
        np.testing.assert_array_equal(z, expected["z"])
    start = next(line for line in ax.lines if line.get_label() == "start")
    np.testing.assert_allclose(np.column_stack(start.get_data_3d()), df.attrs["initial_states"])
    points = TRI.rest_points()
    classes = {p.classification for p in points}
    labels = _legend_texts(fig.legends[0])
    assert labels[:2] == ["start", "end"]
    assert set(labels[2:]) == classes and len(classes) >= 2
    for cls in classes:
        (marks,) = [line for line in ax.lines if line.get_label() == cls]
        expected = sorted(
            tuple(float(v) for v in p.values) for p in points if p.classification == cls
        )
        assert sorted(map(tuple, np.column_stack(marks.get_data_3d()))) == expected
    assert ax.get_xlabel() == "Government: share of R"
    assert ax.get_zlim() == (0.0, 1.0)

    fig.savefig(io.BytesIO(), format="png")

    bare = ep.trajectories_3d(df)
    assert _legend_texts(bare.legends[0]) == ["start", "end"]


def test_trajectories_3d_rejects_wrong_systems():
    mp_paths = MP.simulate([(0.2, 0.3)], T)
    with pytest.raises(ValueError, match="three populations with two actions"):
        ep.trajectories_3d(mp_paths)
    df = TRI.simulate([(0.2, 0.3, 0.4)], T)
    with pytest.raises(ValueError, match="variables"):
        ep.trajectories_3d(df, system=MP)
    with pytest.raises(TypeError, match="EvolutionarySystem"):
        ep.trajectories_3d(df, system="replicator")
    z = gt.parameters("c")[0]
    parametric = gt.evolution.replicator(
        gt.Game.from_arrays([np.array(TRI.game.payoff_arrays[0]) * z, *TRI.game.payoff_arrays[1:]])
    )
    with pytest.raises(gt.UnboundParameterError, match="c"):
        ep.trajectories_3d(df, system=parametric)


# ---- phase portraits ------------------------------------------------------------------------


def test_phase_portrait_of_two_populations():
    df = MP.simulate([(0.2, 0.5), (0.35, 0.4)], T)
    fig = ep.phase_portrait(MP, paths=df)
    (ax,) = fig.axes
    assert isinstance(ax.collections[0], LineCollection)  # the streamlines
    assert len(ax.collections[0].get_segments()) > 10
    assert (ax.get_xlim(), ax.get_ylim()) == ((0.0, 1.0), (0.0, 1.0))
    assert ax.get_xlabel() == "Row: share of H" and ax.get_ylabel() == "Col: share of H"
    labels = _legend_texts(ax.get_legend())
    assert labels == ["start", "end", "saddle", "non-hyperbolic"]
    centre = next(line for line in ax.lines if line.get_label() == "non-hyperbolic")
    np.testing.assert_allclose(np.column_stack(centre.get_data()), [[0.5, 0.5]])
    saddles = next(line for line in ax.lines if line.get_label() == "saddle")
    assert sorted(map(tuple, np.column_stack(saddles.get_data()))) == [
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
    ]
    assert saddles.get_fillstyle() == "left" and centre.get_markerfacecolor() == "white"
    for run in range(2):
        x, y = ax.lines[run].get_data()
        np.testing.assert_array_equal(x, _path(df, "base", run)["x"])
        np.testing.assert_array_equal(y, _path(df, "base", run)["y"])


def test_phase_portrait_of_a_parametric_system_needs_its_parameters():
    with pytest.raises(gt.UnboundParameterError, match="parameter\\(s\\) a"):
        ep.phase_portrait(COORD)
    with pytest.raises(ValueError, match="unknown parameter"):
        ep.phase_portrait(COORD, params={"a": 1, "q": 2})
    fig = ep.phase_portrait(COORD, params={"a": 0.5}, rest_points=True, density=0.5)
    labels = _legend_texts(fig.axes[0].get_legend())
    assert set(labels) == _classes(COORD.subs(a=0.5)) == {"stable", "source", "saddle"}
    saddle = next(line for line in fig.axes[0].lines if line.get_label() == "saddle")
    np.testing.assert_allclose(np.column_stack(saddle.get_data()), [[2 / 3, 2 / 3]])
    # no rest points asked for: no legend
    assert (
        ep.phase_portrait(COORD, params={"a": 0.5}, rest_points=False, density=0.5)
        .axes[0]
        .get_legend()
        is None
    )


def test_phase_portrait_rejects_systems_that_are_not_two_dimensional():
    with pytest.raises(ValueError, match="use trajectories_3d"):
        ep.phase_portrait(TRI)
    with pytest.raises(ValueError, match="one-dimensional"):
        ep.phase_portrait(HD)
    with pytest.raises(ValueError, match="density"):
        ep.phase_portrait(MP, density=0)
    other = TRI.simulate([(0.2, 0.3, 0.4)], T)
    with pytest.raises(ValueError, match="variables"):
        ep.phase_portrait(MP, paths=other)


def test_phase_portrait_of_three_actions_is_drawn_on_the_triangle():
    fig = ep.phase_portrait(RPS_SYSTEM, density=0.5, grid=21)
    ax = fig.axes[0]
    border = ax.patches[0]
    np.testing.assert_allclose(border.get_xy()[:3], [[0, 0], [1, 0], [0, 1]])
    assert ax.collections[0].get_clip_path() is not None
    assert ax.get_xlabel() == "share of R" and ax.get_ylabel() == "share of P"

    mine = Figure()
    ax = mine.subplots()
    assert ep.phase_portrait(RPS_SYSTEM, ax=ax, rest_points=False, density=0.5) is mine
    assert len(ax.collections) == 1 and ax.get_legend() is None


# ---- simplex --------------------------------------------------------------------------------


def test_simplex_of_rock_paper_scissors():
    df = RPS_SYSTEM.simulate([((0.6, 0.3, 0.1),)], T)
    fig = ep.simplex(RPS_SYSTEM, paths=df)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.texts] == ["R", "P", "S"]
    h = np.sqrt(3) / 2
    np.testing.assert_allclose(ax.patches[0].get_xy()[:3], [[0, 0], [1, 0], [0.5, h]])
    labels = _legend_texts(ax.get_legend())
    assert labels == ["start", "end", "saddle", "non-hyperbolic"]
    centre = next(line for line in ax.lines if line.get_label() == "non-hyperbolic")
    np.testing.assert_allclose(np.column_stack(centre.get_data()), [[0.5, h / 3]])
    vertices = next(line for line in ax.lines if line.get_label() == "saddle")
    np.testing.assert_allclose(
        sorted(map(tuple, np.column_stack(vertices.get_data()))), [(0, 0), (0.5, h), (1, 0)]
    )
    # the trajectory in barycentric coordinates: (s1, s2, s3) -> (s2 + s3 / 2, s3 h)
    path = _path(df, "base", 0)
    s3 = 1 - path["x_1"] - path["x_2"]
    x, y = ax.lines[0].get_data()
    np.testing.assert_allclose(x, path["x_2"] + s3 / 2)
    np.testing.assert_allclose(y, s3 * h)
    # the streamlines and their arrows stay inside the triangle
    assert ax.collections[0].get_clip_path() is not None
    arrows = ax.patches[1:]
    assert arrows and all(a.get_clip_path() is not None for a in arrows)


def test_simplex_rejects_other_systems():
    with pytest.raises(ValueError, match=r"one population with three actions.*phase_portrait"):
        ep.simplex(MP)
    with pytest.raises(ValueError, match="one population with three actions"):
        ep.simplex(HD)
    with pytest.raises(TypeError, match="EvolutionarySystem"):
        ep.simplex(RPS)
    mp_paths = MP.simulate([(0.2, 0.5)], T)
    with pytest.raises(ValueError, match="variables"):
        ep.simplex(RPS_SYSTEM, paths=mp_paths)


def test_precomputed_rest_points_are_used():
    points = RPS_SYSTEM.rest_points()
    fig = ep.simplex(RPS_SYSTEM, rest_points=points[-1:], density=0.5)
    assert _legend_texts(fig.axes[0].get_legend()) == ["non-hyperbolic"]
    with pytest.raises(ValueError, match="coordinates"):
        ep.simplex(RPS_SYSTEM, rest_points=MP.rest_points()[:1] + TRI.rest_points()[:1])


# ---- sensitivity ----------------------------------------------------------------------------


def test_sensitivity_one_line_per_value():
    values = [0.5, 1.0, 2.0]
    state = ((0.6, 0.4), (0.55, 0.45))  # one mixed strategy per population
    fig = ep.sensitivity(COORD, "a", values, state, T)
    assert len(fig.axes) == 2
    assert _legend_texts(fig.legends[0]) == ["a = 0.5", "a = 1", "a = 2"]
    again = COORD.simulate([state], T, scenarios=[{"a": v} for v in values])
    for ax, var in zip(fig.axes, ["x", "y"], strict=True):
        assert len(ax.lines) == 3
        for k, line in enumerate(ax.lines):
            np.testing.assert_allclose(line.get_ydata(), _path(again, k, 0)[var])
    # sequential colours: one per value, all different
    assert len({tuple(line.get_color()) for line in fig.axes[0].lines}) == 3
    # a < 2/3 sends this state to (B, B), a > 2/3 to (A, A)
    finals = [line.get_ydata()[-1] for line in fig.axes[0].lines]
    assert finals[0] < 0.2 and finals[2] > 0.8


def test_sensitivity_rejects_bad_input():
    two = gt.evolution.replicator(
        gt.Game([[A, 0], [0, B]], [[A, 0], [0, B]], actions=[["A", "B"]] * 2)
    )
    state = (0.6, 0.5)
    with pytest.raises(gt.UnboundParameterError, match="b"):
        ep.sensitivity(two, "a", [1, 2], state, T)
    fig = ep.sensitivity(two, A, [1, 2], state, T, params={"b": 1}, populations=[0])
    assert len(fig.axes) == 1 and len(fig.axes[0].lines) == 2
    with pytest.raises(ValueError, match="not a parameter"):
        ep.sensitivity(two, "c", [1, 2], state, T, params={"b": 1})
    with pytest.raises(ValueError, match="leave it out of params"):
        ep.sensitivity(two, "a", [1, 2], state, T, params={"a": 1, "b": 1})
    with pytest.raises(ValueError, match="distinct"):
        ep.sensitivity(two, "a", [1, 1], state, T, params={"b": 1})
    with pytest.raises(ValueError, match="one state"):
        ep.sensitivity(two, "a", [1, 2], [(0.6, 0.5), (0.2, 0.3)], T, params={"b": 1})
    with pytest.raises(ValueError, match="no parameters"):
        ep.sensitivity(MP, "a", [1, 2], state, T)


def test_four_populations_get_four_panels():
    game = gt.Game.from_arrays(
        [np.arange(16).reshape(2, 2, 2, 2) % (i + 2) for i in range(4)],
        players=["A", "B", "C", "D"],
    )
    system = gt.evolution.replicator(game)
    df = system.simulate([(0.5, 0.5, 0.5, 0.5)], T[:5])
    fig = ep.shares(df)
    assert [ax.get_title() for ax in fig.axes] == ["A", "B", "C", "D"]
