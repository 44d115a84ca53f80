# WageLink — the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
WAGELINK_PORT ?= 8080
# Lets ccache reuse objects across clones in different folders (CI builds a fresh clone).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: run test build server web deps deps-test bench dist fmt lint clean cluster-test

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

# The scale-out fault suite of issue 16 (docs/operations.md "Scale-out deployment"): PostgreSQL
# primary + synchronous standby, 2 instances and haproxy on loopback; about 3 minutes. Uses the
# server already built in build/ (make build).
cluster-test:
	@scripts/install-cluster-deps.sh
	scripts/with-pg-cluster.sh --instances 2 -- tests/cluster/run.sh

fmt:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

lint: server
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p build --quiet

clean:
	rm -rf build build-asan build-bench build-fuzz web/dist
