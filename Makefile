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

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf $(VENV) marsad-output .pytest_cache .ruff_cache
