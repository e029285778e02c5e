# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: install demo test lint check build clean

install: $(STAMP)

# Versions come from constraints.txt (the set the suite was run with), so a fresh machine
# installs what was tested; pyproject.toml keeps the ranges a user's environment may have.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/gradetape grade examples/class/* --secret-file examples/class-secret.txt --out out/demo

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

check: install
	$(BIN)/gradetape check --secret-file examples/class-secret.txt

build: install
	$(BIN)/gradetape build

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
