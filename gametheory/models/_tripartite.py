"""Shared machinery of the three-population evolutionary models (one module per model uses it).

A tripartite model of this literature is a 2x2x2 game: three populations (e.g. the central
government, local governments, enterprises), each with two strategies, and payoffs written as
formulas of named parameters. :class:`TripartiteModel` is the base of such frozen dataclasses:
it checks the parameters, builds the :class:`~gametheory.Game` from a payoff function, and
delegates every analysis to :mod:`gametheory.evolution` (the replicator system, its rest points
and stability table, the stability conditions and thresholds, evolution paths).
"""

from __future__ import annotations

import abc
import dataclasses
from collections.abc import Mapping, Sequence
from itertools import product
from typing import Any, ClassVar

import numpy as np
import sympy

from ..game import Game
from ._parameters import check_parameter

__all__ = ["TripartiteModel"]


@dataclasses.dataclass(frozen=True)
class TripartiteModel(abc.ABC):
    """Abstract base class: subclasses declare ``PLAYERS``, ``ACTIONS``, ``MEANINGS``
    (parameter name -> meaning), ``NONNEGATIVE`` (names that must be >= 0), ``PROBABILITIES``
    (names in [0, 1]) and implement :meth:`payoffs`."""

    PLAYERS: ClassVar[tuple[str, str, str]] = ("1", "2", "3")
    ACTIONS: ClassVar[tuple[tuple[str, str], ...]] = (("a", "b"),) * 3
    MEANINGS: ClassVar[dict[str, str]] = {}
    NONNEGATIVE: ClassVar[tuple[str, ...]] = ()
    PROBABILITIES: ClassVar[tuple[str, ...]] = ()
    TITLE: ClassVar[str] = ""

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            check_parameter(f.name, value)
            v = sympy.sympify(value)
            if f.name in self.NONNEGATIVE and (v >= 0) is sympy.false:
                raise ValueError(
                    f"{f.name} = {value} must be non-negative ({self.MEANINGS.get(f.name, '')})"
                )
            if f.name in self.PROBABILITIES and (
                (v >= 0) is sympy.false or (v <= 1) is sympy.false
            ):
                raise ValueError(
                    f"{f.name} = {value} must lie in [0, 1] ({self.MEANINGS.get(f.name, '')})"
                )

    # ---- construction ------------------------------------------------------------------------

    @classmethod
    def symbolic(cls, **overrides: Any) -> TripartiteModel:
        """The model with every parameter a positive sympy symbol named as the field
        (probabilities too), except those given in ``overrides``."""
        values = {}
        for f in dataclasses.fields(cls):
            values[f.name] = overrides.get(f.name, sympy.Symbol(f.name, positive=True))
        unknown = sorted(set(overrides) - set(values))
        if unknown:
            raise ValueError(f"unknown parameter(s) {unknown} of {cls.__name__}")
        return cls(**values)

    @abc.abstractmethod
    def payoffs(self, profile: tuple[int, int, int]) -> tuple[Any, Any, Any]:
        """The three payoffs at a pure profile (0 = first action of each player)."""

    def game(self) -> Game:
        """The 2x2x2 normal-form game."""
        arrays = [np.empty((2, 2, 2), dtype=object) for _ in range(3)]
        for profile in product(range(2), repeat=3):
            for i, value in enumerate(self.payoffs(profile)):
                arrays[i][profile] = sympy.sympify(value)
        return Game.from_arrays(
            *arrays,
            players=list(self.PLAYERS),
            actions=[list(a) for a in self.ACTIONS],
            title=self.TITLE,
        )

    def parameters(self) -> dict[str, Any]:
        """The parameter values by name."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def replace(self, **values: Any) -> TripartiteModel:
        """A copy with some parameters changed."""
        return dataclasses.replace(self, **values)

    # ---- evolutionary analysis (gametheory.evolution) -----------------------------------------

    def system(self) -> Any:
        """The three-population replicator dynamics (variables ``x, y, z``: the shares of each
        player's first action)."""
        from ..evolution import replicator

        return replicator(self.game())

    def stability_table(self, **options: Any) -> Any:
        """The stability table of every rest point (see
        :func:`gametheory.evolution.stability_table`)."""
        return self.system().stability_table(**options)

    def stable_states(self) -> list[str]:
        """Labels of the asymptotically stable rest points (numeric models)."""
        if any(isinstance(v, sympy.Basic) and v.free_symbols for v in self.parameters().values()):
            raise ValueError("stable_states() needs numeric parameters; use stability_table()")
        return [p.label for p in self.system().rest_points() if p.classification == "stable"]

    def stability_condition(self, profile: Sequence[int | str], *, unique: bool = False) -> Any:
        """When the vertex ``profile`` is asymptotically stable (the only such state)."""
        return self.system().stability_condition(profile, unique=unique)

    def threshold(
        self, profile: Sequence[int | str], parameter: str, *, unique: bool = True
    ) -> Any:
        """The values of ``parameter`` (kept symbolic, the others at their values) for which the
        vertex ``profile`` is the (unique) asymptotically stable state, as a
        :class:`~gametheory.symbolic.Threshold`."""
        from ..evolution import stability_threshold

        names = [f.name for f in dataclasses.fields(self)]
        if parameter not in names:
            raise ValueError(f"unknown parameter {parameter!r}; the parameters are {names}")
        symbol = getattr(self, parameter)
        if not (isinstance(symbol, sympy.Symbol)):
            symbol = sympy.Symbol(parameter, positive=True)
            model = self.replace(**{parameter: symbol})
        else:
            model = self
        return stability_threshold(model.system(), profile, symbol, unique=unique)

    def simulate(
        self,
        initial_states: Any,
        t: Any,
        *,
        scenarios: Mapping[str, Mapping[str, Any]] | None = None,
        **options: Any,
    ) -> Any:
        """Evolution paths (see :func:`gametheory.evolution.simulate`). With ``scenarios``
        (name -> parameter changes) each scenario is this model with those changes."""
        if scenarios is None:
            return self.system().simulate(initial_states, t, **options)
        names = [f.name for f in dataclasses.fields(self)]
        symbols = {n: sympy.Symbol(f"_{n}", real=True) for n in names}
        free = self.replace(**{n: symbols[n] for n in names})
        system = free.system()
        used = {s.name for s in system.parameters}
        rows = {}
        for label, changes in scenarios.items():
            unknown = sorted(set(changes) - set(names))
            if unknown:
                raise ValueError(f"scenario {label!r}: unknown parameter(s) {unknown}")
            merged = {**self.parameters(), **changes}
            for n, v in merged.items():
                check_parameter(n, v)
            rows[label] = {f"_{n}": merged[n] for n in names if f"_{n}" in used}
        return system.simulate(initial_states, t, scenarios=rows, **options)
