"""Batch and portfolio without a cluster: planning, benchmarks, the portfolio files, the peer lines."""

from __future__ import annotations

import copy
import json
import re
import shutil
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from salesaudit.core.errors import InputError
from salesaudit.report import batch, portfolio, safety
from salesaudit.steps.summary import benchmarks as bm

from .helpers import run_cli

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "exports"


@pytest.fixture(scope="module")
def demo_doc() -> dict[str, Any]:
    """The demo's findings.json as tests keep it."""
    return json.loads((DATA / "demo_findings_v0.1.json").read_text("utf-8"))


def _variant(doc: dict[str, Any], name: str, k: float, as_of: str = "") -> dict[str, Any]:
    """A copy of the findings for another client, its win rate and cycle scaled by k."""
    d = copy.deepcopy(doc)
    d["client"] = name
    d["funnel"]["win_rate"] = round(d["funnel"]["win_rate"] * k, 4)
    d["funnel"]["cycle_days"]["median"] = d["funnel"]["cycle_days"]["median"] * k
    if as_of:
        d["as_of"] = as_of
    return d


def _reports(root: Path, docs: list[dict[str, Any]]) -> list[Path]:
    """Report folders holding only findings.json, as a batch leaves them."""
    out = []
    for d in docs:
        folder = root / d["client"].lower().replace(" ", "-")
        folder.mkdir(parents=True)
        (folder / "findings.json").write_text(json.dumps(d), "utf-8")
        out.append(folder)
    return out


def test_metrics_from_findings(demo_doc: dict[str, Any]) -> None:
    m = bm.client_metrics(demo_doc)
    assert m["win_rate"] == demo_doc["funnel"]["win_rate"]
    assert m["cycle_days"] == 64.0 and m["p_target"] == demo_doc["funnel"]["forecast"]["p_target"]
    assert m["conv.first_contact"] == demo_doc["funnel"]["stages"][1]["conversion_to_next"]
    need = sum(demo_doc["sizing"]["required"].values())
    have = sum(v for k, v in demo_doc["sizing"]["current"].items() if k != "head")
    assert (m["sellers_required"], m["sellers_current"], m["sellers_gap"]) == (
        need,
        have,
        need - have,
    )
    assert abs(m["abc_a"] - (36 + 21 + 85) / 354) < 1e-9  # type: ignore[operator]
    assert not [k for k in m if k.startswith(bm.COST_PREFIX)]  # no compensation key: no figure


def test_compensation_cost_of_sales_read_when_present(demo_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(demo_doc)
    doc["compensation"] = {
        "roles": {"closer": {"cost_of_sales_at_plan": 0.071}, "head": {"cost_of_sales_at_plan": 1}},
        "principles": [],
    }
    doc["sizing"]["cost_per_month"] = {"now": None, "needed": 500.0}
    doc["sizing"]["target"] = 2000.0
    m = bm.client_metrics(doc)
    assert m["cost_of_sales.closer"] == 0.071 and "cost_of_sales.head" not in m
    assert m[bm.TEAM_COST] == 0.25  # the needed team's pay a month ÷ the target a month
    assert bm.label("cost_of_sales.closer", "en") == "Cost of sales at plan: closer (pay ÷ revenue)"
    assert "клоузер" in bm.label("cost_of_sales.closer", "ru")
    doc["sizing"]["cost_per_month"]["needed"] = None  # a needed role without target earnings
    assert bm.client_metrics(doc)[bm.TEAM_COST] is None


def test_sellers_now_unknown_without_a_team_table(demo_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(demo_doc)
    doc["sizing"]["current"] = {}  # no team table: today's sellers are unknown, not zero
    m = bm.client_metrics(doc)
    assert m["sellers_required"] == sum(doc["sizing"]["required"].values())
    assert m["sellers_current"] is None and m["sellers_gap"] is None


def test_quartiles_and_positions() -> None:
    q = bm.quartiles([1.0, 2.0, 3.0, 4.0, 5.0])
    assert (q["n"], q["q1"], q["median"], q["q3"]) == (5, 2.0, 3.0, 4.0)
    assert [bm.position(v, q) for v in (1.0, 2.5, 3.5, 5.0)] == [1, 2, 3, 4]
    assert bm.position(1.0, bm.quartiles([1.0, 2.0, 3.0])) is None  # too few to place anybody
    assert set(bm.quartiles([1.0, 2.0, 3.0])) == {"n", "min", "max"}  # nor quartiles to show
    assert bm.position(0.0, bm.quartiles([0.0] * 5)) is None  # all equal: nobody ranked apart
    # ties on a boundary: the highest value is never placed in the 2nd quartile
    tied = bm.quartiles([1.0, 5.0, 5.0, 5.0])
    assert (tied["q1"], tied["median"], tied["q3"]) == (4.0, 5.0, 5.0)
    assert [bm.position(v, tied) for v in (1.0, 4.5, 5.0)] == [1, 2, 4]
    assert [bm.position(v, bm.quartiles([1.0, 1.0, 1.0, 5.0])) for v in (1.0, 5.0)] == [1, 4]


def test_summarise_by_sector() -> None:
    rows = [("industrial", {"win_rate": 0.1 * i}) for i in range(1, 6)]
    rows.append((None, {"win_rate": 0.9, "cycle_days": None}))
    doc = bm.summarise(rows)
    assert doc["groups"]["all"]["clients"] == 6 and doc["groups"]["industrial"]["clients"] == 5
    assert doc["groups"]["all"]["metrics"]["win_rate"]["n"] == 6
    assert "cycle_days" not in doc["groups"]["all"]["metrics"]  # nobody has it: no quartiles
    assert bm.group_for(doc, "industrial")[0] == "industrial"
    assert bm.group_for(doc, "retail")[0] == bm.ALL


def test_comparison_lines_both_languages() -> None:
    doc = bm.summarise([("industrial", {"win_rate": 0.1 * i}) for i in range(1, 9)])
    en = bm.comparison(doc, {"win_rate": 0.05}, "industrial", "en")
    ru = bm.comparison(doc, {"win_rate": 0.05}, "industrial", "ru")
    assert en[0] == "Compared with 8 audited clients of its sector (industrial):"
    assert "lowest quartile" in en[1] and "Win rate: 5.0%" in en[1]
    assert ru[0].startswith("В сравнении с 8 проверенными клиентами его отрасли")
    assert "нижняя четверть" in ru[1]
    costs = [("x", {"cost_of_sales.closer": 0.05 * i, bm.TEAM_COST: 0.1 * i}) for i in range(1, 6)]
    doc = bm.summarise(costs)
    en = bm.comparison(doc, {"cost_of_sales.closer": 0.26, bm.TEAM_COST: 0.05}, None, "en")
    assert en[1].startswith("Cost of sales at plan: closer (pay ÷ revenue): 26.0%, highest")
    assert en[2].startswith("Cost of sales at plan: the team the target needs")


def test_benchmark_file_checked(tmp_path: Path) -> None:
    bad = tmp_path / "portfolio.json"
    bad.write_text('{"schema": 99}', "utf-8")
    with pytest.raises(InputError, match="schema version"):
        bm.load(bad)
    bad.write_text(json.dumps({"schema": bm.BENCHMARKS_SCHEMA, "groups": {}}), "utf-8")
    with pytest.raises(InputError, match="no benchmark groups") as e:
        bm.load(bad)
    assert str(bad) in str(e.value) and "salesaudit batch" in str(e.value)


def test_portfolio_files(demo_doc: dict[str, Any], tmp_path: Path) -> None:
    docs = [_variant(demo_doc, f"Client {i}", 0.6 + 0.2 * i) for i in range(5)]
    folders = _reports(tmp_path, docs)
    paths = portfolio.write(tmp_path, folders, "en")
    page = paths["html"].read_text("utf-8")
    assert "Client 3" in page and "Portfolio of 5 clients" in page
    assert "<script" not in page.split("</head>")[1]  # no code in the page's body
    assert not re.search(r"(src|href)=[\"']?(https?:)?//|url\([\"']?https?:|@import", page)
    assert "Content-Security-Policy" in page
    bench = json.loads(paths["json"].read_text("utf-8"))
    assert bench["groups"]["all"]["metrics"]["win_rate"]["n"] == 5
    assert "Client" not in paths["json"].read_text("utf-8")  # quartiles only, no names
    sheets = load_workbook(paths["xlsx"]).sheetnames
    assert sheets == ["Clients", "Quartile positions", "Quartiles"]
    rows = list(load_workbook(paths["xlsx"])["Quartile positions"].values)
    win = rows[0].index("Win rate")
    assert [r[win] for r in rows[1:]] == [1, 1, 2, 3, 4]  # on a quartile: the lower one
    assert page.count("—") > 5  # the compensation column: no key yet, shown as "—"


def test_portfolio_unknown_team_and_too_few_clients(
    demo_doc: dict[str, Any], tmp_path: Path
) -> None:
    """No team table: sellers now and the gap show "—", never 0; three clients: no quartiles."""
    docs = [_variant(demo_doc, f"Client {i}", 0.8 + 0.2 * i) for i in range(3)]
    for d in docs:
        d["sizing"]["current"] = {}
    folders = _reports(tmp_path, docs)
    entries = portfolio.collect(folders)
    bench = portfolio.benchmark_file(entries)
    fig = portfolio.figures_table(entries, bench, "en", False)
    assert set(fig["Sellers now"]) == {"—"} and set(fig["Sellers to add (needed − now)"]) == {"—"}
    assert not fig["Win rate"].str.contains("Q").any()  # nobody placed among three
    quarts = portfolio.quartile_table(bench, portfolio.metric_names(entries), "en")
    win = quarts[quarts["Figure"] == "Win rate"].iloc[0]
    assert (win["N"], win["Q1"], win["Median"], win["Q3"]) == (3, "—", "—", "—")
    assert win["Min"] != "—" and win["Max"] != "—"
    assert "q1" not in bench["groups"]["all"]["metrics"]["win_rate"]  # nor in portfolio.json
    page = portfolio.write(tmp_path, folders, "en")["html"].read_text("utf-8")
    assert "Quartiles need at least 4 clients" in page


def test_portfolio_anonymised_codes_are_stable(demo_doc: dict[str, Any], tmp_path: Path) -> None:
    docs = [_variant(demo_doc, f"Acme {i}", 1 + i / 10) for i in range(4)]
    folders = _reports(tmp_path, docs)
    page = portfolio.write(tmp_path, folders, "ru", anonymise=True)["html"].read_text("utf-8")
    assert "Acme" not in page
    code = portfolio.Entry("Acme 2", tmp_path, {}).code
    assert code in page and code == portfolio.Entry("Acme 2", Path("/x"), {}).code
    assert "Портфель: 4 клиента" in page


def test_portfolio_since_previous_batch(demo_doc: dict[str, Any], tmp_path: Path) -> None:
    now, before = tmp_path / "now", tmp_path / "before"
    folders = _reports(now, [_variant(demo_doc, "A", 1.0), _variant(demo_doc, "B", 1.2)])
    _reports(
        before,
        [
            _variant(demo_doc, "A", 1.1, as_of="2026-08-31"),  # one month before: fine
            _variant(demo_doc, "B", 1.0, as_of="2026-03-31"),  # six months: past review
            _variant(demo_doc, "Gone", 1.0, as_of="2026-01-31"),
        ],
    )
    portfolio.write(now, folders, "en", previous_dir=before)
    rows = list(load_workbook(now / "portfolio.xlsx")["Since last audit"].values)
    by = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by["A"]["Note"] in ("", None) and by["A"]["Months since"] == "1"
    assert "past the review period" in by["B"]["Note"]
    assert by["B"]["Win rate"].startswith("+")
    assert "not in this batch" in by["Gone"]["Note"] and "review period" in by["Gone"]["Note"]


def test_plan_reports_every_bad_client_file(tmp_path: Path) -> None:
    good = tmp_path / "good"
    shutil.copytree(CORPUS / "hubspot" / "with_history", good)
    bad = tmp_path / "bad.yaml"
    bad.write_text("client: X\nseed: -1\ndata: {deals: {path: d.csv}}\n", "utf-8")
    jobs, errors = batch.plan([str(good / "client.yaml"), str(bad)], tmp_path / "out")
    assert not jobs and len(errors) == 1 and str(bad) in str(errors[0])


def test_cli_batch_bad_client_exits_2_before_any_cluster(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("client: X\nseed: -1\ndata: {deals: {path: d.csv}}\n", "utf-8")
    done = run_cli("batch", str(bad), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert str(bad) in done.stderr and "no audit was started" in done.stderr
    assert "cluster" not in done.stdout


def test_batch_refuses_an_url_out() -> None:
    with pytest.raises(InputError, match="URL"):
        batch.check_out_root("s3://bucket/out")


def test_task_outside_a_cluster_reports_an_unreachable_client(tmp_path: Path) -> None:
    job = batch.Job(client=str(tmp_path / "missing.yaml"), out=str(tmp_path / "o"), name="M")
    res = batch.audit_task(job)
    assert res.code == 2 and "shared path" in res.error and res.worker == "local"


def test_stale_staging_of_another_host_is_left_alone(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], text=True, capture_output=True
    )
    pid = int(dead.stdout)
    mine, theirs = tmp_path / f".r.tmp-{pid}-1", tmp_path / f".s.tmp-{pid}-1"
    for p, host in ((mine, socket.gethostname()), (theirs, "another-host")):
        p.mkdir()
        (p / safety.OWNER_MARK).write_text(f"{pid}-1 {host}", "utf-8")
    assert safety.clean_stale(tmp_path) == [mine]
    assert theirs.is_dir()


def test_run_refuses_a_bad_benchmark_file(tmp_path: Path) -> None:
    client = tmp_path / "c"
    shutil.copytree(CORPUS / "hubspot" / "with_history", client)
    bad = tmp_path / "portfolio.json"
    bad.write_text("[]", "utf-8")
    done = run_cli(
        "run", str(client / "client.yaml"), "--out", str(tmp_path / "o"), "--benchmarks", str(bad)
    )
    assert done.returncode == 2 and "portfolio.json" in done.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
def test_report_places_the_client_among_its_peers(demo_doc: dict[str, Any], tmp_path: Path) -> None:
    client = tmp_path / "c"
    shutil.copytree(CORPUS / "hubspot" / "with_history", client)
    yaml = (client / "client.yaml").read_text("utf-8")
    (client / "client.yaml").write_text(
        yaml.replace("language: en", "sector: software\nlanguage: en", 1), "utf-8"
    )
    rows = [("software", {"win_rate": 0.1 * i, "cycle_days": 20.0 * i}) for i in range(1, 7)]
    bench = tmp_path / "portfolio.json"
    bench.write_text(json.dumps(bm.summarise(rows)), "utf-8")
    out = tmp_path / "o"
    done = run_cli(
        "run",
        str(client / "client.yaml"),
        "--out",
        str(out),
        "--only",
        "summary",
        "--benchmarks",
        str(bench),
    )
    assert done.returncode == 0, done.stderr
    page = (out / "report.html").read_text("utf-8")
    assert "Compared with 6 audited clients of its sector (software):" in page
    assert "Win rate: 29.7%, second quartile (median 35.0%, middle half 22.5%–47.5%)" in page
    plain = out.parent / "plain"
    done = run_cli("run", str(client / "client.yaml"), "--out", str(plain), "--only", "summary")
    assert done.returncode == 0 and "Compared with" not in (plain / "report.html").read_text(
        "utf-8"
    )


def test_plan_checks_previous_and_benchmarks_first(tmp_path: Path) -> None:
    good = tmp_path / "good"
    shutil.copytree(CORPUS / "hubspot" / "with_history", good)
    bad = tmp_path / "portfolio.json"
    bad.write_text("{}", "utf-8")
    jobs, errors = batch.plan(
        [str(good / "client.yaml")],
        tmp_path / "out",
        previous_dir=str(tmp_path / "nope"),
        benchmarks=str(bad),
    )
    assert not jobs and len(errors) == 2
    assert "--previous" in str(errors[0]) and "portfolio.json" in str(errors[1])
    assert not (tmp_path / "out").exists()


def test_local_cluster_prints_a_working_dashboard_link() -> None:
    """bokeh is installed (pyproject): the local cluster's line links a dashboard that answers."""
    lines: list[str] = []
    with batch.connect(None, 1, 1, lines.append):
        assert len(lines) == 1 and "; dashboard: http://" in lines[0], lines
        url = lines[0].split("; dashboard: ", 1)[1]
        with urllib.request.urlopen(url, timeout=30) as page:  # localhost only
            assert page.status == 200
