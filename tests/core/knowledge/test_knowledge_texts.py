"""The knowledge base's words people read are messages of the catalogues: each is listed with
its file, line and key, and a language that lacks one is named."""

from __future__ import annotations

from pathlib import Path

import polib

from safepassage.core.knowledge import load_knowledge
from safepassage.core.knowledge.texts import LANGUAGES, untranslated, user_texts


def _catalogues(folder: Path, translated: dict[str, str]) -> Path:
    for code in LANGUAGES:
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": code}
        for msgid, msgstr in translated.items():
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
        path = folder / code / "LC_MESSAGES"
        path.mkdir(parents=True)
        po.save_as_mofile(str(path / "django.mo"))
    return folder


def test_it_lists_the_texts_of_channels_and_responses_with_where_they_are():
    texts = list(user_texts(load_knowledge(env={})))
    keys = {t.key for t in texts}
    assert "doe_hotline_1694.name" in keys
    assert "doe_hotline_1694.hours" in keys
    assert any(k.endswith(".summary") for k in keys)  # responses
    assert any(".serves[" in k for k in keys)
    assert all(t.file.endswith(".yaml") and t.line for t in texts)


def test_it_names_the_file_key_and_language_of_each_missing_translation(tmp_path: Path):
    knowledge = load_knowledge(env={})
    texts = list(user_texts(knowledge))
    everything = {t.text: "x" for t in texts}
    assert untranslated(knowledge, _catalogues(tmp_path / "all", everything)) == []
    first = texts[0]
    one_missing = {**everything, first.text: ""}
    problems = untranslated(knowledge, _catalogues(tmp_path / "gap", one_missing))
    assert len(problems) == len(LANGUAGES) * sum(t.text == first.text for t in texts)
    line = str(problems[0])
    assert first.file in line
    assert first.key in line
    assert "no Thai translation" in line


def test_the_shipped_knowledge_is_translated_into_every_language():
    from safepassage.i18n import LOCALE_DIR

    problems = untranslated(load_knowledge(env={}), LOCALE_DIR)
    assert not problems, "\n".join(str(p) for p in problems[:10])
