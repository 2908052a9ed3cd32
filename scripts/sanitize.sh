#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer (default) or ThreadSanitizer (`scripts/sanitize.sh thread`),
# in its own build folder so the normal build is untouched. Not part of .ci/run (it takes several times
# longer); run it before a release and after changes to the htslib boundary (Sources/VCFIO).
#   scripts/sanitize.sh [address|thread] [swift test arguments, e.g. --filter VCFIOTests]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
require_swift
install_system_packages
kind=${1:-address}
shift || true
case "$kind" in address|thread) ;; *) echo "usage: scripts/sanitize.sh [address|thread] [swift test args]" >&2; exit 64 ;; esac
scratch=".build-$kind"
# Leak checking at process exit is off: XCTest's harness and ArgumentParser's exit path leave a few
# allocations, and LeakSanitizer would turn a usage error's exit code 64 into 1. Memory errors still abort.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
echo "== swift test under the $kind sanitizer (build folder $scratch)"
# The CLI tests run the binary from this build (instrumented too).
swift build --scratch-path "$scratch" --sanitize="$kind" --force-resolved-versions --product nextline
export NEXTLINE_RELEASE_BIN="$(swift build --scratch-path "$scratch" --sanitize="$kind" --show-bin-path)/nextline"
if py=$(scripts/fhir-venv.sh); then export NEXTLINE_FHIR_PYTHON="$py"; fi
# Under ThreadSanitizer the file-size-limit test is skipped: with `ulimit -f` in force, TSan's own runtime
# dies of SIGBUS (exit 66) before nextline reports EFBIG; it passes uninstrumented and under ASan.
skip=()
if [ "$kind" = thread ]; then skip=(--skip "File-size limit"); fi
swift test --scratch-path "$scratch" --sanitize="$kind" --force-resolved-versions "${skip[@]}" "$@"
