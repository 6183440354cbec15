"""The docs the tool cites live in the repo: client-file.md is generated and complete, every
methodology section the package cites exists, and nothing points outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from salesaudit.core import constants as C
from salesaudit.core.names import STEPS
from salesaudit.inputs import client_docs, presets
from salesaudit.inputs.client import ClientConfig

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    """Every model reachable from ClientConfig."""
    seen.add(model)
    for f in model.model_fields.values():
        for m in client_docs._models_in(f.annotation):
            if m not in seen:
                _models(m, seen)
    return seen


def test_client_file_doc_is_up_to_date() -> None:
    assert (DOCS / "client-file.md").read_text("utf-8") == client_docs.render(), (
        "docs/client-file.md is stale: run `make docs`"
    )


def test_every_key_of_the_models_is_documented() -> None:
    text = (DOCS / "client-file.md").read_text("utf-8")
    paths = [p for p, _ in client_docs.keys()]
    missing = [p for p in paths if f"`{p}`" not in text]
    assert not missing, missing
    for model in _models(ClientConfig, set()):  # every field of every model, the tables' too
        for name, f in model.model_fields.items():
            if not f.exclude:
                key = f.alias or name
                assert re.search(rf"`[^`]*\b{re.escape(key)}`", text), (model.__name__, key)
    for table in ClientConfig.model_fields["data"].annotation.model_fields:  # type: ignore[union-attr]
        assert f"`data.{table}`" in text
    undocumented = [p for p, f in client_docs.keys() if not client_docs.meaning(p, f)]
    assert not undocumented, (
        f"give these keys a description (or a note in client_docs): {undocumented}"
    )


def test_methodology_has_every_cited_section() -> None:
    text = (DOCS / "methodology.md").read_text("utf-8")
    headings = set(re.findall(r"^#{2,3} (\d+(?:\.\d+)?)[. ]", text, flags=re.M))
    cited: set[str] = set()
    for path in [*(ROOT / "salesaudit").rglob("*.py"), *(ROOT / "salesaudit").rglob("*.yaml"),
                 ROOT / "README.md", DOCS / "client-file.md"]:  # fmt: skip
        for m in re.finditer(r"(?:methodology(?:\.md)?|Methodology) (§[\d.]+(?:, §[\d.]+)*)",
                             path.read_text("utf-8")):  # fmt: skip
            cited |= {s.strip().rstrip(".") for s in m.group(1).replace("§", "").split(",")}
    for v in vars(C).values():
        if isinstance(v, C.Norm) and v.source.startswith("§"):
            cited.add(v.source[1:])
    assert cited and not cited - headings, sorted(cited - headings)


def test_nothing_cites_a_file_outside_the_repo() -> None:
    files = [
        *(ROOT / "salesaudit").rglob("*.py"),
        *(ROOT / "salesaudit").rglob("*.yaml"),
        *(ROOT / "salesaudit" / "templates").rglob("*"),
        ROOT / "README.md",
        *DOCS.glob("*.md"),
    ]
    bad = []
    for p in files:
        if p.is_file() and p.suffix in (".py", ".yaml", ".j2", ".md", ".html", ".css"):
            text = p.read_text("utf-8")
            bad += [f"{p.relative_to(ROOT)}: {w}" for w in ("DESIGN", "../shared", "METHODOLOGY.md")
                    if w in text]  # fmt: skip
            bad += [
                f"{p.relative_to(ROOT)}: METHODOLOGY §" for _ in re.findall(r"METHODOLOGY §", text)
            ]
    scaffold = presets.client_yaml("acme", "bitrix24")
    assert "docs/client-file.md" in scaffold and "DESIGN" not in scaffold
    assert "pre-filled for a " not in scaffold
    assert not bad, bad


def test_readme_links_resolve_and_name_the_cli_steps() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for link in re.findall(r"\]\(((?:docs|data|salesaudit)/[^)#]+)\)", readme):
        if link != "docs/presets.md":  # written by the presets work
            assert (ROOT / link).exists(), link
    for step in STEPS:
        assert f"`{step}`" in readme, step


def test_run_help_lists_the_step_names_the_runner_takes() -> None:
    from salesaudit import cli
    from salesaudit.report import runner

    assert [n.split("_", 1)[1] for n in runner.ORDER] == list(STEPS)
    run = next(
        a
        for a in cli.parser()._subparsers._group_actions[0].choices.values()  # type: ignore[union-attr]
        if a.prog.endswith(" run")
    )
    help_text = " ".join(run.format_help().split())
    assert ", ".join(STEPS) in help_text
