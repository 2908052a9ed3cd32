public import VariantModel

/// Counts REF alleles that disagree with the reference genome while a file is read: with build detection,
/// the proof that a file and the reference agree (a high mismatch rate means another build or reference).
public struct ReferenceCheck: Sendable {
    public struct Mismatch: Sendable, Hashable { public var location: String; public var ref: String; public var fasta: String }
    public private(set) var checked = 0
    public private(set) var mismatches: [Mismatch] = []
    public private(set) var missingContigs = Set<String>()
    /// Above this share of mismatching REF alleles the file is held to be on another build or reference.
    public static let maximumMismatchRate = 0.02
    public init() {}

    /// Compares a record's REF (A/C/G/T/N only; symbolic records are skipped) with the FASTA.
    public mutating func check(_ record: VariantRecord, chromosome: String, reference: any ReferenceGenome) -> Bool {
        check(contig: record.contig, chromosome: chromosome, position: record.position, ref: record.reference,
              location: record.location, reference: reference)
    }

    /// The same for a record known only by its raw CHROM, POS and REF.
    public mutating func check(contig: String, chromosome: String, position: Int, ref raw: String, location: String,
                        reference: any ReferenceGenome) -> Bool {
        let ref = raw.uppercased()
        guard !ref.isEmpty, ref.count <= 1000, ref.allSatisfy({ "ACGTN".contains($0) }) else { return true }
        guard reference.chromosomes.contains(chromosome) else { missingContigs.insert(contig); return true }
        guard let bases = reference.bases(chromosome: chromosome, start: position, end: position + ref.count - 1) else {
            mismatches.append(Mismatch(location: location, ref: ref, fasta: "outside the sequence")); checked += 1
            return false
        }
        // Positions the FASTA does not know (N, masked) prove nothing either way.
        let known = zip(ref, bases).filter { $0.1 != "N" && $0.0 != "N" }
        guard !known.isEmpty else { return true }
        checked += 1
        let ok = known.allSatisfy { $0 == $1 }
        if !ok { mismatches.append(Mismatch(location: location, ref: ref, fasta: bases)) }
        return ok
    }

    /// Adds the counts of another check (the records sampled outside the watched genes).
    public mutating func merge(_ other: ReferenceCheck) {
        checked += other.checked
        mismatches += other.mismatches
        missingContigs.formUnion(other.missingContigs)
    }

    public var rate: Double { checked == 0 ? 0 : Double(mismatches.count) / Double(checked) }
}
