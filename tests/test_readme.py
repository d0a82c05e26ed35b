"""The README is the front door: its tour must run and its commands must match CI."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_tour_runs_and_shows_what_it_claims():
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "README has no python tour"
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    gt = namespace["gt"]
    assert [e.pure_profile for e in gt.equilibria(namespace["pd"])] == [(1, 1)]
    assert len(gt.equilibria(namespace["hunt"])) == 3
    assert namespace["eqs"].degenerate is True and len(namespace["eqs"]) == 2
    (only,) = gt.equilibria(namespace["subsidised"].subs(s=3))
    assert only.pure_profile == (0, 0)
    assert str(namespace["cond"]) == "s - 2 >= 0"
    temptation = namespace["temptation"]
    T = namespace["T"]
    lever = gt.minimal_intervention(temptation, [0, 0], "liability", concept="dominant")
    assert lever.level == namespace["sympy"].Max(1, T - 3)
    assert gt.critical_discount_factor(temptation.subs(T=5), [0, 0]).overall == 1 / 2
    assert type(namespace["fig"]).__name__ == "Figure"
    structures = set(gt.summarize(namespace["grid"])["structure"].astype(str))
    assert {"(C,C)", "(D,D)"} <= structures
    points = {p.label: p.classification for p in namespace["system"].rest_points()}
    assert points["((1/3, 2/3), (1/3, 2/3))"] == "saddle" and points["(C, C)"] == "stable"
    ends = namespace["paths"].groupby("run")[["x", "y"]].last().to_numpy()
    np = namespace["np"]
    np.testing.assert_allclose(ends, [[0, 0], [1, 1]], atol=1e-4)
    (found,) = gt.evolution.ess(namespace["hawk_dove"])
    assert [str(v) for v in found.strategy] == ["2/3", "1/3"]


def test_ci_runs_the_readme_test_command_verbatim():
    commands = re.findall(r"```bash\n(.*?)\n```", README, flags=re.S)
    assert len(commands) == 2, "the quick start has exactly two commands"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1].strip() in ci
    assert "gametheory reproduce" in commands[0]
