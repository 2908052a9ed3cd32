#!/usr/bin/env bash
# Runs the whole test suite (the same command CI runs): installs missing system packages, builds
# the release binary the CLI tests use, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
require_swift
install_system_packages
scripts/embed-annotations.sh --check
swift build -c release --static-swift-stdlib --force-resolved-versions --product nextline
export NEXTLINE_RELEASE_BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/nextline"
swift test --force-resolved-versions "$@"
