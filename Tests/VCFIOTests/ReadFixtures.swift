import Foundation
import TestSupport
@testable import VCFIO
import VariantModel

/// TestVCFs/reads: the read-level fixtures, their truth table (expected.tsv) and the sites they were
/// genotyped at (sites.vcf, read through VCFReader and split per ALT).
enum ReadFixtures {
    static let folder = Fixtures.path("TestVCFs/reads")
    static let reference = folder + "/ref/panel_chr7_chr12.grch38.fa.gz"

    static func path(_ name: String) -> String { folder + "/" + name }

    /// One row of expected.tsv, by column name.
    struct Row {
        let values: [String: String]
        subscript(_ key: String) -> String { values[key] ?? "" }
        func int(_ key: String) -> Int { Int(self[key]) ?? -1 }
    }

    static let expected: [Row] = {
        guard let text = try? String(contentsOfFile: path("expected.tsv"), encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Row(values: Dictionary(uniqueKeysWithValues: zip(header, $0))) }
    }()

    /// The fixtures expected.tsv covers, in file order.
    static let fixtures: [String] = {
        var seen: [String] = []
        for r in expected where !seen.contains(r["fixture"]) { seen.append(r["fixture"]) }
        return seen
    }()

    /// sites.vcf as genotyping sites: one per ALT (the KRAS record gives G12D and G12V), ID split on ';'.
    static func sites() throws -> [GenotypingSite] {
        var out: [GenotypingSite] = []
        let reader = try VCFReader(path: path("sites.vcf"))
        _ = try reader.read(ReadPlan()) { record in
            let ids = (record.identifier ?? "").split(separator: ";").map(String.init)
            for (i, alt) in record.alternates.enumerated() {
                out.append(GenotypingSite(chrom: record.contig, position: record.position, reference: record.reference, alternate: alt,
                                          identifier: ids.count == record.alternates.count ? ids[i] : record.identifier))
            }
        }
        return out
    }

    /// The T790M/C797S pair of expected.tsv's pair rows.
    static func pair(_ sites: [GenotypingSite]) -> PhasePair? {
        guard let first = sites.first(where: { $0.identifier == "EGFR_T790M" }),
              let second = sites.first(where: { $0.identifier == "EGFR_C797S" }) else { return nil }
        return PhasePair(gene: "EGFR", first: first, second: second)
    }
}
