# tipkb: set-up and everyday commands. Everything runs from the project's own virtual environment.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: all install demo test lint accuracy bench bench-web screenshots clean

all: test

$(BIN)/tipkb: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[all]'
	touch $@

install: $(BIN)/tipkb

demo: install
	$(BIN)/tipkb ingest examples/corpus
	$(BIN)/tipkb reextract
	$(BIN)/tipkb profile Kazakhstan

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

accuracy: install
	$(BIN)/python benchmarks/accuracy.py --shared $(SHARED)

bench: install
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/store_bench.py

bench-web: install
	$(BIN)/python benchmarks/web_bench.py

screenshots: install
	bash scripts/install-chromium.sh
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
