"""Compare two findings.json files: print every changed path with its old and new value.

Run: .venv/bin/python benchmarks/compare_findings.py OLD/findings.json NEW/findings.json
Always exits 0 (it reports; it does not judge). The last line counts the changes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MISSING = "<missing>"


def differences(old: Any, new: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """(path, old value, new value) of every leaf that differs, keys and list items included."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            yield from differences(
                old.get(key, MISSING), new.get(key, MISSING), f"{path}.{key}" if path else key
            )
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            a = old[i] if i < len(old) else MISSING
            b = new[i] if i < len(new) else MISSING
            yield from differences(a, b, f"{path}[{i}]")
    elif old != new or type(old) is not type(new):
        yield path or "(document)", old, new


def main(argv: list[str]) -> int:
    """Print the differences between two findings.json files."""
    if len(argv) != 2:
        print("usage: compare_findings.py OLD/findings.json NEW/findings.json")
        return 0
    old, new = (json.loads(Path(p).read_text("utf-8")) for p in argv)
    n = 0
    for path, a, b in differences(old, new):
        print(f"{path}: {json.dumps(a, ensure_ascii=False)} -> {json.dumps(b, ensure_ascii=False)}")
        n += 1
    print(f"{n} changed path(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
