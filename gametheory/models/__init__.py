"""Domain models: small frozen dataclasses of named parameters that build games.

Models contain no solver code; their equilibria come from :mod:`gametheory.equilibria` and
their thresholds from :mod:`gametheory.symbolic`, :mod:`gametheory.interventions`,
:mod:`gametheory.bargaining` and :mod:`gametheory.repeated` (DESIGN.md, "Domain models").
"""

from .agglomeration import CLAUSES, AgglomerationSurplus, UrbanAgglomeration
from .air_pollution import EnterprisePublicGovernment
from .cooperation_types import (
    ComparativeBenefitCooperation,
    ProfitAndLossCooperation,
    SharingCooperation,
    TaxRevenueSharing,
    Unlocking,
)
from .cooperation_types import classify as classify_cooperation
from .environmental_regulation import CentralLocalEnterprise
from .fiscal import UnfundedMandate, bottom_share, pass_down_shares, vertical_fiscal_imbalance
from .ica import (
    ILLUSTRATIVE_MECHANISMS,
    CollaborationRisks,
    InstitutionalCollectiveAction,
    Mechanism,
)
from .multitask import IncentiveContract, MultitaskEvaluation
from .protectionism import (
    AsymmetricSegmentation,
    MarketSegmentation,
    PigouvianSpillover,
    RegionalRetaliation,
)
from .regional_cooperation import CentreAndTwoCities
from .tournament import ActionIncentive, PromotionTournament, ReformEffect
from .xinan import (
    HUANGSHAN_INVESTMENT,
    P_INDEX_K0,
    PARAMETER_SOURCES,
    ROUNDS,
    SwapRange,
    XinanCompensation,
    XinanOutcome,
    XinanRound,
    huangshan_annual_cost,
    p_index,
    p_index_compliant,
)

__all__ = [
    "CLAUSES",
    "HUANGSHAN_INVESTMENT",
    "ILLUSTRATIVE_MECHANISMS",
    "PARAMETER_SOURCES",
    "P_INDEX_K0",
    "ROUNDS",
    "ActionIncentive",
    "AgglomerationSurplus",
    "AsymmetricSegmentation",
    "CentralLocalEnterprise",
    "CentreAndTwoCities",
    "CollaborationRisks",
    "ComparativeBenefitCooperation",
    "EnterprisePublicGovernment",
    "IncentiveContract",
    "InstitutionalCollectiveAction",
    "MarketSegmentation",
    "Mechanism",
    "MultitaskEvaluation",
    "PigouvianSpillover",
    "ProfitAndLossCooperation",
    "PromotionTournament",
    "ReformEffect",
    "RegionalRetaliation",
    "SharingCooperation",
    "SwapRange",
    "TaxRevenueSharing",
    "UnfundedMandate",
    "Unlocking",
    "UrbanAgglomeration",
    "XinanCompensation",
    "XinanOutcome",
    "XinanRound",
    "bottom_share",
    "classify_cooperation",
    "huangshan_annual_cost",
    "p_index",
    "p_index_compliant",
    "pass_down_shares",
    "vertical_fiscal_imbalance",
]
