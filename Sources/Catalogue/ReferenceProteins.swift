public import VariantModel

/// What the catalogue knows of each watched gene's reference protein: the whole sequence where it was
/// translated from real sequence (`Annotations/proteins.tsv`), else the residues the curated allele lists
/// and the hotspot table name. A rule's protein change is checked against it at load time: a reference
/// amino acid that contradicts the protein, or a position beyond its end, is a rule that can never fire.
public struct ReferenceProteins: Sendable, Codable, Equatable {
    public struct Protein: Sendable, Equatable, Codable {
        public var transcript: String
        public var sequence: [Character]
        init(transcript: String, sequence: [Character]) { self.transcript = transcript; self.sequence = sequence }
        enum CodingKeys: String, CodingKey { case transcript, sequence }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            transcript = try c.decode(String.self, forKey: .transcript)
            sequence = Array(try c.decode(String.self, forKey: .sequence))
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(transcript, forKey: .transcript)
            try c.encode(String(sequence), forKey: .sequence)
        }
    }
    /// A residue a curated list names, and where.
    struct NamedResidue: Sendable, Equatable, Codable {
        var residue: String
        var source: String
    }
    /// Whole reference proteins by gene.
    public private(set) var proteins: [String: Protein] = [:]
    /// Residues named by curated lists, by gene and position, with where each was named.
    private var named: [String: [Int: NamedResidue]] = [:]

    public init() {}

    mutating func add(gene: String, transcript: String, sequence: String) {
        proteins[gene] = Protein(transcript: transcript, sequence: Array(sequence))
    }

    /// Records the reference residue a curated list names (the first residue of `change`).
    mutating func name(_ change: ProteinChange, gene: String, source: String) {
        for (residue, position) in change.referenceResidues where named[gene]?[position] == nil {
            named[gene, default: [:]][position] = NamedResidue(residue: String(residue), source: source)
        }
    }

    /// Why `change` cannot be on `gene`'s reference protein, or nil when it fits (or nothing is known).
    public func contradiction(_ change: ProteinChange, gene: String) -> String? {
        if let p = proteins[gene] {
            for (residue, position) in change.referenceResidues {
                guard position >= 1, position <= p.sequence.count else {
                    return "position \(position) is beyond the \(p.sequence.count) residues of \(gene) (\(p.transcript))"
                }
                let actual = p.sequence[position - 1]
                if actual != "X" && actual != residue {
                    return "residue \(position) of \(gene) is \(actual) (\(p.transcript)), not \(residue)"
                }
            }
            return nil
        }
        for (residue, position) in change.referenceResidues {
            if let known = named[gene]?[position], known.residue != String(residue) {
                return "residue \(position) of \(gene) is \(known.residue) (as \(known.source) names it), not \(residue)"
            }
        }
        return nil
    }

    /// Why a codon number cannot be on `gene`'s reference protein.
    public func contradiction(codon: Int, gene: String) -> String? {
        guard let p = proteins[gene], codon > p.sequence.count else { return nil }
        return "codon \(codon) is beyond the \(p.sequence.count) residues of \(gene) (\(p.transcript))"
    }
}

extension ProteinChange {
    /// The reference residues the change names with their positions (`E746_A750del` → E746, A750).
    var referenceResidues: [(Character, Int)] {
        var out: [(Character, Int)] = []
        if let r = firstResidue, let p = position, r != "*" { out.append((r, p)) }
        if let r = lastResidue, let p = lastPosition, r != "*" { out.append((r, p)) }
        return out
    }
}
