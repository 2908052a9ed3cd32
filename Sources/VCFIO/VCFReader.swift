internal import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import VariantModel

/// What to read from a variant file and which records to keep.
public struct ReadPlan {
    /// Intervals (1-based, inclusive) per canonical chromosome; records overlapping one are kept.
    /// `nil` keeps every record on a primary chromosome.
    public var regions: [String: [ClosedRange<Int>]]?
    /// Words (gene symbols without a known span) that keep a record outside `regions` when its line
    /// contains them (the file's own annotations then place it).
    public var annotationKeywords: [String]
    /// INFO fields to copy into ``VariantRecord/info`` (others are not decoded).
    public var infoFields: [String]
    /// FORMAT fields to copy for the selected samples.
    public var formatFields: [String]
    /// Sample columns to read (by name); empty reads none.
    public var samples: [String]
    /// INFO fields whose raw text is re-checked strictly (htslib accepts `AF=0.25abc` as 0.25).
    public var strictInfoNumbers: [String]
    public var threads: Int
    /// Use a `.tbi`/`.csi` index when one is present and not older than the data.
    public var useIndex: Bool
    /// How many leading records the pre-filter skips are still reported (CHROM, POS, REF from the raw
    /// text) to ``sampledRecord``, for a genome-wide REF check that costs no parsing.
    public var sampleSkippedRecords = 0
    public var sampledRecord: ((_ contig: String, _ position: Int, _ reference: String) -> Void)?
    /// Called every 65,536 records of a streamed read with the records seen and the file bytes read so
    /// far (for a progress line; never part of a document).
    public var progress: ((_ records: Int, _ bytes: Int) -> Void)?

    public init(regions: [String: [ClosedRange<Int>]]? = nil, annotationKeywords: [String] = [],
                infoFields: [String] = [], formatFields: [String] = [], samples: [String] = [],
                strictInfoNumbers: [String] = [], threads: Int = 0, useIndex: Bool = true) {
        self.regions = regions; self.annotationKeywords = annotationKeywords; self.infoFields = infoFields
        self.formatFields = formatFields; self.samples = samples; self.strictInfoNumbers = strictInfoNumbers
        self.threads = threads; self.useIndex = useIndex
    }
}

/// What a read did: counts, warnings and the checksum of what was read.
public struct ReadSummary: Sendable {
    public var recordsSeen = 0
    public var recordsKept = 0
    /// Reason → count of records or alleles not passed on (`outside_watched_genes`, `non_primary_contig`, …).
    public var skipped: [String: Int] = [:]
    public var warnings: [String] = []
    /// INFO/FORMAT keys records use but the header does not declare (`FORMAT/AF`), in order first seen.
    public var undeclaredFields: [String] = []
    /// SHA-256 of the bytes read.
    public var sha256: String = ""
    /// `whole_file` (streamed) or `index_and_header` (index-driven read: the digest covers the index file).
    public var checksumScope = "whole_file"
    /// `stream` or `index`.
    public var mode = "stream"
    /// `VCF`, `VCF.gz (BGZF)`, `VCF.gz (gzip)`, `BCF`.
    public var container = ""
}

/// Reads VCF, VCF.gz (BGZF or plain gzip) and BCF through htslib.
///
/// `VCFReader` owns the `htsFile`, its `bcf_hdr_t`, a reusable `bcf1_t`, the line buffer and the
/// field buffers, and frees them in `deinit`. Records are copied into ``VariantRecord`` values, so
/// nothing returned points into htslib memory.
///
/// Streaming reads go through an hFILE that feeds ``InputDigest`` (the input is hashed as it is read). Text
/// VCF lines are pre-filtered on CHROM/POS before `vcf_parse` (docs/inputs.md); every kept record is parsed
/// by htslib and its numeric INFO fields are re-checked strictly.
public final class VCFReader {
    public let path: String
    public let header: VCFHeaderSummary

    private let file: UnsafeMutablePointer<htsFile>
    private let rawHeader: UnsafeMutablePointer<bcf_hdr_t>
    private let record: UnsafeMutablePointer<bcf1_t>
    private var line = kstring_t(l: 0, m: 0, s: nil)
    /// The streamed input's checksum, fed as htslib reads (nil for an index-driven read).
    private let digest: InputDigest?
    private let facts: InputFile.Facts
    private let isBCF: Bool
    private let isBGZF: Bool
    private var headerLines = 0
    private var summary = ReadSummary()
    private var floatBuffer: UnsafeMutablePointer<Float>? = nil
    private var floatCapacity: Int32 = 0
    private var intBuffer: UnsafeMutablePointer<Int32>? = nil
    private var intCapacity: Int32 = 0
    private var charBuffer: UnsafeMutablePointer<CChar>? = nil
    private var charCapacity: Int32 = 0
    private var indexPath: String?
    /// The index as the foreign-index check loaded it, kept for the read (a 5M-record index costs ~25 ms a load).
    private var loadedIndex: LoadedIndex?
    /// The contig of the last record handled and its canonical chromosome (nil: not a primary chromosome).
    private var lastContig: (name: String, canonical: String?) = ("", nil)
    /// FORMAT strings and INFO keys already checked against the header (undeclared ones warned once).
    private var checkedFormats = Set<[UInt8]>()
    private var checkedInfoKeys = Set<[UInt8]>()
    private var formatScratch: [UInt8] = []
    /// The last FORMAT column seen, its keys, and which of them are integer fields the run uses.
    private var integerFormat: (column: [UInt8], keys: [String], checked: [Int]) = ([], [], [])
    private var contigByID: [Int: String] = [:]
    /// BCF: the sample columns (header order) to pass on; nil when htslib subsets at read time (VCF text).
    private var sampleSelection: [Int]?

    /// The longest VCF line accepted (32 MiB): far above real records (a 4 MiB INFO, a 300 kb allele, 300
    /// ALTs pass), low enough that one corrupt line cannot take gigabytes through parsing and copying. A
    /// longer line is refused, naming it.
    public static let maximumLineLength = 32 << 20

    /// Opens the file, checks its container and reads the header.
    ///
    /// - Throws: ``VCFError`` naming the file: missing, directory, empty, not VCF/BCF, truncated
    ///   BGZF (no EOF marker), malformed header.
    public init(path: String, threads: Int = 0, allowIndex: Bool = true) throws(VCFError) {
        self.path = path
        let facts = try InputFile.check(path)
        self.facts = facts
        hts_set_log_level(HTS_LOG_OFF)
        let container = try VCFReader.sniff(path, size: facts.size)
        isBCF = container.isBCF
        isBGZF = container.isBGZF
        summary.container = container.name
        var warnings = container.warnings
        let index: (path: String?, warnings: [String], loaded: LoadedIndex?) = allowIndex && isBGZF
            ? VCFReader.chooseIndex(path, facts: facts, isBCF: isBCF) : (nil, [], nil)
        loadedIndex = index.loaded
        warnings += index.warnings
        indexPath = index.path

        // Open: streamed through the hashing hFILE, or directly (seekable) for an index-driven read.
        let opened: UnsafeMutablePointer<htsFile>?
        if index.path == nil {
            let digest = InputDigest()
            self.digest = digest
            let hf = try digest.openStream(path)
            opened = hts_hopen(hf, path, "r")
            if opened == nil { hclose_abruptly(hf) }
        } else {
            digest = nil
            opened = hts_open(path, "r")
        }
        guard let file = opened else { throw .unreadable(path: path, reason: "htslib could not open it") }
        if threads > 0 { _ = hts_set_threads(file, Int32(threads)) }

        // Header: text VCF is read line by line so record line numbers are exact.
        var buffer = kstring_t(l: 0, m: 0, s: nil)
        let hdr: UnsafeMutablePointer<bcf_hdr_t>
        var headerLines = 0
        do throws(VCFError) {
            if isBCF {
                // A BCF header's text is a few hundred kilobytes; a length beyond the line limit is corrupt
                // (htslib would first try to allocate it: gigabytes for a 13-byte file).
                let length = chts_bcf_header_length(path)
                if length > Int64(VCFReader.maximumLineLength) {
                    throw VCFError.malformedHeader(path: path, detail: "the BCF header claims \(length) bytes of text, more than the \(VCFReader.maximumLineLength >> 20) MiB nextline accepts: the file is corrupt")
                }
                guard let h = bcf_hdr_read(file) else { throw VCFError.malformedHeader(path: path, detail: "BCF header could not be read") }
                hdr = h
            } else {
                let text = try VCFReader.readTextHeader(file, path: path, buffer: &buffer)
                hdr = text.header; headerLines = text.lines; warnings += text.warnings
            }
        } catch {
            chts_ks_free(&buffer); hts_close(file)
            throw error
        }
        guard let record = bcf_init() else {
            bcf_hdr_destroy(hdr); chts_ks_free(&buffer); hts_close(file)
            throw .outOfMemory(path: path)
        }
        self.file = file
        self.rawHeader = hdr
        self.record = record
        self.line = buffer
        self.headerLines = headerLines
        do {
            self.header = try VCFReader.summarise(hdr, path: path)
        } catch {
            self.header = VCFHeaderSummary(samples: [], contigs: [], info: [:], format: [:], meta: [], fileFormat: nil)
            throw error
        }
        summary.warnings = warnings
        summary.mode = index.path == nil ? "stream" : "index"
    }

    /// The container, sniffed before any decoder sees the bytes: VCF or BCF, plain, gzip or BGZF (with its
    /// end-of-file marker). CRAM, BAM, other formats and other compressions are refused.
    static func sniff(_ path: String, size: Int) throws(VCFError) -> (isBCF: Bool, isBGZF: Bool, name: String, warnings: [String]) {
        var format = htsFormat()
        guard let peek = chts_hopen(path, "r") else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let detected = hts_detect_format(peek, &format)
        hclose_abruptly(peek)
        guard detected == 0 else { throw .notVariantFormat(path: path, detected: "an unrecognised format") }
        let fmt = format.format
        if fmt != vcf && fmt != bcf {
            if let why = VCFReader.explainNotVCF(path) { throw .notVariantFormat(path: path, detected: why) }
            let name = hts_format_description(&format).map { d -> String in
                let s = String(cString: d); free(d); return s
            } ?? "another format"
            throw .notVariantFormat(path: path, detected: name)
        }
        // Only plain text, gzip and BGZF: htslib may sniff an xz/bzip2/zstd stream as VCF and then abort.
        if format.compression != no_compression && format.compression != gzip && format.compression != bgzf {
            let kind = format.compression == xz_compression ? "xz" : format.compression == bzip2_compression ? "bzip2"
                : format.compression == zstd_compression ? "zstd" : "an unsupported compression"
            throw .notVariantFormat(path: path, detected: "a VCF compressed with \(kind); decompress it and recompress with bgzip")
        }
        let isBCF = fmt == bcf, isBGZF = format.compression == bgzf
        var warnings: [String] = []
        if format.compression == gzip {
            warnings.append("\(path): compressed with plain gzip, not BGZF: read as a stream, no index can be used (recompress with bgzip)")
        }
        if isBGZF && !InputFile.hasBGZFEndMarker(path, size: size) {
            throw .truncated(path: path, detail: "the BGZF end-of-file marker is missing; the file was cut short or not closed properly")
        }
        let name = isBCF ? "BCF" : (isBGZF ? "VCF.gz (BGZF)" : (format.compression == gzip ? "VCF.gz (gzip)" : "VCF"))
        return (isBCF, isBGZF, name, warnings)
    }

    /// A specific reason for a file htslib does not take as VCF/BCF, from its first bytes: a byte-order mark,
    /// bzip2/zip/xz compression, a VCF without its `##fileformat` line, CR-only line ends.
    static func explainNotVCF(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var head = [UInt8](repeating: 0, count: 65536)
        let n = head.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, f) }
        let b = head.prefix(n)
        func starts(_ p: [UInt8]) -> Bool { b.starts(with: p) }
        if starts([0xEF, 0xBB, 0xBF]) { return "text starting with a UTF-8 byte-order mark before ##fileformat; remove the mark" }
        if starts(Array("BZh".utf8)) { return "bzip2-compressed data; decompress it (bunzip2) and recompress with bgzip" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "a zip archive; unzip it and compress the VCF with bgzip" }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "xz-compressed data; decompress it (unxz) and recompress with bgzip" }
        let text = Array(b)
        if text.contains(13) && !text.contains(10) { return "text whose lines end with a carriage return only (CR); convert the line ends to LF" }
        if starts(Array("#CHROM".utf8)) || (starts(Array("##".utf8)) && !starts(Array("##fileformat".utf8))) {
            return "VCF-like text without the ##fileformat=VCFv4.x first line a VCF must start with"
        }
        return nil
    }

    /// The index to use: fresh (not older than the data) and belonging to this file (the first record is
    /// looked up through it). Otherwise none, with the reason, and the file is streamed.
    static func chooseIndex(_ path: String, facts: InputFile.Facts, isBCF: Bool) -> (path: String?, warnings: [String], loaded: LoadedIndex?) {
        var chosen: String? = nil
        var warnings: [String] = []
        for candidate in [path + ".tbi", path + ".csi"] {
            guard let mtime = InputFile.modified(candidate) else { continue }
            if InputFile.timespecLess(mtime, facts.modified) {
                warnings.append("\(candidate): index is older than the data file: not used, the file is streamed instead")
            } else if !isBCF || candidate.hasSuffix(".csi") {
                chosen = candidate
            }
            break
        }
        var loaded: LoadedIndex? = nil
        if let candidate = chosen {
            loaded = VCFReader.indexFinds(firstRecordOf: path, index: candidate, isBCF: isBCF)
            if loaded == nil {
                warnings.append("\(candidate): index does not match the data file (its contigs, first or last record are not where the index says): not used, the file is streamed instead")
                chosen = nil
            }
        }
        return (chosen, warnings, loaded)
    }

    /// Reads a text VCF header line by line (so record line numbers are exact) and has htslib parse it.
    static func readTextHeader(_ file: UnsafeMutablePointer<htsFile>, path: String, buffer: inout kstring_t)
        throws(VCFError) -> (header: UnsafeMutablePointer<bcf_hdr_t>, lines: Int, warnings: [String]) {
        var text = kstring_t(l: 0, m: 0, s: nil)
        defer { chts_ks_free(&text) }
        var lines = 0
        var warnings: [String] = []
        var sawChrom = false
        while true {
            let r = chts_getline(file, &buffer)
            if r < 0 {
                if r < -1 { throw .malformedHeader(path: path, detail: "read error inside the header (corrupt compression)") }
                break
            }
            lines += 1
            if Int(buffer.l) > VCFReader.maximumLineLength {
                throw .malformedHeader(path: path, detail: "header line \(lines) is \(buffer.l) bytes, longer than the \(VCFReader.maximumLineLength >> 20) MiB nextline accepts")
            }
            guard let s = buffer.s, buffer.l > 0 else { throw .malformedHeader(path: path, detail: "blank line \(lines) inside the header") }
            var l = Int(buffer.l)
            if strlen(s) != l { throw .malformedHeader(path: path, detail: "a NUL byte in header line \(lines)") }
            if l > 1, memchr(s, 13, l - 1) != nil {
                throw .malformedHeader(path: path, detail: "header line \(lines) holds a carriage return inside it: the line ends are CR only; convert them to LF")
            }
            if s[l - 1] == 13 { l -= 1; s[l] = 0; buffer.l = l }  // CRLF → LF
            if s[0] != 35 {  // '#'
                throw .malformedHeader(path: path, detail: "no #CHROM line before the first record (line \(lines))")
            }
            if lines == 1 && !(l >= 16 && strncmp(s, "##fileformat=VCF", 16) == 0) {
                let bom = l >= 3 && UInt8(bitPattern: s[0]) == 0xEF && UInt8(bitPattern: s[1]) == 0xBB && UInt8(bitPattern: s[2]) == 0xBF
                throw .malformedHeader(path: path, detail: bom ? "the file starts with a UTF-8 byte-order mark; remove it" : "line 1 is not ##fileformat=VCFv4.x")
            }
            if lines == 1 {
                let version = String(decoding: UnsafeRawBufferPointer(start: s + 16, count: l - 16), as: UTF8.self)
                // htslib 1.16 (Debian 12) reads VCF up to 4.4: a newer version is read as 4.x, and said.
                if !["v4.0", "v4.1", "v4.2", "v4.3", "v4.4"].contains(version) {
                    warnings.append("\(path): unknown VCF version '\(version)'; read as VCF 4.x")
                }
            }
            if l >= 6 && strncmp(s, "#CHROM", 6) == 0 {
                if let why = VCFReader.checkColumnsLine(s, length: l) { throw .malformedHeader(path: path, detail: why) }
                _ = kputsn(s, l, &text); _ = kputc(10, &text)
                sawChrom = true
                break
            }
            _ = kputsn(s, l, &text); _ = kputc(10, &text)
        }
        guard sawChrom else { throw .malformedHeader(path: path, detail: lines == 0 ? "no header lines" : "no #CHROM line") }
        guard let h = bcf_hdr_init("r") else { throw .outOfMemory(path: path) }
        if let t = text.s, bcf_hdr_parse(h, t) != 0 {
            bcf_hdr_destroy(h)
            throw .malformedHeader(path: path, detail: "htslib rejected the header (duplicate sample names or malformed ## lines)")
        }
        return (h, lines, warnings)
    }

    deinit {
        free(floatBuffer); free(intBuffer); free(charBuffer)
        chts_ks_free(&line)
        bcf_destroy(record)
        bcf_hdr_destroy(rawHeader)
        hts_close(file)
    }

    /// The file's size in bytes (for progress against the bytes read).
    public var fileSize: Int { facts.size }

    /// Whether an index-driven read is possible (fresh `.tbi`/`.csi` present).
    public var hasUsableIndex: Bool { indexPath != nil }

    /// The `#CHROM` line must be tab-separated with the 8 fixed columns (spaces are rejected).
    static func checkColumnsLine(_ s: UnsafeMutablePointer<CChar>, length: Int) -> String? {
        let text = String(decoding: UnsafeRawBufferPointer(start: s, count: length), as: UTF8.self)
        let fixed = ["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"]
        let cols = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if cols.count < 8 || Array(cols.prefix(8)) != fixed {
            return text.contains(" ") && !text.contains("\t")
                ? "the #CHROM line is separated by spaces, not tabs"
                : "the #CHROM line does not have the 8 fixed tab-separated columns"
        }
        if cols.count > 8 {
            if cols[8] != "FORMAT" { return "column 9 of the #CHROM line must be FORMAT" }
            let names = Array(cols.dropFirst(9))
            if names.contains(where: { $0.isEmpty }) { return "an empty sample name in the #CHROM line" }
            var seen = Set<String>()
            for n in names where !seen.insert(n).inserted { return "duplicate sample name '\(n)'" }
            if cols.count == 9 { return "a FORMAT column without sample columns" }
        }
        return nil
    }

    static func summarise(_ h: UnsafeMutablePointer<bcf_hdr_t>, path: String) throws(VCFError) -> VCFHeaderSummary {
        var samples: [String] = []
        for i in 0..<Int(chts_hdr_nsamples(h)) {
            guard let c = chts_hdr_sample(h, Int32(i)) else { continue }
            guard let name = String(validatingCString: c) else {
                throw .malformedHeader(path: path, detail: "sample name \(i + 1) is not valid UTF-8")
            }
            samples.append(name)
        }
        var contigs: [(name: String, length: Int?)] = []
        for i in 0..<Int(chts_hdr_ncontigs(h)) {
            guard let c = chts_hdr_contig_name(h, Int32(i)) else { continue }
            let len = Int(chts_hdr_contig_length(h, Int32(i)))
            contigs.append((String(cString: c), len > 0 ? len : nil))
        }
        var info: [String: FieldDeclaration] = [:]
        var format: [String: FieldDeclaration] = [:]
        var meta: [(key: String, value: String)] = []
        var fileFormat: String?
        for i in 0..<Int(chts_hdr_nhrec(h)) {
            guard let rec = chts_hdr_hrec(h, Int32(i)), let keyC = rec.pointee.key else { continue }
            let key = String(cString: keyC)
            if let v = rec.pointee.value {
                let value = String(cString: v)
                if key == "fileformat" { fileFormat = value } else { meta.append((key, value)) }
                continue
            }
            guard key == "INFO" || key == "FORMAT" else { continue }
            var fields: [String: String] = [:]
            for k in 0..<Int(rec.pointee.nkeys) {
                guard let kk = rec.pointee.keys[k], let vv = rec.pointee.vals[k] else { continue }
                var value = String(cString: vv)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                fields[String(cString: kk)] = value
            }
            guard let id = fields["ID"] else { continue }
            let decl = FieldDeclaration(number: fields["Number"] ?? ".", type: fields["Type"] ?? "String",
                                        description: fields["Description"] ?? "")
            if key == "INFO" { info[id] = decl } else { format[id] = decl }
        }
        return VCFHeaderSummary(samples: samples, contigs: contigs, info: info, format: format, meta: meta,
                                fileFormat: fileFormat)
    }

    // MARK: - Reading

    /// Reads the records the plan keeps and passes each to `body`, then finishes the file (hash,
    /// truncation checks) and returns the summary.
    public func read(_ plan: ReadPlan, _ body: (VariantRecord) throws -> Void) throws -> ReadSummary {
        numericTags = nil
        if isBCF {
            // BCF: no header-level subsetting. htslib would then unpack and subset the FORMAT block of every
            // record at read time, skipped ones included; the chosen columns are picked from kept records only.
            var chosen: [Int] = []
            for name in plan.samples {
                guard let i = header.samples.firstIndex(of: name) else {
                    throw VCFError.sampleNotFound(path: path, sample: name, available: header.samples)
                }
                chosen.append(i)
            }
            sampleSelection = chosen
        } else if !plan.samples.isEmpty || !header.samples.isEmpty {
            let list = plan.samples.joined(separator: ",")
            let r = plan.samples.isEmpty ? bcf_hdr_set_samples(rawHeader, nil, 0)
                                         : bcf_hdr_set_samples(rawHeader, list, 0)
            if r != 0 {
                let missing = plan.samples.first { !header.samples.contains($0) } ?? list
                throw VCFError.sampleNotFound(path: path, sample: missing, available: header.samples)
            }
        }
        var filter = RegionFilter(plan: plan, contigs: header.contigs)
        if summary.mode == "index", let regions = plan.regions, plan.annotationKeywords.isEmpty {
            try readIndexed(regions: regions, plan: plan, filter: &filter, body)
        } else {
            if summary.mode == "index" && !plan.annotationKeywords.isEmpty {
                summary.warnings.append("\(path): streamed instead of using the index, because genes without a known span are placed by the file's annotations")
            }
            summary.mode = "stream"
            if isBCF { try readBCFStream(plan: plan, filter: &filter, body) }
            else {
                do { try readTextStream(plan: plan, filter: &filter, body) } catch let error as VCFError {
                    throw corruptionBehind(error)
                }
            }
        }
        return try finish()
    }

    /// A malformed line in compressed input is often the visible end of a corrupt block: htslib hands on
    /// what it inflated before the block failed its check. Reading on tells the two apart, so the user
    /// hears "corrupt compressed data", not a misleading column count.
    private func corruptionBehind(_ error: VCFError) -> VCFError {
        guard case .malformedRecord(_, let location, _) = error, summary.container != "VCF" else { return error }
        var errcode = chts_bgzf_errcode(file)
        if errcode == 0 {
            var probe = kstring_t(l: 0, m: 0, s: nil)
            defer { chts_ks_free(&probe) }
            for _ in 0..<4 where errcode == 0 {
                let r = chts_getline(file, &probe)
                if r < -1 { errcode = -1 }
                if r == -1 { break }
                errcode = chts_bgzf_errcode(file) != 0 ? chts_bgzf_errcode(file) : errcode
            }
        }
        guard errcode != 0 else { return error }
        return .truncated(path: path, detail: "corrupt compressed data near \(location): a BGZF block failed its CRC check or could not be inflated")
    }

    private func finish() throws -> ReadSummary {
        if let digest {
            if digest.bytes != facts.size {
                throw VCFError.truncated(path: path, detail: "read \(digest.bytes) of \(facts.size) bytes")
            }
            summary.sha256 = digest.hasher.hexDigest()
            summary.checksumScope = "whole_file"
        } else if let indexPath {
            var h = SHA256()
            if let data = VCFReader.readWholeFile(indexPath) { h.update(data) }
            summary.sha256 = h.hexDigest()
            summary.checksumScope = "index_file:" + (indexPath.split(separator: "/").last.map(String.init) ?? indexPath)
        }
        return summary
    }

    static func readWholeFile(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 16, f) }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Columns every record line must have: 8 fixed, then FORMAT and one per sample.
    private var expectedColumns: Int { header.samples.isEmpty ? 8 : 9 + header.samples.count }

    private func readTextStream(plan: ReadPlan, filter: inout RegionFilter, _ body: (VariantRecord) throws -> Void) throws {
        var lineNumber = headerLines
        var sampled = 0
        var infoCopy: [UInt8] = []
        // Hot state in locals, folded into the summary at the end: no per-line dictionary update, and no
        // dynamic exclusivity check on the reader's stored properties.
        var text = line
        let expectedColumns = self.expectedColumns
        var seen = 0, outside = 0, nonPrimary = 0
        defer {
            line = text
            summary.recordsSeen += seen
            if outside > 0 { summary.skipped[RegionFilter.SkipReason.outsideWatchedGenes.rawValue, default: 0] += outside }
            if nonPrimary > 0 { summary.skipped[RegionFilter.SkipReason.nonPrimaryContig.rawValue, default: 0] += nonPrimary }
        }
        while true {
            let r = chts_getline(file, &text)
            if r < -1 {
                throw VCFError.truncated(path: path, detail: "read error after line \(lineNumber) (corrupt or truncated compressed data)")
            }
            if r == -1 { break }
            lineNumber += 1
            if Int(text.l) > VCFReader.maximumLineLength {
                throw VCFError.malformedRecord(path: path, location: "line \(lineNumber)",
                                               detail: "the line is \(text.l) bytes, longer than the \(VCFReader.maximumLineLength >> 20) MiB nextline accepts")
            }
            guard let s = text.s else { continue }
            var l = Int(text.l)
            if l > 0 && s[l - 1] == 13 { l -= 1; s[l] = 0; text.l = l }
            if l == 0 {
                throw VCFError.malformedRecord(path: path, location: "line \(lineNumber)", detail: "blank line")
            }
            if s[0] == 35 {
                throw VCFError.malformedRecord(path: path, location: "line \(lineNumber)", detail: "a header line after #CHROM")
            }
            seen += 1
            if seen & 0xFFFF == 0, let progress = plan.progress { progress(summary.recordsSeen + seen, digest?.bytes ?? 0) }
            // Every line, kept or skipped, must be structurally sound: tab-separated with the header's
            // column count and an integer POS (a line of spaces would otherwise pass as an odd contig).
            let shape = s.withMemoryRebound(to: UInt8.self, capacity: l) { LineShape($0, length: l) }
            if shape.hasNUL {
                throw VCFError.malformedRecord(path: path, location: "line \(lineNumber)", detail: "a NUL byte inside the line")
            }
            let columns = shape.columns
            let tabs = (first: shape.firstTab, second: shape.secondTab)
            var posDigits = 0, posBad = false
            if tabs.first >= 0 {
                let end = tabs.second >= 0 ? tabs.second : l
                for i in (tabs.first + 1)..<max(tabs.first + 1, end) {
                    let b = s[i]
                    if b >= 48 && b <= 57 { posDigits += 1 } else { posBad = true }
                }
            }
            if columns != expectedColumns {
                let spaces = columns == 1 && (0..<l).contains { s[$0] == 32 }
                throw VCFError.malformedRecord(path: path, location: "line \(lineNumber)",
                                               detail: spaces ? "separated by spaces, not tabs" : "\(columns) tab-separated columns, but the #CHROM line has \(expectedColumns)")
            }
            if posBad || posDigits == 0 {
                throw VCFError.malformedRecord(path: path, location: "line \(lineNumber)", detail: "POS is not a whole number")
            }
            if !(1...posDigits).contains(where: { s[tabs.first + $0] != 48 }) {
                // POS 0 is VCF's telomere before base 1 (or a 0-based POS bug): it cannot hold a watched allele.
                skipTelomere(contig: String(decoding: UnsafeRawBufferPointer(start: s, count: tabs.first), as: UTF8.self),
                             location: "line \(lineNumber)")
                continue
            }
            // Pre-filter on the raw text: CHROM and POS, without parsing the record.
            switch filter.decide(line: s, length: l) {
            case .invalid(let why):
                throw VCFError.malformedRecord(path: path, location: "line \(lineNumber)", detail: why)
            case .skip(let reason):
                if reason == .outsideWatchedGenes { outside += 1 } else { nonPrimary += 1 }
                if sampled < plan.sampleSkippedRecords, let report = plan.sampledRecord {
                    sampled += 1
                    var chrom: [UInt8] = [], pos: [UInt8] = [], ref: [UInt8] = []
                    VCFReader.copyColumn(0, of: s, length: l, into: &chrom)
                    VCFReader.copyColumn(1, of: s, length: l, into: &pos)
                    VCFReader.copyColumn(3, of: s, length: l, into: &ref)
                    if let p = Int(String(decoding: pos, as: UTF8.self)) {
                        report(String(decoding: chrom, as: UTF8.self), p, String(decoding: ref, as: UTF8.self))
                    }
                }
                continue
            case .parse:
                break
            }
            infoCopy.removeAll(keepingCapacity: true)
            VCFReader.copyColumn(7, of: s, length: l, into: &infoCopy)
            warnUndeclared(info: infoCopy, line: s, length: l, lineNumber: lineNumber)
            try checkFormatIntegers(line: s, length: l, fields: plan.formatFields, line: lineNumber)
            let status = vcf_parse(&text, rawHeader, record)
            if status < 0 {
                // vcf_parse turned the tabs of the columns it read into NULs: CHROM and POS are still there.
                var chromPos: [UInt8] = []
                var i = 0, field = 0
                while i < min(l, 400), field < 2 {
                    let b = UInt8(bitPattern: s[i])
                    if b == 0 || b == 9 { field += 1; if field == 1 { chromPos.append(UInt8(ascii: ":")) } } else { chromPos.append(b) }
                    i += 1
                }
                let at = String(decoding: chromPos.prefix(200), as: UTF8.self)
                throw VCFError.malformedRecord(path: path, location: "\(at) (line \(lineNumber))",
                                               detail: "htslib could not parse it (a non-numeric FORMAT value, a wrong number of columns, or a bad POS)")
            }
            try handle(plan: plan, filter: &filter, line: lineNumber, rawInfo: infoCopy, body)
        }
    }

    private func readBCFStream(plan: ReadPlan, filter: inout RegionFilter, _ body: (VariantRecord) throws -> Void) throws {
        var ordinal = 0
        var sampled = 0
        var seen = 0, outside = 0, nonPrimary = 0
        defer {
            summary.recordsSeen += seen
            if outside > 0 { summary.skipped[RegionFilter.SkipReason.outsideWatchedGenes.rawValue, default: 0] += outside }
            if nonPrimary > 0 { summary.skipped[RegionFilter.SkipReason.nonPrimaryContig.rawValue, default: 0] += nonPrimary }
        }
        while true {
            let r = bcf_read(file, rawHeader, record)
            if r == -1 { break }
            ordinal += 1
            if r < -1 {
                throw VCFError.malformedRecord(path: path, location: "record \(ordinal)", detail: "htslib could not decode it (status \(r))")
            }
            seen += 1
            if ordinal & 0xFFFF == 0, let progress = plan.progress { progress(ordinal, digest?.bytes ?? 0) }
            if record.pointee.pos < 0 {
                skipTelomere(contig: contigName(id: Int(record.pointee.rid)) ?? "?", location: "record \(ordinal)")
                continue
            }
            // Cheap test on the decoded position before unpacking anything (BCF has no raw line).
            if let reason = filter.quickSkip(contigID: Int(record.pointee.rid), start: Int(record.pointee.pos) + 1,
                                             length: Int(record.pointee.rlen), reader: self) {
                if reason == .outsideWatchedGenes { outside += 1 } else { nonPrimary += 1 }
                if sampled < plan.sampleSkippedRecords, let report = plan.sampledRecord,
                   let contig = contigName(id: Int(record.pointee.rid)) {
                    sampled += 1
                    _ = bcf_unpack(record, BCF_UN_STR)
                    if record.pointee.n_allele > 0, let ref = chts_rec_allele(record, 0) {
                        report(contig, Int(record.pointee.pos) + 1, String(cString: ref))
                    }
                }
                continue
            }
            summary.recordsSeen += seen  // handle() names a BCF record by its ordinal
            seen = 0
            try handle(plan: plan, filter: &filter, line: nil, rawInfo: nil, body)
        }
    }

    /// GT and the numeric FORMAT fields the plan reads, resolved once per read (not per record).
    private var numericTags: [String]?
    private func numericFormatTags(_ plan: ReadPlan) -> [String] {
        if let numericTags { return numericTags }
        let tags = ["GT"] + plan.formatFields.filter { declaredType($0, format: true).map { $0 == BCF_HT_INT || $0 == BCF_HT_REAL } == true }
        numericTags = tags
        return tags
    }

    /// Integer FORMAT values the run uses (DP, AD, …) that do not fit htslib's 32-bit integers: htslib
    /// reads them as missing without a word, and the depth would then silently come from another field.
    private func checkFormatIntegers(line s: UnsafeMutablePointer<CChar>, length l: Int, fields: [String], line lineNumber: Int?) throws {
        guard !fields.isEmpty else { return }
        formatScratch.removeAll(keepingCapacity: true)
        VCFReader.copyColumn(8, of: s, length: l, into: &formatScratch)
        if formatScratch != integerFormat.column {
            let keys = formatScratch.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            integerFormat = (formatScratch, keys, keys.indices.filter { fields.contains(keys[$0]) && declaredType(keys[$0], format: true) == BCF_HT_INT })
        }
        let (_, keys, checked) = integerFormat
        guard !checked.isEmpty else { return }
        var column = 0, start = 0
        for i in 0...l where i == l || s[i] == 9 {
            if column >= 9 {
                let sample = UnsafeRawBufferPointer(start: s + start, count: i - start)
                let values = sample.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
                for k in checked where k < values.count {
                    for element in values[k].split(separator: UInt8(ascii: ",")) where element.count >= 10 {
                        let text = String(decoding: element, as: UTF8.self)
                        guard let v = Int(text), v > Int(Int32.max) || v < Int(Int32.min) + 8 else { continue }
                        var chromPos: [UInt8] = [], pos: [UInt8] = []
                        VCFReader.copyColumn(0, of: s, length: l, into: &chromPos)
                        VCFReader.copyColumn(1, of: s, length: l, into: &pos)
                        let at = String(decoding: chromPos.prefix(200), as: UTF8.self) + ":" + String(decoding: pos, as: UTF8.self)
                            + (lineNumber.map { " (line \($0))" } ?? "")
                        throw VCFError.invalidValue(path: path, location: at, field: "FORMAT/\(keys[k])",
                                                    detail: "\(text) does not fit a 32-bit integer (htslib would read it as missing)")
                    }
                }
            }
            column += 1
            start = i + 1
        }
    }

    /// A record at POS 0 (the telomere before base 1 in VCF 4.3, or a 0-based position written by a
    /// broken converter): skipped and said, by location, for the first few.
    private func skipTelomere(contig: String, location: String) {
        let count = summary.skipped["pos_0_telomere", default: 0]
        summary.skipped["pos_0_telomere"] = count + 1
        if count < 5 {
            summary.warnings.append("\(path): \(contig):0 at \(location) has POS 0 (a telomere, or a 0-based position): skipped, it cannot hold a variant")
        }
    }

    /// The contig name of a header contig id (for the BCF quick test).
    func contigName(id: Int) -> String? {
        guard id >= 0, id < Int(chts_hdr_ncontigs(rawHeader)), let c = chts_hdr_contig_name(rawHeader, Int32(id)) else { return nil }
        return String(cString: c)
    }

    /// A FORMAT or INFO key a kept record uses but the header does not declare: htslib would read it with
    /// a guessed type and the measurer would not use it, so say so once per key.
    private func warnUndeclared(info: [UInt8], line s: UnsafeMutablePointer<CChar>, length l: Int, lineNumber: Int) {
        formatScratch.removeAll(keepingCapacity: true)
        VCFReader.copyColumn(8, of: s, length: l, into: &formatScratch)
        if !formatScratch.isEmpty, !checkedFormats.contains(formatScratch) {
            checkedFormats.insert(formatScratch)
            for key in formatScratch.split(separator: UInt8(ascii: ":")) {
                let name = String(decoding: key, as: UTF8.self)
                if header.format[name] == nil {
                    summary.undeclaredFields.append("FORMAT/\(name)")
                    summary.warnings.append("\(path): FORMAT/\(name) (first at line \(lineNumber)) is not declared in the header: not used")
                }
            }
        }
        guard info != [UInt8(ascii: ".")] else { return }
        for item in info.split(separator: UInt8(ascii: ";")) {
            let key = item.prefix { $0 != UInt8(ascii: "=") }
            guard !key.isEmpty, !checkedInfoKeys.contains(Array(key)) else { continue }
            checkedInfoKeys.insert(Array(key))
            let name = String(decoding: key, as: UTF8.self)
            if header.info[name] == nil {
                summary.undeclaredFields.append("INFO/\(name)")
                summary.warnings.append("\(path): INFO/\(name) (first at line \(lineNumber)) is not declared in the header: not used")
            }
        }
    }

    /// Whether the index returns the file's first record when asked for its position (a cheap proof
    /// that the index describes this file; true for a file without records).
    /// The index, loaded, when it belongs to the data file (nil when it does not, or cannot be read).
    static func indexFinds(firstRecordOf path: String, index: String, isBCF: Bool) -> LoadedIndex? {
        guard let fp = hts_open(path, "r") else { return nil }
        defer { hts_close(fp) }
        // A text header is parsed from its lines (htslib's vcf_hdr_read would load the .tbi once more).
        var scratch = kstring_t(l: 0, m: 0, s: nil)
        defer { chts_ks_free(&scratch) }
        let header: UnsafeMutablePointer<bcf_hdr_t>? = isBCF ? bcf_hdr_read(fp) : (try? VCFReader.readTextHeader(fp, path: path, buffer: &scratch))?.header
        guard let hdr = header else { return nil }
        defer { bcf_hdr_destroy(hdr) }
        guard let first = bcf_init(), let probe = bcf_init() else { return nil }
        defer { bcf_destroy(first); bcf_destroy(probe) }
        let loaded: LoadedIndex
        if isBCF {
            guard let idx = chts_bcf_index_load2(path, index) else { return nil }
            loaded = LoadedIndex(.csi(idx))
        } else {
            guard let tbx = tbx_index_load2(path, index) else { return nil }
            loaded = LoadedIndex(.tabix(tbx))
        }
        guard bcf_read(fp, hdr, first) == 0 else { return loaded }  // no record: nothing to contradict the index
        guard let name = chts_rec_seqname(hdr, first) else { return nil }
        let chrom = String(cString: name)
        let pos = Int(first.pointee.pos) + 1
        switch loaded.kind {
        case .csi(let idx):
            let region = "\(chrom):\(pos)-\(pos)"
            guard let itr = chts_bcf_itr_querys(idx, hdr, region) else { return nil }
            defer { hts_itr_destroy(itr) }
            while chts_bcf_itr_next(fp, itr, probe) >= 0 {
                if probe.pointee.rid == first.pointee.rid && probe.pointee.pos == first.pointee.pos { return loaded }
            }
            return nil
        case .tabix(let tbx):
            return tbxMatches(fp: fp, tbx: tbx, hdr: hdr, chrom: chrom, pos: pos, probe: probe, path: path) ? loaded : nil
        }
    }

    /// The tabix checks of ``indexFinds``: contigs, then the first and the last record where the index says.
    private static func tbxMatches(fp: UnsafeMutablePointer<htsFile>, tbx: UnsafeMutablePointer<tbx_t>, hdr: UnsafeMutablePointer<bcf_hdr_t>,
                                   chrom: String, pos: Int, probe: UnsafeMutablePointer<bcf1_t>, path: String) -> Bool {
        // Every sequence the index names must be a contig of this file's header.
        var n: Int32 = 0
        if let names = chts_tbx_seqnames(tbx, &n) {
            defer { free(UnsafeMutableRawPointer(mutating: names)) }
            for i in 0..<Int(n) {
                guard let c = names[i] else { continue }
                if bcf_hdr_name2id(hdr, c) < 0 { return false }
            }
        }
        // The first record, and the last one (read from the file's final BGZF blocks), must both be where
        // the index points: an index copied from another file that happens to begin alike fails here.
        guard tbxFinds(fp: fp, tbx: tbx, hdr: hdr, chrom: chrom, pos: pos, probe: probe) else { return false }
        if let (lastChrom, lastPos) = lastRecord(path) {
            return tbxFinds(fp: fp, tbx: tbx, hdr: hdr, chrom: lastChrom, pos: lastPos, probe: probe)
        }
        return true
    }

    /// Whether a tabix query at chrom:pos returns a record at exactly that position.
    static func tbxFinds(fp: UnsafeMutablePointer<htsFile>, tbx: UnsafeMutablePointer<tbx_t>, hdr: UnsafeMutablePointer<bcf_hdr_t>,
                         chrom: String, pos: Int, probe: UnsafeMutablePointer<bcf1_t>) -> Bool {
        guard let itr = chts_tbx_itr_querys(tbx, "\(chrom):\(pos)-\(pos)") else { return false }
        defer { hts_itr_destroy(itr) }
        var line = kstring_t(l: 0, m: 0, s: nil)
        defer { chts_ks_free(&line) }
        let rid = bcf_hdr_name2id(hdr, chrom)
        while chts_tbx_itr_next(fp, tbx, itr, &line) >= 0 {
            guard vcf_parse(&line, hdr, probe) == 0 else { return false }
            if probe.pointee.rid == rid && Int(probe.pointee.pos) + 1 == pos { return true }
        }
        return false
    }

    /// CHROM and POS of the last record of a bgzipped VCF, from its last BGZF blocks (found by walking the
    /// block chain that ends at the end-of-file marker); nil when they cannot be told (then only the first
    /// record is checked).
    static func lastRecord(_ path: String) -> (String, Int)? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        guard fseeko(f, 0, SEEK_END) == 0 else { return nil }
        let size = Int(ftello(f))
        let window = min(size, 1 << 18)
        guard window > 28, fseeko(f, off_t(size - window), SEEK_SET) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: window)
        guard bytes.withUnsafeMutableBytes({ fread($0.baseAddress, 1, window, f) }) == window else { return nil }
        // Block starts in the window whose chain of BSIZE lengths lands exactly on the EOF marker.
        let end = window - 28
        var starts: [Int] = []
        for i in 0..<max(0, end - 18) where bytes[i] == 0x1f && bytes[i + 1] == 0x8b && bytes[i + 2] == 8 && bytes[i + 3] == 4
            && bytes[i + 12] == 0x42 && bytes[i + 13] == 0x43 {
            var j = i
            while j < end, j + 18 <= bytes.count, bytes[j] == 0x1f, bytes[j + 1] == 0x8b {
                j += Int(bytes[j + 16]) + Int(bytes[j + 17]) << 8 + 1
            }
            if j == end { starts.append(i) }
            if starts.count >= 3 { break }
        }
        guard let first = starts.first else { return nil }
        var last = kstring_t(l: 0, m: 0, s: nil), before = kstring_t(l: 0, m: 0, s: nil)
        defer { chts_ks_free(&last); chts_ks_free(&before) }
        // Two or more lines read: the last one is complete (the first may have started in an earlier block).
        guard chts_bgzf_tail_lines(path, Int64(size - window + first), &last, &before) >= 2, let s = last.s, last.l > 0 else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(start: s, count: Int(last.l)), as: UTF8.self)
        let fields = text.split(separator: "\t", maxSplits: 2)
        guard fields.count >= 2, !text.hasPrefix("#"), let pos = Int(fields[1]) else { return nil }
        return (String(fields[0]), pos)
    }

    private func readIndexed(regions: [String: [ClosedRange<Int>]], plan: ReadPlan, filter: inout RegionFilter,
                             _ body: (VariantRecord) throws -> Void) throws {
        guard let indexPath else { return }
        // Contig names as the file writes them, per canonical chromosome.
        var names: [String: String] = [:]
        for c in header.contigs { if let canon = ContigName.canonical(c.name), names[canon] == nil { names[canon] = c.name } }
        // Query windows: each gene interval padded upstream (a deletion can start before it), then
        // merged. All windows go to one htslib multi-region iterator (hts_itr_regions): it merges the
        // index chunks of every window, reads each BGZF block once and forwards only, and returns a
        // record that overlaps several windows once — in file order, the order of a streamed read.
        let windows = RegionFilter.merge(regions.mapValues { $0.map { max(1, $0.lowerBound - RegionFilter.upstreamPadding)...$0.upperBound } })
        if isBCF {
            // The index the foreign-index check loaded; the stored property keeps it alive for the read.
            if loadedIndex == nil {
                guard let idx = chts_bcf_index_load2(path, indexPath) else {
                    throw VCFError.indexUnusable(path: path, detail: "\(indexPath) could not be loaded")
                }
                loadedIndex = LoadedIndex(.csi(idx))
            }
            guard let owned = loadedIndex, case .csi(let idx) = owned.kind else {
                throw VCFError.indexUnusable(path: path, detail: "\(indexPath) is not a CSI index")
            }
            let regions = VCFReader.regionStrings(windows, names: names) { _ in true }
            guard let itr = try iterator(over: regions, { chts_bcf_itr_regions(idx, rawHeader, $0, $1) }) else { return }
            defer { hts_itr_destroy(itr) }
            while true {
                let r = chts_bcf_itr_multi_next(file, itr, record)
                if r == -1 { break }
                if r < -1 { throw VCFError.malformedRecord(path: path, location: VCFReader.location(of: itr, regions: regions), detail: "htslib could not decode a record (status \(r))") }
                // Samples: BCF reads keep every column; handle() picks the chosen ones (sampleSelection).
                summary.recordsSeen += 1
                try handle(plan: plan, filter: &filter, line: nil, rawInfo: nil, body)
            }
        } else {
            if loadedIndex == nil {
                guard let tbx = tbx_index_load2(path, indexPath) else {
                    throw VCFError.indexUnusable(path: path, detail: "\(indexPath) could not be loaded")
                }
                loadedIndex = LoadedIndex(.tabix(tbx))
            }
            guard let owned = loadedIndex, case .tabix(let tbx) = owned.kind else {
                throw VCFError.indexUnusable(path: path, detail: "\(indexPath) is not a tabix index")
            }
            // Only contigs the index knows: htslib warns about the others.
            let regions = VCFReader.regionStrings(windows, names: names) { chts_tbx_name2id(tbx, $0) >= 0 }
            guard let itr = try iterator(over: regions, { chts_tbx_itr_regions(tbx, $0, $1) }) else { return }
            defer { hts_itr_destroy(itr) }
            var infoCopy: [UInt8] = []
            while true {
                let r = chts_tbx_itr_multi_next(file, tbx, itr, &line)
                if r == -1 { break }
                if r < -1 { throw VCFError.truncated(path: path, detail: "read error in region \(VCFReader.location(of: itr, regions: regions))") }
                guard let s = line.s else { continue }
                let l = Int(line.l)
                infoCopy.removeAll(keepingCapacity: true)
                VCFReader.copyColumn(7, of: s, length: l, into: &infoCopy)
                try checkFormatIntegers(line: s, length: l, fields: plan.formatFields, line: nil)
                if vcf_parse(&line, rawHeader, record) < 0 {
                    throw VCFError.malformedRecord(path: path, location: VCFReader.location(of: itr, regions: regions), detail: "htslib could not parse a record")
                }
                summary.recordsSeen += 1
                try handle(plan: plan, filter: &filter, line: nil, rawInfo: infoCopy, body)
            }
        }
    }

    /// `contig:start-end` for every window, in the file's contig spelling, for contigs `known` accepts.
    private static func regionStrings(_ windows: [String: [ClosedRange<Int>]], names: [String: String],
                                      known: (String) -> Bool) -> [String] {
        var out: [String] = []
        for (chrom, ranges) in windows.sorted(by: { $0.key < $1.key }) {
            guard let contig = names[chrom], known(contig) else { continue }
            for range in ranges { out.append("\(contig):\(range.lowerBound)-\(range.upperBound)") }
        }
        return out
    }

    /// htslib's multi-region iterator over `regions` (made by `make` from their C strings); nil when there is
    /// no region to read; a failure to build one is an error, never an empty read.
    private func iterator(over regions: [String],
                          _ make: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, Int32) -> UnsafeMutablePointer<hts_itr_t>?) throws
        -> UnsafeMutablePointer<hts_itr_t>? {
        guard !regions.isEmpty else { return nil }
        guard let itr = VCFReader.withCStrings(regions, make) else {
            throw VCFError.indexUnusable(path: path, detail: "htslib could not build an iterator over the \(regions.count) catalogue regions")
        }
        return itr
    }

    /// Calls `body` with the strings as a C `char **` and their count; the copies live for the call.
    /// Nil for an empty list.
    private static func withCStrings<T>(_ strings: [String],
                                        _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, Int32) -> T?) -> T? {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { for p in pointers { free(p) } }
        return pointers.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return body(base, Int32(strings.count))
        }
    }

    /// Where a multi-region read stopped, for error messages: the contig and position of the last record
    /// htslib placed, or the regions asked for.
    private static func location(of itr: UnsafeMutablePointer<hts_itr_t>, regions: [String]) -> String {
        let pos = itr.pointee.curr_beg
        let asked = "the \(regions.count) catalogue regions (\(regions.first ?? "")…)"
        return pos > 0 ? "\(asked), after the record at position \(pos + 1)" : asked
    }

    /// A BCF float (32-bit) as the shortest decimal that round-trips, i.e. the value the VCF text had
    /// (`0.031`, not `0.03099999949`).
    static func decimal(_ f: Float) -> Double { Double("\(f)") ?? Double(f) }

    /// Copies tab-separated column `index` (0-based) of a raw line.
    static func copyColumn(_ index: Int, of s: UnsafeMutablePointer<CChar>, length: Int, into out: inout [UInt8]) {
        var col = 0, i = 0
        while i < length && col < index { if s[i] == 9 { col += 1 }; i += 1 }
        while i < length && s[i] != 9 { out.append(UInt8(bitPattern: s[i])); i += 1 }
    }

    // MARK: - One parsed record

    private func handle(plan: ReadPlan, filter: inout RegionFilter, line: Int?, rawInfo: [UInt8]?,
                        _ body: (VariantRecord) throws -> Void) throws {
        let rec = record
        let rid = Int(rec.pointee.rid)
        let contig: String
        if let cached = contigByID[rid] { contig = cached } else {
            contig = chts_rec_seqname(rawHeader, rec).map { String(cString: $0) } ?? "?"
            contigByID[rid] = contig
        }
        let position = Int(rec.pointee.pos) + 1
        var location: String { "\(contig):\(position)" + (line.map { " (line \($0))" } ?? " (record \(summary.recordsSeen))") }
        var problems: [String] = []
        if rec.pointee.errcode & BCF_ERR_CTG_UNDEF != 0 {
            problems.append("contig \(contig) is not declared in the header")
            summary.warnings.append("\(path): contig '\(contig)' at \(location) is not declared in the header")
        }
        if rec.pointee.errcode & (BCF_ERR_TAG_UNDEF | BCF_ERR_TAG_INVALID) != 0 {
            problems.append("an INFO/FORMAT tag is undeclared or invalid")
        }
        if rec.pointee.errcode & ~(BCF_ERR_CTG_UNDEF | BCF_ERR_TAG_UNDEF | BCF_ERR_TAG_INVALID) != 0 {
            throw VCFError.malformedRecord(path: path, location: location, detail: "htslib error code \(rec.pointee.errcode)")
        }
        if let raw = rawInfo, raw.contains(where: { $0 >= 0x80 }), String(validating: raw, as: UTF8.self) == nil {
            summary.warnings.append("\(path): INFO at \(location) has bytes that are not UTF-8 (kept as read; text fields shown with replacement characters)")
        }
        // Sorted input: the canonical name is resolved once per contig, not per record.
        if contig != lastContig.name { lastContig = (contig, ContigName.canonical(contig)) }
        guard let chrom = lastContig.canonical else {
            summary.skipped["non_primary_contig", default: 0] += 1
            return
        }
        if position < 1 {
            skipTelomere(contig: contig, location: line.map { "line \($0)" } ?? "record \(summary.recordsSeen)")
            return
        }
        _ = bcf_unpack(rec, chts_un_all())
        let nAllele = Int(rec.pointee.n_allele)
        guard nAllele >= 1, let refC = chts_rec_allele(rec, 0) else {
            throw VCFError.malformedRecord(path: path, location: location, detail: "no REF allele")
        }
        let reference = String(cString: refC)
        var alternates: [String] = []
        for i in 1..<max(nAllele, 1) { if let a = chts_rec_allele(rec, Int32(i)) { alternates.append(String(cString: a)) } }
        // Exact overlap now that REF length and END are known.
        let infoEnd: Int? = VCFReader.intInfo("END", rawInfo: rawInfo, header: declaredType("END", format: false) != nil)
        let end = max(position + max(Int(rec.pointee.rlen), reference.count) - 1, infoEnd ?? 0)
        if !filter.overlaps(chromosome: chrom, start: position, end: end) && !filter.keywordHit(rawInfo: rawInfo, record: self) {
            summary.skipped["outside_watched_genes", default: 0] += 1
            return
        }
        var filters: [String] = []
        for i in 0..<Int(rec.pointee.d.n_flt) {
            if let f = chts_rec_filter(rawHeader, rec, Int32(i)) { filters.append(String(cString: f)) }
        }
        let id = chts_rec_id(rec).map { String(cString: $0) }
        var info: [String: FieldValue] = [:]
        for tag in plan.infoFields {
            if let v = try infoValue(tag, location: location, rawInfo: rawInfo, strict: plan.strictInfoNumbers.contains(tag)) {
                info[tag] = v
            }
        }
        var samples: [SampleFields] = []
        let nSample = Int(chts_rec_nsample(rec))
        let chosen = sampleSelection?.filter { $0 < nSample } ?? Array(0..<nSample)
        if nSample > 0 && !chosen.isEmpty {
            // htslib 1.16 exits the process from inside its getters when a numeric FORMAT field (or GT)
            // was stored as text: refuse the record first, by name.
            for tag in numericFormatTags(plan) {
                if chts_fmt_is_numeric(rawHeader, rec, tag) == 0 {
                    throw VCFError.malformedRecord(path: path, location: location,
                                                   detail: "FORMAT/\(tag) holds values htslib cannot read as \(tag == "GT" ? "genotypes" : "numbers")")
                }
            }
            var perSample = [[String: FieldValue]](repeating: [:], count: nSample)
            for tag in plan.formatFields {
                guard let values = try formatValues(tag, samples: nSample) else { continue }
                for i in chosen where i < values.count { if let v = values[i] { perSample[i][tag] = v } }
            }
            let gts = genotypes(samples: nSample)
            let names = sampleSelection != nil ? header.samples : (plan.samples.isEmpty ? header.samples : plan.samples)
            for i in chosen {
                samples.append(SampleFields(name: i < names.count ? names[i] : "sample\(i + 1)",
                                            fields: perSample[i], genotype: gts?.alleles[i], phased: gts?.phased[i] ?? false))
            }
        }
        summary.recordsKept += 1
        try body(VariantRecord(contig: contig, position: position, identifier: id == "." ? nil : id,
                               reference: reference, alternates: alternates, filters: filters, info: info,
                               samples: samples, line: line, problems: problems))
    }

    private static func intInfo(_ key: String, rawInfo: [UInt8]?, header declared: Bool) -> Int? {
        guard declared, let raw = rawInfo else { return nil }
        return rawInfoValue(key, in: raw).flatMap { Int($0) }
    }

    /// Declared type of an INFO (`format` false) or FORMAT tag, looked up in the header once per tag.
    private var tagTypes: [String: Int32] = [:]
    private func declaredType(_ tag: String, format: Bool) -> Int32? {
        let key = (format ? "F/" : "I/") + tag
        if let t = tagTypes[key] { return t < 0 ? nil : t }
        var type: Int32 = 0, number: Int32 = 0, vl: Int32 = 0
        let found = chts_hdr_tag_info(rawHeader, format ? 1 : 0, tag, &type, &number, &vl) != 0
        tagTypes[key] = found ? type : -1
        return found ? type : nil
    }

    private func infoValue(_ tag: String, location: @autoclosure () -> String, rawInfo: [UInt8]?, strict: Bool) throws -> FieldValue? {
        guard let type = declaredType(tag, format: false) else { return nil }
        if strict, let raw = rawInfo {
            try VCFReader.checkRawNumbers(tag: tag, raw: raw, declaredType: type, location: location(), path: path)
        }
        switch type {
        case BCF_HT_FLAG:
            return chts_get_info_flag(rawHeader, record, tag) == 1 ? .flag : nil
        case BCF_HT_INT:
            let n = chts_get_info_int32(rawHeader, record, tag, &intBuffer, &intCapacity)
            guard n > 0, let buf = intBuffer else { return nil }
            var out: [Int?] = []
            for i in 0..<Int(n) {
                let v = buf[i]
                if v == chts_int32_vector_end() { break }
                out.append(v == chts_int32_missing() ? nil : Int(v))
            }
            return .integers(out)
        case BCF_HT_REAL:
            let n = chts_get_info_float(rawHeader, record, tag, &floatBuffer, &floatCapacity)
            guard n > 0, let buf = floatBuffer else { return nil }
            var out: [Double?] = []
            for i in 0..<Int(n) {
                let v = buf[i]
                if chts_float_is_vector_end(v) != 0 { break }
                out.append(chts_float_is_missing(v) != 0 ? nil : VCFReader.decimal(v))
            }
            return .floats(out)
        default:
            let n = chts_get_info_string(rawHeader, record, tag, &charBuffer, &charCapacity)
            guard n > 0, let buf = charBuffer else { return nil }
            let bytes = UnsafeRawBufferPointer(start: buf, count: Int(n))
            let clipped = bytes.prefix { $0 != 0 }
            if let s = String(validating: clipped, as: UTF8.self) { return .string(s) }
            summary.warnings.append("\(path): INFO/\(tag) at \(location()) has bytes that are not UTF-8; shown with replacement characters")
            return .string(String(decoding: clipped, as: UTF8.self))
        }
    }

    /// Strict re-check of a numeric INFO field's text: htslib turns `abc` into missing, `0.25abc` into
    /// 0.25 and `0,12` into two numbers without a word.
    static func checkRawNumbers(tag: String, raw: [UInt8], declaredType: Int32, location: String, path: String) throws {
        guard declaredType == BCF_HT_INT || declaredType == BCF_HT_REAL, let value = rawInfoValue(tag, in: raw) else { return }
        for element in value.split(separator: ",", omittingEmptySubsequences: false) {
            if element == "." { continue }
            let ok = declaredType == BCF_HT_INT ? Int(element).map { $0 <= Int(Int32.max) && $0 >= Int(Int32.min) + 8 } ?? false
                                                : Double(element).map { $0.isFinite } ?? false
            if !ok {
                let overflow = declaredType == BCF_HT_INT && Int(element) != nil
                throw VCFError.invalidValue(path: path, location: location, field: "INFO/\(tag)",
                                            detail: overflow ? "'\(value)' does not fit a 32-bit integer (htslib would read it as missing)"
                                                : "'\(value)' is not a \(declaredType == BCF_HT_INT ? "whole number" : "number")")
            }
        }
    }

    /// The raw text of `key=value` in an INFO column, found on the bytes (no copy of the whole column).
    static func rawInfoValue(_ key: String, in raw: [UInt8]) -> String? {
        let k = Array(key.utf8) + [UInt8(ascii: "=")]
        guard raw.count > k.count else { return nil }
        var i = 0
        while i + k.count <= raw.count {
            if (i == 0 || raw[i - 1] == UInt8(ascii: ";")) && raw[i] == k[0] && raw[i..<(i + k.count)].elementsEqual(k) {
                var j = i + k.count
                while j < raw.count && raw[j] != UInt8(ascii: ";") { j += 1 }
                return String(decoding: raw[(i + k.count)..<j], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    private func formatValues(_ tag: String, samples n: Int) throws -> [FieldValue?]? {
        guard let type = declaredType(tag, format: true) else { return nil }
        switch type {
        case BCF_HT_INT:
            let total = chts_get_format_int32(rawHeader, record, tag, &intBuffer, &intCapacity)
            guard total > 0, let buf = intBuffer else { return nil }
            let per = Int(total) / n
            return (0..<n).map { s in
                var out: [Int?] = []
                for j in 0..<per {
                    let v = buf[s * per + j]
                    if v == chts_int32_vector_end() { break }
                    out.append(v == chts_int32_missing() ? nil : Int(v))
                }
                return out.allSatisfy({ $0 == nil }) && out.count <= 1 ? nil : .integers(out)
            }
        case BCF_HT_REAL:
            let total = chts_get_format_float(rawHeader, record, tag, &floatBuffer, &floatCapacity)
            guard total > 0, let buf = floatBuffer else { return nil }
            let per = Int(total) / n
            return (0..<n).map { s in
                var out: [Double?] = []
                for j in 0..<per {
                    let v = buf[s * per + j]
                    if chts_float_is_vector_end(v) != 0 { break }
                    out.append(chts_float_is_missing(v) != 0 ? nil : VCFReader.decimal(v))
                }
                return out.allSatisfy({ $0 == nil }) && out.count <= 1 ? nil : .floats(out)
            }
        case BCF_HT_STR:
            let total = chts_get_format_char(rawHeader, record, tag, &charBuffer, &charCapacity)
            guard total > 0, let buf = charBuffer else { return nil }
            let per = Int(total) / n
            return (0..<n).map { s in
                let bytes = UnsafeRawBufferPointer(start: buf + s * per, count: per).prefix { $0 != 0 }
                let str = String(decoding: bytes, as: UTF8.self)
                return str.isEmpty || str == "." ? nil : .string(str)
            }
        default:
            return nil
        }
    }

    /// Genotype allele indices per sample, and whether each sample's genotype is phased ('|').
    private func genotypes(samples n: Int) -> (alleles: [[Int?]], phased: [Bool])? {
        let total = chts_get_genotypes(rawHeader, record, &intBuffer, &intCapacity)
        guard total > 0, let buf = intBuffer else { return nil }
        let per = Int(total) / n
        var alleles: [[Int?]] = [], phased: [Bool] = []
        for s in 0..<n {
            var out: [Int?] = []
            var isPhased = per > 1
            for j in 0..<per {
                let g = buf[s * per + j]
                if g == chts_int32_vector_end() { break }
                if j > 0 && chts_gt_is_phased(g) == 0 { isPhased = false }
                out.append(chts_gt_is_missing(g) != 0 ? nil : Int(chts_gt_allele(g)))
            }
            if out.count < 2 { isPhased = false }
            alleles.append(out)
            phased.append(isPhased)
        }
        return (alleles, phased)
    }

    /// Annotation INFO strings of the current record (for the keyword pre-filter of BCF records).
    func annotationText() -> String {
        var out = ""
        for tag in ["CSQ", "ANN", "EFF", "BCSQ"] {
            let n = chts_get_info_string(rawHeader, record, tag, &charBuffer, &charCapacity)
            if n > 0, let buf = charBuffer {
                out += String(decoding: UnsafeRawBufferPointer(start: buf, count: Int(n)).prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return out
    }
}

/// An index loaded through htslib (a tabix `.tbi` or a `.csi`), freed with its last owner.
final class LoadedIndex {
    enum Kind {
        case tabix(UnsafeMutablePointer<tbx_t>)
        case csi(OpaquePointer)
    }
    let kind: Kind
    init(_ kind: Kind) { self.kind = kind }
    deinit {
        switch kind {
        case .tabix(let t): tbx_destroy(t)
        case .csi(let i): hts_idx_destroy(i)
        }
    }
}
