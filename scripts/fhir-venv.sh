#!/usr/bin/env bash
# Creates (or reuses) the Python virtual environment that scripts/validate-fhir.py needs and prints
# the path of its python on standard output (everything else goes to standard error):
#
#   py=$(scripts/fhir-venv.sh) && "$py" scripts/validate-fhir.py bundle.json
#
# Where: ${NEXTLINE_FHIR_VENV}, else .build/fhir-venv in the checkout.
# What:  fhir.resources (FHIR R4B models, pydantic v2) at the pinned versions below. An existing venv
#        with exactly these versions is reused without touching the network; otherwise the packages
#        are installed from PyPI with pip.
# Needs: python3 >= 3.8 with the venv module. On Debian/Ubuntu, when `python3 -m venv` fails because
#        ensurepip is missing, python3-venv is installed with apt-get (as root, or through sudo).
set -euo pipefail

FHIR_RESOURCES_VERSION=8.3.0
FHIR_CORE_VERSION=1.1.12   # the fhir.resources 8.3.0 dependency (>= 1.1.9), pinned for reproducibility
PYDANTIC_VERSION=2.14.4    # pins pydantic-core too

root=$(cd "$(dirname "$0")/.." && pwd)
venv=${NEXTLINE_FHIR_VENV:-$root/.build/fhir-venv}
py="$venv/bin/python"

log() { echo "fhir-venv: $*" >&2; }

pinned_ok() {
  [ -x "$py" ] || return 1
  "$py" - "$FHIR_RESOURCES_VERSION" "$FHIR_CORE_VERSION" "$PYDANTIC_VERSION" <<'EOF' >/dev/null 2>&1
import sys
from importlib.metadata import version
want = dict(zip(("fhir.resources", "fhir-core", "pydantic"), sys.argv[1:]))
sys.exit(0 if all(version(name) == v for name, v in want.items()) else 1)
EOF
  "$py" -c 'from fhir.resources.R4B.bundle import Bundle' >/dev/null 2>&1
}

if pinned_ok; then
  echo "$py"
  exit 0
fi


. "$root/scripts/venv-lib.sh"
ensure_venv

log "installing fhir.resources==$FHIR_RESOURCES_VERSION fhir-core==$FHIR_CORE_VERSION pydantic==$PYDANTIC_VERSION"
"$py" -m pip install --disable-pip-version-check --quiet \
  "fhir.resources==$FHIR_RESOURCES_VERSION" "fhir-core==$FHIR_CORE_VERSION" "pydantic==$PYDANTIC_VERSION" >&2 \
  || { log "error: pip install failed (is PyPI reachable?)"; exit 1; }

pinned_ok || { log "error: the venv at $venv does not import fhir.resources.R4B after installing"; exit 1; }
echo "$py"
