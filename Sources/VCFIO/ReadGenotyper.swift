internal import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import VariantModel

/// Counts the reads of one sample at given alleles through htslib's pileup (`bam_mplp_*` with
/// overlapping-mate detection, as `bcftools mpileup` does), and the phase of given allele pairs.
///
/// Reads are filtered before the pileup sees them (unmapped, secondary, supplementary, QC-fail,
/// duplicate, MAPQ below the minimum, other samples' read groups); a base below the minimum base
/// quality at the site does not count. When two mates of a fragment overlap, htslib gives the summed
/// quality to one and 0 to the other, so the base quality filter keeps one: the fragment counts once,
/// with the strand of the mate htslib kept. Only the regions around the sites are read (sites closer
/// than ``windowGap`` share one region), so the cost grows with the positions, not the file.
public struct ReadGenotyper {
    public let settings: GenotypingSettings
    /// Sites whose anchors are at most this far apart are read in one region.
    static let windowGap = 500

    public init(settings: GenotypingSettings) { self.settings = settings }

    /// Counts for every site (in the order given) and every pair, the regions read and the digest.
    public struct Result: Sendable {
        public var sites: [SiteGenotype]
        public var phases: [PhaseResult]
        /// The regions read, `chr7:55181378-55181399` (1-based), in reading order.
        public var regions: [String]
        /// `umi_family` when reads carrying `MI` were counted as families, else `fragment`.
        public var countingUnit: String
        public var warnings: [String]
        /// ``AlignmentFile/digest(regions:)`` of the regions read, labelled ``AlignmentFile/digestScope``.
        public var digest: String
    }

    /// One trimmed allele to observe; several sites and pair members naming the same allele share one.
    struct Target {
        enum Shape {
            case snv(ref: UInt8, alt: UInt8)
            case mnv(ref: [UInt8], alt: [UInt8])
            case deletion(length: Int)
            case insertion(bases: [UInt8])
        }
        let tid: Int
        let anchor: Int
        let shape: Shape
        var counts = ReadCounts()
        /// Read name → what the fragment shows, kept for the sites of phase pairs only.
        var tracksFragments = false
        var fragments: [String: Observation] = [:]
    }

    enum Observation { case ref, alt, other }

    /// Counts `sites` and `pairs` in `file`.
    ///
    /// - Throws: ``AlignmentError``: a site that cannot be genotyped (symbolic or complex allele), a read
    ///   error in a region (truncated or corrupt BAM; a CRAM that its reference does not decode).
    public func genotype(_ file: AlignmentFile, sites: [GenotypingSite], pairs: [PhasePair]) throws(AlignmentError) -> Result {
        var targets: [Target] = []
        var keys: [String: Int] = [:]
        var missing: [(contig: String, sites: Set<String>)] = []
        func target(for site: GenotypingSite, phase: Bool) throws(AlignmentError) -> Int? {
            guard let tid = file.targetID(of: site.chrom) else {
                if let i = missing.firstIndex(where: { $0.contig == site.chrom }) { missing[i].sites.insert(site.label) }
                else { missing.append((site.chrom, [site.label])) }
                return nil
            }
            let (anchor, shape, key) = try ReadGenotyper.shape(of: site)
            let full = "\(tid):\(key)"
            if let i = keys[full] { if phase { targets[i].tracksFragments = true }; return i }
            targets.append(Target(tid: tid, anchor: anchor, shape: shape, tracksFragments: phase))
            keys[full] = targets.count - 1
            return targets.count - 1
        }
        let siteTargets = try sites.map { site throws(AlignmentError) in try target(for: site, phase: false) }
        let pairTargets = try pairs.map { pair throws(AlignmentError) in
            (try target(for: pair.first, phase: true), try target(for: pair.second, phase: true))
        }
        var reading = Reading(settings: settings, file: file)
        defer { reading.release() }
        var regions: [String] = []
        for window in ReadGenotyper.windows(targets) {
            regions.append("\(file.contigs[window.tid].name):\(window.begin + 1)-\(window.end + 1)")
            try reading.read(window, targets: &targets)
        }
        let counted = zip(sites, siteTargets).map { SiteGenotype(site: $0, counts: $1.map { targets[$0].counts } ?? ReadCounts()) }
        let phases = zip(pairs, pairTargets).map { pair, t in
            ReadGenotyper.phase(pair, first: t.0.map { targets[$0] }, second: t.1.map { targets[$0] })
        }
        // One line for every contig the header lacks (a panel BAM has a few; a genome BAM none).
        let absent = missing.reduce(0) { $0 + $1.sites.count }
        let warnings = missing.isEmpty ? [] : [
            "\(file.path): no contig \(missing.map(\.contig).joined(separator: ", ")) in the header: \(absent) site\(absent == 1 ? "" : "s") there \(absent == 1 ? "has" : "have") no reads (counted 0)"
        ]
        return Result(sites: counted, phases: phases, regions: regions,
                      countingUnit: reading.sawFamilies ? "umi_family" : "fragment", warnings: file.warnings + warnings,
                      digest: file.digest(regions: regions))
    }

    /// Whether the site has a read-level form (a base substitution, a deletion or an insertion; not a
    /// symbolic or complex allele), i.e. whether ``genotype(_:sites:pairs:)`` accepts it.
    public static func supports(_ site: GenotypingSite) -> Bool { (try? shape(of: site)) != nil }

    /// The trimmed allele's anchor (0-based), shape and key; symbolic and complex alleles are refused.
    static func shape(of site: GenotypingSite) throws(AlignmentError) -> (Int, Target.Shape, String) {
        let bases: Set<UInt8> = Set("ACGTN".utf8)
        let ref = Array(site.reference.uppercased().utf8), alt = Array(site.alternate.uppercased().utf8)
        guard !ref.isEmpty, !alt.isEmpty, ref.allSatisfy(bases.contains), alt.allSatisfy(bases.contains) else {
            throw .unsupportedSite(site: site.label, detail: "REF and ALT must be bases (A, C, G, T, N); symbolic and '*' alleles have no read-level form")
        }
        guard ref != alt else { throw .unsupportedSite(site: site.label, detail: "ALT equals REF") }
        let a = Allele(chromosome: site.chrom, position: site.position, reference: site.reference, alternate: site.alternate).normalised()
        let r = Array(a.reference.utf8), t = Array(a.alternate.utf8)
        let anchor = a.position - 1
        let key = "\(anchor):\(a.reference):\(a.alternate)"
        if r.count == 1 && t.count == 1 { return (anchor, .snv(ref: r[0], alt: t[0]), key) }
        if r.count == t.count { return (anchor, .mnv(ref: r, alt: t), key) }
        if t.count == 1 && r.first == t.first { return (anchor, .deletion(length: r.count - 1), key) }
        if r.count == 1 && t.first == r.first { return (anchor, .insertion(bases: Array(t.dropFirst())), key) }
        throw .unsupportedSite(site: site.label, detail: "a complex allele (deletion plus insertion, \(a.reference)>\(a.alternate)); give it as separate SNV/indel sites")
    }

    /// A region of nearby targets on one contig: its 0-based anchor span and the targets at each anchor.
    struct Window {
        let tid: Int
        let begin: Int
        var end: Int
        var targetsAt: [Int: [Int]]
    }

    /// Targets grouped into regions: sorted by contig and anchor, merged when closer than ``windowGap``.
    static func windows(_ targets: [Target]) -> [Window] {
        let order = targets.indices.sorted { (targets[$0].tid, targets[$0].anchor, $0) < (targets[$1].tid, targets[$1].anchor, $1) }
        var out: [Window] = []
        for i in order {
            let t = targets[i]
            if var last = out.last, last.tid == t.tid, t.anchor - last.end <= windowGap {
                last.end = max(last.end, t.anchor)
                last.targetsAt[t.anchor, default: []].append(i)
                out[out.count - 1] = last
            } else {
                out.append(Window(tid: t.tid, begin: t.anchor, end: t.anchor, targetsAt: [t.anchor: [i]]))
            }
        }
        return out
    }

    /// Fragments with a counted base at both sites, split by which ones show their ALT.
    static func phase(_ pair: PhasePair, first: Target?, second: Target?) -> PhaseResult {
        var both = 0, firstOnly = 0, secondOnly = 0, neither = 0
        if let first, let second {
            for (name, a) in first.fragments {
                guard let b = second.fragments[name] else { continue }
                switch (a == .alt, b == .alt) {
                case (true, true): both += 1
                case (true, false): firstOnly += 1
                case (false, true): secondOnly += 1
                case (false, false): neither += 1
                }
            }
        }
        return PhaseResult(pair: pair, both: both, firstOnly: firstOnly, secondOnly: secondOnly, neither: neither)
    }
}
