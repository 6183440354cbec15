"""Every message code used anywhere in salesaudit exists in both catalogues.

The codes are found by reading the source (AST), not by importing it, and checked against the
catalogue in a fresh interpreter that imports only `salesaudit.i18n`: the result cannot depend on
which modules a test session happened to import first.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# call name -> prefix its first argument gets in the catalogue
CALLS = {"t": "", "has": "", "Note": "note.", "reason_words": "reject."}


def _prefix(node: ast.expr) -> tuple[str, bool] | None:
    """(text, exact) of a string argument: the literal, or an f-string's constant head."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value, True
    if isinstance(node, ast.JoinedStr) and node.values:
        head = node.values[0]
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            return head.value, False
    return None


def used_codes() -> tuple[set[str], set[str]]:
    """(exact keys, key prefixes) passed to the catalogue anywhere in the package."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    for path in (ROOT / "salesaudit").rglob("*.py"):
        if path.parent.name == "i18n" and path.stem in ("en", "ru"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            if name not in CALLS:
                continue
            got = _prefix(node.args[0])
            if got is None:
                continue
            text, is_exact = got
            (exact if is_exact else prefixes).add(CALLS[name] + text)
    return exact, prefixes


def catalogue_keys() -> dict[str, list[str]]:
    """The keys of each language's catalogue, read by a fresh interpreter."""
    code = (
        "import json; from salesaudit.i18n import CATALOGUE; "
        "print(json.dumps({k: sorted(v) for k, v in CATALOGUE.items()}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return dict(json.loads(done.stdout))


def test_the_scan_sees_the_package() -> None:
    exact, prefixes = used_codes()
    assert "report.title" in exact and len(exact) > 100
    assert any(p.startswith("stage.") for p in prefixes)


def test_every_used_code_is_in_both_catalogues() -> None:
    exact, prefixes = used_codes()
    keys = catalogue_keys()
    assert set(keys) == {"en", "ru"}
    for lang, ks in keys.items():
        known = set(ks)
        missing = sorted(k for k in exact if k not in known)
        assert missing == [], f"{lang}: codes used but not in the catalogue: {missing}"
        dangling = sorted(p for p in prefixes if not any(k.startswith(p) for k in known))
        assert dangling == [], f"{lang}: no message starts with {dangling}"


def test_both_catalogues_hold_the_same_keys_and_placeholders() -> None:
    code = (
        "import json, string; from salesaudit.i18n import CATALOGUE, _PLURAL; "
        "f = string.Formatter(); "
        "flat = lambda v: _PLURAL.sub(lambda m: '{' + m.group(1) + '}', v); "
        "print(json.dumps({l: {k: sorted({p[1] for p in f.parse(flat(v)) if p[1]}) "
        "for k, v in m.items()} for l, m in CATALOGUE.items()}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    fields = json.loads(done.stdout)
    assert set(fields["en"]) == set(fields["ru"])
    differ = [k for k in fields["en"] if fields["en"][k] != fields["ru"][k]]
    assert differ == [], f"placeholders differ between en and ru: {differ[:10]}"
