import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
import VariantModel

/// Evidence for "absent at baseline", population frequencies and copy-number fold changes, read from
/// real VCF text through htslib.
@Suite("Evidence of absence and germline evidence")
struct EvidenceOfAbsenceTests {
    let dir = Fixtures.temporaryDirectory()
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    func interpret(baseline: String, progression: String, candidates: [String] = ["osimertinib"]) throws -> Interpretation {
        Fixtures.write(baseline, to: dir, as: "dx.vcf")
        Fixtures.write(progression, to: dir, as: "prog.vcf")
        let caseText = """
        case_id: T
        tumor_type: LUAD
        therapy_lines: [{line: 1, drugs: [gefitinib]}]
        samples:
          - {id: dx, role: baseline, kind: tissue, vcf: dx.vcf, tumor_fraction: 0.5}
          - {id: prog, role: progression, kind: plasma, vcf: prog.vcf, tumor_fraction: 0.2}
        candidates: [\(candidates.joined(separator: ", "))]
        """
        let path = Fixtures.write(caseText, to: dir, as: "case.yaml")
        let (pc, _) = try CaseRunner.readCase(path: path, catalogue: catalogue)
        return try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: InputOptions(), settings: InterpretationSettings()).interpretation
    }

    static let prog = Fixtures.vcfHeader() + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:1940,60:0.03:2000\n"

    @Test("a gVCF reference block with depth at baseline makes the allele acquired; without it, indeterminate")
    func gvcfBlock() throws {
        let gvcfHeader = Fixtures.vcfHeader(extra: ["##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description=\"Minimum depth in the block\">",
                                                    "##ALT=<ID=NON_REF,Description=\"Any other allele\">"])
        let block = gvcfHeader + "chr7\t55181000\t.\tA\t<NON_REF>\t.\tPASS\tEND=55182000\tGT:MIN_DP:DP\t0/0:800:850\n"
        let withBlock = try interpret(baseline: block, progression: Self.prog)
        #expect(withBlock.findings.first?.origin == .acquired)
        #expect(withBlock.findings.first?.originReason.contains("reference block") == true)
        let shallow = gvcfHeader + "chr7\t55181000\t.\tA\t<NON_REF>\t.\tPASS\tEND=55182000\tGT:MIN_DP:DP\t0/0:8:9\n"
        #expect(try interpret(baseline: shallow, progression: Self.prog).findings.first?.origin == .indeterminate)
        let nothing = try interpret(baseline: Fixtures.vcfHeader(), progression: Self.prog)
        #expect(nothing.findings.first?.origin == .indeterminate)
    }

    @Test("a population frequency above 1% in the file's annotation flags possible germline and keeps it out of verdicts")
    func populationFrequency() throws {
        let header = Fixtures.vcfHeader(extra: ["##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL|Feature|HGVSp|MAX_AF\">"])
        let prog = header + "chr7\t55181378\t.\tC\tT\t.\tPASS\tCSQ=T|missense_variant|EGFR|ENST00000275493|ENSP00000275493.2:p.Thr790Met|0.2\tGT:AD:AF:DP\t0/1:1940,60:0.03:2000\n"
        let i = try interpret(baseline: Fixtures.vcfHeader(), progression: prog)
        let f = try #require(i.findings.first)
        #expect(f.flags.contains("possible_germline"))
        #expect(!f.used)
        #expect(f.finding.populationFrequencySource == "CSQ/MAX_AF")
    }

    @Test("a TSO500-style <DUP> with fold change 2.5 over MET reads as 5 copies before tumour-fraction adjustment")
    func foldChange() throws {
        let header = Fixtures.vcfHeader(extra: ["##FORMAT=<ID=FC,Number=1,Type=Float,Description=\"Fold change\">",
                                                "##ALT=<ID=DUP,Description=\"Duplication\">"])
        let text = header + "chr7\t116672000\t.\tN\t<DUP>\t.\tPASS\tSVTYPE=CNV;END=116798000\tFC\t2.5\n"
        let r = try ScanRunner.scan(path: Fixtures.write(text, to: dir, as: "fc.vcf"), catalogue: catalogue, options: InputOptions())
        let met = try #require(r.result.findings.first { $0.gene == "MET" })
        #expect(met.structural?.foldChange == 2.5)
        #expect(met.structural?.copyNumber == nil, "a fold change is not an absolute copy number")
        #expect(met.structural?.observedCopyNumber == 5)
        #expect(met.copyNumber == .amplification)
    }
}

@Suite("Headline: acquired under treatment")
struct HeadlineAcquiredTests {
    @Test("an unproven origin is headlined only for an alteration a rule uses: T790M (used) yes, ESR1 D538G in lung (no rule) no")
    func unprovenOriginNeedsARule() throws {
        let catalogue = try Catalogue.builtIn()
        let dir = Fixtures.temporaryDirectory()
        // The baseline VCF has neither allele and no coverage evidence: both origins are indeterminate.
        Fixtures.write(Fixtures.vcfHeader() + "chr7\t55191822\t.\tT\tG\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:300,300:0.5:600\n", to: dir, as: "dx.vcf")
        Fixtures.write(Fixtures.vcfHeader(contigs: ["##contig=<ID=chr6,length=170805979>", "##contig=<ID=chr7,length=159345973>"])
                       + "chr6\t152098791\t.\tA\tG\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:950,50:0.05:1000\n"
                       + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:940,60:0.06:1000\n", to: dir, as: "prog.vcf")
        let path = Fixtures.write("""
        case_id: T
        tumor_type: LUAD
        therapy_lines: [{line: 1, drugs: [gefitinib]}]
        samples:
          - {id: dx, role: baseline, kind: tissue, vcf: dx.vcf, tumor_fraction: 0.6}
          - {id: prog, role: progression, kind: plasma, vcf: prog.vcf, tumor_fraction: 0.2}
        candidates: [osimertinib]
        """, to: dir, as: "case.yaml")
        let (pc, _) = try CaseRunner.readCase(path: path, catalogue: catalogue)
        let output = try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: InputOptions(), settings: InterpretationSettings())
        let esr1 = try #require(output.interpretation.findings.first { $0.finding.gene == "ESR1" })
        #expect(esr1.origin == .indeterminate)
        let headline = CaseRunner.document(output, catalogue: catalogue).headline
        #expect(headline.acquired.contains { $0.contains("T790M") && $0.contains("origin not proven") })
        #expect(!headline.acquired.contains { $0.contains("ESR1") })
    }
}
