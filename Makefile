# SafePassage: `make run` serves the application, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint fmt docs bench clean browser axe pango poppler

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("SafePassage needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

run: install pango
	$(BIN)/safepassage serve

test: install lint browser axe pango poppler
	$(BIN)/safepassage knowledge check
	SAFEPASSAGE_AXE=$(AXE) $(BIN)/pytest

# The browser tests need Debian's Chromium (Playwright cannot download a browser here).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	  || { echo "The browser tests need Chromium: sudo apt-get install chromium" >&2; exit 1; }

# PDF documents are laid out by WeasyPrint, which draws text through Pango (Debian's packages).
pango:
	@ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0; } \
	  || { echo "PDF documents need Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0" >&2; exit 1; }

# The document tests draw the PDFs' pages with Poppler's pdftoppm.
poppler:
	@command -v pdftoppm >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; } \
	  || { echo "The document tests need pdftoppm: sudo apt-get install poppler-utils" >&2; exit 1; }

# The accessibility test runs axe-core (from the npm registry) in Chromium: kept in the venv.
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE):
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; } \
	  || { echo "The accessibility test needs npm: sudo apt-get install nodejs npm" >&2; exit 1; }
	npm install --silent --prefix $(VENV)/axe axe-core

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

fmt: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

docs: install
	$(BIN)/python -m safepassage.cli.docs > docs/cli.md

bench: install
	$(BIN)/python bench/knowledge_load.py
	$(BIN)/python bench/screening.py
	$(BIN)/python bench/agreement.py
	$(BIN)/python bench/interview.py
	$(BIN)/python bench/planning.py
	$(BIN)/python bench/web_latency.py

# Extract every message into the catalogues and compile them (makemessages needs GNU gettext:
# apt-get install gettext); then translate what is new in src/safepassage/locale/*/django.po
# and run it again to compile. The tests read the catalogues without gettext.
.PHONY: messages
messages: install
	$(BIN)/python scripts/messages.py

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache
