#!/usr/bin/env bash
# Creates (or reuses) the Python virtual environment of the cohort workflow (workflow/Snakefile) and
# prints the path of its snakemake on standard output (everything else goes to standard error):
#
#   sm=$(scripts/workflow-venv.sh) && "$sm" -s workflow/Snakefile --cores 2 --directory /tmp/run \
#       --config sheet=$PWD/workflow/sheets/demo.tsv nextline=$PWD/.build/release/nextline
#
# Where: ${NEXTLINE_WORKFLOW_VENV}, else .build/workflow-venv in the checkout.
# What:  workflow/requirements.txt: snakemake, snakemake-executor-plugin-slurm and
#        snakemake-executor-plugin-cluster-generic at pinned versions, with every dependency pinned too.
#        An existing venv that has exactly these versions is reused without touching the network;
#        otherwise the file is installed from PyPI with pip.
# Needs: python3 >= 3.11 with the venv module. On Debian/Ubuntu, when `python3 -m venv` fails because
#        ensurepip is missing, python3-venv is installed with apt-get (as root, or through sudo).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
requirements="$root/workflow/requirements.txt"
venv=${NEXTLINE_WORKFLOW_VENV:-$root/.build/workflow-venv}
py="$venv/bin/python"
snakemake="$venv/bin/snakemake"

log() { echo "workflow-venv: $*" >&2; }

# Every `name==version` line of the requirements is installed at that version, and snakemake runs.
pinned_ok() {
  [ -x "$py" ] && [ -x "$snakemake" ] || return 1
  "$py" - "$requirements" <<'EOF' >/dev/null 2>&1 || return 1
import re, sys
from importlib.metadata import version, PackageNotFoundError
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, want = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)", line).groups()
    try:
        if version(name) != want:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
EOF
  "$snakemake" --version >/dev/null 2>&1
}

if pinned_ok; then
  echo "$snakemake"
  exit 0
fi

command -v python3 >/dev/null 2>&1 || { log "error: python3 is not on PATH"; exit 1; }
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || { log "error: snakemake 9 needs Python >= 3.11; python3 is $(python3 -V 2>&1)"; exit 1; }

. "$root/scripts/venv-lib.sh"
ensure_venv

log "installing $(grep -E '^snakemake(-executor-plugin-(slurm|cluster-generic))?==' "$requirements" | sed 's/ *#.*//' | tr '\n' ' ')and their pinned dependencies"
"$py" -m pip install --disable-pip-version-check --quiet -r "$requirements" >&2 \
  || { log "error: pip install failed (is PyPI reachable?)"; exit 1; }

pinned_ok || { log "error: the venv at $venv does not have the versions of $requirements after installing"; exit 1; }
echo "$snakemake"
