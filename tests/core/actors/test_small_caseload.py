"""A small organisation's few dozen spellings are enough: a broker written in Burmese, Thai and
Latin script is suggested as one actor among a caseload's other names, and two or three names
score without trouble (the u probabilities of so few names are weighed with the strangers'
shipped in data/model.json)."""

from __future__ import annotations

from safepassage.core.actors.linkage import Spelling, score

BROKER = {"my": "ကိုဇော်မင်းထွန်း", "th": "โก ซอ มิน ทุน", "en": "Ko Zaw Min Htun"}
# Other people of the caseload, some with the broker's words (Zaw Min, Min Htun Aung). A name one
# letter from his (Zaw Win Htun) would be suggested with him, for a case worker to decide: in so
# few names, a pair that close is far likelier a slip than two people.
OTHERS = [
    "Zaw Min", "Min Htun Aung", "Htun Zaw", "ဦးအောင်ကျော်မင်း", "Daw Khin Khin Aye",
    "ဒေါ်မြမြ", "Ma Ma Win", "หม่อง หม่อง", "Somchai Jaidee", "สมศักดิ์ ศรีสุข",
    "บริษัท ธรรมเกษตร จำกัด", "Sokha Dara", "សុខា ពិសី", "ສົມພອນ ແກ້ວມະນີ", "Nguyễn Văn Hùng",
    "Thein Zaw", "Htun Htun Win", "Min Zaw Oo", "Kyaw Kyaw", "Aung Naing Oo",
]  # fmt: skip


def _linked(pairs, start: str) -> set[str]:
    """The ids linked to `start`, transitively."""
    found, grew = {start}, True
    while grew:
        grew = False
        for p in pairs:
            if (p.left in found) != (p.right in found):
                found |= {p.left, p.right}
                grew = True
    return found


def test_it_links_a_broker_written_in_three_scripts_among_a_small_caseload():
    spellings = [Spelling(k, t) for k, t in BROKER.items()]
    spellings += [Spelling(f"o{i}", t) for i, t in enumerate(OTHERS)]
    pairs = score(spellings)
    assert _linked(pairs, "my") == set(BROKER), [(p.left, p.right) for p in pairs]


def test_it_links_the_maung_maung_of_six_names_and_no_one_else():
    texts = ["ကိုမောင်မောင်", "โก หม่อง หม่อง", "Ko Maung Maung", "Aung Kyaw Min", "Daw Khin Khin",
             "Somchai Jaidee"]  # fmt: skip
    pairs = score([Spelling(str(i), t) for i, t in enumerate(texts)])
    assert {frozenset((p.left, p.right)) for p in pairs} == {
        frozenset(p) for p in (("0", "1"), ("0", "2"), ("1", "2"))
    }


def test_it_scores_two_or_three_names_without_trouble():
    assert score([Spelling("a", "Ko Zaw Min Htun")]) == []
    two = score([Spelling("a", "Ko Zaw Min Htun"), Spelling("b", "ကိုဇော်မင်းထွန်း")])
    assert [(p.left, p.right) for p in two] in ([("a", "b")], [("b", "a")])
    three = [Spelling("a", "Aung Kyaw"), Spelling("b", "Somchai"), Spelling("c", "Sokha")]
    assert score(three) == []
