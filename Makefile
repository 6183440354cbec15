# salesaudit: `make demo` runs the demo audit, `make test` runs every check. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test test-fast lint bench schema docs clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,workshop]"
	$(BIN)/python -m ipykernel install --sys-prefix --name salesaudit --display-name "Python (salesaudit)" >/dev/null
	@touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/salesaudit demo --out out

lint: setup
	$(BIN)/ruff check salesaudit tests benchmarks
	$(BIN)/ruff format --check salesaudit tests benchmarks
	$(BIN)/mypy salesaudit
	$(BIN)/lint-imports

test: setup lint
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

# findings.schema.json is generated from the typed model (report/findings_model.py)
schema: setup
	$(BIN)/python -m salesaudit.report.findings_model > salesaudit/report/schema/findings.schema.json

# docs/client-file.md is generated from the client file's models (inputs/client.py)
docs: setup
	$(BIN)/python -m salesaudit.inputs.client_docs > docs/client-file.md

bench: setup
	$(BIN)/python benchmarks/demo.py
	$(BIN)/python benchmarks/forecast.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/batch.py
	$(BIN)/python benchmarks/backtest.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache build
