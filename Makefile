# Quick start: `make run` opens the app, `make test` runs the whole suite.
# Both create .venv and install on first use.
#
# TORCH_SPEC picks the PyTorch build installed before the project. The default
# pins the CPU wheel that this project's machines carry; elsewhere pick your own,
# e.g. `make TORCH_SPEC=torch run` or a CUDA build from your index.
PYTHON ?= python3
VENV ?= .venv
TORCH_SPEC ?= torch==2.13.0
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test fuzz lint bench clean screenshot translations

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "$(TORCH_SPEC)"
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m designer samples/cnn_mnist.json

# --max-worker-restart=0: a worker that crashes fails the run at once (pytest-xdist
# would otherwise start a new one and can wait for the dead one's tests for ever).
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 --dist loadfile --max-worker-restart=0
	$(PY) -m ruff check designer tests bench tools

# The project-file fuzz test, long: FUZZ_EXAMPLES examples per property (make test
# runs a few hundred).
FUZZ_EXAMPLES ?= 5000
fuzz: $(STAMP)
	DESIGNER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/test_fuzz_project_files.py

# Qt Linguist: refresh the .ts sources from the code (pyside6-lupdate) and build the
# .qm files the app loads (pyside6-lrelease). Translate new entries with
# pyside6-linguist designer/resources/i18n/*.ts, then run this again.
translations: $(STAMP)
	$(PY) tools/catalog_texts.py
	$(PY) tools/training_texts.py
	$(PY) tools/translations.py update

lint: $(STAMP)
	$(PY) -m ruff check designer tests bench tools
	$(PY) -m ruff format --check designer tests bench tools

bench: $(STAMP)
	for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m designer --screenshot resources/screenshot.png samples/cnn_mnist.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
