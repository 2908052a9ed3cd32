internal import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VariantModel

/// An indexed BAM or CRAM file opened through htslib for reading a few regions: the header, its read
/// groups and contigs, the index, and (for CRAM) the reference that decodes it.
///
/// Owns the `samFile`, `sam_hdr_t` and `hts_idx_t` and frees them in `deinit`. Never reads the file
/// whole: regions are read through the index, and the provenance digest covers the header text, the
/// index file and the regions read (``digest(regions:)``). Not `Sendable`: one reader per task.
public final class AlignmentFile {
    /// The digest label: what ``digest(regions:)`` covers.
    public static let digestScope = "header+index+regions"

    public let path: String
    public let indexPath: String
    public let isCRAM: Bool
    /// Contigs of the header (`@SQ`) in order, with their lengths.
    public let contigs: [(name: String, length: Int)]
    /// `@RG` ID → SM (empty SM when the line has none), in header order.
    public let readGroups: [(id: String, sample: String)]
    /// The sample the counts are for.
    public let sample: String
    /// How ``sample`` was chosen: `@RG SM`, `--sample`, or the file name when there is no `@RG SM`.
    public let sampleSource: String
    /// Read groups whose reads count; nil counts every read (one sample in the file).
    let readGroupFilter: [String]?
    public private(set) var warnings: [String] = []

    let file: UnsafeMutablePointer<htsFile>
    let header: UnsafeMutablePointer<sam_hdr_t>
    let index: OpaquePointer
    private let headerText: [UInt8]
    private let referenceSequences: [String: Int]

    /// Opens the reads, checks the index and (for CRAM) the reference, and resolves the sample.
    ///
    /// - Parameters:
    ///   - reference: the FASTA (with `.fai`) the reads were aligned to; required for CRAM.
    ///   - sample: the `@RG SM` to count when the file holds several samples.
    /// - Throws: ``AlignmentError`` naming the file: missing, not BAM/CRAM, no or stale index, no EOF
    ///   marker, CRAM without a usable reference, several samples without `sample`, unknown `sample`.
    public init(path: String, reference: String?, sample: String? = nil) throws(AlignmentError) {
        self.path = path
        hts_set_log_level(HTS_LOG_OFF)
        AlignmentFile.forbidRemoteReferences()
        try AlignmentFile.checkFile(path)
        isCRAM = try AlignmentFile.sniffCRAM(path)
        indexPath = try AlignmentFile.findIndex(path, isCRAM: isCRAM)
        referenceSequences = try AlignmentFile.referenceSequences(reference, for: path, isCRAM: isCRAM)
        guard let fp = hts_open(path, "r") else { throw .unreadable(path: path, reason: "htslib could not open it") }
        if isCRAM, let reference, chts_set_reference(fp, reference) != 0 {
            hts_close(fp)
            throw .referenceMissing(path: path, detail: "htslib could not use \(reference) as the reference")
        }
        guard hts_check_EOF(fp) == 1 else {
            hts_close(fp)
            throw .truncated(path: path, detail: "no end-of-file marker: the file was cut short (re-copy or re-create it)")
        }
        guard let hdr = sam_hdr_read(fp) else { hts_close(fp); throw .malformedHeader(path: path, detail: "htslib could not read the header") }
        guard let idx = sam_index_load3(fp, path, indexPath, 0) else {
            sam_hdr_destroy(hdr); hts_close(fp)
            throw .indexUnusable(path: path, index: indexPath)
        }
        file = fp; header = hdr; index = idx
        let length = sam_hdr_length(hdr)
        headerText = sam_hdr_str(hdr).map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
        var contigs: [(String, Int)] = []
        for tid in 0..<max(0, Int(sam_hdr_nref(hdr))) {
            let name = sam_hdr_tid2name(hdr, Int32(tid)).map { String(cString: $0) } ?? ""
            contigs.append((name, Int(sam_hdr_tid2len(hdr, Int32(tid)))))
        }
        self.contigs = contigs
        readGroups = AlignmentFile.readGroups(in: String(decoding: headerText, as: UTF8.self))
        let chosen = try AlignmentFile.chooseSample(readGroups, requested: sample, path: path)
        self.sample = chosen.sample; sampleSource = chosen.source; readGroupFilter = chosen.filter
        if chosen.source.hasPrefix("file name") {
            warnings.append("\(path): no @RG line names a sample (SM); the counts are labelled '\(chosen.sample)' from the file name")
        }
        try checkReferenceLengths()
    }

    deinit {
        hts_idx_destroy(index)
        sam_hdr_destroy(header)
        hts_close(file)
    }

    // MARK: - Opening

    private static func checkFile(_ path: String) throws(AlignmentError) {
        do { _ = try InputFile.check(path) } catch {
            switch error {
            case .fileNotFound: throw .fileNotFound(path: path)
            case .emptyFile: throw .notAlignmentFormat(path: path, detected: "an empty file")
            default: throw .unreadable(path: path, reason: error.description)
            }
        }
    }

    /// BAM or CRAM, from the first bytes; anything else is refused naming what it looks like.
    private static func sniffCRAM(_ path: String) throws(AlignmentError) -> Bool {
        var format = htsFormat()
        guard let peek = chts_hopen(path, "r") else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        let detected = hts_detect_format(peek, &format)
        hclose_abruptly(peek)
        guard detected == 0 else { throw .notAlignmentFormat(path: path, detected: "an unrecognised format") }
        switch format.format {
        case bam: return false
        case cram: return true
        case sam: throw .notAlignmentFormat(path: path, detected: "SAM text; convert it with 'samtools sort -o FILE.bam' and index it")
        case vcf, bcf: throw .notAlignmentFormat(path: path, detected: "a VCF/BCF variant file")
        default: throw .notAlignmentFormat(path: path, detected: "another format")
        }
    }

    /// `FILE.bai`, `FILE.bam → FILE.bai`, `FILE.csi` for BAM; `FILE.crai` for CRAM. Missing is an error
    /// (nextline never indexes behind the user's back); an index older than the file, to the second, is
    /// stale (htslib's own test).
    static func findIndex(_ path: String, isCRAM: Bool) throws(AlignmentError) -> String {
        var candidates = isCRAM ? [path + ".crai"] : [path + ".bai", path + ".csi"]
        if !isCRAM, path.hasSuffix(".bam") { candidates.insert(String(path.dropLast(4)) + ".bai", at: 1) }
        guard let found = candidates.first(where: { InputFile.modified($0) != nil }) else {
            throw .missingIndex(path: path, tried: candidates.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        }
        if let data = InputFile.modified(path), let idx = InputFile.modified(found), idx.tv_sec < data.tv_sec {
            throw .staleIndex(path: path, index: found)
        }
        return found
    }

    /// Never fetch a reference over the network: htslib looks a CRAM's reference up by MD5 in `REF_PATH`
    /// (by default the EBI server) and caches it under `REF_CACHE`. Unless every entry of the user's
    /// `REF_PATH` is a local path, both are pointed at a directory that does not exist, so the only
    /// reference a CRAM can be decoded with is the `--reference` FASTA (or a local MD5 cache the user set).
    static func forbidRemoteReferences() {
        let nowhere = "/nonexistent/nextline-no-remote-reference/%2s/%2s/%s"
        let refPath = getenv("REF_PATH").map { String(cString: $0) }
        if refPath.map(isRemote) ?? true { setenv("REF_PATH", nowhere, 1) }
        let refCache = getenv("REF_CACHE").map { String(cString: $0) }
        if refCache.map(isRemote) ?? true { setenv("REF_CACHE", nowhere, 1) }
    }

    /// Whether a `REF_PATH`-style list names anything but local paths (a URL scheme anywhere).
    static func isRemote(_ value: String) -> Bool {
        let v = value.lowercased()
        return v.isEmpty || v.contains("://") || v.contains("http:") || v.contains("https:") || v.contains("ftp:") || v.contains("url=")
    }

    /// The reference's sequence lengths by name, after checking the FASTA is there and indexed. CRAM
    /// needs one; for BAM it is optional here (the caller checks REF against it).
    private static func referenceSequences(_ reference: String?, for path: String, isCRAM: Bool) throws(AlignmentError) -> [String: Int] {
        guard let reference else {
            if isCRAM {
                throw .referenceMissing(path: path, detail: "no reference given; pass --reference with the FASTA the CRAM was written against (nextline never fetches one from the network)")
            }
            return [:]
        }
        guard InputFile.modified(reference) != nil else {
            throw .referenceMissing(path: path, detail: "\(reference) does not exist")
        }
        let fasta: ReferenceFASTA
        do { fasta = try ReferenceFASTA(path: reference) } catch {
            throw .referenceMissing(path: path, detail: error.description)
        }
        var lengths: [String: Int] = [:]
        for (name, length) in fasta.sequences { lengths[name] = length }
        return lengths
    }

    /// A contig the reads and the reference both name (as written, or as the same chromosome) must have
    /// one length: reads aligned to another assembly are refused before any count.
    private func checkReferenceLengths() throws(AlignmentError) {
        guard !referenceSequences.isEmpty else { return }
        var byChromosome: [String: (String, Int)] = [:]
        for (name, length) in referenceSequences { if let c = ContigName.canonical(name) { byChromosome[c] = (name, length) } }
        for (name, length) in contigs {
            let other = referenceSequences[name].map { (name, $0) } ?? ContigName.canonical(name).flatMap { byChromosome[$0] }
            if let (refName, refLength) = other, refLength != length {
                throw .referenceMismatch(path: path, detail: "@SQ \(name) is \(length) bp but the reference's \(refName) is \(refLength) bp: the reads were aligned to another reference")
            }
        }
    }

    /// For CRAM: the reference must hold the contig by the name the CRAM uses, or htslib would look it up
    /// elsewhere (by MD5); a missing one is refused naming it.
    func checkReferenceHolds(tid: Int) throws(AlignmentError) {
        guard isCRAM else { return }
        let name = contigs[tid].name
        if referenceSequences[name] == nil {
            throw .referenceMissing(path: path, detail: "the reference has no sequence named \(name), which the CRAM's reads on it need")
        }
    }

    // MARK: - Read groups and sample

    /// `@RG` lines' ID and SM, in header order.
    static func readGroups(in text: String) -> [(id: String, sample: String)] {
        var out: [(String, String)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("@RG\t") {
            var id = "", sm = ""
            for field in line.split(separator: "\t").dropFirst() {
                if field.hasPrefix("ID:") { id = String(field.dropFirst(3)) }
                if field.hasPrefix("SM:") { sm = String(field.dropFirst(3)) }
            }
            out.append((id, sm))
        }
        return out
    }

    /// The sample to count: the only `SM`; the requested one (its read groups only); or, with no `SM`,
    /// the file name without extension.
    static func chooseSample(_ groups: [(id: String, sample: String)], requested: String?, path: String)
        throws(AlignmentError) -> (sample: String, source: String, filter: [String]?) {
        var samples: [String] = []
        for g in groups where !g.sample.isEmpty && !samples.contains(g.sample) { samples.append(g.sample) }
        if let requested {
            guard samples.contains(requested) else { throw .sampleNotFound(path: path, sample: requested, available: samples) }
            let ids = groups.filter { $0.sample == requested }.map(\.id)
            return (requested, "--sample (read groups \(ids.joined(separator: ", ")))", samples.count > 1 ? ids : nil)
        }
        if samples.count > 1 { throw .ambiguousSample(path: path, available: samples) }
        if let only = samples.first { return (only, "@RG SM", nil) }
        var stem = path.split(separator: "/").last.map(String.init) ?? path
        for ext in [".bam", ".cram"] where stem.hasSuffix(ext) { stem = String(stem.dropLast(ext.count)) }
        return (stem, "file name (no @RG SM)", nil)
    }

    // MARK: - Contigs and provenance

    /// The header's target id for a contig as a site names it: the same name, else the same chromosome
    /// (`chr7` and `7`), else nil.
    public func targetID(of chrom: String) -> Int? {
        if let i = contigs.firstIndex(where: { $0.name == chrom }) { return i }
        guard let c = ContigName.canonical(chrom) else { return nil }
        return contigs.firstIndex { ContigName.canonical($0.name) == c }
    }

    /// SHA-256 over the header text, the index file's bytes and the regions read (one `name:start-end`
    /// line each, 1-based): what identifies the evidence without reading a 100 GB file whole.
    public func digest(regions: [String]) -> String {
        var h = SHA256()
        h.update(headerText)
        if let bytes = VCFReader.readWholeFile(indexPath) { h.update(bytes) }
        for r in regions { h.update(Array((r + "\n").utf8)) }
        return h.hexDigest()
    }
}
