# Two commands set everything up on a fresh machine: `make demo` and `make test`.
# Both install what they need first (the venv, the Python packages, Debian packages).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEB_PACKAGES := chromium chromium-driver nginx-light libnginx-mod-http-headers-more-filter fonts-dejavu-core fonts-noto-color-emoji fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libicu-dev pkg-config g++

.PHONY: install system-deps demo test lint bench eval clean

install: system-deps $(STAMP)

# Debian packages first: PyICU (through followthemoney) compiles against libicu-dev.
$(STAMP): pyproject.toml | system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Debian packages: Chromium for the real-browser tests. Installed only when missing.
system-deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $$SUDO apt-get install -y -q --no-install-recommends $$missing >/dev/null \
	    || { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q --no-install-recommends $$missing >/dev/null; }; \
	fi

demo: install
	$(BIN)/signalstack demo

lint: $(STAMP)
	$(BIN)/ruff check core signalstack crawlers nlp models casefiles workbench benchmarks tests
	$(BIN)/python -m signalstack.check_data

test: install lint
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m benchmarks.run

eval: install
	$(BIN)/python -m benchmarks.evaluate

clean:
	rm -rf $(VENV) data .pytest_cache
