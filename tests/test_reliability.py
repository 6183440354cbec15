"""The reliability corpus (issue 13): output safety, validation before work, clean failure, no leftovers.

Each case checks the exit code, a fragment of the message, that no input file and no previous
report changed (hashes), and that no temp folder or process of the run is left behind. Cases
fail before any notebook runs wherever they can; the few that run notebooks use `--only intake`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import yaml

from salesaudit.cli import main
from salesaudit.core.errors import InputError
from salesaudit.report import runner, safety

from .helpers import run_cli


def hashes(root: Path) -> dict[str, str]:
    """sha256 of every file under root (the inputs cache aside), by relative path."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".salesaudit-cache" not in p.parts
    }


def leftovers(root: Path) -> list[Path]:
    """Temp and swap folders of runs anywhere under root."""
    return [p for p in root.rglob(".*") if p.is_dir() and safety._OWNED.match(p.name)]


@pytest.fixture
def client(demo_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the demo client: tmp/c/client.yaml and tmp/c/data/."""
    shutil.copytree(demo_dir, tmp_path / "c")
    return tmp_path / "c" / "client.yaml"


@pytest.fixture(scope="module")
def good_report(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Path:
    """One `run --only intake` of the demo: a previous report with a manifest."""
    root = tmp_path_factory.mktemp("good")
    shutil.copytree(demo_dir, root / "c")
    done = run_cli(
        "run", str(root / "c" / "client.yaml"), "--out", str(root / "r"), "--only", "intake"
    )
    assert done.returncode == 0, done.stderr
    return root / "r"


def edit(client: Path, **changes: object) -> None:
    """Set top-level keys of a client file."""
    raw = yaml.safe_load(client.read_text("utf-8"))
    raw.update(changes)
    client.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), "utf-8")


def refused(
    client: Path,
    *args: str,
    code: int = 2,
    cli: str = "run",
    subprocess: bool = False,
    root: Path | None = None,
) -> str:
    """Run `salesaudit run client args` (in this process unless asked); check the exit code,
    that nothing under root (default: the test's folder) changed or was left behind; return
    the message."""
    root = root or client.parent.parent
    before = hashes(root)
    if subprocess:
        done = run_cli(cli, str(client), *args)
        returncode, text = done.returncode, done.stdout + done.stderr
    else:
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(err):
            returncode = main([cli, str(client), *args])
        text = err.getvalue()
    assert returncode == code, text
    assert "Traceback" not in text and "internal error" not in text, text
    assert hashes(root) == before, "a file was changed, deleted or renamed"
    assert not leftovers(root)
    return text


# --------------------------------------------------------------------------- --out


@pytest.mark.parametrize("where", ["client folder", "data folder", "foreign files", "a file"])
def test_out_never_replaces_what_is_not_its_report(client: Path, where: str) -> None:
    folder = client.parent
    (folder / "notes.txt").write_text("my notes", "utf-8")
    foreign = folder.parent / "mine"
    foreign.mkdir()
    (foreign / "budget.xlsx").write_bytes(b"not a report")
    out = {
        "client folder": folder,
        "data folder": folder / "data",
        "foreign files": foreign,
        "a file": folder / "notes.txt",
    }[where]
    text = refused(
        client, "--out", str(out), "--only", "intake", subprocess=where == "client folder"
    )
    fragment = {
        "client folder": "--out holds an input of this run",
        "data folder": "--out holds an input of this run",
        "foreign files": "no salesaudit report manifest",
        "a file": "--out names a file, not a folder",
    }[where]
    assert fragment in text and str(out) in text


def test_out_refuses_a_report_with_added_files_or_of_another_client(
    good_report: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r"
    shutil.copytree(good_report, out)
    (out / "my-notes.docx").write_bytes(b"x")
    cfg = runner.load_config(good_report.parent / "c" / "client.yaml")
    with pytest.raises(InputError, match="did not write: my-notes.docx"):
        safety.check_out(out, cfg, [])
    (out / "my-notes.docx").unlink()
    safety.check_out(out, cfg, [])  # its own previous report: may be replaced
    cfg.client = "Someone Else"
    with pytest.raises(InputError, match="the report of another client"):
        safety.check_out(out, cfg, [])


def test_manifest_lists_every_file(good_report: Path) -> None:
    doc = json.loads((good_report / safety.MANIFEST).read_text("utf-8"))
    assert doc["tool"] == "salesaudit" and doc["client"] == "Northwind Pumps & Valves"
    assert set(doc["files"]) == set(hashes(good_report)) - {safety.MANIFEST}


# --------------------------------------------------------------------------- validation before work


def test_bad_inputs_are_refused_before_work(client: Path, good_report: Path) -> None:
    """Each fault: exit 2, the file named, inputs and the previous report unchanged."""
    report = hashes(good_report)
    out = ["--out", str(client.parent.parent / "out")]
    text = refused(client, *out, "--only", "nosuch")
    assert "--only names no known section" in text
    bad_prev = client.parent.parent / "old.json"
    bad_prev.write_text(json.dumps({"schema": 1, "model": {"algorithm": [{"x": 1}]}}), "utf-8")
    text = refused(client, *out, "--previous", str(bad_prev), "--only", "intake")
    assert "does not match the findings schema" in text and str(bad_prev) in text
    original = client.read_text("utf-8")
    row = next(i for i, line in enumerate(original.splitlines(), 1) if line.startswith("as_of:"))
    client.write_text(original.replace("\nas_of: ", "\nas_of: 2026-02-30 #", 1), "utf-8")
    text = refused(client, *out)
    assert "has a date that does not exist" in text and f"{client}, row {row}" in text
    client.write_text(original, "utf-8")
    edit(client, seed=-1)
    text = refused(client, *out)
    assert "'seed'" in text and str(client) in text
    client.write_text(original, "utf-8")
    raw = yaml.safe_load(original)
    raw["funnel"]["lost"].append(raw["funnel"]["stages"][-1]["crm"][0])
    client.write_text(yaml.safe_dump(raw, allow_unicode=True), "utf-8")
    text = refused(client, *out)
    assert "is under funnel.stages[" in text and "and under funnel.lost" in text
    assert str(client) in text
    assert hashes(good_report) == report


def test_validate_checks_what_run_would(client: Path) -> None:
    text = refused(client, "--out", str(client.parent / "data"), cli="validate")
    assert "--out holds an input of this run" in text
    text = refused(client, "--only", "nosuch", cli="validate")
    assert "--only names no known section" in text


def test_folder_given_as_client_file(client: Path) -> None:
    root = client.parent.parent  # the test's own folder, not pytest's shared base
    text = refused(client.parent, "--out", str(root / "out"), root=root)
    assert "is a folder, not a client file" in text


def test_unreadable_files_name_the_file(client: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PermissionError on client.yaml or a data file: InputError naming it (simulated: tests run as root)."""
    real = Path.read_text

    def denied(self: Path, *a: object, **k: object) -> str:
        if self.name == "client.yaml":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", denied)
    with pytest.raises(InputError, match="cannot be read") as e:
        runner.preflight(client)
    assert str(client) in str(e.value) and e.value.exit_code == 2
    monkeypatch.setattr(Path, "read_text", real)
    from salesaudit.inputs.ingest import load

    monkeypatch.setattr(load.os, "access", lambda p, mode: not str(p).endswith("deals.csv"))
    with pytest.raises(InputError, match="deals.csv: cannot be read"):
        runner.run(client, client.parent.parent / "out", only=["intake"], progress=lambda _: None)
    assert not leftovers(client.parent.parent)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_output_folder(client: Path) -> None:
    parent = client.parent.parent / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        text = refused(client, "--out", str(parent / "r"), "--only", "intake")
    finally:
        parent.chmod(0o755)
    assert "the folder is not writable" in text and str(parent) in text


def test_full_or_read_only_disk(client: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No room (checked before work), and a write error mid-run: exit 2 naming the path."""
    out = client.parent.parent / "out"
    monkeypatch.setattr(safety.shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(1, 1, 0))  # type: ignore[attr-defined]
    with pytest.raises(InputError, match="the disk has 0 MB free") as e:
        runner.preflight(client, out)
    assert str(out.parent) in str(e.value)
    monkeypatch.undo()
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    with pytest.raises(InputError, match="the folder is not writable"):
        safety.check_room(out)
    monkeypatch.undo()
    with pytest.raises(InputError, match="cannot write: No space left on device") as e:
        with safety.write_errors():
            raise OSError(errno.ENOSPC, "No space left on device", str(out / "tables.xlsx"))
    assert str(out / "tables.xlsx") in str(e.value)
    with pytest.raises(OSError), safety.write_errors():
        raise OSError(errno.EBADF, "Bad file descriptor")  # not the user's: stays an internal error


# --------------------------------------------------------------------------- failures and leftovers


def _notebook(path: Path, code: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell('client_file = ""', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(code),
    ]
    nbformat.write(nb, path)
    return path


def test_killed_worker_names_the_notebook(good_report: Path, tmp_path: Path) -> None:
    """A worker that dies: RunFailed naming the notebook; the previous report untouched."""
    out = tmp_path / "r"
    shutil.copytree(good_report, out)
    before = hashes(out)
    killer = _notebook(
        tmp_path / "50_killer.ipynb", "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"
    )
    with pytest.raises(runner.RunFailed) as e:
        runner.run(
            good_report.parent / "c" / "client.yaml",
            out,
            only=["intake"],
            workers=1,
            extra_notebooks=[killer],
            progress=lambda _: None,
        )
    assert "notebook 50_killer failed" in str(e.value) and "worker process" in str(e.value)
    assert hashes(out) == before
    assert not leftovers(tmp_path)


def _descendants(pid: int) -> set[int]:
    """Every live process below pid (from /proc)."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    found, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            found.add(c)
            todo.append(c)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkill_leaves_nothing_behind(client: Path) -> None:
    root = client.parent.parent
    out = root / "r"
    cmd = [sys.executable, "-m", "salesaudit", "run", str(client), "--out", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (leftovers(root) and len(kids) >= 2):
        time.sleep(0.2)
        kids |= _descendants(proc.pid)
    assert leftovers(root) and kids, "the run did not start its workers in time"
    time.sleep(1.0)
    kids |= _descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = run_cli("run", str(client), "--out", str(out), "--only", "intake")
    assert done.returncode == 0, done.stderr
    assert not leftovers(root)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(p) for p in kids):
        time.sleep(0.3)
    assert not [p for p in kids if _alive(p)], "a process of the killed run is still alive"


@pytest.mark.slow
def test_batch_clients_in_same_named_folders(demo_dir: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "acme", tmp_path / "b" / "acme"
    shutil.copytree(demo_dir, a)
    shutil.copytree(demo_dir, b)
    out = tmp_path / "out"
    done = run_cli(
        "batch",
        str(a / "client.yaml"),
        str(b / "client.yaml"),
        "--out",
        str(out),
        "--only",
        "intake",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    reports = sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))
    assert len(reports) == 2 and all((p / "report.html").is_file() for p in reports)
    clients = {json.loads((p / safety.MANIFEST).read_text("utf-8"))["client_file"] for p in reports}
    assert clients == {str(a / "client.yaml"), str(b / "client.yaml")}
    assert done.stdout.count("started") == 2 and done.stdout.count("finished, exit 0") == 2


def test_batch_refuses_a_client_given_twice(client: Path) -> None:
    text = refused(client, str(client), "--out", str(client.parent.parent / "out"), cli="batch")
    assert "is given twice" in text
    assert not (client.parent.parent / "out").exists()


def test_batch_folders_are_distinct(client: Path, tmp_path: Path) -> None:
    other = tmp_path / "x" / "c"
    shutil.copytree(client.parent, other)
    outs = runner.batch_folders([client, other / "client.yaml"], tmp_path / "out")
    assert len(set(outs)) == 2 and all(o.name.startswith("northwind-pumps-valves-") for o in outs)


def test_stale_temp_folders_are_cleaned(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = int(dead.stdout)
    stale = tmp_path / f".r.tmp-{pid}-1"
    stale.mkdir()
    (stale / safety.OWNER_MARK).write_text("x")
    unmarked = tmp_path / f".r.tmp-{pid}-2"  # not ours: never touched
    unmarked.mkdir()
    mine = safety.owned_dir(tmp_path / f".r.tmp-{safety.owner_tag()}")
    safety.clean_stale(tmp_path)
    assert not stale.exists() and unmarked.exists() and mine.exists()
