# Thin wrappers around go commands; see STYLE.md. Tool versions are pinned.

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.7.0
# Our Go files: fixtures under testdata are other modules, some broken on
# purpose, and .ci/node holds the npm packages that .ci/setup.sh installs.
GOFILES = $(shell find . -name '*.go' -not -path '*/testdata/*' -not -path './.git/*' -not -path './.ci/*')

.PHONY: build test lint golden bench bench-corpus check

build:
	go build ./...

test:
	go test -timeout 45m ./...

lint:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt -l:"; echo "$$out"; exit 1; fi
	go vet ./...
	go run $(STATICCHECK) ./...

# Only packages that define -update, or go test rejects the flag.
golden:
	go test ./report ./cmd/... -update

bench:
	bash .ci/bench.sh

# The real-world corpus next to go vet and govulncheck (docs/performance.md):
#   make bench-corpus EVAL_ROOT=../realworld
bench-corpus:
	bash .ci/bench-corpus.sh $(EVAL_ROOT) $(ONLY)

check: lint test
