# muavu — two commands on a fresh Debian machine:  make forecast   and   make test
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev liblapacke-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
BIN := .build/release/muavu
OUT ?= out

.PHONY: all deps build forecast test bench fuzz notebooks clean

all: build

# Install the Debian packages the numerical core links against, only when missing.
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

# The bulletin as a reader sees it: headless Chromium (installed with fonts-noto-core when missing)
# renders the whole of $(OUT)/bulletin.html to $(OUT)/bulletin.png. Not part of make test.
.PHONY: screenshot
screenshot: forecast
	sh scripts/screenshot-bulletin.sh $(OUT)/bulletin.html $(OUT)/bulletin.png

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build $(OUT)

# libFuzzer over the CSV tokenizer, the tidy reader and the structure check (Fuzz/, seeds in
# Fuzz/corpus); bounded: FUZZ_SECONDS (default 60). A crashing input lands in .build-fuzz/artifacts/.
fuzz: deps
	$(SWIFT) build --package-path Fuzz -c debug --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	@mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
	.build-fuzz/debug/TidyReaderFuzzer .build-fuzz/corpus Fuzz/corpus -max_len=4096 \
	  -max_total_time=$${FUZZ_SECONDS:-60} -artifact_prefix=.build-fuzz/artifacts/

# The rendered analyses (Markdown notebooks and SVG charts) in notebooks-exported/, written whole.
# SOURCE_DATE_EPOCH (default: the fixed date the committed notebooks carry) makes them byte-reproducible.
NOTEBOOKS_EPOCH ?= 1795910400
notebooks: build
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$(NOTEBOOKS_EPOCH)} $(BIN) report --out notebooks-exported
