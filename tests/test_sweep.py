"""Tests of gametheory.sweep: vectorised sweeps cross-checked against the exact solver."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
import sympy

from gametheory import Game, equilibria
from gametheory.sweep import summarize, sweep

s, f = sympy.symbols("s f", nonnegative=True)
b, c = sympy.symbols("b c")
x, y = sympy.symbols("x y")

#: Prisoner's dilemma (R=3, T=5, S=0, P=1) with a subsidy s for cooperating and a fine f for
#: defecting.
PD = Game(
    [[3 + s, s], [5 - f, 1 - f]],
    [[3 + s, 5 - f], [s, 1 - f]],
    players=["Row", "Col"],
    actions=[["C", "D"], ["C", "D"]],
)
#: Stag hunt with benefit b of the joint stag and safe payoff c of hunting hare.
STAG = Game(
    [[b, 0], [c, c]],
    [[b, c], [0, c]],
    actions=[["S", "H"], ["S", "H"]],
)


def _random_linear_game(seed: int) -> Game:
    """A 2x2 game whose payoffs are k0 + k1 x + k2 y with small random integer coefficients."""
    rng = np.random.default_rng(seed)
    k = rng.integers(-2, 3, size=(2, 2, 2, 3))
    arrays = [
        [
            [int(k[p, i, j, 0]) + int(k[p, i, j, 1]) * x + int(k[p, i, j, 2]) * y for j in range(2)]
            for i in range(2)
        ]
        for p in range(2)
    ]
    # make sure both parameters occur
    arrays[0][0][0] += x
    arrays[1][1][1] += y
    return Game(*arrays, actions=[["a", "b"], ["c", "d"]])


GAMES_2X2 = [
    (PD, {"s": np.arange(0, 9) / 2, "f": np.arange(0, 9) / 2}),
    (STAG, {"b": np.arange(-8, 17) / 4, "c": np.arange(-8, 17) / 4}),
    *[
        (_random_linear_game(seed), {"x": np.arange(-6, 7) / 4, "y": np.arange(-6, 7) / 4})
        for seed in range(4)
    ],
]


def _rows_at(df: pd.DataFrame, point: int) -> pd.DataFrame:
    return df[df["point"] == point]


def _profile_label(game: Game, profile: tuple[int, ...]) -> str:
    return ",".join(game.actions[i][a] for i, a in enumerate(profile))


@pytest.mark.parametrize(("game", "grids"), GAMES_2X2)
def test_2x2_sweep_matches_exact_solver(game: Game, grids: dict[str, np.ndarray]) -> None:
    df = sweep(game, **grids)
    names = [p.name for p in game.parameters]
    shape = tuple(grids[n].size for n in names)
    rng = np.random.default_rng(12345)
    points = rng.choice(int(np.prod(shape)), size=min(60, int(np.prod(shape))), replace=False)
    seen_degenerate = seen_mixed = 0
    for point in points.tolist():
        idx = np.unravel_index(point, shape)
        values = {n: grids[n][i] for n, i in zip(names, idx, strict=True)}
        exact = game.subs({n: Fraction(v) for n, v in values.items()})  # dyadic: exact
        eqs = equilibria(exact)
        rows = _rows_at(df, point)
        assert len(rows) > 0
        for n, v in values.items():
            assert (rows[n] == v).all()
        assert (rows["n_equilibria"] == len(rows)).all()
        # pure equilibria: always the same set, with the same payoffs
        pure = {_profile_label(game, eq.pure_profile): eq for eq in eqs if eq.is_pure}
        pure_rows = rows[rows["kind"] == "pure"]
        assert set(pure_rows["profile"]) == set(pure)
        for _, row in pure_rows.iterrows():
            eq = pure[row["profile"]]
            assert (row["u_0"], row["u_1"]) == tuple(float(u) for u in eq.payoffs)
            for i in range(2):
                for k, label in enumerate(game.actions[i]):
                    assert row[f"p_{i}_{label}"] == float(eq.strategies[i][k])
        # degeneracy agrees with the exact definition (von Stengel)
        degenerate = bool(rows["degenerate"].iloc[0])
        assert degenerate == eqs.degenerate
        mixed_rows = rows[rows["kind"] == "mixed"]
        if degenerate:
            seen_degenerate += 1
            assert mixed_rows.empty
            continue
        # non-degenerate: the non-pure extreme equilibria are exactly the fully mixed one
        mixed = [eq for eq in eqs if not eq.is_pure]
        assert len(mixed_rows) == len(mixed) <= 1
        if mixed:
            seen_mixed += 1
            (eq,) = mixed
            row = mixed_rows.iloc[0]
            assert pd.isna(row["profile"])
            for i in range(2):
                for k, label in enumerate(game.actions[i]):
                    assert row[f"p_{i}_{label}"] == pytest.approx(
                        float(eq.strategies[i][k]), abs=1e-9
                    )
                assert row[f"u_{i}"] == pytest.approx(float(eq.payoffs[i]), abs=1e-9)
    if game is STAG:  # the grid crosses both kinds of points
        assert seen_degenerate > 0 and seen_mixed > 0


def test_prisoners_dilemma_phase_structure() -> None:
    # C is a best reply to C iff s + f >= 2 and to D iff s + f >= 1 (ties at equality)
    df = sweep(PD, s=np.arange(0, 5) / 2, f=np.arange(0, 5) / 2)
    summary = summarize(df)
    total = summary["s"] + summary["f"]
    assert (summary.loc[total < 1, "structure"] == "(D,D)").all()
    # 1 < s + f < 2: a game of chicken, mixing with probability s + f - 1 of C
    chicken = (total > 1) & (total < 2)
    assert chicken.any()
    assert (summary.loc[chicken, "structure"] == "(C,D)+(D,C)+mixed").all()
    mixed = df[df["kind"] == "mixed"]
    np.testing.assert_allclose(mixed["p_0_C"], mixed["s"] + mixed["f"] - 1, atol=1e-15)
    np.testing.assert_allclose(mixed["p_1_C"], mixed["s"] + mixed["f"] - 1, atol=1e-15)
    assert (summary.loc[total > 2, "structure"] == "(C,C)").all()
    assert (summary.loc[total == 2, "structure"] == "(C,C)+(C,D)+(D,C) [degenerate]").all()
    assert (summary.loc[total == 1, "structure"] == "(C,D)+(D,C)+(D,D) [degenerate]").all()
    assert list(summary.columns) == [
        "f",
        "s",
        "point",
        "n_pure",
        "n_mixed",
        "degenerate",
        "structure",
    ]


def test_stag_hunt_mixed_closed_form() -> None:
    # b > c > 0: two strict pure equilibria and the mix q = c / b of the stag
    df = sweep(STAG, b=np.array([2.0, 3.0, 5.0]), c=1.0)
    mixed = df[df["kind"] == "mixed"]
    np.testing.assert_allclose(mixed["p_0_S"], [1 / 2, 1 / 3, 1 / 5], atol=1e-15)
    np.testing.assert_allclose(mixed["p_1_S"], [1 / 2, 1 / 3, 1 / 5], atol=1e-15)
    np.testing.assert_allclose(mixed["p_0_H"], [1 / 2, 2 / 3, 4 / 5], atol=1e-15)
    np.testing.assert_allclose(mixed["u_0"], 1.0, atol=1e-15)
    assert (summarize(df)["structure"] == "(S,S)+(H,H)+mixed").all()
    assert list(df["kind"]) == ["pure", "pure", "mixed"] * 3
    assert list(df["point"]) == [0, 0, 0, 1, 1, 1, 2, 2, 2]


def test_column_layout_and_grid_order() -> None:
    df = sweep(PD, f=np.array([0.0, 0.5]), s=np.array([0.0, 1.0, 3.0]))
    assert list(df.columns) == [
        "f",
        "s",
        "point",
        "kind",
        "profile",
        "p_0_C",
        "p_0_D",
        "p_1_C",
        "p_1_D",
        "u_0",
        "u_1",
        "degenerate",
        "n_equilibria",
    ]
    # parameters in game.parameters order (f, s), C-order flattening as np.meshgrid(ij)
    F, S = np.meshgrid([0.0, 0.5], [0.0, 1.0, 3.0], indexing="ij")
    first = df.groupby("point").first()
    np.testing.assert_array_equal(first["f"], F.ravel())
    np.testing.assert_array_equal(first["s"], S.ravel())
    assert df.attrs["grid"] == {"f": [0.0, 0.5], "s": [0.0, 1.0, 3.0]}


def _three_player_game() -> Game:
    rng = np.random.default_rng(7)
    k = rng.integers(-2, 3, size=(3, 2, 3, 2, 3))
    arrays = []
    for p in range(3):
        arr = np.empty((2, 3, 2), dtype=object)
        for idx in np.ndindex(2, 3, 2):
            arr[idx] = int(k[p][idx][0]) + int(k[p][idx][1]) * x + int(k[p][idx][2]) * y
        arrays.append(arr)
    arrays[0][0, 0, 0] += x
    arrays[1][0, 0, 0] += y
    return Game.from_arrays(*arrays, actions=[["u", "d"], ["l", "m", "r"], ["w", "e"]])


def test_three_player_pure_equilibria_match_solver() -> None:
    game = _three_player_game()
    grid = np.arange(-6, 7) / 2
    df = sweep(game, x=grid, y=grid)
    assert df["degenerate"].isna().all()
    assert (df["kind"] == "pure").all()
    summary = summarize(df)
    assert len(summary) == grid.size**2  # every point, also those without pure equilibria
    for point in range(0, grid.size**2, 3):
        i, j = np.unravel_index(point, (grid.size, grid.size))
        exact = game.subs(x=Fraction(grid[i]), y=Fraction(grid[j]))
        expected = {_profile_label(game, eq.pure_profile): eq for eq in equilibria(exact, "pure")}
        rows = _rows_at(df, point)
        assert set(rows["profile"]) == set(expected)
        assert summary.loc[point, "n_pure"] == len(expected)
        for _, row in rows.iterrows():
            eq = expected[row["profile"]]
            assert tuple(row[f"u_{p}"] for p in range(3)) == tuple(float(u) for u in eq.payoffs)
            for p in range(3):
                for k, label in enumerate(game.actions[p]):
                    assert row[f"p_{p}_{label}"] == float(eq.strategies[p][k])
        if not expected:
            assert summary.loc[point, "structure"] == "none"
    assert (summary["n_mixed"] == 0).all()
    assert (summary["structure"] == "none").any()


def test_chunking_gives_identical_results() -> None:
    grids = {"b": np.arange(-8, 17) / 4, "c": np.arange(-8, 17) / 4}
    whole = sweep(STAG, **grids)
    for size in (1, 7, 100, 624, 625):
        pd.testing.assert_frame_equal(sweep(STAG, chunk_size=size, progress=False, **grids), whole)
    game = _three_player_game()
    grid = np.arange(-4, 5) / 2
    pd.testing.assert_frame_equal(
        sweep(game, x=grid, y=grid, chunk_size=5), sweep(game, x=grid, y=grid)
    )


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    grid = np.arange(0, 4) / 2
    shown = sweep(PD, s=grid, f=grid, chunk_size=3, progress=True)
    assert "sweep" in capsys.readouterr().err
    pd.testing.assert_frame_equal(shown, sweep(PD, s=grid, f=grid))
    sweep(PD, s=grid, f=grid, chunk_size=1)  # 16 chunks > 10: shown by default
    assert "16/16" in capsys.readouterr().err
    sweep(PD, s=grid, f=grid, chunk_size=2)  # 8 chunks: hidden by default
    assert capsys.readouterr().err == ""


def test_atol_turns_near_ties_into_ties() -> None:
    near = 1 + 2.0**-40
    exact_ties = sweep(STAG, b=[near], c=1.0)
    assert not exact_ties["degenerate"].any()
    assert (exact_ties["kind"] == "mixed").sum() == 1
    loose = sweep(STAG, b=[near], c=1.0, atol=1e-9)
    assert loose["degenerate"].all()
    assert (loose["kind"] == "pure").all()
    assert list(loose["profile"]) == list(sweep(STAG, b=[1.0], c=1.0)["profile"])


def test_scalar_grids_and_input_types() -> None:
    a = sweep(STAG, b=pd.Series([2.0, 3.0]), c=Fraction(1, 1))
    b_ = sweep(STAG, b=[2, 3], c=np.float64(1.0))
    d = sweep(STAG, b=(sympy.Integer(2), sympy.Rational(3)), c=np.array(1.0))
    pd.testing.assert_frame_equal(a, b_)
    pd.testing.assert_frame_equal(a, d)
    assert (a["c"] == 1.0).all()


def test_summarize_without_grid_attrs() -> None:
    df = sweep(STAG, b=np.array([0.5, 1.0, 2.0]), c=1.0)
    plain = df.copy()
    plain.attrs = {}
    a, b_ = summarize(df), summarize(plain)
    pd.testing.assert_frame_equal(a, b_)
    assert list(a["structure"]) == ["(H,H)", "(S,S)+(H,H) [degenerate]", "(S,S)+(H,H)+mixed"]
    # also after a round trip through CSV (plain string and bool columns)
    from io import StringIO

    read = pd.read_csv(StringIO(df.to_csv(index=False)))
    pd.testing.assert_frame_equal(summarize(read), a, check_dtype=False)
    with pytest.raises(ValueError, match="missing"):
        summarize(df.drop(columns="kind"))
    with pytest.raises(TypeError, match="DataFrame"):
        summarize([1, 2])


def test_nonfinite_payoffs_are_reported() -> None:
    t = sympy.Symbol("t")
    game = Game([[1 / t, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(ValueError, match=r"not finite .* t=0"):
        sweep(game, t=np.array([-1.0, 0.0, 1.0]))


@pytest.mark.parametrize(
    ("game", "kwargs", "error", "match"),
    [
        (STAG, {"b": [1.0], "c": [1.0], "d": [1.0]}, ValueError, "unknown parameter"),
        (STAG, {"b": [1.0]}, ValueError, r"no grid for parameter\(s\) \['c'\]"),
        (STAG, {"b": [[1.0, 2.0]], "c": 1.0}, ValueError, "must be 1-D"),
        (STAG, {"b": [], "c": 1.0}, ValueError, "empty"),
        (STAG, {"b": [1.0, np.nan], "c": 1.0}, ValueError, "finite"),
        (STAG, {"b": [1.0, np.inf], "c": 1.0}, ValueError, "finite"),
        (STAG, {"b": float("nan"), "c": 1.0}, ValueError, "finite"),
        (STAG, {"b": ["1", "2"], "c": 1.0}, TypeError, "real numbers"),
        (STAG, {"b": "12", "c": 1.0}, TypeError, "string"),
        (STAG, {"b": [True, False], "c": 1.0}, TypeError, "boolean"),
        (STAG, {"b": [1.0, 1j], "c": 1.0}, TypeError, "real numbers"),
        (STAG, {"b": [1.0, None], "c": 1.0}, TypeError, "real numbers"),
        (STAG, {"b": [x], "c": 1.0}, TypeError, "real numbers"),
        (STAG, {"b": {1.0: 2.0}, "c": 1.0}, TypeError, "dict"),
        (PD, {"s": [-1.0, 1.0], "f": 0.0}, ValueError, "declared nonnegative"),
        (STAG, {"b": 1.0, "c": 1.0, "chunk_size": 0}, ValueError, "chunk_size"),
        (STAG, {"b": 1.0, "c": 1.0, "chunk_size": 2.5}, ValueError, "chunk_size"),
        (STAG, {"b": 1.0, "c": 1.0, "atol": -1.0}, ValueError, "atol"),
        (STAG, {"b": 1.0, "c": 1.0, "atol": np.nan}, ValueError, "atol"),
        (STAG, {"b": 1.0, "c": 1.0, "progress": "yes"}, TypeError, "progress"),
        (Game([[1, 0], [0, 1]]), {}, ValueError, "parametric"),
        (Game([[1, 0], [0, 1]]), {"b": [1.0]}, ValueError, "parametric"),
        ("not a game", {"b": [1.0]}, TypeError, "gametheory.Game"),
    ],
)
def test_bad_input(game: object, kwargs: dict, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        sweep(game, **kwargs)  # type: ignore[arg-type]


def test_parameter_name_clashing_with_output_column() -> None:
    point = sympy.Symbol("point")
    game = Game([[point, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="clash"):
        sweep(game, point=[1.0])


def test_points_without_listed_equilibria() -> None:
    # rock-paper-scissors with a parametric win: no pure equilibrium anywhere (only pure
    # equilibria are listed for games that are not 2x2)
    rps = Game([[0, -1, 1 + x], [1, 0, -1], [-1, 1, 0]])
    df = sweep(rps, x=np.array([0.0, 0.5, 1.0]))
    assert df.empty
    assert list(df.columns[:4]) == ["x", "point", "kind", "profile"]
    summary = summarize(df)
    assert list(summary["structure"]) == ["none"] * 3
    assert list(summary["n_pure"]) == [0, 0, 0]
    # matching pennies: the mixed equilibrium is the only row, p = q = 2 / (4 + x)
    pennies = Game([[1 + x, -1], [-1, 1]])
    df = sweep(pennies, x=np.array([0.0, 2.0]))
    assert list(df["kind"]) == ["mixed", "mixed"]
    np.testing.assert_allclose(df["p_0_0"], [0.5, 1 / 3])
    np.testing.assert_allclose(df["p_1_0"], [0.5, 1 / 3])
    np.testing.assert_allclose(df["u_0"], [0.0, 1 / 3])
    assert list(summarize(df)["structure"]) == ["mixed", "mixed"]


def test_grid_mapping_allows_option_names_as_parameters() -> None:
    atol = sympy.Symbol("atol")
    game = Game([[atol, 0], [0, 1]], [[1, 0], [0, 1]])
    df = sweep(game, {"atol": [2.0, -1.0]})
    assert list(df["atol"]) == [2.0, 2.0, 2.0, -1.0]
    assert list(df["kind"]) == ["pure", "pure", "mixed", "pure"]
    assert list(df["profile"].astype(object).fillna("-")) == ["0,0", "1,1", "-", "1,1"]
    both = sweep(STAG, {"b": [1.0, 2.0]}, c=0.5)
    pd.testing.assert_frame_equal(both, sweep(STAG, b=[1.0, 2.0], c=0.5))
    with pytest.raises(ValueError, match="both in grid and as keywords"):
        sweep(STAG, {"b": [1.0]}, b=[2.0], c=0.5)
    with pytest.raises(TypeError, match="grid must be a mapping"):
        sweep(STAG, [("b", [1.0])], c=0.5)  # type: ignore[arg-type]


dask = pytest.importorskip("dask", reason="the Dask path needs the 'dask' extra")


@pytest.mark.parametrize("scheduler", ["synchronous", "threads", "processes"])
def test_dask_sweep_is_identical_to_the_in_memory_sweep(scheduler: str) -> None:
    grids = {"b": np.arange(-8, 17) / 4, "c": np.arange(-8, 17) / 4}
    whole = sweep(STAG, **grids)
    for chunks in (1, 97, 625, 10_000) if scheduler == "synchronous" else (97,):
        pd.testing.assert_frame_equal(
            sweep(STAG, chunks=chunks, scheduler=scheduler, progress=False, **grids), whole
        )
    game = _three_player_game()
    grid = np.arange(-4, 5) / 2
    pd.testing.assert_frame_equal(
        sweep(game, x=grid, y=grid, chunks=7, scheduler=scheduler), sweep(game, x=grid, y=grid)
    )


def test_dask_sweep_on_a_distributed_client(capsys: pytest.CaptureFixture[str]) -> None:
    distributed = pytest.importorskip("distributed")
    grids = {"s": np.arange(0, 9) / 2, "f": np.arange(0, 9) / 2}
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2) as client:
        on_cluster = sweep(PD, chunks=10, scheduler=client, progress=True, **grids)
        assert "sweep" in capsys.readouterr().err
        by_default = sweep(PD, chunks=10, **grids)  # the active client is Dask's default
    pd.testing.assert_frame_equal(on_cluster, sweep(PD, **grids))
    pd.testing.assert_frame_equal(by_default, sweep(PD, **grids))


def test_dask_progress_bar_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    grid = np.arange(0, 4) / 2
    sweep(PD, s=grid, f=grid, chunks=1, scheduler="synchronous")  # 16 tasks: bar by default
    assert "16/16" in capsys.readouterr().err
    for bad in (0, 2.5, True, "10"):
        with pytest.raises(ValueError, match="chunks must be a positive integer"):
            sweep(PD, s=grid, f=grid, chunks=bad)
    with pytest.raises(ValueError, match="give chunks="):
        sweep(PD, s=grid, f=grid, scheduler="threads")
    rational = Game([[1 / (x - 1), 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="not finite"):
        sweep(rational, x=[0.0, 1.0], chunks=1, scheduler="synchronous")


def test_missing_dask_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_dask(name: str, *args: object, **kwargs: object) -> object:
        if name == "dask" or name.startswith("dask."):
            raise ImportError("No module named 'dask'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    from gametheory import MissingDependencyError

    with pytest.raises(MissingDependencyError, match=r"gametheory\[dask\]"):
        sweep(PD, s=[0.0], f=[0.0], chunks=1)
