#!/usr/bin/env python3
"""Writes a deterministic, Mutect2-like single-sample GRCh38 VCF (seed 42).

usage: gen-bench-vcf.py N_RECORDS OUT.vcf [--panel-fraction F] [--sample NAME]

Kept for the tests that generate large inputs (Tests/CLITests); the generator itself lives in
bench/gen.py (`gen.py wgs`, same bytes), with the benchmark suite bench/run.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
sys.dont_write_bytecode = True
import gen  # noqa: E402

if __name__ == "__main__":
    sys.exit(gen.main(["wgs"] + sys.argv[1:]))
