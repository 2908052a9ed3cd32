/// A Sequence Ontology consequence term (`missense_variant`, `stop_gained`, …) with the classes that
/// catalogue rules use (truncating, missense, in-frame).
///
/// VEP and SnpEff already write SO terms; bcftools `BCSQ` writes short forms (`missense`,
/// `splice_donor`, `*missense` for another haplotype) that ``init(term:)`` maps to SO.
public struct Consequence: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var term: String

    public init(term raw: String) {
        var t = raw.lowercased()
        if t.hasPrefix("*") { t.removeFirst() }
        t = Consequence.aliases[t] ?? t
        term = t
    }

    static let aliases: [String: String] = [
        "missense": "missense_variant", "synonymous": "synonymous_variant", "frameshift": "frameshift_variant",
        "splice_donor": "splice_donor_variant", "splice_acceptor": "splice_acceptor_variant",
        "splice_region": "splice_region_variant", "5_prime_utr": "5_prime_UTR_variant",
        "3_prime_utr": "3_prime_UTR_variant", "5_prime_utr_variant": "5_prime_UTR_variant",
        "3_prime_utr_variant": "3_prime_UTR_variant", "intron": "intron_variant",
        "non_coding": "non_coding_transcript_variant", "coding_sequence": "coding_sequence_variant",
        "inframe_altering": "protein_altering_variant", "stop_retained": "stop_retained_variant",
        "start_retained": "start_retained_variant", "feature_elongation": "feature_elongation",
        "disruptive_inframe_deletion": "inframe_deletion", "disruptive_inframe_insertion": "inframe_insertion",
        "conservative_inframe_deletion": "inframe_deletion", "conservative_inframe_insertion": "inframe_insertion",
        "non_synonymous_coding": "missense_variant", "stop_gained": "stop_gained", "nonsense": "stop_gained",
        "frame_shift": "frameshift_variant", "splice_site_donor": "splice_donor_variant",
        "splice_site_acceptor": "splice_acceptor_variant", "exon_loss_variant": "exon_loss_variant",
        "upstream": "upstream_gene_variant", "downstream": "downstream_gene_variant",
    ]

    /// Severity order (most severe first), after Ensembl's consequence ranking.
    static let rank: [String] = [
        "transcript_ablation", "splice_acceptor_variant", "splice_donor_variant", "stop_gained",
        "frameshift_variant", "stop_lost", "start_lost", "exon_loss_variant", "transcript_amplification",
        "inframe_insertion", "inframe_deletion", "missense_variant", "protein_altering_variant",
        "splice_region_variant", "incomplete_terminal_codon_variant", "start_retained_variant",
        "stop_retained_variant", "synonymous_variant", "coding_sequence_variant", "5_prime_UTR_variant",
        "3_prime_UTR_variant", "non_coding_transcript_exon_variant", "intron_variant",
        "non_coding_transcript_variant", "upstream_gene_variant", "downstream_gene_variant",
        "intergenic_variant",
    ]

    var severity: Int { Consequence.rank.firstIndex(of: term) ?? Consequence.rank.count }

    /// Stop-gained, frameshift, canonical splice site, start-lost or whole-transcript loss.
    public var isTruncating: Bool {
        ["stop_gained", "frameshift_variant", "splice_donor_variant", "splice_acceptor_variant", "start_lost",
         "transcript_ablation", "exon_loss_variant"].contains(term)
    }
    public var isMissense: Bool { term == "missense_variant" }
    public var isInFrame: Bool { ["inframe_insertion", "inframe_deletion", "protein_altering_variant"].contains(term) }
    /// Changes the protein sequence (truncating, missense, in-frame, stop-lost).
    public var altersProtein: Bool { isTruncating || isMissense || isInFrame || term == "stop_lost" }

    public var description: String { term }
    /// More severe sorts first.
    public static func < (a: Consequence, b: Consequence) -> Bool { a.severity < b.severity }
}
