"""Import direction: readers and renderers never import each other; the model needs only the stdlib."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "interview_publish"


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def test_renderers_do_not_import_readers():
    for path in (PACKAGE / "renderers").glob("*.py"):
        assert not [n for n in imports(path) if "readers" in n or "project" in n], path.name


def test_readers_do_not_import_renderers():
    for path in (PACKAGE / "readers").glob("*.py"):
        assert not [n for n in imports(path) if "renderers" in n or "theme" in n], path.name


def test_model_uses_only_the_standard_library():
    for name in imports(PACKAGE / "model.py"):
        assert name.split(".")[0] in sys.stdlib_module_names or name == "__future__", name


def test_weasyprint_imported_only_inside_the_pdf_renderer():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        for node in top_level:
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            assert not (module or "").startswith("weasyprint"), path
