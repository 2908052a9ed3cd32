import Foundation
import Testing
import TestSupport
import Catalogue
import Interpretation
import Pipeline
import VariantModel

/// The catalogue turned into genotyping sites and phase pairs (data, not code), and the runner end to end
/// on TestVCFs/reads.
@Suite("Genotype runner")
struct GenotypeRunnerTests {
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    static let reads = Fixtures.path("TestVCFs/reads")
    static let reference = reads + "/ref/panel_chr7_chr12.grch38.fa.gz"

    @Test("phase pairs come from the rules' phase/phasePartners: T790M with each DNA allele of C797S (c.2389T>A, c.2390G>C)")
    func phasePairs() {
        let pairs = GenotypeSites.phasePairs(catalogue, build: .grch38)
        let egfr = pairs.filter { $0.gene == "EGFR" && $0.first.hgvsp == "p.T790M" && $0.second.hgvsp == "p.C797S" }
        #expect(egfr.map(\.second.position) == [55181398, 55181399])
        #expect(egfr.allSatisfy { $0.first.position == 55181378 && $0.first.reference == "C" && $0.first.alternate == "T" })
        #expect(Set(pairs).count == pairs.count)
        let grch37 = GenotypeSites.phasePairs(catalogue, build: .grch37)
        #expect(grch37.contains { $0.first.position == 55249071 && $0.second.position == 55249091 })
    }

    @Test("catalogue sites: every hotspot allele of the build (region rows have none), with gene and one-letter HGVS p.")
    func catalogueSites() {
        let sites = GenotypeSites.catalogue(catalogue, build: .grch38)
        #expect(sites.count == catalogue.hotspots.filter { $0.alleles[.grch38] != nil }.count)
        #expect(sites.contains { $0.hgvsp == "p.E746_A750del" && $0.reference == "AGGAATTAAGAGAAGC" && $0.alternate == "A" })
        #expect(!sites.contains { $0.alternate.hasPrefix("<") })
    }

    @Test("the catalogue run on the trans fixture: build from the reads' contig lengths, sites named as the reads name them, trans call")
    func catalogueRun() throws {
        let request = GenotypeRunner.Request(reads: Self.reads + "/t790m_c797s_trans.bam", reference: Self.reference, sites: .catalogue,
                                             sample: nil, settings: GenotypingSettings())
        let doc = try GenotypeRunner.run(request, catalogue: catalogue)
        #expect(doc.genomeBuild == "GRCh38" && doc.buildEvidence.contains("contig lengths"))
        let t790m = try #require(doc.sites.first { $0.site.hgvsp == "p.T790M" })
        #expect(t790m.site.chrom == "chr7" && t790m.counts.altReads == 43)
        let pair = try #require(doc.phases.first { $0.pair.second.position == 55181398 })
        #expect(pair.call == .trans && [pair.both, pair.firstOnly, pair.secondOnly, pair.neither] == [0, 43, 33, 130])
        #expect(doc.inputs.map(\.role) == ["reads", "reference", "sites"])
        let decoded = try DocumentJSON.decode(GenotypeDocument.self, from: try DocumentJSON.encode(doc))
        #expect(decoded.sites == doc.sites && decoded.phases == doc.phases && decoded.settings == doc.settings)
    }

    @Test("the phase call rule: cis needs both >= 2 and no second-only; trans needs none both and >= 2 of each alone")
    func callRule() {
        #expect(PhaseCall(both: 43, firstOnly: 15, secondOnly: 0) == .cis)
        #expect(PhaseCall(both: 0, firstOnly: 43, secondOnly: 33) == .trans)
        #expect(PhaseCall(both: 20, firstOnly: 20, secondOnly: 20) == .unknown)
        #expect(PhaseCall(both: 1, firstOnly: 0, secondOnly: 0) == .unknown)
        #expect(PhaseCall(both: 0, firstOnly: 1, secondOnly: 5) == .unknown)
        #expect(PhaseCall(both: 0, firstOnly: 0, secondOnly: 0) == .unknown)
    }
}
