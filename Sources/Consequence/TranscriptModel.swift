import VariantModel

/// The strand a transcript is read from.
public enum Strand: String, Sendable, Hashable, Codable {
    case plus = "+", minus = "-"
}

/// One transcript: exons and coding segments in genomic coordinates (1-based, inclusive), as read from a
/// GFF3 and validated by ``GFF3Loader``.
public struct TranscriptModel: Sendable, Hashable, Codable {
    /// Transcript identifier without the Ensembl `transcript:` prefix (`ENST00000275493`, `NM_005228.5`).
    public var id: String
    /// Gene symbol (`EGFR`), or the gene identifier when the GFF3 names none.
    public var gene: String
    /// Gene identifier as written in the GFF3, without a `gene:` prefix (`ENSG00000146648`).
    public var geneID: String?
    /// Sequence name as the GFF3 writes it (`chr7`, `7`).
    public var contig: String
    public var strand: Strand
    /// `protein_coding`, `nonsense_mediated_decay`, `lncRNA`, …
    public var biotype: String
    /// Exons sorted by genomic position.
    public var exons: [ClosedRange<Int>]
    /// Coding segments sorted by genomic position (stop codon included, as Ensembl and NCBI write them).
    public var cds: [ClosedRange<Int>]
    /// Phase of the 5'-most coding segment in transcript orientation (bases to skip before the first
    /// complete codon of a 5'-incomplete CDS); 0 for complete models.
    public var startPhase: Int
    /// True when the GFF3 tags the transcript MANE Select (`tag=MANE_Select` or `tag=MANE Select`).
    public var isMANESelect: Bool
    /// Why the transcript cannot be used (CDS length not a multiple of three, overlapping exons, …);
    /// nil when it is usable.
    public var unusableReason: String?

    public init(id: String, gene: String, geneID: String? = nil, contig: String, strand: Strand,
                biotype: String = "protein_coding", exons: [ClosedRange<Int>], cds: [ClosedRange<Int>] = [],
                startPhase: Int = 0, isMANESelect: Bool = false, unusableReason: String? = nil) {
        self.id = id; self.gene = gene; self.geneID = geneID; self.contig = contig; self.strand = strand
        self.biotype = biotype; self.exons = exons.sorted { $0.lowerBound < $1.lowerBound }
        self.cds = cds.sorted { $0.lowerBound < $1.lowerBound }
        self.startPhase = startPhase; self.isMANESelect = isMANESelect; self.unusableReason = unusableReason
    }

    /// First and last transcribed base.
    public var start: Int { exons.first?.lowerBound ?? 0 }
    public var end: Int { exons.last?.upperBound ?? 0 }
    /// True when the transcript has a coding sequence.
    public var isCoding: Bool { !cds.isEmpty }
    /// Number of coding bases, stop codon included.
    public var codingLength: Int { cds.reduce(0) { $0 + $1.count } }

    /// Checks the model and returns why it is unusable, or nil.
    ///
    /// Rules: at least one exon; exons neither duplicated nor overlapping; coding segments inside exons,
    /// not overlapping, contiguous once spliced; coding length after the start phase a multiple of three
    /// (unless `acceptIncompleteCDS`: then a trailing partial codon is left untranslated, as bcftools
    /// csq does for 3'-incomplete models).
    public func validationProblem(acceptIncompleteCDS: Bool = false) -> String? {
        guard !exons.isEmpty else { return "no exon" }
        for (a, b) in zip(exons, exons.dropFirst()) {
            if a == b { return "duplicated exon \(a.lowerBound)-\(a.upperBound)" }
            if b.lowerBound <= a.upperBound {
                return "exons \(a.lowerBound)-\(a.upperBound) and \(b.lowerBound)-\(b.upperBound) overlap"
            }
        }
        guard !cds.isEmpty else { return nil }
        for (a, b) in zip(cds, cds.dropFirst()) where b.lowerBound <= a.upperBound {
            return a == b ? "duplicated CDS \(a.lowerBound)-\(a.upperBound)"
                          : "CDS segments \(a.lowerBound)-\(a.upperBound) and \(b.lowerBound)-\(b.upperBound) overlap"
        }
        var exonIndex: [Int] = []
        for seg in cds {
            guard let i = exons.firstIndex(where: { $0.lowerBound <= seg.lowerBound && seg.upperBound <= $0.upperBound }) else {
                return "CDS \(seg.lowerBound)-\(seg.upperBound) lies outside every exon"
            }
            exonIndex.append(i)
        }
        // Spliced contiguity: consecutive coding segments sit in consecutive exons, meeting the exon ends.
        for k in 1..<cds.count {
            let (i, j) = (exonIndex[k - 1], exonIndex[k])
            guard j == i + 1, cds[k - 1].upperBound == exons[i].upperBound, cds[k].lowerBound == exons[j].lowerBound else {
                return "CDS segments \(cds[k - 1].lowerBound)-\(cds[k - 1].upperBound) and \(cds[k].lowerBound)-\(cds[k].upperBound) are not contiguous in the spliced transcript"
            }
        }
        let length = codingLength - startPhase
        if length % 3 != 0 && !acceptIncompleteCDS {
            return "CDS length \(codingLength)" + (startPhase > 0 ? " (after start phase \(startPhase): \(length))" : "")
                + " is not a multiple of 3"
        }
        if length < 3 { return "CDS shorter than one codon" }
        return nil
    }
}

/// A problem found while loading transcript models: a skipped line, or a transcript marked unusable.
public struct ModelProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A GFF3 line that could not be used (malformed, unknown `Parent`); the rest of the file loads.
        case lineSkipped = "line_skipped"
        /// A transcript that is kept out of annotation, with the reason.
        case transcriptUnusable = "transcript_unusable"
    }
    public var kind: Kind
    /// Where: `models.gff3 line 42` or `models.gff3 transcript ENST00000275493`.
    public var location: String
    public var message: String

    public init(kind: Kind, location: String, message: String) {
        self.kind = kind; self.location = location; self.message = message
    }
    public var description: String { "\(location): \(message)" }
}

/// Validated transcript models, indexed for lookup by position.
public struct TranscriptModels: Sendable {
    /// Usable transcripts.
    public let transcripts: [TranscriptModel]
    /// Transcripts kept out of annotation (``TranscriptModel/unusableReason`` says why).
    public let unusable: [TranscriptModel]
    /// Every problem found while loading, in file order.
    public let problems: [ModelProblem]

    /// contig key → transcript indices sorted by start, with the running maximum end for pruning.
    private let byContig: [String: [Int]]
    private let maxEnd: [String: [Int]]

    /// Splits the models into usable and unusable ones (``TranscriptModel/validationProblem(acceptIncompleteCDS:)``)
    /// and indexes the usable ones; each unusable transcript adds a ``ModelProblem``.
    public init(_ models: [TranscriptModel], problems: [ModelProblem] = [], source: String = "models",
                acceptIncompleteCDS: Bool = false) {
        var usable: [TranscriptModel] = [], bad: [TranscriptModel] = [], probs = problems
        for var m in models {
            if let reason = m.unusableReason ?? m.validationProblem(acceptIncompleteCDS: acceptIncompleteCDS) {
                m.unusableReason = reason
                bad.append(m)
                probs.append(ModelProblem(kind: .transcriptUnusable, location: "\(source) transcript \(m.id)", message: reason))
            } else {
                usable.append(m)
            }
        }
        transcripts = usable
        unusable = bad
        self.problems = probs
        var index: [String: [Int]] = [:]
        for (i, t) in usable.enumerated() { index[TranscriptModels.key(t.contig), default: []].append(i) }
        var ends: [String: [Int]] = [:]
        for (k, list) in index {
            let sorted = list.sorted { usable[$0].start < usable[$1].start }
            index[k] = sorted
            var running = Int.min, m: [Int] = []
            for i in sorted { running = max(running, usable[i].end); m.append(running) }
            ends[k] = m
        }
        byContig = index
        maxEnd = ends
    }

    /// Contig names compare as canonical chromosomes (`chr7` = `7`), others as written.
    static func key(_ contig: String) -> String { ContigName.canonical(contig) ?? contig }

    /// Usable transcripts whose span `start...end` overlaps `[start, end]` on `contig` (any spelling of a
    /// primary chromosome).
    public func overlapping(_ contig: String, start: Int, end: Int) -> [TranscriptModel] {
        overlappingIndices(TranscriptModels.key(contig), start: start, end: end).map { transcripts[$0] }
    }

    /// Indices into ``transcripts`` of the usable transcripts overlapping `[start, end]` on a contig
    /// already canonicalised with ``canonicalContig(_:)`` (the engine resolves a contig once per change
    /// of contig, not per allele).
    public func overlappingIndices(_ canonicalContig: String, start: Int, end: Int) -> [Int] {
        guard let list = byContig[canonicalContig], let ends = maxEnd[canonicalContig] else { return [] }
        // First transcript whose running max end reaches `start`.
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ends[mid] < start { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int] = []
        var i = lo
        while i < list.count {
            let t = transcripts[list[i]]
            if t.start > end { break }
            if t.end >= start { out.append(list[i]) }
            i += 1
        }
        return out
    }

    /// The contig key ``overlappingIndices(_:start:end:)`` takes (`7`, `chr7` → one key).
    public static func canonicalContig(_ contig: String) -> String { key(contig) }

    /// Usable transcripts of a gene (symbol or gene identifier).
    public func transcripts(ofGene gene: String) -> [TranscriptModel] {
        transcripts.filter { $0.gene == gene || $0.geneID == gene }
    }

    /// The usable transcript with this identifier (with or without a version suffix).
    public func transcript(_ id: String) -> TranscriptModel? {
        if let t = transcripts.first(where: { $0.id == id }) { return t }
        let bare = TranscriptModels.unversioned(id)
        return transcripts.first { TranscriptModels.unversioned($0.id) == bare }
    }

    static func unversioned(_ id: String) -> Substring {
        guard let dot = id.lastIndex(of: "."), id[id.index(after: dot)...].allSatisfy(\.isNumber) else { return Substring(id) }
        return id[..<dot]
    }
}
