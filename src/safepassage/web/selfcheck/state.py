"""The self-check keeps its answers in the page, not on the server or in a cookie.

Each form carries the answers so far as one signed field: the server stores nothing between
steps (nothing is stored at all unless the person asks to be contacted), the phone keeps no
cookie, and a tampered field is refused rather than trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core import signing

SALT = "safepassage.selfcheck"
MAX_AGE = 6 * 60 * 60  # a self-check left open longer starts again


@dataclass
class State:
    answers: dict[str, Any] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def dumps(self) -> str:
        return signing.dumps({"a": self.answers, "q": self.asked}, salt=SALT, compress=True)

    @classmethod
    def loads(cls, token: str | None) -> State:
        if not token:
            return cls()
        try:
            data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature:
            return cls()
        return cls(answers=dict(data.get("a", {})), asked=list(data.get("q", [])))

    def record(self, qid: str, value: Any) -> None:
        if value is not None:
            self.answers[qid] = value
        if qid not in self.asked:
            self.asked.append(qid)
