# TradeWatch: `make run` serves the app with the seed data; `make test` runs every test.
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint fmt check bench loadtest fuzz score clean messages

# A Python >= 3.12 from PATH, or else from pyenv's installed versions.
define FIND_PYTHON
for c in python3.13 python3.12 python3 python $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV); do \
  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
    command -v $$c; exit 0; fi; done; exit 1
endef
export FIND_PYTHON

# The charts' plotly.js: the "basic" bundle, same version as the plotly Python package,
# fetched from the npm registry and checked against its published integrity hash.
PLOTLY_BASIC := plotly.js-basic-dist-min@4.1.1
PLOTLY_BASIC_INTEGRITY := sha512-1oNF8PeQx2hv/y7tqEVWKD3JGwn/MGEMQ8mL9HUwsaqG9FGy/OU5FHUHvzqbqxN4mnwZGI9abTiE775C4kkjMQ==
PLOTLY_JS := vendor/plotly-basic.min.js

# axe-core for the accessibility tests (tests/browser/test_accessibility.py), the same way.
AXE := axe-core@4.14.1
AXE_INTEGRITY := sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==
AXE_JS := vendor/axe.min.js

# Russian (and any other) translations, compiled with Babel: no gettext needed.
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

install: $(VENV)/.installed $(PLOTLY_JS) $(AXE_JS) $(MO_FILES)

%.mo: %.po $(VENV)/.installed
	$(PY) manage.py compile_translations

# After adding or changing strings: refresh the catalogue (needs GNU gettext), translate, commit.
messages: install
	$(PY) manage.py makemessages -l ru --no-location --ignore=.venv --ignore=.venv-bench --ignore=bench --ignore=tests --ignore=staticfiles --ignore=vendor

$(AXE_JS):
	@command -v npm >/dev/null || { echo "make install needs npm (Node.js) to fetch axe-core" >&2; exit 1; }
	@rm -rf vendor/.axe && mkdir -p vendor/.axe
	cd vendor/.axe && npm pack --silent $(AXE) >/dev/null
	@got=$$(python3 -c 'import base64, glob, hashlib; f = glob.glob("vendor/.axe/*.tgz")[0]; print("sha512-" + base64.b64encode(hashlib.sha512(open(f, "rb").read()).digest()).decode())'); \
	  if [ "$$got" != "$(AXE_INTEGRITY)" ]; then echo "$(AXE): integrity $$got does not match" >&2; exit 1; fi
	tar -xzf vendor/.axe/*.tgz -C vendor/.axe package/axe.min.js
	mv vendor/.axe/package/axe.min.js $@ && rm -rf vendor/.axe

$(PLOTLY_JS):
	@command -v npm >/dev/null || { echo "make install needs npm (Node.js) to fetch plotly.js" >&2; exit 1; }
	@rm -rf vendor/.pack && mkdir -p vendor/.pack
	cd vendor/.pack && npm pack --silent $(PLOTLY_BASIC) >/dev/null
	@got=$$(python3 -c 'import base64, glob, hashlib; f = glob.glob("vendor/.pack/*.tgz")[0]; print("sha512-" + base64.b64encode(hashlib.sha512(open(f, "rb").read()).digest()).decode())'); \
	  if [ "$$got" != "$(PLOTLY_BASIC_INTEGRITY)" ]; then echo "$(PLOTLY_BASIC): integrity $$got does not match" >&2; exit 1; fi
	tar -xzf vendor/.pack/*.tgz -C vendor/.pack package/plotly-basic.min.js
	mv vendor/.pack/package/plotly-basic.min.js $@ && rm -rf vendor/.pack

$(VENV)/.installed: pyproject.toml
	@if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	  py=$$(sh -c "$$FIND_PYTHON") || { echo "TradeWatch needs Python 3.12 or newer (Django 6). Install python3.12 or python3.13 (or a pyenv 3.12+) and retry." >&2; exit 1; }; \
	  echo "Creating $(VENV) with $$py"; rm -rf $(VENV); $$py -m venv $(VENV); fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seed
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

DEPLOY_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=check-only-$$(date +%s)-a-long-random-looking-string-for-the-deploy-check

check: install
	$(PY) manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(PY) manage.py check --deploy --fail-level WARNING
	$(DEPLOY_ENV) $(PY) manage.py collectstatic --noinput --clear -v0
	@ls staticfiles/plotly/plotly-basic.min.*.js staticfiles/staticfiles.json >/dev/null && echo "collectstatic: hashed, compressed static files OK"

# Sizes by flags: make bench BENCH_ARGS="--figures 1000000 --pairs 5000" (the documented run,
# with DATABASE_URL naming an empty PostgreSQL database). Peer apps install into .venv-bench.
BENCH_ARGS ?=
bench: install
	$(PY) -m bench.run $(BENCH_ARGS)
	$(PY) -m tradewatch.ingest.bench

# 64 clients for 60 s over the benchmark data (same database rules as bench); fails on 5xx.
LOADTEST_ARGS ?=
loadtest: install
	$(PY) -m bench.loadtest $(LOADTEST_ARGS)

# Property tests of the extractor and the import parsers at 10,000 examples each (~4 min);
# the normal suite runs the same tests with 100.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q tests/test_fuzz.py -p no:randomly

# The extractor's precision, recall and F1 against editors' decisions on the review desk
# (/review/), over every ingested document reviewed to the end. SCORE_ARGS="--show 5" lists
# up to 5 misses of each kind per document; "--export DIR" writes files for extraction-dev score.py.
score: install
	$(PY) manage.py score_review $(SCORE_ARGS)

clean:
	rm -rf $(VENV) .venv-bench vendor staticfiles tradewatch.sqlite3 bench/tradewatch-bench.sqlite3
