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


. "$root/scripts/venv-lib.sh"
ensure_venv

log "installing pysam==$PYSAM_VERSION"
"$py" -m pip install --disable-pip-version-check --quiet --only-binary=:all: "pysam==$PYSAM_VERSION" >&2 \
  || { log "error: pip install failed (is PyPI reachable? is there a pysam $PYSAM_VERSION wheel for this python?)"; exit 1; }

pinned_ok || { log "error: the venv at $venv does not import pysam $PYSAM_VERSION after installing"; exit 1; }
echo "$py"
