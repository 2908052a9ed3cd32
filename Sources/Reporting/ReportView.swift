public import Interpretation

/// What the text, Markdown and HTML reports show, in the order they show it: a presentation of an
/// ``InterpretationDocument`` (labels, grouping, folding of restated class rows). It adds no clinical
/// judgement; every verdict, tier, status and test comes from the document.
public struct ReportView: Sendable {
    public struct Line: Sendable { public var number: Int; public var therapy: String; public var dates: String?; public var response: String? }
    public struct Sample: Sendable {
        public var id: String; public var role: String; public var kind: String; public var collected: String?
        public var tumorFraction: String?
    }
    public struct Condition: Sendable {
        public var biomarker: String; public var role: String; public var status: String; public var statusClass: String
        public var evidence: String?; public var settledBy: String?
    }
    public struct Reference: Sendable { public var label: String; public var url: String?; public var citation: String?; public var title: String? }

    /// A reference link a report may show as a link: plain `https://`/`http://` URLs only. A saved document
    /// read back by `render` can hold anything (`javascript:`); such a value is shown as text, not linked.
    static func safeLink(_ url: String) -> String? {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return nil }
        guard !url.contains(where: { $0.isWhitespace || "\"'<>`".contains($0) }) else { return nil }
        return url
    }
    public struct Rule: Sendable {
        public var id: String; public var title: String; public var effect: String; public var level: String
        public var studyTypes: String; public var tentative: Bool; public var mechanism: String
        public var conditions: [Condition]; public var references: [Reference]; public var originNote: String?
    }
    public struct Verdict: Sendable {
        public var therapy: String; public var kind: String; public var verdict: String; public var label: String
        /// CSS class of the verdict (`resistance`, `reduced`, `retest`, `sensitivity`, `none`).
        public var tone: String
        public var tags: [String]; public var tagText: String?; public var because: [String]
        public var foldedClasses: String?; public var classDiffers: String?
        public var rules: [Rule]; public var signals: String?; public var conflicting: String?; public var overridden: String?
        public var originNotes: [String]
        /// Conditions of the rules behind the verdict that this case did not test, with the settling test.
        public var untested: [String]
        public var hasUntested: Bool
    }
    public struct SampleValue: Sendable { public var sample: String; public var value: String }
    public struct Finding: Sendable {
        public var label: String; public var hgvsc: String; public var transcript: String; public var vaf: String
        public var depth: String; public var origin: String; public var classification: String; public var flags: String?
        public var note: String?; public var reason: String?; public var series: [SampleValue]; public var chart: VAFChart?
    }
    public struct Pair: Sendable { public var name: String; public var value: String }

    public var toolVersion: String
    public var catalogueVersion: String
    public var catalogueSHA256: String
    public var caseId: String
    public var tumorType: String
    public var genomeBuild: String
    public var latestSample: String
    public var lines: [Line]
    public var samples: [Sample]
    public var biomarkers: [Pair]
    public var acquired: [String]
    public var lost: [String]
    public var avoid: [String]
    public var reduced: [String]
    public var consider: [String]
    public var retest: [String]
    public var setAside: [String]
    public var verdicts: [Verdict]
    /// Every rule behind a shown verdict, once, in order of first appearance.
    public var evidence: [Rule]
    public var recommendations: [String]
    public var findings: [Finding]
    public var uncertainFindings: [Finding]
    public var setAsideFindings: [Finding]
    public var notAssessable: [String]
    public var tumorFractions: [Pair]
    public var warnings: [String]
    public var inputs: [Pair]
    public var provenance: [Pair]
    public var settings: [Pair]
    public var notice = ReportView.standardNotice
    // Section switches for the templates (mustache reads stored properties).
    public var hasBiomarkers = false, hasLost = false, hasRecommendations = false, hasUncertainFindings = false
    public var hasSetAsideFindings = false, hasNotAssessable = false, hasWarnings = false, hasReduced = false
    /// What the verdict words and evidence levels mean (shown with every report).
    public var legend: [Pair] = [
        Pair(name: "RESISTANCE", value: "a rule from patient data says the therapy is expected not to work; avoid unless a trial"),
        Pair(name: "REDUCED EFFICACY", value: "expected to work less well, or only partly (one component of a regimen), or only preclinical data say resistance"),
        Pair(name: "RE-TEST FIRST", value: "a biomarker must be re-tested before this therapy can be judged"),
        Pair(name: "SENSITIVITY", value: "a rule says the therapy keeps or gains activity in this situation"),
        Pair(name: "no known effect", value: "no catalogue rule about this therapy applies to this case (not a statement of efficacy)"),
        Pair(name: "not in catalogue", value: "the therapy is not in the catalogue's drug vocabulary, so nothing could be said about it"),
        Pair(name: "clinical randomised / clinical other", value: "evidence levels: randomised trials; other patient data (cohorts, case series)"),
        Pair(name: "preclinical / expert statement", value: "cell lines or animal models; a review's statement without cited data"),
        Pair(name: "AMP/ASCO/CAP tier", value: "for verdicts resting on a variant: clinical randomised → Tier I (level A/B), clinical other → Tier II (level C), preclinical or expert statement → Tier II (level D)"),
        Pair(name: "tentative", value: "the source itself calls the finding preliminary"),
        Pair(name: "preclinical only", value: "only cell-line or animal data apply; the verdict is capped at reduced efficacy"),
        Pair(name: "origin uncertain", value: "the verdict needs an acquired alteration and no baseline proved it absent"),
        Pair(name: "NOT TESTED", value: "a condition of a rule the case has no result for; the verdict may change once it is tested"),
    ]
    public static let standardNotice = "Decision support for a molecular tumour board: it supports, and does not replace, clinical judgement. For research use until validated in your laboratory."

    public init(_ doc: InterpretationDocument) {
        let c = doc.patientCase
        toolVersion = doc.tool.version
        catalogueVersion = doc.catalogue.version
        catalogueSHA256 = doc.catalogue.sha256
        caseId = c.caseId
        tumorType = c.tumorTypeName.map { "\($0) (\(c.tumorType))" } ?? c.tumorType
        genomeBuild = doc.genomeBuild ?? "unknown build"
        latestSample = doc.latestProgressionSample ?? "no progression sample"
        lines = c.therapyLines.map { l in
            let dates = [l.start, l.end].compactMap { $0 }
            return Line(number: l.line, therapy: l.asWritten.joined(separator: " + "),
                        dates: dates.isEmpty ? nil : dates.joined(separator: " – "), response: l.bestResponse)
        }
        samples = c.samples.map { s in
            let tf = doc.tumorFractions.first { $0.sample == s.id }?.value ?? s.tumorFraction
            return Sample(id: s.id, role: s.role, kind: s.kind, collected: s.collected, tumorFraction: tf.map(ReportView.number))
        }
        biomarkers = c.biomarkers.map { Pair(name: "\($0.name) (\($0.method))", value: $0.result + ($0.sample.map { " — \($0)" } ?? "")) }
        let h = doc.headline
        acquired = h.acquired; lost = h.lost; avoid = h.avoid; reduced = h.reduced; consider = h.consider; retest = h.retest; setAside = h.setAside
        verdicts = ReportView.verdictRows(doc.implications)
        var seen = Set<String>()
        evidence = verdicts.flatMap(\.rules).filter { seen.insert($0.id).inserted }
        recommendations = doc.recommendations.map { r in
            r.reason + (r.therapy.map { " — before \($0)" } ?? "")
        }
        let latest = doc.latestProgressionSample
        let rows = doc.findings.map { ReportView.findingRow($0, latest: latest, doc: doc) }
        findings = zip(doc.findings, rows).filter { $0.0.used != false && $0.0.classification != "vus" }.map(\.1)
        uncertainFindings = zip(doc.findings, rows).filter { $0.0.used != false && $0.0.classification == "vus" }.map(\.1)
        setAsideFindings = zip(doc.findings, rows).filter { $0.0.used == false }.map(\.1)
        notAssessable = doc.notAssessable.map { ReportView.shortened("\($0.gene ?? "?") \($0.chrom):\($0.pos) \($0.ref)>\($0.alt)") + ": \($0.reason)" }
        tumorFractions = doc.tumorFractions.map { Pair(name: $0.sample, value: ($0.value.map(ReportView.number) ?? "unknown") + " — " + $0.how) }
        warnings = doc.warnings
        inputs = doc.inputs.map { i in
            Pair(name: i.id ?? i.path,
                 value: "\(i.path) · SHA-256 \(i.sha256) (\(i.checksumScope)) · \(i.build) (\(i.buildEvidence)) · sample \(i.sample ?? "–") (\(i.sampleChoice)) · \(i.container), \(i.readMode), \(i.recordsRead) records · VAF from \(i.vafSources.isEmpty ? "–" : i.vafSources.joined(separator: ", "))")
        }
        var p = [Pair(name: "tool", value: "\(doc.tool.name) \(doc.tool.version)"),
                 Pair(name: "catalogue", value: "\(doc.catalogue.version) (SHA-256 \(doc.catalogue.sha256))"),
                 Pair(name: "genome build", value: genomeBuild)]
        if let cf = doc.caseFile { p.append(Pair(name: "case file", value: "\(cf.path) (SHA-256 \(cf.sha256))")) }
        if let f = doc.referenceInputs?.fasta { p.append(Pair(name: "reference", value: "\(f.path) (.fai SHA-256 \(f.faiSHA256))")) }
        if let m = doc.referenceInputs?.transcriptModels { p.append(Pair(name: "transcript models", value: "\(m.path) (SHA-256 \(m.sha256))")) }
        provenance = p
        hasBiomarkers = !biomarkers.isEmpty; hasLost = !lost.isEmpty; hasRecommendations = !recommendations.isEmpty
        hasUncertainFindings = !uncertainFindings.isEmpty; hasSetAsideFindings = !setAsideFindings.isEmpty
        hasNotAssessable = !notAssessable.isEmpty; hasWarnings = !warnings.isEmpty; hasReduced = !reduced.isEmpty
        let s = doc.settings
        settings = [
            Pair(name: "detection", value: "≥ \(s.minAltReads) alt reads in a record that passed its filters"),
            Pair(name: "absence at baseline", value: "detection probability ≥ \(ReportView.number(s.detectionConfidence)); assumed depth \(s.baselineAssumedDepth) in declared regions; minimum depth \(s.minDepth)"),
            Pair(name: "low tumour fraction", value: "plasma below \(ReportView.number(s.lowTumorFraction)): negatives are inconclusive"),
            Pair(name: "copy number (tumour copies)", value: "amplification ≥ \(ReportView.number(s.copyNumberThresholds.amplificationMinCopies)), gain ≥ \(ReportView.number(s.copyNumberThresholds.gainMinCopies)), shallow deletion ≤ \(ReportView.number(s.copyNumberThresholds.shallowDeletionMaxCopies)), deep deletion ≤ \(ReportView.number(s.copyNumberThresholds.deepDeletionMaxCopies))"),
            Pair(name: "flagged findings", value: s.useFlagged ? "used in verdicts (--use-flagged)" : "set aside (possible CH, germline, filtered)"),
        ]
    }

    static func number(_ v: Double) -> String {
        let r = (v * 10000).rounded() / 10000
        return r == r.rounded() && abs(r) < 1e9 ? String(Int(r)) : "\(r)"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var spaced: String { String(map { $0 == "_" ? " " : $0 }) }
}
