"""Domain models: small frozen dataclasses of named parameters that build games.

Models contain no solver code; their equilibria come from :mod:`gametheory.equilibria`
(DESIGN.md, "Domain models").
"""

from .ica import (
    ILLUSTRATIVE_MECHANISMS,
    CollaborationRisks,
    InstitutionalCollectiveAction,
    Mechanism,
)

__all__ = [
    "ILLUSTRATIVE_MECHANISMS",
    "CollaborationRisks",
    "InstitutionalCollectiveAction",
    "Mechanism",
]
