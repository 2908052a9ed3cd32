public import VariantModel
import Foundation
import Interpretation
import Consequence
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

extension ReferenceContext: ReferenceGenome {
    /// The consequence engine's view: contig names as the models write them (`chr7` or `7`).
    public func bases(_ contig: String, start: Int, end: Int) -> String? {
        guard let chrom = ContigName.canonical(contig) else { return fasta.has(contig) ? fasta.fetch(contig, start: start, end: end) : nil }
        return bases(chromosome: chrom, start: start, end: end)
    }
}

