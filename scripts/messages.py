"""`make messages`: extract every translatable message, merge it into the catalogues, compile.

    apt-get install gettext        # makemessages runs GNU gettext's xgettext and msgmerge
    .venv/bin/python scripts/messages.py [--compile-only]

1. Messages that makemessages cannot see are written into `web/common/messages_core.py` as
   `gettext_noop(...)` calls: the interview's question texts (YAML) and the strings the core and
   the CLI mark with `_()` or `N_()` from `safepassage.i18n` (read from their syntax tree).
2. Django's makemessages (GNU gettext's xgettext and msgmerge) extracts the web's templates and
   Python code, messages_core.py included, and merges them into each language's django.po,
   keeping the translations already made (new or changed messages arrive untranslated or fuzzy,
   which tests/web/test_translations.py refuses).
3. The headers are normalised and each django.po is compiled to django.mo in pure Python (polib).

Re-running it is always safe: it only adds, updates and drops messages to match the source.
The pure-Python extractor below (`source_messages`) lets the tests see what the source would
extract without GNU gettext installed.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import os
import tokenize
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import polib

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "safepassage"
LOCALE = PACKAGE / "locale"
CORE_MESSAGES = PACKAGE / "web" / "common" / "messages_core.py"
KNOWLEDGE_MESSAGES = PACKAGE / "web" / "common" / "messages_knowledge.py"
NAMES = {"th": "Thai", "km": "Khmer", "lo": "Lao", "my": "Burmese (Unicode)", "vi": "Vietnamese"}
LANGUAGES = tuple(NAMES)  # English is the source language: its msgids are the text, no catalogue
# Folders makemessages does not read: core and CLI reach it through messages_core.py.
IGNORED = ("core/*", "cli/*", "i18n.py", "web/*/migrations/*", "web/static/*", "locale/*")
HEADER = {
    "Project-Id-Version": "SafePassage",
    "Report-Msgid-Bugs-To": "",
    "Language-Team": "SafePassage translators",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    # Thai, Khmer, Lao, Burmese and Vietnamese have no grammatical plural.
    "Plural-Forms": "nplurals=1; plural=0;",
}

# The gettext functions whose first string argument is a message (pgettext's is the second).
KEYWORDS = {
    "_": 0,
    "N_": 0,
    "gettext": 0,
    "gettext_lazy": 0,
    "gettext_noop": 0,
    "ngettext": 0,
    "ngettext_lazy": 0,
    "pgettext": 1,
    "pgettext_lazy": 1,
    "npgettext": 1,
    "npgettext_lazy": 1,
}


# -- messages_core.py ---------------------------------------------------------------------------


def _marked(tree: ast.AST, names: Iterable[str]) -> list[str]:
    """String literals passed first to one of `names` (the core's `_` and `N_`), in order."""
    wanted = set(names)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            arg = node.args[0]
            if name in wanted and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((node.lineno, node.col_offset, arg.value))
    return [text for *_, text in sorted(found)]


def core_messages() -> list[tuple[str, str]]:
    """(where, message) for each message of the core and the CLI, first occurrence only: the
    interview's texts (questions, answers, options), then the `_()` and `N_()` strings."""
    from safepassage.core import screening
    from safepassage.core.interview import all_message_ids, option_label, questions

    places: dict[str, str] = {}
    for question in reversed(questions().values()):  # the first question naming it wins
        places.update({option_label(o): f"an answer to {question.id}" for o in question.options})
        places[question.text] = f"interview question {question.id}"
    found = [(places.get(text, "an interview answer"), text) for text in all_message_ids()]
    for folder in ("core", "cli"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            where = path.relative_to(PACKAGE).as_posix()
            found.extend((where, text) for text in _marked(tree, ("_", "N_")))
    found += [("a screening result", text) for text in screening.all_message_ids()]
    seen: set[str] = set()
    unique = []
    for where, text in found:
        if text not in seen:
            seen.add(text)
            unique.append((where, text))
    return unique


def _literal(text: str) -> str:
    """A Python string literal as ruff format writes it (double quotes unless that escapes)."""
    if '"' in text and "'" not in text:
        return "'" + json.dumps(text, ensure_ascii=False)[1:-1].replace('\\"', '"') + "'"
    return json.dumps(text, ensure_ascii=False)


def render_core_messages() -> str:
    """The text of messages_core.py for the current source."""
    lines = [
        "# GENERATED by `make messages` (scripts/messages.py): do not edit by hand.",
        "# ruff: noqa: E501",
        '"""Messages that live outside the web\'s Python code and templates, for makemessages.',
        "",
        "The interview's texts (questions.yaml: questions, answers, options) and the strings the",
        "core and the CLI mark with `_()` or `N_()` (safepassage.i18n). The web translates them",
        "with gettext(text); the CLI with safepassage.i18n, over the same catalogue.",
        '"""',
        "",
        "from django.utils.translation import gettext_noop",
        "",
        "MESSAGES = (",
    ]
    for where, text in core_messages():
        line = f"    gettext_noop({_literal(text)}),"
        if len(line) <= 100:
            lines += [f"    # Translators: {where}", line]
        else:  # as ruff format splits it, the comment just before the string (xgettext reads it)
            note = f"        # Translators: {where}\n"
            lines.append(f"    gettext_noop(\n{note}        {_literal(text)}\n    ),")
    lines.append(")")
    return "\n".join(lines) + "\n"


def knowledge_messages() -> list[tuple[str, str]]:
    """(where, text) for each text of the shipped knowledge base that people read (help
    channels, responses: see core/knowledge/texts.py), first occurrence only."""
    from safepassage.core.knowledge import load_knowledge
    from safepassage.core.knowledge.texts import user_texts

    seen: set[str] = set()
    found = []
    for text in user_texts(load_knowledge(env={})):
        if text.text not in seen:
            seen.add(text.text)
            where = Path(text.file).as_posix().split("knowledge/data/")[-1]
            found.append((f"knowledge {where}: {text.key}", text.text))
    return found


def render_knowledge_messages() -> str:
    """The text of messages_knowledge.py for the current knowledge base."""
    lines = [
        "# GENERATED by `make messages` (scripts/messages.py): do not edit by hand.",
        "# ruff: noqa: E501",
        '"""The knowledge base\'s texts that people read (help channels, responses), for',
        "makemessages: the pages translate them with gettext(text); `knowledge check` names any a",
        'catalogue lacks."""',
        "",
        "from django.utils.translation import gettext_noop",
        "",
        "MESSAGES = (",
    ]
    for where, text in knowledge_messages():
        # xgettext reads the comments just before the string: inside the call when it is split.
        notes = [f"# Translators: {where}"]
        if "%" in text:  # a percentage, never a %-placeholder: the pages do not %-format it
            notes.append("# xgettext:no-python-format")
        line = f"    gettext_noop({_literal(text)}),"
        if len(line) <= 100:
            lines += [f"    {note}" for note in notes] + [line]
        else:  # as ruff format splits it
            inner = "".join(f"        {note}\n" for note in notes)
            lines.append(f"    gettext_noop(\n{inner}        {_literal(text)}\n    ),")
    lines.append(")")
    return "\n".join(lines) + "\n"


# -- what the source would extract (pure Python, for the tests) ---------------------------------


def _calls(source: str) -> Iterator[str]:
    """Messages in gettext calls of Python-like text, by tokens (as pygettext reads)."""
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)
    ]
    for i, token in enumerate(tokens[:-2]):
        position = KEYWORDS.get(token.string) if token.type == tokenize.NAME else None
        if position is None or tokens[i + 1].string != "(":
            continue
        j, args, current = i + 2, [], ""
        while j < len(tokens) and tokens[j].type == tokenize.STRING:
            current += ast.literal_eval(tokens[j].string)
            j += 1
            if j < len(tokens) and tokens[j].string == ",":
                args.append(current)
                current = ""
                j += 1
        if current:
            args.append(current)
        if len(args) > position:
            yield args[position]


def _python_messages(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        position = KEYWORDS.get(name or "")
        if position is None or name == "N_" or len(node.args) <= position:
            continue  # N_ is the core's marker; makemessages does not read it in the web
        arg = node.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
            yield arg.value


def _template_messages(path: Path) -> Iterator[str]:
    from django.utils.translation.template import templatize

    yield from _calls(templatize(path.read_text(encoding="utf-8"), origin=str(path)))


def _ignored(relative: str) -> bool:
    from fnmatch import fnmatchcase

    return any(fnmatchcase(relative, pattern) for pattern in IGNORED)


def source_messages() -> set[str]:
    """Every msgid makemessages would extract from the web (messages_core.py included)."""
    found: set[str] = set()
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE).as_posix()
        if _ignored(relative) or "__pycache__" in relative:
            continue
        if path.suffix == ".py":
            found.update(_python_messages(path))
        elif path.suffix in (".html", ".txt"):
            found.update(_template_messages(path))
    return found


# -- catalogues ---------------------------------------------------------------------------------


def normalise(po: Any, language: str) -> None:
    """Stable headers (no dates, no template placeholders), nothing obsolete."""
    po.header = (
        f"SafePassage: {NAMES[language]} translations. Kept by `make messages`; translate the\n"
        "empty or fuzzy entries, keep placeholders such as %(field)s and {provider} as they are."
    )
    po.metadata = {**HEADER, "Language": language}
    po.metadata_is_fuzzy = False
    for entry in po.obsolete_entries():
        po.remove(entry)


def compile_catalogue(language: str) -> Path:
    po_path = LOCALE / language / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path), wrapwidth=0)
    normalise(po, language)
    po.save(str(po_path))
    mo_path = po_path.with_suffix(".mo")
    po.save_as_mofile(str(mo_path))
    return mo_path


def extract() -> None:
    """messages_core.py, then makemessages into every language's django.po."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    CORE_MESSAGES.write_text(render_core_messages(), encoding="utf-8")
    KNOWLEDGE_MESSAGES.write_text(render_knowledge_messages(), encoding="utf-8")
    here = Path.cwd()
    os.chdir(PACKAGE)  # makemessages reads the tree below the working directory
    try:
        call_command(
            "makemessages",
            locale=list(LANGUAGES),
            ignore_patterns=list(IGNORED),
            extensions=["html", "txt", "py"],
            no_obsolete=True,
            no_wrap=True,
            add_location="file",
            verbosity=0,
        )
    except CommandError as exc:
        raise SystemExit(f"{exc}\nmakemessages needs GNU gettext: apt-get install gettext") from exc
    finally:
        os.chdir(here)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0].strip("`"))
    parser.add_argument("--compile-only", action="store_true", help="only compile django.mo")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.web.settings")
    import django

    django.setup()
    if not args.compile_only:
        extract()
    for language in LANGUAGES:
        po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
        missing = len(po.untranslated_entries()) + len(po.fuzzy_entries())
        path = compile_catalogue(language).relative_to(PACKAGE.parents[1])
        print(f"{path}: {len(po)} messages, {missing} to translate")


if __name__ == "__main__":
    main()
