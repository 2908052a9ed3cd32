internal import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VariantModel

extension ReadGenotyper {
    /// The reading state of one ``ReadGenotyper/genotype(_:sites:pairs:)`` call: the read-group filter as C
    /// strings, and the per-column scratch sets (reused, never reallocated per column).
    struct Reading {
        let settings: GenotypingSettings
        let file: AlignmentFile
        private var groups: UnsafeMutablePointer<UnsafePointer<CChar>?>?
        private let groupCount: Int
        private var fragmentsSeen = Set<String>()
        private var familiesSeen = Set<String>()
        /// Whether a counted read carried `MI` (and UMI families were on).
        private(set) var sawFamilies = false

        init(settings: GenotypingSettings, file: AlignmentFile) {
            self.settings = settings; self.file = file
            let ids = file.readGroupFilter ?? []
            groupCount = ids.count
            if file.readGroupFilter != nil {
                let array = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: max(1, ids.count))
                for (i, id) in ids.enumerated() { array[i] = UnsafePointer(strdup(id)) }
                groups = array
            }
        }

        /// Frees the C strings (called once, when the genotyping call ends).
        mutating func release() {
            guard let groups else { return }
            for i in 0..<groupCount { free(UnsafeMutableRawPointer(mutating: groups[i])) }
            groups.deallocate()
            self.groups = nil
        }

        /// Reads one region through the pileup and observes the targets anchored in it.
        mutating func read(_ window: Window, targets: inout [Target]) throws(AlignmentError) {
            try file.checkReferenceHolds(tid: window.tid)
            let region = "\(file.contigs[window.tid].name):\(window.begin + 1)-\(window.end + 1)"
            guard let itr = sam_itr_queryi(file.index, Int32(window.tid), hts_pos_t(window.begin), hts_pos_t(window.end + 1)) else {
                throw .indexUnusable(path: file.path, index: file.indexPath)
            }
            defer { hts_itr_destroy(itr) }
            var source = chts_read_source(fp: file.file, itr: itr, min_mapq: Int32(settings.minMappingQuality),
                                          skip_flags: settings.excludedFlagBits, read_groups: UnsafePointer(groups),
                                          n_read_groups: Int32(groupCount), error: 0)
            var failed = false
            try withUnsafeMutablePointer(to: &source) { (sp) throws(AlignmentError) in
                guard let mplp = chts_mplp_init(sp, Int32(min(settings.maxDepth, Int(Int32.max)))) else {
                    throw AlignmentError.unreadable(path: file.path, reason: "htslib could not start a pileup (out of memory)")
                }
                defer { bam_mplp_destroy(mplp) }
                var tid: Int32 = 0, pos: hts_pos_t = 0, n: Int32 = 0
                var column: UnsafePointer<bam_pileup1_t>? = nil
                while true {
                    let r = chts_mplp_next(mplp, &tid, &pos, &n, &column)
                    if r < 0 || sp.pointee.error != 0 { failed = true; break }
                    if r == 0 || Int(pos) > window.end { break }
                    guard let column, let here = window.targetsAt[Int(pos)] else { continue }
                    for i in here { observe(column, count: Int(n), target: &targets[i]) }
                }
            }
            if failed || source.error != 0 { throw decodeFailure(region) }
        }

        /// A read error inside a region: for CRAM the usual cause is a reference that is not the one the
        /// file was written with (htslib checks each slice's MD5); for BAM a cut or corrupt block.
        private func decodeFailure(_ region: String) -> AlignmentError {
            if file.isCRAM {
                return .referenceMismatch(path: file.path, detail: "the reads in \(region) cannot be decoded with the reference given: it is not the sequence the CRAM was written against (htslib's slice MD5 check failed), or the file is corrupt")
            }
            return .truncated(path: file.path, detail: "reading \(region) failed: a BGZF block is cut short or cannot be decoded")
        }

        /// Counts one pileup column for one target: each fragment (read name) once, each UMI family once.
        mutating func observe(_ column: UnsafePointer<bam_pileup1_t>, count n: Int, target: inout Target) {
            fragmentsSeen.removeAll(keepingCapacity: true)
            familiesSeen.removeAll(keepingCapacity: true)
            for i in 0..<n {
                guard let read = chts_plp_read(column, Int32(i)),
                      let seen = ReadGenotyper.classify(column, entry: Int32(i), read: read, target: target,
                                                        minBaseQuality: settings.minBaseQuality) else { continue }
                let name = String(cString: chts_bam_qname(read))
                guard fragmentsSeen.insert(name).inserted else { continue }
                if target.tracksFragments { target.fragments[name] = seen }
                if settings.umi == .mi, let mi = chts_bam_aux_string(read, "MI") {
                    sawFamilies = true
                    guard familiesSeen.insert(ReadGenotyper.family(String(cString: mi))).inserted else { continue }
                }
                let reverse = chts_bam_is_rev(read) != 0
                switch seen {
                case .alt: target.counts.altReads += 1; if reverse { target.counts.altReverse += 1 } else { target.counts.altForward += 1 }
                case .ref: target.counts.refReads += 1; if reverse { target.counts.refReverse += 1 } else { target.counts.refForward += 1 }
                case .other: target.counts.otherReads += 1
                }
            }
        }
    }

    /// The UMI family of an `MI` value: a duplex strand suffix (`/A`, `/B`) is dropped, so both strands of
    /// one duplex molecule are one family.
    static func family(_ mi: String) -> String {
        mi.hasSuffix("/A") || mi.hasSuffix("/B") ? String(mi.dropLast(2)) : mi
    }
}
