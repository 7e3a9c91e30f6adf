# The two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint eval clean-venv

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock 2>&1 | grep -v "^WARNING: Location" || true
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e . 2>&1 | grep -v "^WARNING: Location" || true
	@$(BIN)/python -m pip check --disable-pip-version-check >/dev/null
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/oigdata refresh --raw raw --out curated

test: $(STAMP)
	$(BIN)/ruff check flows schemas tests
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m pytest -q tests/eval

clean-venv:
	rm -rf $(VENV)
