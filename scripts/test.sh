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
# FHIR bundles are validated with the fhir.resources R4B models (PyPI) in a virtual environment.
if py=$(scripts/fhir-venv.sh); then export NEXTLINE_FHIR_PYTHON="$py"; else echo "warning: FHIR validation environment unavailable; FHIR model tests are skipped" >&2; fi
# The cohort workflow (workflow/Snakefile) runs with the pinned Snakemake of a virtual environment.
if sm=$(scripts/workflow-venv.sh); then export NEXTLINE_SNAKEMAKE="$sm"; else echo "warning: Snakemake environment unavailable; the cohort workflow test is skipped" >&2; fi
swift test --force-resolved-versions "$@"
