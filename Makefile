# FaceTort: `make run` starts the app, `make test` runs the whole test suite.
# Both create .venv and install the project on first use (and again when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean audit constraints

$(STAMP): pyproject.toml constraints.txt
	bash scripts/system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' -c constraints.txt
	touch $(STAMP)

run: $(STAMP)
	@bash scripts/system-deps.sh || true
	$(BIN)/streamlit run app.py --server.address localhost --server.port $${PORT:-8501}

test: $(STAMP)
	bash scripts/system-deps.sh
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

# Latency of analyze/estimate/top-10 (real data, synthetic 100k and 1M decisions) and the CLI cold start.
bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

# Known vulnerabilities in the pinned dependencies (needs the PyPI/OSV advisory database online).
audit: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-audit
	$(BIN)/pip-audit --requirement constraints.txt --no-deps --disable-pip

# Re-pin after changing pyproject.toml: the exact versions now installed become the constraints.
constraints: $(STAMP)
	{ head -n 2 constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -v -i '^facetort\|^pip=='; } > constraints.new
	mv constraints.new constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache
