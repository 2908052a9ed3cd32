public import VariantModel
import Foundation
import Interpretation
public import Consequence
import VCFIO

/// The reference genome given with `--reference` (an indexed FASTA read through htslib's faidx):
/// the build its sequence lengths prove, and the REF check every variant file is held to.
public final class ReferenceContext {
    public let path: String
    let fasta: ReferenceFASTA
    /// Canonical chromosome → the FASTA's own sequence name.
    let names: [String: String]
    /// The build the FASTA's chromosome lengths match, when they match one.
    public let build: GenomeBuild?
    public let buildEvidence: String
    /// SHA-256 of the FASTA's `.fai` index (the FASTA itself is read only where needed, never hashed whole).
    public let indexSHA256: String

    /// Above this share of mismatching REF alleles the file is held to be on another build or reference.
    public static let maximumMismatchRate = 0.02

    public init(path: String) throws {
        self.path = path
        do { fasta = try ReferenceFASTA(path: path) } catch { throw InputProblem(path: path, message: error.description) }
        var names: [String: String] = [:]
        var votes: [GenomeBuild: Int] = [:]
        var checked = 0
        for (name, length) in fasta.sequences {
            guard let chrom = ContigName.canonical(name) else { continue }
            if names[chrom] == nil { names[chrom] = name }
            guard chrom != "MT" else { continue }
            checked += 1
            for b in GenomeBuild.allCases where b.chromosomeLengths[chrom] == length { votes[b, default: 0] += 1 }
        }
        self.names = names
        indexSHA256 = (try? Data(contentsOf: URL(fileURLWithPath: path + ".fai"))).map { SHA256.hex(of: [UInt8]($0)) } ?? ""
        if votes.count == 1, let (b, n) = votes.first, n == checked {
            build = b
            buildEvidence = "reference FASTA \(path): \(n) chromosome lengths match \(b.rawValue)"
        } else {
            build = nil
            buildEvidence = "reference FASTA \(path): chromosome lengths match neither build consistently"
        }
    }

    /// Reference bases at 1-based `start...end` of a canonical chromosome.
    public func bases(chromosome: String, start: Int, end: Int) -> String? {
        guard let name = names[chromosome] else { return nil }
        return fasta.fetch(name, start: start, end: end)
    }

    public var chromosomes: Set<String> { Set(names.keys) }
}

extension ReferenceContext: ReferenceSequence {
    /// The consequence engine's view: contig names as the models write them (`chr7` or `7`).
    public func bases(_ contig: String, start: Int, end: Int) -> String? {
        guard let chrom = ContigName.canonical(contig) else { return fasta.has(contig) ? fasta.fetch(contig, start: start, end: end) : nil }
        return bases(chromosome: chrom, start: start, end: end)
    }
}

/// Counts REF alleles that disagree with the reference FASTA while a file is read.
struct RefCheck {
    var checked = 0
    var mismatches: [(location: String, ref: String, fasta: String)] = []
    var missingContigs = Set<String>()

    /// Compares a record's REF (A/C/G/T/N only; symbolic records are skipped) with the FASTA.
    mutating func check(_ record: VariantRecord, chromosome: String, reference: ReferenceContext) -> Bool {
        check(contig: record.contig, chromosome: chromosome, position: record.position, ref: record.reference,
              location: record.location, reference: reference)
    }

    /// The same for a record known only by its raw CHROM, POS and REF.
    mutating func check(contig: String, chromosome: String, position: Int, ref raw: String, location: String,
                        reference: ReferenceContext) -> Bool {
        let ref = raw.uppercased()
        guard !ref.isEmpty, ref.count <= 1000, ref.allSatisfy({ "ACGTN".contains($0) }) else { return true }
        guard reference.chromosomes.contains(chromosome) else { missingContigs.insert(contig); return true }
        guard let bases = reference.bases(chromosome: chromosome, start: position, end: position + ref.count - 1) else {
            mismatches.append((location, ref, "outside the sequence")); checked += 1
            return false
        }
        // Positions the FASTA does not know (N, masked) prove nothing either way.
        let known = zip(ref, bases).filter { $0.1 != "N" && $0.0 != "N" }
        guard !known.isEmpty else { return true }
        checked += 1
        let ok = known.allSatisfy { $0 == $1 }
        if !ok { mismatches.append((location, ref, bases)) }
        return ok
    }

    var rate: Double { checked == 0 ? 0 : Double(mismatches.count) / Double(checked) }
}
