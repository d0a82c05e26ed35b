"""The companion paper: every claim of the source essay as a proposition computed by the toolkit.

Each :class:`Proposition` pairs a claim of the essay (administrative subcontracting, fiscal
competition, the promotion tournament, institutional collective action, the three cooperation
types, central intervention, tax-revenue sharing, the common fund, lateral transfers, official
tenure, network governance, the Xin'an River case) with

* the model that examines it (a class of :mod:`gametheory.models` or a solver, and its section of
  MODELS.md),
* :meth:`Proposition.compute`: the exact results, obtained by calling the toolkit (sympy
  expressions for parametric models, fractions for the worked examples),
* the dotted name of the toolkit function that proves it, the registered figure that shows it,
* a verdict (``"supported"``, ``"qualified"``, ``"contradicted"`` or ``"open"``) and an
  assessment of what the essay gets right, wrong or leaves open.

:func:`render_paper` turns them into the Markdown of ``paper/paper.md``: every formula in the
results is printed from the computed sympy objects with :func:`sympy.latex`, never retyped, so
the paper cannot drift from the code (``tests/test_paper.py`` compares the committed file with
:func:`render_paper` byte for byte). :func:`render_bibliography` gives ``paper/paper.bib``.

Regenerate both with::

    python -c "from gametheory.paper import write_paper; write_paper()"
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import sympy
from sympy.printing.latex import LatexPrinter

__all__ = [
    "ISSUE_TOPICS",
    "PROPOSITIONS",
    "REFERENCES",
    "VERDICTS",
    "Proposition",
    "Reference",
    "latex",
    "proposition",
    "render_bibliography",
    "render_paper",
    "write_bibliography",
    "write_paper",
]

#: The verdicts a proposition can carry.
VERDICTS = ("supported", "qualified", "contradicted", "open")

#: Default output paths, relative to the repository root (the working directory).
PAPER_PATH = Path("paper") / "paper.md"
BIB_PATH = Path("paper") / "paper.bib"

REGENERATE = "python -c 'from gametheory.paper import write_paper; write_paper()'"


# --------------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------------


def _sym(value: Any) -> Any:
    """Numbers as sympy objects (Fractions become Rationals); tuples element-wise."""
    if isinstance(value, tuple):
        return tuple(_sym(v) for v in value)
    if isinstance(value, bool):
        return sympy.true if value else sympy.false
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    return sympy.sympify(value)


def latex(value: Any) -> str:
    """LaTeX of a computed value: sympy expression, relation, number, Fraction or tuple.

    Printed by sympy's LaTeX printer (terms in their stored order, positive terms first); a tuple
    becomes ``\\left(a, b\\right)``; Python and sympy booleans become ``\\text{true}`` /
    ``\\text{false}``.
    """
    if isinstance(value, tuple):
        return r"\left(" + ", ".join(latex(v) for v in value) + r"\right)"
    if isinstance(value, bool) or value in (sympy.true, sympy.false):
        return r"\text{true}" if bool(value) else r"\text{false}"
    return _LatexPrinter({"order": "none"}).doprint(_sym(value))


class _LatexPrinter(LatexPrinter):
    """sympy's LaTeX printer, sums written with their positive terms first (``f - 1``)."""

    def _as_ordered_terms(self, expr: Any, order: Any = None) -> list[Any]:
        terms = super()._as_ordered_terms(expr, order=order)
        return sorted(terms, key=lambda term: bool(term.could_extract_minus_sign()))


def _m(value: Any) -> str:
    """Inline math: ``$...$`` around :func:`latex`."""
    return f"${latex(value)}$"


def _interval(lower: Any, upper: Any) -> str:
    return rf"$\left[{latex(lower)}, {latex(upper)}\right]$"


def _in(name: str, lower: Any, upper: Any) -> str:
    r"""``$name \in [lower, upper]$``, or ``$name = lower$`` when the interval is a point."""
    if _sym(lower) == _sym(upper):
        return f"${name} = {latex(lower)}$"
    return rf"${name} \in \left[{latex(lower)}, {latex(upper)}\right]$"


def _eq(lhs: str, value: Any) -> str:
    """``$lhs = value$`` with ``lhs`` a LaTeX name (a label, not a formula)."""
    return f"${lhs} = {latex(value)}$"


_D_T1 = r"\partial t_1/\partial w"
_D_T2 = r"\partial t_2/\partial w"
_PR_C = r"\Pr(C)"
_MU_STAR = r"\mu^*"
_DELTA_EQ = r"\delta_{eq}"


def _escape(text: str) -> str:
    """Escape Markdown's inline specials in plain text (figure captions, table cells)."""
    for ch in ("\\", "`", "*", "_", "[", "]", "|", "$"):
        text = text.replace(ch, "\\" + ch)
    return text


# --------------------------------------------------------------------------------------------
# References
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """A bibliography entry: BibTeX type and fields, and the line printed in the paper."""

    key: str
    kind: str
    fields: tuple[tuple[str, str], ...]
    text: str


def _ref(key: str, kind: str, text: str, **fields: str) -> Reference:
    return Reference(key, kind, tuple(fields.items()), text)


#: Every work the paper cites (only entries located in MODELS.md §0 or standard references).
REFERENCES: tuple[Reference, ...] = (
    _ref(
        "essay",
        "misc",
        "Source essay (untitled; title from its section 3). Construction of a New Central-Local "
        "Relationship: the Assumption of a New Regional Government \u201cUrban Agglomeration\u201d "
        "Model. Text in `shared/seed/000_a7192ed51705fcce.txt`.",
        title="Construction of a New Central-Local Relationship: the Assumption of a New "
        "Regional Government ``Urban Agglomeration'' Model",
        note="The source essay examined by this paper (untitled; title taken from its "
        "section 3). Text: shared/seed/000\\_a7192ed51705fcce.txt",
    ),
    _ref(
        "abreu1988",
        "article",
        "Abreu, D. (1988). On the theory of infinitely repeated games with discounting. "
        "*Econometrica* 56(2): 383-396.",
        author="Abreu, Dilip",
        title="On the Theory of Infinitely Repeated Games with Discounting",
        journal="Econometrica",
        year="1988",
        volume="56",
        number="2",
        pages="383--396",
    ),
    _ref(
        "friedman1991",
        "article",
        "Friedman, D. (1991). Evolutionary games in economics. *Econometrica* 59(3): 637-666.",
        author="Friedman, Daniel",
        title="Evolutionary Games in Economics",
        journal="Econometrica",
        year="1991",
        volume="59",
        number="3",
        pages="637--666",
    ),
    _ref(
        "ritzberger1995",
        "article",
        "Ritzberger, K. & Weibull, J. W. (1995). Evolutionary selection in normal-form games. "
        "*Econometrica* 63(6): 1371-1399.",
        author='Ritzberger, Klaus and Weibull, J{\\"o}rgen W.',
        title="Evolutionary Selection in Normal-Form Games",
        journal="Econometrica",
        year="1995",
        volume="63",
        number="6",
        pages="1371--1399",
    ),
    _ref(
        "taylor1978",
        "article",
        "Taylor, P. D. & Jonker, L. B. (1978). Evolutionarily stable strategies and game "
        "dynamics. *Mathematical Biosciences* 40(1-2): 145-156.",
        author="Taylor, Peter D. and Jonker, Leo B.",
        title="Evolutionarily Stable Strategies and Game Dynamics",
        journal="Mathematical Biosciences",
        year="1978",
        volume="40",
        number="1--2",
        pages="145--156",
    ),
    _ref(
        "selten1980",
        "article",
        "Selten, R. (1980). A note on evolutionarily stable strategies in asymmetric animal "
        "conflicts. *Journal of Theoretical Biology* 84(1): 93-101.",
        author="Selten, Reinhard",
        title="A Note on Evolutionarily Stable Strategies in Asymmetric Animal Conflicts",
        journal="Journal of Theoretical Biology",
        year="1980",
        volume="84",
        number="1",
        pages="93--101",
    ),
    _ref(
        "wang2023",
        "article",
        "Wang, J., Jia, L., He, P., Wang, P. & Huang, L. (2023). Engaging stakeholders in "
        "collaborative control of air pollution: a tripartite evolutionary game of enterprises, "
        "public and government. *Journal of Cleaner Production* 418: 138074.",
        author="Wang, Jiaming and Jia, Ling and He, Pan and Wang, Peng and Huang, Lei",
        title="Engaging Stakeholders in Collaborative Control of Air Pollution: A Tripartite "
        "Evolutionary Game of Enterprises, Public and Government",
        journal="Journal of Cleaner Production",
        year="2023",
        volume="418",
        pages="138074",
        doi="10.1016/j.jclepro.2023.138074",
    ),
    _ref(
        "bachrach2009",
        "inproceedings",
        "Bachrach, Y., Elkind, E., Meir, R., Pasechnik, D., Zuckerman, M., Rothe, J. & "
        "Rosenschein, J. S. (2009). The cost of stability in coalitional games. In *Algorithmic "
        "Game Theory (SAGT 2009)*, Lecture Notes in Computer Science 5814: 122-134. Springer.",
        author="Bachrach, Yoram and Elkind, Edith and Meir, Reshef and Pasechnik, Dmitrii and "
        'Zuckerman, Michael and Rothe, J{\\"o}rg and Rosenschein, Jeffrey S.',
        title="The Cost of Stability in Coalitional Games",
        booktitle="Algorithmic Game Theory (SAGT 2009)",
        series="Lecture Notes in Computer Science",
        volume="5814",
        pages="122--134",
        publisher="Springer",
        year="2009",
    ),
    _ref(
        "benoit1985",
        "article",
        "Benoit, J.-P. & Krishna, V. (1985). Finitely repeated games. *Econometrica* 53(4): "
        "905-922.",
        author="Benoit, Jean-Pierre and Krishna, Vijay",
        title="Finitely Repeated Games",
        journal="Econometrica",
        year="1985",
        volume="53",
        number="4",
        pages="905--922",
    ),
    _ref(
        "chen2019",
        "article",
        "Chen Wen, Wang Jue & Sun Wei (2019). Cost-efficiency mechanism and game-action of "
        "inter-local governmental cooperation in the Yangtze River Delta Region "
        "(\u57fa\u4e8e\u6210\u672c\u2014\u6536\u76ca\u7684\u957f\u4e09\u89d2\u5730\u65b9\u653f"
        "\u5e9c\u7684\u533a\u57df\u5408\u4f5c\u884c\u4e3a\u673a\u5236\u6848\u4f8b\u5206\u6790). "
        "*Acta Geographica Sinica* 74(2): 312-322.",
        author="Chen, Wen and Wang, Jue and Sun, Wei",
        title="Cost-efficiency mechanism and game-action of inter-local governmental "
        "cooperation in the {Yangtze River Delta Region}",
        journal="Acta Geographica Sinica",
        year="2019",
        volume="74",
        number="2",
        pages="312--322",
    ),
    _ref(
        "coase1960",
        "article",
        "Coase, R. H. (1960). The problem of social cost. *Journal of Law and Economics* 3: 1-44.",
        author="Coase, Ronald H.",
        title="The Problem of Social Cost",
        journal="Journal of Law and Economics",
        year="1960",
        volume="3",
        pages="1--44",
    ),
    _ref(
        "feiock2007",
        "article",
        "Feiock, R. C. (2007). Rational choice and regional governance. *Journal of Urban "
        "Affairs* 29(1): 47-63.",
        author="Feiock, Richard C.",
        title="Rational Choice and Regional Governance",
        journal="Journal of Urban Affairs",
        year="2007",
        volume="29",
        number="1",
        pages="47--63",
    ),
    _ref(
        "feiock2013",
        "article",
        "Feiock, R. C. (2013). The institutional collective action framework. *Policy Studies "
        "Journal* 41(3): 397-425.",
        author="Feiock, Richard C.",
        title="The Institutional Collective Action Framework",
        journal="Policy Studies Journal",
        year="2013",
        volume="41",
        number="3",
        pages="397--425",
    ),
    _ref(
        "friedman1971",
        "article",
        "Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of "
        "Economic Studies* 38(1): 1-12.",
        author="Friedman, James W.",
        title="A Non-cooperative Equilibrium for Supergames",
        journal="Review of Economic Studies",
        year="1971",
        volume="38",
        number="1",
        pages="1--12",
    ),
    _ref(
        "holmstrom1991",
        "article",
        "Holmstr\u00f6m, B. & Milgrom, P. (1991). Multitask principal-agent analyses: incentive "
        "contracts, asset ownership, and job design. *Journal of Law, Economics & Organization* "
        "7 (special issue): 24-52.",
        author='Holmstr{\\"o}m, Bengt and Milgrom, Paul',
        title="Multitask Principal-Agent Analyses: Incentive Contracts, Asset Ownership, and "
        "Job Design",
        journal="Journal of Law, Economics, \\& Organization",
        year="1991",
        volume="7",
        pages="24--52",
    ),
    _ref(
        "lazear1981",
        "article",
        "Lazear, E. P. & Rosen, S. (1981). Rank-order tournaments as optimum labor contracts. "
        "*Journal of Political Economy* 89(5): 841-864.",
        author="Lazear, Edward P. and Rosen, Sherwin",
        title="Rank-Order Tournaments as Optimum Labor Contracts",
        journal="Journal of Political Economy",
        year="1981",
        volume="89",
        number="5",
        pages="841--864",
    ),
    _ref(
        "lu2004",
        "article",
        "陆铭, 陈钊, 严冀 Lu Ming, Chen Zhao & Yan Ji (2004). "
        "收益递增、发展战略与区域经济"
        "的分割 [Increasing returns, development strategy and regional economic "
        "segmentation; title translated]. *经济研究 Economic Research Journal* "
        "2004(1).",
        author="Lu, Ming and Chen, Zhao and Yan, Ji",
        title="收益递增、发展战略与区域经"
        "济的分割 [{Increasing returns, development strategy and regional "
        "economic segmentation}]",
        journal="经济研究 (Economic Research Journal)",
        year="2004",
        number="1",
        note="English title translated for this paper",
    ),
    _ref(
        "mailath2006",
        "book",
        "Mailath, G. J. & Samuelson, L. (2006). *Repeated Games and Reputations: Long-Run "
        "Relationships*. Oxford University Press.",
        author="Mailath, George J. and Samuelson, Larry",
        title="Repeated Games and Reputations: Long-Run Relationships",
        publisher="Oxford University Press",
        year="2006",
    ),
    _ref(
        "monderer2004",
        "article",
        "Monderer, D. & Tennenholtz, M. (2004). K-implementation. *Journal of Artificial "
        "Intelligence Research* 21: 37-62.",
        author="Monderer, Dov and Tennenholtz, Moshe",
        title="K-Implementation",
        journal="Journal of Artificial Intelligence Research",
        year="2004",
        volume="21",
        pages="37--62",
    ),
    _ref(
        "nash1950",
        "article",
        "Nash, J. F. (1950). The bargaining problem. *Econometrica* 18(2): 155-162.",
        author="Nash, John F.",
        title="The Bargaining Problem",
        journal="Econometrica",
        year="1950",
        volume="18",
        number="2",
        pages="155--162",
    ),
    _ref(
        "schmeidler1969",
        "article",
        "Schmeidler, D. (1969). The nucleolus of a characteristic function game. *SIAM Journal "
        "on Applied Mathematics* 17(6): 1163-1170.",
        author="Schmeidler, David",
        title="The Nucleolus of a Characteristic Function Game",
        journal="SIAM Journal on Applied Mathematics",
        year="1969",
        volume="17",
        number="6",
        pages="1163--1170",
    ),
    _ref(
        "shapley1953",
        "incollection",
        "Shapley, L. S. (1953). A value for n-person games. In H. W. Kuhn & A. W. Tucker (eds.), "
        "*Contributions to the Theory of Games II*, Annals of Mathematics Studies 28: 307-317. "
        "Princeton University Press.",
        author="Shapley, Lloyd S.",
        title="A Value for $n$-Person Games",
        booktitle="Contributions to the Theory of Games {II}",
        editor="Kuhn, Harold W. and Tucker, Albert W.",
        series="Annals of Mathematics Studies",
        volume="28",
        pages="307--317",
        publisher="Princeton University Press",
        year="1953",
    ),
    _ref(
        "young2000",
        "article",
        "Young, A. (2000). The razor's edge: distortions and incremental reform in the People's "
        "Republic of China. *Quarterly Journal of Economics* 115(4): 1091-1135.",
        author="Young, Alwyn",
        title="The Razor's Edge: Distortions and Incremental Reform in the {People's Republic "
        "of China}",
        journal="Quarterly Journal of Economics",
        year="2000",
        volume="115",
        number="4",
        pages="1091--1135",
    ),
    _ref(
        "zhou2004",
        "article",
        "周黎安 Zhou Li-An (2004). 晋升博弈中政府官"
        "员的激励与合作——兼论我国地"
        "方保护主义和重复建设问题长期"
        "存在的原因 [Incentives and cooperation of government officials in "
        "the promotion game: why local protectionism and duplicative investment persist in "
        "China; title translated]. *经济研究 Economic Research Journal* "
        "2004(6).",
        author="Zhou, Li-An",
        title="晋升博弈中政府官员的激励与"
        "合作——兼论我国地方保护主义"
        "和重复建设问题长期存在的原因 "
        "[{Incentives and cooperation of government officials in the promotion game}]",
        journal="经济研究 (Economic Research Journal)",
        year="2004",
        number="6",
        note="English title translated for this paper",
    ),
    _ref(
        "zhou2007",
        "article",
        "周黎安 Zhou Li-An (2007). 中国地方官员的晋"
        "升锦标赛模式研究 [The promotion tournament model of "
        "China's local officials; title translated]. *经济研究 Economic "
        "Research Journal* 2007(7).",
        author="Zhou, Li-An",
        title="中国地方官员的晋升锦标赛模"
        "式研究 [{The promotion tournament model of China's local officials}]",
        journal="经济研究 (Economic Research Journal)",
        year="2007",
        number="7",
        note="English title translated for this paper",
    ),
    _ref(
        "zhou2014",
        "article",
        "周黎安 Zhou Li-An (2014). 行政发包制 [Administrative "
        "subcontracting; title translated]. *社会 Chinese Journal of Sociology* 34(6).",
        author="Zhou, Li-An",
        title="行政发包制 [{Administrative subcontracting}]",
        journal="社会 (Chinese Journal of Sociology)",
        year="2014",
        volume="34",
        number="6",
        note="English title translated for this paper",
    ),
)

_REFERENCE_KEYS = {r.key for r in REFERENCES}


def render_bibliography() -> str:
    """The BibTeX of :data:`REFERENCES` (the content of ``paper/paper.bib``)."""
    blocks = [
        "% paper/paper.bib: generated by gametheory.paper.render_bibliography(); do not edit.\n"
        f"% Regenerate with: {REGENERATE}\n"
    ]
    for ref in sorted(REFERENCES, key=lambda r: r.key):
        width = max(len(name) for name, _ in ref.fields)
        lines = [f"@{ref.kind}{{{ref.key},"]
        lines += [f"  {name:<{width}} = {{{value}}}," for name, value in ref.fields]
        lines.append("}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


# --------------------------------------------------------------------------------------------
# Propositions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposition:
    """One claim of the essay, the model that examines it and the verdict.

    ``compute()`` returns the exact results (a new dict on each call; the computation itself is
    cached); ``function`` is the dotted name of the toolkit function or method that proves the
    proposition; ``figure`` a registered figure (``also``: further ones) or None; ``verdict``
    one of :data:`VERDICTS`; ``topic`` the item of issue 7 the proposition answers.
    """

    id: str
    title: str
    topic: str
    essay_claim: str
    statement: str
    model: str
    function: str
    figure: str | None
    verdict: str
    assessment: str
    calculate: Callable[[], dict[str, Any]] = dataclasses.field(repr=False)
    result: Callable[[Mapping[str, Any]], str] = dataclasses.field(repr=False)
    also: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"{self.id}: verdict must be one of {VERDICTS}, got {self.verdict!r}")

    def compute(self) -> dict[str, Any]:
        """The exact results (sympy expressions, Fractions, booleans), computed by the toolkit."""
        return dict(_cached(self.calculate))

    def figures(self) -> tuple[str, ...]:
        """The registered figures shown with the proposition."""
        return ((self.figure,) if self.figure else ()) + self.also

    def result_markdown(self) -> str:
        """The result paragraph(s), with every formula printed from :meth:`compute`."""
        return self.result(self.compute())


@functools.cache
def _cached(calculate: Callable[[], dict[str, Any]]) -> Mapping[str, Any]:
    return calculate()


# ---- P1: unfunded mandates ------------------------------------------------------------------


def _p1() -> dict[str, Any]:
    from .models.fiscal import UnfundedMandate, bottom_share

    b, c, s, Y, pi, F = sympy.symbols("b c s Y pi F", positive=True)
    f = sympy.Symbol("f", nonnegative=True)
    general = UnfundedMandate(b=b, c=c, f=f, s=s, Y=Y, detection=pi, sanction=F)
    oracle = UnfundedMandate()  # F-a: b = 10, c = 2, f = 1/4
    grid = [Fraction(k, 4) for k in range(41)]  # 0, 1/4, ..., 10
    (eq,) = oracle.stackelberg(grid)
    f1, f2, f3 = sympy.symbols("f_1 f_2 f_3", nonnegative=True)
    return {
        "m_C": general.mandate_level,
        "m_E": general.efficient_level,
        "over_mandating": general.over_mandating,
        "deadweight_loss": general.deadweight_loss,
        "local_spending": general.local_spending,
        "minimal_funding_share": general.minimal_funding_share,
        "bottom_share": bottom_share([f1, f2, f3]),
        "oracle_m_C": oracle.mandate_level,
        "oracle_m_E": oracle.efficient_level,
        "oracle_burden": oracle.unfunded_burden,
        "oracle_deadweight_loss": oracle.deadweight_loss,
        "oracle_local_spending": oracle.local_spending,
        "oracle_own_revenue": oracle.own_revenue,
        "oracle_solver_mandate": grid[eq.pure_profile[0]],
        "oracle_full_funding_dwl": oracle.with_funding(1).deadweight_loss,
        "oracle_bottom_share": bottom_share([Fraction(1, 2), Fraction(2, 5), Fraction(1, 3)]),
    }


def _p1_result(r: Mapping[str, Any]) -> str:
    return (
        f"The centre mandates {_eq('m_C', r['m_C'])} instead of the efficient "
        f"{_eq('m_E', r['m_E'])}: it over-mandates by {_m(r['over_mandating'])}, with a "
        f"dead-weight loss of {_m(r['deadweight_loss'])}, and the local government's "
        f"discretionary spending falls to {_m(r['local_spending'])}. Passed down three levels "
        f"that fund the shares $f_1, f_2, f_3$ of what they receive, the bottom level bears "
        f"{_m(r['bottom_share'])} of the cost. If shirking is sanctioned with expected penalty "
        f"$\\pi F$ per undelivered unit, the mandate is delivered only when the centre funds at "
        f"least {_eq('f^*', r['minimal_funding_share'])}.\n\n"
        f"Oracle F-a ($b = 10$, $c = 2$, $f = 1/4$): $m_C = {latex(r['oracle_m_C'])}$ (the "
        f"Stackelberg solver on the grid $m \\in \\{{0, 1/4, \\dots, 10\\}}$ finds "
        f"$m = {latex(r['oracle_solver_mandate'])}$), "
        f"$m_E = {latex(r['oracle_m_E'])}$, unfunded burden {_m(r['oracle_burden'])}, "
        f"dead-weight loss {_m(r['oracle_deadweight_loss'])}, local discretionary spending "
        f"{_m(r['oracle_local_spending'])} out of own revenue {_m(r['oracle_own_revenue'])}; "
        f"full funding ($f = 1$) leaves a dead-weight loss of "
        f"{_m(r['oracle_full_funding_dwl'])}. Funding shares $1/2, 2/5, 1/3$ leave "
        f"{_m(r['oracle_bottom_share'])} of the cost to the bottom level."
    )


# ---- P2: protectionism and market segmentation -----------------------------------------------


def _p2() -> dict[str, Any]:
    from fractions import Fraction as Fr

    from .models.protectionism import MarketSegmentation, RegionalRetaliation

    m, r, e = sympy.symbols("m r e", positive=True)
    seg = MarketSegmentation(m, r, e)
    sa = MarketSegmentation(4, 3, 1)
    (eq,) = sa.equilibria()
    game = sa.game()
    tipping = RegionalRetaliation(N=5, m=1, r=1, e=2, kappa=Fr(1, 2))
    return {
        "payoff_ranks": seg.payoff_ranks,
        "is_prisoners_dilemma": seg.is_prisoners_dilemma,
        "fine": seg.minimal_fine().level,
        "subsidy_cost": seg.minimal_subsidy().cost,
        "k_cost": seg.k_implementation().cost,
        "critical_discount": seg.critical_discount,
        "oracle_equilibrium": tuple(game.actions[i][a] for i, a in enumerate(eq.pure_profile)),
        "oracle_equilibrium_payoffs": tuple(eq.payoffs),
        "oracle_fine": sa.minimal_fine().level,
        "oracle_fine_cost": sa.minimal_fine().cost,
        "oracle_k_cost": sa.k_implementation().cost,
        "oracle_delta": sa.repeated().overall,
        "retaliation_equilibria": tipping.equilibrium_profiles(),
        "retaliation_tipping_point": tipping.tipping_point(),
        "retaliation_k_cost": tipping.k_implementation().cost,
        "retaliation_fine": tipping.minimal_fine().level,
    }


def _p2_result(r: Mapping[str, Any]) -> str:
    ranks = r["payoff_ranks"]
    profiles = r["retaliation_equilibria"]
    return (
        f"With access value $m$, local rent $r$ and own efficiency loss $e$ the stage payoffs are "
        f"$R = {latex(ranks['R'])}$, $T = {latex(ranks['T'])}$, $P = {latex(ranks['P'])}$, "
        f"$S = {latex(ranks['S'])}$, and the game is a prisoner's dilemma iff "
        f"{_m(r['is_prisoners_dilemma'])}. Then (Protect, Protect) is the unique equilibrium. "
        f"The minimal central fine per protecting region is {_m(r['fine'])} (never paid on the "
        f"equilibrium path), the minimal subsidy per open region costs {_m(r['subsidy_cost'])} "
        f"on the path, the k-implementation cost of (Open, Open) is {_m(r['k_cost'])}, and in the "
        f"repeated game grim trigger sustains integration iff "
        f"$\\delta \\geq {latex(r['critical_discount'])}$.\n\n"
        f"Oracle S-a ($m, r, e = 4, 3, 1$): the unique equilibrium is "
        f"({', '.join(r['oracle_equilibrium'])}) with payoffs "
        f"{_m(r['oracle_equilibrium_payoffs'])}; fine {_m(r['oracle_fine'])} (cost on path "
        f"{_m(r['oracle_fine_cost'])}), k-implementation cost {_m(r['oracle_k_cost'])}, "
        f"$\\delta^* = {latex(r['oracle_delta'])}$. With retaliation (oracle S-c: $N = 5$, "
        f"$m = 1$, $r - e = -1$, $\\kappa = 1/2$) the only pure equilibria are all-open "
        f"{_m(profiles[0])} and all-protect {_m(profiles[1])}; protecting pays once "
        f"{_m(r['retaliation_tipping_point'])} other regions protect; selecting all-open costs "
        f"the centre {_m(r['retaliation_k_cost'])}, while making Open dominant needs a fine of "
        f"{_m(r['retaliation_fine'])}."
    )


# ---- P3: comparative advantage and asymmetric segmentation -----------------------------------


def _p3() -> dict[str, Any]:
    from .bargaining import self_enforcing_transfer_range
    from .models.protectionism import AsymmetricSegmentation

    names = ("R_D", "S_D", "T_D", "P_D", "R_U", "S_U", "T_U", "P_U")
    symbols = sympy.symbols(" ".join(names), real=True)
    general = AsymmetricSegmentation(**dict(zip(names, symbols, strict=True)))
    lower, upper = general.transfer_bounds
    sb = AsymmetricSegmentation()
    (eq,) = sb.equilibria()
    game = sb.game()
    nbs = sb.nash_bargaining()
    rng = sb.transfer_range()
    at_ii = self_enforcing_transfer_range(game, ("Integrate", "Integrate"), payer=0, payee=1)
    return {
        "surplus": general.integration_surplus,
        "transfer_lower": lower,
        "transfer_upper": upper,
        "nash_transfer": sympy.together(general.nash_bargaining_closed_form),
        "oracle_equilibrium": tuple(game.actions[i][a] for i, a in enumerate(eq.pure_profile)),
        "oracle_payoffs": tuple(eq.payoffs),
        "oracle_surplus": sb.integration_surplus,
        "oracle_range": (rng.lower, rng.upper),
        "oracle_nash_transfer": nbs.transfer,
        "oracle_nash_payoffs": tuple(nbs.payoffs),
        "oracle_only_at_integration": (at_ii.lower, at_ii.upper),
    }


def _p3_result(r: Mapping[str, Any]) -> str:
    return (
        f"Integrate is dominant for the developed region D and Protect for the lagging region U, "
        f"so (Integrate, Protect) is the unique equilibrium although integration adds "
        f"{_m(r['surplus'])} to the joint payoff. A lateral transfer $t$ from D to U, paid "
        f"whenever U integrates, makes (Integrate, Integrate) an equilibrium that both prefer "
        f"iff {_in('t', r['transfer_lower'], r['transfer_upper'])}; the interval is "
        f"non-empty exactly when integration is efficient, and the Nash bargaining transfer is "
        f"{_eq('t_{NB}', r['nash_transfer'])}.\n\n"
        f"Oracle S-b: the equilibrium is ({', '.join(r['oracle_equilibrium'])}) with payoffs "
        f"{_m(r['oracle_payoffs'])}, integration surplus {_m(r['oracle_surplus'])}, transfer "
        f"range {_interval(*r['oracle_range'])}, $t_{{NB}} = "
        f"{latex(r['oracle_nash_transfer'])}$ with payoffs {_m(r['oracle_nash_payoffs'])}. A "
        f"transfer paid only at (Integrate, Integrate), not whenever U integrates, is "
        f"self-enforcing only at {_in('t', *r['oracle_only_at_integration'])}."
    )


# ---- P4: the promotion tournament and the refusal of win-win cooperation ---------------------


def _p4() -> dict[str, Any]:
    from .equilibria import equilibria
    from .models.tournament import PromotionTournament
    from .symbolic import equilibrium_conditions

    V, c, h, v = sympy.symbols("V c h v", positive=True)
    beta = sympy.Symbol("beta", real=True)
    general = PromotionTournament(V=V, c=c, scale=h, beta=beta, v=v, noise_of="difference")
    oracle = PromotionTournament(V=10, scale=5, noise_of="difference")
    actions = {}
    for own, rival in ((1, 2), (2, 1), (1, -2), (-1, -3)):
        inc = oracle.action_incentive(own, rival)
        actions[(own, rival)] = (inc.kind, inc.joint_surplus, inc.delta_p, inc.taken)
    b, a, d, s_C = sympy.symbols("b a d s_C", positive=True)
    symbolic = PromotionTournament(b=b, a=a, d=d, s_C=s_C, noise_of="difference")

    def pure(game: Any) -> tuple[Any, ...]:
        (eq,) = equilibria(game)
        return tuple(game.actions[i][k] for i, k in enumerate(eq.pure_profile)), eq.payoffs

    officials, officials_payoffs = pure(oracle.game())
    regions, regions_payoffs = pure(oracle.region_game())
    return {
        "density": general.density_at_zero(),
        "effort": general.equilibrium_effort(),
        "social_effort": general.social_optimum_effort(),
        "optimal_prize": general.optimal_prize(),
        "actions": actions,
        "officials_cooperate_dominant": symbolic.reform_effect("lam", rule="rank").condition,
        "regions_cooperate_dominant": equilibrium_conditions(
            symbolic.region_game(), ("C", "C"), strict=True, concept="dominant"
        ),
        "officials_equilibrium": officials,
        "officials_payoffs": tuple(officials_payoffs),
        "regions_equilibrium": regions,
        "regions_payoffs": tuple(regions_payoffs),
    }


def _p4_result(r: Mapping[str, Any]) -> str:
    rows = "\n".join(
        f"| {_m(k)} | {kind} | {_m(joint)} | {_m(dp)} | {'taken' if taken else 'refused'} |"
        for k, (kind, joint, dp, taken) in r["actions"].items()
    )
    return (
        f"With measured output $y_i = e_i + \\beta e_j + \\varepsilon_i$, rank promotion worth "
        f"$V$ and $\\varepsilon_j - \\varepsilon_i$ uniform on $[-h, h]$ (density "
        f"{_m(r['density'])} at 0), the symmetric equilibrium effort is "
        f"{_eq('e^*', r['effort'])} while the regions' optimum is "
        f"{_eq('e_{SO}', r['social_effort'])}; the prize that would implement it, "
        f"{_eq('V^*', r['optimal_prize'])}, grows without bound as $\\beta \\to 1$. A one-off "
        f"action that adds $\\Delta_{{own}}$ to the official's GDP and $\\Delta_{{rival}}$ to the "
        f"rival's changes the promotion probability by "
        f"$G(\\Delta_{{own}} - \\Delta_{{rival}}) - 1/2$, whatever the joint surplus "
        f"(MODELS.md §1.3, $V = 10$, $h = 5$):\n\n"
        f"| $(\\Delta_{{own}}, \\Delta_{{rival}})$ | kind | joint surplus | "
        f"$\\Delta P$ | official |\n|---|---|---|---|---|\n{rows}\n\n"
        f"In the cooperate (C: $+b$ to own GDP, $+b s_C$ to the rival's) / obstruct (D: $+a$ "
        f"own, $-d$ rival) game, Cooperate is strictly dominant for the officials iff "
        f"{_m(r['officials_cooperate_dominant'])}, for the regions iff "
        f"{_m(r['regions_cooperate_dominant'])}. Oracle T1-e ($b = 2$, $s_C = 1$, $a = -1$, "
        f"$d = 3$): the officials' unique equilibrium is "
        f"({', '.join(r['officials_equilibrium'])}) with promotion payoffs "
        f"{_m(r['officials_payoffs'])}, the regions' is "
        f"({', '.join(r['regions_equilibrium'])}) with GDP gains {_m(r['regions_payoffs'])}: "
        f"the tournament turns a game without a dilemma into a prisoner's dilemma."
    )


# ---- P5: evaluation reform under rank promotion ----------------------------------------------


def _p5() -> dict[str, Any]:
    from .models.tournament import PromotionTournament

    oracle = PromotionTournament(V=10, scale=5, noise_of="difference")
    b, a, d, s_C = sympy.symbols("b a d s_C", positive=True)
    symbolic = PromotionTournament(b=b, a=a, d=d, s_C=s_C, noise_of="difference")
    absolute = dataclasses.replace(oracle, rule="absolute")
    rank = {w: oracle.reform_effect(w, rule="rank") for w in ("lam", "mu")}
    lam_abs = absolute.reform_effect("lam").threshold
    mu_abs = absolute.reform_effect("mu").threshold
    weights = (Fraction(0), Fraction(1, 2), Fraction(1))
    invariant = all(
        dataclasses.replace(oracle, lam=lam, mu=mu).game() == oracle.game()
        for lam in weights
        for mu in weights
    )
    return {
        "rank_depends_on_lam": rank["lam"].depends_on_weight,
        "rank_depends_on_mu": rank["mu"].depends_on_weight,
        "rank_condition": rank["lam"].condition,
        "rank_games_identical": invariant,
        "absolute_lam_threshold": dataclasses.replace(symbolic, rule="absolute")
        .reform_effect("lam")
        .threshold.upper,
        "oracle_lam_threshold": lam_abs.upper,
        "oracle_mu_threshold": mu_abs.lower,
    }


def _p5_result(r: Mapping[str, Any]) -> str:
    return (
        f"Score official $i$ by $S_i = y_i - \\lambda y_j + \\mu (y_i + y_j)$ ($\\lambda$: weight "
        f"on relative performance, $\\mu$: weight on joint agglomeration output). Under the rank "
        f"rule $S_i - S_j = (1 + \\lambda)(y_i - y_j)$, so the officials' game does not contain "
        f"the weights at all: `reform_effect` finds that the game depends on $\\lambda$: "
        f"{_m(r['rank_depends_on_lam'])}, on $\\mu$: {_m(r['rank_depends_on_mu'])}; the nine "
        f"games with $\\lambda, \\mu \\in \\{{0, 1/2, 1\\}}$ are identical: "
        f"{_m(r['rank_games_identical'])}; and in oracle T1-e the condition for Cooperate to be "
        f"dominant is the constant {_m(r['rank_condition'])}. Under an absolute-score rule "
        f"(promotion increasing in $S_i$ itself) Cooperate is strictly dominant iff "
        f"$\\lambda < {latex(r['absolute_lam_threshold'])}$ (with $\\mu = 0$): "
        f"$\\lambda < {latex(r['oracle_lam_threshold'])}$ in oracle T1-e, or, keeping "
        f"$\\lambda = 1$, iff $\\mu > {latex(r['oracle_mu_threshold'])}$."
    )


# ---- P6: multitask diversion ------------------------------------------------------------------


def _p6() -> dict[str, Any]:
    from .models.multitask import MultitaskEvaluation

    V, k = sympy.symbols("V k", positive=True)
    lam = sympy.Symbol("lambda", positive=True)
    w = sympy.Symbol("w", positive=True)
    general = MultitaskEvaluation(V=V, lam=lam, k=k)
    t1, t2 = general.interior_efforts(w)
    diversion = general.diversion()
    oracle = MultitaskEvaluation(V=10, lam=1, k=Fraction(1, 2), b1=4, b2=6)
    half = dataclasses.replace(oracle, lam=Fraction(1, 2))
    rank = {
        x: dataclasses.replace(oracle, w=x).rank_efforts(5)
        for x in (Fraction(2, 5), Fraction(3, 5))
    }
    return {
        "t1": t1,
        "t2": t2,
        "dt1_dw": diversion["t1"].derivative,
        "dt2_dw": diversion["t2"].derivative,
        "abandonment": general.abandonment_weight(),
        "oracle_abandonment": oracle.abandonment_weight(),
        "oracle_efforts_half": oracle.efforts(Fraction(1, 2)),
        "oracle_efforts_three_quarters": oracle.efforts(Fraction(3, 4)),
        "oracle_optimal_weight": oracle.optimal_weight(),
        "oracle_first_best": oracle.first_best_efforts(),
        "oracle_half_interior_weight": half.interior_optimal_weight(),
        "oracle_half_optimal_weight": half.optimal_weight(),
        "rank_efforts": rank,
    }


def _p6_result(r: Mapping[str, Any]) -> str:
    rank = r["rank_efforts"]
    (w1, e1), (w2, e2) = rank.items()
    return (
        f"The official splits effort between GDP ($t_1$) and public services ($t_2$) at cost "
        f"$(t_1^2 + t_2^2 + 2k t_1 t_2)/2$ and is evaluated by $V[w t_1 + (1 - w) \\lambda t_2]$ "
        f"($w$: weight on GDP, $\\lambda$: measurability of public services). Interior efforts "
        f"are {_eq('t_1', r['t1'])} and {_eq('t_2', r['t2'])}, with "
        f"{_eq(_D_T1, r['dt1_dw'])} and "
        f"{_eq(_D_T2, r['dt2_dw'])}: raising the GDP weight diverts effort "
        f"from public services (for $0 \\le k < 1$). Public services are abandoned "
        f"($t_2 = 0$) once $w \\geq {latex(r['abandonment'])}$.\n\n"
        f"Oracles M-a/M-b ($V = 10$, $\\lambda = 1$, $k = 1/2$, centre's values $b = (4, 6)$): "
        f"abandonment at $w = {latex(r['oracle_abandonment'])}$; efforts "
        f"{_m(r['oracle_efforts_half'])} at $w = 1/2$ and "
        f"{_m(r['oracle_efforts_three_quarters'])} at $w = 3/4$; the centre's optimal weight is "
        f"$w^* = {latex(r['oracle_optimal_weight'])}$, which reaches the first best "
        f"{_m(r['oracle_first_best'])}. With $\\lambda = 1/2$ the interior first-order point "
        f"{_m(r['oracle_half_interior_weight'])} is beaten by the corner "
        f"$w^* = {latex(r['oracle_half_optimal_weight'])}$. Unlike the own/rival weights of P5, "
        f"a weight between two different measures moves effort even under rank promotion: "
        f"ranked by $w t_1 + (1 - w)\\lambda t_2$ with $h = 5$, efforts are {_m(e1)} at "
        f"$w = {latex(w1)}$ and {_m(e2)} at $w = {latex(w2)}$."
    )


# ---- P7: ICA net benefit and mechanism choice -------------------------------------------------


def _p7() -> dict[str, Any]:
    from .equilibria import equilibria
    from .models.ica import CollaborationRisks, InstitutionalCollectiveAction, Mechanism

    B = sympy.Symbol("B", positive=True)
    rc, rd, rf = sympy.symbols("rho_c rho_d rho_f", nonnegative=True)
    tci, tcn, tce, tca, A = sympy.symbols("TC_i TC_n TC_e TC_a A", nonnegative=True)
    mechanism = Mechanism("m", rc, rd, rf, tci, tcn, tce, tca, A)
    ica = InstitutionalCollectiveAction(benefits=(10, 10))
    chosen = ica.chosen_mechanism()
    pd = CollaborationRisks().defection_game()
    (eq,) = equilibria(pd)
    return {
        "net_benefit": mechanism.net_benefit(B),
        "oracle_net_benefits": {name: v[0] for name, v in ica.net_benefits().items()},
        "oracle_chosen": chosen.name,
        "oracle_choice_by_benefit": tuple(ica.choice_by_benefit()),
        "pd_cooperation_gain": pd.payoff((0, 0))[0] - pd.payoff((1, 1))[0],
        "pd_equilibrium": tuple(pd.actions[i][a] for i, a in enumerate(eq.pure_profile)),
    }


def _p7_result(r: Mapping[str, Any]) -> str:
    nb = r["oracle_net_benefits"]
    table = ", ".join(f"{name} {_m(value)}" for name, value in nb.items())
    steps = []
    for lo, hi, name in r["oracle_choice_by_benefit"]:
        what = name if name else "no mechanism"
        steps.append(f"{what} for $B \\in ({latex(lo)}, {latex(hi)})$")
    return (
        f"City $i$ joins mechanism $m$ iff {_eq('NB_i(m)', r['net_benefit'])} $> 0$ (the three "
        f"residual collaboration risks, coordination, division and defection, assumed "
        f"independent; the four transaction costs; the autonomy cost $A$). In oracle I-a "
        f"($B = 10$ for two cities) the net benefits are {table}: the "
        f"{r['oracle_chosen']} is chosen. As the common gain $B$ grows the choice moves along "
        f"Feiock's authority dimension: {'; '.join(steps)}. But a positive net benefit of "
        f"joint cooperation is not enough: in the defection game (prisoner's dilemma 5, 3, 1, 0) "
        f"mutual cooperation gains each city {_m(r['pd_cooperation_gain'])} over mutual "
        f"defection, and the unique equilibrium is still ({', '.join(r['pd_equilibrium'])})."
    )


# ---- P8: the three cooperation types ----------------------------------------------------------


def _p8() -> dict[str, Any]:
    from .models.cooperation_types import (
        ComparativeBenefitCooperation,
        ProfitAndLossCooperation,
        SharingCooperation,
        classify,
    )

    B_s, t_c = sympy.symbols("B_s t_c", positive=True)
    sharing = SharingCooperation(B_s=B_s, t_c=t_c)
    g_A, c_A, c_B = sympy.symbols("g_A c_A c_B", positive=True)
    g_B = sympy.Symbol("g_B", negative=True)
    pl = ProfitAndLossCooperation(g_A=g_A, g_B=g_B, c_A=c_A, c_B=c_B)
    pl_range = pl.transfer_range()
    gA, gB = sympy.symbols("g_A g_B", positive=True)
    lam = sympy.Symbol("lambda", positive=True)
    cb = ComparativeBenefitCooperation(g_A=gA, g_B=gB, lam=lam)
    ka = SharingCooperation(B_s=6, t_c=2)
    kb = ProfitAndLossCooperation(g_A=10, g_B=-4, c_A=1, c_B=1)
    kd = {x: ComparativeBenefitCooperation(g_A=9, g_B=3, lam=x) for x in (1, Fraction(1, 2))}
    kd_ranges = {x: (m.transfer_range().lower, m.transfer_range().upper) for x, m in kd.items()}
    return {
        "sharing_mixed": sharing.mixed_probability(),
        "sharing_risk_dominance": sharing.risk_dominance_condition(),
        "sharing_guarantee": sharing.minimal_guarantee(),
        "sharing_k_cost": sharing.k_implementation().cost,
        "pl_lower": pl_range.lower,
        "pl_upper": pl_range.upper,
        "pl_nash": sympy.together(pl.nash_bargaining().transfer),
        "cb_critical_weight": cb.critical_weight(),
        "cb_joint_weight": cb.joint_weight(),
        "ka_mixed": ka.mixed_probability(),
        "ka_k_cost": ka.k_implementation().cost,
        "kb_range": (kb.transfer_range().lower, kb.transfer_range().upper),
        "kb_nash": kb.nash_bargaining().transfer,
        "kd_critical_weight": kd[1].critical_weight(),
        "kd_ranges": kd_ranges,
        "kd_joint_weights": {x: m.joint_weight() for x, m in kd.items()},
        "classified": tuple(
            str(classify(gains, costs).kind)
            for gains, costs in (((6, 6), (2, 2)), ((10, -4), (1, 1)), ((9, 3), None))
        ),
    }


def _p8_result(r: Mapping[str, Any]) -> str:
    (l1, r1), (l2, r2) = r["kd_ranges"].items()
    (_, mu1), (_, mu2) = r["kd_joint_weights"].items()
    return (
        f"**Sharing** (equal gains $B_s$, set-up cost $t_c$): an assurance game with both "
        f"(C, C) and (N, N) as equilibria and a mixed one at "
        f"{_eq(_PR_C, r['sharing_mixed'])}; (C, C) is risk-dominant iff "
        f"{_m(r['sharing_risk_dominance'])}. Selecting (C, C) costs {_m(r['sharing_k_cost'])} "
        f"in k-implementation, nothing when $B_s \\geq t_c$; a central guarantee of "
        f"{_m(r['sharing_guarantee'])} to a lone cooperator makes Cooperate weakly dominant and "
        f"is never paid on the path. "
        f"**Profit-and-loss** ($g_A > 0 > g_B$, transaction costs $c_A, c_B$): the loser "
        f"refuses; a lateral transfer {_in('t', r['pl_lower'], r['pl_upper'])} from "
        f"the gainer compensates it, {_eq('t_{NB}', r['pl_nash'])}. **Comparative benefit** "
        f"($g_A > g_B > 0$) under relative evaluation with weight $\\lambda$: the smaller gainer "
        f"joins iff $\\lambda \\leq {latex(r['cb_critical_weight'])}$; a joint-performance "
        f"weight {_eq(_MU_STAR, r['cb_joint_weight'])} unlocks it.\n\n"
        f"Oracles K-a, K-b, K-d: $\\Pr(C) = {latex(r['ka_mixed'])}$ and k-cost "
        f"{_m(r['ka_k_cost'])} ($B_s = 6$, $t_c = 2$); {_in('t', *r['kb_range'])}, "
        f"$t_{{NB}} = {latex(r['kb_nash'])}$ ($g = (10, -4)$, costs 1); with $g = (9, 3)$ the "
        f"smaller gainer joins unaided iff $\\lambda \\leq {latex(r['kd_critical_weight'])}$, "
        f"at $\\lambda = {latex(l1)}$ only {_in('t', *r1)} works (full equalisation) "
        f"and $\\mu^* = {latex(mu1)}$, at $\\lambda = {latex(l2)}$ $t \\in$ "
        f"{_in('t', *r2)} and $\\mu^* = {latex(mu2)}$. `classify` maps the three oracles to "
        f"{', '.join(r['classified'])}."
    )


# ---- P9: central intervention ---------------------------------------------------------------


def _pd_symbols() -> tuple[Any, ...]:
    return sympy.symbols("T R P S", real=True)


def _generic_pd() -> Any:
    from .game import Game

    T, R, P, S = _pd_symbols()
    return Game([[R, S], [T, P]], [[R, T], [S, P]], actions=[["C", "D"]] * 2)


def _p9() -> dict[str, Any]:
    from .game import Game
    from .interventions import Transfer, k_implementation_cost, minimal_intervention

    pd = _generic_pd()
    cc = ("C", "C")
    subsidy = minimal_intervention(pd, cc, "subsidy")
    penalty = minimal_intervention(pd, cc, "penalty")
    liability = minimal_intervention(pd, cc, "liability", concept="dominant")
    gain, loss, h = sympy.symbols("g ell h", positive=True)
    R = sympy.Symbol("R", real=True)
    dilemma = Game(
        [[R, R - loss - h], [R + gain, R - loss]],
        [[R, R + gain], [R - loss - h, R - loss]],
        actions=[["C", "D"]] * 2,
    )
    transfer = minimal_intervention(dilemma, cc, Transfer(payer=0, payee=1))
    numeric = Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"]] * 2)
    stag = Game([[4, -2], [0, 0]], [[4, 0], [-2, 0]], actions=[["C", "N"]] * 2)
    return {
        "subsidy": subsidy.level,
        "subsidy_cost": subsidy.cost,
        "penalty": penalty.level,
        "penalty_cost": penalty.cost,
        "liability_dominant": liability.level,
        "liability_cost": liability.cost,
        "k_cost": k_implementation_cost(pd, cc).cost,
        "transfer_feasible": sympy.simplify(transfer.feasible),
        "numeric_transfer_feasible": minimal_intervention(numeric, cc, "transfer").feasible,
        "numeric_subsidy": minimal_intervention(numeric, cc, "subsidy").level,
        "numeric_k_cost": k_implementation_cost(numeric, cc).cost,
        "stag_k_cost": k_implementation_cost(stag, cc).cost,
    }


def _p9_result(r: Mapping[str, Any]) -> str:
    return (
        f"For the defection game with payoffs $T > R > P > S$, `minimal_intervention` on the "
        f"parametric game gives the least levels that make (C, C) an equilibrium: a central "
        f"subsidy to each cooperator of {_m(r['subsidy'])}, paid on the path "
        f"({_m(r['subsidy_cost'])} in all); a central fine on a unilateral defector of "
        f"{_m(r['penalty'])}, never collected (cost {_m(r['penalty_cost'])}); and the "
        f"budget-balanced liability rule (a defector compensates the other city) of "
        f"{_m(r['liability_dominant'])}, which even makes cooperation dominant, at cost "
        f"{_m(r['liability_cost'])}. The k-implementation cost of (C, C) with non-negative "
        f"payments is {_m(r['k_cost'])}. A budget-balanced lateral transfer paid only when both "
        f"cooperate cannot do it: with $T = R + g$, $P = R - \\ell$, $S = P - h$ its feasibility "
        f"condition is {_m(r['transfer_feasible'])} (in the 5, 3, 1, 0 game: "
        f"{_m(r['numeric_transfer_feasible'])}, against a subsidy of "
        f"{_m(r['numeric_subsidy'])} and a k-cost of {_m(r['numeric_k_cost'])}), because "
        f"whatever it gives one city it takes from the other. Where cooperation is already an "
        f"equilibrium (the coordination game of P14) the k-implementation cost is "
        f"{_m(r['stag_k_cost'])}."
    )


# ---- P10: tax-revenue sharing ----------------------------------------------------------------


def _p10() -> dict[str, Any]:
    from .bargaining import nash_bargaining_share, revenue_share_range
    from .models.cooperation_types import TaxRevenueSharing

    R, C_A, L_B = sympy.symbols("R C_A L_B", positive=True)
    general = revenue_share_range(R, C_A, L_B)
    oracle = TaxRevenueSharing(R=10, L_B=3, C_A=2)
    rng = oracle.share_range()
    return {
        "lower": general.lower,
        "upper": general.upper,
        "surplus": general.surplus,
        "nash_share": nash_bargaining_share(R, C_A, L_B).transfer,
        "oracle_range": (rng.lower, rng.upper),
        "oracle_nash_share": oracle.nash_share().transfer,
    }


def _p10_result(r: Mapping[str, Any]) -> str:
    return (
        f"A firm or enclave park relocated from city B to host city A yields tax revenue $R$; "
        f"the host bears the cost $C_A$, the origin loses the tax base $L_B$ and receives the "
        f"share $s$ of the revenue. Both accept iff "
        f"{_in('s', r['lower'], r['upper'])}, non-empty iff the surplus "
        f"{_m(r['surplus'])} is not negative; the Nash bargaining share is "
        f"{_eq('s_{NB}', r['nash_share'])}. Oracle K-c ($R = 10$, $C_A = 2$, $L_B = 3$): "
        f"{_in('s', *r['oracle_range'])}, $s_{{NB}} = "
        f"{latex(r['oracle_nash_share'])}$."
    )


# ---- P11: the common fund and the cost of stability ------------------------------------------


def _p11() -> dict[str, Any]:
    from .models.agglomeration import AgglomerationSurplus, UrbanAgglomeration

    N = sympy.Symbol("N", integer=True, positive=True)
    alpha, m = sympy.symbols("alpha m", positive=True)
    clauses = ("none", "all_or_nothing", "conditional_matching")
    general = {
        cl: UrbanAgglomeration(N=N, alpha=alpha, matching=m, clause=cl).minimal_matching()
        for cl in clauses
    }
    oracle = {cl: UrbanAgglomeration(N=4, alpha=Fraction(2, 5), clause=cl) for cl in clauses}
    w = sympy.Symbol("w", positive=True)
    matched = UrbanAgglomeration(N=4, alpha=Fraction(2, 5), matching=Fraction(3, 2), contribution=w)
    no_fund = oracle["none"]
    (eq,) = no_fund.equilibria()
    v2, v3 = sympy.symbols("v_2 v_3", positive=True)
    ca = AgglomerationSurplus.symmetric(3, {2: 8, 3: 9})
    cb = AgglomerationSurplus.core_periphery()
    return {
        "matching": general,
        "oracle_matching": {cl: model.minimal_matching() for cl, model in oracle.items()},
        "oracle_no_match_equilibrium": tuple(
            no_fund.game().actions[i][a] for i, a in enumerate(eq.pure_profile)
        ),
        "oracle_fund": matched.fund(),
        "oracle_cities_gain": matched.cities_gain(),
        "oracle_central_cost": matched.central_cost(),
        "oracle_social_gain": matched.social_gain(),
        "symmetric_cost_of_stability": AgglomerationSurplus.symmetric(
            3, {2: v2, 3: v3}
        ).symmetric_cost_of_stability(),
        "ca_core_empty": ca.core_is_empty(),
        "ca_cost_of_stability": ca.cost_of_stability(),
        "ca_stable_allocation": ca.stable_allocation(),
        "ca_shapley": ca.shapley_value(),
        "ca_nucleolus": ca.nucleolus(),
        "ca_least_core": ca.least_core()[0],
        "cb_cost_of_stability": cb.cost_of_stability(),
        "cb_shapley": cb.shapley_value(),
        "cb_nucleolus": cb.nucleolus(),
    }


def _p11_result(r: Mapping[str, Any]) -> str:
    g, o = r["matching"], r["oracle_matching"]
    return (
        f"Each of $N$ cities pays $g$ into the fund or keeps it; a yuan in the fund returns "
        f"$\\alpha$ to every city and the centre adds $m$ per yuan. Without a clause the fund "
        f"is an $N$-city prisoner's dilemma for $\\alpha < 1 < N\\alpha$, and the least "
        f"matching rate that makes contributing pay is {_eq('m^*', g['none'])}. If the fund "
        f"is refunded unless all contribute (all-or-nothing), {_eq('m^*', g['all_or_nothing'])}; "
        f"if only the match is conditional on full contribution, "
        f"{_eq('m^*', g['conditional_matching'])}, $1/N$ of the unconditional rate. Oracle F-c "
        f"($N = 4$, $\\alpha = 2/5$): without matching the unique equilibrium is "
        f"({', '.join(r['oracle_no_match_equilibrium'])}); the three rates are "
        f"{_m(o['none'])}, {_m(o['all_or_nothing'])} and {_m(o['conditional_matching'])}; at "
        f"$m = 3/2$ with contributions $w$ the fund is {_m(r['oracle_fund'])}, the cities gain "
        f"{_m(r['oracle_cities_gain'])}, the centre pays {_m(r['oracle_central_cost'])} and the "
        f"social gain is {_m(r['oracle_social_gain'])}.\n\n"
        f"When the surplus comes from the agglomeration as a whole, sub-groups can do better "
        f"alone. For three symmetric cities with pair value $v_2$ and grand-coalition value "
        f"$v_3$ the cost of stability (the least central top-up that makes the grand coalition "
        f"stable) is {_m(r['symmetric_cost_of_stability'])}. Oracle C-a ($v_2 = 8$, "
        f"$v_3 = 9$): core empty {_m(r['ca_core_empty'])}, cost of stability "
        f"{_m(r['ca_cost_of_stability'])} with stable allocation "
        f"{_m(r['ca_stable_allocation'])}, Shapley value {_m(r['ca_shapley'])}, nucleolus "
        f"{_m(r['ca_nucleolus'])}, least-core $\\varepsilon = {latex(r['ca_least_core'])}$. "
        f"Oracle C-b (a core city and two peripheries): cost of stability "
        f"{_m(r['cb_cost_of_stability'])}, Shapley value {_m(r['cb_shapley'])}, nucleolus "
        f"{_m(r['cb_nucleolus'])}."
    )


# ---- P12: lateral transfers -----------------------------------------------------------------


def _p12() -> dict[str, Any]:
    from .bargaining import coasean_transfer_range
    from .game import Game
    from .repeated import critical_discount_factor, equalizing_transfer

    g_A, c_A, c_B = sympy.symbols("g_A c_A c_B", positive=True)
    g_B = sympy.Symbol("g_B", real=True)
    general = coasean_transfer_range(g_A, g_B, c_A, c_B)
    oracle = coasean_transfer_range(10, -4, 1, 1)
    g1, l1, g2, l2 = sympy.symbols("g_1 ell_1 g_2 ell_2", positive=True)
    R1, R2 = sympy.symbols("R_1 R_2", real=True)
    asym = Game(
        [[R1, R1 - l1 - 1], [R1 + g1, R1 - l1]],
        [[R2, R2 + g2], [R2 - l2 - 1, R2 - l2]],
        actions=[["C", "D"]] * 2,
    )
    eq_sym = equalizing_transfer(asym, ("C", "C"), payer=0, payee=1)
    rb = Game([[4, 0], [6, 1]], [[2, 5], [0, 1]], actions=[["C", "D"]] * 2)
    eq_rb = equalizing_transfer(rb, ("C", "C"))
    return {
        "lower": general.lower,
        "upper": general.upper,
        "surplus": general.surplus,
        "nash_transfer": sympy.together(general.nash_bargaining().transfer),
        "oracle_range": (oracle.lower, oracle.upper),
        "oracle_nash_transfer": oracle.nash_bargaining().transfer,
        "oracle_nash_payoffs": tuple(oracle.nash_bargaining().payoffs),
        "thresholds": eq_sym.before,
        "equalizing_transfer": sympy.factor(eq_sym.transfer),
        "equalized_threshold": sympy.factor(eq_sym.after[0]),
        "rb_thresholds": critical_discount_factor(rb, ("C", "C")).per_player,
        "rb_transfer": eq_rb.transfer,
        "rb_threshold": eq_rb.threshold,
    }


def _p12_result(r: Mapping[str, Any]) -> str:
    return (
        f"**One-shot (Coasean) transfers.** A project gives city A $g_A$ and city B $g_B$ at "
        f"transaction costs $c_A, c_B$. A transfer $t$ from A to B makes both accept iff "
        f"{_in('t', r['lower'], r['upper'])}, non-empty iff the surplus "
        f"{_m(r['surplus'])} is not negative; Nash bargaining picks "
        f"{_eq('t_{NB}', r['nash_transfer'])}. Oracle K-b ($g = (10, -4)$, costs 1): "
        f"{_in('t', *r['oracle_range'])}, $t_{{NB}} = "
        f"{latex(r['oracle_nash_transfer'])}$ with net gains {_m(r['oracle_nash_payoffs'])}. "
        f"Such a transfer works when one side loses from a project both want (P8); in the "
        f"symmetric one-shot defection game a transfer paid only at (C, C) fails (P9).\n\n"
        f"**Transfers in repeated play.** Two cities with one-shot gains "
        f"$g_i = T_i - R_i$ and punishment losses $\\ell_i = R_i - P_i$ cooperate under grim "
        f"trigger iff $\\delta \\geq {latex(r['thresholds'][0])}$ and "
        f"$\\delta \\geq {latex(r['thresholds'][1])}$. A transfer $t$ from city 1 "
        f"to city 2 in every cooperative period equalises the two thresholds at "
        f"{_eq('t^*', r['equalizing_transfer'])}, lowering the binding threshold to "
        f"{_eq(_DELTA_EQ, r['equalized_threshold'])}. Oracle R-b ($T, R, P = 6, 4, 1$ and "
        f"$5, 2, 1$): thresholds {_m(r['rb_thresholds'])}, $t^* = {latex(r['rb_transfer'])}$, "
        f"$\\delta_{{eq}} = {latex(r['rb_threshold'])}$."
    )


# ---- P13: tenure and rotation ----------------------------------------------------------------


def _p13() -> dict[str, Any]:
    from .game import Game
    from .repeated import (
        critical_discount_factor,
        finite_horizon_spe,
        minimal_expected_tenure,
        minimal_reappointment_probability,
        minimal_stay_probability,
        term_incentive,
    )

    gain, loss, h = sympy.symbols("g ell h", positive=True)
    R = sympy.Symbol("R", real=True)
    dilemma = Game(
        [[R, R - loss - h], [R + gain, R - loss]],
        [[R, R + gain], [R - loss - h, R - loss]],
        actions=[["C", "D"]] * 2,
    )
    delta = critical_discount_factor(dilemma, ("C", "C"), ("D", "D")).overall
    T, P = sympy.symbols("T P", real=True)
    delta_trp = delta.subs({gain: T - R, loss: R - P})
    d_star, rho = sympy.symbols("delta^* rho", positive=True)
    rho_ = Fraction(19, 20)
    tenures = {}
    for temptation in (5, 10):
        stage = Game([[3, 0], [temptation, 1]], [[3, temptation], [0, 1]])
        threshold = critical_discount_factor(stage, (0, 0)).overall
        tenures[temptation] = (threshold, minimal_expected_tenure(threshold, rho_))
    pd = Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"]] * 2)
    term = term_incentive(5, 3, 1, Fraction(9, 10), Fraction(1, 2))
    return {
        "critical_discount": delta,
        "critical_discount_TRP": delta_trp,
        "minimal_stay": minimal_stay_probability(d_star, rho),
        "minimal_tenure": minimal_expected_tenure(d_star, rho),
        "oracle_tenures": tenures,
        "term_binding_year": term.binding_year,
        "term_cooperation": term.cooperation,
        "minimal_reappointment": minimal_reappointment_probability(5, 3, 1, Fraction(9, 10)),
        "finite_horizon_cooperative_periods": finite_horizon_spe(pd, 5).cooperative_periods,
    }


def _p13_result(r: Mapping[str, Any]) -> str:
    (t5, (d5, l5)), (t10, (d10, l10)) = r["oracle_tenures"].items()
    return (
        f"With one-shot gain $g = T - R$ and punishment loss $\\ell = R - P$, grim trigger "
        f"sustains cooperation iff $\\delta \\geq {latex(r['critical_discount'])}$, i.e. "
        f"$\\delta \\geq {latex(r['critical_discount_TRP'])}$ "
        f"[@friedman1971; @abreu1988]. An official who stays in post each year with probability "
        f"$q$ discounts the relationship by $\\rho q$, so cooperation needs "
        f"$q \\geq {latex(r['minimal_stay'])}$, an expected tenure of at least "
        f"{_m(r['minimal_tenure'])} years. With $\\rho = 19/20$: for $T, R, P = {t5}, 3, 1$ "
        f"($\\delta^* = {latex(d5)}$) at least {_m(l5)} years, for $T = {t10}$ "
        f"($\\delta^* = {latex(d10)}$) at least {_m(l10)} years. With five-year terms and "
        f"reappointment probability $p$ the last year of the term binds (year "
        f"{_m(r['term_binding_year'])}); for 5, 3, 1 and $\\rho = 9/10$ cooperation holds at "
        f"$p = 1/2$ ({_m(r['term_cooperation'])}) and needs "
        f"$p \\geq {latex(r['minimal_reappointment'])}$. A known last period unravels it "
        f"entirely when the stage game has a unique equilibrium: the five-period game has "
        f"{_m(r['finite_horizon_cooperative_periods'])} cooperative periods in its unique "
        f"subgame-perfect equilibrium (with several stage equilibria cooperation can survive "
        f"until near the end [@benoit1985])."
    )


# ---- P14: network governance and the agglomeration council -----------------------------------


def _p14() -> dict[str, Any]:
    from .interventions import Penalty, k_implementation_cost, minimal_intervention
    from .models.ica import CollaborationRisks
    from .symbolic import equilibrium_conditions, mixed_equilibrium

    B, t_c = sympy.symbols("B t_c", positive=True)
    coordination = CollaborationRisks(B=B, tc=t_c).coordination_game()
    mixed = mixed_equilibrium(coordination)
    pi = sympy.Symbol("pi", positive=True)
    monitored = minimal_intervention(_generic_pd(), ("C", "C"), Penalty(detection=pi))
    return {
        "cc_equilibrium": equilibrium_conditions(coordination, ("Cooperate", "Cooperate")),
        "nn_equilibrium": equilibrium_conditions(coordination, ("Not", "Not")),
        "mixed_cooperate": mixed.strategies[0][0],
        "k_cost": k_implementation_cost(coordination, ("Cooperate", "Cooperate")).cost,
        "monitored_fine": monitored.level,
        "monitored_cost": monitored.cost,
    }


def _p14_result(r: Mapping[str, Any]) -> str:
    return (
        f"**Upward: the agglomeration council.** Coordination risk is an assurance game (joint "
        f"gain $B$, commitment cost $t_c$): (C, C) is an equilibrium iff "
        f"{_m(r['cc_equilibrium'])}, but (N, N) always is ({_m(r['nn_equilibrium'])}), and in "
        f"the mixed equilibrium each city cooperates with probability "
        f"{_m(r['mixed_cooperate'])}. Selecting (C, C) costs "
        f"{_m(r['k_cost'])} in k-implementation: nothing once $B \\geq t_c$. A council that "
        f"lowers $t_c$ and coordinates expectations (information, joint conferences) is thus "
        f"cheap and effective against this risk. **Outward: network governance.** If firms and "
        f"NGOs detect a city's defection with probability $\\pi$, the central fine that makes "
        f"(C, C) an equilibrium falls to {_m(r['monitored_fine'])} (cost on the path "
        f"{_m(r['monitored_cost'])}): monitoring by third parties substitutes for the size of "
        f"the sanction, not for the sanction itself."
    )


# ---- P15: the Xin'an River eco-compensation --------------------------------------------------


def _p15() -> dict[str, Any]:
    from .models.xinan import XinanCompensation, huangshan_annual_cost

    G, X, c_U, delta = sympy.symbols("G X c_U delta", positive=True)
    general = XinanCompensation(G=G, X=X, c_U=c_U, delta=delta)
    round1 = XinanCompensation.round(1)
    outcome = round1.subgame_perfect_outcome()
    cost = huangshan_annual_cost()
    table = round1.compliance_explanations(cost)
    explanations = {
        row["mechanism"]: (row["sustains_up_to"], row["needed"]) for _, row in table.iterrows()
    }
    swap = round1.coasean_swap_range()
    return {
        "thresholds": general.thresholds(),
        "minimal_swap": general.minimal_swap(),
        "oracle_thresholds": round1.thresholds(),
        "oracle_outcome": (outcome.anhui_action, outcome.payoffs),
        "huangshan_annual_cost": cost,
        "explanations": explanations,
        "oracle_minimal_swap": round1.minimal_swap(),
        "oracle_minimal_top_up": round1.minimal_central_top_up(),
        "oracle_coasean_swap": (swap.lower, swap.upper),
    }


def _p15_result(r: Mapping[str, Any]) -> str:
    th, o = r["thresholds"], r["oracle_thresholds"]
    action, payoffs = r["oracle_outcome"]
    rows = "\n".join(
        f"| {_escape(name)} | {'-' if up is None else _m(up)} | {_m(needed)} |"
        for name, (up, needed) in r["explanations"].items()
    )
    return (
        f"Anhui (upstream) receives the central $G$ in either case and the swap $\\pm X$ from or "
        f"to Zhejiang depending on the measured water quality; protecting costs it $c_U$ a year "
        f"net of its own benefits. With deterministic monitoring, protection is sustained iff "
        f"$c_U \\leq {latex(th['IC_U static'])}$ (static incentive: $G$ drops out), Anhui signs "
        f"iff $c_U \\leq {latex(th['IR_U'])}$, a $G$ paid only on compliance would give "
        f"$c_U \\leq {latex(th['IC_U G conditional'])}$, and if a failure ended the programme "
        f"(an assumption) $c_U \\leq {latex(th['renewal'])}$. The least swap is "
        f"{_eq('X^*', r['minimal_swap'])}.\n\n"
        f"Round 1 (documented $G = 3$, $X = 1$, in 100 million yuan a year; $\\delta = 9/10$): "
        f"static bound {_m(o['IC_U static'])}, participation {_m(o['IR_U'])}, conditional $G$ "
        f"{_m(o['IC_U G conditional'])}, renewal {_m(o['renewal'])}. With the illustrative "
        f"$c_U = 3/2$ the subgame-perfect outcome is sign and {action} with payoffs "
        f"{', '.join(f'{k} ${latex(v)}$' for k, v in payoffs.items())}; the least swap is "
        f"{_m(r['oracle_minimal_swap'])}, the least central top-up "
        f"{_m(r['oracle_minimal_top_up'])}, and without the centre any swap in "
        f"{_interval(*r['oracle_coasean_swap'])} would do. Huangshan's documented investment, "
        f"spread over seven years (an assumption), is {_m(r['huangshan_annual_cost'])} a year. "
        f"What each mechanism sustains, and what is missing:\n\n"
        f"| mechanism | sustains $c_U$ up to | needed per year |\n|---|---|---|\n{rows}"
    )


# ---- P16: central supervision and the evolution of local enforcement -------------------------


def _p16() -> dict[str, Any]:
    from fractions import Fraction

    from .evolution import stability_threshold
    from .models.environmental_regulation import COOPERATION, CentralLocalEnterprise

    general = CentralLocalEnterprise.symbolic()
    system = general.system()
    cooperation = system.stability_condition(COOPERATION)
    unique = general.minimal_fine(unique=True)
    stable = general.minimal_fine(unique=False)
    model = CentralLocalEnterprise()
    half = model.replace(pi=Fraction(1, 2))
    neutral = model.replace(G_l=0)
    return {
        "D_y": sympy.collect(system.payoff_differences[1], system.variables),
        "cooperation_stable": cooperation,
        "fine_stable": stable.lower,
        "fine_unique": unique.lower,
        "requires": unique.requires,
        "oracle_status_quo": tuple(model.stable_states()),
        "oracle_fine_stable": stability_threshold(
            model.replace(F_l=sympy.Symbol("F_l", positive=True)).system(),
            COOPERATION,
            sympy.Symbol("F_l", positive=True),
            unique=False,
        ).lower,
        "oracle_fine_unique": model.minimal_fine().lower,
        "oracle_half_detection": (half.minimal_fine(unique=False).lower, half.minimal_fine().lower),
        "oracle_no_growth": (
            neutral.minimal_fine(unique=False).lower,
            neutral.minimal_fine().lower,
        ),
        "oracle_bistable": tuple(model.replace(F_l=Fraction(7, 2)).stable_states()),
    }


def _p16_result(r: Mapping[str, Any]) -> str:
    lo, hi = r["oracle_half_detection"]
    n_lo, n_hi = r["oracle_no_growth"]
    requires = " and ".join(_m(c) for c in r["requires"])
    return (
        "Three populations revise their strategies by imitation (replicator dynamics "
        "[@taylor1978; @friedman1991]): central agencies supervise strictly or not, local "
        "governments enforce or not, enterprises produce green or pollute. In a "
        "multi-population game only strict equilibria, the vertices of the state space, can "
        "be asymptotically stable [@selten1980; @ritzberger1995], so the toolkit's stability "
        "table of all 27 rest points reduces the question to the signs of the eigenvalues at "
        "the eight vertices. The local governments' payoff difference between enforcing and "
        f"not is {_m(r['D_y'])}. Cooperation (strict, enforce, green) is asymptotically "
        f"stable iff {_m(r['cooperation_stable'])}. Given {requires} (green production pays "
        "under enforcement, the centre finds strict supervision worth its cost), it is stable "
        f"for central fines $F_l > {latex(r['fine_stable'])}$ and the *unique* stable state "
        f"for $F_l \\geq {latex(r['fine_unique'])}$: the fine must also exceed what lax "
        "enforcement earns through unregulated growth $G_l$, and both thresholds scale with "
        "$1/\\pi$, the inverse of the probability that supervision reaches a lax local "
        "government.\n\n"
        "With the illustrative values of the model (status-quo fine 2) the only stable state "
        f"is {_escape(', '.join(r['oracle_status_quo']))}. Cooperation becomes stable above "
        f"$F_l = {latex(r['oracle_fine_stable'])}$ and the unique stable state at "
        f"$F_l = {latex(r['oracle_fine_unique'])}$; in between both states are stable (at "
        f"$F_l = 7/2$: {_escape('; '.join(r['oracle_bistable']))}) and the outcome depends on "
        f"the initial shares. Halving detection doubles both thresholds ({_m(lo)} and "
        f"{_m(hi)}); without the growth incentive they coincide ({_m(n_lo)} and {_m(n_hi)}): "
        "the band in which history decides exists because of the tournament's reward for "
        "growth."
    )


# ---- P17: the centre and two cities: a temporary push or permanent control -------------------


def _p17() -> dict[str, Any]:
    from .models.regional_cooperation import COOPERATION, SCENARIOS, CentreAndTwoCities

    general = CentreAndTwoCities.symbolic()
    system = general.system()
    model = CentreAndTwoCities()
    stable = {name: tuple(model.replace(**ch).stable_states()) for name, ch in SCENARIOS.items()}
    return {
        "self_sustaining": system.stability_condition(COOPERATION),
        "defection": system.stability_condition(("not intervene", "defect", "defect")),
        "controlled": system.stability_condition(("intervene", "cooperate", "cooperate")),
        "oracle_stable": stable,
        "oracle_fine": model.minimal_fine().lower,
        "oracle_fine_attained": model.minimal_fine().lower_strict is False,
    }


def _p17_result(r: Mapping[str, Any]) -> str:
    rows = "\n".join(
        f"| {_escape(name)} | {_escape('; '.join(states)) if states else 'none (cycles)'} |"
        for name, states in r["oracle_stable"].items()
    )
    return (
        "A centre that intervenes (rewarding cooperation with $R$ per city and fining defection "
        "with $F$, at cost $C$ and political benefit $U$) faces two cities whose cooperation "
        "yields the private gain $g_i$ alone and $e_i$ more when the neighbour cooperates (the "
        "agglomeration spillover). Self-sustaining cooperation, the centre withdrawn and both "
        f"cities cooperating, is asymptotically stable iff {_m(r['self_sustaining'])}: the "
        "spillover must outweigh the private loss, and the centre must prefer not to pay the "
        "rewards. Mutual defection without intervention is stable iff "
        f"{_m(r['defection'])}, and permanent central control with cooperation iff "
        f"{_m(r['controlled'])}.\n\n"
        "Illustrative values ($C = 4$, $U = 1$, $R = 1$, $g = (-1, -2)$, $e = (3, 3)$): the "
        "stable states under each scenario are\n\n"
        f"| scenario | asymptotically stable states |\n|---|---|\n{rows}\n\n"
        f"Self-sustaining cooperation is the unique stable state for fines "
        f"$F \\geq {latex(r['oracle_fine'])}$, i.e. once the fines collected from two defecting "
        "cities cover the centre's net cost of intervening: the threat is then credible, and "
        "it is never carried out once the cities cooperate."
    )


# --------------------------------------------------------------------------------------------
# The list
# --------------------------------------------------------------------------------------------

PROPOSITIONS: tuple[Proposition, ...] = (
    Proposition(
        id="P1",
        title="Unfunded mandates under administrative subcontracting",
        topic="unfunded mandates",
        essay_claim="\u201cthe higher level orders the meal, the lower level pays for the "
        "dinner\u201d: under the administrative subcontracting system \u201cthe administrative "
        "power is not equal to the financial power\u201d, local governments raise the money "
        "themselves and \u201cpasses on the pressure to every common people\u201d; the remedy is "
        "\u201cfinancial power matching the authority\u201d (§2.1, §3.2).",
        statement="When the centre chooses a mandate but funds only part of its cost, it "
        "mandates more than is efficient, the unfunded part crowds out local discretionary "
        "spending, and the burden compounds down the levels of the hierarchy; full funding "
        "removes the distortion.",
        model="`gametheory.models.fiscal.UnfundedMandate` (MODELS.md §9.1): the centre is a "
        "Stackelberg leader choosing the mandate $m$ with benefit $bm - m^2/2$, unit cost $c$ "
        "of which it funds the share $f$; the local government pays the rest out of its own "
        "revenue $sY$. `bottom_share` composes the pass-down through several levels "
        "[@zhou2014].",
        function="gametheory.models.fiscal.UnfundedMandate",
        figure="unfunded_mandate",
        verdict="supported",
        assessment="The essay is right that an unfunded mandate is more than a transfer of "
        "money: the centre over-mandates because it does not bear the full cost, and the "
        "loss grows with the square of the unfunded cost. Its remedy (delegation with "
        "matching fiscal power, $f \\to 1$) removes the distortion in the model. Two points it "
        "leaves open: the dead-weight loss is a loss to the whole system, not only to the "
        "local government; and if the local government can shirk, an under-funded mandate is "
        "simply not delivered, so the problem can show up as non-compliance rather than as "
        "pressure on citizens.",
        calculate=_p1,
        result=_p1_result,
    ),
    Proposition(
        id="P2",
        title="Fiscal competition and local protectionism",
        topic="fiscal competition and protectionism",
        essay_claim="\u201cthe local protectionism and market segmentation behavior began to "
        "threaten national economic stability\u201d; \u201cthe trend of chasing regional GDP "
        "and competing for fiscal revenue among local governments has become increasingly "
        "fierce\u201d and \u201cthe free flow of market elements\u201d is \u201cconstantly "
        "distorted\u201d (§1, §2.2).",
        statement="Market segmentation between two regions is a prisoner's dilemma exactly when "
        "the local rent from protection is positive but smaller than the value of access to "
        "the other market; then both protect although both would gain from opening. With "
        "retaliation among many regions it becomes a coordination game with a tipping point.",
        model="`gametheory.models.protectionism.MarketSegmentation` and `RegionalRetaliation` "
        "(MODELS.md §2.1, §2.3): each region opens or protects; protection brings a rent $r$ "
        "at an efficiency cost $e$, access to an open market is worth $m$; with $N$ regions a "
        "protecting region gains $\\kappa$ more per other protecting region. Fines, subsidies "
        "and k-implementation come from `gametheory.interventions`, the repeated game from "
        "`gametheory.repeated` [@young2000; @zhou2004].",
        function="gametheory.models.protectionism.MarketSegmentation",
        figure="regional_retaliation",
        verdict="qualified",
        assessment="The diagnosis holds when protection is a dilemma: both regions lose from "
        "segmentation they individually choose. But the model qualifies the cure. In the "
        "two-region dilemma a credible central fine equal to the net rent suffices and is "
        "never paid; a subsidy is the expensive lever. With retaliation the problem is one of "
        "expectations, and a unified-market campaign that coordinates them costs the centre "
        "nothing. And with enough patience integration enforces itself. Which case holds is "
        "an empirical question the essay does not address.",
        calculate=_p2,
        result=_p2_result,
    ),
    Proposition(
        id="P3",
        title="Development against comparative advantage",
        topic="fiscal competition and protectionism",
        essay_claim="\u201cthe development of many regions often deviates from their "
        "comparative advantages, ignoring the resource endowment and the sustainability of "
        "development, resulting in serious imbalances\u201d (§2.2).",
        statement="A lagging region rationally refuses a division of labour that would lock it "
        "into the low-value sector even when integration is efficient; a lateral transfer "
        "from the developed region, conditional on integration, buys it, and any transfer in "
        "an interval whose width is the integration surplus works.",
        model="`gametheory.models.protectionism.AsymmetricSegmentation` (MODELS.md §2.2, a "
        "stylised version of the increasing-returns argument of @lu2004): the developed region "
        "D prefers integration whatever the lagging region U does, U prefers protection; "
        "transfers from `gametheory.bargaining` [@coase1960; @nash1950].",
        function="gametheory.models.protectionism.AsymmetricSegmentation.transfer_range",
        figure="asymmetric_segmentation",
        verdict="supported",
        assessment="The essay's observation is consistent with the model: deviation from "
        "comparative advantage can be the individually rational response of a lagging region, "
        "not a mistake. The model adds the remedy the essay later proposes in general terms, "
        "a lateral transfer, and its limits: it must be paid whenever the lagging region "
        "integrates (a transfer paid only at mutual integration is self-enforcing only at its "
        "lower end), and it exists only if integration is efficient.",
        calculate=_p3,
        result=_p3_result,
    ),
    Proposition(
        id="P4",
        title="The promotion tournament and the refusal of win-win cooperation",
        topic="the promotion tournament and the refusal of win-win cooperation",
        essay_claim="\u201cthe cadre assessment system's reliance on economic development "
        "performance directly leads to the promotion competition of local officials around "
        "economic development, or the 'political tournament'\u201d, and \u201cthe governments "
        "at the same level and at different levels still form multi-level competition "
        "relations in the game of promotion tournament\u201d (§2.3, §3.1).",
        statement="Under rank-order promotion an official takes an action iff it raises his "
        "GDP relative to the rival's: he refuses win-win projects that help the rival more and "
        "takes lose-lose obstruction that hurts the rival more; effort falls with positive "
        "spillovers; and a game in which regions would cooperate becomes a prisoner's dilemma "
        "for their officials.",
        model="`gametheory.models.tournament.PromotionTournament` (MODELS.md §1.2-1.3): a "
        "Lazear-Rosen rank-order tournament with spillover $\\beta$ and a Zhou-type "
        "cooperate/obstruct game between two officials; promotion probability "
        "$G(y_i - y_j)$ [@lazear1981; @zhou2004; @zhou2007].",
        function="gametheory.models.tournament.PromotionTournament.action_incentive",
        figure="tournament_spillover",
        verdict="supported",
        assessment="The model supports the essay's central diagnosis and sharpens it: the "
        "tournament does not merely distract officials from cooperation, it makes them "
        "refuse cooperation that would benefit both regions whenever the rival benefits more, "
        "and accept obstruction that harms both. The regions' own interests and the "
        "officials' diverge exactly by the rank structure of promotion.",
        calculate=_p4,
        result=_p4_result,
    ),
    Proposition(
        id="P5",
        title="Reweighting the evaluation under rank promotion",
        topic="the promotion tournament and the refusal of win-win cooperation",
        essay_claim="The \u201c'one size fits all' political performance appraisal system with "
        "GDP and other economic indicators as the core\u201d is the \u201cbaton\u201d (§2.3); "
        "the implied remedy is to change what officials are scored on.",
        statement="As long as promotion goes to the higher-ranked official, changing the "
        "weights of own, rival and joint output in the score changes nothing; the same "
        "weights work only if each official is judged against an absolute standard.",
        model="`PromotionTournament.reform_effect` (MODELS.md §1.3 and the erratum in "
        "docs/models_errata.md): the officials' cooperate/obstruct game with score "
        "$S_i = y_i - \\lambda y_j + \\mu(y_i + y_j)$ under a rank rule and an absolute rule; "
        "the conditions come from `gametheory.symbolic.equilibrium_conditions` and "
        "`threshold`.",
        function="gametheory.models.tournament.PromotionTournament.reform_effect",
        figure="evaluation_reform",
        verdict="qualified",
        assessment="The essay is right that the baton matters, but reweighting it is not "
        "enough: under rank promotion the weights on own, rival and joint performance cancel "
        "out of the comparison of two scores. Evaluation reform must change the form of "
        "evaluation (absolute standards, thresholds, joint targets judged on their own), "
        "not just the weights. Weights between different tasks are another matter (P6).",
        calculate=_p5,
        result=_p5_result,
    ),
    Proposition(
        id="P6",
        title="Multitask diversion from public services",
        topic="multitask diversion",
        essay_claim="\u201clocal government strategically choose quantitative observation "
        "index of economic development and not easily attaches great importance to the fuzzy "
        "and hard to quantify evaluation indicators of public service\u201d (§1).",
        statement="When GDP is measured and public services are not, raising the weight on "
        "GDP diverts effort from public services, which are abandoned altogether above a "
        "weight that falls with their measurability; the centre's optimal weight can be a "
        "corner.",
        model="`gametheory.models.multitask.MultitaskEvaluation` (MODELS.md §8.2, a "
        "cadre-evaluation version of @holmstrom1991): effort on GDP and on public services "
        "with substitutability $k$, evaluation weight $w$ on GDP and measurability $\\lambda$ "
        "of public services.",
        function="gametheory.models.multitask.MultitaskEvaluation.efforts",
        figure="multitask_diversion",
        verdict="supported",
        assessment="The essay's observation is the multitask effect: strategic neglect of "
        "hard-to-measure tasks follows from the evaluation weights and the measurability of "
        "the tasks. The model adds that a weight between tasks, unlike the own/rival weights "
        "of P5, moves effort even under rank promotion, so this part of evaluation reform "
        "does work; and that with poorly measured public services the centre may do best "
        "putting no weight on GDP at all.",
        calculate=_p6,
        result=_p6_result,
    ),
    Proposition(
        id="P7",
        title="The ICA net-benefit condition and the choice of mechanism",
        topic="the ICA net-benefit condition",
        essay_claim="\u201cRegional intergovernmental cooperation is possible only when "
        "cooperation produces net benefits, that is, expected benefits of cooperation exceed "
        "cooperation risks and costs\u201d (§3.1, after Feiock's institutional collective "
        "action).",
        statement="Each city joins a mechanism iff its success-weighted benefit exceeds the "
        "transaction and autonomy costs; the mechanism chosen moves from informal networks to "
        "contracts to imposed authority as the stakes grow. A positive net benefit of joint "
        "cooperation is necessary but not sufficient: each city's incentive to defect must be "
        "removed as well.",
        model="`gametheory.models.ica.Mechanism`, `InstitutionalCollectiveAction` and "
        "`CollaborationRisks` (MODELS.md §3.1-3.4): net benefit "
        "$NB_i(m)$ with the three collaboration risks and the four transaction costs of "
        "@feiock2007, mechanisms ordered by authority as in @feiock2013.",
        function="gametheory.models.ica.InstitutionalCollectiveAction.chosen_mechanism",
        figure="ica_mechanism_choice",
        also=("ica_collaboration_risks",),
        verdict="qualified",
        assessment="The condition is right as a participation constraint, and the model "
        "makes it operational: it prices each risk and cost and predicts which mechanism is "
        "chosen (Feiock's matching of mechanism to risk). But the essay reads it as the "
        "condition for cooperation, and it is not: in the defection game both cities gain "
        "from mutual cooperation and neither cooperates. Net benefits must be made "
        "individually incentive-compatible, which is what the interventions of P9-P12 do. "
        "Strong imposed authority is chosen only when the stakes are large.",
        calculate=_p7,
        result=_p7_result,
    ),
    Proposition(
        id="P8",
        title="The three types of regional cooperation",
        topic="the three cooperation types",
        essay_claim="\u201cregional government cooperation can be divided into three types: "
        "sharing type, profit and loss type and comparative benefit type\u201d (§3.1, Fig. 1, "
        "after @chen2019).",
        statement="The three types are three different games with three different obstacles "
        "and remedies: sharing is an assurance game unlocked by a costless guarantee; "
        "profit-and-loss needs a lateral transfer within the Coasean range; comparative "
        "benefit is blocked by relative evaluation and unlocked by a transfer or a joint "
        "performance weight.",
        model="`gametheory.models.cooperation_types` (MODELS.md §4): `SharingCooperation`, "
        "`ProfitAndLossCooperation`, `ComparativeBenefitCooperation` and `classify`, with "
        "transfers from `gametheory.bargaining` and k-implementation from "
        "`gametheory.interventions` [@chen2019; @monderer2004].",
        function="gametheory.models.cooperation_types.classify",
        figure="cooperation_types",
        verdict="supported",
        assessment="The typology is sound and the models make it useful: each type has its "
        "own equilibrium structure and its own cheapest remedy, none of which the essay "
        "states. The comparative-benefit type is the one the promotion tournament blocks "
        "(both cities gain, but one gains less), which links §3.1 of the essay to its §2.3. "
        "The essay's figure is redrawn from the models (see the figure).",
        calculate=_p8,
        result=_p8_result,
    ),
    Proposition(
        id="P9",
        title="The need for central intervention",
        topic="the need for central intervention",
        essay_claim="\u201cstrong central government intervention is the only chance to break "
        "the relationship\u201d and \u201clet the central government to play a leading role is "
        "the most vital thing\u201d (§3.1, §3.2).",
        statement="In a one-shot defection game a budget-balanced transfer between the two "
        "cities cannot sustain cooperation; a central subsidy, a central fine or a liability "
        "rule can, at the least level of the one-shot temptation. Only the subsidy costs money "
        "on the equilibrium path; where cooperation is already an equilibrium, selecting it "
        "costs nothing.",
        model="`gametheory.interventions.minimal_intervention` on the parametric prisoner's "
        "dilemma (MODELS.md §6.1-6.2): subsidy, penalty, transfer and liability instruments; "
        "`k_implementation_cost` [@monderer2004].",
        function="gametheory.interventions.minimal_intervention",
        figure="intervention_levels",
        also=("pd_subsidy_penalty",),
        verdict="qualified",
        assessment="The essay is right that a symmetric defection problem cannot be solved by "
        "the cities' own budget-balanced side payments in a single encounter: some outside "
        "enforcement is needed. But \u201cthe only chance\u201d is too strong. The centre's "
        "role can be that of an enforcer whose fines are never paid, or of a legislator of a "
        "liability rule; coordination problems need no money at all (P14); one-sided "
        "problems are solved by lateral transfers (P3, P8, P12); and repeated interaction can "
        "make cooperation self-enforcing (P13).",
        calculate=_p9,
        result=_p9_result,
    ),
    Proposition(
        id="P10",
        title="Tax-revenue sharing",
        topic="tax-revenue sharing",
        essay_claim="\u201cset up the tax revenue sharing mechanism\u201d (§3.2).",
        statement="Sharing the tax revenue of a relocated firm or enclave park between host and "
        "origin makes both accept iff the origin's share lies in an interval that is "
        "non-empty exactly when the revenue covers the host's cost and the origin's lost tax "
        "base.",
        model="`gametheory.bargaining.revenue_share_range` and `nash_bargaining_share` "
        "(MODELS.md §4.2, §9.3), wrapped by `gametheory.models.cooperation_types."
        "TaxRevenueSharing` [@nash1950].",
        function="gametheory.bargaining.revenue_share_range",
        figure=None,
        verdict="supported",
        assessment="Revenue sharing is a lateral transfer in another form, and it works under "
        "the same condition: a positive joint surplus. The essay does not say how to choose "
        "the share; the feasible interval and the Nash bargaining share give a rule. It "
        "cannot rescue a relocation whose revenue does not cover both sides' costs.",
        calculate=_p10,
        result=_p10_result,
    ),
    Proposition(
        id="P11",
        title="The common fiscal fund and the cost of stability",
        topic="the common fund",
        essay_claim="\u201ccreate common fiscal funds\u201d under a central government that "
        "plays \u201ca leading role\u201d (§3.2).",
        statement="A common fund without a clause is an N-city public-goods dilemma that "
        "central matching fixes only at a high rate; a refund clause or a match conditional "
        "on full contribution does it far more cheaply. Central money is indispensable only "
        "when some group of cities can do better alone than any division of the "
        "agglomeration's surplus gives it: the cost of stability.",
        model="`gametheory.models.agglomeration.UrbanAgglomeration` (MODELS.md §9.2: the fund "
        "as a public-goods game with central matching $m$ and three clauses) and "
        "`AgglomerationSurplus` / `gametheory.cooperative.CooperativeGame` (MODELS.md "
        "§6.4-6.6: Shapley value, nucleolus, cost of stability) [@shapley1953; "
        "@schmeidler1969; @bachrach2009].",
        function="gametheory.models.agglomeration.UrbanAgglomeration.minimal_matching",
        figure="agglomeration_common_fund",
        also=("common_fund_split",),
        verdict="qualified",
        assessment="A common fund can make cooperation pay, but not by existing: without a "
        "clause every city keeps its money. The essay's central-led fund is the expensive "
        "version (a match of $1/\\alpha - 1$ per yuan); contract design (refund or "
        "conditional matching) needs little or no central money. Where the agglomeration's "
        "surplus has an empty core the centre must top it up by the cost of stability, and "
        "the division rule (Shapley value or nucleolus) matters for the peripheries.",
        calculate=_p11,
        result=_p11_result,
    ),
    Proposition(
        id="P12",
        title="Lateral transfer payments",
        topic="lateral transfers",
        essay_claim="\u201cbuild a lateral transfer payment system to improve financial "
        "cooperation with 'city' as the unit of administrative cooperation\u201d (§3.2).",
        statement="A one-shot lateral transfer unlocks a project that one city gains from and "
        "the other loses from iff it lies in the Coasean range; it cannot unlock a symmetric "
        "dilemma. In repeated play a per-period transfer from the patient to the impatient "
        "city lowers the discount factor cooperation needs to the common mediant threshold.",
        model="`gametheory.bargaining.coasean_transfer_range` (MODELS.md §4.2) and "
        "`gametheory.repeated.equalizing_transfer` (MODELS.md §7.2) [@coase1960; @nash1950; "
        "@mailath2006].",
        function="gametheory.bargaining.coasean_transfer_range",
        figure="coasean_range",
        also=("repeated_transfer",),
        verdict="qualified",
        assessment="Lateral transfers are the right tool where gains are unequal, in one-shot "
        "deals (a project with a loser) and in long relationships (an impatient partner). The "
        "essay proposes them as a system without the condition under which they work: a "
        "positive joint surplus, and, in a symmetric dilemma, either repetition or outside "
        "enforcement, since a budget-balanced payment at mutual cooperation changes nobody's "
        "temptation on net (P9).",
        calculate=_p12,
        result=_p12_result,
    ),
    Proposition(
        id="P13",
        title="Official tenure, rotation and the shadow of the future",
        topic="official tenure and rotation",
        essay_claim="The essay treats cooperation as \u201cdynamic creation and evolution\u201d "
        "(§3.1) among officials locked in a \u201cmulti-level\u201d promotion game, but does "
        "not discuss how long officials stay in post.",
        statement="Cooperation between two cities is self-enforcing iff their officials are "
        "patient enough; rotation and short tenure shorten the shadow of the future, so "
        "cooperation needs a minimal expected tenure, a minimal reappointment probability, "
        "and no known last period.",
        model="`gametheory.repeated` (MODELS.md §7): `critical_discount_factor` (grim "
        "trigger), `minimal_stay_probability`, `minimal_expected_tenure`, `term_incentive`, "
        "`minimal_reappointment_probability`, `finite_horizon_spe` [@mailath2006].",
        function="gametheory.repeated.critical_discount_factor",
        figure="tenure_cooperation",
        verdict="open",
        assessment="The essay leaves time out. The model shows it is central: the same "
        "officials who defect in one encounter cooperate in a long relationship if they are "
        "patient enough, and the personnel system that rotates them decides whether they "
        "are. Rotation and fixed terms are levers of the central-local relationship as "
        "powerful as the fiscal ones the essay proposes, and they work against cooperation "
        "unless successors inherit their predecessors' commitments.",
        calculate=_p13,
        result=_p13_result,
    ),
    Proposition(
        id="P14",
        title="Network governance and the agglomeration council",
        topic="network governance",
        essay_claim="\u201cthe establishment of various inter-city councils, management areas "
        "or planning entities\u201d (upward), and \u201cnetwork governance\u201d that "
        "integrates \u201cthe private sector and the third sector into the public service "
        "delivery system\u201d, NGOs trading support for resources (outward) (§3.2, Fig. 2).",
        statement="A council that lowers transaction costs and coordinates expectations solves "
        "coordination problems at no cost, but not defection; third-party monitoring by firms "
        "and NGOs lowers the sanction needed against defection in proportion to the detection "
        "probability, without replacing it.",
        model="`gametheory.models.ica.CollaborationRisks` (coordination game, MODELS.md §3.2), "
        "`gametheory.symbolic.mixed_equilibrium`, `gametheory.interventions."
        "k_implementation_cost` and `minimal_intervention` with a `Penalty` detected with "
        "probability $\\pi$ (MODELS.md §6.2, §10) [@feiock2013; @monderer2004].",
        function="gametheory.interventions.k_implementation_cost",
        figure="agglomeration_governance",
        also=("stag_hunt_cost_benefit",),
        verdict="open",
        assessment="The model supports the council as a coordination device and third parties "
        "as monitors, the two roles MODELS.md §10 assigns them; the essay's Fig. 2 is redrawn "
        "with the model lever of each upward, downward, inward and outward relation. What the "
        "essay expects most from network governance, legitimacy and support exchanged "
        "between the agglomeration and NGOs, is not a game the essay specifies, and the "
        "toolkit does not model it; nor does the essay say who enforces the council's "
        "decisions against a defecting city. These remain open.",
        calculate=_p14,
        result=_p14_result,
    ),
    Proposition(
        id="P15",
        title="The Xin'an River eco-compensation as the real case",
        topic="network governance",
        essay_claim="The essay's model (a central government in \u201ca leading role\u201d with "
        "\u201ca lateral transfer payment system\u201d, §3.2) has a real instance in the "
        "Xin'an River agreement between Anhui and Zhejiang (2012-), which the essay does not "
        "discuss.",
        statement="In the documented first round the unconditional central money does not "
        "enter Anhui's incentive to protect the water, only its decision to sign, and the "
        "conditional swap sustains protection only up to twice its size; the documented scale "
        "of Anhui's effort exceeds every money mechanism, so the swap alone cannot explain "
        "compliance.",
        model="`gametheory.models.xinan.XinanCompensation` (MODELS.md §5 and the errata): the "
        "centre, Zhejiang and Anhui in a sign / protect game with the documented amounts of "
        "round 1 ($G = 3$, $X = 1$), monitoring probabilities, a renewal version, and "
        "`compliance_explanations` for the gap.",
        function="gametheory.models.xinan.XinanCompensation.compliance_explanations",
        figure="xinan_thresholds",
        also=("xinan_rounds",),
        verdict="qualified",
        assessment="The case supports the essay's architecture (a centre that brokers and "
        "co-funds a lateral, conditional transfer) but not its mechanics. The central money "
        "bought participation, not protection; the conditional swap of 1 (100 million yuan) a "
        "year sustains a protection cost of at most 2 a year; even the threat of losing the "
        "programme sustains less than 4. Huangshan's effort, about 17 a year, must be "
        "explained by Anhui's own benefits or by hierarchical, political incentives that "
        "the money flows do not show.",
        calculate=_p15,
        result=_p15_result,
    ),
    Proposition(
        id="P16",
        title="Central supervision and the evolution of local enforcement",
        topic="evolutionary dynamics",
        essay_claim="Local governments, competing in the promotion tournament, put growth "
        "before public goods; \u201cthe central government should strengthen the supervision "
        "of local governments\u201d, and \u201cstrong central government intervention is the "
        "only chance\u201d; under administrative subcontracting supervision weakens through "
        "the layers of government (§2.1-2.2, §3.2).",
        statement="When central agencies, local governments and enterprises adapt by imitation, "
        "cooperation (strict supervision, enforcement, green production) is the unique stable "
        "state only if the central fine on lax local governments exceeds both the cost of "
        "enforcement net of rewards and the growth lax enforcement brings, divided by the "
        "probability that supervision detects laxity; between the fine that makes cooperation "
        "stable and the one that makes it unique, the outcome depends on history.",
        model="`gametheory.models.environmental_regulation.CentralLocalEnterprise`: a "
        "tripartite evolutionary game of the applied literature's structure (our "
        "parametrisation; illustrative values), solved by `gametheory.evolution` (replicator "
        "dynamics, exact rest points and stability table, `stability_threshold`) "
        "[@friedman1991; @ritzberger1995; @zhou2007].",
        function="gametheory.models.environmental_regulation.CentralLocalEnterprise.minimal_fine",
        figure="evolution_regulation_basins",
        also=("evolution_regulation_paths",),
        verdict="qualified",
        assessment="The evolutionary view supports the essay's call for central supervision "
        "and adds what the static games do not show. First, a fine large enough to make "
        "cooperation an equilibrium is not enough: in the band between the two thresholds "
        "the lax state stays stable too, and which one a region reaches depends on where it "
        "starts, so a reform can fail in one province and succeed in another under the same "
        "rules. Second, the fine that removes the lax state grows with the growth reward of "
        "the tournament and with the layers of subcontracting that dilute detection; reforming "
        "the evaluation ($G_l \\to 0$) closes the band. The model is ours, in the genre of the "
        "applied literature; its numbers are illustrations, not estimates.",
        calculate=_p16,
        result=_p16_result,
    ),
    Proposition(
        id="P17",
        title="Regional cooperation under a central push",
        topic="evolutionary dynamics",
        essay_claim="\u201cstrong central government intervention is the only chance\u201d for "
        "cooperation between local governments locked in competition, and the "
        "central-government-led urban agglomeration rewards cooperation and penalises "
        "defection (§3.1-3.2).",
        statement="When the agglomeration spillover makes cooperation pay for a city whose "
        "neighbour cooperates, a credible central fine makes self-sustaining cooperation the "
        "unique stable state and the centre withdraws once it is reached; without such a "
        "spillover cooperation needs permanent intervention, which lasts only if the centre "
        "values its leading role above the rewards it pays, and otherwise intervention and "
        "cooperation cycle.",
        model="`gametheory.models.regional_cooperation.CentreAndTwoCities`: the central "
        "government and two cities as three evolving populations (our parametrisation of the "
        "genre; illustrative values), solved by `gametheory.evolution` "
        "[@friedman1991; @ritzberger1995].",
        function="gametheory.models.regional_cooperation.CentreAndTwoCities.minimal_fine",
        figure="evolution_two_cities",
        verdict="qualified",
        assessment="The essay is right that cooperation between competing cities does not "
        "arise by itself where the status quo is mutual defection, but the evolutionary model "
        "separates two cases it merges. Where the agglomeration creates real spillovers, the "
        "centre's role is a push: a fine credible enough to be imposed moves the cities into a "
        "cooperative equilibrium that then sustains itself, and the fine is never paid. Where "
        "it does not, cooperation lasts only under permanent central control, which a centre "
        "weighing its costs abandons, so intervention and cooperation cycle. Strong "
        "intervention is then necessary but not sufficient; what decides is whether the "
        "agglomeration's institutions raise the spillover.",
        calculate=_p17,
        result=_p17_result,
    ),
)

#: The topics of issue 7, item 1, and the propositions that answer each.
ISSUE_TOPICS: dict[str, tuple[str, ...]] = {}
for _p in PROPOSITIONS:
    ISSUE_TOPICS.setdefault(_p.topic, ())
    ISSUE_TOPICS[_p.topic] += (_p.id,)
del _p


def proposition(id: str) -> Proposition:
    """The proposition with the given id (``"P1"`` ... ); ValueError if unknown."""
    for p in PROPOSITIONS:
        if p.id == id:
            return p
    raise ValueError(f"unknown proposition {id!r}; known: {[p.id for p in PROPOSITIONS]}")


# --------------------------------------------------------------------------------------------
# The paper
# --------------------------------------------------------------------------------------------

_TITLE = "Central-local relations and regional cooperation: the essay's claims, computed"

_ABSTRACT = (
    "An essay on China's central-local relations argues that administrative subcontracting, "
    "fiscal competition and the GDP promotion tournament have left local governments "
    "fragmented, and proposes a central-led \u201curban agglomeration\u201d of regional "
    "governments with revenue sharing, a common fund and lateral transfers [@essay]. We state "
    "each of its claims as a proposition, examine it with a game-theoretic model, and compute "
    "the result exactly with the `gametheory` toolkit: every formula below is printed from the "
    "toolkit's symbolic output, every figure is regenerated by one command, and a test maps "
    "each proposition to the function that proves it. Of {n} propositions, {counts}. The "
    "tournament diagnosis survives and sharpens: rank promotion makes officials refuse "
    "cooperation that helps the rival more. Several remedies need qualification: reweighting "
    "the evaluation changes nothing under rank promotion; strong central intervention is not "
    "the only way out, since coordination problems cost nothing to solve, liability rules and "
    "repeated play can enforce cooperation, and lateral transfers settle one-sided gains; and "
    "in the Xin'an River case the \u00b11 (100 million yuan) conditional swap alone cannot "
    "explain the upstream province's compliance."
)

_INTRODUCTION = (
    "The essay [@essay] starts from a diagnosis. Under the *administrative subcontracting* "
    "system the centre passes tasks down the hierarchy without the money to carry them out "
    "[@zhou2014]; since fiscal decentralisation local governments compete for GDP and fiscal "
    "revenue, protect their markets and develop against their comparative advantage "
    "[@young2000; @lu2004]; and the cadre evaluation, a *promotion tournament* on economic "
    "growth, makes officials of neighbouring jurisdictions rivals rather than partners "
    "[@zhou2004; @zhou2007], while hard-to-measure public services are neglected. Public "
    "problems, meanwhile, spill over administrative boundaries, so the rigid divisions "
    "\u201cfall into a state of governance failure\u201d.\n\n"
    "Its proposal draws on institutional collective action [@feiock2007; @feiock2013]: "
    "cooperation happens only when it yields net benefits, and it comes in three types, "
    "sharing, profit-and-loss and comparative benefit [@chen2019]. Because governments remain "
    "locked in the tournament, the essay holds that \u201cstrong central government "
    "intervention is the only chance\u201d, and sketches a central-led urban agglomeration: "
    "councils of cities above, delegation with matching fiscal power below, joined-up "
    "government within, network governance with firms and NGOs outside, financed by tax-revenue "
    "sharing, a common fund and lateral transfer payments.\n\n"
    "Each section below takes one claim, states it as a proposition, names the model "
    "(`gametheory` class and the section of the modelling specification MODELS.md), gives the "
    "exact result computed by the toolkit, the figure, and a verdict: *supported*, "
    "*qualified* (right under conditions the essay does not state), *contradicted*, or *open* "
    "(the essay does not say enough to decide). The games are standard: tournaments "
    "[@lazear1981], multitask incentives [@holmstrom1991], k-implementation [@monderer2004], "
    "Nash bargaining [@nash1950], the Shapley value [@shapley1953], the nucleolus "
    "[@schmeidler1969], the cost of stability [@bachrach2009], and repeated games "
    "[@friedman1971; @abreu1988; @benoit1985; @mailath2006]."
)

_REPRODUCING = (
    "Every number and formula in this paper is computed by `gametheory.paper`, which calls the "
    "toolkit; the file is regenerated with\n\n"
    "```bash\n"
    f"{REGENERATE}\n"
    "```\n\n"
    "and `tests/test_paper.py` fails if the committed text differs from what the code produces, "
    "if a proposition's function cannot be imported, or if its results differ from the "
    "independently known values of MODELS.md. The figures are regenerated, with the CSV of "
    "the data behind each and a manifest of hashes, by\n\n"
    "```bash\n"
    "gametheory reproduce          # writes paper/figures/\n"
    "gametheory reproduce --check  # recomputes and compares with the committed data\n"
    "```"
)


def _figure_markdown(name: str, number: int, captions: Mapping[str, str]) -> str:
    caption = _escape(captions[name])
    return f"![Figure {number} ({name}). {caption}](figures/{name}.png)"


def _captions() -> dict[str, str]:
    from .figures import registry

    return {entry.name: entry.caption for entry in registry()}


def _verdict_counts() -> str:
    counts = {v: sum(p.verdict == v for p in PROPOSITIONS) for v in VERDICTS}
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
    parts = [f"{words.get(k, str(k))} {v}" for v, k in counts.items() if k]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def render_paper() -> str:
    """The Markdown of ``paper/paper.md``, built from :data:`PROPOSITIONS` and the toolkit.

    Deterministic (no dates, sorted inputs, ``\\n`` line ends). Formulas in the results are
    :func:`sympy.latex` of the objects :meth:`Proposition.compute` returns.
    """
    captions = _captions()
    out = [
        "---",
        f'title: "{_TITLE}"',
        "bibliography: paper.bib",
        "link-citations: true",
        "suppress-bibliography: true",
        "---",
        "",
        "<!-- Generated by gametheory.paper.render_paper(); do not edit by hand. -->",
        f"<!-- Regenerate: {REGENERATE} -->",
        "",
        f"# {_TITLE}",
        "",
        "## Abstract",
        "",
        _ABSTRACT.format(n=len(PROPOSITIONS), counts=_verdict_counts()),
        "",
        "## 1. Introduction",
        "",
        _INTRODUCTION,
        "",
    ]
    number = 0
    for k, p in enumerate(PROPOSITIONS, start=2):
        out += [
            f"## {k}. {p.id}: {p.title}",
            "",
            f"**Claim.** {p.essay_claim}",
            "",
            f"**Proposition {p.id}.** {p.statement}",
            "",
            f"**Model.** {p.model}",
            "",
            f"**Result.** {p.result_markdown()}",
            "",
            f"*Proved by* `{p.function}`.",
            "",
        ]
        for name in p.figures():
            number += 1
            out += [_figure_markdown(name, number, captions), ""]
        out += [f"**Verdict: {p.verdict}.** {p.assessment}", ""]
    k = len(PROPOSITIONS) + 2
    out += [
        f"## {k}. Summary",
        "",
        "| id | claim | verdict | proved by |",
        "|---|---|---|---|",
    ]
    out += [f"| {p.id} | {p.title} | {p.verdict} | `{p.function}` |" for p in PROPOSITIONS]
    out += ["", f"## {k + 1}. Reproducing", "", _REPRODUCING, "", "## References", ""]
    cited = _cited_keys("\n".join(out))
    for ref in sorted(REFERENCES, key=lambda r: r.key):
        if ref.key in cited:
            out += [f"- [{ref.key}] {ref.text}"]
    return "\n".join(out) + "\n"


def _cited_keys(text: str) -> set[str]:
    """The citation keys ``@key`` that occur in ``text``."""
    return set(re.findall(r"@([A-Za-z]\w*)", text))


def write_paper(path: str | Path = PAPER_PATH, bib_path: str | Path | None = BIB_PATH) -> Path:
    """Write :func:`render_paper` to ``path`` (UTF-8, ``\\n``) and the bibliography next to it.

    ``bib_path=None`` skips ``paper.bib``. Returns the path of the paper.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_paper().encode("utf-8"))
    if bib_path is not None:
        write_bibliography(bib_path)
    return path


def write_bibliography(path: str | Path = BIB_PATH) -> Path:
    """Write :func:`render_bibliography` to ``path`` (UTF-8, ``\\n``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_bibliography().encode("utf-8"))
    return path
