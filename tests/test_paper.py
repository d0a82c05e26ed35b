"""The companion paper: each proposition is proved by a toolkit function, and the committed
``paper/paper.md`` is exactly what the code produces.

Expected values are the closed forms and oracles of MODELS.md (§1-§9, §11) and
docs/models_errata.md, typed here independently of ``gametheory.paper``.
"""

from __future__ import annotations

import importlib
import keyword
import re
from fractions import Fraction as F
from pathlib import Path
from typing import Any

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from gametheory import paper
from gametheory.figures import registry

ROOT = Path(__file__).resolve().parents[1]
PAPER_MD = ROOT / "paper" / "paper.md"
PAPER_BIB = ROOT / "paper" / "paper.bib"
REGENERATE = "run python -c 'from gametheory.paper import write_paper; write_paper()'"

#: The claims listed in issue 7, item 1, and the words that identify the propositions answering
#: each (matched against the proposition's title, case-insensitively).
ISSUE_7_CLAIMS = {
    "unfunded mandates": "unfunded mandates",
    "fiscal competition and protectionism": "protectionism",
    "the promotion tournament and the refusal of win-win cooperation": "promotion tournament",
    "multitask diversion": "multitask",
    "the ICA net-benefit condition": "net-benefit",
    "the three cooperation types": "three types",
    "the need for central intervention": "central intervention",
    "tax-revenue sharing": "tax-revenue sharing",
    "the common fund": "common fiscal fund",
    "lateral transfers": "lateral transfer",
    "network governance": "network governance",
}


# --------------------------------------------------------------------------------------------
# Helpers: compare results with expressions written here, by the names of their symbols
# --------------------------------------------------------------------------------------------


def _alias(name: str) -> str:
    """A parseable name for a symbol: ``delta^*`` -> ``deltastar``, ``lambda`` -> ``lambda_``."""
    alias = name.replace("^*", "star")
    return alias + "_" if keyword.iskeyword(alias) else alias


def _symbols(*exprs: Any) -> dict[str, sympy.Symbol]:
    out: dict[str, sympy.Symbol] = {}
    for e in exprs:
        for s in sympy.sympify(e).free_symbols:
            out[_alias(s.name)] = s
    return out


def same(expr: Any, expected: str, *others: Any) -> bool:
    """``expr`` equals the formula ``expected`` (its names bound to ``expr``'s symbols, see
    :func:`_alias`)."""
    names = _symbols(expr, *others)
    target = sympy.sympify(expected, locals=names)
    diff = sympy.simplify(sympy.sympify(expr) - target)
    if diff == 0:
        return True
    # Max(...) expressions: compare on random positive rational points
    rng = __import__("random").Random(7)
    for _ in range(20):
        point = {s: sympy.Rational(rng.randint(1, 40), rng.randint(1, 9)) for s in names.values()}
        if sympy.sympify(expr).subs(point) != target.subs(point):
            return False
    return True


def at(expr: Any, **values: Any) -> Any:
    """Substitute values for the symbols of ``expr`` by (aliased) name; others are ignored."""
    names = _symbols(expr)
    return sympy.sympify(expr).subs(
        {names[k]: sympy.nsimplify(v) for k, v in values.items() if k in names}
    )


def resolve(dotted: str) -> Any:
    """Import ``a.b.c.Name.attr`` (longest importable module prefix, then attributes)."""
    parts = dotted.split(".")
    for k in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:k]))
        except ModuleNotFoundError:
            continue
        for attr in parts[k:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(dotted)


@pytest.fixture(scope="module")
def rendered() -> str:
    return paper.render_paper()


def results(pid: str) -> dict[str, Any]:
    return paper.proposition(pid).compute()


# --------------------------------------------------------------------------------------------
# (a) each proposition: its function imports and is callable, its results are the known values
# --------------------------------------------------------------------------------------------


def check_p1(r: dict) -> None:  # MODELS.md §9.1, oracles F-a, F-b
    assert same(r["m_C"], "b - f*c")
    assert same(r["m_E"], "b - c")
    assert same(r["over_mandating"], "(1 - f)*c")
    assert same(r["deadweight_loss"], "((1 - f)*c)**2/2")
    assert same(r["bottom_share"], "(1 - f_1)*(1 - f_2)*(1 - f_3)")
    assert same(r["minimal_funding_share"], "Max(0, 1 - pi*F/c)")
    assert r["oracle_m_C"] == F(19, 2) and r["oracle_solver_mandate"] == F(19, 2)
    assert r["oracle_m_E"] == 8 and r["oracle_burden"] == F(57, 4)
    assert r["oracle_deadweight_loss"] == F(9, 8) and r["oracle_local_spending"] == F(23, 4)
    assert r["oracle_full_funding_dwl"] == 0
    assert r["oracle_bottom_share"] == F(1, 2) * F(3, 5) * F(2, 3) == F(1, 5)


def check_p2(r: dict) -> None:  # §2.1, §2.3, oracles S-a, S-c
    ranks = r["payoff_ranks"]
    for key, formula in {"R": "m", "T": "m + r - e", "P": "r - e", "S": "0"}.items():
        assert same(ranks[key], formula, r["fine"])
    cond = r["is_prisoners_dilemma"]
    assert bool(at(cond, m=4, r=3, e=1)) and not bool(at(cond, m=1, r=3, e=1))
    assert same(r["fine"], "Max(0, r - e)")
    assert same(r["critical_discount"], "(r - e)/m")
    assert same(r["k_cost"], "2*Max(0, r - e)")
    assert r["oracle_equilibrium"] == ("Protect", "Protect")
    assert r["oracle_fine"] == 2 and r["oracle_fine_cost"] == 0
    assert r["oracle_k_cost"] == 4 and r["oracle_delta"] == F(1, 2)
    assert r["retaliation_equilibria"] == ((0,) * 5, (1,) * 5)
    assert r["retaliation_tipping_point"] == 2 and r["retaliation_k_cost"] == 0
    assert r["retaliation_fine"] == 1


def check_p3(r: dict) -> None:  # §2.2, oracle S-b; errata §2.2
    assert same(r["transfer_lower"], "T_U - R_U")
    assert same(r["transfer_upper"], "R_D - S_D")
    assert same(r["nash_transfer"], "(T_U - R_U + R_D - S_D)/2")
    assert r["oracle_equilibrium"] == ("Integrate", "Protect")
    assert r["oracle_payoffs"] == (7, 5) and r["oracle_range"] == (2, 3)
    assert r["oracle_nash_transfer"] == F(5, 2)
    assert r["oracle_nash_payoffs"] == (F(15, 2), F(11, 2))
    assert r["oracle_only_at_integration"] == (2, 2)


def check_p4(r: dict) -> None:  # §1.2-1.3, oracles T1-a, T1-e, T1-f
    assert same(r["effort"], "(1 - beta)*V/(2*h*c)")
    assert at(r["effort"], V=10, h=5, c=1, beta=0) == 1  # T1-a
    assert at(r["effort"], V=10, h=5, c=1, beta=F(1, 2)) == F(1, 2)
    assert same(r["optimal_prize"], "2*h*v*(1 + beta)/(1 - beta)")
    assert at(r["optimal_prize"], h=5, v=1, beta=F(1, 2)) == 30  # T1-f
    kinds = {k: (kind, dp, taken) for k, (kind, _, dp, taken) in r["actions"].items()}
    assert kinds[(1, 2)] == ("win-win", F(-1, 10), False)
    assert kinds[(2, 1)] == ("win-win", F(1, 10), True)
    assert kinds[(1, -2)] == ("win-lose", F(3, 10), True)
    assert kinds[(-1, -3)] == ("lose-lose", F(1, 5), True)
    officials, regions = r["officials_cooperate_dominant"], r["regions_cooperate_dominant"]
    t1e = {"b": 2, "s_C": 1, "a": -1, "d": 3}
    assert bool(at(officials, **t1e)) is False and bool(at(regions, **t1e)) is True
    assert bool(at(officials, b=4, s_C=F(1, 2), a=1, d=F(1, 2)))  # b - a > b s_C + d
    assert r["officials_equilibrium"] == ("D", "D") and r["officials_payoffs"] == (5, 5)
    assert r["regions_equilibrium"] == ("C", "C") and r["regions_payoffs"] == (4, 4)


def check_p5(r: dict) -> None:  # §1.3 and the errata: rank rule vs absolute rule
    assert r["rank_depends_on_lam"] is False and r["rank_depends_on_mu"] is False
    assert r["rank_games_identical"] is True
    assert r["rank_condition"] in (False, sympy.false)
    assert same(r["absolute_lam_threshold"], "(b - a)/(b*s_C + d)")
    assert r["oracle_lam_threshold"] == F(3, 5) and r["oracle_mu_threshold"] == F(1, 4)


def check_p6(r: dict) -> None:  # §8.2, oracles M-a, M-b, M-c (errata)
    assert same(r["t1"], "V*(w - k*lambda_*(1 - w))/(1 - k**2)")
    assert same(r["t2"], "V*(lambda_*(1 - w) - k*w)/(1 - k**2)")
    assert same(r["dt1_dw"], "V*(1 + k*lambda_)/(1 - k**2)")
    assert same(r["dt2_dw"], "-V*(lambda_ + k)/(1 - k**2)")
    assert same(r["abandonment"], "lambda_/(lambda_ + k)")
    assert r["oracle_abandonment"] == F(2, 3)
    assert r["oracle_efforts_half"] == (F(10, 3), F(10, 3))
    assert r["oracle_efforts_three_quarters"] == (F(15, 2), 0)
    assert r["oracle_optimal_weight"] == F(2, 5)
    assert r["oracle_first_best"] == (F(4, 3), F(16, 3))
    assert r["oracle_half_interior_weight"] == F(8, 35) and r["oracle_half_optimal_weight"] == 0
    (e1, e2) = r["rank_efforts"].values()
    assert e1 != e2  # a weight between tasks moves effort under rank promotion


def check_p7(r: dict) -> None:  # §3.1, §3.4, oracle I-a
    nb = "(1 - rho_c)*(1 - rho_d)*(1 - rho_f)*B - TC_i - TC_n - TC_e - TC_a - A"
    assert same(r["net_benefit"], nb)
    assert r["oracle_net_benefits"]["contract"] == F(2049, 400)
    assert r["oracle_net_benefits"]["embedded"] == F(101, 25)
    assert r["oracle_chosen"] == "contract"
    breaks = [lo for lo, _, _ in r["oracle_choice_by_benefit"]][1:]
    assert breaks == [F(125, 63), F(8000, 1233), F(12000, 551)]
    assert r["pd_cooperation_gain"] == 2 and r["pd_equilibrium"] == ("Defect", "Defect")


def check_p8(r: dict) -> None:  # §4, oracles K-a, K-b, K-d
    assert same(r["sharing_mixed"], "t_c/B_s")
    assert same(r["sharing_guarantee"], "t_c")
    assert same(r["pl_lower"], "c_B - g_B") and same(r["pl_upper"], "g_A - c_A")
    assert same(r["pl_nash"], "(g_A - g_B - c_A + c_B)/2")
    assert same(r["cb_critical_weight"], "g_B/g_A")
    assert r["ka_mixed"] == F(1, 3) and r["ka_k_cost"] == 0
    assert r["kb_range"] == (5, 9) and r["kb_nash"] == 7
    assert r["kd_critical_weight"] == F(1, 3)
    assert r["kd_ranges"] == {1: (3, 3), F(1, 2): (1, 5)}
    assert r["kd_joint_weights"] == {1: F(1, 2), F(1, 2): F(1, 8)}
    assert r["classified"] == ("sharing", "profit_and_loss", "comparative_benefit")


def check_p9(r: dict) -> None:  # §6.1-6.2, oracle 8 of §11
    assert same(r["subsidy"], "Max(0, T - R)") and same(r["penalty"], "Max(0, T - R)")
    assert same(r["subsidy_cost"], "2*Max(0, T - R)") and r["penalty_cost"] == 0
    assert same(r["liability_dominant"], "Max(0, P - S, T - R)") and r["liability_cost"] == 0
    assert same(r["k_cost"], "2*Max(0, T - R)")
    assert r["transfer_feasible"] in (False, sympy.false)
    assert r["numeric_transfer_feasible"] is False
    assert r["numeric_subsidy"] == 2 and r["numeric_k_cost"] == 4 and r["stag_k_cost"] == 0


def check_p10(r: dict) -> None:  # §4.2, oracle K-c
    assert same(r["lower"], "L_B/R") and same(r["upper"], "1 - C_A/R")
    assert same(r["nash_share"], "(R + L_B - C_A)/(2*R)")
    assert r["oracle_range"] == (F(3, 10), F(4, 5)) and r["oracle_nash_share"] == F(11, 20)


def check_p11(r: dict) -> None:  # §9.2, §6.6, oracles F-c, C-a, C-b
    m = r["matching"]
    assert same(m["none"], "Max(0, 1/alpha - 1)")
    assert same(m["all_or_nothing"], "Max(0, 1/(N*alpha) - 1)")
    assert same(m["conditional_matching"], "Max(0, (1 - alpha)/(N*alpha))")
    assert r["oracle_matching"] == {
        "none": F(3, 2),
        "all_or_nothing": 0,
        "conditional_matching": F(3, 8),
    }
    assert r["oracle_no_match_equilibrium"] == ("Keep",) * 4
    w = sympy.Symbol("w", positive=True)
    assert (r["oracle_fund"], r["oracle_cities_gain"]) == (10 * w, 12 * w)
    assert (r["oracle_central_cost"], r["oracle_social_gain"]) == (6 * w, 6 * w)
    assert same(r["symmetric_cost_of_stability"], "Max(0, 3*v_2/2 - v_3)")
    assert r["ca_core_empty"] is True and r["ca_cost_of_stability"] == 3
    assert r["ca_stable_allocation"] == (4, 4, 4)
    assert r["ca_shapley"] == (3, 3, 3) == r["ca_nucleolus"] and r["ca_least_core"] == 2
    assert r["cb_cost_of_stability"] == 0
    assert r["cb_shapley"] == (F(17, 3), F(13, 6), F(13, 6)) and r["cb_nucleolus"] == (6, 2, 2)


def check_p12(r: dict) -> None:  # §4.2, §7.2, oracles K-b, R-b
    assert same(r["lower"], "c_B - g_B") and same(r["upper"], "g_A - c_A")
    assert same(r["nash_transfer"], "(g_A - g_B - c_A + c_B)/2")
    assert r["oracle_range"] == (5, 9) and r["oracle_nash_transfer"] == 7
    assert r["oracle_nash_payoffs"] == (2, 2)
    # a_i = T_i - R_i = g_i, b_i = T_i - P_i = g_i + ell_i (MODELS.md §7.2)
    assert same(
        r["equalizing_transfer"],
        "(g_2*(g_1 + ell_1) - g_1*(g_2 + ell_2))/(g_1 + ell_1 + g_2 + ell_2)",
    )
    assert same(r["equalized_threshold"], "(g_1 + g_2)/(g_1 + ell_1 + g_2 + ell_2)")
    assert r["rb_thresholds"] == (F(2, 5), F(3, 4))
    assert r["rb_transfer"] == F(7, 9) and r["rb_threshold"] == F(5, 9)


def check_p13(r: dict) -> None:  # §7.1, §7.4-7.5, §7.3, oracle R-a
    assert same(r["critical_discount"], "g/(g + ell)")
    assert same(r["critical_discount_TRP"], "(T - R)/(T - P)")
    assert same(r["minimal_stay"], "deltastar/rho")
    assert same(r["minimal_tenure"], "1/(1 - deltastar/rho)")
    assert r["oracle_tenures"] == {5: (F(1, 2), F(19, 9)), 10: (F(7, 9), F(171, 31))}
    # last-year constraint of §7.5 with T, R, P = 5, 3, 1 and rho = 9/10, solved here for p
    p, rho = sympy.Symbol("p"), sympy.Rational(9, 10)
    lhs = rho * p * 2 * (1 - rho**5) / ((1 - rho) * (1 - rho**5 * p))
    (p_min,) = sympy.solve(sympy.Eq(lhs, 2), p)
    assert r["minimal_reappointment"] == p_min
    assert r["term_binding_year"] == 5 and r["term_cooperation"] is True
    assert r["finite_horizon_cooperative_periods"] == 0


def check_p14(r: dict) -> None:  # §3.2, §6.1-6.2
    cc = r["cc_equilibrium"]
    assert bool(at(cc, B=6, t_c=2)) and not bool(at(cc, B=1, t_c=2))
    assert r["nn_equilibrium"] in (True, sympy.true)
    assert same(r["mixed_cooperate"], "t_c/B")
    assert same(r["k_cost"], "2*Max(0, t_c - B)")
    assert same(r["monitored_fine"], "Max(0, (T - R)/pi)") and r["monitored_cost"] == 0


def check_p15(r: dict) -> None:  # §5.3-5.4 and errata, oracles X-a, X-b
    th = r["thresholds"]
    assert same(th["IC_U static"], "2*X") and same(th["IR_U"], "G + X")
    assert same(th["IC_U G conditional"], "G + 2*X")
    assert same(th["renewal"], "2*X + delta*(G - X)")
    assert same(r["minimal_swap"], "c_U/2")
    o = r["oracle_thresholds"]
    assert (o["IC_U static"], o["IR_U"], o["IC_U G conditional"], o["renewal"]) == (
        2,
        4,
        5,
        F(19, 5),
    )
    action, payoffs = r["oracle_outcome"]
    assert action == "Protect" and payoffs == {"Anhui": F(5, 2), "Zhejiang": 5, "Centre": -3}
    cost = r["huangshan_annual_cost"]
    assert cost == F(603, 5) / 7 == F(603, 35)
    needed = sorted(n for _, n in r["explanations"].values())
    assert cost - 2 in needed and cost - F(19, 5) in needed  # 533/35 and 94/7
    assert all(up is None or up < cost for up, _ in r["explanations"].values())
    assert r["oracle_minimal_swap"] == F(3, 4) and r["oracle_minimal_top_up"] == F(1, 2)
    assert r["oracle_coasean_swap"] == (F(3, 2), 6)


def check_p16(r: dict) -> None:  # the tripartite regulation game (derived by hand)
    assert same(r["fine_stable"], "(C_l + S_e - R_l)/pi")
    assert same(r["fine_unique"], "Max((C_l + S_e - R_l)/pi, (C_l + G_l - F_e - R_l)/pi)")
    cond = r["cooperation_stable"]
    base = dict(C_c=4, U_c=6, F_l=2, pi=1, R_l=1, K=5, C_l=3, G_l=4, S_e=1, F_e=2, C_e=2)
    assert not bool(at(cond, **base))  # 1 + 2 < 1 + 3: enforcement does not pay
    assert bool(at(cond, **{**base, "F_l": F(7, 2)}))
    assert not bool(at(cond, **{**base, "U_c": 5}))  # U_c = C_c + R_l: supervision stops
    assert r["oracle_status_quo"] == ("(strict, lax, polluting)",)
    assert r["oracle_fine_stable"] == 3 and r["oracle_fine_unique"] == 4
    assert r["oracle_half_detection"] == (6, 8) and r["oracle_no_growth"] == (3, 3)
    assert set(r["oracle_bistable"]) == {"(strict, enforce, green)", "(strict, lax, polluting)"}


def check_p17(r: dict) -> None:  # the centre and two cities (derived by hand)
    cond = r["self_sustaining"]
    base = dict(C=4, U=1, R=1, F=1, g_A=-1, e_A=3, g_B=-2, e_B=3)
    assert bool(at(cond, **base)) and not bool(at(cond, **{**base, "e_B": 2}))
    assert not bool(at(cond, **{**base, "U": 7}))
    defect = r["defection"]
    assert bool(at(defect, **base)) and not bool(at(defect, **{**base, "F": 2}))
    stable = r["oracle_stable"]
    assert stable["credible fine (F = 3)"] == ("(not intervene, cooperate, cooperate)",)
    assert stable["weak spillover (e = 1, F = 3)"] == ()
    assert len(stable["status quo (F = 1)"]) == 2
    assert r["oracle_fine"] == F(3, 2) and r["oracle_fine_attained"]


CHECKS = {f"P{k}": globals()[f"check_p{k}"] for k in range(1, 18)}


def test_every_proposition_has_a_check() -> None:
    assert sorted(CHECKS) == sorted(p.id for p in paper.PROPOSITIONS)


@pytest.mark.parametrize("pid", list(CHECKS))
def test_proposition_is_proved_by_its_function(pid: str) -> None:
    prop = paper.proposition(pid)
    function = resolve(prop.function)
    assert callable(function), f"{prop.function} is not callable"
    assert prop.verdict in paper.VERDICTS and prop.assessment and prop.statement
    r = prop.compute()
    CHECKS[pid](r)
    r.clear()  # compute() hands out a copy
    assert prop.compute(), "compute() must return a fresh dict each time"


def test_proposition_ids_are_sequential_and_unique() -> None:
    ids = [p.id for p in paper.PROPOSITIONS]
    assert ids == [f"P{k}" for k in range(1, len(ids) + 1)]
    with pytest.raises(ValueError, match="unknown proposition"):
        paper.proposition("P0")


# --------------------------------------------------------------------------------------------
# (b) figures
# --------------------------------------------------------------------------------------------


def test_figures_are_registered() -> None:
    names = {entry.name for entry in registry()}
    for prop in paper.PROPOSITIONS:
        for name in prop.figures():
            assert name in names, f"{prop.id}: figure {name!r} is not registered"


def test_every_registered_figure_is_in_the_paper(rendered: str) -> None:
    missing = [e.name for e in registry() if f"](figures/{e.name}.png)" not in rendered]
    assert not missing, (
        f"registered figures not shown in the paper: {missing}; add them to a proposition's "
        f"figure/also in gametheory/paper.py and {REGENERATE}"
    )


# --------------------------------------------------------------------------------------------
# (c) the committed paper is what the code produces
# --------------------------------------------------------------------------------------------


def test_committed_paper_matches_the_code(rendered: str) -> None:
    assert PAPER_MD.exists(), f"paper/paper.md is missing: {REGENERATE}"
    committed = PAPER_MD.read_bytes().decode("utf-8")
    assert committed == rendered, f"paper/paper.md differs from render_paper(): {REGENERATE}"


def test_committed_bibliography_matches_the_code() -> None:
    assert PAPER_BIB.read_bytes().decode("utf-8") == paper.render_bibliography(), (
        f"paper/paper.bib differs from render_bibliography(): {REGENERATE}"
    )


def test_render_is_deterministic_and_plain(rendered: str) -> None:
    assert paper.render_paper() == rendered
    assert "\r" not in rendered and rendered.endswith("\n")
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", rendered), "no dates in the paper"


def test_formulas_are_printed_from_compute(rendered: str) -> None:
    r9, r13 = paper.proposition("P9").compute(), paper.proposition("P13").compute()
    assert f"${paper.latex(r9['subsidy'])}$" in rendered
    assert paper.latex(r13["critical_discount_TRP"]) in rendered
    assert paper.latex(r9["subsidy"]) == r"\max\left(0, T - R\right)"
    assert paper.latex((F(1, 2), 3)) == r"\left(\frac{1}{2}, 3\right)"


def test_write_paper(tmp_path: Path) -> None:
    path = paper.write_paper(tmp_path / "p" / "paper.md", tmp_path / "p" / "paper.bib")
    assert path.read_bytes() == paper.render_paper().encode("utf-8")
    assert (tmp_path / "p" / "paper.bib").read_text("utf-8") == paper.render_bibliography()


# --------------------------------------------------------------------------------------------
# (d) citations
# --------------------------------------------------------------------------------------------


def test_every_citation_is_in_the_bibliography(rendered: str) -> None:
    bib = PAPER_BIB.read_text("utf-8")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bib, flags=re.M))
    cited = set(re.findall(r"@([A-Za-z]\w*)", rendered))
    assert cited, "the paper cites nothing"
    assert cited <= keys, f"cited but not in paper.bib: {sorted(cited - keys)}"
    assert {r.key for r in paper.REFERENCES} == keys
    for key in cited:
        assert f"- [{key}] " in rendered, f"{key} is missing from the reference list"


def test_bibliography_entries_are_well_formed() -> None:
    for ref in paper.REFERENCES:
        fields = dict(ref.fields)
        assert "title" in fields, ref.key
        if ref.kind == "article":
            assert {"author", "journal", "year"} <= set(fields), ref.key
        text = paper.render_bibliography()
        assert text.count("{") == text.count("}")


# --------------------------------------------------------------------------------------------
# (e) the paper covers every claim of issue 7
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("claim", list(ISSUE_7_CLAIMS))
def test_issue_7_claim_is_covered(claim: str, rendered: str) -> None:
    ids = paper.ISSUE_TOPICS.get(claim.lower()) or paper.ISSUE_TOPICS.get(claim)
    assert ids, f"no proposition answers the issue-7 claim {claim!r}"
    titles = " / ".join(paper.proposition(i).title.lower() for i in ids)
    assert ISSUE_7_CLAIMS[claim] in titles, (claim, titles)
    for pid in ids:
        prop = paper.proposition(pid)
        assert f"## {int(pid[1:]) + 1}. {pid}: {prop.title}" in rendered
        assert f"**Verdict: {prop.verdict}.**" in rendered


# --------------------------------------------------------------------------------------------
# The parametric results specialise to the solvers' answers on numeric games
# --------------------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    st.integers(0, 6),
    st.integers(1, 6),
    st.integers(1, 6),
    st.integers(1, 6),
)
def test_parametric_pd_results_match_numeric_solvers(s: int, h: int, loss: int, gain: int) -> None:
    from gametheory import Game
    from gametheory.interventions import k_implementation_cost, minimal_intervention
    from gametheory.repeated import critical_discount_factor

    S, P = s, s + h
    R, T = P + loss, P + loss + gain
    game = Game([[R, S], [T, P]], [[R, T], [S, P]], actions=[["C", "D"]] * 2)
    r9, r13 = paper.proposition("P9").compute(), paper.proposition("P13").compute()
    values = {"T": T, "R": R, "P": P, "S": S}
    cc = ("C", "C")
    assert at(r9["subsidy"], **values) == minimal_intervention(game, cc, "subsidy").level
    assert at(r9["liability_dominant"], **values) == (
        minimal_intervention(game, cc, "liability", concept="dominant").level
    )
    assert at(r9["k_cost"], **values) == k_implementation_cost(game, cc).cost
    assert at(r13["critical_discount_TRP"], **values) == (
        critical_discount_factor(game, cc).overall
    )
