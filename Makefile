# muavu — two commands on a fresh Debian machine:  make forecast   and   make test
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev liblapacke-dev libsqlite3-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
BIN := .build/release/muavu
OUT ?= out

.PHONY: all deps venv venv-schemathesis build forecast test fuzz sanitize notebooks format clean

all: build

# Install the Debian packages the numerical core and the store (SQLite) link against, only when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing" >&2; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >&2; \
	fi

build: deps
	$(SWIFT) build -c release --product muavu

# The main job on the bundled data: forecasts written under $(OUT)/.
forecast: build
	@mkdir -p $(OUT)
	bash scripts/forecast.sh $(BIN) $(OUT)

# The server on the bundled data: the store $(SERVE_STORE) (made from datasets/ the first time,
# as make forecast makes its own) and models/dong-thap.json, on $(SERVE_HOST):$(SERVE_PORT) until
# Ctrl-C, with the publication of make forecast ($(OUT)/) under /published/ when there is one. A
# write token: $(BIN) token add NAME --store $(SERVE_STORE). docs/deploy/ shows how to run it behind
# the province's web server.
SERVE_STORE ?= serve/store.sqlite
SERVE_HOST ?= 127.0.0.1
SERVE_PORT ?= 8080
.PHONY: serve
serve: build
	@mkdir -p $(dir $(SERVE_STORE))
	@[ -e $(SERVE_STORE) ] || bash scripts/import-bundled.sh $(BIN) $(SERVE_STORE)
	$(BIN) serve --store $(SERVE_STORE) --config models/dong-thap.json --host $(SERVE_HOST) --port $(SERVE_PORT) \
	  $(if $(wildcard $(OUT)/index.json),--published $(OUT))

# The bulletin as a reader sees it: headless Chromium (installed with fonts-noto-core when missing)
# renders the whole of $(OUT)/bulletin.html to $(OUT)/bulletin.png. Not part of make test.
.PHONY: screenshot
screenshot: forecast
	sh scripts/screenshot-bulletin.sh $(OUT)/bulletin.html $(OUT)/bulletin.png

# The outlook page on a phone, as make test checks it (scripts/check-outlook-page.py: the paddy page of a
# throwaway store of the bundled data in headless Chromium 360 CSS pixels wide, the price, ranges and
# sell-or-store sentence of the JSON document shown, no horizontal overflow), keeping the 360x740
# screenshot in $(OUT)/outlook-lua-phone.png (docs/phone-outlook.png is one).
.PHONY: phone-check
phone-check: build deps-browser
	@mkdir -p $(OUT)
	python3 scripts/check-outlook-page.py $(BIN) $(OUT)/outlook-lua-phone.png

# Headless Chromium and the Noto fonts (Vietnamese marks) from Debian, only when missing: make test's
# look at the phone page, make phone-check and make screenshot.
BROWSER_PACKAGES := chromium fonts-noto-core
.PHONY: deps-browser
deps-browser:
	@missing=""; for p in $(BROWSER_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing" >&2; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >&2; \
	fi

# muavu serve under load (scripts/bench/serve.sh; not in CI): the release build on the bundled data on
# loopback, wrk (installed from Debian when missing) on the paddy outlook from memory, as fast as it goes
# and paced at 200 req/s, 60 s each; the numbers and the verdict (200 req/s, p99 under 50 ms, no errors)
# in docs/benchmarks/serve.md.
.PHONY: bench-serve
bench-serve: build
	bash scripts/bench/serve.sh $(BIN) docs/benchmarks/serve.md

# The replayed track record (docs/design/track-record.md), outside make test: the bundled data in a
# temporary store, then muavu replay of models/dong-thap.json on the 15th of each month from
# $(REPLAY_FROM) to $(REPLAY_TO) (each series read as known then, release lags standing in for old
# vintages), exported to datasets/track-record/replayed-records.csv (committed) and scored by muavu verify
# into datasets/track-record/verify.tsv. Takes about 8 minutes on 2 cores (release build); progress on stderr.
REPLAY_FROM ?= 2015-01-15
REPLAY_TO ?= 2025-12-15
.PHONY: replay
replay: build
	@start=$$(date +%s); tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  MUAVU_NO_RECORDS=1 bash scripts/import-bundled.sh $(BIN) "$$tmp/store.sqlite" 2>/dev/null && \
	  $(BIN) replay --config models/dong-thap.json --from $(REPLAY_FROM) --to $(REPLAY_TO) --store "$$tmp/store.sqlite" && \
	  mkdir -p datasets/track-record && \
	  $(BIN) record export --origin replayed --store "$$tmp/store.sqlite" --out datasets/track-record/replayed-records.csv && \
	  $(BIN) verify --origin replayed --store "$$tmp/store.sqlite" > datasets/track-record/verify.tsv && \
	  echo "== make replay took $$(( $$(date +%s) - start )) s" >&2

# The Python tools the tests use as independent references (jsonschema), pinned in
# requirements-test.txt, in a project venv; rebuilt when the requirements change.
VENV := .venv-test
$(VENV)/.installed: requirements-test.txt
	@start=$$(date +%s); rm -rf $(VENV); \
	  { python3 -m venv $(VENV) && $(VENV)/bin/pip install -q --disable-pip-version-check -r requirements-test.txt \
	    && touch $@; } || { echo "could not build $(VENV) from requirements-test.txt (python3 -m venv, PyPI)" >&2; exit 1; }; \
	  echo "== make test: Python venv took $$(( $$(date +%s) - start )) s" >&2

venv: $(VENV)/.installed

# schemathesis (PyPI), pinned with all it pulls in, in a venv of its own (its tree is larger than the
# tests' references): make test's schemathesis phase. Rebuilt when requirements-schemathesis.txt changes.
ST_VENV := .venv-schemathesis
$(ST_VENV)/.installed: requirements-schemathesis.txt
	@start=$$(date +%s); rm -rf $(ST_VENV); \
	  { python3 -m venv $(ST_VENV) && $(ST_VENV)/bin/pip install -q --disable-pip-version-check -r requirements-schemathesis.txt \
	    && touch $@; } || { echo "could not build $(ST_VENV) from requirements-schemathesis.txt (python3 -m venv, PyPI)" >&2; exit 1; }; \
	  echo "== make test: schemathesis venv took $$(( $$(date +%s) - start )) s" >&2

venv-schemathesis: $(ST_VENV)/.installed

# Each phase says how long it took (on stderr). Tests call the venv's interpreter (MUAVU_PYTHON).
# The in-process server tests (ServerTests) run on their own after the rest: their server's handlers
# share the test process's few cooperative threads, which the other tests' long synchronous work
# (imports, publishes, spawned commands) can hold for longer than the test client's 20 s timeout.
# Then schemathesis runs against the built server (scripts/schemathesis.sh), at most 600 s, and headless
# Chromium looks at the paddy outlook's phone page (scripts/check-outlook-page.py).
test: deps deps-browser venv venv-schemathesis
	@start=$$(date +%s); $(SWIFT) build --build-tests; \
	  echo "== make test: build took $$(( $$(date +%s) - start )) s" >&2
	@start=$$(date +%s); MUAVU_PYTHON=$(CURDIR)/$(VENV)/bin/python $(SWIFT) test --skip-build --skip ServerTests; \
	  status=$$?; echo "== make test: tests took $$(( $$(date +%s) - start )) s" >&2; exit $$status
	@start=$$(date +%s); MUAVU_PYTHON=$(CURDIR)/$(VENV)/bin/python $(SWIFT) test --skip-build --filter ServerTests; \
	  status=$$?; echo "== make test: server tests took $$(( $$(date +%s) - start )) s" >&2; exit $$status
	@start=$$(date +%s); bash scripts/schemathesis.sh .build/debug/muavu $(ST_VENV) 600; \
	  status=$$?; echo "== make test: schemathesis took $$(( $$(date +%s) - start )) s" >&2; exit $$status
	@start=$$(date +%s); python3 scripts/check-outlook-page.py .build/debug/muavu; \
	  status=$$?; echo "== make test: phone page took $$(( $$(date +%s) - start )) s" >&2; exit $$status

clean:
	rm -rf .build $(OUT)

# Formats the Swift sources in place with the formatter that ships with the toolchain
# (swift format), as .swift-format configures it. CI does not check formatting.
format:
	$(SWIFT) format format --in-place --recursive --parallel Package.swift Sources Tests \
	  Fuzz/Package.swift Fuzz/Sources Benchmarks/Package.swift Benchmarks/Sources

# libFuzzer over muavu's readers (Fuzz/): the CSV tokenizer, tidy reader and structure check
# (seeds Fuzz/corpus), the publish configuration (Fuzz/corpus-configuration), the saved-model file,
# read and forecast from (Fuzz/corpus-model), and the regression formula parser (Fuzz/corpus-formula).
# Each runs FUZZ_SECONDS (default 60); FUZZERS picks some. A crashing input lands in
# .build-fuzz/artifacts/NAME-*. Not part of make test.
FUZZERS ?= TidyReaderFuzzer ConfigurationFuzzer ModelFileFuzzer FormulaFuzzer
fuzz: deps
	$(SWIFT) build --package-path Fuzz -c debug --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	@mkdir -p .build-fuzz/artifacts
	@set -e; for f in $(FUZZERS); do \
	  case $$f in \
	    TidyReaderFuzzer) seeds=Fuzz/corpus; len=4096;; \
	    ConfigurationFuzzer) seeds=Fuzz/corpus-configuration; len=16384;; \
	    ModelFileFuzzer) seeds=Fuzz/corpus-model; len=32768;; \
	    FormulaFuzzer) seeds=Fuzz/corpus-formula; len=512;; \
	  esac; \
	  mkdir -p .build-fuzz/corpus/$$f; \
	  echo "== $$f for $${FUZZ_SECONDS:-60} s (seeds $$seeds)" >&2; \
	  start=$$(date +%s); \
	  .build-fuzz/debug/$$f .build-fuzz/corpus/$$f $$seeds -max_len=$$len -rss_limit_mb=4096 \
	    -max_total_time=$${FUZZ_SECONDS:-60} -print_final_stats=1 -artifact_prefix=.build-fuzz/artifacts/$$f- ; \
	  echo "== $$f done in $$(( $$(date +%s) - start )) s" >&2; \
	done

# The whole test suite under AddressSanitizer (with its leak and use-after-return checks), in its own
# build folder; the muavu binary the end-to-end tests run is built with it too (MUAVU_SANITIZED tells
# the timed at-maximum test that the binary is instrumented). Not part of make test.
sanitize: deps venv
	$(SWIFT) build --build-tests --scratch-path .build-sanitize --sanitize=address
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 MUAVU_PYTHON=$(CURDIR)/$(VENV)/bin/python MUAVU_SANITIZED=1 \
	  $(SWIFT) test --skip-build --scratch-path .build-sanitize --sanitize=address

# The rendered analyses (Markdown notebooks and SVG charts) in notebooks-exported/, written whole.
# SOURCE_DATE_EPOCH (default: the fixed date the committed notebooks carry) makes them byte-reproducible.
NOTEBOOKS_EPOCH ?= 1795910400
notebooks: build
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$(NOTEBOOKS_EPOCH)} $(BIN) report --out notebooks-exported
