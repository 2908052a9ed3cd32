import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Pipeline
import Interpretation
import VariantModel

/// The consequence engine as the first identification source of `scan`/`interpret` (`--reference --gff`).
@Suite("Consequence engine in the pipeline", .enabled(if: Fixtures.sharedDataAvailable, "shared/data is absent"))
struct ConsequenceIntegrationTests {
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    func options(_ build: String) -> InputOptions {
        var o = InputOptions()
        o.reference = Fixtures.shared("derived/cancer_panel_real.\(build).fa.gz")
        o.gff = Fixtures.shared("derived/cancer_panel_real.\(build).gff3")
        return o
    }

    @Test("unannotated real records get gene, HGVS c./p. and consequence from the engine, in both builds")
    func unannotated() throws {
        for build in ["grch38", "grch37"] {
            let r = try ScanRunner.scan(path: Fixtures.shared("derived/realvcf_sites_in_panel_windows.\(build).vcf"),
                                        catalogue: catalogue, options: options(build))
            let labels = Set(r.result.findings.map(\.label))
            #expect(labels.contains("TP53 p.V272M"), "\(build)")
            #expect(labels.contains("PIK3CA p.H1047R"), "\(build)")
            #expect(r.result.findings.allSatisfy { $0.identifiedBy.first == "nextline consequence engine" })
            #expect(r.result.findings.contains { $0.consequence?.term == "frameshift_variant" })
        }
    }

    @Test("every EGFR hotspot allele comes out as the hotspot table says, by the engine alone")
    func egfrHotspots() throws {
        let r = try ScanRunner.scan(path: Fixtures.shared("derived/hotspots.grch38.chr.vcf.gz"), catalogue: catalogue, options: options("grch38"))
        let egfr = r.result.findings.filter { $0.gene == "EGFR" }
        #expect(egfr.count >= 12)
        for f in egfr {
            #expect(f.identifiedBy.contains("nextline consequence engine"))
            #expect(f.identifiedBy.contains("hotspot_table"), "\(f.label): engine and hotspot table agree")
            #expect(f.disagreements.isEmpty, "\(f.label): \(f.disagreements)")
        }
    }

    @Test("a file annotation that disagrees with the engine on the same transcript is reported")
    func disagreement() throws {
        let dir = Fixtures.temporaryDirectory()
        let header = Fixtures.vcfHeader(extra: ["##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL|Feature|HGVSp\">"])
        // T790M written with a wrong protein change for the MANE transcript (as the engine names it).
        let probe = try ScanRunner.scan(path: Fixtures.write(header + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n", to: dir, as: "probe.vcf"),
                                        catalogue: catalogue, options: options("grch38"))
        let transcript = try #require(probe.result.findings.first?.transcript)
        let text = header + "chr7\t55181378\t.\tC\tT\t.\tPASS\tCSQ=T|missense_variant|EGFR|\(transcript)|ENSP00000275493.2:p.Thr745Met\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n"
        let path = Fixtures.write(text, to: dir, as: "disagree.vcf")
        let r = try ScanRunner.scan(path: path, catalogue: catalogue, options: options("grch38"))
        let f = try #require(r.result.findings.first)
        #expect(f.proteinChange?.oneLetter == "p.T790M")
        #expect(f.disagreements.contains { $0.contains("p.T745M") })
    }

    @Test("the compact model form (models build) gives the same findings as the GFF3 it came from, and says what was read")
    func compactModels() throws {
        let dir = Fixtures.temporaryDirectory()
        let json = try ModelStore.build(gff: Fixtures.shared("derived/cancer_panel_real.grch38.gff3"), genes: WatchedGenes.of(catalogue))
        let path = Fixtures.write(json, to: dir, as: "models.json")
        var compact = options("grch38")
        compact.gff = path
        let vcf = Fixtures.shared("derived/realvcf_sites_in_panel_windows.grch38.vcf")
        let fromGFF = try ScanRunner.scan(path: vcf, catalogue: catalogue, options: options("grch38"))
        let tools = try AnalysisTools(options: compact, catalogue: catalogue)
        let fromJSON = try ScanRunner.scan(path: vcf, catalogue: catalogue, options: compact, tools: tools)
        #expect(fromGFF.result.findings.map(\.label) == fromJSON.result.findings.map(\.label))
        #expect(fromGFF.result.findings.map(\.hgvsc) == fromJSON.result.findings.map(\.hgvsc))
        #expect(tools.referenceInputs?.transcriptModels?.checksumScope == "models_file")
        #expect(tools.referenceInputs?.fasta?.genomeBuild == "GRCh38")
    }

    @Test("SNVs in one codon are combined only when phased on the same haplotype; otherwise each stands alone")
    func phasedCodon() throws {
        let dir = Fixtures.temporaryDirectory()
        let header = Fixtures.vcfHeader(extra: ["##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"Phase set\">"])
        func run(_ gt1: String, _ gt2: String, ps: String = "55181378") throws -> [String] {
            let text = header
                + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP:PS\t\(gt1):900,100:0.1:1000:\(ps)\n"
                + "chr7\t55181379\t.\tG\tA\t.\tPASS\t.\tGT:AD:AF:DP:PS\t\(gt2):900,100:0.1:1000:\(ps)\n"
            let path = Fixtures.write(text, to: dir, as: "\(gt1.hashValue)\(gt2.hashValue)\(ps).vcf")
            return try ScanRunner.scan(path: path, catalogue: catalogue, options: options("grch38")).result.findings.map(\.label)
        }
        // ACG (Thr790) → ATA (Ile) when both changes are on one haplotype.
        #expect(try run("0|1", "0|1") == ["EGFR p.T790I"])
        #expect(try run("1|0", "1|0") == ["EGFR p.T790I"])
        // Different haplotypes, unphased, or different phase sets: two separate changes.
        #expect(try run("0|1", "1|0") == ["EGFR p.T790M", "EGFR p.T790="])
        #expect(try run("0/1", "0/1") == ["EGFR p.T790M", "EGFR p.T790="])
        #expect(try run("0|1", "0|1", ps: ".") == ["EGFR p.T790I"])
    }

    @Test("--gff without a usable model, or an unknown --transcript, is an error")
    func badModels() throws {
        let dir = Fixtures.temporaryDirectory()
        var o = options("grch38")
        o.gff = Fixtures.write("##gff-version 3\n", to: dir, as: "empty.gff3")
        #expect(throws: (any Error).self) { _ = try AnalysisTools(options: o, catalogue: catalogue) }
        var o2 = options("grch38")
        o2.transcripts = ["EGFR": "NM_000000.1"]
        #expect(throws: (any Error).self) { _ = try AnalysisTools(options: o2, catalogue: catalogue) }
    }
}
