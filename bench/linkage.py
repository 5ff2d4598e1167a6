"""Actor linkage: precision and recall of the suggested matches on names with known truth, and
the time and memory for a large population of names.

Run: `.venv/bin/python bench/linkage.py [--names N] [--threshold P]`. The truth is
`bench/data/actor_names.yaml`: public figures' and firms' names as published in several scripts
(with their sources). To them the bench adds variants made by rules written here, never by the
matcher's own romanisation: a title before a person's name (U, Daw, Ko, นาย, Mr, លោក, ທ້າວ), a
firm's legal form (Co., Ltd.; บริษัท ... จำกัด), a typo in a Latin spelling (a letter dropped,
doubled or swapped), the spaces of a Thai or Burmese name taken out, upper case, and the actor's
phone number written another way. Around them, distractors: other people whose names are made of
common name words of the same languages (`bench/data/name_words.yaml`; many share words with
the truth's names, the hard part), up to `--names` in all, some with phones of their own.

Half the actors (by a hash of their id) teach the model: their pairs are given to it as a case
worker's confirmations. Precision and recall are of the other half, among all the distractors:
`precision 0.xx` and `recall 0.xx` over their true pairs (goal: at least 0.97 and 0.90), recall
by kind of variant, and the run's time and peak memory (goal for 1,000,000 names: under 2
minutes on this 2-core machine). `--save` writes the m probabilities learnt, and the u
probabilities sampled from this population, to the model the application starts from (a small
organisation's own names are too few to sample u from).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
import unicodedata
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from safepassage.core.actors.linkage import Model, Spelling, score, strangers
from safepassage.core.actors.names import script_of

TRUTH = Path(__file__).parent / "data" / "actor_names.yaml"
WORDS = Path(__file__).parent / "data" / "name_words.yaml"
MODEL = Path(__file__).parents[1] / "src/safepassage/core/actors/data/model.json"
TITLES = {"my": ["ဦး", "ဒေါ်", "ကို"], "th": ["นาย", "นาง", "คุณ"], "km": ["លោក"], "lo": ["ທ້າວ"],
          "latin": ["U", "Mr", "Ko", "Ms"]}  # fmt: skip


@dataclass(frozen=True)
class Named:
    spelling: Spelling
    actor: str  # "" for a distractor
    kind: str  # how it was made: "published", a variant's kind, or "distractor"


def truth() -> list[dict]:
    return list(yaml.safe_load(TRUTH.read_text(encoding="utf-8"))["actors"])


def population(size: int, rng: random.Random) -> list[Named]:
    actors = truth()
    found: list[Named] = []
    for actor in actors:
        phone = f"08{rng.randrange(10**7, 10**8)}"
        for i, entry in enumerate(actor["spellings"]):
            text = entry["text"]
            sid = f"{actor['id']}/{i}"
            found.append(Named(Spelling(sid, text), actor["id"], "published"))
            for kind, variant, phones in _variants(text, actor["kind"], phone, rng):
                found.append(Named(Spelling(f"{sid}/{kind}", variant, phones), actor["id"], kind))
    found += _distractors(actors, size - len(found), rng)
    return found


def _variants(text: str, kind: str, phone: str, rng: random.Random) -> list[tuple]:
    script = script_of(text)
    made = []
    if kind == "person":
        made.append(("title", f"{rng.choice(TITLES[script])} {text}", ()))
    else:
        legal = "บริษัท {} จำกัด" if script == "th" else "{} Co., Ltd."
        made.append(("legal form", legal.format(text), ()))
    if script == "latin":
        made.append(("typo", _typo(text, rng), ()))
        made.append(("upper case", text.upper(), ()))
    if script in ("th", "my") and " " in text:
        made.append(("spacing", text.replace(" ", ""), ()))
    dashed = f"+66 {phone[1:3]}-{phone[3:6]}-{phone[6:]}"
    made.append(("phone", text, (dashed,)))
    return made


def _typo(text: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha() and i > 0]
    i = rng.choice(letters)
    how = rng.choice(("drop", "double", "swap"))
    if how == "drop":
        return text[:i] + text[i + 1 :]
    if how == "double":
        return text[:i] + text[i] + text[i:]
    j = min(i + 1, len(text) - 1)
    return text[:i] + text[j] + text[i] + text[j + 1 :]


def _distractors(actors: list[dict], count: int, rng: random.Random) -> list[Named]:
    """Other people, with names of two or three words of one language (`WORDS`), each name in
    one of the scripts its speakers' names are written in; every name once, and none with a
    published name's words (two people of one name are told apart by nothing a name holds)."""
    words = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    taken = {
        frozenset(_plain(w) for w in e["text"].split()) for a in actors for e in a["spellings"]
    }
    languages = sorted(words)
    found: list[Named] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    possible = sum(len(w) ** 2 + len(w) ** 3 for w in words.values())  # at most, in order
    misses = 0
    while len(found) < count and misses < possible:
        language = rng.choice(languages)
        keys = tuple(rng.sample(sorted(words[language]), k=rng.choice((2, 2, 3))))
        if (language, keys) in seen or frozenset(keys) in taken:
            misses += 1
            continue
        seen.add((language, keys))
        script = rng.randrange(len(words[language][keys[0]]))
        parts = [words[language][key][script] for key in keys]
        glued = script_of(parts[0]) == "my" or (script_of(parts[0]) == "th" and rng.random() < 0.5)
        text = ("" if glued else " ").join(parts)
        phones = (f"09{rng.randrange(10**7, 10**8)}",) if rng.random() < 0.3 else ()
        found.append(Named(Spelling(f"d{len(found)}", text, phones), "", "distractor"))
    return found + _fillers(count - len(found), rng)


REFERENCE_PAIRS = 10_000_000


def reference() -> list[Spelling]:
    """Strangers for the u probabilities: names made of the word lists' words (never the truth's
    spellings), drawn with a seed of their own, each name once, so no two are one actor."""
    rng = random.Random(REFERENCE_SEED)
    return [n.spelling for n in _distractors(truth(), 15_000, rng)]


REFERENCE_SEED = 1601


def _fillers(count: int, rng: random.Random) -> list[Named]:
    """Past the names the word lists can make (about 15,000), made-up Latin names of random
    syllables, each once: for the time and memory of a large run. Suggestions with one of
    them are left out of precision and printed apart: alike by chance, they are no one's truth
    (and say that at a million names, names alone cannot tell near-namesakes apart)."""
    onsets = ["b", "ch", "d", "h", "k", "kh", "l", "m", "n", "p", "ph", "r", "s", "t", "th", "w"]
    vowels = ["a", "ai", "ao", "e", "ee", "i", "o", "oo", "u", "ua"]
    codas = ["", "", "k", "m", "n", "ng", "p", "t"]

    def word() -> str:
        syllables = rng.choice((1, 2, 2, 3))
        parts = [
            rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables)
        ]
        return "".join(parts).capitalize()

    texts: set[str] = set()
    while len(texts) < count:
        texts.add(f"{word()} {word()}")
    return [Named(Spelling(f"f{i}", t), "", "filler") for i, t in enumerate(sorted(texts))]


def _plain(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def trained(actor: str) -> bool:
    """Half the actors, by a hash of their id, teach the model (their pairs are given to it as
    a case worker's confirmations); the other half are what precision and recall are of."""
    return zlib.crc32(actor.encode()) % 2 == 0


def measure(named: list[Named], threshold: float, save: bool) -> None:
    confirmed = [tuple(sorted(p)) for p in _true_pairs(named) if trained(_actor_of(p))]
    tested = [n for n in named if not n.actor or not trained(n.actor)]
    began = time.perf_counter()
    model = Model(threshold=threshold, m=None)  # learnt afresh, not the saved model
    pairs = score([n.spelling for n in named], model, confirmed)
    took = time.perf_counter() - began
    if save:
        saved = {"m": model.m, "u": strangers(reference(), REFERENCE_PAIRS)}
        MODEL.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
        print(f"m and u probabilities written to {MODEL}")
    pairs = [p for p in pairs if not any(_trained_id(i) for i in (p.left, p.right))]
    named = tested
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    by_id = {n.spelling.id: n for n in named}
    true_pairs = _true_pairs(named)
    suggested = {frozenset((p.left, p.right)) for p in pairs}
    fillers = {s for s in suggested if any(by_id[i].kind == "filler" for i in s)}
    suggested -= fillers  # made-up names alike by chance: there for the time, not the truth
    involved = [s for s in suggested if any(by_id[i].actor for i in s)]
    right = [s for s in involved if _same(s, by_id)]
    wrong = len(suggested) - len(right)
    precision = len(right) / len(suggested) if suggested else 1.0
    recall = len(set(right) & true_pairs) / len(true_pairs)
    print(f"{len(named):,} names, {len(true_pairs):,} true pairs, {len(suggested):,} suggested")
    print(f"precision {precision:.2f}")
    print(f"recall {recall:.2f}")
    print(f"  wrong suggestions: {wrong:,}; time {took:.1f} s; peak memory {peak:,.0f} MB")
    if fillers:
        print(f"  suggestions with a made-up filler name, not counted: {len(fillers):,}")
    _per_kind(true_pairs, set(right), by_id)


def _actor_of(pair: frozenset[str]) -> str:
    return next(i.split("/")[0] for i in pair)


def _trained_id(spelling_id: str) -> bool:
    return "/" in spelling_id and trained(spelling_id.split("/")[0])


def _same(pair: frozenset[str], by_id: dict[str, Named]) -> bool:
    left, right = (by_id[i].actor for i in pair)
    return bool(left) and left == right


def _true_pairs(named: list[Named]) -> set[frozenset[str]]:
    by_actor: dict[str, list[str]] = defaultdict(list)
    for n in named:
        if n.actor:
            by_actor[n.actor].append(n.spelling.id)
    return {frozenset((a, b)) for ids in by_actor.values() for a in ids for b in ids if a < b}


# A pair of two variants counts as the harder one's: a typo's pair with a title's is a typo's.
HARDEST_FIRST = ("typo", "legal form", "spacing", "title", "upper case", "phone")


def _per_kind(true_pairs: set, found: set, by_id: dict[str, Named]) -> None:
    total: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for pair in true_pairs:
        kinds = {by_id[i].kind for i in pair}
        kind = next((k for k in HARDEST_FIRST if k in kinds), "published (across scripts)")
        total[kind] += 1
        hit[kind] += pair in found
    for kind in sorted(total):
        print(f"  recall {hit[kind] / total[kind]:.2f}  {kind} ({total[kind]:,} pairs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=20_000, help="names in all")
    parser.add_argument("--threshold", type=float, default=Model().threshold)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument(
        "--save", action="store_true", help=f"write the m and u learnt to {MODEL.name}"
    )
    args = parser.parse_args()
    named = population(args.names, random.Random(args.seed))
    measure(named, args.threshold, args.save)


if __name__ == "__main__":
    main()
