import Foundation
/// One normalised sequence change: a single ALT of a VCF record, trimmed to its parsimonious form.
///
/// `position` is the 1-based VCF POS of the first base of `reference`. Two alleles written
/// differently by two callers (padded, multi-allelic, `chr7` vs `7`) compare equal once normalised.
public struct Allele: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Canonical chromosome (`7`, `X`, `MT`), see ``ContigName``.
    public var chromosome: String
    /// 1-based position of the first base of ``reference``.
    public var position: Int
    public var reference: String
    public var alternate: String

    public init(chromosome: String, position: Int, reference: String, alternate: String) {
        self.chromosome = chromosome
        self.position = position
        self.reference = reference
        self.alternate = alternate
    }

    /// Trims the common suffix, then the common prefix, keeping at least one base on each side
    /// (the VCF anchor base of an indel), and upper-cases both alleles.
    public func normalised() -> Allele {
        var ref = Array(reference.uppercased().utf8)
        var alt = Array(alternate.uppercased().utf8)
        var pos = position
        while ref.count > 1, alt.count > 1, ref.last == alt.last {
            ref.removeLast(); alt.removeLast()
        }
        var start = 0
        while ref.count - start > 1, alt.count - start > 1, ref[start] == alt[start] { start += 1 }
        pos += start
        return Allele(chromosome: chromosome, position: pos,
                      reference: String(decoding: ref[start...], as: UTF8.self),
                      alternate: String(decoding: alt[start...], as: UTF8.self))
    }

    /// SNV, MNV, insertion, deletion or complex (delins).
    public var variantType: String {
        if reference.count == 1 && alternate.count == 1 { return "SNV" }
        if reference.count == alternate.count { return "MNV" }
        if reference.count == 1 && alternate.hasPrefix(reference) { return "INS" }
        if alternate.count == 1 && reference.hasPrefix(alternate) { return "DEL" }
        return "DELINS"
    }

    /// The last reference base the allele touches (1-based, inclusive).
    public var end: Int { position + max(reference.count, 1) - 1 }

    /// `7:55181378:C:T`
    public var key: String { "\(chromosome):\(position):\(reference):\(alternate)" }
    public var description: String { "\(chromosome):\(position) \(reference)>\(alternate)" }

    /// Parses `7:55181378:C:T` (also `chr7-55181378-C-T`).
    public init?(key: String) {
        let parts = key.split(whereSeparator: { $0 == ":" || $0 == "-" }).map(String.init)
        guard parts.count == 4, let chrom = ContigName.canonical(parts[0]), let pos = Int(parts[1]), pos > 0
        else { return nil }
        self.init(chromosome: chrom, position: pos, reference: parts[2], alternate: parts[3])
    }
}

/// A copy-number or structural change carried by a symbolic ALT (`<DEL>`, `<DUP>`, `<CNV>`, `<AMP>`,
/// breakends): kept as a gene-level finding, never matched as a sequence change.
public struct StructuralChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case deletion, duplication, amplification, copyNumberVariant = "copy_number_variant",
             insertion, inversion, breakend
    }
    public var kind: Kind
    public var chromosome: String
    /// 1-based first affected base (POS + 1 for a padded symbolic record, as VCF defines).
    public var start: Int
    /// 1-based last affected base (INFO/END, or START + |SVLEN| - 1).
    public var end: Int
    /// Absolute copy number when the record gives one (FORMAT/CN or INFO/CN), as the caller wrote it.
    public var copyNumber: Double?
    /// Fold change against a diploid reference (FORMAT/FC, TSO500 style): diluted by normal DNA.
    public var foldChange: Double?
    /// log2 copy ratio (CNVkit INFO/FOLD_CHANGE_LOG, FORMAT/LOG2R or INFO/LOG2R): diluted by normal DNA.
    public var log2Ratio: Double?
    /// The ALT as written (`<DUP>`, `N[chr7:123[`).
    public var alternate: String
    /// For a breakend: the mate's chromosome and position, parsed from the ALT.
    public var mate: (chromosome: String, position: Int)? {
        guard kind == .breakend else { return nil }
        let parts = alternate.split(whereSeparator: { $0 == "[" || $0 == "]" })
        guard let inner = parts.first(where: { $0.contains(":") }) else { return nil }
        let cp = inner.split(separator: ":")
        guard cp.count == 2, let pos = Int(cp[1]) else { return nil }
        return (String(cp[0]), pos)
    }

    public static func == (a: StructuralChange, b: StructuralChange) -> Bool {
        a.kind == b.kind && a.chromosome == b.chromosome && a.start == b.start && a.end == b.end
            && a.copyNumber == b.copyNumber && a.foldChange == b.foldChange && a.log2Ratio == b.log2Ratio && a.alternate == b.alternate
    }
    public func hash(into h: inout Hasher) { h.combine(kind); h.combine(chromosome); h.combine(start); h.combine(alternate) }

    public init(kind: Kind, chromosome: String, start: Int, end: Int, copyNumber: Double?, alternate: String) {
        self.kind = kind; self.chromosome = chromosome; self.start = start; self.end = end
        self.copyNumber = copyNumber; self.alternate = alternate
    }

    /// The copy number the record implies before any tumour-fraction adjustment: the absolute value,
    /// else 2 × fold change, else 2 × 2^log2.
    public var observedCopyNumber: Double? {
        copyNumber ?? foldChange.map { 2 * $0 } ?? log2Ratio.map { 2 * pow(2, $0) }
    }

    /// Whether the change suggests a gain (amplification candidate) or a loss (deletion candidate),
    /// before tumour-fraction adjustment (the scan's view; interpretation adjusts).
    public var copyNumberState: CopyNumberState? {
        if let cn = observedCopyNumber {
            if cn >= 4 { return .amplification }
            if cn < 2 { return .loss }
            if cn > 2 { return .gain }
            return nil
        }
        switch kind {
        case .amplification: return .amplification
        case .duplication: return .gain
        case .deletion: return .loss
        default: return nil
        }
    }
}

/// Copy-number direction of a gene-level finding.
public enum CopyNumberState: String, Sendable, Hashable, Codable {
    case amplification, gain, loss
}
