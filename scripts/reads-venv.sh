#!/usr/bin/env bash
# Creates (or reuses) the Python virtual environment that TestVCFs/reads/make_reads.py needs and prints
# the path of its python on standard output (everything else goes to standard error):
#
#   py=$(scripts/reads-venv.sh) && "$py" TestVCFs/reads/make_reads.py
#
# Where: ${NEXTLINE_READS_VENV}, else .build/reads-venv in the checkout.
# What:  pysam at the pinned version below (it reads the reference FASTA and writes the BAM records).
#        An existing venv with exactly this version is reused without touching the network; otherwise
#        pysam is installed from PyPI with pip (a manylinux wheel: no compiler needed).
# Needs: python3 >= 3.8 with the venv module. On Debian/Ubuntu, when `python3 -m venv` fails because
#        ensurepip is missing, python3-venv is installed with apt-get (as root, or through sudo).
# The generator also needs samtools (Debian's, 1.16); make_reads.py installs it when absent.
set -euo pipefail

PYSAM_VERSION=0.24.1

root=$(cd "$(dirname "$0")/.." && pwd)
venv=${NEXTLINE_READS_VENV:-$root/.build/reads-venv}
py="$venv/bin/python"

log() { echo "reads-venv: $*" >&2; }

pinned_ok() {
  [ -x "$py" ] || return 1
  "$py" - "$PYSAM_VERSION" <<'EOF' >/dev/null 2>&1
import sys
from importlib.metadata import version
sys.exit(0 if version("pysam") == sys.argv[1] else 1)
EOF
  "$py" -c 'import pysam' >/dev/null 2>&1
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

log "installing pysam==$PYSAM_VERSION"
"$py" -m pip install --disable-pip-version-check --quiet --only-binary=:all: "pysam==$PYSAM_VERSION" >&2 \
  || { log "error: pip install failed (is PyPI reachable? is there a pysam $PYSAM_VERSION wheel for this python?)"; exit 1; }

pinned_ok || { log "error: the venv at $venv does not import pysam $PYSAM_VERSION after installing"; exit 1; }
echo "$py"
