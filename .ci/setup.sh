#!/usr/bin/env bash
# Installs what the tests need beyond Go: Microsoft's SARIF validator
# (Sarif.Multitool, a self-contained .NET executable shipped in the npm
# package @microsoft/sarif-multitool and its per-platform package), into
# .ci/node. The SARIF tests in ./report and ./cmd/blastradius run it on every
# SARIF log they write, and fail, saying to run this script, when it is
# missing. Idempotent: a second run with the pinned version in place does
# nothing. Needs node and npm (Debian: apt-get install nodejs npm).
set -euo pipefail
cd "$(dirname "$0")/.."

version=5.7.0
prefix=.ci/node
case "$(uname -s)" in
Linux) platform=linux ;;
Darwin) platform=darwin ;;
*) platform=win32 ;;
esac
pkg="$prefix/node_modules/@microsoft/sarif-multitool-$platform"
bin="$pkg/Sarif.Multitool"
[ "$platform" = win32 ] && bin="$bin.exe"

installed() {
	[ -x "$bin" ] && grep -q "\"version\": *\"$version\"" "$pkg/package.json" 2>/dev/null
}

if ! installed; then
	if ! command -v npm >/dev/null; then
		if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
			apt-get update -qq && apt-get install -y -qq npm >/dev/null
		else
			echo ".ci/setup.sh: npm is needed to install the SARIF validator (apt-get install npm)" >&2
			exit 1
		fi
	fi
	npm install --prefix "$prefix" --no-audit --no-fund --no-save "@microsoft/sarif-multitool@$version"
	# The platform package makes its executable executable in a postinstall
	# script, which npm may not run.
	chmod u+x "$bin"
fi
installed || { echo ".ci/setup.sh: $bin is not Sarif.Multitool $version" >&2; exit 1; }
echo "SARIF validator: $("$bin" --version 2>&1 | head -n 1)"

# The HTML report's end-to-end tests (report/browser_test.go and
# cmd/blastradius/html_e2e_test.go, through report/browsertest and
# .ci/e2e/browser.cjs) open a report in Debian's Chromium, never a browser
# that a test tool downloads, driven by playwright-core; the same script
# renders the Mermaid output with Mermaid, as GitHub would. The two npm
# packages go in a prefix of their own, .ci/node/e2e, so that neither npm
# install prunes the other's packages. The tests fail, saying to run this
# script, when any of them is missing. Idempotent like the above.
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	if ! command -v apt-get >/dev/null; then
		echo ".ci/setup.sh: $chromium is missing: install Debian's chromium package" >&2
		exit 1
	fi
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi
"$chromium" --version 2>/dev/null

e2e=.ci/node/e2e
playwright_version=1.64.1
mermaid_version=11.17.2
e2e_installed() {
	grep -q "\"version\": *\"$playwright_version\"" "$e2e/node_modules/playwright-core/package.json" 2>/dev/null &&
		grep -q "\"version\": *\"$mermaid_version\"" "$e2e/node_modules/mermaid/package.json" 2>/dev/null
}
if ! e2e_installed; then
	# Playwright must not fetch a browser of its own: it uses $chromium.
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$e2e" --no-audit --no-fund --no-save \
		"playwright-core@$playwright_version" "mermaid@$mermaid_version"
fi
e2e_installed || { echo ".ci/setup.sh: $e2e lacks playwright-core $playwright_version or mermaid $mermaid_version" >&2; exit 1; }
echo "playwright-core $playwright_version, mermaid $mermaid_version"

# The cgo tests (analyzer/load_test.go TestCgo) scan a module that uses cgo
# with a C compiler, as go build would, and without one. Debian's Go image
# has gcc; a machine without it gets Debian's.
if ! command -v gcc >/dev/null; then
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	if ! command -v apt-get >/dev/null; then
		echo ".ci/setup.sh: gcc is missing: install a C compiler" >&2
		exit 1
	fi
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y gcc libc6-dev
fi
gcc --version | head -n 1
