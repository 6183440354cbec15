"""The client file: defaults, unknown keys with suggestions, type errors, paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesaudit.core.errors import InputError
from salesaudit.inputs import client as config

MINIMAL = "client: Acme\ndata:\n  deals: {path: data/deals.csv}\n"


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "client.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_minimal_file_gets_every_section_with_defaults(tmp_path: Path) -> None:
    cfg = config.load(write(tmp_path, MINIMAL))
    assert cfg.language == "en" and cfg.seed == 42
    assert [s.key for s in cfg.funnel.stages] == list(config.STAGE_KEYS)
    assert cfg.capacity.closer_meetings_per_month == "auto"  # the client's own, else the norm
    assert (
        cfg.capacity.span == 7 and cfg.capacity.hiring_batch == 3 and cfg.capacity.attrition == 0.25
    )
    assert (cfg.compensation.mix.fixed, cfg.compensation.mix.soft, cfg.compensation.mix.bonus) == (
        0.3,
        0.1,
        0.6,
    )
    assert cfg.resolve("data/deals.csv") == tmp_path / "data" / "deals.csv"


def test_design_example_loads(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "data" / "design_client.yaml").read_text("utf-8")
    cfg = config.load(write(tmp_path, text))
    assert (
        cfg.compensation.accelerator.from_ == 1.0 and cfg.compensation.accelerator.kind == "tiered"
    )
    assert cfg.model.algorithm[3] == "missing" and cfg.model.pillars.coaching == 1
    assert cfg.funnel.lost == ["Сделка провалена", "Отказ"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (MINIMAL + "fuunel: {}\n", "unknown key 'fuunel'. Did you mean 'funnel'?"),
        (MINIMAL.replace("path:", "pth:"), "Did you mean 'path'?"),
        (MINIMAL + "capacity: {spna: 5}\n", "unknown key 'capacity.spna'. Did you mean 'span'?"),
        (MINIMAL + "capacity: {span: many}\n", "'capacity.span': Input should be a valid integer"),
        (MINIMAL + "language: de\n", "'language'"),
        ("client: Acme\n", "needs at least 'deals' or 'sales'"),
        (
            MINIMAL + "funnel: {stages: [{key: offer, crm: [x]}, {key: target_list, crm: [y]}]}\n",
            "canonical order",
        ),
        (MINIMAL + "compensation: {mix: {fixed: 0.5, soft: 0.5, bonus: 0.5}}\n", "add up to 1"),
        (
            MINIMAL + "technologies: {deal_plna: missing}\n",
            "unknown technology 'deal_plna'. Did you mean 'deal_plan'?",
        ),
        (MINIMAL + "technologies: {deal_plan: maybe}\n", "'technologies.deal_plan'"),
    ],
)
def test_bad_files_are_explained(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(InputError) as e:
        config.load(write(tmp_path, text))
    assert fragment in str(e.value)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        config.load(write(tmp_path, MINIMAL + "targets: {revenue_per_month: 5\n"))
    assert "client.yaml" in str(e.value) and "row" in str(e.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        config.load(tmp_path / "nope.yaml")


def test_slug_keeps_it_filesystem_safe() -> None:
    assert config.slugify("Acme Industrial / <Test>") == "acme-industrial-test"
    assert config.slugify("Альфа Трейд") == "альфа-трейд"
    assert config.slugify("***") == "client"
