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

command -v python3 >/dev/null 2>&1 || { log "error: python3 is not on PATH"; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "error: need root (or sudo) to run: $*"; return 1
  fi
}

make_venv() {
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv" >&2
}

# A venv whose interpreter no longer runs (e.g. the base python was removed) is made again.
if [ -x "$py" ] && ! "$py" -c 'import sys' >/dev/null 2>&1; then
  log "$venv is broken; recreating it"
  rm -rf "$venv"
fi

if [ ! -x "$py" ]; then
  log "creating $venv"
  if ! make_venv; then
    # Debian 12 ships the venv module without ensurepip; python3-venv (python3.11-venv) provides it.
    if command -v apt-get >/dev/null 2>&1; then
      log "python3 -m venv failed; installing python3-venv with apt-get"
      export DEBIAN_FRONTEND=noninteractive
      as_root apt-get install -y python3-venv >&2 || {
        as_root apt-get update >&2
        as_root apt-get install -y python3-venv >&2
      }
      make_venv || { log "error: python3 -m venv still fails after installing python3-venv"; exit 1; }
    else
      log "error: python3 -m venv failed and apt-get is not available; install the Python venv module"
      exit 1
    fi
  fi
fi

log "installing fhir.resources==$FHIR_RESOURCES_VERSION fhir-core==$FHIR_CORE_VERSION pydantic==$PYDANTIC_VERSION"
"$py" -m pip install --disable-pip-version-check --quiet \
  "fhir.resources==$FHIR_RESOURCES_VERSION" "fhir-core==$FHIR_CORE_VERSION" "pydantic==$PYDANTIC_VERSION" >&2 \
  || { log "error: pip install failed (is PyPI reachable?)"; exit 1; }

pinned_ok || { log "error: the venv at $venv does not import fhir.resources.R4B after installing"; exit 1; }
echo "$py"
