public import VariantModel
public import Interpretation

/// Provenance of one input, as the renderers need it (no htslib types).
public struct InputRecord: Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var checksumScope: String
    public var build: String
    public var buildEvidence: String
    public var sample: String?
    public var sampleChoice: String
    public var container: String
    public var readMode: String
    public var recordsRead: Int
    public var vafSources: [String]
    public var role: String?
    public var id: String?

    public init(path: String, sha256: String, checksumScope: String, build: String, buildEvidence: String, sample: String?,
                sampleChoice: String, container: String, readMode: String, recordsRead: Int, vafSources: [String],
                role: String? = nil, id: String? = nil) {
        self.path = path; self.sha256 = sha256; self.checksumScope = checksumScope; self.build = build
        self.buildEvidence = buildEvidence; self.sample = sample; self.sampleChoice = sampleChoice
        self.container = container; self.readMode = readMode; self.recordsRead = recordsRead; self.vafSources = vafSources
        self.role = role; self.id = id
    }

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "path": .string(path), "sha256": .string(sha256), "checksum_scope": .string(checksumScope),
            "genome_build": .string(build), "build_evidence": .string(buildEvidence), "sample": .optional(sample),
            "sample_choice": .string(sampleChoice), "container": .string(container), "read_mode": .string(readMode),
            "records_read": .int(recordsRead), "vaf_sources": .strings(vafSources),
        ]
        if let role { o["role"] = .string(role) }
        if let id { o["id"] = .string(id) }
        return .object(o)
    }
}

/// The `nextline/scan/v1` document (DESIGN §4b) and its TSV form.
public struct ScanReport: Sendable {
    public var catalogueVersion: String
    public var catalogueSHA256: String
    public var input: InputRecord
    public var result: ScanResult
    /// `--reference`/`--gff` provenance (or null).
    public var referenceInputs: JSONValue

    public init(catalogueVersion: String, catalogueSHA256: String, input: InputRecord, result: ScanResult,
                referenceInputs: JSONValue = .null) {
        self.catalogueVersion = catalogueVersion; self.catalogueSHA256 = catalogueSHA256; self.input = input; self.result = result
        self.referenceInputs = referenceInputs
    }

    public var json: JSONValue {
        var doc = skeleton
        if case .object(var o) = doc {
            o["findings"] = .array(result.findings.map(ScanReport.findingJSON))
            o["not_assessable"] = .array(result.notAssessable.map(FindingJSON.notAssessable))
            doc = .object(o)
        }
        return doc
    }

    /// The document without findings and not-assessable records (empty arrays), for streaming.
    public var skeleton: JSONValue {
        [
            "schema": "nextline/scan/v1",
            "tool": ["name": .string(ToolInfo.name), "version": .string(ToolInfo.version)],
            "catalogue": ["version": .string(catalogueVersion), "sha256": .string(catalogueSHA256)],
            "inputs": [input.json],
            "reference_inputs": referenceInputs,
            "findings": [],
            "not_assessable": [],
            "skipped": .object(result.skipped.mapValues { .int($0) }),
            "warnings": .strings(result.warnings),
        ]
    }

    public static func findingJSON(_ f: Finding) -> JSONValue {
        let samples = f.measurement.map { [FindingJSON.measurement($0)] } ?? []
        return .object(FindingJSON.finding(f, samples: samples))
    }

    public static let tsvColumns = ["gene", "hgvsp", "hgvsp_long", "hgvsc", "transcript", "consequence", "chrom", "pos", "ref",
                                    "alt", "genome_build", "sample", "vaf", "alt_reads", "depth", "vaf_source", "depth_source",
                                    "detected", "filter", "identified_by", "notes"]

    public var tsv: String {
        var out = tsvHeader
        for f in result.findings { out += ScanReport.tsvRow(f) }
        for n in result.notAssessable { out += ScanReport.tsvNotAssessable(n) }
        return out + tsvTrailer
    }

    /// Provenance lines and the column line.
    public var tsvHeader: String {
        var out = "##nextline_version=\(ToolInfo.version)\n"
        out += "##catalogue_version=\(catalogueVersion)\n##catalogue_sha256=\(catalogueSHA256)\n"
        out += "##input=\(input.path)\n##input_sha256=\(input.sha256) (\(input.checksumScope))\n"
        out += "##genome_build=\(input.build) (\(input.buildEvidence))\n"
        out += "##sample=\(input.sample ?? ".") (\(input.sampleChoice))\n"
        if case .object(let r) = referenceInputs {
            if let f = r["fasta"] { out += "##reference=\(f["path"]?.text ?? "") (fai sha256 \(f["fai_sha256"]?.text ?? ""))\n" }
            if let m = r["transcript_models"] { out += "##transcript_models=\(m["path"]?.text ?? "") (sha256 \(m["sha256"]?.text ?? ""), \(m["checksum_scope"]?.text ?? ""))\n" }
        }
        for w in result.warnings { out += "##warning=\(ScanReport.clean(w))\n" }
        return out + "#" + ScanReport.tsvColumns.joined(separator: "\t") + "\n"
    }

    /// The skipped counts, after the rows.
    public var tsvTrailer: String {
        var out = ""
        for (k, v) in result.skipped.sorted(by: { $0.key < $1.key }) { out += "##skipped=\(k)\t\(v)\n" }
        return out
    }

    public static func tsvNotAssessable(_ n: NotAssessable) -> String {
        "##not_assessable=\(n.gene ?? "."):\(n.contig):\(n.position):\(n.reference):\(n.alternate): \(clean(n.reason))\n"
    }

    public static func tsvRow(_ f: Finding) -> String {
        let m = f.measurement
        var notes = f.disagreements
        if let s = f.structural { notes.append("\(s.kind.rawValue) \(s.start)-\(s.end)" + (s.copyNumber.map { " CN=\(JSONValue.double($0).serialized(pretty: false))" } ?? "")) }
        for d in m?.disagreements ?? [] { notes.append("VAF \(d.vaf) from \(d.source)") }
        let row: [String] = [
            f.gene, f.proteinChange.flatMap { $0.position == nil ? nil : $0.oneLetter } ?? (f.copyNumber?.rawValue ?? "."),
            f.proteinChange.flatMap { $0.position == nil ? nil : $0.threeLetter } ?? ".", f.hgvsc ?? ".", f.transcript ?? ".",
            f.consequence?.term ?? ".", f.contig, String(f.position), f.reference, f.alternate, f.build.rawValue,
            m?.sample.isEmpty == false ? m?.sample ?? "." : ".",
            m?.vaf.map { JSONValue.double(FindingJSON.round6($0)).serialized(pretty: false) } ?? "not_reported",
            m?.altReads.map(String.init) ?? "not_reported", m?.depth.map(String.init) ?? "not_reported",
            m?.vafSource ?? ".", m?.depthSource ?? ".", m.map { $0.detected ? "yes" : "no" } ?? ".",
            f.filters.isEmpty ? "." : f.filters.joined(separator: ";"), f.identifiedBy.joined(separator: ";"),
            notes.isEmpty ? "." : notes.joined(separator: "; "),
        ]
        return row.map(clean).joined(separator: "\t") + "\n"
    }

    static func clean(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return s }
        return String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
