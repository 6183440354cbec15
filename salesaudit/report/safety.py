"""Output safety: the report manifest, the `--out` rule, owned temp folders and workers that die with their parent.

- A report folder carries `MANIFEST` (tool, version, client, files written). `--out` may replace
  only a folder that is absent, empty, or a previous report of the same client whose files are
  all in its manifest; never a file, never a folder that holds an input of the run.
- Temp folders are named `.<out>.tmp-<pid>-<start>` (start: the owner's start time) and carry
  `OWNER_MARK` (the owner's tag and host); `clean_stale` removes those whose owner process is
  gone — only those made on this host, since on a shared folder a pid means nothing elsewhere.
- `worker_init` makes a pool worker die with the process that started it (Linux parent-death
  signal, plus a watchdog thread elsewhere).
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from salesaudit import __version__
from salesaudit.core.errors import InputError
from salesaudit.inputs.client import ClientConfig

MANIFEST = "salesaudit-manifest.json"
OWNER_MARK = ".salesaudit-owner"
FAILED_SUFFIX = ".failed"  # failed notebooks go to `<out>.failed/` beside the report
_OWNED = re.compile(r"^\.(?P<name>.+)\.(?:tmp|old)-(?P<pid>\d+)-(?P<start>\d+)$")
_PRIVATE = re.compile(r"^salesaudit-run-(?P<pid>\d+)-(?P<start>\d+)-")
_USER_ERRNOS = {errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EROFS, errno.EDQUOT}
ROOM_MARGIN = 20 * 2**20  # bytes needed beyond the previous report's size


# --------------------------------------------------------------------------- processes


def start_time(pid: int) -> int:
    """A process's start time in clock ticks since boot (Linux), else 0; with the pid it names one process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    return int(stat.rsplit(")", 1)[1].split()[19])


def owner_tag() -> str:
    """'<pid>-<start>' of this process, for the names of its temp folders."""
    return f"{os.getpid()}-{start_time(os.getpid())}"


def mark_text() -> str:
    """What OWNER_MARK holds: '<pid>-<start> <host>'."""
    return f"{owner_tag()} {socket.gethostname()}"


def made_here(mark: Path) -> bool:
    """Whether an OWNER_MARK was written on this host (a mark without a host counts as local)."""
    try:
        parts = mark.read_text("utf-8").split()
    except OSError:
        return False
    return len(parts) < 2 or parts[1] == socket.gethostname()


def alive(pid: int, start: int) -> bool:
    """Whether the process that made a temp folder still runs (same pid and same start time)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return start == 0 or start_time(pid) in (0, start)


def clean_stale(folder: Path) -> list[Path]:
    """Remove salesaudit temp folders in folder (and the system temp) whose owner process is gone."""
    removed = []
    places = [(folder, _OWNED), (Path(tempfile.gettempdir()), _PRIVATE)]
    for place, pattern in places:
        try:
            entries = list(place.iterdir())
        except OSError:
            continue
        for p in entries:
            m = pattern.match(p.name)
            if not m or not (p / OWNER_MARK).is_file() or not made_here(p / OWNER_MARK):
                continue
            if not alive(int(m["pid"]), int(m["start"])):
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p)
    return removed


def owned_dir(path: Path) -> Path:
    """Create a temp folder and mark it as this process's (so a later run may remove it)."""
    path.mkdir(parents=True)
    (path / OWNER_MARK).write_text(mark_text(), "utf-8")
    return path


def private_dir() -> Path:
    """A marked temp folder outside the output, named after this process."""
    path = Path(tempfile.mkdtemp(prefix=f"salesaudit-run-{owner_tag()}-"))
    (path / OWNER_MARK).write_text(mark_text(), "utf-8")
    return path


def die_with_parent() -> None:
    """In a child process (preexec_fn): be killed when the parent dies (Linux; elsewhere a no-op)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def worker_init(parent: int) -> None:
    """Pool worker start: die when the process that started the pool dies (SIGKILL included)."""
    die_with_parent()
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Exit the worker (and so its kernels, which poll it) as soon as its parent is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


# --------------------------------------------------------------------------- the output folder


def _files(folder: Path) -> list[str]:
    """Every file under folder, as sorted paths relative to it."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir())


def write_manifest(folder: Path, cfg: ClientConfig, client_file: Path) -> None:
    """Write the manifest of a finished report folder: tool, version, client and its files."""
    doc = {
        "tool": "salesaudit",
        "version": __version__,
        "client": cfg.client,
        "slug": cfg.slug,
        "client_file": str(client_file),
        "files": [f for f in _files(folder) if f not in (MANIFEST, OWNER_MARK)],
    }
    (folder / MANIFEST).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8")


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of a report folder, or None when it has none (or not a salesaudit one)."""
    try:
        doc = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(doc, dict) and doc.get("tool") == "salesaudit"
    return doc if ok and isinstance(doc.get("files"), list) else None


def _inside(path: Path, folder: Path) -> bool:
    """Whether path is folder or lies under it."""
    return path == folder or folder in path.parents


def check_out(out: Path, cfg: ClientConfig, inputs: list[Path]) -> None:
    """Raise InputError unless `out` is absent, empty, or a previous report of this client."""
    hint = "Choose a new or empty folder for --out (default: out/<client>); nothing was changed."
    if out.exists() and not out.is_dir():
        raise InputError("--out names a file, not a folder.", file=str(out), hint=hint)
    held = [p for p in inputs if _inside(p.resolve(), out)]
    if held:
        raise InputError(
            f"--out holds an input of this run ({held[0]}); a report there would replace it.",
            file=str(out),
            hint=hint,
        )
    if not out.is_dir() or not any(out.iterdir()):
        return
    manifest = read_manifest(out)
    if manifest is None:
        raise InputError(
            "--out is a folder with files and no salesaudit report manifest "
            f"({MANIFEST}); salesaudit replaces only its own reports.",
            file=str(out),
            hint=hint,
        )
    if manifest.get("client") != cfg.client:
        raise InputError(
            f"--out holds the report of another client ('{manifest.get('client')}').",
            file=str(out),
            hint=hint,
        )
    foreign = sorted(set(_files(out)) - set(manifest["files"]) - {MANIFEST})
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" (+{len(foreign) - 5})" if len(foreign) > 5 else "")
        raise InputError(
            f"--out holds files the previous report did not write: {shown}.",
            file=str(out),
            hint="Move them elsewhere or choose another --out folder; nothing was changed.",
        )


def folder_size(folder: Path) -> int:
    """Bytes of every file under folder (0 when it does not exist)."""
    if not folder.is_dir():
        return 0
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def check_room(out: Path) -> None:
    """Raise InputError unless out's parent is writable and has room for a report as big as the last."""
    parent = next(p for p in out.parents if p.exists())  # nothing is created before work
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(
            "the folder is not writable.",
            file=str(parent),
            hint="Choose an --out folder you can write to.",
        )
    need = folder_size(out) + ROOM_MARGIN
    free = shutil.disk_usage(parent).free
    if free < need:
        raise InputError(
            f"the disk has {free // 2**20} MB free; the report needs about {need // 2**20} MB.",
            file=str(parent),
            hint="Free some space or choose an --out folder on another disk.",
        )


@contextmanager
def write_errors() -> Iterator[None]:
    """Turn a read-only, permission or full-disk error into InputError naming the path."""
    try:
        yield
    except OSError as e:
        if e.errno not in _USER_ERRNOS:
            raise
        raise InputError(
            f"cannot write: {e.strerror}.",
            file=str(e.filename or ""),
            hint="Check that the folder is writable and the disk has room, or choose another --out.",
        ) from None


def swap(tmp: Path, out: Path) -> None:
    """Move the finished run into place; the previous output goes only after the new one is in."""
    (tmp / OWNER_MARK).unlink(missing_ok=True)
    old = out.with_name(f".{out.name}.old-{owner_tag()}")
    if out.exists():
        out.rename(old)
        (old / OWNER_MARK).write_text(mark_text(), "utf-8")
    tmp.rename(out)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def failed_dir(out: Path) -> Path:
    """Where a failed run keeps its notebooks: `<out>.failed/` beside the report, emptied of older ones."""
    folder = out.with_name(out.name + FAILED_SUFFIX)
    if folder.is_dir():
        for p in folder.glob("*.failed.ipynb"):
            p.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
