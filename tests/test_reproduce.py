"""`gametheory reproduce`: the figure registry, deterministic outputs and the --check mode."""

from __future__ import annotations

import hashlib
import json
import shutil
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from gametheory.figures import FigureResult, get, register, registry
from gametheory.models import CollaborationRisks
from gametheory.reproduce import csv_bytes, reproduce

NAME = "ica_collaboration_risks"
VERSION_KEYS = {"python", "gametheory", "numpy", "scipy", "sympy", "nashpy", "matplotlib", "pandas"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> tuple[Path, Path]:
    """Two independent reproductions into fresh directories."""
    first = tmp_path_factory.mktemp("first")
    second = tmp_path_factory.mktemp("second")
    assert reproduce(first, progress=False) == 0
    assert reproduce(second, progress=False) == 0
    return first, second


def test_registry_lists_the_ica_figure():
    entries = registry()
    assert NAME in [e.name for e in entries]
    assert [e.name for e in entries] == sorted(e.name for e in entries)
    entry = get(NAME)
    assert "collaboration risks" in entry.caption
    result = entry()
    assert isinstance(result, FigureResult)
    assert isinstance(result.figure, Figure)
    assert tuple(result.figure.get_size_inches()) == pytest.approx((7.0, 2.6))
    assert len(result.figure.axes) == 3
    titles = [ax.get_title() for ax in result.figure.axes]
    assert titles == [
        "Coordination risk\nstag hunt (assurance)",
        "Division risk\nbattle of the sexes",
        "Defection risk\nprisoner's dilemma",
    ]
    # every text in the figure is at least 7.5 pt
    texts = [t for ax in result.figure.axes for t in ax.texts]
    assert texts and min(t.get_fontsize() for t in texts) >= 7.5


def test_no_overlapping_labels():
    result = get(NAME)()
    fig = result.figure
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        frame = ax.get_window_extent(renderer)
        for t in ax.texts:
            t.get_window_extent(renderer)  # positions the annotation
        # the text boxes alone (Annotation.get_window_extent also covers the leader line)
        boxes = [Text.get_window_extent(t, renderer) for t in ax.texts]
        for k, box in enumerate(boxes):
            assert frame.x0 <= box.x0 and box.x1 <= frame.x1, ax.texts[k].get_text()
            assert frame.y0 <= box.y0 and box.y1 <= frame.y1, ax.texts[k].get_text()
            for other in boxes[k + 1 :]:
                assert not box.overlaps(other), ax.texts[k].get_text()


def test_register_rejects_bad_names_and_duplicates():
    with pytest.raises(ValueError, match="lower-case"):
        register("Bad Name", caption="x")
    with pytest.raises(ValueError, match="caption"):
        register("fine_name", caption=" ")

    def impostor() -> FigureResult:  # pragma: no cover - never drawn
        raise AssertionError

    with pytest.raises(ValueError, match="already registered"):
        register(NAME, caption="another figure")(impostor)
    with pytest.raises(ValueError, match="unknown figure"):
        get("no_such_figure")


def test_two_runs_give_identical_bytes(runs):
    first, second = runs
    names = [entry.name for entry in registry()]
    assert NAME in names
    expected = sorted([*(f"{n}.csv" for n in names), *(f"{n}.png" for n in names), "manifest.json"])
    assert sorted(p.name for p in first.iterdir()) == expected
    for n in names:
        assert (first / f"{n}.csv").read_bytes() == (second / f"{n}.csv").read_bytes()
        assert (first / f"{n}.png").read_bytes() == (second / f"{n}.png").read_bytes()
    m1 = json.loads((first / "manifest.json").read_text())
    m2 = json.loads((second / "manifest.json").read_text())
    assert m1["figures"] == m2["figures"]
    record = m1["figures"][NAME]
    assert record["csv_sha256"] == sha256(first / f"{NAME}.csv")
    assert record["png_sha256"] == sha256(first / f"{NAME}.png")
    assert record["rows"] == 7
    assert set(m1["versions"]) == VERSION_KEYS
    assert m1["command"].startswith("gametheory reproduce")


def test_csv_format_is_fixed(runs):
    raw = (runs[0] / f"{NAME}.csv").read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    assert b"0.333333333333," in raw  # floats written with %.12g


def test_csv_bytes_do_not_depend_on_row_order():
    data = pd.DataFrame({"a": ["y", "x", "x"], "b": [2, 1, 0], "c": [0.5, 1 / 3, 2.0]})
    shuffled = data.iloc[[2, 0, 1]]
    assert csv_bytes(data) == csv_bytes(shuffled)
    assert csv_bytes(data).decode().splitlines() == [
        "a,b,c",
        "x,0,2",
        "x,1,0.333333333333",
        "y,2,0.5",
    ]
    with pytest.raises(TypeError):
        csv_bytes([1, 2])


def test_check_passes_on_fresh_output_and_writes_nothing(runs, capsys):
    first, _ = runs
    before = snapshot(first)
    assert reproduce(first, check=True, progress=False) == 0
    assert "check passed" in capsys.readouterr().out
    assert snapshot(first) == before


def test_check_fails_after_a_csv_is_modified(runs, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(runs[0], copy)
    csv = copy / f"{NAME}.csv"
    csv.write_text(csv.read_text().replace("1/3;2/3", "1/4;3/4", 1))
    before = snapshot(copy)
    assert reproduce(copy, check=True, progress=False, names=[NAME]) == 1
    out = capsys.readouterr().out
    assert NAME in out and "1/4;3/4" in out and "check failed" in out
    assert snapshot(copy) == before


@pytest.mark.parametrize("damage", ["missing csv", "missing manifest", "manifest hash", "stale"])
def test_check_fails_on_missing_or_inconsistent_files(runs, tmp_path, damage, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(runs[0], copy)
    manifest_path = copy / "manifest.json"
    if damage == "missing csv":
        (copy / f"{NAME}.csv").unlink()
    elif damage == "missing manifest":
        manifest_path.unlink()
    else:
        manifest = json.loads(manifest_path.read_text())
        if damage == "manifest hash":
            manifest["figures"][NAME]["csv_sha256"] = "0" * 64
        else:
            manifest["figures"]["removed_figure"] = manifest["figures"][NAME]
        manifest_path.write_text(json.dumps(manifest))
    # only the "stale" check needs every figure (it looks for unregistered manifest entries)
    names = None if damage == "stale" else [NAME]
    assert reproduce(copy, check=True, progress=False, names=names) == 1
    assert capsys.readouterr().out.strip()


def test_default_out_dir_and_named_subset(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert reproduce(progress=False, names=[NAME]) == 0
    out = tmp_path / "paper" / "figures"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["command"] == "gametheory reproduce"
    assert list(manifest["figures"]) == [NAME]
    assert reproduce(check=True, progress=False, names=[NAME]) == 0
    with pytest.raises(ValueError, match="unknown figure"):
        reproduce(progress=False, names=["no_such_figure"])


def test_ica_data_are_the_textbook_equilibria(runs):
    data = pd.read_csv(runs[0] / f"{NAME}.csv", dtype=str, keep_default_na=False)
    found = {
        (r.game, r.type, r.strategy_row, r.strategy_col, r.payoff_row, r.payoff_col)
        for r in data.itertuples()
    }
    risks = CollaborationRisks()
    q = Fraction(risks.tc, risks.B)  # stag hunt: Pr(C) = tc/B = 1/3
    own = Fraction(risks.a, risks.a + risks.b)  # BoS: Pr(own site) = a/(a+b) = 2/3
    value = Fraction(risks.a * risks.b, risks.a + risks.b)  # BoS mixed payoff ab/(a+b) = 2/3
    assert (q, own, value) == (Fraction(1, 3), Fraction(2, 3), Fraction(2, 3))
    expected = {
        ("coordination", "pure", "1;0", "1;0", "4", "4"),
        ("coordination", "pure", "0;1", "0;1", "0", "0"),
        ("coordination", "mixed", f"{q};{1 - q}", f"{q};{1 - q}", "0", "0"),
        ("division", "pure", "1;0", "1;0", "2", "1"),
        ("division", "pure", "0;1", "0;1", "1", "2"),
        ("division", "mixed", f"{own};{1 - own}", f"{1 - own};{own}", f"{value}", f"{value}"),
        ("defection", "pure", "0;1", "0;1", "1", "1"),  # (D, D), unique
    }
    assert found == expected
    assert len(data) == len(expected)
    floats = pd.read_csv(runs[0] / f"{NAME}.csv")
    mixed = floats[(floats.game == "coordination") & (floats.type == "mixed")]
    assert mixed.prob_row_first.item() == pytest.approx(1 / 3, abs=1e-12)


def test_committed_paper_figures_are_reproduced(capsys):
    """`gametheory reproduce --check` against the data committed in paper/figures."""
    committed = Path(__file__).resolve().parents[1] / "paper" / "figures"
    assert reproduce(committed, check=True, progress=False) == 0, capsys.readouterr().out


def test_reproduce_writes_and_checks_the_paper(tmp_path, capsys):
    from gametheory.paper import render_paper

    out = tmp_path / "paper" / "figures"
    assert reproduce(out, progress=False, names=[NAME], paper=True) == 0
    written = (tmp_path / "paper" / "paper.md").read_text(encoding="utf-8")
    assert written == render_paper()
    assert (tmp_path / "paper" / "paper.bib").is_file()
    assert reproduce(out, check=True, progress=False, names=[NAME], paper=True) == 0
    (tmp_path / "paper" / "paper.md").write_text(written.replace("Proposition", "Claim", 1))
    assert reproduce(out, check=True, progress=False, names=[NAME], paper=True) == 1
    assert "out of date" in capsys.readouterr().out
