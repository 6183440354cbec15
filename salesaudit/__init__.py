"""salesaudit: audit a company's sales department and design a better one.

Layers, each importing only from those below it: ``core`` → ``i18n`` → ``inputs`` / ``present``
→ ``steps`` → ``report`` → ``cli``. Notebooks call the step packages through this module.
"""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("salesaudit")
except metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
