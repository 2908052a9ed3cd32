import Interpretation
import VariantModel

extension ReportView {
    static let verdictLabels = ["resistance": "RESISTANCE", "reduced_efficacy": "REDUCED EFFICACY", "retest": "RE-TEST FIRST",
                                "sensitivity": "SENSITIVITY", "no_known_effect": "no known effect", "not_in_catalogue": "not in catalogue"]
    static let tones = ["resistance": "resistance", "reduced_efficacy": "reduced", "retest": "retest", "sensitivity": "sensitivity"]
    static let statusLabels = ["positive": "met", "negative": "not met", "not_tested": "NOT TESTED"]

    /// The document's verdicts in its order; a class row that restates its drugs' verdicts is folded into them.
    static func verdictRows(_ all: [TherapyVerdict]) -> [Verdict] {
        let folded = all.filter { $0.therapyKind == "class" && !$0.restatedBy.isEmpty && $0.differsFrom.isEmpty }
        return all.filter { v in !folded.contains(v) }.map { v in
            let classes = folded.filter { $0.restatedBy.contains(v.therapy) }.map(\.therapy)
            var tags: [String] = []
            if let l = v.evidenceLevel { tags.append(l.spaced) }
            if let t = v.ampTier { tags.append("AMP/ASCO/CAP \(t)") }
            if v.tentative { tags.append("tentative") }
            if v.preclinicalOnly { tags.append("preclinical only") }
            if v.originUncertain { tags.append("origin uncertain") }
            let untested = untestedConditions(v)
            return Verdict(
                therapy: v.therapy, kind: v.therapyKind, verdict: v.verdict, label: verdictLabels[v.verdict] ?? v.verdict,
                tone: tones[v.verdict] ?? "none", tags: tags, tagText: tags.isEmpty ? nil : tags.joined(separator: " · "),
                because: v.because,
                foldedClasses: classes.isEmpty ? nil : "same verdict for the class: " + classes.joined(separator: ", "),
                classDiffers: v.differsFrom.isEmpty ? nil : "class-level rules say \(verdictLabels[v.verdict] ?? v.verdict); drug-level verdicts differ for " + v.differsFrom.joined(separator: ", ") + " (the drug verdict is the more specific)",
                rules: v.ruleDetails.map(ruleRow), signals: v.preclinicalSignals.isEmpty ? nil : v.preclinicalSignals.joined(separator: ", "),
                conflicting: v.conflicting.isEmpty ? nil : v.conflicting.joined(separator: ", "),
                overridden: v.overridden.isEmpty ? nil : v.overridden.joined(separator: ", "), originNotes: v.originNotes,
                untested: untested, hasUntested: !untested.isEmpty)
        }
    }

    static func untestedConditions(_ v: TherapyVerdict) -> [String] {
        var out: [String] = []
        for r in v.ruleDetails {
            for c in r.conditions where c.status == "not_tested" {
                let text = "\(c.biomarker)" + (c.settledBy.map { " — settle with \($0)" } ?? "")
                if !out.contains(text) { out.append(text) }
            }
        }
        return out
    }

    static func ruleRow(_ r: TherapyVerdict.RuleEvidence) -> Rule {
        Rule(id: r.id, title: r.title, effect: r.effect.spaced, level: r.evidenceLevel.spaced,
             studyTypes: r.studyTypes.map(\.spaced).joined(separator: ", "), tentative: r.tentative, mechanism: r.mechanism,
             conditions: r.conditions.map { c in
                Condition(biomarker: c.biomarker, role: c.role.spaced, status: statusLabels[c.status] ?? c.status,
                          statusClass: c.status == "not_tested" ? "untested" : c.status == "positive" ? "met" : "unmet",
                          evidence: (c.evidence + [c.note].compactMap { $0 }).joined(separator: "; ").nonEmpty,
                          settledBy: c.settledBy)
             },
             references: r.references.map { ref in
                let cite = [ref.firstAuthor.map { "\($0) et al." }, ref.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
                return Reference(label: ref.label, url: ref.url.flatMap(ReportView.safeLink), citation: cite.nonEmpty, title: ref.title)
             },
             originNote: r.originNote)
    }

    static func findingRow(_ f: DocumentFinding, latest: String?, doc: InterpretationDocument) -> Finding {
        let m = f.samples.first { $0.id == latest } ?? f.samples.last
        let series = f.samples.filter { $0.role != "normal" }.map { s in
            SampleValue(sample: s.id, value: s.status == "detected" || (s.status == nil && s.detected == true)
                        ? (s.vaf.map(number) ?? "detected")
                        : (s.status ?? "no record").spaced + (s.depth.map { " (\(s.altReads ?? 0) alt of \($0)\(s.vafSource == SampleMeasurement.fromReads ? " fragments" : ""))" } ?? ""))
        }
        var notes: [String] = []
        if let cn = f.copyNumberCall, let a = cn.adjusted { notes.append("\(number(a)) tumour copies (\(cn.threshold))") }
        if let r = f.notUsedReason { notes.append("not used: " + r.spaced) }
        return Finding(label: ReportView.shortened(f.label), hgvsc: f.hgvsc ?? "–", transcript: f.transcript ?? "–", vaf: m?.vaf.map(number) ?? "n/r",
                       depth: m?.depth.map(String.init) ?? "n/r", origin: (f.origin ?? "").spaced,
                       classification: (f.classification ?? "").spaced,
                       flags: (f.flags ?? []).isEmpty ? nil : f.flags?.map(\.spaced).joined(separator: ", "),
                       note: notes.isEmpty ? nil : notes.joined(separator: "; "), reason: f.notUsedReason?.spaced, series: series,
                       chart: VAFChart.chart(f, doc: doc))
    }
}

extension ReportView {
    /// Long allele text (a 300 kb insertion written out) is cut for reading, with a marker saying how long
    /// it was; the JSON document keeps the whole value.
    static func shortened(_ s: String, limit: Int = 120) -> String {
        s.count <= limit ? s : String(s.prefix(limit)) + "… [\(s.count) characters; see the JSON document]"
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
