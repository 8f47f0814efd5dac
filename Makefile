# Two commands do all set-up on a fresh machine with Python 3 and make:
#   make demo   — create .venv, install Marsad, run it on the bundled demo corpus
#   make test   — create .venv, install Marsad with test tools, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/marsad demo

# Browser tests drive Debian's chromium, installed here when missing; they fail (not skip) when it
# cannot start (set MARSAD_REQUIRE_BROWSER=0 to let them skip on a machine without Debian packages).
test: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks docs
	-@sh .ci/install-browser || echo "make test: chromium could not be installed; browser tests will be skipped"
	MARSAD_REQUIRE_BROWSER=$${MARSAD_REQUIRE_BROWSER:-1} $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks docs

# Throughput, memory, start-up and per-stage time on a generated 2,000-document corpus → benchmarks/RESULTS.md
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) marsad-output .pytest_cache .ruff_cache
