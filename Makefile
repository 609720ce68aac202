# Quickstart:  make site   (set up + build the site from seeds/)
#              make test   (set up + run the whole test suite)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test lint typecheck browser omegat serve clean-site

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/toolkit build

serve: $(STAMP)
	$(BIN)/toolkit serve

# Headless Chromium for the browser tests: Debian's package (Playwright drives it; it
# never downloads a browser of its own), and a CJK font so screenshots show Chinese.
# Installed when missing and we are root.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk'; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "note: /usr/bin/chromium missing; run 'sudo apt-get install chromium' for the browser tests"; fi; \
	fi

# OmegaT, the CAT tool the translators' round-trip tests drive headless (Debian's package).
# Installed when missing and we are root.
omegat:
	@if ! command -v omegat >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq omegat >/dev/null) \
	      || echo "warning: could not install omegat; OmegaT tests will be skipped"; \
	  else echo "note: omegat missing; run 'sudo apt-get install omegat' for the OmegaT tests"; fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check toolkit tests benchmarks
	$(BIN)/ruff format --check toolkit tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) browser omegat
	$(BIN)/pytest -q

clean-site:
	rm -rf site
	find docs -mindepth 1 ! -name .gitignore -exec rm -rf {} +
