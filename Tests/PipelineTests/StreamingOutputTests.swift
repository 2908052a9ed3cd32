import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Pipeline
import Output
import Reporting
import Interpretation
import VariantModel

/// `scan` streams findings to temporary files; the assembled document must be byte for byte the
/// in-memory rendering of the same scan.
@Suite("Streamed scan output")
struct StreamingOutputTests {
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    func compare(_ path: String, sample: String? = nil) throws {
        let options = InputOptions(sample: sample)
        let memory = try ScanRunner.scan(path: path, catalogue: catalogue, options: options)
        let expected = memory.document(catalogue: catalogue, referenceInputs: nil)
        for format in [StreamingScanOutput.Format.json, .tsv] {
            let dir = Fixtures.temporaryDirectory()
            let writer = try StreamingScanOutput(format: format, directory: dir.path)
            let streamed = try ScanRunner.scan(path: path, catalogue: catalogue, options: options, stream: writer.stream)
            #expect(streamed.result.findings.isEmpty)   // nothing held in memory
            let report = streamed.document(catalogue: catalogue, referenceInputs: nil)
            let out = dir.appendingPathComponent("out.txt").path
            try AtomicOutput(path: out, noClobber: false).write(parts: try writer.parts(report))
            let text = try String(contentsOfFile: out, encoding: .utf8)
            let want = format == .json ? try DocumentJSON.encode(expected) : ScanTSV.render(expected)
            if format == .json {
                // The streamed document reads back as the typed value it was streamed from.
                #expect(try DocumentJSON.decode(ScanDocument.self, from: text) == expected)
            }
            #expect(text == want, "\(path) \(format)")
        }
    }

    @Test("streamed JSON and TSV equal the in-memory rendering (findings, none, not-assessable records)")
    func equal() throws {
        try compare(Fixtures.path("TestVCFs/demo/prog2_plasma.vcf"))
        try compare(Fixtures.path("TestVCFs/callers/strelka2_somatic.snvs.grch38.vcf"), sample: "TUMOR")
        let dir = Fixtures.temporaryDirectory()
        try compare(Fixtures.write(Fixtures.vcfHeader(), to: dir, as: "empty.vcf"))
        // Unannotated records inside EGFR that nothing can place: not-assessable entries.
        let text = Fixtures.vcfHeader() + "chr7\t55100000\t.\tA\tG\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:90,10:0.1:100\n"
            + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n"
            + "chr7\t55200000\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:90,10:0.1:100\n"
        try compare(Fixtures.write(text, to: dir, as: "na.vcf"))
    }
}

@Suite("Repeated alleles are remembered in windows")
struct RecentAllelesTests {
    @Test("a repeat within the window is found; memory is dropped past two windows and on a new chromosome")
    func windows() {
        var r = RecentAlleles()
        r.advance(chromosome: "7", position: 55_174_771)
        r.remember(vaf: 0.1, of: "7:55174771:AGGAATTAAGAGAAGC:A")
        r.remember(allele: "c.2235_2249del", of: "EGFR p.E746_A750del")
        r.advance(chromosome: "7", position: 55_174_772)
        #expect(r.allele(of: "EGFR p.E746_A750del") == "c.2235_2249del")
        #expect(r.vaf(of: "7:55174771:AGGAATTAAGAGAAGC:A") == .some(0.1))
        r.advance(chromosome: "7", position: 55_177_000)   // next window: the previous one is still kept
        #expect(r.allele(of: "EGFR p.E746_A750del") != nil)
        r.advance(chromosome: "7", position: 55_180_000)   // two windows on: forgotten
        #expect(r.allele(of: "EGFR p.E746_A750del") == nil)
        r.remember(allele: "x", of: "EGFR p.T790M")
        r.advance(chromosome: "12", position: 25_245_350)
        #expect(r.allele(of: "EGFR p.T790M") == nil)
    }
}
