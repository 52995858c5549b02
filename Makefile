# dyad: the two commands that matter are `make demo` and `make test`. CMake and Ninja do the
# building; this file only strings the steps together.
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all bootstrap build demo test test-quick test-asan clean bench fuzz fuzz-build

all: build

bootstrap:
	@scripts/bootstrap

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: bootstrap $(BUILD)/build.ninja
	@ninja -C $(BUILD) >/dev/null

# Codes the bundled examples: a table on the terminal, JSON lines in out/examples.jsonl.
demo: build
	@mkdir -p out
	@$(BUILD)/dyad code --format table examples/*.txt
	@$(BUILD)/dyad code examples/*.txt examples/*.jsonl > out/examples.jsonl
	@echo "wrote out/examples.jsonl ($$(wc -l < out/examples.jsonl) records)"

$(ASAN_BUILD)/build.ninja:
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDYAD_SANITIZE=ON >/dev/null

# Every test: unit tests, rule tests and CLI tests, on the normal build and on an
# AddressSanitizer + UndefinedBehaviorSanitizer build. Ends with "N passed, N failed".
test: build $(ASAN_BUILD)/build.ninja fuzz-build
	@ninja -C $(ASAN_BUILD) >/dev/null
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_RUNS=$(FUZZ_RUNS) tests/run $(BUILD) $(ASAN_BUILD)

test-quick: build
	@tests/run $(BUILD)

bench: build
	@bench/run $(BUILD)

# libFuzzer harnesses (clang, AddressSanitizer + UBSan). `make test` runs each briefly;
# `make fuzz` runs each for FUZZ_SECONDS (default 600) and keeps what it finds in tests/fuzz/found/.
FUZZ_BUILD ?= build-fuzz
FUZZ_RUNS ?= 20000
FUZZ_SECONDS ?= 600

$(FUZZ_BUILD)/build.ninja:
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDYAD_FUZZ=ON >/dev/null

fuzz-build: bootstrap $(FUZZ_BUILD)/build.ninja
	@ninja -C $(FUZZ_BUILD) >/dev/null

fuzz: fuzz-build
	@tests/fuzz/run $(FUZZ_BUILD) time $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) out
