"""Answering the web's interview doors (the intake, the self-check) from a full account."""

from __future__ import annotations

from typing import Any

from safepassage.core.account import Account, Fact, Money
from safepassage.core.interview import learnable, read


def answer_data(truth: Account, qid: str) -> dict[str, Any]:
    """The form fields a person would fill to give `truth`'s answer to `qid`."""
    value = read(truth, qid)
    data: dict[str, Any] = {"question": qid}
    if isinstance(value, Fact):
        data["answer"] = value.answer.value
    elif isinstance(value, Money):
        data.update(amount=f"{value.amount:g}", currency=value.currency, per=value.per)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        data["number"] = f"{value:g}"
    elif value is None or value == "unknown":
        data["answer"] = "unknown"
    elif qid == "work.province":
        data["text"] = value
    else:
        data["answer"] = value
    return data


project = learnable  # `truth` as the doors can learn it from an empty account


def field(page: str, name: str) -> str:
    return page.split(f'name="{name}" value="')[1].split('"')[0]
