"""The domain core never imports Django: the web edge maps to and from it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import safepassage.core

CORE = Path(safepassage.core.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_it_has_no_django_import_in_any_core_module():
    offenders = {
        str(path.relative_to(CORE)): sorted(
            n for n in imported_modules(path) if n.split(".")[0] in ("django", "ninja")
        )
        for path in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert len(offenders) >= 8  # the walk really saw the core's modules


def test_it_loads_the_core_without_django_in_memory():
    code = (
        "import sys, pkgutil, importlib, safepassage.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'safepassage.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] == 'django'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
