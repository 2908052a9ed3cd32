// Target vcf-record: the input is the record lines of a VCF with a fixed header (GRCh38 contigs, one sample
// TUMOR, the INFO/FORMAT fields callers write, VEP CSQ and SnpEff ANN). Every record on a primary contig is
// parsed by htslib (no gene pre-filter), re-checked strictly (AF, DP), then identified and measured in
// TUMOR against the built-in catalogue.
// Passes: records, or a typed error (VCFError, InputProblem) naming the file and line.
// Fails: a crash, a sanitizer report, an untyped error, a VAF outside [0, 1] or not finite.
import FuzzSupport
import Catalogue
import Interpretation
import VariantModel
import VCFIO
import Pipeline

let header = """
##fileformat=VCFv4.2
##reference=GRCh38
##source=nextline fuzz target vcf-record
##contig=<ID=chr1,length=248956422>
##contig=<ID=chr2,length=242193529>
##contig=<ID=chr3,length=198295559>
##contig=<ID=chr4,length=190214555>
##contig=<ID=chr5,length=181538259>
##contig=<ID=chr6,length=170805979>
##contig=<ID=chr7,length=159345973>
##contig=<ID=chr8,length=145138636>
##contig=<ID=chr9,length=138394717>
##contig=<ID=chr10,length=133797422>
##contig=<ID=chr11,length=135086622>
##contig=<ID=chr12,length=133275309>
##contig=<ID=chr13,length=114364328>
##contig=<ID=chr14,length=107043718>
##contig=<ID=chr15,length=101991189>
##contig=<ID=chr16,length=90338345>
##contig=<ID=chr17,length=83257441>
##contig=<ID=chr18,length=80373285>
##contig=<ID=chr19,length=58617616>
##contig=<ID=chr20,length=64444167>
##contig=<ID=chr21,length=46709983>
##contig=<ID=chr22,length=50818468>
##contig=<ID=chrX,length=156040895>
##contig=<ID=chrY,length=57227415>
##contig=<ID=chrM,length=16569>
##FILTER=<ID=PASS,Description="All filters passed">
##FILTER=<ID=LowQual,Description="Low quality">
##INFO=<ID=AF,Number=A,Type=Float,Description="Allele fraction">
##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">
##INFO=<ID=END,Number=1,Type=Integer,Description="End position">
##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">
##INFO=<ID=SVLEN,Number=1,Type=Integer,Description="Length of structural variant">
##INFO=<ID=CN,Number=1,Type=Float,Description="Copy number">
##INFO=<ID=MATEID,Number=.,Type=String,Description="Mate breakend">
##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">
##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|MANE_SELECT">
##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO'">
##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">
##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">
##FORMAT=<ID=CN,Number=1,Type=Float,Description="Copy number">
##FORMAT=<ID=PS,Number=1,Type=Integer,Description="Phase set">
#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR

"""
let headerBytes = Array(header.utf8)

let catalogue = Fuzz.catalogue
let scratch = Scratch()
/// Built from the first input's header (the same every time) and kept: its caches only memoise.
nonisolated(unsafe) var identifier: Identifier?

Fuzz.run { data in
    let path = scratch.write(headerBytes + Array(data), name: "records.vcf")
    do {
        let reader = try VCFReader(path: path, allowIndex: false)
        Fuzz.check(reader.header.samples == ["TUMOR"], "the fixed header lost its sample: \(reader.header.samples)")
        let measurer = Measurer(header: reader.header, path: path)
        let id = identifier ?? Identifier(catalogue: catalogue, build: .grch38, header: reader.header, measurer: measurer)
        identifier = id
        let plan = ReadPlan(regions: nil, infoFields: measurer.infoFields, formatFields: measurer.formatFields,
                            samples: ["TUMOR"], strictInfoNumbers: ["AF", "DP"], useIndex: false)
        var result = ScanResult()
        _ = try reader.read(plan) { record in
            Fuzz.check(record.position >= 1, "a record kept with POS \(record.position)")
            try id.identify(record, sample: "TUMOR", source: path, into: &result)
        }
        for f in result.findings {
            if let v = f.measurement?.vaf { Fuzz.check(v.isFinite && v >= 0 && v <= 1, "VAF \(v) for \(f.label)") }
        }
    } catch {
        Fuzz.check(ErrorKind.isInputData(error), "untyped error: \(type(of: error)): \(error)")
    }
}
