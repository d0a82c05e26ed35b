"""The parameter check shared by the domain models.

Every model accepts its parameters as numbers (``int``, :class:`fractions.Fraction`, ``float``) or
as real sympy expressions (parametric models); :func:`check_parameter` rejects everything else
with a message that names the parameter.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import sympy

__all__ = ["check_parameter"]


def check_parameter(name: str, value: Any) -> None:
    """Reject anything that is not a finite real number or a real sympy expression.

    Booleans, strings, complex numbers, NaN and infinities raise ``TypeError`` or ``ValueError``
    naming ``name``; a sympy expression known to be non-real (or containing ``nan``/``oo``)
    raises ``ValueError``.
    """
    if isinstance(value, bool):
        raise TypeError(f"parameter {name} is a boolean ({value!r}); it must be a number")
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr):
            raise TypeError(
                f"parameter {name} is a sympy {type(value).__name__}, not an expression"
            )
        if value.is_real is False or value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
            raise ValueError(f"parameter {name} = {value} is not a finite real number")
        return
    if not isinstance(value, numbers.Real):
        raise TypeError(
            f"parameter {name} has type {type(value).__name__} ({value!r}); use int, float, "
            "fractions.Fraction or a sympy expression"
        )
    if not math.isfinite(float(value)):
        raise ValueError(f"parameter {name} = {value} is not finite")
