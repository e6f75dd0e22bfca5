PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kg build seeds
	$(BIN)/kg query timeline

test: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf .kg $(VENV)

.PHONY: model
# Train the statistical NER model on ../shared/data (train splits; dev for early stopping).
# KG_LANGUAGE (default id) picks the language folder kg/lang/$(KG_LANGUAGE)/ the models go to.
KG_LANGUAGE ?= id
export KG_LANGUAGE
model: $(STAMP)
	nice $(BIN)/python -m kg.train_ner --data ../shared/data --out kg/lang/$(KG_LANGUAGE)/ner-model
	$(BIN)/python tools/build_common_words.py ../shared/data

.PHONY: parser
# Train the UPOS tagger + dependency parser on ../shared/data/ud-indonesian (GSD dev + CSUI train + PUD; scores on GSD/CSUI test).
parser: $(STAMP)
	nice $(BIN)/python -m kg.train_parser --data ../shared/data --out kg/lang/$(KG_LANGUAGE)/parser-model

.PHONY: bench
# Benchmarks on IndoSum (see docs/PERFORMANCE.md); e.g. make bench BENCH_ARGS="--limit 400" for a quick run.
bench: $(STAMP)
	$(BIN)/python bench/run.py --data ../shared/data/indosum-dev --out docs/PERFORMANCE.md $(BENCH_ARGS)
