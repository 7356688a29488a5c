# diplo_analysis: the commands of the README.
#   make analysis   set up, build data/processed, execute the notebooks into reports/
#   make test       set up, run the unit tests and check every notebook with nbval
#   make lab        set up, open JupyterLab on notebooks/ with the corpus configured
# They create a virtual environment in .venv (override with VENV=...) and install
# the package into it with the extras its targets need (EXTRAS, default
# notebooks,dev): [notebooks] (Jupyter, to execute the notebooks), [dev] (pytest,
# nbval, ruff) and, for CI's browser test, [browser] (Playwright; .ci/run adds it).
# `pip install diplo_analysis` alone brings only what the library needs. The shared corpus is used when it is
# found at ../shared/corpus or named by DIPLO_ANALYSIS_DATA; without either,
# `make analysis` fetches the public corpora (diplo_analysis.datasets; the cache
# is $DIPLO_ANALYSIS_CACHE or the user cache folder, the server
# $DIPLO_ANALYSIS_MIRROR or https://github.com) and, without a network, runs on
# the shipped sample. FETCH=0 skips the fetch.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS ?= notebooks,dev
CORPUS_DEFAULT := $(abspath ../shared/corpus)

ifeq ($(origin DIPLO_ANALYSIS_DATA), undefined)
ifneq ($(wildcard $(CORPUS_DEFAULT)/SOURCES.md),)
export DIPLO_ANALYSIS_DATA := $(CORPUS_DEFAULT)
endif
endif
export MPLBACKEND := Agg

NBVAL := --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval_sanitize.cfg

.PHONY: setup analysis build lint test unit notebooks store-notebooks benchmarks lab clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

setup: $(STAMP)

FETCH ?= 1

analysis: setup
	$(BIN)/python scripts/run_analysis.py $(if $(filter 0,$(FETCH)),--no-fetch,)

build: setup
	$(BIN)/diplo-analysis build

# Errors a linter can see without running anything (syntax, undefined names,
# unused imports, bug-prone patterns) and functions more complex than McCabe 25;
# rules in pyproject.toml [tool.ruff].
lint: setup
	$(BIN)/ruff check src tests benchmarks scripts

# Lint, then unit tests and notebooks in one pytest run; the notebooks' stored
# outputs were made with the shared corpus, so without it only the unit tests run.
test: setup lint
ifdef DIPLO_ANALYSIS_DATA
	$(BIN)/python -m pytest $(NBVAL) tests notebooks
else
	@echo "No corpus (set DIPLO_ANALYSIS_DATA or put it at ../shared/corpus): running unit tests only; notebooks need the corpus."
	$(BIN)/python -m pytest tests
endif

unit: setup
	$(BIN)/python -m pytest tests

notebooks: setup
	$(BIN)/python -m pytest $(NBVAL) notebooks

# Re-execute the notebooks in place (after a change to the features), with the corpus.
store-notebooks: setup
	$(BIN)/python scripts/run_analysis.py --skip-build --store

# JupyterLab on notebooks/, its kernels reading the corpus ($DIPLO_ANALYSIS_DATA as
# above) and drawing inline (MPLBACKEND unset). More options: LAB_ARGS="--port 8899 --no-browser".
LAB_ARGS ?=
lab: setup
ifndef DIPLO_ANALYSIS_DATA
	@echo "No corpus (set DIPLO_ANALYSIS_DATA or put it at ../shared/corpus): the notebooks will read only the shipped sample."
endif
	env -u MPLBACKEND $(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)/notebooks" \
		$(if $(filter 0,$(shell id -u)),--allow-root,) $(LAB_ARGS)

benchmarks: setup
	@for f in benchmarks/bench_*.py benchmarks/eval_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) reports .pytest_cache
