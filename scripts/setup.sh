#!/usr/bin/env bash
# One command for a fresh Debian 12 machine with the Swift 6.3 toolchain: installs what is missing
# (libhts-dev, zlib1g-dev, pkg-config; bcftools/tabix for the benchmarks), builds the release binary
# (--static-swift-stdlib) and runs the bundled demo case.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
require_swift
# chromium is only needed by the tests (scripts/test.sh installs it).
NEXTLINE_NO_BROWSER=1 install_system_packages
echo "== building nextline (release, static Swift runtime)"
swift build -c release --static-swift-stdlib --force-resolved-versions --product nextline
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/nextline"
echo "== binary: $bin"
echo "== demo: $bin interpret --case TestVCFs/demo/case.yaml"
"$bin" interpret --case TestVCFs/demo/case.yaml
"$bin" interpret --case TestVCFs/demo/case.yaml --format html --output demo-report.html
echo "== the same report as one HTML page (open it in any browser): demo-report.html"
