# The README's two commands. Both install missing packages first (apt; sudo when not root).
#   make demo   build and start `mlwatch --demo`
#   make test   build and run the whole test suite (what CI runs)
#   make bench  build and run the benchmarks (one line per benchmark)
BUILD_DIR ?= build
JOBS      ?= $(shell nproc)

.PHONY: deps configure build demo test bench package clean format

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake --preset default -B $(BUILD_DIR) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	$(BUILD_DIR)/src/app/mlwatch --demo

test: build
	@bash scripts/run-tests.sh $(BUILD_DIR)

bench: build
	@bash bench/run.sh $(BUILD_DIR)

package: build
	@cd $(BUILD_DIR) && cpack -G DEB

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
