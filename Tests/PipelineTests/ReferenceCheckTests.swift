import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Pipeline
import VariantModel

/// `--reference`: the FASTA's chromosome lengths prove the build, and REF alleles are held to it.
@Suite("Reference FASTA: build evidence and REF check", .enabled(if: Fixtures.sharedDataAvailable, "shared/data is absent"))
struct ReferenceCheckTests {
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    func scan(_ file: String, reference: String, build: GenomeBuild? = nil) throws -> ScannedFile {
        var o = InputOptions(build: build)
        o.reference = Fixtures.shared(reference)
        return try ScanRunner.scan(path: Fixtures.shared(file), catalogue: catalogue, options: o)
    }

    @Test("a file without build evidence takes the build its reference FASTA proves")
    func buildFromFASTA() throws {
        let r = try scan("real/pcgr-tcga-examples/T001-BRCA.grch37.vcf.gz", reference: "derived/cancer_panel_real.grch37.fa.gz")
        #expect(r.provenance.build == .grch37)
        #expect(r.provenance.buildEvidence.contains("reference FASTA"))
        #expect(r.result.findings.contains { $0.label == "PIK3CA p.H1047R" })
    }

    @Test("REF alleles that disagree with the reference stop the run: wrong build or wrong reference")
    func wrongReference() throws {
        // The GRCh38 hotspot file with every SNV's REF base changed: what a file from another
        // reference looks like to the check.
        let text = try String(contentsOfFile: Fixtures.shared("derived/hotspots.grch38.chr.vcf"), encoding: .utf8)
        let swap: [Substring: String] = ["A": "C", "C": "G", "G": "T", "T": "A"]
        let altered = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard !line.hasPrefix("#") else { return String(line) }
            var f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f.count > 4, let s = swap[Substring(f[3])], f[4].count == 1 { f[3] = s; if f[4] == s { f[4] = "N" } }
            return f.joined(separator: "\t")
        }.joined(separator: "\n")
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write(altered, to: dir, as: "wrongref.vcf")
        var o = InputOptions()
        o.reference = Fixtures.shared("derived/cancer_panel_real.grch38.fa.gz")
        #expect {
            _ = try ScanRunner.scan(path: path, catalogue: catalogue, options: o)
        } throws: { error in
            String(describing: error).contains("REF alleles disagree with the reference FASTA")
        }
        // A header that says GRCh37 with a GRCh38 FASTA is refused before reading.
        #expect {
            _ = try scan("derived/hotspots.grch37.nochr.vcf.gz", reference: "derived/cancer_panel_real.grch38.fa.gz")
        } throws: { error in
            String(describing: error).contains("but the reference FASTA is GRCh38")
        }
    }

    @Test("the hotspot alleles match their own build's reference")
    func matching() throws {
        let r38 = try scan("derived/hotspots.grch38.chr.vcf.gz", reference: "derived/cancer_panel_real.grch38.fa.gz")
        #expect(r38.result.notAssessable.isEmpty)
        let r37 = try scan("derived/hotspots.grch37.nochr.vcf.gz", reference: "derived/cancer_panel_real.grch37.fa.gz")
        #expect(r37.result.notAssessable.isEmpty)
    }
}
