"""Arrows point down: the shared web helpers (`web/common`, and `web/documents`, which lays out
any app's PDFs) import no app (case work, the self-check, pages), so every app can use them
without a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "src" / "safepassage" / "web"
COMMON = WEB / "common"
SHARED = (COMMON, WEB / "documents")
APPS = ("casework", "selfcheck", "pages", "analytics", "api")


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


def test_the_shared_helpers_import_no_app():
    upward = [
        (path.name, name)
        for folder in SHARED
        for path in sorted(folder.rglob("*.py"))
        for name in _imports(path)
        if any(f"..{app}" in name or f"web.{app}" in name for app in APPS)
    ]
    assert upward == []


def test_it_reads_the_imports_it_checks():
    assert "..selfcheck.zawgyi" not in _imports(COMMON / "forms.py")
    assert ".roles" in _imports(COMMON / "routes.py")
