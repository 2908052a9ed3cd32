public import VariantModel

/// Combines SNVs of the same codon on the same haplotype into one change, as a codon is translated
/// (bcftools csq's haplotype-aware mode), but only when the sample's genotypes are phased (`0|1`, same
/// phase set) — never on unphased or sites-only data, where each record stands alone.
public struct PhasedCodonCombiner: Sendable {
    struct Pending: Sendable {
        var record: VariantRecord
        var chromosome: String
        var haplotype: Int
        var phaseSet: String?
        var transcript: String
        var codon: Int
    }
    var pending: Pending?
    public init() {}

    public mutating func consider(_ record: VariantRecord, findingsBefore: Int, sample: String?, reference: (any ReferenceGenome)?,
                           identifier: Identifier, source: String, result: inout ScanResult) throws {
        guard let current = Self.candidate(record, findingsBefore: findingsBefore, sample: sample, identifier: identifier,
                                           result: result) else {
            pending = nil
            return
        }
        guard let previous = pending, previous.chromosome == current.chromosome,
              (1...2).contains(record.position - previous.record.position), previous.haplotype == current.haplotype,
              previous.phaseSet == current.phaseSet, previous.transcript == current.transcript, previous.codon == current.codon
        else { pending = current; return }
        var middle = ""
        if record.position - previous.record.position == 2 {
            guard let base = reference?.bases(chromosome: current.chromosome, start: previous.record.position + 1,
                                              end: previous.record.position + 1) else { pending = current; return }
            middle = base
        }
        var merged = previous.record
        merged.reference = previous.record.reference + middle + record.reference
        merged.alternates = [previous.record.alternates[0] + middle + record.alternates[0]]
        // Drop the two single-base findings; identify the codon change instead.
        guard result.findings.count >= 2 else { pending = current; return }
        result.findings.removeLast(2)
        let before = result.findings.count
        try identifier.identify(merged, sample: sample, source: source, into: &result)
        for i in before..<result.findings.count {
            result.findings[i].disagreements.append("combined from the phased records at \(previous.record.contig):\(previous.record.position) and \(record.position) (same codon, same haplotype)")
        }
        pending = Pending(record: merged, chromosome: current.chromosome, haplotype: current.haplotype,
                          phaseSet: current.phaseSet, transcript: current.transcript, codon: current.codon)
    }

    /// A phased heterozygous single-base change that the engine placed in one codon, or nil.
    static func candidate(_ record: VariantRecord, findingsBefore: Int, sample: String?, identifier: Identifier,
                          result: ScanResult) -> Pending? {
        guard let sample, record.alternates.count == 1, record.reference.count == 1, record.alternates[0].count == 1,
              result.findings.count == findingsBefore + 1, let f = result.findings.last,
              f.identifiedBy.first == TranscriptAnnotation.consequenceEngineSource, let transcript = f.transcript,
              let codon = f.proteinChange?.position,
              let s = record.samples.first(where: { $0.name == sample }), s.phased, let gt = s.genotype, gt.count == 2,
              gt.filter({ $0 == 1 }).count == 1, let haplotype = gt.firstIndex(of: 1),
              let chromosome = identifier.canonical(record.contig) else { return nil }
        let phaseSet: String? = s.fields["PS"].map { v in
            if let n = v.numbers?.first ?? nil { return String(Int(n)) }
            return v.stringValue ?? ""
        }
        return Pending(record: record, chromosome: chromosome, haplotype: haplotype, phaseSet: phaseSet,
                       transcript: transcript, codon: codon)
    }
}
