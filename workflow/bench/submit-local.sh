#!/usr/bin/env bash
# A stand-in for a cluster scheduler's submit command, for snakemake-executor-plugin-cluster-generic on
# one machine (workflow/bench/run.py): runs the job script in the background, as a scheduler would on a
# node, and prints its process id as the job id. The job script itself reports success or failure to
# Snakemake through marker files, so no status command is needed.
#
#   snakemake --executor cluster-generic --cluster-generic-submit-cmd "$PWD/workflow/bench/submit-local.sh" ...
set -euo pipefail
jobscript=${!#}
mkdir -p logs/cluster
nohup bash "$jobscript" > "logs/cluster/$(basename "$jobscript" .sh).log" 2>&1 < /dev/null &
echo $!
