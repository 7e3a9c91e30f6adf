# The two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint eval hostile bench clean-venv browser

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock 2>&1 | grep -v "^WARNING: Location" || true
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e . 2>&1 | grep -v "^WARNING: Location" || true
	@$(BIN)/python -m pip check --disable-pip-version-check >/dev/null
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/oigdata refresh --raw raw --out curated

# Headless Chromium renders the validation page in a test (Debian's package; these machines run as root).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; }

test: $(STAMP) browser
	$(BIN)/ruff check flows schemas tests
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m pytest -q tests/eval

# The CLI tried as an attacker and a careless user would (slow: starts Prefect many times).
hostile: $(STAMP)
	$(BIN)/python -m tests.hostile

# Throughput, CPU and memory on a synthetic corpus (BENCH_N="100 1000" by default; slow, not part of test).
bench: $(STAMP)
	$(BIN)/python -m tests.bench.run

clean-venv:
	rm -rf $(VENV)
