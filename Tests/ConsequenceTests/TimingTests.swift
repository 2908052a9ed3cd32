import Foundation
import Testing
import Consequence
import TestSupport
import VariantModel

/// Prints model-loading and annotation timings for the panel (measurements for the lead's benchmark,
/// not timed assertions).
@Suite struct TimingTests {
    @Test func panelModelLoadingAndAnnotationSpeed() throws {
        let base = Fixtures.shared("derived/cancer_panel_real.grch38")
        guard FileManager.default.fileExists(atPath: base + ".gff3") else { print("skipped: \(base).gff3 absent"); return }
        let clock = ContinuousClock()
        var models: TranscriptModels?
        let load = try clock.measure { models = try loadGFF(base + ".gff3") }
        let restricted = try clock.measure { _ = try loadGFF(base + ".gff3", genes: ["EGFR", "KRAS"]) }
        let m = try #require(models)
        print("timing: panel GFF3 (\(m.transcripts.count) usable transcripts, \(m.unusable.count) unusable) loaded in \(load); restricted to EGFR+KRAS in \(restricted)")

        let engine = ConsequenceEngine(models: m, reference: try FASTAReference(path: base + ".fa.gz"))
        // Every SNV of EGFR exon 20 (chr7:55181293-55181478), three ALTs each: warm-up, then measured.
        let bases = ["A", "C", "G", "T"]
        let ref = try FASTAReference(path: base + ".fa.gz")
        var alleles: [Allele] = []
        for pos in 55181293...55181478 {
            guard let r = ref.bases("chr7", start: pos, end: pos) else { continue }
            for b in bases where b != r { alleles.append(Allele(chromosome: "chr7", position: pos, reference: r, alternate: b)) }
        }
        let first = clock.measure { for a in alleles.prefix(1) { _ = engine.annotate(a) } }
        var n = 0
        let rounds = 20
        let run = clock.measure { for _ in 0..<rounds { for a in alleles { n += engine.annotate(a).count } } }
        let per = run / (rounds * alleles.count)
        print("timing: first allele (fetches and prepares the EGFR transcripts) \(first); then \(rounds * alleles.count) alleles × all overlapping transcripts (\(n) results) in \(run), \(per) per allele")
        #expect(n > 0)
    }
}
