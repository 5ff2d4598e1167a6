"""Response plans: from a determination, the migrant's goals and consent, a ranked plan."""

from .plan import CONSENTS, GOALS, Plan, PlanRequest, Step
from .planner import Planner

__all__ = ["CONSENTS", "GOALS", "Plan", "PlanRequest", "Planner", "Step"]
