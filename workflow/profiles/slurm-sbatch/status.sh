#!/usr/bin/env bash
# Status command of the slurm-sbatch profile (snakemake-executor-plugin-cluster-generic): prints
# running, success or failed for one SLURM job id, from sacct (squeue while sacct does not know the
# job yet). A job that SLURM ended (timeout, out of memory, node failure, cancelled) is a failure.
set -uo pipefail
jobid=${1%%;*}      # sbatch --parsable prints "id" or "id;cluster"
state=$(sacct -j "$jobid" -X -n -P -o State 2>/dev/null | head -n 1 | awk '{print $1}')
if [ -z "$state" ]; then
  state=$(squeue -h -j "$jobid" -o %T 2>/dev/null | head -n 1)
fi
case "$state" in
  COMPLETED) echo success ;;
  ""|PENDING|CONFIGURING|RUNNING|COMPLETING|REQUEUED|REQUEUE_HOLD|REQUEUE_FED|RESIZING|SUSPENDED|STAGE_OUT|SIGNALING)
    echo running ;;
  *) echo failed ;;
esac
