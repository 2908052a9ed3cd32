public import VariantModel

/// The amino acids an allele changes, as translated: from the first affected codon, the reference
/// residues and the alternate residues (alternate cut after its first stop; for a frameshift both run to
/// their stop). This is the un-normalised form bcftools prints (`745KELREA>745K`); the HGVS form is
/// ``TranscriptConsequence/proteinChange``.
public struct PeptideChange: Sendable, Hashable, CustomStringConvertible {
    /// 1-based number of the first codon translated.
    public var position: Int
    /// Reference residues (one-letter, `*` stop, `X` unknown).
    public var reference: String
    /// Alternate residues.
    public var alternate: String

    public init(position: Int, reference: String, alternate: String) {
        self.position = position; self.reference = reference; self.alternate = alternate
    }
    /// `745KELREA>745K`
    public var description: String { "\(position)\(reference)>\(position)\(alternate)" }
}

/// What one allele does to one transcript.
public struct TranscriptConsequence: Sendable, Hashable {
    /// Transcript identifier (`ENST00000275493`, `NM_005228.5`).
    public var transcript: String
    public var gene: String
    public var strand: Strand
    public var biotype: String
    public var isMANESelect: Bool
    /// SO terms, most severe first (`missense_variant`, `splice_region_variant`, …).
    public var consequences: [Consequence]
    /// HGVS c. (coding) or n. (non-coding) without the transcript prefix, indels 3'-shifted:
    /// `c.2369C>T`, `c.2236_2250del`, `c.2310_2311insGGT`, `c.-14G>A`, `c.1879+2T>C`.
    public var hgvsc: String?
    /// HGVS p.: `p.T790M`, `p.E746_A750del`, `p.K100Rfs*5`, `p.*1211Wext*?`, `p.M1?`, `p.?`.
    public var proteinChange: ProteinChange?
    /// The translated change behind ``proteinChange`` (nil outside the CDS).
    public var peptide: PeptideChange?
    /// Why this allele cannot be assessed on this transcript (REF mismatch, missing sequence); the
    /// consequences are then empty.
    public var notAssessable: String?

    public init(transcript: String, gene: String, strand: Strand, biotype: String, isMANESelect: Bool,
                consequences: [Consequence], hgvsc: String? = nil, proteinChange: ProteinChange? = nil,
                peptide: PeptideChange? = nil, notAssessable: String? = nil) {
        self.transcript = transcript; self.gene = gene; self.strand = strand; self.biotype = biotype
        self.isMANESelect = isMANESelect; self.consequences = consequences; self.hgvsc = hgvsc
        self.proteinChange = proteinChange; self.peptide = peptide; self.notAssessable = notAssessable
    }

    /// The most severe consequence.
    public var mostSevere: Consequence? { consequences.first }

    /// The same as a ``TranscriptAnnotation`` with source `nextline consequence engine`.
    public var annotation: TranscriptAnnotation {
        TranscriptAnnotation(gene: gene, transcript: transcript, consequences: consequences, hgvsc: hgvsc,
                             proteinChange: proteinChange, isMANESelect: isMANESelect,
                             source: ConsequenceEngine.sourceName)
    }
}
