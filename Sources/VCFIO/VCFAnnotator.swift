internal import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a variant file back through htslib with INFO tags added to the records a caller chooses; every
/// other record passes through as htslib writes it (what `bcftools view` of the input gives). The
/// output is VCF, bgzipped VCF (indexed .tbi) or BCF (indexed .csi), by its extension.
public final class VCFAnnotator {
    /// A record as the annotator shows it to the caller: CHROM as written, 1-based POS, REF and ALTs.
    public struct Site: Sendable {
        public var contig: String
        public var position: Int
        public var reference: String
        public var alternates: [String]
    }

    public enum Container: Sendable { case vcf, vcfGz, bcf
        /// By the output name's extension.
        public static func of(_ path: String) -> Container? {
            path.hasSuffix(".vcf.gz") || path.hasSuffix(".vcf.bgz") ? .vcfGz : path.hasSuffix(".bcf") ? .bcf : path.hasSuffix(".vcf") ? .vcf : nil
        }
        var mode: String { self == .vcf ? "w" : self == .vcfGz ? "wz" : "wb" }
        /// The index written beside the output (nil for plain VCF).
        public var indexSuffix: String? { self == .vcf ? nil : self == .vcfGz ? ".tbi" : ".csi" }
    }

    let input: String
    /// - Parameter headerLines: complete `##` lines to add (INFO declarations, provenance).
    public init(input: String) { self.input = input }

    /// Reads `input` and writes `output` (a temporary path; the caller renames it), adding `headerLines` and, to
    /// each record `tags` returns tags for, those INFO string values. Returns the number of records written.
    public func write(to output: String, container: Container, headerLines: [String],
                      tags: (Site) -> [(key: String, value: String)]) throws(VCFError) -> Int {
        hts_set_log_level(HTS_LOG_OFF)
        guard let inFile = hts_open(input, "r") else { throw .unreadable(path: input, reason: "htslib could not open it") }
        defer { hts_close(inFile) }
        guard let hdr = bcf_hdr_read(inFile) else { throw .malformedHeader(path: input, detail: "the header could not be read") }
        defer { bcf_hdr_destroy(hdr) }
        guard let outHdr = bcf_hdr_dup(hdr) else { throw .outOfMemory(path: input) }
        defer { bcf_hdr_destroy(outHdr) }
        for line in headerLines where bcf_hdr_append(outHdr, line) != 0 {
            throw .malformedHeader(path: output, detail: "htslib refused the header line \(line)")
        }
        guard bcf_hdr_sync(outHdr) == 0 else { throw .malformedHeader(path: output, detail: "htslib could not update the header") }
        guard let outFile = hts_open(output, container.mode) else { throw .unreadable(path: output, reason: "cannot be created (\(String(cString: strerror(errno))))") }
        var closed = false
        defer { if !closed { hts_close(outFile) } }
        guard bcf_hdr_write(outFile, outHdr) == 0 else { throw .unreadable(path: output, reason: "the header could not be written") }
        guard let rec = bcf_init() else { throw .outOfMemory(path: input) }
        defer { bcf_destroy(rec) }
        var written = 0
        while true {
            let r = bcf_read(inFile, hdr, rec)
            if r == -1 { break }
            if r < -1 { throw .malformedRecord(path: input, location: "record \(written + 1)", detail: "htslib could not parse it") }
            _ = chts_unpack_str(rec)
            let n = Int(chts_rec_nallele(rec))
            let site = Site(contig: chts_rec_contig(hdr, rec).map { String(cString: $0) } ?? "?",
                            position: Int(chts_rec_pos0(rec)) + 1,
                            reference: n > 0 ? chts_rec_allele(rec, 0).map { String(cString: $0) } ?? "" : "",
                            alternates: n > 1 ? (1..<n).map { chts_rec_allele(rec, Int32($0)).map { String(cString: $0) } ?? "" } : [])
            for (key, value) in tags(site) where chts_update_info_string(outHdr, rec, key, value) != 0 {
                throw .invalidValue(path: output, location: "\(site.contig):\(site.position)", field: "INFO/\(key)", detail: "htslib could not set it")
            }
            guard bcf_write(outFile, outHdr, rec) == 0 else { throw .unreadable(path: output, reason: "a record could not be written (disk full?)") }
            written += 1
        }
        closed = true
        guard hts_close(outFile) == 0 else { throw .unreadable(path: output, reason: "could not be closed (disk full?)") }
        if container != .vcf {
            // TBI for bgzipped VCF (min_shift 0), CSI for BCF (min_shift 14).
            guard bcf_index_build3(output, nil, container == .bcf ? 14 : 0, 0) == 0 else {
                throw .indexUnusable(path: output, detail: "htslib could not index the output")
            }
        }
        return written
    }
}
