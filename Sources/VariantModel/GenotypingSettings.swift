/// The read filters and counting rules of read-level genotyping; every document prints them.
public struct GenotypingSettings: Sendable, Hashable, Codable {
    /// How UMI-tagged reads are counted.
    public enum UMIMode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Reads sharing an `MI` tag (within the sample) count once: the family's first fragment in file
        /// order gives the base and strand. A duplex suffix (`/A`, `/B`) is dropped, so both strands of a
        /// duplex molecule are one family. Reads without `MI` count as their own fragment.
        case mi
        /// `MI`/`RX` are ignored: every fragment counts.
        case off
    }

    /// Reads with a mapping quality below this do not count (default 20).
    public var minMappingQuality: Int
    /// A base with quality below this at the site does not count (default 20).
    public var minBaseQuality: Int
    /// SAM flags whose reads never count, by name.
    public var excludedFlags: [String]
    public var umi: UMIMode
    /// Reads htslib's pileup keeps per position (bcftools' `-d`), far above real depths.
    public var maxDepth: Int

    public static let defaultExcludedFlags = ["UNMAP", "SECONDARY", "QCFAIL", "DUP", "SUPPLEMENTARY"]

    public init(minMappingQuality: Int = 20, minBaseQuality: Int = 20, excludedFlags: [String] = GenotypingSettings.defaultExcludedFlags,
                umi: UMIMode = .mi, maxDepth: Int = 100_000) {
        self.minMappingQuality = minMappingQuality; self.minBaseQuality = minBaseQuality
        self.excludedFlags = excludedFlags; self.umi = umi; self.maxDepth = maxDepth
    }

    /// The SAM flag bits of ``excludedFlags`` (unknown names are ignored; the CLI passes the defaults).
    public var excludedFlagBits: UInt16 {
        let bits: [String: UInt16] = ["PAIRED": 0x1, "PROPER_PAIR": 0x2, "UNMAP": 0x4, "MUNMAP": 0x8, "REVERSE": 0x10,
                                      "MREVERSE": 0x20, "READ1": 0x40, "READ2": 0x80, "SECONDARY": 0x100,
                                      "QCFAIL": 0x200, "DUP": 0x400, "SUPPLEMENTARY": 0x800]
        return excludedFlags.reduce(0) { $0 | (bits[$1] ?? 0) }
    }

    enum CodingKeys: String, CodingKey {
        case minMappingQuality = "min_mapq", minBaseQuality = "min_baseq", excludedFlags = "excluded_flags", umi
        case maxDepth = "max_depth"
    }
}
