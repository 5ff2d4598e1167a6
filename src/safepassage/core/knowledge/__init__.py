"""The law and the services as dated, cited data: load it, validate it, ask it "as of date D"."""

from .loader import (
    ENV_VAR,
    SHIPPED,
    check_knowledge,
    default_knowledge,
    load_knowledge,
)
from .model import Knowledge, Parameter, Resolved, Value
from .problems import KnowledgeError, LookupProblem, Problem

__all__ = [
    "ENV_VAR",
    "SHIPPED",
    "Knowledge",
    "KnowledgeError",
    "LookupProblem",
    "Parameter",
    "Problem",
    "Resolved",
    "Value",
    "check_knowledge",
    "default_knowledge",
    "load_knowledge",
]
