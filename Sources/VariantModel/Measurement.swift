/// VAF, alt reads and depth of one allele in one sample, each with the field it came from.
///
/// A value the file does not report is `nil` ("not reported"), never 0. `detected` is false for a
/// force-called site (GT 0/0 or zero alt reads): a not-detected observation with its depth.
public struct SampleMeasurement: Sendable, Hashable, Codable {
    public var sample: String
    public var vaf: Double?
    public var altReads: Int?
    public var depth: Int?
    /// `FORMAT/AF`, `FORMAT/AD`, `FORMAT/FREQ`, `FORMAT/AO+RO`, `FORMAT/TU`, `INFO/AF`, …
    public var vafSource: String?
    public var depthSource: String?
    public var genotype: String?
    public var detected: Bool
    /// Other sources that gave a VAF more than 0.02 away from ``vaf`` (reported, not hidden).
    public var disagreements: [VAFDisagreement]
    /// Values the file wrote but that cannot be tied to this ALT (said, never guessed).
    public var notes: [String] = []
    /// For a phased heterozygous call (`0|1`, `1|0`): the haplotype index carrying this ALT.
    public var haplotype: Int? = nil
    /// The phase set (FORMAT/PS) the haplotype belongs to; two alleles are in cis/trans only within one.
    public var phaseSet: String? = nil

    /// The ``vafSource``/``depthSource`` of counts made by nextline from the sample's aligned reads
    /// (BAM/CRAM, fragments) rather than read from a caller's VCF.
    public static let fromReads = "reads"

    /// Whether the counts were made from the sample's aligned reads.
    public var isFromReads: Bool { depthSource == SampleMeasurement.fromReads }

    public init(sample: String, vaf: Double? = nil, altReads: Int? = nil, depth: Int? = nil,
                vafSource: String? = nil, depthSource: String? = nil, genotype: String? = nil,
                detected: Bool = true, disagreements: [VAFDisagreement] = []) {
        self.sample = sample; self.vaf = vaf; self.altReads = altReads; self.depth = depth
        self.vafSource = vafSource; self.depthSource = depthSource; self.genotype = genotype
        self.detected = detected; self.disagreements = disagreements
    }
}

/// A second VAF source that disagrees with the one used.
public struct VAFDisagreement: Sendable, Hashable, Codable {
    public var source: String
    public var vaf: Double
    public init(source: String, vaf: Double) { self.source = source; self.vaf = vaf }
}
