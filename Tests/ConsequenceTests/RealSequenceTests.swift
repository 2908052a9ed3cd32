import Foundation
import Testing
import Consequence
import TestSupport
import VariantModel
import VCFIO

/// The engine on real GRCh38/GRCh37 sequence and Ensembl/RefSeq models, against bcftools 1.16 `csq -l`
/// output recorded in `shared/data/derived` and the hotspot reference table.
@Suite struct RealSequenceTests {
    struct Row { var chrom: String, pos: Int, ref: String, alt: String, label: String, bcsq: String }

    /// `CHROM POS REF ALT LABEL BCSQ` rows of a `*.bcftools1.16_csq_local.tsv`.
    func rows(_ path: String) throws -> [Row] {
        try readLines(path).compactMap { line in
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 6, let p = Int(c[1]) else { return nil }
            return Row(chrom: c[0], pos: p, ref: c[2], alt: c[3], label: c[4], bcsq: c[5])
        }
    }

    /// Every row of `tsv` through an engine on `fasta` + `gff`; returns the disagreements.
    ///
    /// With the default (strict) loader, transcripts the loader refuses (ENST00000700145: CDS length 1034,
    /// not a multiple of three; bcftools trims and annotates it) are left out of the comparison, and
    /// their refusal is checked instead; `acceptIncompleteCDS` loads them as bcftools does.
    func check(tsv: String, fasta: String, gff: String, acceptIncompleteCDS: Bool = false) throws
        -> (rows: Int, disagreements: [String], engine: ConsequenceEngine) {
        let r = try TextLineReader(path: gff)
        let models = try GFF3Loader.load(source: gff, acceptIncompleteCDS: acceptIncompleteCDS, nextLine: r.next)
        let refused = Set(models.unusable.map(\.id))
        let engine = ConsequenceEngine(models: models, reference: try FASTAReference(path: fasta))
        var bad: [String] = []
        let all = try rows(tsv)
        for r in all {
            let results = engine.annotate(Allele(chromosome: r.chrom, position: r.pos, reference: r.ref, alternate: r.alt))
            let oracle = r.bcsq.split(separator: ",").filter { e in
                !refused.contains(where: { e.split(separator: "|").dropFirst(2).first.map(String.init) == $0 })
            }.joined(separator: ",")
            if let why = compareWithBCSQ(symbolic: false, results, oracle: oracle.isEmpty ? "." : oracle, engine: engine, exact: true) {
                bad.append("\(r.chrom):\(r.pos) \(r.ref)>\(r.alt) \(r.label): \(why)")
            }
        }
        return (all.count, bad, engine)
    }

    static let hmf = Fixtures.shared("real/hmftools-grch38-egfr-tet2-model")

    static let hmfFasta = hmf + "/GRCh38_chr4_chr7_EGFR_TET2_regions.fa.gz"
    static let egfrTSV = Fixtures.shared("derived/egfr_hotspots.grch38.bcftools1.16_csq_local.tsv")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: hmfFasta) && FileManager.default.fileExists(atPath: egfrTSV),
                   "the hmftools EGFR/TET2 model or the derived bcftools output is absent (../shared/data)"))
    func egfrHotspotsMatchBcftoolsAndTheReferenceTable() throws {
        let fasta = Self.hmfFasta, gff = Self.hmf + "/egfr_tet2.grch38.gff3"
        let tsv = Self.egfrTSV
        let (n, bad, engine) = try check(tsv: tsv, fasta: fasta, gff: gff)
        print("EGFR hotspots vs bcftools csq -l: \(n - bad.count)/\(n) records agree on every usable transcript")
        for b in bad { print("  disagrees: \(b)") }
        #expect(bad.isEmpty)
        #expect(engine.models.unusable.map(\.id).contains("ENST00000700145"))
        #expect(engine.models.problems.contains { $0.message.contains("is not a multiple of 3") && $0.location.contains("ENST00000700145") })
        let (_, badLoose, _) = try check(tsv: tsv, fasta: fasta, gff: gff, acceptIncompleteCDS: true)
        print("EGFR hotspots vs bcftools csq -l, 3'-incomplete CDS accepted as bcftools does: \(n - badLoose.count)/\(n)")
        for b in badLoose { print("  disagrees: \(b)") }
        #expect(badLoose.isEmpty)

        // Every EGFR allele of the hotspot VCF gives the protein change of the reference table on
        // ENST00000275493 (the MANE Select transcript's Ensembl ID).
        var table: [String: (protein: String, hgvsc: String)] = [:]
        for line in try readLines(Fixtures.shared("hotspots_reference.tsv")).dropFirst() {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count > 13, c[0] == "EGFR" else { continue }
            table["chr\(c[9]):\(c[10]):\(c[12]):\(c[13])"] = (c[1], c[2])
        }
        var checked = 0
        for line in try readLines(Fixtures.shared("derived/hotspots.grch38.chr.vcf.gz")) {
            guard let rec = VCFLine(line), rec.chrom == "chr7", let alt = rec.alts.first,
                  let want = table["chr7:\(rec.pos):\(rec.ref):\(alt)"] else { continue }
            let results = engine.annotate(Allele(chromosome: rec.chrom, position: rec.pos, reference: rec.ref, alternate: alt))
            let main = results.first { $0.transcript == "ENST00000275493" }
            #expect(main?.proteinChange?.shortForm == want.protein, "\(rec.pos) \(rec.ref)>\(alt)")
            #expect(main?.hgvsc == want.hgvsc, "\(rec.pos) \(rec.ref)>\(alt): \(main?.hgvsc ?? "-")")
            checked += 1
        }
        print("EGFR hotspot alleles checked against hotspots_reference.tsv: \(checked)")
        #expect(checked == 12)   // T790M, L858R, C797S ×2, E746_A750del ×2, S464L, G465R ×2, I491M, S492R ×2
    }

    /// The builds whose derived cancer-panel reference is present (a missing one is not run, and says so).
    static let panelBuilds = ["grch38", "grch37"].filter {
        FileManager.default.fileExists(atPath: Fixtures.shared("derived/cancer_panel_real.\($0).fa.gz"))
    }

    @Test(.enabled(if: !panelBuilds.isEmpty, "the derived cancer-panel references are absent (../shared/data)"), arguments: panelBuilds)
    func cancerPanelMatchesBcftools(build: String) throws {
        let base = Fixtures.shared("derived/cancer_panel_real.\(build)")
        var total = 0, failures: [String] = []
        for tsv in ["hotspots.\(build).cancer_panel_real.bcftools1.16_csq_local.tsv",
                    "realvcf_sites_in_panel_windows.\(build).cancer_panel_real.bcftools1.16_csq_local.tsv"] {
            for accept in [false, true] {
                let (n, bad, _) = try check(tsv: Fixtures.shared("derived/" + tsv), fasta: base + ".fa.gz", gff: base + ".gff3",
                                            acceptIncompleteCDS: accept)
                if !accept { total += n }
                failures += bad.map { (accept ? "[incomplete CDS accepted] " : "") + $0 }
            }
        }
        print("cancer panel \(build) vs bcftools csq -l: \(total - failures.count)/\(total) records agree on every transcript")
        for f in failures { print("  disagrees: \(f)") }
        #expect(failures.isEmpty)
        #expect(total >= 28)
    }
}
