# WageLink — the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
WAGELINK_PORT ?= 8080
# Lets ccache reuse objects across clones in different folders (CI builds a fresh clone).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: run test build server web deps deps-test bench dist fmt lint clean

run: build
	@mkdir -p var
	./build/wagelink serve --demo --port $(WAGELINK_PORT)

test:
	scripts/test.sh

deps:
	@scripts/install-deps.sh run

deps-test:
	@scripts/install-deps.sh test

build: deps server web

server:
	@cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build build -j$(JOBS)

web:
	@if [ -f web/package.json ]; then cd web && npm run build --silent; fi

# The Debian package for an offline intranet machine (docs/operations.md).
dist: build
	@scripts/make-dist.sh dist

bench: deps-test
	@cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DWAGELINK_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
	@cmake --build build-bench -j$(JOBS)
	bench/run.sh build-bench

fmt:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

lint: server
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p build --quiet

clean:
	rm -rf build build-asan build-bench build-fuzz web/dist
