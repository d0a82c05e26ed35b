"""Tests of the ``gametheory`` command (gametheory.cli)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import types

import pytest

import gametheory
from gametheory.cli import main

PD_NFG = """NFG 1 R "Prisoner's dilemma" { "Row" "Column" }
{ { "C" "D" } { "C" "D" } }

3 3 5 0 0 5 1 1
"""

PENNIES_NFG = """NFG 1 R "Matching pennies" { "1" "2" }

{ { "H" "T" }
{ "H" "T" }
}
""

{
{ "" 1, -1 }
{ "" -1, 1 }
}
1 2 2 1
"""

# Coordination with a tie: row's D never helps, column is indifferent after U (degenerate).
DEGENERATE_NFG = 'NFG 1 R "tie" { "A" "B" } { { "U" "D" } { "L" "R" } }\n1 1 0 0 1 1 0 0\n'

THREE_NFG = (
    'NFG 1 R "unanimity" { "P1" "P2" "P3" } { 2 2 2 }\n'
    "1 1 1  0 0 0  0 0 0  0 0 0  0 0 0  0 0 0  0 0 0  1 1 1\n"
)


@pytest.fixture
def write(tmp_path):
    def _write(text: str, name: str = "game.nfg") -> str:
        path = tmp_path / name
        path.write_text(text)
        return str(path)

    return _write


def test_solve_json_prisoners_dilemma(write, capsys):
    assert main(["solve", write(PD_NFG), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == {
        "equilibria": [
            {"strategies": [["0", "1"], ["0", "1"]], "payoffs": ["1", "1"], "pure": True}
        ],
        "degenerate": False,
    }


def test_solve_json_matching_pennies_outcome_version(write, capsys):
    assert main(["solve", write(PENNIES_NFG), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "equilibria": [
            {
                "strategies": [["1/2", "1/2"], ["1/2", "1/2"]],
                "payoffs": ["0", "0"],
                "pure": False,
            }
        ],
        "degenerate": False,
    }


def test_solve_table(write, capsys):
    assert main(["solve", write(PD_NFG)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Prisoner's dilemma (2 players, 2 x 2, exact payoffs)"
    assert "degenerate: no" in lines[1] and "exact arithmetic: yes" in lines[1]
    assert lines[2] == "1 equilibrium"
    assert lines[4].split() == ["#", "Row", "Column", "payoffs", "type"]
    assert lines[5].split() == ["1", "D", "D", "1,", "1", "pure,", "strict"]


def test_solve_table_mixed_and_degenerate(write, capsys):
    assert main(["solve", write(PENNIES_NFG)]) == 0
    out = capsys.readouterr().out
    assert "1/2 H + 1/2 T" in out
    assert "mixed" in out
    assert main(["solve", write(DEGENERATE_NFG)]) == 0
    out = capsys.readouterr().out
    assert "degenerate: yes" in out
    assert "2 equilibria" in out


def test_solve_three_players_pure(write, capsys):
    path = write(THREE_NFG)
    assert main(["solve", path, "--method", "pure", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["degenerate"] is None
    assert [e["strategies"] for e in data["equilibria"]] == [
        [["1", "0"], ["1", "0"], ["1", "0"]],
        [["0", "1"], ["0", "1"], ["0", "1"]],
    ]
    assert main(["solve", path, "--method", "pure"]) == 0
    assert "degenerate: not determined" in capsys.readouterr().out


def test_solve_other_method_floats(write, capsys):
    assert (
        main(
            [
                "solve",
                write(PENNIES_NFG),
                "--method",
                "nashpy.support_enumeration",
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["equilibria"][0]["strategies"] == [[0.5, 0.5], [0.5, 0.5]]


def test_solve_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PD_NFG))
    assert main(["solve", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["equilibria"][0]["pure"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["solve", "{dir}/missing.nfg"], "no such .nfg file"),
        (["solve", "{bad}"], "line 2, column 3: payoff 2 must be a number"),
        (["solve", "{pd}", "--method", "bogus"], "unknown method 'bogus'"),
        (["solve", "{three}", "--method", "vertex_enumeration"], "two-player game"),
        (["solve", "{dir}"], "not a file"),
    ],
)
def test_solve_errors_exit_2_without_traceback(tmp_path, write, capsys, args, message):
    paths = {
        "dir": str(tmp_path),
        "bad": write(f"{PD_NFG.splitlines()[0]} {{ 2 2 }}\n3 x 5 0 0 5 1 1\n", "bad.nfg"),
        "pd": write(PD_NFG, "pd.nfg"),
        "three": write(THREE_NFG, "three.nfg"),
    }
    assert main([a.format(**paths) for a in args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("gametheory: error: ")
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_usage_errors_and_version(capsys):
    assert main([]) == 2
    assert "usage: gametheory" in capsys.readouterr().err
    assert main(["solve", "x.nfg", "--format", "xml"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"gametheory {gametheory.__version__}"
    assert main(["solve", "--help"]) == 0
    assert "--method" in capsys.readouterr().out


def test_reproduce_passes_arguments(monkeypatch, tmp_path):
    calls = []

    def fake_reproduce(out_dir=None, check=False, progress=True):
        calls.append((out_dir, check, progress))
        return 3 if check else 0

    fake = types.ModuleType("gametheory.reproduce")
    fake.reproduce = fake_reproduce
    monkeypatch.setitem(sys.modules, "gametheory.reproduce", fake)
    assert main(["reproduce"]) == 0
    assert main(["reproduce", "--out", str(tmp_path), "--check", "--quiet"]) == 3
    assert calls == [(None, False, True), (tmp_path, True, False)]


def test_python_dash_m_solve(write):
    path = write(PENNIES_NFG)
    result = subprocess.run(
        [sys.executable, "-m", "gametheory", "solve", path, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["equilibria"][0]["strategies"] == [["1/2", "1/2"], ["1/2", "1/2"]]
    result = subprocess.run(
        [sys.executable, "-m", "gametheory", "solve", path + ".missing"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no such .nfg file" in result.stderr
