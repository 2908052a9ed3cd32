#!/usr/bin/env bash
# Benchmarks nextline against bcftools on the same generated files (issue 2, 5): whole-process wall
# time, median of interleaved runs, and the ratio nextline / bcftools; peak memory at two file sizes.
#
#   scripts/bench.sh [N_RECORDS]     (default 2000000; files are cached under out/bench/)
#
# Not a test: speed is reported, never asserted. Needs python3, bgzip, tabix, bcftools, /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000000}
RUNS=${RUNS:-5}
out=out/bench
mkdir -p "$out"
swift build -c release --static-swift-stdlib --product nextline >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/nextline"

gen() {  # gen N NAME [args]
  local n=$1 name=$2; shift 2
  if [ ! -s "$out/$name.vcf.gz" ]; then
    python3 scripts/gen-bench-vcf.py "$n" "$out/$name.vcf" "$@"
    bgzip -f -@2 "$out/$name.vcf"
    tabix -f -p vcf "$out/$name.vcf.gz"
    bcftools view -Ob -o "$out/$name.bcf" "$out/$name.vcf.gz"
  fi
}

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# time_pair LABEL "CMD_A" "CMD_B": interleaved A B A B …; prints medians and the median of ratios.
time_pair() {
  local label=$1 a=$2 b=$3 ta tb ratios="" as="" bs=""
  eval "$a" >/dev/null 2>&1; eval "$b" >/dev/null 2>&1   # warm-up
  for _ in $(seq "$RUNS"); do
    local s; s=$(now); eval "$a" >/dev/null 2>&1; ta=$(echo "$(now) - $s" | bc -l)
    s=$(now); eval "$b" >/dev/null 2>&1; tb=$(echo "$(now) - $s" | bc -l)
    as+="$ta"$'\n'; bs+="$tb"$'\n'; ratios+=$(echo "$ta / $tb" | bc -l)$'\n'
  done
  printf "%-52s A %7.3f s   B %7.3f s   ratio A/B %.2f\n" "$label" \
    "$(printf '%s' "$as" | median)" "$(printf '%s' "$bs" | median)" "$(printf '%s' "$ratios" | median)"
}

peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

echo "== generating $N-record VCF (and a 4x smaller one) under $out/"
gen "$N" "wgs_$N"
gen $((N / 4)) "wgs_$((N / 4))"
big="$out/wgs_$N"

awk -F'\t' '$2=="GRCh38" {print "chr"$3"\t"$4-1"\t"$5}' Annotations/gene_spans.tsv > "$out/genes.grch38.bed"

echo "== full scan (streamed), $N records"
time_pair "VCF.gz: scan --no-index vs view -Ou" "$bin scan $big.vcf.gz --no-index -o /dev/null" "bcftools view -Ou -o /dev/null $big.vcf.gz"
time_pair "VCF.gz, 2 threads" "$bin scan $big.vcf.gz --no-index --threads 2 -o /dev/null" "bcftools view -Ou --threads 2 -o /dev/null $big.vcf.gz"
time_pair "BCF: scan --no-index vs view -Ou" "$bin scan $big.bcf --no-index -o /dev/null" "bcftools view -Ou -o /dev/null $big.bcf"
echo "== indexed (gene regions only)"
time_pair "VCF.gz + .tbi: scan vs view -R genes.bed" "$bin scan $big.vcf.gz -o /dev/null" "bcftools view -Ou -R $out/genes.grch38.bed -o /dev/null $big.vcf.gz"
echo "== peak memory (KiB) as the file grows 4x"
echo "nextline scan $((N / 4)) records: $(peak_kb "$bin" scan "$out/wgs_$((N / 4)).vcf.gz" --no-index -o /dev/null)"
echo "nextline scan $N records: $(peak_kb "$bin" scan "$big.vcf.gz" --no-index -o /dev/null)"
echo "bcftools view $N records: $(peak_kb bcftools view -Ou -o /dev/null "$big.vcf.gz")"

echo "== interpret: a panel-sized case (two samples of ~2,000 records)"
gen 2000 panel_base --panel-fraction 1.0 --sample BASE
gen 2000 panel_prog --panel-fraction 1.0 --sample PROG
cat > "$out/panel_case.yaml" <<YAML
case_id: BENCH-PANEL
tumor_type: LUAD
therapy_lines:
  - {line: 1, drugs: [gefitinib]}
samples:
  - {id: dx, role: baseline, kind: tissue, vcf: panel_base.vcf.gz}
  - {id: prog, role: progression, kind: plasma, vcf: panel_prog.vcf.gz, tumor_fraction: 0.1}
candidates: [osimertinib, erlotinib, "carboplatin + pemetrexed"]
YAML
time_pair "interpret panel case vs bcftools view (both files)" \
  "$bin interpret --case $out/panel_case.yaml --format json -o /dev/null" \
  "bcftools view -Ou -o /dev/null $out/panel_base.vcf.gz; bcftools view -Ou -o /dev/null $out/panel_prog.vcf.gz"

echo "== consequences (issue 3): --reference/--gff vs bcftools csq -l on the same generated VCF"
command -v samtools >/dev/null || { echo "(installing samtools for faidx)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq samtools >/dev/null; }
D=../shared/data/derived
if [ -s "$D/cancer_panel_real.grch38.fa.gz" ]; then
  CSQ_N=${CSQ_N:-$((N / 4))}
  if [ ! -s "$out/csq_$CSQ_N.vcf.gz" ]; then
    python3 scripts/gen-csq-vcf.py "$CSQ_N" "$D/cancer_panel_real.grch38.fa.gz" "$D/cancer_panel_real.grch38.real_bases.bed" "$out/csq_$CSQ_N.vcf"
    bgzip -f -@2 "$out/csq_$CSQ_N.vcf"
  fi
  "$bin" models build --gff "$D/cancer_panel_real.grch38.gff3" -o "$out/models.grch38.json" 2>/dev/null
  RUNS=3 time_pair "scan --reference --gff ($CSQ_N records) vs csq -l" \
    "$bin scan $out/csq_$CSQ_N.vcf.gz --reference $D/cancer_panel_real.grch38.fa.gz --gff $out/models.grch38.json -o /dev/null" \
    "bcftools csq -l -f $D/cancer_panel_real.grch38.fa.gz -g $D/cancer_panel_real.grch38.gff3 $out/csq_$CSQ_N.vcf.gz -Ou -o /dev/null"
  echo "peak memory nextline (KiB): $(peak_kb "$bin" scan "$out/csq_$CSQ_N.vcf.gz" --reference "$D/cancer_panel_real.grch38.fa.gz" --gff "$out/models.grch38.json" -o /dev/null)"
  echo "model loading: GFF3 vs compact form (whole process, a header-only VCF)"
  printf '##fileformat=VCFv4.2\n##contig=<ID=chr7,length=159345973>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n' > "$out/empty.vcf"
  RUNS=10 time_pair "compact models vs GFF3 (load only)" \
    "$bin scan $out/empty.vcf --reference $D/cancer_panel_real.grch38.fa.gz --gff $out/models.grch38.json -o /dev/null" \
    "$bin scan $out/empty.vcf --reference $D/cancer_panel_real.grch38.fa.gz --gff $D/cancer_panel_real.grch38.gff3 -o /dev/null"
else
  echo "(shared/data is absent: consequence benchmark skipped)"
fi

echo "== start-up: catalogue load (catalogue info) vs bcftools --version"
RUNS=10 time_pair "nextline catalogue info vs bcftools --version" "$bin catalogue info" "bcftools --version"
