import Foundation
import Yams
public import Catalogue
public import VariantModel

/// A patient's case (docs/case-file.md, case file v1): tumour type, therapy history, samples, non-VCF
/// biomarkers and candidate next therapies. Drug and tumour-type names are resolved against the
/// catalogue's vocabularies when the case is read.
public struct PatientCase: Sendable {
    public struct TherapyLine: Sendable, Hashable {
        public var line: Int
        /// Generic drug names (regimens expanded; classes are not drugs and are refused).
        public var drugs: [String]
        public var asWritten: [String]
        public var start: String?
        public var end: String?
        public var bestResponse: String?
    }
    public enum SampleRole: String, Sendable, Hashable, CaseIterable { case baseline, progression, normal }
    public enum SampleKind: String, Sendable, Hashable, CaseIterable {
        case tissue, plasma, wbc
        /// The kind for a name as labs write it: `ctDNA`, `cfDNA`, `liquid biopsy` are plasma; `PBMC`,
        /// `buffy coat`, `blood normal` are the white-cell normal; `FFPE`, `biopsy` are tissue.
        public init?(caseText: String) {
            let k = vocabularyKey(caseText)
            if let exact = SampleKind(rawValue: k) { self = exact; return }
            switch k {
            // "blood" alone is ambiguous (plasma cfDNA or a white-cell normal): refused, not guessed.
            case "ctdna", "cfdna", "liquid", "liquidbiopsy", "cellfreedna", "circulatingtumordna", "circulatingtumourdna": self = .plasma
            case "pbmc", "buffycoat", "bloodnormal", "germline", "whitebloodcells", "leukocytes", "normalblood": self = .wbc
            case "ffpe", "biopsy", "tumor", "tumour", "frozen", "resection", "cytology": self = .tissue
            default: return nil
            }
        }
    }
    public struct Sample: Sendable, Hashable {
        public var id: String
        public var role: SampleRole
        public var kind: SampleKind
        /// Path to the VCF/BCF, resolved relative to the case file.
        public var vcf: String?
        public var column: String?
        public var collected: String?
        public var tumourFraction: Double?
        /// False when the case did not say the kind (tissue is then assumed, and said when the file looks
        /// like a liquid biopsy).
        public var kindGiven: Bool = true
        /// Aligned reads of the sample (`bam:` or `cram:`, relative to the case file), counted at the
        /// catalogue's alleles and at every allele the case's other samples report (read-level evidence).
        public var reads: String?
        /// The reference FASTA the reads were aligned to (`reference:`; a CRAM cannot be decoded without it).
        public var reference: String?
        /// The read group sample (`@RG SM`) to count when the reads file holds several (`reads_sample:`).
        public var readsSample: String?
        /// Whether the sample was sequenced: a variant file, a reads file or both (else results only).
        public var isSequenced: Bool { vcf != nil || reads != nil }

        /// The keys a sample may have in a case file.
        static let keys = ["id", "role", "kind", "vcf", "bam", "cram", "reference", "reads_sample", "sample", "collected",
                           "tumor_fraction", "notes"]

        public init(id: String, role: SampleRole, kind: SampleKind, vcf: String? = nil, column: String? = nil,
                    collected: String? = nil, tumourFraction: Double? = nil) {
            self.id = id; self.role = role; self.kind = kind; self.vcf = vcf; self.column = column
            self.collected = collected; self.tumourFraction = tumourFraction
        }
    }
    public struct Biomarker: Sendable, Hashable {
        public var name: String
        /// HGNC symbol when the name is a gene or alias; nil for an unknown name (a warning).
        public var gene: String?
        public var isoform: String?
        public var method: String
        public var result: String
        public var sample: String?
    }
    public struct Candidate: Sendable, Hashable {
        public var text: String
        public var terms: [DrugVocabulary.Term]
        /// The component drugs (a class candidate lists none).
        public var drugs: [String]
        /// False for a candidate the catalogue's vocabulary does not know (verdict `not_in_catalogue`).
        public var known: Bool = true
        /// The closest known name, for an unknown candidate.
        public var suggestion: String? = nil
        public init(text: String, terms: [DrugVocabulary.Term], drugs: [String], known: Bool = true, suggestion: String? = nil) {
            self.text = text; self.terms = terms; self.drugs = drugs; self.known = known; self.suggestion = suggestion
        }
    }

    public var caseID: String
    public var tumourType: String
    public var tumourTypeAsWritten: String
    public var age: Int?
    public var sex: String?
    public var genomeBuild: GenomeBuild?
    public var therapyLines: [TherapyLine]
    public var samples: [Sample]
    public var biomarkers: [Biomarker]
    public var candidates: [Candidate]
    /// Where the case's values were given: "the case file" or "the command line" (said in explanations).
    public var givenIn: String = "the case file"
    /// Warnings found while reading (unknown biomarker names, …).
    public var warnings: [String]

    public init(caseID: String, tumourType: String, tumourTypeAsWritten: String, therapyLines: [TherapyLine],
                samples: [Sample], biomarkers: [Biomarker], candidates: [Candidate], genomeBuild: GenomeBuild? = nil,
                age: Int? = nil, sex: String? = nil, warnings: [String] = []) {
        self.caseID = caseID; self.tumourType = tumourType; self.tumourTypeAsWritten = tumourTypeAsWritten
        self.therapyLines = therapyLines; self.samples = samples; self.biomarkers = biomarkers
        self.candidates = candidates; self.genomeBuild = genomeBuild; self.age = age; self.sex = sex; self.warnings = warnings
    }
}

/// Reads and validates case files; errors name the file, the key and the closest known value.
public enum CaseReader {
    /// The drugs of a therapy as written: split on `+`; a part the vocabulary does not know as a whole
    /// (`dabrafenib and trametinib`, `carboplatin/pemetrexed`, `FOLFOX, bevacizumab`) is split on the
    /// other separators people write, but only when every piece is then a known name
    /// (`trifluridine/tipiracil` stays one drug).
    public static func therapyParts(_ text: String, catalogue: Catalogue) -> [String] {
        var out: [String] = []
        for raw in text.split(separator: "+") {
            let part = raw.trimmed()
            guard !part.isEmpty else { continue }
            if catalogue.drugs.resolve(part) != nil { out.append(part); continue }
            var pieces = [part]
            for sep in [" and ", " plus ", " with ", ",", "/", "&", ";"] {
                pieces = pieces.flatMap { (p: String) -> [String] in p.components(separatedBy: sep) }
                    .map { (p: String) -> String in p.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            out += pieces.count > 1 && pieces.allSatisfy({ catalogue.drugs.resolve($0) != nil }) ? pieces : [part]
        }
        return out
    }

    public static let biomarkerMethods = ["IHC", "ISH", "FISH", "NGS", "RT-PCR", "CTC-mRNA", "ddPCR", "other"]
    public static let biomarkerResults = ["0", "1+", "2+", "3+", "amplified", "not amplified", "equivocal", "positive",
                                          "negative", "high", "low", "detected", "not detected"]

    /// Parses a case file (YAML or JSON). `directory` resolves relative sample paths.
    public static func read(text: String, path: String, directory: String, catalogue: Catalogue) throws(CaseFileError) -> PatientCase {
        let sink = ProblemSinkPublic()
        guard let root = composeCase(text, path: path, sink: sink) else { throw CaseFileError(problems: sink.problems) }
        let c = build(root, path: path, directory: directory, catalogue: catalogue, sink: sink)
        if let c, sink.problems.isEmpty { return c }
        throw CaseFileError(problems: sink.problems)
    }

    static func composeCase(_ text: String, path: String, sink: ProblemSinkPublic) -> Node? {
        do {
            guard let n = try Yams.compose(yaml: text, .basic) else { sink.add(path, nil, "the case file is empty"); return nil }
            return n
        } catch {
            sink.add(path, nil, "not valid YAML/JSON: \(String(describing: error).split(separator: "\n").first ?? "")")
            return nil
        }
    }

    static let topKeys: Set<String> = ["case_id", "tumor_type", "patient", "genome_build", "therapy_lines", "samples",
                                       "biomarkers", "candidates", "notes"]

    static func build(_ root: Node, path: String, directory: String, catalogue: Catalogue, sink: ProblemSinkPublic) -> PatientCase? {
        guard case .mapping(let top) = root else { sink.add(path, root, "the case file must be a mapping"); return nil }
        let r = CaseFileReader(path: path, directory: directory, catalogue: catalogue, sink: sink)
        var values: [String: Node] = [:]
        for (k, v) in top {
            guard let key = k.scalar?.string else { continue }
            if !topKeys.contains(key) {
                let hint = Suggest.closest(to: key, in: Array(topKeys)).map { " (did you mean '\($0)'?)" } ?? ""
                sink.add(path, k, "unknown key '\(key)'\(hint)")
                continue
            }
            values[key] = v
        }
        let caseID = r.scalar(values["case_id"], "case_id") ?? ""
        if values["case_id"] == nil { sink.add(path, root, "required key 'case_id' is missing") }
        let tumourWritten = r.scalar(values["tumor_type"], "tumor_type") ?? ""
        var tumour = ""
        if values["tumor_type"] == nil { sink.add(path, root, "required key 'tumor_type' is missing (an OncoTree code such as LUAD)") }
        else {
            let (code, problem) = tumourType(tumourWritten, catalogue: catalogue)
            tumour = code ?? ""
            if let problem { sink.add(path, values["tumor_type"], "tumor_type: \(problem)") }
        }
        var build: GenomeBuild? = nil
        if let b = r.scalar(values["genome_build"], "genome_build") {
            build = GenomeBuild(parsing: b)
            if build == nil { sink.add(path, values["genome_build"], "genome_build: '\(b)' is not GRCh37 or GRCh38") }
        }
        let (age, sex) = r.patient(values["patient"])
        let lines = r.therapyLines(values["therapy_lines"])
        let samples = r.samples(values["samples"])
        var warnings: [String] = []
        let biomarkers = r.biomarkers(values["biomarkers"], samples: samples, warnings: &warnings)
        var candidates: [PatientCase.Candidate] = []
        for text in values["candidates"]?.sequence?.compactMap({ $0.scalar?.string }) ?? [] {
            let (c, warning) = candidate(text, catalogue: catalogue)
            candidates.append(c)
            if let warning { warnings.append("\(path): \(warning)") }
        }
        if let c = values["candidates"], c.sequence == nil { sink.add(path, c, "candidates must be a list") }
        return PatientCase(caseID: caseID, tumourType: tumour, tumourTypeAsWritten: tumourWritten, therapyLines: lines,
                           samples: samples, biomarkers: biomarkers, candidates: candidates, genomeBuild: build, age: age,
                           sex: sex, warnings: warnings)
    }
}

/// The sections of one case file, read node by node; problems go to the sink with the node's line.
struct CaseFileReader {
    let path: String
    let directory: String
    let catalogue: Catalogue
    let sink: ProblemSinkPublic

    func scalar(_ n: Node?, _ key: String) -> String? {
        guard let n else { return nil }
        guard let s = n.scalar?.string else { sink.add(path, n, "'\(key)' must be a single value"); return nil }
        return s
    }

    func patient(_ node: Node?) -> (age: Int?, sex: String?) {
        guard let p = node else { return (nil, nil) }
        guard case .mapping(let pm) = p else { sink.add(path, p, "patient must be a mapping {age, sex}"); return (nil, nil) }
        var age: Int? = nil, sex: String? = nil
        for (k, v) in pm {
            switch k.scalar?.string ?? "" {
            case "age": age = v.scalar.flatMap { Int($0.string) }
                if age == nil { sink.add(path, v, "patient.age must be a whole number") }
            case "sex": sex = v.scalar?.string
            default: sink.add(path, k, "patient: unknown key '\(k.scalar?.string ?? "")' (age, sex)")
            }
        }
        return (age, sex)
    }

    func therapyLines(_ node: Node?) -> [PatientCase.TherapyLine] {
        var lines: [PatientCase.TherapyLine] = []
        for (i, node) in (node?.sequence.map(Array.init) ?? []).enumerated() {
            guard case .mapping(let m) = node else { sink.add(path, node, "therapy_lines[\(i)] must be a mapping"); continue }
            let drugsNode = m.first { $0.key.scalar?.string == "drugs" }?.value
            let names = drugsNode.map { v in v.sequence.map { $0.compactMap { $0.scalar?.string } } ?? (v.scalar.map { [$0.string] } ?? []) } ?? []
            var (line, problems) = CaseReader.therapyLine(number: i + 1, names: names, catalogue: catalogue)
            for p in problems { sink.add(path, drugsNode ?? node, p == "lists no drugs" ? "therapy_lines[\(i)] lists no drugs" : "therapy_lines[\(i)].drugs: \(p)") }
            for (k, v) in m {
                let key = k.scalar?.string ?? ""
                switch key {
                case "line": line.line = v.scalar.flatMap { Int($0.string) } ?? (i + 1)
                case "drugs", "setting", "notes", "intent": break
                case "start": line.start = v.scalar?.string
                case "end": line.end = v.scalar?.string
                case "best_response":
                    line.bestResponse = v.scalar?.string
                    if let r = line.bestResponse, !["CR", "PR", "SD", "PD", "NE"].contains(r) {
                        sink.add(path, v, "therapy_lines[\(i)].best_response must be CR, PR, SD, PD or NE")
                    }
                default:
                    let hint = Suggest.closest(to: key, in: ["line", "drugs", "start", "end", "best_response"]).map { " (did you mean '\($0)'?)" } ?? ""
                    sink.add(path, k, "therapy_lines[\(i)]: unknown key '\(key)'\(hint)")
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// A path from the case file, relative to the case file's folder unless absolute.
    func resolve(_ value: String) -> String {
        value.hasPrefix("/") ? value : (directory == "." ? value : directory + "/" + value)
    }

    func samples(_ node: Node?) -> [PatientCase.Sample] {
        var samples: [PatientCase.Sample] = []
        for (i, node) in (node?.sequence.map(Array.init) ?? []).enumerated() {
            guard case .mapping(let m) = node else { sink.add(path, node, "samples[\(i)] must be a mapping"); continue }
            var s = PatientCase.Sample(id: "", role: .progression, kind: .tissue, vcf: nil, column: nil, collected: nil, tumourFraction: nil)
            var sawRole = false, sawKind = false
            for (k, v) in m {
                let key = k.scalar?.string ?? ""
                let value = v.scalar?.string ?? ""
                switch key {
                case "id": s.id = value
                case "role":
                    sawRole = true
                    if let r = PatientCase.SampleRole(rawValue: value) { s.role = r }
                    else { sink.add(path, v, "samples[\(i)].role: '\(value)' is not baseline, progression or normal") }
                case "kind":
                    sawKind = true
                    if let r = PatientCase.SampleKind(caseText: value) { s.kind = r }
                    else { sink.add(path, v, "samples[\(i)].kind: '\(value)' is not tissue, plasma (ctDNA, cfDNA) or wbc") }
                case "vcf": s.vcf = resolve(value)
                case "bam", "cram":
                    if let other = s.reads {
                        sink.add(path, v, "samples[\(i)]: give one reads file (bam: or cram:), not two (\(other) and \(value))")
                    }
                    s.reads = resolve(value)
                    let lower = value.lowercased()
                    if key == "bam" && lower.hasSuffix(".cram") || key == "cram" && lower.hasSuffix(".bam") {
                        sink.add(path, k, "samples[\(i)].\(key): '\(value)' looks like a \(key == "bam" ? "CRAM" : "BAM") file; use \(key == "bam" ? "cram" : "bam"):")
                    }
                case "reference": s.reference = resolve(value)
                case "reads_sample": s.readsSample = value
                case "sample": s.column = value
                case "collected": s.collected = value
                case "tumor_fraction":
                    if let f = Double(value), f >= 0, f <= 1 { s.tumourFraction = f }
                    else { sink.add(path, v, "samples[\(i)].tumor_fraction must be a fraction between 0 and 1 (got '\(value)')") }
                case "notes": break
                default:
                    let hint = Suggest.closest(to: key, in: PatientCase.Sample.keys).map { " (did you mean '\($0)'?)" } ?? ""
                    sink.add(path, k, "samples[\(i)]: unknown key '\(key)'\(hint)")
                }
            }
            if s.id.isEmpty { sink.add(path, node, "samples[\(i)] needs an id") }
            if s.reads == nil && (s.reference != nil || s.readsSample != nil) {
                sink.add(path, node, "samples[\(i)]: reference: and reads_sample: belong to a reads file (bam: or cram:), which the sample does not give")
            }
            if !sawRole { sink.add(path, node, "samples[\(i)] needs a role (baseline, progression or normal)") }
            s.kindGiven = sawKind
            if samples.contains(where: { $0.id == s.id }) { sink.add(path, node, "samples: duplicate id '\(s.id)'") }
            samples.append(s)
        }
        return samples
    }

    func biomarkers(_ node: Node?, samples: [PatientCase.Sample], warnings: inout [String]) -> [PatientCase.Biomarker] {
        var biomarkers: [PatientCase.Biomarker] = []
        for (i, node) in (node?.sequence.map(Array.init) ?? []).enumerated() {
            guard case .mapping(let m) = node else { sink.add(path, node, "biomarkers[\(i)] must be a mapping"); continue }
            var name = "", method = "other", result = ""
            var sampleID: String? = nil
            for (k, v) in m {
                let key = k.scalar?.string ?? ""
                let value = v.scalar?.string ?? ""
                switch key {
                case "name": name = value
                case "method": method = value
                case "result": result = value
                case "sample": sampleID = value
                case "notes": break
                default: sink.add(path, k, "biomarkers[\(i)]: unknown key '\(key)' (name, method, result, sample)")
                }
            }
            let (b, problems, warning) = CaseReader.biomarker(name: name, method: method, result: result, sample: sampleID, catalogue: catalogue)
            for p in problems { sink.add(path, node, "biomarkers[\(i)].\(p.hasPrefix("unknown method") ? "method" : "result"): \(p)") }
            if let sid = sampleID, !samples.contains(where: { $0.id == sid }) {
                sink.add(path, node, "biomarkers[\(i)].sample: no sample with id '\(sid)'")
            }
            if let warning { warnings.append("\(path): \(warning)") }
            biomarkers.append(b)
        }
        return biomarkers
    }
}

/// Every problem of a case file (or of the case given as flags), reported at once.
public struct CaseFileError: Error, Sendable, CustomStringConvertible {
    public var problems: [CatalogueProblem]
    public var description: String {
        if problems.count == 1, let p = problems.first { return p.description }
        return (["case invalid: \(problems.count) problems"] + problems.map { "  " + $0.description }).joined(separator: "\n")
    }
}

/// Problem collection for case files (same shape as catalogue problems).
final class ProblemSinkPublic {
    var problems: [CatalogueProblem] = []
    func add(_ file: String, _ node: Node?, _ message: String) {
        problems.append(CatalogueProblem(file: file, line: node?.mark.map { $0.line }, message: message))
    }
}

extension Substring {
    func trimmed() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
