"""The adaptive interview: from a partial account, the next question to ask, until the result is
settled (no answer still to come can change it). One rule for every door: the CLI interview, the
web intake and the self-check. See `ask` for the order of questions and `settle` for when to stop.
"""

from .ask import (
    Progress,
    learnable,
    next_questions,
    progress,
    settled,
    simulate,
    starting_point,
    step,
)
from .questions import (
    ANSWER_LABELS,
    Question,
    all_message_ids,
    apply,
    assume,
    benign,
    current_job,
    forget,
    is_unknown,
    option_label,
    questions,
    read,
)

__all__ = [
    "ANSWER_LABELS",
    "Progress",
    "Question",
    "all_message_ids",
    "apply",
    "assume",
    "benign",
    "current_job",
    "forget",
    "is_unknown",
    "learnable",
    "next_questions",
    "option_label",
    "progress",
    "questions",
    "read",
    "settled",
    "simulate",
    "starting_point",
    "step",
]
